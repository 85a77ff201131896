/*
 * segment.h: sentence boundaries in news prose.
 */
#ifndef PRECIS_SEGMENT_H
#define PRECIS_SEGMENT_H

#include <stddef.h>

#include "arena.h"
#include "clean.h"

enum {
    SEG_NO_FINAL_PUNCT = 1u << 0, /* headline, fragment or truncated text */
    SEG_WHOLE_PARAGRAPH = 1u << 2, /* the paragraph's only sentence */
    SEG_PARAGRAPH_START = 1u << 3  /* the first sentence of its paragraph */
};

typedef struct seg_sentence {
    size_t start, end; /* byte offsets into the article, trimmed */
    unsigned flags;
} seg_sentence;

typedef struct seg_list {
    seg_sentence *items;
    size_t count, cap;
    size_t max;  /* most sentences to keep; 0: no limit */
    int full;    /* set when a sentence was found past `max`: the rest of
                    the paragraph is not read */
} seg_list;

/* Appends the sentences of text[para.start, para.end) to out, stopping when
 * out->max sentences are held and another one is found.
 * Returns 0, or -1 when out of memory. */
int segment_paragraph(arena *a, const char *text, text_span para, seg_list *out);

/* Length of a leading dateline or source tag ("BEIRUT — ", "( cnn ) -- ",
 * "Washington ( ap ) — ") that can be dropped from an article's first
 * sentence, or 0. */
size_t segment_dateline(const char *s, size_t len);

/* The same, knowing whether the article is cased text: then every word of
 * the place must be capitalized ("BEIRUT", "Portville, Ore."). */
size_t segment_dateline_cased(const char *s, size_t len, int cased);

/* A dateline sure enough to drop wherever a paragraph starts with it, in
 * cased text: the place in capitals ("PORTVILLE, Ore. — ") or an agency in
 * brackets ("Washington (AP) — "). */
size_t segment_dateline_strict(const char *s, size_t len);

/* 1 when the text (its first 4 KB) is cased: capitals inside sentences,
 * unlike the lower-cased Multi-News release. */
int segment_text_is_cased(const char *text, size_t len);

#endif

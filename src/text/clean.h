/*
 * clean.h: finding the article prose inside scraped or SGML text.
 *
 * Input bytes are never modified: clean-up returns the spans (byte ranges in
 * the original) of the paragraphs worth segmenting, and a verdict for single
 * sentences, so that every later offset still points into the input.
 */
#ifndef PRECIS_CLEAN_H
#define PRECIS_CLEAN_H

#include <stddef.h>

#include "arena.h"
#include "precis.h"

typedef struct text_span {
    size_t start, end;
} text_span;

/* A growable list of spans in an arena; reusable from text to text. */
typedef struct span_list {
    text_span *items;
    size_t count, cap;
} span_list;

/* Why a paragraph or sentence is not article prose. */
typedef enum junk_kind {
    JUNK_NONE = 0,
    JUNK_CAPTION,     /* photo captions and credits */
    JUNK_SOCIAL,      /* embedded tweets and posts */
    JUNK_RELATED,     /* "Related Articles" and the headlines under it */
    JUNK_LINK,        /* "See ...:" cross links, "Read more" */
    JUNK_CONTRIBUTOR, /* "... contributed to this report" */
    JUNK_CHROME       /* share / subscribe / advertisement lines */
} junk_kind;

/*
 * The prose paragraphs of one article, in order.  For SGML input only the
 * contents of <TEXT> elements count.  Hard-wrapped text (DUC newswire) is
 * joined into paragraphs at indentation or blank lines; otherwise every line
 * is a paragraph.  Returns the number of paragraphs (0 for none) or -1 when
 * out of memory; *dropped counts the paragraphs removed as junk.
 */
long clean_paragraphs(arena *a, const char *text, size_t len, precis_markup markup,
                      text_span **paragraphs, size_t *dropped);

/* The same, keeping at most max_paragraphs paragraphs: the text after the
 * last one kept is never read, so the work and memory are bounded by the cap
 * whatever the text's size (one pass over each region decides whether it is
 * hard-wrapped; nothing is stored per line).  `kept` is emptied first and
 * may be reused from article to article.  *stopped is 1 when the cap was
 * reached (more text may follow). */
long clean_paragraphs_bounded(arena *a, const char *text, size_t len, precis_markup markup,
                              size_t max_paragraphs, span_list *kept, size_t *dropped,
                              int *stopped);

/* Verdict on a paragraph seen on its own (no context). */
junk_kind clean_paragraph_kind(const char *s, size_t len);
/* Verdict on one sentence inside prose (stricter: prose may mention Twitter). */
junk_kind clean_sentence_kind(const char *s, size_t len);


#endif

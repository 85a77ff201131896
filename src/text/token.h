/*
 * token.h: words, case folding, stopwords and Snowball stems.
 */
#ifndef PRECIS_TOKEN_H
#define PRECIS_TOKEN_H

#include <stddef.h>

#include "precis.h"

struct sb_stemmer;

/* A direct-mapped cache of recent words: news repeats its words, and the
 * stemmer and the stopword search are most of the tokenizer's time. */
#define TOKEN_CACHE_SLOTS 4096
#define TOKEN_CACHE_WORD 24

typedef struct token_cache_entry {
    unsigned char word_len; /* 0: empty */
    unsigned char stem_len;
    unsigned char stopword;
    char word[TOKEN_CACHE_WORD];
    char stem[TOKEN_CACHE_WORD];
} token_cache_entry;

typedef struct tokenizer {
    const precis_model *model;
    struct sb_stemmer *stemmer; /* not thread-safe: one per tokenizer */
    char word[256];             /* the current folded word */
    token_cache_entry *cache;   /* TOKEN_CACHE_SLOTS entries */
} tokenizer;

typedef struct token {
    const char *stem;   /* valid until the next token */
    size_t stem_len;
    const char *word;   /* lower-cased, folded surface form */
    size_t word_len;
    size_t start, end;  /* byte span in the text given to tokenize */
    int stopword;
    int numeric;        /* starts with a digit */
} token;

/* Returns 0, or -1 when the stemmer cannot be created. */
int tokenizer_init(tokenizer *t, const precis_model *model);
void tokenizer_release(tokenizer *t);

typedef int (*token_fn)(void *ctx, const token *tok);

/*
 * Calls fn for each word of text[0..len): a run of letters and digits, with
 * inner apostrophes (don't), inner dots (U.S.) and digit groups (45,000, 3.5)
 * kept inside; hyphens and other punctuation separate.  Words are lower-cased
 * (Unicode, locale-free), NFC-composed, typographic apostrophes folded, a
 * possessive 's dropped, then stemmed with Snowball's English stemmer.
 * HTML entities are skipped.  Stops and returns fn's value when it is not 0.
 */
int tokenize(tokenizer *t, const char *text, size_t len, token_fn fn, void *ctx);

#endif

/*
 * table.h: the compiled-in word lists (tools/gen_table.c writes them).
 *
 * A table is sorted keys with string values, stored as two NUL-separated
 * blobs with offsets, plus the first two numbers of every value already
 * parsed.  Offsets instead of pointers mean no relocations for the loader
 * and nothing to parse at start-up: a fresh `precis` process uses the
 * 50,000-entry statistics tables without touching most of their pages.
 */
#ifndef PRECIS_TABLE_H
#define PRECIS_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct data_table {
    size_t count;
    const char *keys;             /* key i starts at keys + key_offsets[i] */
    const uint32_t *key_offsets;
    const char *values;           /* value i starts at values + value_offsets[i] */
    const uint32_t *value_offsets;
    const double *first;          /* first number of each value (0 if none) */
    const double *second;         /* second number of each value (0 if none) */
} data_table;

/* Index of word[0..len) among the sorted keys, or -1. */
long table_lookup(const data_table *t, const char *word, size_t len);

static inline const char *table_key(const data_table *t, size_t i)
{
    return t->keys + t->key_offsets[i];
}

static inline const char *table_value(const data_table *t, size_t i)
{
    return t->values + t->value_offsets[i];
}

extern const data_table idf_table, summary_prob_table, weights_table, word_weights_table,
    stopwords_table, rouge_stopwords_table, rouge_wordnet_table;

#endif

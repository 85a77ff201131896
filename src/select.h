/*
 * select.h: choosing and ordering summary sentences under a budget.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include "arena.h"
#include "cluster.h"

typedef struct selection {
    uint32_t *sents;   /* indices into cluster.sents, in reading order */
    size_t count;
    /* When the last pick was cut to fit (--truncate): its index in `sents`
     * and the number of words kept; otherwise cut_words == 0. */
    size_t cut_at;
    uint32_t cut_words;
    /* per sentence: largest cosine with a chosen sentence, and whether it
     * is chosen (kept up to date as sentences are taken) */
    double *nearest;
    unsigned char *taken;
} selection;

/* Returns 0, or -1 when out of memory. */
int select_sentences(arena *a, const cluster *c, const precis_options *o,
                     size_t (*cost)(const cluster *, const sentence *),
                     selection *out);

/* The weight of every concept of the cluster (select.c): the number of
 * articles using it, 0 below 2 articles (3 from 6 articles on). */
double *concept_weights(arena *a, const cluster *c);

/* Reading order: sentences of one article together in source order,
 * articles ordered by their first chosen sentence. */
void order_for_reading(const cluster *c, uint32_t *sents, size_t count);

#endif

/*
 * select.h: choosing and ordering summary sentences under a budget.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include "arena.h"
#include "cluster.h"

/* What a selection could not do as asked, for the summary's warnings. */
enum {
    SELECT_NOTE_ILP_TOO_LARGE = 1u << 0,    /* greedy instead of the exact ILP */
    SELECT_NOTE_ILP_NODES_BEST = 1u << 1,   /* node limit: best solution found */
    SELECT_NOTE_ILP_NODES_GREEDY = 1u << 2, /* node limit before any solution */
    SELECT_NOTE_ILP_TIME_BEST = 1u << 3,    /* time limit: best solution found */
    SELECT_NOTE_ILP_TIME_GREEDY = 1u << 4,  /* time limit before any solution */
    SELECT_NOTE_ILP_FAILED = 1u << 5        /* GLPK failed: greedy instead */
};

typedef struct selection {
    uint32_t *sents;   /* indices into cluster.sents, in reading order */
    size_t count;
    /* When the last pick was cut to fit (--truncate): its index in `sents`
     * and the number of words (bytes, for a budget in bytes) to keep;
     * otherwise cut_words == 0. */
    size_t cut_at;
    uint32_t cut_words;
    /* per sentence: largest cosine with a chosen sentence, and whether it
     * is chosen (kept up to date as sentences are taken) */
    double *nearest;
    unsigned char *taken;
    unsigned notes;    /* SELECT_NOTE_* */
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

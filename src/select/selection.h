/*
 * selection.h: a selection of sentences, what every selection strategy
 * (select.c: MMR, the baselines, greedy concepts; ilp.c: the exact ILP;
 * oracle.c) fills in.  Apart from the strategies, so that they depend on it
 * and not on each other.
 */
#ifndef PRECIS_SELECTION_H
#define PRECIS_SELECTION_H

#include <stddef.h>
#include <stdint.h>

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

#endif

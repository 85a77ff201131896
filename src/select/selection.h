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

#include "precis.h"
#include "workset.h"

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
    /* per person (text/people.c): a chosen sentence gives the full name;
     * NULL when not followed */
    unsigned char *introduced;
    /* per term: a chosen sentence holds it (NULL when not followed) */
    unsigned char *in_brief;
    unsigned notes;    /* SELECT_NOTE_* */
} selection;

/* What every strategy does to a selection (selection.c). */

/* Adds sentence sid and folds its similarity into every sentence's nearest. */
void selection_take(const workset *c, selection *out, uint32_t sid);
/* 1 when s is a near copy (cosine above limit) of a chosen sentence; the
 * largest similarity in *max_sim. */
int selection_too_similar(const workset *c, const selection *out, const sentence *s,
                          double limit, double *max_sim);
/* The share of s's content (its tf-idf weights) that chosen sentences
 * already hold, from 0 to 1: a fact restated in other words shares its
 * names, numbers and key terms with the brief even when its cosine with
 * each chosen sentence is low.  0 when not followed. */
double selection_covered(const selection *sel, const sentence *s);
/* 1 when the sentence just before s in its article is chosen. */
int selection_chose_predecessor(const workset *c, const selection *sel, const sentence *s);
/* --truncate: the most salient candidate left fills the rest of a budget in
 * words or bytes (`used` of it spent), cut. */
void selection_fill_with_cut(const workset *c, const precis_options *o, selection *out,
                             const uint32_t *cand, size_t ncand, size_t used);

#endif

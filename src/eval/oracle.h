/*
 * oracle.h: the greedy ROUGE-1 + ROUGE-2 recall oracle, for evaluation (the
 * upper bound of `precis eval --method oracle`) and for training labels
 * (train.c).
 */
#ifndef PRECIS_ORACLE_H
#define PRECIS_ORACLE_H

#include "arena.h"
#include "workset.h"
#include "selection.h"

/* Chooses sentences greedily by ROUGE gain against the references (each a
 * NUL-terminated text).  When `density` is not NULL it receives, for every
 * candidate sentence (indexed like c->sents), the share of its unigrams and
 * bigrams found in the references.  Returns 0, or -1 when out of memory. */
int oracle_select(arena *a, const workset *c, const precis_options *o,
                  size_t (*cost)(const workset *, const sentence *), const char *const *refs,
                  size_t nrefs, int stem, int stopwords, selection *out, double *density);

#endif

/*
 * word_importance.h: how likely each word of a cluster is to be in its
 * summary (a supervised word-importance model, word_importance.c).
 */
#ifndef PRECIS_WORD_IMPORTANCE_H
#define PRECIS_WORD_IMPORTANCE_H

#include "arena.h"
#include "workset.h"
#include "word_features.h"

/* Fills feats[t * WORD_FEATURE_COUNT + k] for every term t of the cluster.
 * Returns 0, or -1 when out of memory. */
int word_features(arena *a, const workset *c, double *feats);

/* Sets c->importance (per term) from the model's word weights, and each
 * sentence's `importance`: the mean over its words.  0 or -1 (memory). */
int word_importance(arena *a, workset *c);

#endif

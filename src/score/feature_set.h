/*
 * feature_set.h: the sentence features of the learned scorer (feature_set.c).
 */
#ifndef PRECIS_FEATURES_H
#define PRECIS_FEATURES_H

#include "arena.h"
#include "feature_list.h"
#include "workset.h"


/* Clusters larger than this skip the quadratic features (support_max,
 * centroid_rank), which then read 0: bounded work on huge inputs. */
#define FEATURES_QUADRATIC_LIMIT 4000

/* Fills feats[s * FEATURE_COUNT + k] for every sentence s of the workset
 * (all zero for sentences that cannot be chosen).  Needs the centroid and
 * LexRank scores.  Returns 0, or -1 when out of memory. */
int features_compute(arena *a, const workset *c, double *feats);

/* 1 when the sentence opens with a word that needs an antecedent
 * ("He said", "But", "However,", "This"). */
int sentence_starts_dangling(const char *s, size_t len);

#endif

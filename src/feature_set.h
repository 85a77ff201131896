/*
 * feature_set.h: the sentence features of the learned scorer (feature_set.c).
 */
#ifndef PRECIS_FEATURES_H
#define PRECIS_FEATURES_H

#include "arena.h"
#include "workset.h"

enum {
    FEAT_BIAS, FEAT_LEAD_INVERSE, FEAT_LEAD_FIRST, FEAT_LEAD_SECOND, FEAT_RELATIVE_POSITION,
    FEAT_ARTICLE_ORDER, FEAT_ARTICLE_SHARE, FEAT_LENGTH, FEAT_LENGTH_SHORT, FEAT_LENGTH_LONG,
    FEAT_CENTROID, FEAT_LEXRANK, FEAT_CENTROID_RANK, FEAT_IDF_MEAN, FEAT_SUPPORT,
    FEAT_SUPPORT_MAX, FEAT_QUOTE_START, FEAT_QUOTE_INSIDE, FEAT_HAS_NUMBER, FEAT_DANGLING_START,
    FEAT_CLUSTER_SIZE, FEAT_ARTICLES, FEAT_QUESTION, FEAT_LEAD_X_CENTROID, FEAT_LEAD_X_SUPPORT,
    FEAT_WORD_PROB, FEAT_WORD_PROB_SUPPORT, FEAT_WORD_PROB_X_LEAD,
    FEAT_STOP_RATIO, FEAT_PROB_ALL, FEAT_PROB_ALL_X_LEAD, FEAT_WORD_PROB_SQ,
    FEAT_IMPORTANCE, FEAT_IMPORTANCE_CONTENT, FEAT_IMPORTANCE_X_LEAD,
    FEATURE_COUNT
};

/* Clusters larger than this skip the quadratic features (support_max,
 * centroid_rank), which then read 0: bounded work on huge inputs. */
#define FEATURES_QUADRATIC_LIMIT 4000

extern const char *const feature_names[FEATURE_COUNT];

/* Fills feats[s * FEATURE_COUNT + k] for every sentence s of the workset
 * (all zero for sentences that cannot be chosen).  Needs the centroid and
 * LexRank scores.  Returns 0, or -1 when out of memory. */
int features_compute(arena *a, const workset *c, double *feats);

/* 1 when the sentence opens with a word that needs an antecedent
 * ("He said", "But", "However,", "This"). */
int sentence_starts_dangling(const char *s, size_t len);

#endif

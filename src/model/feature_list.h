/*
 * feature_list.h: the sentence features of the learned scorer, by name.
 *
 * The list alone, apart from their computation (score/feature_set.c), so
 * that the model (model.c), which holds one weight per feature, does not
 * depend on the scoring layer that computes them.
 */
#ifndef PRECIS_FEATURE_LIST_H
#define PRECIS_FEATURE_LIST_H

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

/* The names of data/weights.tsv, by feature. */
extern const char *const feature_names[FEATURE_COUNT];

#endif

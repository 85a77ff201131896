/*
 * word_features.h: the features of the word-importance model, by name.
 *
 * The list alone, apart from their computation (word_importance.c), so that
 * the model (model.c), which reads one weight per feature, and the
 * computation, which reads the model's weights, do not depend on each other.
 */
#ifndef PRECIS_WORD_FEATURES_H
#define PRECIS_WORD_FEATURES_H

enum {
    WORD_BIAS, WORD_TF, WORD_ARTICLES, WORD_FIRST_RANK, WORD_IN_LEAD, WORD_IDF, WORD_PRIOR,
    WORD_PRIOR_LOGIT, WORD_STOPWORD, WORD_NUMERIC, WORD_LEAD_SHARE, WORD_SINGLE_ARTICLE,
    WORD_FEATURE_COUNT
};

/* The names of data/word_weights.tsv, by feature. */
extern const char *const word_feature_names[WORD_FEATURE_COUNT];

#endif

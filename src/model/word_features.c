/*
 * word_features.c: the names of the word-importance features (word_features.h).
 */
#include "word_features.h"

const char *const word_feature_names[WORD_FEATURE_COUNT] = {
    "bias", "tf", "articles", "first_rank", "in_lead", "idf", "prior", "prior_logit",
    "stopword", "numeric", "lead_share", "single_article",
};

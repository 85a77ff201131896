/*
 * feature_list.c: the names of the learned scorer's features (feature_list.h).
 */
#include "feature_list.h"

const char *const feature_names[FEATURE_COUNT] = {
    "bias",          "lead_inverse",  "lead_first",    "lead_second",   "relative_position",
    "article_order", "article_share", "length",        "length_short",  "length_long",
    "centroid",      "lexrank",       "centroid_rank", "idf_mean",      "support",
    "support_max",   "quote_start",   "quote_inside",  "has_number",    "dangling_start",
    "cluster_size",  "articles",      "question",      "lead_x_centroid", "lead_x_support",
    "word_prob",     "word_prob_support", "word_prob_x_lead",
    "stop_ratio",    "prob_all",      "prob_all_x_lead", "word_prob_sq",
    "importance",    "importance_content", "importance_x_lead",
};

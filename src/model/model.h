/*
 * model.h: the read-only language data behind precis_model.
 */
#ifndef PRECIS_MODEL_H
#define PRECIS_MODEL_H

#include <stddef.h>

#include "feature_list.h"
#include "word_features.h"
#include "precis.h"

struct precis_model {
    double documents;              /* N of the background corpus */
    double weights[FEATURE_COUNT]; /* the learned scorer (data/weights.tsv) */
    double word_weights[WORD_FEATURE_COUNT]; /* word importance (data/word_weights.tsv) */
};

/* How likely a stem of the articles is to appear in a written summary
 * (data/summary_prob.tsv, smoothed towards a prior). */
double model_summary_prob(const precis_model *model, const char *stem, size_t len);

/* 1 when the lower-cased word is a stopword. */
int model_is_stopword(const precis_model *model, const char *word, size_t len);

#endif

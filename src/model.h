/*
 * model.h: the read-only language data behind precis_model.
 */
#ifndef PRECIS_MODEL_H
#define PRECIS_MODEL_H

#include <stddef.h>

#include "feature_set.h"
#include "precis.h"

struct precis_model {
    size_t idf_count;
    const char *const *idf_terms; /* sorted stems (compiled-in table) */
    float *idf;                   /* parsed once from the table's values */
    double documents;             /* N of the background corpus */
    double unknown_idf;           /* for stems the corpus never saw */
    double weights[FEATURE_COUNT]; /* the learned scorer (data/weights.tsv) */
    float *summary_prob;          /* per summary_prob table entry */
    double summary_prob_prior;    /* for stems the table lacks */
};

/* How likely a stem of the articles is to appear in a written summary
 * (data/summary_prob.tsv, smoothed towards a prior). */
double model_summary_prob(const precis_model *model, const char *stem, size_t len);

/* 1 when the lower-cased word is a stopword. */
int model_is_stopword(const precis_model *model, const char *word, size_t len);

#endif

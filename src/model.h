/*
 * model.h: the read-only language data behind precis_model.
 */
#ifndef PRECIS_MODEL_H
#define PRECIS_MODEL_H

#include <stddef.h>

#include "precis.h"

struct precis_model {
    size_t idf_count;
    const char *const *idf_terms; /* sorted stems (compiled-in table) */
    float *idf;                   /* parsed once from the table's values */
    double documents;             /* N of the background corpus */
    double unknown_idf;           /* for stems the corpus never saw */
};

/* 1 when the lower-cased word is a stopword. */
int model_is_stopword(const precis_model *model, const char *word, size_t len);

#endif

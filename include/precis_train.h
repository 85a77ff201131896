/*
 * precis_train.h: training the learned scorers of libprecis (`precis train`),
 * on top of precis.h.
 *
 * EXPERIMENTAL: this API may change, or go, in any release, without a new
 * major version.  It exposes how the sentence and word scorers are fitted
 * (their feature lists, the rows the greedy ROUGE oracle labels, a logistic
 * regression), which follows the scorers as they evolve.  Summarizing,
 * reading inputs and evaluating never need it.
 *
 * Conventions are those of precis.h: the caller owns what a call returns and
 * frees it with the matching *_free; every call that can fail returns a
 * precis_status and fills the `precis_error *` it is given (NULL allowed).
 */
#ifndef PRECIS_TRAIN_H
#define PRECIS_TRAIN_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Training the learned scorer (`precis train`).  For one cluster with
 * reference summaries, the features of every candidate sentence and whether
 * the greedy ROUGE oracle (with ROUGE's -m stemming when `stem`) picks it
 * under the summarizer's budget.  Rows are feature-major: x[r * features + k].
 */
typedef struct precis_rows {
    size_t count, features;
    double *x;
    unsigned char *y;   /* 1 when the oracle picks the sentence */
    double *density;    /* share of its unigrams + bigrams in the references */
} precis_rows;

PRECIS_API precis_status precis_training_rows(precis_summarizer *s, const precis_article *articles,
                                   size_t count, precis_markup markup,
                                   const char *const *references, size_t nreferences, int stem,
                                   precis_rows **out, precis_error *err);
PRECIS_API void precis_rows_free(precis_rows *rows);

PRECIS_API size_t precis_feature_count(void);
PRECIS_API const char *precis_feature_name(size_t k); /* NULL past the last feature */

/* Rows of the word-importance model: one per stem of the cluster, labelled
 * 1 when a reference summary uses it (`precis train --target words`). */
PRECIS_API precis_status precis_training_word_rows(precis_summarizer *s, const precis_article *articles,
                                        size_t count, precis_markup markup,
                                        const char *const *references, size_t nreferences,
                                        precis_rows **out, precis_error *err);
PRECIS_API size_t precis_word_feature_count(void);
PRECIS_API const char *precis_word_feature_name(size_t k);

/* L2-regularised logistic regression by Newton's method on labels (or soft
 * labels) y in [0, 1]: fills weights[features].  Deterministic for a given
 * row order. */
PRECIS_API precis_status precis_fit_logistic(const double *x, const double *y, size_t rows,
                                  size_t features, double l2, int iterations, double *weights,
                                  precis_error *err);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_TRAIN_H */

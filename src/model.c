/*
 * model.c: background statistics and word lists, compiled into the library.
 *
 * data/idf.tsv holds document frequencies of Snowball-stemmed terms over the
 * articles of the Multi-News train split (see tools/build_idf.c); the build
 * turns it into sorted C arrays (tools/gen_table.c), so finding a term is a
 * binary search in read-only memory.  The key " docs" (a space sorts first)
 * holds the number of articles.  precis_model_new parses the counts into
 * IDF values once; the model is immutable afterwards and may be shared
 * between threads.
 */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

extern const size_t idf_table_count;
extern const char *const idf_table_keys[];
extern const char *const idf_table_values[];
extern const size_t summary_prob_table_count;
extern const char *const summary_prob_table_keys[];
extern const char *const summary_prob_table_values[];
extern const size_t weights_table_count;
extern const char *const weights_table_keys[];
extern const char *const weights_table_values[];
extern const size_t stopwords_table_count;
extern const char *const stopwords_table_keys[];

/* Binary search of a sorted key table for word[0..len). */
static long table_find(const char *const *keys, size_t count, const char *word, size_t len)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *key = keys[mid];
        int cmp = strncmp(key, word, len);
        if (cmp == 0 && key[len] != '\0')
            cmp = 1;
        if (cmp == 0)
            return (long)mid;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

precis_model *precis_model_new(precis_error *err)
{
    precis_model *m = calloc(1, sizeof *m);
    if (!m) {
        PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory loading the model");
        return NULL;
    }
    m->idf_count = idf_table_count;
    m->idf_terms = idf_table_keys;
    m->idf = malloc((idf_table_count ? idf_table_count : 1) * sizeof *m->idf);
    if (!m->idf) {
        free(m);
        PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory loading the model");
        return NULL;
    }
    long docs_at = table_find(idf_table_keys, idf_table_count, " docs", 5);
    m->documents = docs_at >= 0 ? strtod(idf_table_values[docs_at], NULL) : 1.0;
    if (m->documents < 1.0)
        m->documents = 1.0;
    for (size_t i = 0; i < idf_table_count; i++) {
        double df = strtod(idf_table_values[i], NULL);
        m->idf[i] = (float)log((m->documents + 1.0) / (df + 0.5));
    }
    m->unknown_idf = log((m->documents + 1.0) / 0.5);
    /* p(in summary | in articles), smoothed: (summaries + m p0) / (clusters + m) */
    const double prior = 0.25, strength = 5.0;
    m->summary_prob_prior = prior;
    m->summary_prob = malloc((summary_prob_table_count ? summary_prob_table_count : 1) *
                             sizeof *m->summary_prob);
    if (!m->summary_prob) {
        precis_model_free(m);
        PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory loading the model");
        return NULL;
    }
    for (size_t i = 0; i < summary_prob_table_count; i++) {
        char *end;
        double clusters = strtod(summary_prob_table_values[i], &end);
        double summaries = strtod(end, NULL);
        m->summary_prob[i] = (float)((summaries + strength * prior) / (clusters + strength));
    }
    /* features missing from the weights file weigh 0 */
    for (size_t k = 0; k < FEATURE_COUNT; k++) {
        long at = table_find(weights_table_keys, weights_table_count, feature_names[k],
                             strlen(feature_names[k]));
        m->weights[k] = at >= 0 ? strtod(weights_table_values[at], NULL) : 0.0;
    }
    return m;
}

void precis_model_free(precis_model *model)
{
    if (!model)
        return;
    free(model->idf);
    free(model->summary_prob);
    free(model);
}

double precis_model_idf(const precis_model *model, const char *stem, size_t len)
{
    long at = table_find(model->idf_terms, model->idf_count, stem, len);
    return at >= 0 ? model->idf[at] : model->unknown_idf;
}

double model_summary_prob(const precis_model *model, const char *stem, size_t len)
{
    long at = table_find(summary_prob_table_keys, summary_prob_table_count, stem, len);
    return at >= 0 ? model->summary_prob[at] : model->summary_prob_prior;
}

int model_is_stopword(const precis_model *model, const char *word, size_t len)
{
    (void)model;
    return table_find(stopwords_table_keys, stopwords_table_count, word, len) >= 0;
}

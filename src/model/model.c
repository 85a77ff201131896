/*
 * model.c: background statistics, word lists and weights, compiled in.
 *
 * data/idf.tsv holds document frequencies of Snowball-stemmed terms over the
 * articles of the Multi-News train split, data/summary_prob.tsv how often a
 * stem of a cluster's articles reaches its written summary, and
 * data/weights.tsv the learned scorer (tools/build_idf.c, `precis train`).
 * The build turns each into a sorted data_table (tools/gen_table.c), so a
 * lookup is a binary search in read-only memory and creating a model costs
 * a few lookups: values are derived per lookup, not precomputed, which
 * keeps a fresh process's start-up in the microseconds.  The model is
 * immutable and may be shared between threads.
 */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "table.h"
#include "word_features.h"

/* p(in summary | in articles) = (summaries + STRENGTH * PRIOR) / (clusters + STRENGTH) */
#define SUMMARY_PRIOR 0.25
#define SUMMARY_STRENGTH 5.0

precis_status precis_model_new(precis_model **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_model_new: NULL argument");
    *out = NULL;
    precis_model *m = calloc(1, sizeof *m);
    if (!m)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory loading the model");
    long docs_at = table_lookup(&idf_table, " docs", 5);
    m->documents = docs_at >= 0 ? idf_table.first[docs_at] : 1.0;
    if (m->documents < 1.0)
        m->documents = 1.0;
    /* features missing from the weights file weigh 0 */
    for (size_t k = 0; k < FEATURE_COUNT; k++) {
        long at = table_lookup(&weights_table, feature_names[k], strlen(feature_names[k]));
        m->weights[k] = at >= 0 ? weights_table.first[at] : 0.0;
    }
    for (size_t k = 0; k < WORD_FEATURE_COUNT; k++) {
        long at = table_lookup(&word_weights_table, word_feature_names[k],
                               strlen(word_feature_names[k]));
        m->word_weights[k] = at >= 0 ? word_weights_table.first[at] : 0.0;
    }
    *out = m;
    return PRECIS_OK;
}

void precis_model_free(precis_model *model)
{
    free(model);
}

double precis_model_idf(const precis_model *model, const char *stem, size_t len)
{
    long at = table_lookup(&idf_table, stem, len);
    double df = at >= 0 ? idf_table.first[at] : 0.0;
    return log((model->documents + 1.0) / (df + 0.5));
}

double model_summary_prob(const precis_model *model, const char *stem, size_t len)
{
    (void)model;
    long at = table_lookup(&summary_prob_table, stem, len);
    if (at < 0)
        return SUMMARY_PRIOR;
    double clusters = summary_prob_table.first[at], summaries = summary_prob_table.second[at];
    return (summaries + SUMMARY_STRENGTH * SUMMARY_PRIOR) / (clusters + SUMMARY_STRENGTH);
}

int model_is_stopword(const precis_model *model, const char *word, size_t len)
{
    (void)model;
    return table_lookup(&stopwords_table, word, len) >= 0;
}

/*
 * word_importance.c: which words of a cluster its summary will use.
 *
 * ROUGE counts words, so a sentence is worth what its words are worth.  A
 * logistic model (Hong & Nenkova's idea of supervised word importance for
 * news summarization) estimates, for every stem of the cluster, the chance
 * that the reference summary uses it, from how the cluster uses it (how
 * often, in how many articles, how early, in the leads) and what the
 * background says (IDF, how often Multi-News summaries keep it).  It is
 * trained with `precis train --target words` on the train split; each
 * sentence's mean word importance then becomes a feature of the sentence
 * scorer.  Names are part of the weights file format: append, never rename.
 */
#include "word_importance.h"

#include <math.h>
#include <string.h>

#include "model.h"

int word_features(arena *a, const workset *c, double *feats)
{
    uint32_t n = c->nterms;
    memset(feats, 0, (size_t)n * WORD_FEATURE_COUNT * sizeof *feats);
    uint32_t *tf = arena_array(a, n + 1, sizeof *tf);
    uint32_t *lead_tf = arena_array(a, n + 1, sizeof *lead_tf);
    uint32_t *articles = arena_array(a, n + 1, sizeof *articles);
    uint32_t *last = arena_array(a, n + 1, sizeof *last);
    uint32_t *first_rank = arena_array(a, n + 1, sizeof *first_rank);
    unsigned char *in_lead = arena_alloc(a, n + 1);
    if (!tf || !lead_tf || !articles || !last || !first_rank || !in_lead)
        return -1;
    for (uint32_t t = 0; t < n; t++) {
        last[t] = UINT32_MAX;
        first_rank[t] = UINT32_MAX;
    }
    for (size_t s = 0; s < c->nsents; s++) {
        const sentence *x = &c->sents[s];
        if (x->flags & (SENT_JUNK | SENT_TOO_LONG))
            continue;
        for (uint32_t k = 0; k < x->ntokens; k++) {
            uint32_t t = x->tokens[k];
            tf[t]++;
            if (x->rank <= 1)
                lead_tf[t]++;
            if (x->rank == 0 && sentence_selectable(x))
                in_lead[t] = 1;
            if (x->rank < first_rank[t])
                first_rank[t] = x->rank;
            if (last[t] != x->article) {
                last[t] = x->article;
                articles[t]++;
            }
        }
    }
    double narticles = c->narticles ? (double)c->narticles : 1.0;
    for (uint32_t t = 0; t < n; t++) {
        double *f = feats + (size_t)t * WORD_FEATURE_COUNT;
        double prior = c->sprob[t];
        if (prior < 0.001)
            prior = 0.001;
        if (prior > 0.999)
            prior = 0.999;
        f[WORD_BIAS] = 1;
        f[WORD_TF] = log1p((double)tf[t]) / 3.0;
        f[WORD_ARTICLES] = (double)articles[t] / narticles;
        f[WORD_FIRST_RANK] = first_rank[t] == UINT32_MAX ? 0 : 1.0 / (1.0 + first_rank[t]);
        f[WORD_IN_LEAD] = in_lead[t];
        f[WORD_IDF] = c->idf[t] / 10.0;
        f[WORD_PRIOR] = prior;
        f[WORD_PRIOR_LOGIT] = log(prior / (1 - prior)) / 5.0;
        f[WORD_STOPWORD] = c->stop[t];
        f[WORD_NUMERIC] = c->stem_lens[t] && c->stems[t][0] >= '0' && c->stems[t][0] <= '9';
        f[WORD_LEAD_SHARE] = tf[t] ? (double)lead_tf[t] / tf[t] : 0;
        f[WORD_SINGLE_ARTICLE] = articles[t] == 1 && c->narticles > 1;
    }
    return 0;
}

int word_importance(arena *a, workset *c)
{
    double *feats = arena_array(a, (size_t)c->nterms * WORD_FEATURE_COUNT + 1, sizeof *feats);
    c->importance = arena_array(a, c->nterms + 1, sizeof *c->importance);
    if (!feats || !c->importance || word_features(a, c, feats) < 0)
        return -1;
    const double *w = c->model->word_weights;
    for (uint32_t t = 0; t < c->nterms; t++) {
        const double *f = feats + (size_t)t * WORD_FEATURE_COUNT;
        double z = 0;
        for (size_t k = 0; k < WORD_FEATURE_COUNT; k++)
            z += w[k] * f[k];
        c->importance[t] = 1.0 / (1.0 + exp(-z));
    }
    for (size_t s = 0; s < c->nsents; s++) {
        sentence *x = &c->sents[s];
        double sum = 0;
        for (uint32_t k = 0; k < x->ntokens; k++)
            sum += c->importance[x->tokens[k]];
        x->importance = x->ntokens ? sum / x->ntokens : 0;
    }
    return 0;
}

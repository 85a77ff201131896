/*
 * score.c: how central, how early and how summary-like each sentence is.
 *
 *   centroid  cosine between the sentence's tf-idf vector and the workset
 *             centroid (sum of all sentence vectors): the words the whole
 *             cluster is about (Radev et al., MEAD).
 *   lexrank   stationary distribution of a random walk on the sentence
 *             similarity graph, continuous edge weights, damping 0.15
 *             (Erkan & Radev 2004): sentences many others agree with.
 *   position  1/sqrt(1 + rank among the article's usable sentences): news
 *             puts the facts first.
 *
 *   summary_words  mean probability that the sentence's words reach a
 *             written summary (model_summary_prob, from the train split).
 *   learned   the logistic scorer over the sentence's features
 *             (feature_set.c, weights from `precis train`).
 *   importance  mean learned importance of its words (word_importance.c).
 *
 * The default method mixes them, each scaled to a maximum of 1, with the
 * weights of precis_options; centroid, lexrank and learned are also methods
 * of their own.  Every sum runs in a fixed order, so the scores are the same
 * bits on every run and thread count.
 */
#include "score.h"

#include "feature_set.h"
#include "model.h"
#include "word_importance.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static void centroid_scores(workset *c, double *centroid)
{
    for (size_t s = 0; s < c->nsents; s++) {
        const sentence *x = &c->sents[s];
        if (x->flags & (SENT_JUNK | SENT_TOO_LONG))
            continue;
        for (uint32_t k = 0; k < x->nvec; k++)
            centroid[x->vec[k].term] += x->vec[k].weight;
    }
    double norm = 0.0;
    for (uint32_t t = 0; t < c->nterms; t++)
        norm += centroid[t] * centroid[t];
    norm = norm > 0 ? sqrt(norm) : 1.0;
    for (size_t s = 0; s < c->nsents; s++) {
        sentence *x = &c->sents[s];
        double dot = 0.0;
        for (uint32_t k = 0; k < x->nvec; k++)
            dot += x->vec[k].weight * centroid[x->vec[k].term];
        x->centroid = dot / norm;
    }
}

static int by_prior_desc(const void *pa, const void *pb, void *ctx)
{
    const workset *c = ctx;
    uint32_t ia = *(const uint32_t *)pa, ib = *(const uint32_t *)pb;
    double sa = c->sents[ia].centroid + c->sents[ia].position;
    double sb = c->sents[ib].centroid + c->sents[ib].position;
    if (sa != sb)
        return sa > sb ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

static int by_index(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

/* Continuous LexRank on the given nodes (indices into c->sents). */
static int lexrank_scores(arena *a, workset *c, const uint32_t *nodes, size_t n)
{
    if (n == 0)
        return 0;
    double *w = arena_array(a, n * n, sizeof *w);
    double *rowsum = arena_array(a, n, sizeof *rowsum);
    double *p = arena_array(a, n, sizeof *p);
    double *next = arena_array(a, n, sizeof *next);
    if (!w || !rowsum || !p || !next)
        return -1;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            double sim = sentence_cosine(&c->sents[nodes[i]], &c->sents[nodes[j]]);
            w[i * n + j] = sim;
            w[j * n + i] = sim;
        }
    }
    /* keep the similarities for the features (support_max) */
    c->node_of = arena_array(a, c->nsents + 1, sizeof *c->node_of);
    if (!c->node_of)
        return -1;
    for (size_t s = 0; s < c->nsents; s++)
        c->node_of[s] = UINT32_MAX;
    for (size_t i = 0; i < n; i++)
        c->node_of[nodes[i]] = (uint32_t)i;
    c->sim = w;
    c->nnodes = n;
    for (size_t i = 0; i < n; i++) {
        double sum = 0.0;
        for (size_t j = 0; j < n; j++)
            sum += w[i * n + j];
        rowsum[i] = sum;
        p[i] = 1.0 / (double)n;
    }
    const double damping = 0.15;
    for (int iter = 0; iter < 100; iter++) {
        double dangling = 0.0;
        for (size_t i = 0; i < n; i++)
            if (rowsum[i] <= 0.0)
                dangling += p[i];
        for (size_t j = 0; j < n; j++)
            next[j] = damping / (double)n + (1.0 - damping) * dangling / (double)n;
        for (size_t i = 0; i < n; i++) {
            if (rowsum[i] <= 0.0)
                continue;
            double share = (1.0 - damping) * p[i] / rowsum[i];
            const double *row = &w[i * n];
            for (size_t j = 0; j < n; j++)
                next[j] += share * row[j];
        }
        double change = 0.0;
        for (size_t i = 0; i < n; i++) {
            change += fabs(next[i] - p[i]);
            p[i] = next[i];
        }
        if (change < 1e-6)
            break;
    }
    for (size_t i = 0; i < n; i++)
        c->sents[nodes[i]].lexrank = p[i] * (double)n;
    return 0;
}

/* The largest value of each score over the cluster (1 where none is above
 * 0), to scale every score to a maximum of 1. */
typedef struct score_maxima {
    double centroid, lexrank, learned, importance;
} score_maxima;

static score_maxima maxima(const workset *c)
{
    score_maxima m = {0, 0, 0, 0};
    for (size_t s = 0; s < c->nsents; s++) {
        const sentence *x = &c->sents[s];
        m.centroid = x->centroid > m.centroid ? x->centroid : m.centroid;
        m.lexrank = x->lexrank > m.lexrank ? x->lexrank : m.lexrank;
        m.learned = x->learned > m.learned ? x->learned : m.learned;
        m.importance = x->importance > m.importance ? x->importance : m.importance;
    }
    m.centroid = m.centroid > 0 ? m.centroid : 1.0;
    m.lexrank = m.lexrank > 0 ? m.lexrank : 1.0;
    m.learned = m.learned > 0 ? m.learned : 1.0;
    m.importance = m.importance > 0 ? m.importance : 1.0;
    return m;
}

/* The logistic model of feature_set.c with the model's trained weights,
 * into each sentence's `learned`. */
static int learned_scores(arena *a, workset *c)
{
    double *feats = arena_array(a, c->nsents * FEATURE_COUNT + 1, sizeof *feats);
    if (!feats || word_importance(a, c) < 0 || features_compute(a, c, feats) < 0)
        return -1;
    if (c->nsents > FEATURES_QUADRATIC_LIMIT)
        c->quadratic_features_skipped = 1; /* said in the summary's warnings */
    const double *w = c->model->weights;
    for (size_t s = 0; s < c->nsents; s++) {
        const double *f = feats + s * FEATURE_COUNT;
        double z = 0;
        for (size_t k = 0; k < FEATURE_COUNT; k++)
            z += w[k] * f[k];
        c->sents[s].learned = 1.0 / (1.0 + exp(-z));
    }
    return 0;
}

/* The methods whose sentence score is the default mix (the concept methods
 * use it to break ties and as a share of their objective). */
static int uses_mix(const precis_options *o)
{
    return o->method == PRECIS_METHOD_DEFAULT || o->method == PRECIS_METHOD_CONCEPTS ||
           o->method == PRECIS_METHOD_ILP;
}

int score_cluster(arena *a, workset *c, const precis_options *o)
{
    double *centroid = arena_array(a, c->nterms ? c->nterms : 1, sizeof *centroid);
    if (!centroid)
        return -1;
    for (size_t s = 0; s < c->nsents; s++)
        c->sents[s].position = 1.0 / sqrt(1.0 + c->sents[s].rank);
    centroid_scores(c, centroid);

    int want_lexrank = o->method == PRECIS_METHOD_LEXRANK || o->method == PRECIS_METHOD_LEARNED ||
                       (uses_mix(o) && o->lexrank_weight > 0);
    if (want_lexrank) {
        uint32_t *nodes = arena_array(a, c->nsents ? c->nsents : 1, sizeof *nodes);
        if (!nodes)
            return -1;
        size_t n = 0;
        for (size_t s = 0; s < c->nsents; s++)
            if (!(c->sents[s].flags & (SENT_JUNK | SENT_TOO_LONG)) && c->sents[s].nvec > 0)
                nodes[n++] = (uint32_t)s;
        if (n > LEXRANK_MAX_NODES) {
            c->lexrank_capped_from = n;
            qsort_r(nodes, n, sizeof *nodes, by_prior_desc, c);
            n = LEXRANK_MAX_NODES;
            /* back to document order so sums run in a fixed order */
            qsort(nodes, n, sizeof *nodes, by_index);
        }
        if (lexrank_scores(a, c, nodes, n) < 0)
            return -1;
    }

    if (uses_mix(o) && o->importance_weight > 0 && o->learned_weight <= 0 &&
        word_importance(a, c) < 0)
        return -1;
    if (o->method == PRECIS_METHOD_LEARNED ||
        (uses_mix(o) && o->learned_weight > 0)) {
        if (learned_scores(a, c) < 0)
            return -1;
        if (o->method == PRECIS_METHOD_LEARNED) {
            for (size_t s = 0; s < c->nsents; s++)
                c->sents[s].score = c->sents[s].learned;
            return 0;
        }
    }

    /* mean p(word in a written summary) of each sentence's content words */
    double max_prob = 1e-12;
    for (size_t s = 0; s < c->nsents; s++) {
        sentence *x = &c->sents[s];
        double p = 0;
        for (uint32_t k = 0; k < x->nvec; k++)
            p += c->sprob[x->vec[k].term];
        x->summary_words = x->nvec ? p / x->nvec : 0;
        if (sentence_selectable(x) && x->summary_words > max_prob)
            max_prob = x->summary_words;
    }
    const score_maxima most = maxima(c);
    const double max_centroid = most.centroid, max_lexrank = most.lexrank;
    const double max_learned = most.learned, max_importance = most.importance;
    for (size_t s = 0; s < c->nsents; s++) {
        sentence *x = &c->sents[s];
        switch (o->method) {
        case PRECIS_METHOD_CENTROID:
            x->score = x->centroid / max_centroid;
            break;
        case PRECIS_METHOD_LEXRANK:
            x->score = x->lexrank / max_lexrank;
            break;
        default:
            x->score = o->centroid_weight * x->centroid / max_centroid +
                       o->lexrank_weight * x->lexrank / max_lexrank +
                       o->position_weight * x->position +
                       o->summary_word_weight * x->summary_words / max_prob +
                       o->learned_weight * x->learned / max_learned +
                       o->importance_weight * x->importance / max_importance -
                       o->quote_penalty * x->quoted;
            break;
        }
    }
    return 0;
}

/*
 * train.c: training data for the learned scorer, and its fit.
 *
 * For each training cluster the summarizer prepares and scores the
 * sentences exactly as it does when summarizing, computes their features
 * (feature_set.c), and labels each candidate 1 when the greedy ROUGE oracle
 * (oracle.c) picks it under the summarizer's budget, else 0, and with its
 * density: the share of its n-grams found in the references.  Under a word
 * budget density is what selection should rank by (a long sentence that the
 * oracle picks for its bulk may still be half filler), so `precis train`
 * fits density by default; the logistic loss takes soft labels in [0, 1].  The model is
 * an L2-regularised logistic regression fitted by Newton's method (IRLS):
 * a few exact steps on a features x features system (FEATURE_COUNT, 35
 * today), deterministic for a given row order, no learning rate to tune.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "precis_train.h"
#include "feature_set.h"
#include "summarize_internal.h"
#include "token.h"
#include "word_importance.h"

size_t precis_feature_count(void)
{
    return FEATURE_COUNT;
}

const char *precis_feature_name(size_t k)
{
    return k < FEATURE_COUNT ? feature_names[k] : NULL;
}

void precis_rows_free(precis_rows *rows)
{
    if (!rows)
        return;
    free(rows->x);
    free(rows->y);
    free(rows->density);
    free(rows);
}

/* Rows for n examples of `features` features each (NULL: out of memory). */
static precis_rows *rows_new(size_t n, size_t features)
{
    precis_rows *rows = calloc(1, sizeof *rows);
    if (!rows)
        return NULL;
    rows->features = features;
    rows->x = malloc((n ? n : 1) * features * sizeof *rows->x);
    rows->y = malloc(n ? n : 1);
    rows->density = malloc((n ? n : 1) * sizeof *rows->density);
    if (!rows->x || !rows->y || !rows->density) {
        precis_rows_free(rows);
        return NULL;
    }
    return rows;
}

/* Both kinds of training rows start from a prepared cluster with references. */
static precis_status prepare_training(precis_summarizer *sz, const precis_article *articles,
                                      size_t count, precis_markup markup, size_t nreferences,
                                      workset *c, precis_error *err)
{
    if (nreferences == 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "training needs reference summaries");
    return summarizer_prepare(sz, articles, count, markup, c, err);
}

precis_status precis_training_rows(precis_summarizer *sz, const precis_article *articles,
                                   size_t count, precis_markup markup,
                                   const char *const *references, size_t nreferences, int stem,
                                   precis_rows **out, precis_error *err)
{
    *out = NULL;
    workset c;
    precis_status st = prepare_training(sz, articles, count, markup, nreferences, &c, err);
    if (st != PRECIS_OK)
        return st;
    arena *a = summarizer_arena(sz);
    precis_options scoring = *summarizer_options(sz);
    scoring.method = PRECIS_METHOD_DEFAULT; /* computes centroid and LexRank */
    selection oracle;
    double *feats = arena_array(a, c.nsents * FEATURE_COUNT + 1, sizeof *feats);
    double *density = arena_array(a, c.nsents + 1, sizeof *density);
    if (!feats || !density || score_cluster(a, &c, &scoring) < 0 ||
        features_compute(a, &c, feats) < 0 ||
        oracle_select(a, &c, &scoring, summarizer_cost(&scoring), references, nreferences, stem, 0,
                      &oracle, density) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    unsigned char *picked = arena_alloc(a, c.nsents + 1);
    if (!picked)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < oracle.count; i++)
        picked[oracle.sents[i]] = 1;
    size_t n = 0;
    for (size_t s = 0; s < c.nsents; s++)
        n += sentence_selectable(&c.sents[s]);
    precis_rows *rows = rows_new(n, FEATURE_COUNT);
    if (!rows)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    for (size_t s = 0; s < c.nsents; s++) {
        if (!sentence_selectable(&c.sents[s]))
            continue;
        memcpy(rows->x + rows->count * FEATURE_COUNT, feats + s * FEATURE_COUNT,
               FEATURE_COUNT * sizeof *feats);
        rows->density[rows->count] = density[s];
        rows->y[rows->count++] = picked[s];
    }
    *out = rows;
    return PRECIS_OK;
}

/* Solves (H) d = g for symmetric positive definite H (n x n) by Cholesky. */
static int cholesky_solve(double *h, double *g, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        double d = h[j * n + j];
        for (size_t k = 0; k < j; k++)
            d -= h[j * n + k] * h[j * n + k];
        if (d <= 0)
            return -1;
        d = sqrt(d);
        h[j * n + j] = d;
        for (size_t i = j + 1; i < n; i++) {
            double v = h[i * n + j];
            for (size_t k = 0; k < j; k++)
                v -= h[i * n + k] * h[j * n + k];
            h[i * n + j] = v / d;
        }
    }
    for (size_t i = 0; i < n; i++) { /* L y = g */
        double v = g[i];
        for (size_t k = 0; k < i; k++)
            v -= h[i * n + k] * g[k];
        g[i] = v / h[i * n + i];
    }
    for (size_t i = n; i-- > 0;) { /* L^T d = y */
        double v = g[i];
        for (size_t k = i + 1; k < n; k++)
            v -= h[k * n + i] * g[k];
        g[i] = v / h[i * n + i];
    }
    return 0;
}

precis_status precis_fit_logistic(const double *x, const double *y, size_t rows,
                                  size_t features, double l2, int iterations, double *weights,
                                  precis_error *err)
{
    if (rows == 0 || features == 0 || features > 256)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "nothing to fit");
    size_t f = features;
    double *h = malloc(f * f * sizeof *h), *g = malloc(f * sizeof *g);
    if (!h || !g) {
        free(h);
        free(g);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    memset(weights, 0, f * sizeof *weights);
    precis_status st = PRECIS_OK;
    for (int it = 0; it < iterations; it++) {
        memset(h, 0, f * f * sizeof *h);
        memset(g, 0, f * sizeof *g);
        for (size_t r = 0; r < rows; r++) {
            const double *xr = x + r * f;
            double z = 0;
            for (size_t k = 0; k < f; k++)
                z += weights[k] * xr[k];
            double p = 1.0 / (1.0 + exp(-z));
            double resid = p - y[r];
            double w = p * (1 - p);
            for (size_t i = 0; i < f; i++) {
                g[i] += resid * xr[i];
                double wi = w * xr[i];
                for (size_t j = 0; j <= i; j++)
                    h[i * f + j] += wi * xr[j];
            }
        }
        for (size_t i = 0; i < f; i++) {
            for (size_t j = 0; j < i; j++)
                h[j * f + i] = h[i * f + j];
            h[i * f + i] += l2;
            g[i] += l2 * weights[i];
        }
        if (cholesky_solve(h, g, f) < 0) {
            st = PRECIS_FAIL(err, PRECIS_E_INTERNAL, NULL, 0, "the Hessian is not positive definite");
            break;
        }
        double step = 0;
        for (size_t i = 0; i < f; i++) {
            weights[i] -= g[i];
            step += fabs(g[i]);
        }
        if (step < 1e-8)
            break;
    }
    free(h);
    free(g);
    return st;
}

/* ---- word importance ---------------------------------------------------- */

size_t precis_word_feature_count(void)
{
    return WORD_FEATURE_COUNT;
}

const char *precis_word_feature_name(size_t k)
{
    return k < WORD_FEATURE_COUNT ? word_feature_names[k] : NULL;
}

typedef struct stem_set {
    arena *a;
    char **stems;
    size_t count, cap;
    int failed;
} stem_set;

static int add_stem(void *ctx, const token *tok)
{
    stem_set *set = ctx;
    char **items = arena_reserve(set->a, set->stems, set->count, &set->cap, sizeof *items, 256);
    if (!items) {
        set->failed = 1;
        return 1;
    }
    set->stems = items;
    set->stems[set->count] = arena_strndup(set->a, tok->stem, tok->stem_len);
    if (!set->stems[set->count]) {
        set->failed = 1;
        return 1;
    }
    set->count++;
    return 0;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

precis_status precis_training_word_rows(precis_summarizer *sz, const precis_article *articles,
                                        size_t count, precis_markup markup,
                                        const char *const *references, size_t nreferences,
                                        precis_rows **out, precis_error *err)
{
    *out = NULL;
    workset c;
    precis_status st = prepare_training(sz, articles, count, markup, nreferences, &c, err);
    if (st != PRECIS_OK)
        return st;
    arena *a = summarizer_arena(sz);
    stem_set refs = {.a = a};
    for (size_t r = 0; r < nreferences; r++)
        tokenize(summarizer_tokenizer(sz), references[r], strlen(references[r]), add_stem, &refs);
    double *feats = arena_array(a, (size_t)c.nterms * WORD_FEATURE_COUNT + 1, sizeof *feats);
    if (refs.failed || !feats || word_features(a, &c, feats) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    if (refs.count)
        qsort(refs.stems, refs.count, sizeof *refs.stems, by_string);
    precis_rows *rows = rows_new(c.nterms, WORD_FEATURE_COUNT);
    if (!rows)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    char key[256];
    for (uint32_t t = 0; t < c.nterms; t++) {
        size_t len = c.stem_lens[t] < sizeof key - 1 ? c.stem_lens[t] : sizeof key - 1;
        memcpy(key, c.stems[t], len);
        key[len] = '\0';
        const char *probe = key;
        int in_ref = refs.count &&
                     bsearch(&probe, refs.stems, refs.count, sizeof *refs.stems, by_string);
        memcpy(rows->x + rows->count * WORD_FEATURE_COUNT, feats + (size_t)t * WORD_FEATURE_COUNT,
               WORD_FEATURE_COUNT * sizeof *feats);
        rows->y[rows->count] = (unsigned char)in_ref;
        rows->density[rows->count] = in_ref;
        rows->count++;
    }
    *out = rows;
    return PRECIS_OK;
}


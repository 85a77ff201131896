/*
 * select.c: greedy, redundancy-aware selection under a length budget.
 *
 * Maximal Marginal Relevance (Carbonell & Goldstein 1998): repeatedly take
 * the sentence with the best  (1 - r) * score - r * max similarity to what
 * is already chosen,  among those that still fit the budget.  A sentence
 * whose cosine with a chosen one exceeds `duplicate_similarity` is never
 * taken, which keeps syndicated copies of one sentence out.  Sentences that
 * do not fit are skipped, not cut, so a short sentence can still fill the
 * rest of the budget; --truncate cuts the best remaining one instead.
 *
 * The baselines (lead, lead-first, random) share the budget logic and the
 * duplicate guard but take sentences in their own fixed order.
 */
#include "select.h"

#include "concepts.h"
#include "ilp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Order in which a baseline offers its sentences. */
static int lead_order(const void *pa, const void *pb, void *ctx)
{
    const workset *c = ctx;
    const sentence *a = &c->sents[*(const uint32_t *)pa], *b = &c->sents[*(const uint32_t *)pb];
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->article < b->article ? -1 : a->article > b->article;
}

/* splitmix64: a small, well-mixed, seedable generator (no global state). */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Adds sentence sid to the selection and folds its similarity into every
 * sentence's `nearest`, so that each step of a selection reads the largest
 * similarity to what is chosen instead of recomputing it: one pass over the
 * sentences per pick rather than one per candidate and chosen sentence. */
static void take(const workset *c, selection *out, uint32_t sid)
{
    out->sents[out->count++] = sid;
    out->taken[sid] = 1;
    for (size_t j = 0; j < c->nsents; j++) {
        double sim = workset_cosine(c, sid, j);
        if (sim > out->nearest[j])
            out->nearest[j] = sim;
    }
}

static int too_similar(const workset *c, const selection *out, const sentence *s, double limit,
                       double *max_sim)
{
    *max_sim = out->nearest[s - c->sents];
    return *max_sim > limit;
}

static int baseline_select(const workset *c, const precis_options *o,
                           size_t (*cost)(const workset *, const sentence *), selection *out,
                           uint32_t *cand, size_t ncand)
{
    if (o->method == PRECIS_METHOD_LEAD) {
        qsort_r(cand, ncand, sizeof *cand, lead_order, (void *)c);
    } else if (o->method == PRECIS_METHOD_LEAD_FIRST) {
        /* the first article that has a selectable sentence, in order */
        size_t keep = 0;
        uint32_t first = ncand ? c->sents[cand[0]].article : 0;
        for (size_t i = 0; i < ncand; i++)
            if (c->sents[cand[i]].article == first)
                cand[keep++] = cand[i];
        ncand = keep;
    } else { /* random: Fisher-Yates with the seed */
        uint64_t state = o->seed;
        for (size_t i = ncand; i > 1; i--) {
            size_t j = (size_t)(next_random(&state) % i);
            uint32_t t = cand[i - 1];
            cand[i - 1] = cand[j];
            cand[j] = t;
        }
    }
    size_t used = 0;
    for (size_t i = 0; i < ncand && used < o->budget; i++) {
        const sentence *s = &c->sents[cand[i]];
        size_t need = cost(c, s);
        double sim;
        if (too_similar(c, out, s, o->duplicate_similarity, &sim))
            continue;
        if (used + need > o->budget) {
            if (o->truncate && o->budget_unit != PRECIS_BUDGET_SENTENCES) {
                out->cut_at = out->count;
                out->cut_words = (uint32_t)(o->budget - used);
                take(c, out, cand[i]);
                break;
            }
            if (o->method == PRECIS_METHOD_LEAD_FIRST)
                break;
            continue;
        }
        take(c, out, cand[i]);
        used += need;
    }
    return 0;
}

/* Is the sentence just before s in its article already chosen?  (A
 * cluster stores each article's sentences in order, one after another.) */
static int chosen_before(const workset *c, const selection *sel, const sentence *s)
{
    size_t sid = (size_t)(s - c->sents);
    return s->index > 0 && sel->taken[sid - 1];
}

/* Index in the (document-ordered) candidates of the sentence just before
 * s in its article, or ncand when it is not a candidate. */
static size_t candidate_before(const workset *c, const uint32_t *cand, size_t ncand,
                               const sentence *s)
{
    size_t lo = 0, hi = ncand;
    uint32_t want = (uint32_t)(s - c->sents) - 1;
    if (s->index == 0)
        return ncand;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cand[mid] < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ncand && cand[lo] == want && c->sents[want].article == s->article &&
        c->sents[want].index + 1 == s->index)
        return lo;
    return ncand;
}

static void remove_candidate(uint32_t *cand, size_t *ncand, size_t i)
{
    memmove(cand + i, cand + i + 1, (*ncand - i - 1) * sizeof *cand);
    (*ncand)--;
}

static int mmr_select(const workset *c, const precis_options *o,
                      size_t (*cost)(const workset *, const sentence *), selection *out,
                      uint32_t *cand, size_t ncand)
{
    double max_score = 0.0;
    for (size_t i = 0; i < ncand; i++)
        if (c->sents[cand[i]].score > max_score)
            max_score = c->sents[cand[i]].score;
    if (max_score <= 0)
        max_score = 1.0;
    const double r = o->redundancy;
    size_t used = 0;
    while (ncand > 0 && used < o->budget) {
        size_t best = ncand, best_over = ncand, best_pred = ncand;
        double best_value = -INFINITY, best_over_value = -INFINITY;
        for (size_t i = 0; i < ncand; i++) {
            const sentence *s = &c->sents[cand[i]];
            double sim;
            if (too_similar(c, out, s, o->duplicate_similarity, &sim))
                continue;
            double value = (1.0 - r) * s->score / max_score - r * sim;
            /* "He said ..." reads wrong without the sentence before it: with a
             * penalty of 1 or more it comes only together with that sentence
             * (the pair valued at its mean), else it pays the penalty */
            if ((s->flags & SENT_DANGLING) && !chosen_before(c, out, s)) {
                if (o->dangling_penalty < 1) {
                    value -= o->dangling_penalty;
                } else {
                    size_t p = candidate_before(c, cand, ncand, s);
                    if (p == ncand)
                        continue;
                    const sentence *pred = &c->sents[cand[p]];
                    double psim;
                    if ((pred->flags & SENT_DANGLING) ||
                        too_similar(c, out, pred, o->duplicate_similarity,
                                    &psim) ||
                        sentence_cosine(pred, s) > o->duplicate_similarity ||
                        used + cost(c, s) + cost(c, pred) > o->budget)
                        continue;
                    double pvalue = (1.0 - r) * pred->score / max_score - r * psim;
                    value = (value + pvalue) / 2;
                    if (value > best_value) {
                        best_value = value;
                        best = i;
                        best_pred = p;
                    }
                    continue;
                }
            }
            /* ties: earlier candidates (document order) win */
            if (used + cost(c, s) > o->budget) {
                if (value > best_over_value) {
                    best_over_value = value;
                    best_over = i;
                }
                continue;
            }
            if (value > best_value) {
                best_value = value;
                best = i;
                best_pred = ncand;
            }
        }
        if (best == ncand) {
            if (o->truncate && best_over < ncand && o->budget_unit != PRECIS_BUDGET_SENTENCES) {
                out->cut_at = out->count;
                out->cut_words = (uint32_t)(o->budget - used);
                take(c, out, cand[best_over]);
            }
            break;
        }
        used += cost(c, &c->sents[cand[best]]);
        take(c, out, cand[best]);
        if (best_pred < ncand) {
            used += cost(c, &c->sents[cand[best_pred]]);
            take(c, out, cand[best_pred]);
            /* the predecessor stands before the dangling sentence */
            remove_candidate(cand, &ncand, best);
            remove_candidate(cand, &ncand, best_pred);
        } else {
            remove_candidate(cand, &ncand, best);
        }
    }
    return 0;
}


/*
 * Concept coverage (Gillick & Favre's objective, solved greedily as a
 * budgeted submodular maximisation, Lin & Bilmes): a concept is a pair of
 * consecutive content terms, worth the number of articles that use it
 * (pairs used by one article only are worth nothing when the cluster has
 * several).  Each step takes the sentence with the best gain in covered
 * concept weight per word, plus a small share of its salience score so
 * that ties go to central, early sentences.
 */
/* --truncate: the most salient candidate left (not chosen, not a near copy
 * of a chosen sentence) fills the rest of a budget in words or bytes, cut. */
static void fill_with_cut(const workset *c, const precis_options *o, selection *out,
                          const uint32_t *cand, size_t ncand, size_t used)
{
    if (!o->truncate || o->budget_unit == PRECIS_BUDGET_SENTENCES || used >= o->budget)
        return;
    size_t best = ncand;
    for (size_t i = 0; i < ncand; i++) {
        double sim;
        if (out->taken[cand[i]] ||
            too_similar(c, out, &c->sents[cand[i]], o->duplicate_similarity, &sim))
            continue;
        if (best == ncand || c->sents[cand[i]].score > c->sents[cand[best]].score)
            best = i;
    }
    if (best < ncand) {
        out->cut_at = out->count;
        out->cut_words = (uint32_t)(o->budget - used);
        take(c, out, cand[best]);
    }
}

static int concept_select(arena *a, const workset *c, const precis_options *o,
                          size_t (*cost)(const workset *, const sentence *), selection *out,
                          uint32_t *cand, size_t ncand)
{
    double *weight = concept_weights(a, c);
    unsigned char *covered = arena_alloc(a, c->nconcepts + 1);
    if (!weight || !covered)
        return -1;
    double max_score = 1e-12;
    for (size_t i = 0; i < ncand; i++)
        if (c->sents[cand[i]].score > max_score)
            max_score = c->sents[cand[i]].score;
    size_t used = 0;
    while (ncand > 0 && used < o->budget) {
        size_t best = ncand;
        double best_value = 0;
        for (size_t i = 0; i < ncand; i++) {
            const sentence *s = &c->sents[cand[i]];
            size_t need = cost(c, s);
            if (used + need > o->budget || need == 0)
                continue;
            double sim;
            if (too_similar(c, out, s, o->duplicate_similarity, &sim))
                continue;
            double gain = 0;
            for (uint32_t k = 0; k < s->nconcepts; k++)
                if (!covered[s->concepts[k]])
                    gain += weight[s->concepts[k]];
            double value = gain / (double)need + 0.3 * s->score / max_score;
            if ((s->flags & SENT_DANGLING) && !chosen_before(c, out, s)) {
                if (o->dangling_penalty >= 1)
                    continue;
                value -= o->dangling_penalty;
            }
            if (value > best_value) {
                best_value = value;
                best = i;
            }
        }
        if (best == ncand)
            break;
        const sentence *s = &c->sents[cand[best]];
        for (uint32_t k = 0; k < s->nconcepts; k++)
            covered[s->concepts[k]] = 1;
        used += cost(c, s);
        take(c, out, cand[best]);
        memmove(cand + best, cand + best + 1, (ncand - best - 1) * sizeof *cand);
        ncand--;
    }
    fill_with_cut(c, o, out, cand, ncand, used);
    return 0;
}

/* The exact ILP fills out->sents itself: takes its picks again (for the
 * similarities) and lets --truncate fill the rest of the budget. */
static void ilp_fill_with_cut(const workset *c, const precis_options *o,
                              size_t (*cost)(const workset *, const sentence *), selection *out,
                              const uint32_t *cand, size_t ncand)
{
    size_t used = 0, n = out->count;
    out->count = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t sid = out->sents[i];
        used += cost(c, &c->sents[sid]);
        take(c, out, sid);
    }
    fill_with_cut(c, o, out, cand, ncand, used);
}

int select_sentences(arena *a, const workset *c, const precis_options *o,
                     size_t (*cost)(const workset *, const sentence *), selection *out)
{
    memset(out, 0, sizeof *out);
    out->sents = arena_array(a, c->nsents + 1, sizeof *out->sents);
    out->nearest = arena_array(a, c->nsents + 1, sizeof *out->nearest);
    out->taken = arena_alloc(a, c->nsents + 1);
    uint32_t *cand = arena_array(a, c->nsents + 1, sizeof *cand);
    if (!out->sents || !out->nearest || !out->taken || !cand)
        return -1;
    size_t ncand = 0;
    for (size_t s = 0; s < c->nsents; s++)
        if (sentence_selectable(&c->sents[s]))
            cand[ncand++] = (uint32_t)s;
    int rc;
    if (o->method == PRECIS_METHOD_LEAD || o->method == PRECIS_METHOD_LEAD_FIRST ||
        o->method == PRECIS_METHOD_RANDOM)
        rc = baseline_select(c, o, cost, out, cand, ncand);
    else if (o->method == PRECIS_METHOD_CONCEPTS)
        rc = concept_select(a, c, o, cost, out, cand, ncand);
    else if (o->method == PRECIS_METHOD_ILP) {
        double *nearest = out->nearest;
        unsigned char *taken = out->taken;
        rc = ilp_select(a, c, o, cost, out, cand, ncand);
        if (rc == 1) /* too large for an exact solve: the greedy answer */
            rc = concept_select(a, c, o, cost, out, cand, ncand);
        else if (rc == 0 && o->truncate && o->budget_unit != PRECIS_BUDGET_SENTENCES) {
            out->nearest = nearest;
            out->taken = taken;
            ilp_fill_with_cut(c, o, cost, out, cand, ncand);
        }
    }
    else
        rc = mmr_select(c, o, cost, out, cand, ncand);
    if (rc == 0 && out->count > 1) {
        uint32_t cut = out->cut_words ? out->sents[out->cut_at] : UINT32_MAX;
        order_for_reading(c, out->sents, out->count);
        if (cut != UINT32_MAX)
            for (size_t i = 0; i < out->count; i++)
                if (out->sents[i] == cut)
                    out->cut_at = i;
    }
    return rc;
}

typedef struct order_ctx {
    const workset *c;
    const uint32_t *first_index; /* per article: smallest chosen index */
} order_ctx;

static int reading_order(const void *pa, const void *pb, void *ctx)
{
    const order_ctx *oc = ctx;
    const sentence *a = &oc->c->sents[*(const uint32_t *)pa];
    const sentence *b = &oc->c->sents[*(const uint32_t *)pb];
    if (a->article != b->article) {
        uint32_t fa = oc->first_index[a->article], fb = oc->first_index[b->article];
        if (fa != fb)
            return fa < fb ? -1 : 1;
        return a->article < b->article ? -1 : 1;
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

void order_for_reading(const workset *c, uint32_t *sents, size_t count)
{
    uint32_t first_small[64];
    uint32_t *first = c->narticles <= 64 ? first_small : malloc(c->narticles * sizeof *first);
    if (!first)
        return; /* keep selection order: still a valid summary */
    for (size_t i = 0; i < c->narticles; i++)
        first[i] = UINT32_MAX;
    for (size_t i = 0; i < count; i++) {
        const sentence *s = &c->sents[sents[i]];
        if (s->index < first[s->article])
            first[s->article] = s->index;
    }
    order_ctx oc = {c, first};
    qsort_r(sents, count, sizeof *sents, reading_order, &oc);
    /* A summary should not open with "He" or "But": bring the first article
     * whose block starts with a self-contained sentence to the front. */
    if (count > 1 && (c->sents[sents[0]].flags & SENT_DANGLING)) {
        for (size_t i = 1; i < count; i++) {
            const sentence *s = &c->sents[sents[i]];
            const sentence *prev = &c->sents[sents[i - 1]];
            if (s->article == prev->article || (s->flags & SENT_DANGLING))
                continue;
            size_t end = i;
            while (end < count && c->sents[sents[end]].article == s->article)
                end++;
            /* rotate sents[0..end) so that [i, end) comes first */
            uint32_t tmp_small[64];
            uint32_t *tmp = end <= 64 ? tmp_small : malloc(end * sizeof *tmp);
            if (!tmp)
                break;
            memcpy(tmp, sents + i, (end - i) * sizeof *tmp);
            memcpy(tmp + (end - i), sents, i * sizeof *tmp);
            memcpy(sents, tmp, end * sizeof *tmp);
            if (tmp != tmp_small)
                free(tmp);
            break;
        }
    }
    if (first != first_small)
        free(first);
}

/*
 * select_mmr.c: Maximal Marginal Relevance (Carbonell & Goldstein 1998),
 * the default method's selection: repeatedly take the sentence with the
 * best  (1 - r) * score - r * max similarity to what is already chosen,
 * among those that still fit the budget.  A sentence whose cosine with a
 * chosen one exceeds `duplicate_similarity` is never taken, which keeps
 * syndicated copies of one sentence out.  Sentences that do not fit are
 * skipped, not cut, so a short sentence can still fill the rest of the
 * budget; --truncate cuts the best remaining one instead.
 *
 * Redundancy is taken on content too: the share of a candidate's tf-idf
 * weight that the brief already holds (selection_covered), times
 * content_redundancy, stands for its similarity when larger, and above
 * content_duplicate the candidate is a restatement and never taken.
 *
 * A candidate comes with its unit (units.c): the rest of its quotation,
 * the sentence before a dangling opener ("He said", "But"), the sentence
 * that introduces a person it names by surname.  A unit is valued at the
 * mean of its members' values and taken whole.
 */
#include "strategies.h"

#include "concepts.h"
#include "units.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Removes sentence sid from the (document-ordered) candidates. */
static void remove_candidate(uint32_t *cand, size_t *ncand, uint32_t sid)
{
    size_t lo = 0, hi = *ncand;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cand[mid] < sid)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < *ncand && cand[lo] == sid) {
        memmove(cand + lo, cand + lo + 1, (*ncand - lo - 1) * sizeof *cand);
        (*ncand)--;
    }
}

/* Concept coverage inside MMR (the default method): a candidate also earns
 * the weight of the concepts (pairs of content terms, worth the number of
 * articles that use them: concepts.c) that the brief does not cover yet,
 * per square root of its words, relative to the best candidate's.  The
 * concept methods showed that coverage finds the facts several outlets
 * report; the square root keeps long sentences from being punished as
 * much as a per-word gain does. */
typedef struct coverage {
    double weight_share;  /* o->concept_weight; 0: off */
    const double *weight; /* per concept */
    unsigned char *covered;
    double max_gain;
} coverage;

static double concept_gain(const coverage *cv, const sentence *s)
{
    double gain = 0;
    for (uint32_t k = 0; k < s->nconcepts; k++)
        if (!cv->covered[s->concepts[k]])
            gain += cv->weight[s->concepts[k]];
    return gain / sqrt(s->words ? (double)s->words : 1.0);
}

static int coverage_init(arena *a, const workset *c, const precis_options *o, coverage *cv,
                         const uint32_t *cand, size_t ncand)
{
    memset(cv, 0, sizeof *cv);
    if (o->method != PRECIS_METHOD_DEFAULT || o->concept_weight <= 0 || c->nconcepts == 0)
        return 0;
    cv->weight = concept_weights(a, c);
    cv->covered = arena_alloc(a, c->nconcepts + 1);
    if (!cv->weight || !cv->covered)
        return -1;
    cv->weight_share = o->concept_weight;
    for (size_t i = 0; i < ncand; i++) {
        double g = concept_gain(cv, &c->sents[cand[i]]);
        if (g > cv->max_gain)
            cv->max_gain = g;
    }
    if (cv->max_gain <= 0)
        cv->weight_share = 0;
    return 0;
}

static void coverage_take(coverage *cv, const sentence *s)
{
    for (uint32_t k = 0; cv->weight_share > 0 && k < s->nconcepts; k++)
        cv->covered[s->concepts[k]] = 1;
}

/* The MMR value of a unit: the mean of its members' values, each member no
 * near copy of a chosen sentence nor of another member; -INFINITY when the
 * unit cannot be taken. */
static double unit_value(const workset *c, const precis_options *o, const selection *out,
                         const coverage *cv, const unit *u, double max_score)
{
    const double r = o->redundancy;
    double total = 0;
    for (size_t i = 0; i < u->n; i++) {
        const sentence *s = &c->sents[u->ids[i]];
        double sim;
        if (selection_too_similar(c, out, s, o->duplicate_similarity, &sim))
            return -INFINITY;
        /* a fact restated in other words: its content is in the brief
         * already, though no single chosen sentence is close to it */
        double covered = selection_covered(out, s);
        if (covered > o->content_duplicate)
            return -INFINITY;
        if (o->content_redundancy * covered > sim)
            sim = o->content_redundancy * covered;
        for (size_t j = 0; j < i; j++)
            if (workset_cosine(c, u->ids[i], u->ids[j]) > o->duplicate_similarity)
                return -INFINITY;
        double value = (1.0 - r) * s->score / max_score - r * sim;
        if (cv->weight_share > 0)
            value += cv->weight_share * concept_gain(cv, s) / cv->max_gain;
        /* the soft rule: a dangling opener without its antecedent pays */
        if (o->dangling_penalty < 1 && (s->flags & SENT_DANGLING) &&
            !selection_chose_predecessor(c, out, s) && !unit_has(u, u->ids[i] - 1))
            value -= o->dangling_penalty;
        total += value;
    }
    return total / (double)u->n;
}

static size_t unit_cost(const workset *c, const unit *u,
                        size_t (*cost)(const workset *, const sentence *))
{
    size_t n = 0;
    for (size_t i = 0; i < u->n; i++)
        n += cost(c, &c->sents[u->ids[i]]);
    return n;
}

/* The most of the budget one article may fill while others have
 * candidates: o->article_share of it, when three or more articles offer
 * sentences (one long feature must not crowd out the news reports). */
static size_t article_share_limit(const workset *c, const precis_options *o,
                                  const uint32_t *cand, size_t ncand)
{
    size_t articles = 0;
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < ncand && articles < 3; i++)
        if (c->sents[cand[i]].article != last) {
            last = c->sents[cand[i]].article;
            articles++;
        }
    if (articles < 3 || o->article_share >= 1)
        return SIZE_MAX;
    return (size_t)(o->article_share * (double)o->budget);
}

int mmr_select(arena *a, const workset *c, const precis_options *o,
               size_t (*cost)(const workset *, const sentence *), selection *out,
               uint32_t *cand, size_t ncand)
{
    coverage cv;
    if (coverage_init(a, c, o, &cv, cand, ncand) < 0)
        return -1;
    double max_score = 0.0;
    for (size_t i = 0; i < ncand; i++)
        if (c->sents[cand[i]].score > max_score)
            max_score = c->sents[cand[i]].score;
    if (max_score <= 0)
        max_score = 1.0;
    const int dangling_hard = o->dangling_penalty >= 1;
    size_t used = 0;
    size_t *spent = calloc(c->narticles ? c->narticles : 1, sizeof *spent);
    if (!spent)
        return -1;
    const size_t share = article_share_limit(c, o, cand, ncand);
    while (ncand > 0 && used < o->budget) {
        unit best = {{0}, 0}, u;
        size_t best_over = ncand;
        double best_value = -INFINITY, best_over_value = -INFINITY;
        /* first within every article's share; past it only when nothing
         * else fits */
        for (int pass = 0; pass < 2 && best.n == 0; pass++)
        for (size_t i = 0; i < ncand; i++) {
            double sim;
            if (selection_too_similar(c, out, &c->sents[cand[i]], o->duplicate_similarity, &sim))
                continue;
            if (unit_build(c, out, cand[i], dangling_hard, &u) < 0)
                continue;
            double value = unit_value(c, o, out, &cv, &u, max_score);
            if (value == -INFINITY)
                continue;
            size_t need = unit_cost(c, &u, cost);
            if (pass == 0 && spent[c->sents[cand[i]].article] + need > share)
                continue;
            /* ties: earlier candidates (document order) win */
            if (used + need > o->budget) {
                if (u.n == 1 && value > best_over_value) {
                    best_over_value = value;
                    best_over = i;
                }
                continue;
            }
            if (value > best_value) {
                best_value = value;
                best = u;
            }
        }
        if (best.n == 0) {
            if (o->truncate && best_over < ncand && o->budget_unit != PRECIS_BUDGET_SENTENCES) {
                out->cut_at = out->count;
                out->cut_words = (uint32_t)(o->budget - used);
                selection_take(c, out, cand[best_over]);
            }
            break;
        }
        for (size_t k = 0; k < best.n; k++) {
            spent[c->sents[best.ids[k]].article] += cost(c, &c->sents[best.ids[k]]);
            used += cost(c, &c->sents[best.ids[k]]);
            selection_take(c, out, best.ids[k]);
            coverage_take(&cv, &c->sents[best.ids[k]]);
            remove_candidate(cand, &ncand, best.ids[k]);
        }
    }
    free(spent);
    return 0;
}

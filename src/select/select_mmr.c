/*
 * select_mmr.c: Maximal Marginal Relevance (Carbonell & Goldstein 1998),
 * the default method's selection: repeatedly take the sentence with the
 * best  (1 - r) * score - r * max similarity to what is already chosen,
 * among those that still fit the budget.  A sentence whose cosine with a
 * chosen one exceeds `duplicate_similarity` is never taken, which keeps
 * syndicated copies of one sentence out.  Sentences that do not fit are
 * skipped, not cut, so a short sentence can still fill the rest of the
 * budget; --truncate cuts the best remaining one instead.  A dangling opener
 * ("He said", "But") is taken only after the sentence before it, or as a
 * pair with it.
 */
#include "strategies.h"

#include <math.h>
#include <string.h>

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

int mmr_select(const workset *c, const precis_options *o,
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
            if (selection_too_similar(c, out, s, o->duplicate_similarity, &sim))
                continue;
            double value = (1.0 - r) * s->score / max_score - r * sim;
            /* "He said ..." reads wrong without the sentence before it: with a
             * penalty of 1 or more it comes only together with that sentence
             * (the pair valued at its mean), else it pays the penalty */
            if ((s->flags & SENT_DANGLING) && !selection_chose_predecessor(c, out, s)) {
                if (o->dangling_penalty < 1) {
                    value -= o->dangling_penalty;
                } else {
                    size_t p = candidate_before(c, cand, ncand, s);
                    if (p == ncand)
                        continue;
                    const sentence *pred = &c->sents[cand[p]];
                    double psim;
                    if ((pred->flags & SENT_DANGLING) ||
                        selection_too_similar(c, out, pred, o->duplicate_similarity,
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
                selection_take(c, out, cand[best_over]);
            }
            break;
        }
        used += cost(c, &c->sents[cand[best]]);
        selection_take(c, out, cand[best]);
        if (best_pred < ncand) {
            used += cost(c, &c->sents[cand[best_pred]]);
            selection_take(c, out, cand[best_pred]);
            /* the predecessor stands before the dangling sentence */
            remove_candidate(cand, &ncand, best);
            remove_candidate(cand, &ncand, best_pred);
        } else {
            remove_candidate(cand, &ncand, best);
        }
    }
    return 0;
}

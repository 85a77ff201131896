/*
 * select_baseline.c: the baselines.  lead takes the first selectable
 * sentence of every article in turn, then the second ...; lead-first the
 * first article's sentences in order; random a seeded random order.  They
 * share the budget logic and the duplicate guard of the other strategies
 * but take sentences in their own fixed order.
 */
#include "strategies.h"

#include <stdlib.h>

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

int baseline_select(const workset *c, const precis_options *o,
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
        if (selection_too_similar(c, out, s, o->duplicate_similarity, &sim))
            continue;
        if (used + need > o->budget) {
            if (o->truncate && o->budget_unit != PRECIS_BUDGET_SENTENCES) {
                out->cut_at = out->count;
                out->cut_words = (uint32_t)(o->budget - used);
                selection_take(c, out, cand[i]);
                break;
            }
            if (o->method == PRECIS_METHOD_LEAD_FIRST)
                break;
            continue;
        }
        selection_take(c, out, cand[i]);
        used += need;
    }
    return 0;
}

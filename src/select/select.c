/*
 * select.c: choosing sentences under a length budget, and their reading
 * order.  select_sentences gathers the candidates and hands them to the
 * method's strategy, one file each: select_mmr.c (the default and the
 * scoring methods), select_baseline.c (lead, lead-first, random),
 * select_concepts.c (greedy concept coverage) and ilp.c (the same objective,
 * exact, falling back to the greedy one); selection.c holds what they share.
 */
#include "select.h"

#include "ilp.h"
#include "strategies.h"

#include <stdlib.h>
#include <string.h>

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
        selection_take(c, out, sid);
    }
    selection_fill_with_cut(c, o, out, cand, ncand, used);
}

int select_sentences(arena *a, const workset *c, const precis_options *o,
                     size_t (*cost)(const workset *, const sentence *), selection *out)
{
    memset(out, 0, sizeof *out);
    out->sents = arena_array(a, c->nsents + 1, sizeof *out->sents);
    out->nearest = arena_array(a, c->nsents + 1, sizeof *out->nearest);
    out->taken = arena_alloc(a, c->nsents + 1);
    out->introduced = arena_alloc(a, c->npeople + 1);
    out->in_brief = arena_alloc(a, c->nterms + 1);
    uint32_t *cand = arena_array(a, c->nsents + 1, sizeof *cand);
    if (!out->sents || !out->nearest || !out->taken || !out->introduced || !out->in_brief ||
        !cand)
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
        rc = mmr_select(a, c, o, cost, out, cand, ncand);
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
    const uint32_t *first; /* per article: its chosen sentence that comes first */
} order_ctx;

/* Article blocks in the order of their first chosen sentence's rank among
 * the article's prose (a lede after a caption is still rank 0), the more
 * salient lede first: the brief opens with the event as the best lede
 * tells it.  Inside a block, the article's order. */
static int reading_order(const void *pa, const void *pb, void *ctx)
{
    const order_ctx *oc = ctx;
    const sentence *a = &oc->c->sents[*(const uint32_t *)pa];
    const sentence *b = &oc->c->sents[*(const uint32_t *)pb];
    if (a->article != b->article) {
        const sentence *fa = &oc->c->sents[oc->first[a->article]];
        const sentence *fb = &oc->c->sents[oc->first[b->article]];
        if (fa->rank != fb->rank)
            return fa->rank < fb->rank ? -1 : 1;
        if (fa->score != fb->score)
            return fa->score > fb->score ? -1 : 1;
        return a->article < b->article ? -1 : 1;
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Moves the article block that holds position `from` to start at position
 * `to` (to < from), keeping every other sentence's order. */
static void move_block_before(const workset *c, uint32_t *sents, size_t count, size_t from,
                              size_t to)
{
    uint32_t article = c->sents[sents[from]].article;
    size_t start = from, end = from;
    while (start > 0 && c->sents[sents[start - 1]].article == article)
        start--;
    while (end < count && c->sents[sents[end]].article == article)
        end++;
    if (start <= to)
        return;
    /* rotate [to, end) so that [start, end) comes first */
    for (size_t n = end - start; n > 0; n--) {
        uint32_t last = sents[end - 1];
        memmove(sents + to + 1, sents + to, (end - 1 - to) * sizeof *sents);
        sents[to] = last;
    }
}

/* Position of the first brief sentence in [from, to) that meets the need,
 * or `to`. */
static size_t first_meeting(const workset *c, const uint32_t *sents, size_t from, size_t to,
                            const sentence *s, sentence_need_fn met, uint32_t arg)
{
    for (size_t i = from; i < to; i++)
        if (met(&c->sents[sents[i]], s, arg))
            return i;
    return to;
}

/* The sentence at position i has a need no earlier brief sentence meets:
 * the block of the first later sentence that meets it, from another
 * article, moves up before i's block.  1 when something moved. */
static int bring_forward(const workset *c, uint32_t *sents, size_t count, size_t i,
                         sentence_need_fn met, uint32_t arg)
{
    const sentence *s = &c->sents[sents[i]];
    if (first_meeting(c, sents, 0, i, s, met, arg) < i)
        return 0;
    size_t later = first_meeting(c, sents, i + 1, count, s, met, arg);
    if (later == count || c->sents[sents[later]].article == s->article)
        return 0;
    size_t block = i;
    while (block > 0 && c->sents[sents[block - 1]].article == s->article)
        block--;
    move_block_before(c, sents, count, later, block);
    return 1;
}

/* A person named by surname before the brief gives the full name, when a
 * later article block gives it: that block moves up.  Each pass fixes one
 * such pair; a cycle (two blocks each introducing someone the other names)
 * stops after `count` passes. */
static void introduce_before_naming(const workset *c, uint32_t *sents, size_t count)
{
    for (size_t pass = 0; pass < count; pass++) {
        int moved = 0;
        for (size_t i = 0; i < count && !moved; i++) {
            const sentence *s = &c->sents[sents[i]];
            for (uint32_t k = 0; k < s->nmentions && !moved; k++)
                moved = s->mentions[k].introducer != MENTION_FULL &&
                        bring_forward(c, sents, count, i, sentence_gives_full_name,
                                      s->mentions[k].person);
        }
        if (!moved)
            return;
    }
}

/* "The move ..." whose antecedent the brief holds in a later article
 * block, and not just before it: that block moves up, as for
 * introductions. */
static void antecedent_before_reference(const workset *c, uint32_t *sents, size_t count)
{
    for (size_t pass = 0; pass < count; pass++) {
        int moved = 0;
        for (size_t i = 1; i < count && !moved; i++) {
            const sentence *s = &c->sents[sents[i]];
            const sentence *p = &c->sents[sents[i - 1]];
            moved = (s->flags & SENT_DEFINITE) && s->index > 0 &&
                    !(p->article == s->article && p->index + 1 == s->index) &&
                    bring_forward(c, sents, count, i, sentence_gives_antecedent, 0);
        }
        if (!moved)
            return;
    }
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
        if (first[s->article] == UINT32_MAX || s->index < c->sents[first[s->article]].index)
            first[s->article] = sents[i];
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
    antecedent_before_reference(c, sents, count);
    introduce_before_naming(c, sents, count);
}

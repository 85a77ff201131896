/*
 * selection.c: what every selection strategy does to a selection
 * (selection.h): take a sentence, keeping each sentence's largest
 * similarity to the chosen ones up to date; refuse a near copy of a chosen
 * sentence; tell whether a sentence's predecessor is chosen (the dangling
 * openers); and with --truncate fill the rest of the budget with the best
 * remaining sentence, cut.
 */
#include "selection.h"

/* Adds sentence sid to the selection and folds its similarity into every
 * sentence's `nearest`, so that each step of a selection reads the largest
 * similarity to what is chosen instead of recomputing it: one pass over the
 * sentences per pick rather than one per candidate and chosen sentence. */
void selection_take(const workset *c, selection *out, uint32_t sid)
{
    out->sents[out->count++] = sid;
    out->taken[sid] = 1;
    const sentence *s = &c->sents[sid];
    for (uint32_t k = 0; out->in_brief && k < s->nvec; k++)
        out->in_brief[s->vec[k].term] = 1;
    for (uint32_t k = 0; out->introduced && k < s->nmentions; k++)
        if (s->mentions[k].introducer == MENTION_FULL)
            out->introduced[s->mentions[k].person] = 1;
    for (size_t j = 0; j < c->nsents; j++) {
        double sim = workset_cosine(c, sid, j);
        if (sim > out->nearest[j])
            out->nearest[j] = sim;
    }
}

int selection_too_similar(const workset *c, const selection *out, const sentence *s,
                           double limit, double *max_sim)
{
    *max_sim = out->nearest[s - c->sents];
    return *max_sim > limit;
}

double selection_covered(const selection *sel, const sentence *s)
{
    if (!sel->in_brief || s->nvec == 0)
        return 0.0;
    double held = 0, all = 0;
    for (uint32_t k = 0; k < s->nvec; k++) {
        all += s->vec[k].weight;
        if (sel->in_brief[s->vec[k].term])
            held += s->vec[k].weight;
    }
    return all > 0 ? held / all : 0.0;
}

/* Is the sentence just before s in its article already chosen?  (A
 * cluster stores each article's sentences in order, one after another.) */
int selection_chose_predecessor(const workset *c, const selection *sel, const sentence *s)
{
    size_t sid = (size_t)(s - c->sents);
    return s->index > 0 && sel->taken[sid - 1];
}

/* --truncate: the most salient candidate left (not chosen, not a near copy
 * of a chosen sentence) fills the rest of a budget in words or bytes, cut. */
void selection_fill_with_cut(const workset *c, const precis_options *o, selection *out,
                             const uint32_t *cand, size_t ncand, size_t used)
{
    if (!o->truncate || o->budget_unit == PRECIS_BUDGET_SENTENCES || used >= o->budget)
        return;
    size_t best = ncand;
    for (size_t i = 0; i < ncand; i++) {
        double sim;
        if (out->taken[cand[i]] ||
            selection_too_similar(c, out, &c->sents[cand[i]], o->duplicate_similarity, &sim))
            continue;
        if (best == ncand || c->sents[cand[i]].score > c->sents[cand[best]].score)
            best = i;
    }
    if (best < ncand) {
        out->cut_at = out->count;
        out->cut_words = (uint32_t)(o->budget - used);
        selection_take(c, out, cand[best]);
    }
}

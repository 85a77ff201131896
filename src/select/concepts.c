/*
 * concepts.c: the weight of every concept of a cluster, shared by the greedy
 * concept selection (select.c) and the exact ILP (ilp.c), so that neither
 * depends on the other.
 *
 * A concept (a pair of consecutive content terms, summarize.c) weighs the
 * number of articles that use it, counted once per article, over the
 * sentences that may carry article prose (not junk, not run-on text).  In a
 * cluster of several articles a concept that only one article uses says
 * nothing the cluster agrees on: below 2 articles (3 from 6 articles on) it
 * weighs 0.
 */
#include "concepts.h"

#include <stdint.h>

double *concept_weights(arena *a, const workset *c)
{
    double *weight = arena_array(a, c->nconcepts + 1, sizeof *weight);
    uint32_t *last = arena_array(a, c->nconcepts + 1, sizeof *last);
    if (!weight || !last)
        return NULL;
    for (uint32_t k = 0; k < c->nconcepts; k++)
        last[k] = UINT32_MAX;
    for (size_t s = 0; s < c->nsents; s++) {
        const sentence *x = &c->sents[s];
        if (x->flags & (SENT_JUNK | SENT_TOO_LONG))
            continue;
        for (uint32_t k = 0; k < x->nconcepts; k++) {
            uint32_t id = x->concepts[k];
            if (last[id] != x->article) {
                last[id] = x->article;
                weight[id] += 1;
            }
        }
    }
    if (c->narticles > 1)
        for (uint32_t k = 0; k < c->nconcepts; k++)
            if (weight[k] < (c->narticles >= 6 ? 3 : 2))
                weight[k] = 0;
    return weight;
}

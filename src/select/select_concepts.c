/*
 * select_concepts.c: concept coverage (Gillick & Favre's objective, solved
 * greedily as a budgeted submodular maximisation, Lin & Bilmes): a concept
 * is a pair of consecutive content terms, worth the number of articles that use it
 * (pairs used by one article only are worth nothing when the cluster has
 * several).  Each step takes the sentence with the best gain in covered
 * concept weight per word, plus a small share of its salience score so
 * that ties go to central, early sentences.
 */
#include "strategies.h"

#include <string.h>

#include "concepts.h"

int concept_select(arena *a, const workset *c, const precis_options *o,
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
            if (selection_too_similar(c, out, s, o->duplicate_similarity, &sim))
                continue;
            double gain = 0;
            for (uint32_t k = 0; k < s->nconcepts; k++)
                if (!covered[s->concepts[k]])
                    gain += weight[s->concepts[k]];
            double value = gain / (double)need + 0.3 * s->score / max_score;
            if ((s->flags & SENT_DANGLING) && !selection_chose_predecessor(c, out, s)) {
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
        selection_take(c, out, cand[best]);
        memmove(cand + best, cand + best + 1, (ncand - best - 1) * sizeof *cand);
        ncand--;
    }
    selection_fill_with_cut(c, o, out, cand, ncand, used);
    return 0;
}

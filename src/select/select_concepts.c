/*
 * select_concepts.c: concept coverage (Gillick & Favre's objective, solved
 * greedily as a budgeted submodular maximisation, Lin & Bilmes): a concept
 * is a pair of consecutive content terms, worth the number of articles that use it
 * (pairs used by one article only are worth nothing when the cluster has
 * several).  Each step takes the sentence with the best gain in covered
 * concept weight per word, plus a small share of its salience score so
 * that ties go to central, early sentences.  A candidate comes with its
 * unit (units.c: the rest of a quotation, the sentence before a dangling
 * opener, the introduction of a person), valued at its concepts' gain per
 * word.
 */
#include "strategies.h"

#include <string.h>

#include "concepts.h"
#include "units.h"

/* The gain of a unit: the weight of the concepts its members would newly
 * cover (each once), per unit of its cost. */
static double unit_gain(const workset *c, const unit *u, const double *weight,
                        const unsigned char *covered, size_t need)
{
    double gain = 0;
    for (size_t i = 0; i < u->n; i++) {
        const sentence *s = &c->sents[u->ids[i]];
        for (uint32_t k = 0; k < s->nconcepts; k++) {
            uint32_t id = s->concepts[k];
            int seen = covered[id];
            for (size_t j = 0; j < i && !seen; j++) {
                const sentence *t = &c->sents[u->ids[j]];
                for (uint32_t q = 0; q < t->nconcepts && !seen; q++)
                    seen = t->concepts[q] == id;
            }
            if (!seen)
                gain += weight[id];
        }
    }
    return gain / (double)need;
}

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
    const int dangling_hard = o->dangling_penalty >= 1;
    size_t used = 0;
    while (ncand > 0 && used < o->budget) {
        unit best = {{0}, 0}, u;
        double best_value = 0;
        for (size_t i = 0; i < ncand; i++) {
            if (out->taken[cand[i]] || unit_build(c, out, cand[i], dangling_hard, &u) < 0)
                continue;
            size_t need = 0;
            double score = 0;
            int bad = 0;
            for (size_t k = 0; k < u.n && !bad; k++) {
                const sentence *s = &c->sents[u.ids[k]];
                double sim;
                need += cost(c, s);
                score += s->score / max_score;
                bad = selection_too_similar(c, out, s, o->duplicate_similarity, &sim);
                for (size_t j = 0; j < k && !bad; j++)
                    bad = workset_cosine(c, u.ids[k], u.ids[j]) > o->duplicate_similarity;
                if (!dangling_hard && (s->flags & SENT_DANGLING) &&
                    !selection_chose_predecessor(c, out, s))
                    score -= o->dangling_penalty;
            }
            if (bad || need == 0 || used + need > o->budget)
                continue;
            double value = unit_gain(c, &u, weight, covered, need) + 0.3 * score / (double)u.n;
            if (value > best_value) {
                best_value = value;
                best = u;
            }
        }
        if (best.n == 0)
            break;
        for (size_t k = 0; k < best.n; k++) {
            const sentence *s = &c->sents[best.ids[k]];
            for (uint32_t q = 0; q < s->nconcepts; q++)
                covered[s->concepts[q]] = 1;
            used += cost(c, s);
            selection_take(c, out, best.ids[k]);
        }
    }
    /* the chosen ones leave the candidates (for the --truncate fill) */
    size_t kept = 0;
    for (size_t i = 0; i < ncand; i++)
        if (!out->taken[cand[i]])
            cand[kept++] = cand[i];
    ncand = kept;
    selection_fill_with_cut(c, o, out, cand, ncand, used);
    return 0;
}

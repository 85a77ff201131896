/*
 * workset.c: what every step computes on the working set (workset.h): the
 * cosine of two sentence vectors, and the questions the readability rules
 * ask of a sentence.  Its own file so that scoring, selection
 * and the ILP depend on the working set, not on each other.
 */
#include "workset.h"

/* Vectors are sorted by term: a binary search. */
int sentence_has_term(const sentence *s, uint32_t term)
{
    size_t lo = 0, hi = s->nvec;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->vec[mid].term < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nvec && s->vec[lo].term == term;
}

int sentence_names_in_full(const sentence *s, uint32_t person)
{
    for (uint32_t k = 0; k < s->nmentions; k++)
        if (s->mentions[k].person == person && s->mentions[k].introducer == MENTION_FULL)
            return 1;
    return 0;
}

int sentence_names_antecedent(const sentence *s, const sentence *ref)
{
    for (int k = 0; k < 2; k++)
        if (ref->definite[k] != UINT32_MAX && sentence_has_term(s, ref->definite[k]))
            return 1;
    return 0;
}

double sentence_cosine(const sentence *a, const sentence *b)
{
    uint32_t i = 0, j = 0;
    double dot = 0.0;
    while (i < a->nvec && j < b->nvec) {
        uint32_t ta = a->vec[i].term, tb = b->vec[j].term;
        if (ta == tb) {
            dot += (double)a->vec[i].weight * b->vec[j].weight;
            i++;
            j++;
        } else if (ta < tb) {
            i++;
        } else {
            j++;
        }
    }
    return dot;
}

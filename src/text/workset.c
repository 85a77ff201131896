/*
 * workset.c: what every step computes on the working set (workset.h): the
 * cosine of two sentence vectors.  Its own file so that scoring, selection
 * and the ILP depend on the working set, not on each other.
 */
#include "workset.h"

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

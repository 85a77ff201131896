/*
 * ilp.h: concept selection as an integer linear program (GLPK).
 */
#ifndef PRECIS_ILP_H
#define PRECIS_ILP_H

#include "arena.h"
#include "workset.h"
#include "selection.h"

/* Most candidates and concepts an exact solve takes on; larger clusters
 * get the greedy concept selection, so the running time stays bounded and
 * the output never depends on a time limit. */
#define ILP_MAX_SENTENCES 400
#define ILP_MAX_CONCEPTS 4000
/* Branch-and-bound subproblems before the search stops with the best
 * solution found (a count: the same answer on every machine). */
#ifndef ILP_MAX_NODES
#define ILP_MAX_NODES 2000
#endif
/* The last guard, in wall-clock time, for one solve. */
#define ILP_MAX_MILLISECONDS 5000

/* Chooses the candidates `cand` that cover the most concept weight within
 * the budget.  Returns 0 (possibly with SELECT_NOTE_ILP_*_BEST in
 * out->notes), 1 when the caller should take the greedy answer (the workset
 * is too large, the search stopped before any solution, or GLPK failed: the
 * reason is in out->notes), or -1 when out of memory. */
int ilp_select(arena *a, const workset *c, const precis_options *o,
               size_t (*cost)(const workset *, const sentence *), selection *out,
               const uint32_t *cand, size_t ncand);

#endif

/*
 * strategies.h: the selection strategies select_sentences dispatches to,
 * one file each.  Each takes the candidates (selectable sentences, in
 * document order, which it may reorder or shorten) and fills `out`.
 * Return 0, or -1 when out of memory.
 */
#ifndef PRECIS_STRATEGIES_H
#define PRECIS_STRATEGIES_H

#include "arena.h"
#include "selection.h"
#include "workset.h"

/* lead, lead-first, random (select_baseline.c) */
int baseline_select(const workset *c, const precis_options *o,
                    size_t (*cost)(const workset *, const sentence *), selection *out,
                    uint32_t *cand, size_t ncand);

/* Maximal Marginal Relevance (select_mmr.c) */
int mmr_select(arena *a, const workset *c, const precis_options *o,
               size_t (*cost)(const workset *, const sentence *), selection *out,
               uint32_t *cand, size_t ncand);

/* greedy concept coverage (select_concepts.c) */
int concept_select(arena *a, const workset *c, const precis_options *o,
                   size_t (*cost)(const workset *, const sentence *), selection *out,
                   uint32_t *cand, size_t ncand);

#endif

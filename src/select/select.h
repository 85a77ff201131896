/*
 * select.h: choosing and ordering summary sentences under a budget.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include "arena.h"
#include "workset.h"
#include "selection.h"


/* Returns 0, or -1 when out of memory. */
int select_sentences(arena *a, const workset *c, const precis_options *o,
                     size_t (*cost)(const workset *, const sentence *),
                     selection *out);


/* Reading order: sentences of one article together in source order,
 * articles ordered by their first chosen sentence. */
void order_for_reading(const workset *c, uint32_t *sents, size_t count);

#endif

/*
 * concepts.h: concept weights for the concept-coverage selections.
 */
#ifndef PRECIS_CONCEPTS_H
#define PRECIS_CONCEPTS_H

#include "arena.h"
#include "workset.h"

/* The weight of every concept id of the cluster (concepts.c), in the arena;
 * NULL when out of memory. */
double *concept_weights(arena *a, const workset *c);

#endif

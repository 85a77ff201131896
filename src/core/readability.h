/*
 * readability.h: a brief's readability counts (see readability.c).
 */
#ifndef PRECIS_READABILITY_H
#define PRECIS_READABILITY_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"
#include "workset.h"

/* Counts the brief made of the `count` sentences order[] (ids into c->sents,
 * in reading order) into *out.  Returns 0, or -1 when out of memory. */
int readability_count(const workset *c, const uint32_t *order, size_t count,
                      precis_readability *out);

#endif

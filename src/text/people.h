/*
 * people.h: mentions of people, full or by surname alone (see people.c).
 */
#ifndef PRECIS_PEOPLE_H
#define PRECIS_PEOPLE_H

#include "arena.h"
#include "workset.h"

/* At most this many people are listed per sentence (the rest are not
 * followed: a lower bound, like the whole test). */
#define PEOPLE_MAX_MENTIONS 16

/* Finds the cluster's people and sets every sentence's mentions (and
 * c->npeople).  Returns 0, or -1 when out of memory. */
int people_mark(arena *a, workset *c);

#endif

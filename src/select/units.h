/*
 * units.h: the sentences a candidate must bring along (see units.c).
 */
#ifndef PRECIS_UNITS_H
#define PRECIS_UNITS_H

#include <stddef.h>
#include <stdint.h>

#include "selection.h"
#include "workset.h"

/* A quotation rarely runs longer; one that does is not taken. */
#define UNIT_MAX 4

typedef struct unit {
    uint32_t ids[UNIT_MAX]; /* the candidate first, then what it needs */
    size_t n;
} unit;

/* 1 when the unit holds sentence sid. */
int unit_has(const unit *u, uint32_t sid);

/* The unit of candidate sid given the selection so far: 0, or -1 when it
 * cannot be taken now.  dangling_hard: a dangling opener needs the
 * sentence before it (the default's hard rule). */
int unit_build(const workset *c, const selection *sel, uint32_t sid, int dangling_hard, unit *u);

#endif

/*
 * syndicated.h: near copies among the articles of a cluster (see
 * syndicated.c).
 */
#ifndef PRECIS_SYNDICATED_H
#define PRECIS_SYNDICATED_H

#include <stddef.h>

#include "precis.h"

/* For each of the `count` articles: copy_of[i] the article it is a near copy
 * of (SIZE_MAX when none) and similarity[i] the larger of their shingle
 * Jaccard and containment (0 when none). */
precis_status syndicated_find(const precis_article *articles, size_t count, size_t *copy_of,
                              double *similarity, precis_error *err);

#endif

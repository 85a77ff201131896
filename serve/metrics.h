/*
 * metrics.h: the server's counters and their Prometheus text (metrics.c).
 */
#ifndef PRECIS_SERVE_METRICS_H
#define PRECIS_SERVE_METRICS_H

#include <stddef.h>

#include "routes.h"

typedef struct metrics metrics;

metrics *metrics_new(void);
void metrics_free(metrics *m);

/* A request has arrived / has been answered with `status` after `seconds`. */
void metrics_begin(metrics *m);
void metrics_end(metrics *m, route_id route, unsigned status, double seconds);
/* Requests begun and not yet ended. */
size_t metrics_in_flight(metrics *m);

/* What the work queue and the answer cache count, reported beside. */
typedef struct server_counts {
    size_t refused, expired, queued; /* jobs.h */
    size_t cache_hits, cache_misses; /* cache.h */
} server_counts;

/* The Prometheus text exposition (format 0.0.4), malloc'd; NULL when out of
 * memory. */
char *metrics_render(metrics *m, const server_counts *counts);

#endif

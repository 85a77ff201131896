/*
 * cache.h: answers kept by request (cache.c), so that a request the server
 * has answered before is answered again without running the library.
 */
#ifndef PRECIS_SERVE_CACHE_H
#define PRECIS_SERVE_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "routes.h"

typedef struct answer_cache answer_cache;

/* A cache of at most `bytes` of requests and answers (0: none; every call
 * then does nothing).  NULL when out of memory. */
answer_cache *answer_cache_new(size_t bytes);
void answer_cache_free(answer_cache *c);

/* The key hash of `route` on this body, for the two calls below (the body
 * is read once, however large). */
uint64_t answer_cache_key(route_id route, const char *body, size_t len);
/* The answer to `route` on exactly this body (`key` its answer_cache_key),
 * copied into *out (its body malloc'd): 1, or 0 when not kept (or out of
 * memory). */
int answer_cache_get(answer_cache *c, uint64_t key, route_id route, const char *body,
                     size_t len, response *out);
/* Keeps the answer (copied) to `route` on this body. */
void answer_cache_put(answer_cache *c, uint64_t key, route_id route, const char *body,
                      size_t len, const response *answer);
/* Lookups answered from the cache, and not, since the start. */
void answer_cache_counts(answer_cache *c, size_t *hits, size_t *misses);

#endif

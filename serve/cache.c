/*
 * cache.c: the server's answers kept by request body, least recently used
 * out first.
 *
 * Why it is safe: an answer is a function of the route and the body's
 * bytes alone (the library is deterministic: the same articles and
 * settings give the same bytes whatever the thread or the load), so a kept
 * answer is exactly what running the request again would give.  Only 200
 * answers are kept.  Why it pays: monitoring dashboards, retries and
 * several readers of one story send the same request again, and a kept
 * answer costs a hash and a copy instead of a summarization.
 *
 * Bounds: entries are charged their body, their answer and their record;
 * past `bytes` in all, the least recently used go.  An entry larger than an
 * eighth of the cache is not kept, so one huge request cannot empty it.
 * The key is the whole body, compared byte for byte after a 64-bit hash
 * match: a collision can never return another request's answer.
 *
 * One mutex guards the table and the list; a lookup holds it for a hash
 * probe and a copy of the answer.
 */
#include "cache.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    uint64_t hash;
    route_id route;
    char *body;
    size_t len;
    response answer;
    size_t cost;
    struct entry *next_in_bucket;
    struct entry *newer, *older; /* the recency list */
} entry;

struct answer_cache {
    pthread_mutex_t lock;
    size_t limit, used;
    entry **buckets;
    size_t nbuckets;       /* a power of two */
    entry *newest, *oldest;
    size_t hits, misses;
};

/* FNV-1a over the route and the body. */
uint64_t answer_cache_key(route_id route, const char *body, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)route;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)body[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

answer_cache *answer_cache_new(size_t bytes)
{
    answer_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->limit = bytes;
    c->nbuckets = 1024;
    c->buckets = calloc(c->nbuckets, sizeof *c->buckets);
    if (!c->buckets) {
        free(c);
        return NULL;
    }
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

static void entry_free(entry *e)
{
    free(e->body);
    free(e->answer.body);
    free(e);
}

void answer_cache_free(answer_cache *c)
{
    if (!c)
        return;
    for (entry *e = c->newest, *next; e; e = next) {
        next = e->older;
        entry_free(e);
    }
    pthread_mutex_destroy(&c->lock);
    free(c->buckets);
    free(c);
}

static entry **slot_of(answer_cache *c, uint64_t hash, route_id route, const char *body,
                       size_t len)
{
    entry **p = &c->buckets[hash & (c->nbuckets - 1)];
    while (*p && !((*p)->hash == hash && (*p)->route == route && (*p)->len == len &&
                   !memcmp((*p)->body, body, len)))
        p = &(*p)->next_in_bucket;
    return p;
}

static void unlink_recency(answer_cache *c, entry *e)
{
    if (e->newer)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    e->newer = e->older = NULL;
}

static void push_newest(answer_cache *c, entry *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest)
        c->newest->newer = e;
    c->newest = e;
    if (!c->oldest)
        c->oldest = e;
}

int answer_cache_get(answer_cache *c, uint64_t hash, route_id route, const char *body,
                     size_t len, response *out)
{
    if (!c || c->limit == 0)
        return 0;
    pthread_mutex_lock(&c->lock);
    entry *e = *slot_of(c, hash, route, body, len);
    int found = 0;
    if (e) {
        *out = e->answer;
        out->body = malloc(e->answer.len + 1);
        if (out->body) {
            memcpy(out->body, e->answer.body, e->answer.len + 1);
            unlink_recency(c, e);
            push_newest(c, e);
            found = 1;
        }
    }
    if (found)
        c->hits++;
    else
        c->misses++;
    pthread_mutex_unlock(&c->lock);
    return found;
}

static void evict_oldest(answer_cache *c)
{
    entry *e = c->oldest;
    entry **p = slot_of(c, e->hash, e->route, e->body, e->len);
    *p = e->next_in_bucket;
    unlink_recency(c, e);
    c->used -= e->cost;
    entry_free(e);
}

void answer_cache_put(answer_cache *c, uint64_t hash, route_id route, const char *body,
                      size_t len, const response *answer)
{
    if (!c || c->limit == 0 || answer->status != 200 || !answer->body)
        return;
    size_t cost = sizeof(entry) + len + answer->len + 1;
    if (cost > c->limit / 8)
        return;
    entry *e = calloc(1, sizeof *e);
    if (!e)
        return;
    e->body = malloc(len ? len : 1);
    e->answer = *answer;
    e->answer.body = malloc(answer->len + 1);
    if (!e->body || !e->answer.body) {
        entry_free(e);
        return;
    }
    memcpy(e->body, body, len);
    memcpy(e->answer.body, answer->body, answer->len + 1);
    e->len = len;
    e->route = route;
    e->cost = cost;
    e->hash = hash;
    pthread_mutex_lock(&c->lock);
    entry **p = slot_of(c, e->hash, route, body, len);
    if (*p) { /* kept meanwhile by another worker */
        pthread_mutex_unlock(&c->lock);
        entry_free(e);
        return;
    }
    *p = e;
    push_newest(c, e);
    c->used += cost;
    while (c->used > c->limit && c->oldest != e)
        evict_oldest(c);
    pthread_mutex_unlock(&c->lock);
}

void answer_cache_counts(answer_cache *c, size_t *hits, size_t *misses)
{
    *hits = *misses = 0;
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    *hits = c->hits;
    *misses = c->misses;
    pthread_mutex_unlock(&c->lock);
}

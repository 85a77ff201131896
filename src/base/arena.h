/*
 * arena.h: bump allocation for everything that lives as long as one cluster.
 *
 * A summarizer owns one arena; every token, sentence and matrix of a workset
 * is carved out of it and dropped at once by arena_reset() before the next
 * cluster.  Chunks grow geometrically; reset keeps the largest chunk so a
 * steady stream of clusters allocates nothing after the first few.
 */
#ifndef PRECIS_ARENA_H
#define PRECIS_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;
    size_t total;      /* bytes held in all chunks */
} arena;

void arena_init(arena *a);
void arena_release(arena *a);           /* frees every chunk */
void arena_reset(arena *a);             /* keeps one chunk for reuse */
/* Returns zeroed, 16-byte aligned memory, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
/* n * size with overflow check. */
void *arena_array(arena *a, size_t n, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
/* Grows an array allocated from the arena (copies; the old block stays). */
void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t size);
/* Room for one more element in an arena array of *cap elements, `count` of
 * them used: when full, doubles it (to `first` elements the first time).
 * Returns the array, moved or not; NULL when out of memory (the old array is
 * left as it was).  The one growable array of the library:
 *     if (!(l->items = arena_reserve(a, l->items, l->count, &l->cap, sizeof *l->items, 32)))
 *         return -1;                                                             */
void *arena_reserve(arena *a, void *items, size_t count, size_t *cap, size_t size, size_t first);

#endif

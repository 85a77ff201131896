/*
 * arena.c: chunked bump allocator, see arena.h.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_CHUNK ((size_t)64 * 1024)

struct arena_chunk {
    arena_chunk *next;
    size_t size;   /* usable bytes after the header */
    size_t used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void arena_release(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a);
}

void arena_reset(arena *a)
{
    arena_chunk *largest = NULL;
    for (arena_chunk *c = a->head; c; c = c->next)
        if (!largest || c->size > largest->size)
            largest = c;
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        if (c != largest)
            free(c);
        c = next;
    }
    a->head = largest;
    a->total = 0;
    if (largest) {
        largest->next = NULL;
        largest->used = 0;
        a->total = largest->size;
    }
}

static arena_chunk *arena_new_chunk(arena *a, size_t need)
{
    size_t size = a->head ? a->head->size * 2 : ARENA_MIN_CHUNK;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(arena_chunk))
        return NULL;
    arena_chunk *c = malloc(sizeof(arena_chunk) + size);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    a->total += size;
    return c;
}

void *arena_alloc(arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        c = arena_new_chunk(a, size);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *arena_array(arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return arena_alloc(a, n * size);
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (p && len)
        memcpy(p, s, len);
    return p;
}

void *arena_reserve(arena *a, void *items, size_t count, size_t *cap, size_t size, size_t first)
{
    if (count < *cap)
        return items;
    size_t grown_cap = *cap ? *cap * 2 : first;
    void *grown = arena_grow(a, items, count, grown_cap, size);
    if (grown)
        *cap = grown_cap;
    return grown;
}

void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
    /* The array that was allocated last (the usual case: one list growing
     * while it is filled) is extended where it stands, so a list that
     * doubles does not leave its earlier copies behind. */
    arena_chunk *c = a->head;
    if (c && old && old_n && new_n > old_n && size && new_n <= (SIZE_MAX - ARENA_ALIGN) / size) {
        size_t old_bytes = (old_n * size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
        size_t new_bytes = (new_n * size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
        uintptr_t end_of_old = (uintptr_t)old + old_bytes;
        if (end_of_old == (uintptr_t)(c->data + c->used) &&
            new_bytes - old_bytes <= c->size - c->used) {
            memset(c->data + c->used, 0, new_bytes - old_bytes);
            c->used += new_bytes - old_bytes;
            return old;
        }
    }
    void *p = arena_array(a, new_n, size);
    if (p && old && old_n)
        memcpy(p, old, old_n * size);
    return p;
}

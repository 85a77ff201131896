/*
 * idmap.h: the one map of the library's working sets: 64-bit keys to dense
 * ids (0, 1, 2, ... in the order keys are first seen), open addressing in
 * an arena, doubled when half full.
 *
 * Dense ids in first-seen order make every array indexed by them, and every
 * sum over them, the same on every run whatever the hash.  Keys are
 * anything but 0 (0 marks an empty slot): callers offset a key that may be
 * 0.  String keys are hashed to 64 bits first (hash.h) when a collision
 * merely merges two rare grams; the vocabulary, which must never merge two
 * stems, keeps its own table of strings.
 */
#ifndef PRECIS_IDMAP_H
#define PRECIS_IDMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct idmap {
    arena *a;
    uint64_t *keys; /* 0: empty */
    uint32_t *ids;
    size_t nslots;  /* a power of two */
    uint32_t count; /* ids given so far */
} idmap;

/* An empty map sized for about `hint` keys; 0, or -1 when out of memory. */
int idmap_init(idmap *m, arena *a, size_t hint);

/* The id of key (not 0), given now when the key is new; -1 when out of
 * memory. */
long idmap_id(idmap *m, uint64_t key);

#endif

/*
 * idmap.c: 64-bit keys to dense ids (idmap.h).  Fibonacci hashing picks the
 * slot (the key times 2^64 / phi, high bits), linear probing resolves
 * collisions.
 */
#include "idmap.h"

static size_t slot_of(uint64_t key, size_t nslots)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (nslots - 1);
}

int idmap_init(idmap *m, arena *a, size_t hint)
{
    m->a = a;
    m->nslots = 1024;
    while (m->nslots < hint * 2)
        m->nslots *= 2;
    m->count = 0;
    m->keys = arena_array(a, m->nslots, sizeof *m->keys);
    m->ids = arena_array(a, m->nslots, sizeof *m->ids);
    return m->keys && m->ids ? 0 : -1;
}

static int grow(idmap *m)
{
    size_t n = m->nslots * 2;
    uint64_t *keys = arena_array(m->a, n, sizeof *keys);
    uint32_t *ids = arena_array(m->a, n, sizeof *ids);
    if (!keys || !ids)
        return -1;
    for (size_t i = 0; i < m->nslots; i++) {
        if (!m->keys[i])
            continue;
        size_t at = slot_of(m->keys[i], n);
        while (keys[at])
            at = (at + 1) & (n - 1);
        keys[at] = m->keys[i];
        ids[at] = m->ids[i];
    }
    m->keys = keys;
    m->ids = ids;
    m->nslots = n;
    return 0;
}

long idmap_id(idmap *m, uint64_t key)
{
    if ((size_t)(m->count + 1) * 2 > m->nslots && grow(m) < 0)
        return -1;
    size_t at = slot_of(key, m->nslots);
    while (m->keys[at]) {
        if (m->keys[at] == key)
            return m->ids[at];
        at = (at + 1) & (m->nslots - 1);
    }
    m->keys[at] = key;
    m->ids[at] = m->count;
    return m->count++;
}

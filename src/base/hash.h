/*
 * hash.h: the one string hash of the library.
 *
 * FNV-1a over 64 bits: short keys (stems, tokens, words) hash fast and
 * spread well enough for the open-addressing tables of the vocabulary, the
 * oracle's grams and the tokenizer's cache, which take the low bits.  One
 * definition, so that every table hashes a key the same way.
 */
#ifndef PRECIS_HASH_H
#define PRECIS_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

#endif

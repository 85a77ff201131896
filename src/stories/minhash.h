/*
 * minhash.h: shingles, MinHash signatures and the similarities estimated
 * from them, for near-duplicate detection (dedup.c).
 *
 * A text becomes the set of its word k-grams ("shingles"), each hashed to 64
 * bits.  Its signature keeps, for each of `hashes` seeded hash functions,
 * the smallest value over the set: two signatures agree at one position
 * with probability equal to the Jaccard similarity of the two sets, so the
 * fraction of equal positions estimates it, from a fixed number of values
 * whatever the length of the texts.  Everything here is a pure function of
 * its arguments: no state, the same values on every run and platform.
 */
#ifndef PRECIS_MINHASH_H
#define PRECIS_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* A bijective 64-bit mix (splitmix64's finalizer): distinct inputs stay
 * distinct, and every input bit flips about half the output bits. */
static inline uint64_t minhash_mix(uint64_t x)
{
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/*
 * The sorted, distinct shingle hashes of text[0..len) into *out (carved
 * from `scratch`; NULL when there are none) and their number into *count.
 * Words are runs of letters and digits (text_is_alnum), lower-cased
 * (text_tolower), with an inner apostrophe kept as ' whatever its
 * typographic form; everything else separates words, invalid UTF-8
 * included.  A shingle is k consecutive words; a text of fewer than k words
 * (but at least one) has a single shingle of all its words.  Returns 0, or
 * -1 when out of memory.
 */
int minhash_shingles(arena *scratch, const char *text, size_t len, unsigned k, uint64_t **out,
                     size_t *count);

/* The `hashes` seeds of the hash functions h_i(x) = minhash_mix(x ^
 * seeds[i]), drawn from a splitmix64 sequence started at `seed`. */
void minhash_seeds(uint64_t seed, unsigned hashes, uint64_t *seeds);

/* sig[i] = the smallest h_i over the `count` shingles (UINT64_MAX for all
 * positions when there are none). */
void minhash_signature(const uint64_t *shingles, size_t count, const uint64_t *seeds,
                       unsigned hashes, uint64_t *sig);

/* The bucket key of `rows` consecutive signature values (one LSH band). */
uint64_t minhash_band_key(const uint64_t *values, unsigned rows);

/* The fraction of positions where two signatures agree: the Jaccard
 * estimate. */
double minhash_jaccard(const uint64_t *a, const uint64_t *b, unsigned hashes);

/* |A ∩ B| of two sorted sets of distinct hashes. */
size_t minhash_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The similarity of two sets of na and nb shingles, the larger of their
 * Jaccard similarity and the containment of the smaller in the larger:
 * from an estimated Jaccard value, or from the exact intersection.  0 when
 * either set is empty. */
double minhash_similarity_estimated(double jaccard, size_t na, size_t nb);
double minhash_similarity_exact(size_t common, size_t na, size_t nb);

#endif

/*
 * minhash.c: shingles, signatures and similarity estimates (minhash.h).
 *
 * Words are normalized only as far as copies of one story differ in
 * form: case, and the typographic apostrophe ("Assad’s", "ASSAD'S").
 * There is no stemming and no stopword list: a reprint keeps its words, and
 * near-duplicate detection should not need the language model.  A word is
 * hashed with the library's one string hash (hash.h) over its folded
 * UTF-8 bytes, gathered in a fixed buffer; a word longer than the buffer
 * (a URL, a run of digits) is hashed a buffer at a time and the pieces
 * chained, so no word needs an allocation.  A shingle's hash chains its
 * words' hashes through a bijective mix, in order, so "a b" and "b a"
 * differ.
 *
 * Signatures use one mix seeded `hashes` ways, h_i(x) = mix(x ^ seed_i):
 * one multiply-xorshift per shingle and position, and the seeds (a
 * splitmix64 sequence) make the functions independent enough for the
 * estimate.  Shingles are sorted and deduplicated first: the count of
 * distinct shingles is what the containment estimate needs, and the exact
 * mode keeps the sorted set for merging.
 */
#include "minhash.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "text.h"

/* The first value of a chain of mixes (shingles, band keys): not 0, which
 * the mix maps to itself. */
#define CHAIN_START 0x9E3779B97F4A7C15ull

/* One word being read: its folded bytes, and the chained hash of the
 * pieces already spilled when it outgrew the buffer. */
typedef struct word_reader {
    char buf[128];
    size_t len;
    uint64_t spilled; /* 0: nothing spilled yet */
} word_reader;

static void word_append(word_reader *w, int32_t c)
{
    char bytes[4];
    size_t n = text_encode(c, bytes);
    if (w->len + n > sizeof w->buf) {
        w->spilled = minhash_mix((w->spilled ? w->spilled : CHAIN_START) ^
                                 hash_bytes(w->buf, w->len));
        w->len = 0;
    }
    memcpy(w->buf + w->len, bytes, n);
    w->len += n;
}

static uint64_t word_hash(const word_reader *w)
{
    uint64_t h = hash_bytes(w->buf, w->len);
    return w->spilled ? minhash_mix(w->spilled ^ h) : h;
}

/* The word hashes of a text, in order. */
typedef struct word_list {
    uint64_t *hashes;
    size_t count, cap;
} word_list;

static int push_word(arena *a, word_list *l, const word_reader *w)
{
    if (!(l->hashes = arena_reserve(a, l->hashes, l->count, &l->cap, sizeof *l->hashes, 256)))
        return -1;
    l->hashes[l->count++] = word_hash(w);
    return 0;
}

/* 1 when the character at text[i] begins a letter or digit. */
static int alnum_at(const char *text, size_t len, size_t i)
{
    size_t n;
    return i < len && text_is_alnum(text_decode(text + i, len - i, &n));
}

/* Splits text into words (minhash.h) and hashes each. */
static int read_words(arena *a, const char *text, size_t len, word_list *out)
{
    word_reader w = {.len = 0};
    int in_word = 0;
    size_t i = 0;
    while (i < len) {
        size_t n;
        int32_t c = text_decode(text + i, len - i, &n);
        if (text_is_alnum(c)) {
            if (!in_word)
                w.len = 0, w.spilled = 0, in_word = 1;
            word_append(&w, text_tolower(c));
        } else if (in_word && text_fold_punct(c) == '\'' && alnum_at(text, len, i + n)) {
            word_append(&w, '\''); /* don't, Assad’s: one word, one form */
        } else if (in_word) {
            in_word = 0;
            if (push_word(a, out, &w) < 0)
                return -1;
        }
        i += n;
    }
    return in_word ? push_word(a, out, &w) : 0;
}

static uint64_t chain(const uint64_t *values, size_t n)
{
    uint64_t h = CHAIN_START;
    for (size_t i = 0; i < n; i++)
        h = minhash_mix(h ^ values[i]);
    return h;
}

static int cmp_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

int minhash_shingles(arena *scratch, const char *text, size_t len, unsigned k, uint64_t **out,
                     size_t *count)
{
    *out = NULL;
    *count = 0;
    word_list words = {0};
    if (read_words(scratch, text, len, &words) < 0)
        return -1;
    if (words.count == 0)
        return 0;
    /* fewer than k words: one shingle of them all */
    size_t width = words.count < k ? words.count : k;
    size_t n = words.count - width + 1;
    uint64_t *sh = arena_array(scratch, n, sizeof *sh);
    if (!sh)
        return -1;
    for (size_t i = 0; i < n; i++)
        sh[i] = chain(words.hashes + i, width);
    qsort(sh, n, sizeof *sh, cmp_u64);
    size_t distinct = 1;
    for (size_t i = 1; i < n; i++)
        if (sh[i] != sh[distinct - 1])
            sh[distinct++] = sh[i];
    *out = sh;
    *count = distinct;
    return 0;
}

void minhash_seeds(uint64_t seed, unsigned hashes, uint64_t *seeds)
{
    uint64_t state = seed;
    for (unsigned i = 0; i < hashes; i++) {
        state += 0x9E3779B97F4A7C15ull; /* splitmix64's step */
        seeds[i] = minhash_mix(state);
    }
}

void minhash_signature(const uint64_t *shingles, size_t count, const uint64_t *seeds,
                       unsigned hashes, uint64_t *sig)
{
    for (unsigned i = 0; i < hashes; i++)
        sig[i] = UINT64_MAX;
    for (size_t s = 0; s < count; s++)
        for (unsigned i = 0; i < hashes; i++) {
            uint64_t v = minhash_mix(shingles[s] ^ seeds[i]);
            if (v < sig[i])
                sig[i] = v;
        }
}

uint64_t minhash_band_key(const uint64_t *values, unsigned rows)
{
    return chain(values, rows);
}

double minhash_jaccard(const uint64_t *a, const uint64_t *b, unsigned hashes)
{
    unsigned equal = 0;
    for (unsigned i = 0; i < hashes; i++)
        equal += a[i] == b[i];
    return hashes ? (double)equal / hashes : 0.0;
}

size_t minhash_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            common++, i++, j++;
    }
    return common;
}

/* The larger of Jaccard and containment, containment clipped to [0, 1]
 * (an estimate can overshoot). */
static double larger(double jaccard, double containment)
{
    if (containment > 1.0)
        containment = 1.0;
    if (containment < 0.0)
        containment = 0.0;
    return containment > jaccard ? containment : jaccard;
}

double minhash_similarity_estimated(double jaccard, size_t na, size_t nb)
{
    if (na == 0 || nb == 0)
        return 0.0;
    /* J = |A∩B| / (|A| + |B| - |A∩B|) gives |A∩B| = J (|A| + |B|) / (1 + J);
     * the containment of the smaller set is that over its size. */
    size_t smaller = na < nb ? na : nb;
    double common = jaccard * ((double)na + (double)nb) / (1.0 + jaccard);
    return larger(jaccard, common / (double)smaller);
}

double minhash_similarity_exact(size_t common, size_t na, size_t nb)
{
    if (na == 0 || nb == 0)
        return 0.0;
    size_t smaller = na < nb ? na : nb;
    double jaccard = (double)common / ((double)na + (double)nb - (double)common);
    return larger(jaccard, (double)common / (double)smaller);
}

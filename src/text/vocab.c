/*
 * vocab.c: the vocabulary of one call and sentence vectors (vocab.h).
 *
 * Every table lives in the call's arena and grows by doubling: the term
 * slots and the concept slots are rehashed when half full, the per-term
 * arrays grow in place where the arena allows.  Term ids are given in the
 * order stems are first met, so they, and every sum over them, are the same
 * on every run.
 */
#include "vocab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "model.h"

int vocab_init(vocab *v, arena *a)
{
    memset(v, 0, sizeof *v);
    v->a = a;
    v->nslots = 1024;
    v->cap = 512;
    v->slots = arena_array(a, v->nslots, sizeof *v->slots);
    v->stems = arena_array(a, v->cap, sizeof *v->stems);
    v->stem_lens = arena_array(a, v->cap, sizeof *v->stem_lens);
    v->idf = arena_array(a, v->cap, sizeof *v->idf);
    v->sprob = arena_array(a, v->cap, sizeof *v->sprob);
    v->stop = arena_array(a, v->cap, sizeof *v->stop);
    int pairs_ok = idmap_init(&v->pairs, a, 2048) == 0;
    return v->slots && v->stems && v->stem_lens && v->idf && v->sprob && v->stop && pairs_ok
               ? 0
               : -1;
}

static int vocab_rehash(vocab *v)
{
    size_t nslots = v->nslots * 2;
    uint32_t *slots = arena_array(v->a, nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (uint32_t id = 0; id < v->count; id++) {
        size_t at = hash_bytes(v->stems[id], v->stem_lens[id]) & (nslots - 1);
        while (slots[at])
            at = (at + 1) & (nslots - 1);
        slots[at] = id + 1;
    }
    v->slots = slots;
    v->nslots = nslots;
    return 0;
}

/* Returns the term id of stem, adding it; -1 when out of memory. */
long vocab_id(vocab *v, const precis_model *model, const char *stem, size_t len)
{
    size_t at = hash_bytes(stem, len) & (v->nslots - 1);
    while (v->slots[at]) {
        uint32_t id = v->slots[at] - 1;
        if (v->stem_lens[id] == len && !memcmp(v->stems[id], stem, len))
            return id;
        at = (at + 1) & (v->nslots - 1);
    }
    if (v->count == v->cap) {
        uint32_t cap = v->cap * 2;
        const char **stems = arena_grow(v->a, v->stems, v->count, cap, sizeof *stems);
        uint32_t *lens = arena_grow(v->a, v->stem_lens, v->count, cap, sizeof *lens);
        float *idf = arena_grow(v->a, v->idf, v->count, cap, sizeof *idf);
        float *sprob = arena_grow(v->a, v->sprob, v->count, cap, sizeof *sprob);
        unsigned char *stop = arena_grow(v->a, v->stop, v->count, cap, sizeof *stop);
        if (!stems || !lens || !idf || !sprob || !stop)
            return -1;
        v->sprob = sprob;
        v->stop = stop;
        v->stems = stems;
        v->stem_lens = lens;
        v->idf = idf;
        v->cap = cap;
    }
    uint32_t id = v->count++;
    v->stems[id] = arena_strndup(v->a, stem, len);
    if (!v->stems[id])
        return -1;
    v->stem_lens[id] = (uint32_t)len;
    v->idf[id] = (float)precis_model_idf(model, stem, len);
    v->sprob[id] = (float)model_summary_prob(model, stem, len);
    v->slots[at] = id + 1;
    if ((size_t)v->count * 2 > v->nslots && vocab_rehash(v) < 0)
        return -1;
    return id;
}

/* Concept id of the term pair (a, b); -1 when out of memory. */
static long vocab_pair(vocab *v, uint32_t a, uint32_t b)
{
    return idmap_id(&v->pairs, ((uint64_t)a << 32 | b) + 1); /* + 1: never 0 */
}

/* The distinct concepts (consecutive content-term pairs) of a sentence,
 * from its terms in text order. */
int vocab_concepts(arena *a, vocab *v, sentence *s, const uint32_t *terms, size_t n)
{
    if (n < 2)
        return 0;
    s->concepts = arena_array(a, n - 1, sizeof *s->concepts);
    if (!s->concepts)
        return -1;
    for (size_t i = 0; i + 1 < n; i++) {
        long id = vocab_pair(v, terms[i], terms[i + 1]);
        if (id < 0)
            return -1;
        int seen = 0;
        for (uint32_t k = 0; k < s->nconcepts && !seen; k++)
            seen = s->concepts[k] == (uint32_t)id;
        if (!seen)
            s->concepts[s->nconcepts++] = (uint32_t)id;
    }
    return 0;
}

static int by_term(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

/* Builds the tf-idf vector of a sentence from its (unsorted) term ids. */
int vocab_vector(arena *a, sentence *s, uint32_t *terms, size_t n, const vocab *v)
{
    s->content_tokens = (uint32_t)n;
    if (n == 0)
        return 0;
    qsort(terms, n, sizeof *terms, by_term);
    size_t distinct = 1;
    for (size_t i = 1; i < n; i++)
        distinct += terms[i] != terms[i - 1];
    s->vec = arena_array(a, distinct, sizeof *s->vec);
    if (!s->vec)
        return -1;
    size_t k = 0;
    double norm = 0.0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && terms[j] == terms[i])
            j++;
        double w = (double)(j - i) * v->idf[terms[i]];
        s->vec[k].term = terms[i];
        s->vec[k].weight = (float)w;
        norm += w * w;
        k++;
        i = j;
    }
    s->nvec = (uint32_t)k;
    norm = norm > 0 ? sqrt(norm) : 1.0;
    for (size_t i = 0; i < k; i++)
        s->vec[i].weight = (float)(s->vec[i].weight / norm);
    return 0;
}

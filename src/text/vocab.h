/*
 * vocab.h: the vocabulary of one call, and sentence vectors over it.
 *
 * Stems become dense term ids (open addressing in the arena), each with its
 * IDF and summary probability from the model; pairs of consecutive content
 * terms become concept ids; a sentence's content terms become its tf-idf
 * vector, L2-normalised, sorted by term id.
 */
#ifndef PRECIS_VOCAB_H
#define PRECIS_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "idmap.h"
#include "precis.h"
#include "workset.h"

typedef struct vocab {
    arena *a;
    uint32_t *slots;       /* term id + 1, 0 = empty */
    size_t nslots;
    const char **stems;
    uint32_t *stem_lens;
    float *idf;
    float *sprob;          /* p(in a summary), model_summary_prob */
    unsigned char *stop;   /* 1 for stopwords (kept out of the vectors) */
    uint32_t count, cap;
    /* concepts: pairs of consecutive content terms -> concept id; the
     * concept count is pairs.count */
    idmap pairs;
} vocab;

/* An empty vocabulary in the arena; 0, or -1 when out of memory. */
int vocab_init(vocab *v, arena *a);

/* The term id of a stem, added when new; -1 when out of memory. */
long vocab_id(vocab *v, const precis_model *model, const char *stem, size_t len);

/* The distinct concepts (consecutive content-term pairs) of a sentence, from
 * its content terms in text order, into s->concepts; 0, or -1 (memory). */
int vocab_concepts(arena *a, vocab *v, sentence *s, const uint32_t *terms, size_t n);

/* The tf-idf vector of a sentence from its content term ids (sorted here),
 * into s->vec; 0, or -1 (memory). */
int vocab_vector(arena *a, sentence *s, uint32_t *terms, size_t n, const vocab *v);

#endif

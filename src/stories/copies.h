/*
 * copies.h: the near-duplicate check of story clustering (cluster.c): the
 * MinHash signatures of the articles of live stories, banded for lookup, so
 * that a syndicated copy or a trimmed reprint of an article already placed
 * joins that article's story and counts once (copies.c says how).
 *
 * One article at a time: copies_sign computes the signature of the article
 * being placed, copies_find looks for its closest live copy, copies_add
 * files it under the story it joined.  Stories leave (flushed) or move
 * (merged) with copies_drop_story and copies_move_story.  Story slots are
 * cluster.c's: small integers, reused after a story leaves.
 */
#ifndef PRECIS_COPIES_H
#define PRECIS_COPIES_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define COPY_SHINGLE 5      /* words per shingle, as precis_dedup's default */
#define COPY_HASHES 64      /* MinHash values per article */
#define COPY_BANDS 32       /* LSH bands of COPY_HASHES / COPY_BANDS rows */
#define COPY_BUCKET_MAX 32  /* most articles one bucket lists (copies.c) */

typedef struct copy_bucket copy_bucket;
typedef struct copy_entry copy_entry;

/* The buckets of one band: open addressing on a 32-bit key (0: free). */
typedef struct copy_band {
    copy_bucket *slots;
    size_t cap, used;
} copy_band;

typedef struct copy_index {
    double threshold;               /* similarity to count as a copy */
    uint64_t seeds[COPY_HASHES];
    /* the indexed articles ("entries"), reused through a free list */
    copy_entry *entries;
    uint32_t *sigs;                 /* per entry: COPY_HASHES values */
    uint32_t *next;                 /* per entry and band: the next entry
                                       of its bucket */
    size_t nentries, cap;
    uint32_t free_head;
    uint32_t *story_head;           /* per story slot: its first entry */
    size_t nstories;
    copy_band bands[COPY_BANDS];
    /* the article being placed */
    uint32_t sig[COPY_HASHES];
    uint32_t keys[COPY_BANDS];
    size_t shingles;                /* 0: no word, never a copy */
    uint32_t found[COPY_BANDS * COPY_BUCKET_MAX];
    arena scratch;                  /* its shingles */
} copy_index;

/* An empty index; `threshold` as precis_stories_options.copy_threshold. */
void copies_init(copy_index *c, double threshold);
void copies_release(copy_index *c);

/* The signature of the article being placed, from text[0..len).  0, or -1
 * when out of memory. */
int copies_sign(copy_index *c, const char *text, size_t len);

/* The story slot of the indexed article most similar to the one being
 * placed, at or above the threshold (ties to the earliest article), or -1
 * when there is none. */
long copies_find(copy_index *c);

/* Indexes the article being placed, number `position` of the stream, as an
 * article of story `slot` (nothing for an article without words).  0, or -1
 * when out of memory (then nothing is indexed). */
int copies_add(copy_index *c, uint32_t slot, uint64_t position);

/* Forgets every article, and gives the memory back: when every live story
 * is flushed at once, quicker than story by story. */
void copies_clear(copy_index *c);

/* Forgets the articles of story `slot`. */
void copies_drop_story(copy_index *c, uint32_t slot);

/* Files the articles of story `from` under story `into`.  0, or -1 when
 * out of memory (then nothing moved). */
int copies_move_story(copy_index *c, uint32_t from, uint32_t into);

#endif

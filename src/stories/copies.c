/*
 * copies.c: the near-duplicate check of story clustering (copies.h).
 *
 * Issue #14 asks that near-duplicates be grouped first and count once.  A
 * wire story reprinted twenty times would otherwise add its vector to its
 * story's centroid twenty times, pulling the story towards its wording, and
 * a reprint could even land in another story than its original.  So before
 * the centroid search, cluster.c asks here whether the article is a copy of
 * an article of a live story; a copy joins that story and its vector is
 * left out, as precis_stories_join does.
 *
 * The test is precis_dedup's (dedup.c): the larger of the Jaccard
 * similarity and the containment of the shorter in the longer, on the sets
 * of 5-word shingles, estimated from MinHash signatures (minhash.c), at or
 * above the threshold (0.5 by default, as dedup).  It runs on the stream,
 * so the candidates come from an index that grows and shrinks with the
 * live stories instead of from one sort of every text:
 *
 *   Signatures.  COPY_HASHES = 64 values, half of dedup's 128, each kept as
 *   its low 32 bits: 256 bytes per article.  The low bits of two different
 *   minima agree by chance once in 2^32, which moves the estimate by
 *   nothing measurable; 64 values estimate a Jaccard similarity of 0.5 to
 *   within +-0.06 (one standard deviation), for half the hashing of 128
 *   (the check's cost is in docs/BENCHMARKS.md).
 *
 *   Candidates.  32 bands of 2 rows.  A pair of Jaccard similarity s shares
 *   a bucket in some band with probability 1 - (1 - s^2)^32: 0.9999 at
 *   0.5, 0.996 at 0.4, 0.985 at 0.35, 0.95 at 0.3 (an excerpt of a third
 *   of a text, whose containment is 1), and 0.27 at 0.1, the pairs the
 *   verification turns down.  Each band has its own table, from a 32-bit
 *   key of the band's values to a chain of the articles in the bucket
 *   (their `next` links, one per band); two keys that meet on 32 bits only
 *   share a chain, which costs a verification, never a copy.
 *
 *   Verification.  Every distinct candidate is scored once; the copy is
 *   the one with the highest similarity, ties to the earliest article (its
 *   position in the stream): a function of the live articles, never of a
 *   table's layout.
 *
 * Boilerplate.  Thousands of identical texts would fill one bucket of every
 * band and make each lookup verify them all.  A bucket therefore lists at
 * most COPY_BUCKET_MAX articles, the ones that came first among those
 * live; a later one is not filed there (it is in its other buckets, or is
 * itself a copy of one that is).  Lookups cost at most COPY_BANDS *
 * COPY_BUCKET_MAX verifications.
 *
 * Memory follows the live stories: an article's entry (signature, links,
 * about 400 bytes, and its share of the band tables) lives until its story
 * is flushed, when copies_drop_story frees it for reuse; a merge only
 * relabels the entries.  Each story slot heads a list of its entries.
 */
#include "copies.h"

#include <stdlib.h>
#include <string.h>

#include "minhash.h"

#define COPY_ROWS (COPY_HASHES / COPY_BANDS)
#define COPY_SEED 1
#define COPY_END UINT32_MAX           /* end of a chain or list */
#define COPY_UNFILED (UINT32_MAX - 1) /* not in this band's bucket: it was full */
#define COPY_SCRATCH_KEEP ((size_t)1 << 22)

struct copy_bucket {
    uint32_t key;   /* 0: free */
    uint32_t head;  /* its latest entry; the chain goes on through `next` */
};

struct copy_entry {
    uint64_t position;   /* in the stream: ties go to the earliest */
    uint32_t shingles;   /* distinct shingles, for the containment */
    uint32_t story;      /* slot of its story */
    uint32_t story_next; /* the next entry of its story; of the free list
                            when free */
};

_Static_assert(COPY_HASHES % COPY_BANDS == 0, "bands must divide the hashes");

void copies_init(copy_index *c, double threshold)
{
    memset(c, 0, sizeof *c);
    c->threshold = threshold;
    c->free_head = COPY_END;
    minhash_seeds(COPY_SEED, COPY_HASHES, c->seeds);
    arena_init(&c->scratch);
}

void copies_release(copy_index *c)
{
    free(c->entries);
    free(c->sigs);
    free(c->next);
    free(c->story_head);
    for (unsigned b = 0; b < COPY_BANDS; b++)
        free(c->bands[b].slots);
    arena_release(&c->scratch);
    memset(c, 0, sizeof *c);
}

void copies_clear(copy_index *c)
{
    double threshold = c->threshold;
    copies_release(c);
    copies_init(c, threshold);
}

/* ---- band tables ----------------------------------------------------- */

/* A band's key, from its rows of a 32-bit signature (never 0). */
static uint32_t band_key(const uint32_t *sig, unsigned band)
{
    uint64_t rows[COPY_ROWS];
    for (unsigned r = 0; r < COPY_ROWS; r++)
        rows[r] = sig[band * COPY_ROWS + r];
    uint64_t k = minhash_band_key(rows, COPY_ROWS);
    uint32_t key = (uint32_t)(k ^ (k >> 32));
    return key ? key : 1;
}

/* The slot holding `key`, or the free slot where it would go. */
static size_t band_slot(const copy_band *t, uint32_t key)
{
    size_t mask = t->cap - 1, h = key & mask;
    while (t->slots[h].key && t->slots[h].key != key)
        h = (h + 1) & mask;
    return h;
}

static copy_bucket *band_find(const copy_band *t, uint32_t key)
{
    if (!t->cap)
        return NULL;
    copy_bucket *b = &t->slots[band_slot(t, key)];
    return b->key ? b : NULL;
}

/* Room for one more bucket, the table at most 70% full.  0, or -1 when out
 * of memory (the table as it was). */
static int band_reserve(copy_band *t)
{
    if ((t->used + 1) * 10 <= t->cap * 7)
        return 0;
    size_t cap = t->cap ? t->cap * 2 : 64;
    copy_bucket *grown = calloc(cap, sizeof *grown);
    if (!grown)
        return -1;
    copy_band bigger = {grown, cap, t->used};
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].key)
            grown[band_slot(&bigger, t->slots[i].key)] = t->slots[i];
    free(t->slots);
    *t = bigger;
    return 0;
}

/* Empties slot i, moving back the entries after it that probed past it
 * (linear probing needs no tombstones then). */
static void band_delete(copy_band *t, size_t i)
{
    size_t mask = t->cap - 1;
    for (size_t j = (i + 1) & mask; t->slots[j].key; j = (j + 1) & mask) {
        size_t home = t->slots[j].key & mask;
        /* j stays when its home lies cyclically in (i, j] */
        int stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!stays) {
            t->slots[i] = t->slots[j];
            i = j;
        }
    }
    t->slots[i].key = 0;
    t->used--;
}

/* ---- the article being placed ---------------------------------------- */

int copies_sign(copy_index *c, const char *text, size_t len)
{
    arena_reset(&c->scratch);
    uint64_t *shingles;
    size_t n;
    int rc = minhash_shingles(&c->scratch, text, len, COPY_SHINGLE, &shingles, &n);
    if (rc == 0) {
        uint64_t sig[COPY_HASHES];
        minhash_signature(shingles, n, c->seeds, COPY_HASHES, sig);
        for (unsigned i = 0; i < COPY_HASHES; i++)
            c->sig[i] = (uint32_t)sig[i];
        for (unsigned b = 0; b < COPY_BANDS; b++)
            c->keys[b] = band_key(c->sig, b);
        c->shingles = n;
    } else {
        c->shingles = 0;
    }
    if (c->scratch.total > COPY_SCRATCH_KEEP)
        arena_release(&c->scratch); /* a huge article gives its memory back */
    return rc;
}

static int by_entry(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The estimated similarity (minhash.h) of entry e with the article. */
static double similarity(const copy_index *c, uint32_t e)
{
    const uint32_t *sig = c->sigs + (size_t)e * COPY_HASHES;
    unsigned equal = 0;
    for (unsigned i = 0; i < COPY_HASHES; i++)
        equal += sig[i] == c->sig[i];
    return minhash_similarity_estimated((double)equal / COPY_HASHES, c->shingles,
                                        c->entries[e].shingles);
}

long copies_find(copy_index *c)
{
    if (!c->shingles || !c->nentries)
        return -1;
    size_t n = 0;
    for (unsigned b = 0; b < COPY_BANDS; b++) {
        const copy_bucket *k = band_find(&c->bands[b], c->keys[b]);
        const uint32_t *next = c->next + b;
        /* a bucket lists at most COPY_BUCKET_MAX entries (the top) */
        for (uint32_t e = k ? k->head : COPY_END; e != COPY_END; e = next[(size_t)e * COPY_BANDS])
            c->found[n++] = e;
    }
    if (!n)
        return -1;
    qsort(c->found, n, sizeof *c->found, by_entry);
    long best = -1;
    double best_sim = c->threshold;
    uint64_t best_position = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t e = c->found[i];
        if (i && e == c->found[i - 1])
            continue; /* met in another band already */
        double sim = similarity(c, e);
        const copy_entry *x = &c->entries[e];
        if (sim > best_sim || (sim == best_sim && (best < 0 || x->position < best_position))) {
            best = (long)x->story;
            best_sim = sim;
            best_position = x->position;
        }
    }
    return best;
}

/* ---- filing and forgetting -------------------------------------------- */

/* A list head for story slots up to `slot`.  0, or -1 when out of memory. */
static int reserve_stories(copy_index *c, uint32_t slot)
{
    if (slot < c->nstories)
        return 0;
    size_t n = (size_t)slot + 1 > c->nstories * 2 ? (size_t)slot + 1 : c->nstories * 2;
    uint32_t *heads = realloc(c->story_head, n * sizeof *heads);
    if (!heads)
        return -1;
    for (size_t i = c->nstories; i < n; i++)
        heads[i] = COPY_END;
    c->story_head = heads;
    c->nstories = n;
    return 0;
}

/* Room for one more entry, a list head for story `slot`, one more
 * bucket in every band: after it, filing cannot fail.  Each array grows in
 * turn and its capacity moves last.  0, or -1 when out of memory. */
static int reserve(copy_index *c, uint32_t slot)
{
    if (c->free_head == COPY_END && c->nentries == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        if (cap >= COPY_UNFILED || cap > SIZE_MAX / (COPY_HASHES * sizeof *c->sigs))
            return -1; /* entry numbers stay below the markers, sizes in size_t */
        uint32_t *sigs = realloc(c->sigs, cap * COPY_HASHES * sizeof *sigs);
        if (!sigs)
            return -1;
        c->sigs = sigs;
        uint32_t *next = realloc(c->next, cap * COPY_BANDS * sizeof *next);
        if (!next)
            return -1;
        c->next = next;
        copy_entry *entries = realloc(c->entries, cap * sizeof *entries);
        if (!entries)
            return -1;
        c->entries = entries;
        c->cap = cap;
    }
    if (reserve_stories(c, slot) < 0)
        return -1;
    for (unsigned b = 0; b < COPY_BANDS; b++)
        if (band_reserve(&c->bands[b]) < 0)
            return -1;
    return 0;
}

int copies_add(copy_index *c, uint32_t slot, uint64_t position)
{
    if (!c->shingles)
        return 0;
    if (reserve(c, slot) < 0)
        return -1;
    uint32_t e;
    if (c->free_head != COPY_END) {
        e = c->free_head;
        c->free_head = c->entries[e].story_next;
    } else {
        e = (uint32_t)c->nentries++;
    }
    copy_entry *x = &c->entries[e];
    x->position = position;
    x->shingles = c->shingles > UINT32_MAX ? UINT32_MAX : (uint32_t)c->shingles;
    x->story = slot;
    x->story_next = c->story_head[slot];
    c->story_head[slot] = e;
    memcpy(c->sigs + (size_t)e * COPY_HASHES, c->sig, sizeof c->sig);
    uint32_t *next = c->next + (size_t)e * COPY_BANDS;
    for (unsigned b = 0; b < COPY_BANDS; b++) {
        copy_band *t = &c->bands[b];
        copy_bucket *k = &t->slots[band_slot(t, c->keys[b])];
        if (!k->key) {
            k->key = c->keys[b];
            k->head = e;
            t->used++;
            next[b] = COPY_END;
            continue;
        }
        size_t listed = 0;
        for (uint32_t i = k->head; i != COPY_END; i = c->next[(size_t)i * COPY_BANDS + b])
            listed++;
        if (listed < COPY_BUCKET_MAX) {
            next[b] = k->head;
            k->head = e;
        } else {
            next[b] = COPY_UNFILED;
        }
    }
    return 0;
}

/* Takes entry e out of its buckets and onto the free list. */
static void forget(copy_index *c, uint32_t e)
{
    const uint32_t *sig = c->sigs + (size_t)e * COPY_HASHES;
    uint32_t *next = c->next + (size_t)e * COPY_BANDS;
    for (unsigned b = 0; b < COPY_BANDS; b++) {
        if (next[b] == COPY_UNFILED)
            continue;
        copy_band *t = &c->bands[b];
        size_t h = band_slot(t, band_key(sig, b));
        uint32_t *link = &t->slots[h].head;
        while (*link != e)
            link = &c->next[(size_t)*link * COPY_BANDS + b];
        *link = next[b];
        if (t->slots[h].head == COPY_END)
            band_delete(t, h);
    }
    c->entries[e].story_next = c->free_head;
    c->free_head = e;
}

void copies_drop_story(copy_index *c, uint32_t slot)
{
    if (slot >= c->nstories)
        return;
    for (uint32_t e = c->story_head[slot], following; e != COPY_END; e = following) {
        following = c->entries[e].story_next;
        forget(c, e);
    }
    c->story_head[slot] = COPY_END;
}

int copies_move_story(copy_index *c, uint32_t from, uint32_t into)
{
    if (from >= c->nstories || c->story_head[from] == COPY_END)
        return 0;
    if (reserve_stories(c, into) < 0)
        return -1;
    uint32_t last = COPY_END;
    for (uint32_t e = c->story_head[from]; e != COPY_END; e = c->entries[e].story_next) {
        c->entries[e].story = into;
        last = e;
    }
    c->entries[last].story_next = c->story_head[into];
    c->story_head[into] = c->story_head[from];
    c->story_head[from] = COPY_END;
    return 0;
}

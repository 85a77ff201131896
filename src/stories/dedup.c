/*
 * dedup.c: near-duplicate detection (precis_stories.h): syndicated copies
 * with a few words changed, reprints trimmed at the end, copies with a new
 * first line.
 *
 * Adding a text keeps only its MinHash signature and its number of
 * distinct shingles (minhash.c), so a long stream costs `hashes` * 8 bytes
 * per text; `exact` also keeps the sorted shingle set.  Grouping then runs
 * in three steps:
 *
 *   1. Candidates.  LSH banding: the signature is cut into `bands` bands of
 *      rows = hashes / bands values; texts whose band values are all equal
 *      share that band's bucket, and every two texts sharing a bucket in
 *      any band are a candidate pair.  A pair of Jaccard similarity s is a
 *      candidate with probability 1 - (1 - s^rows)^bands: with the defaults
 *      (64 bands of 2 rows) 0.9998 at s = 0.35, 0.998 at 0.3 (an excerpt of
 *      a third of a text, whose containment is 1), 0.48 at 0.1 (the
 *      candidates the verification turns down, at a cost measured in
 *      docs/BENCHMARKS.md).  With 32 bands of 4 rows, the first choice,
 *      a pair at Jaccard 0.5 was missed one time in eight and an excerpt
 *      three times in four: pair recall against `exact` was 0.977, 1.000
 *      now.  `exact` checks every pair.
 *   2. Verification.  Each candidate pair is scored, the larger of
 *      Jaccard and the containment of the smaller text in the larger,
 *      estimated from the signatures (or exact from the sets), and pairs at
 *      or above the threshold are joined.
 *   3. Groups.  Union-find whose root is always the smallest index of its
 *      set, so the groups, their order and their members are a function of
 *      the texts and their order of adding, never of a hash table's layout.
 *
 * A candidate pair is verified once, in the first band that takes it (the
 * bands before it are checked), so no list of pairs is kept and sorted:
 * copies meet in most of the bands, and such a list would hold each of
 * their pairs once per band.  Joining does not depend on the order of the
 * verifications, and pairs_checked counts distinct pairs.
 *
 * Huge buckets.  Thousands of texts with identical boilerplate (a cookie
 * wall, "Subscribe to read") fall into one bucket of every band, and all
 * their pairs would be quadratic.  A bucket of more than
 * DEDUP_BUCKET_ANCHORS members therefore pairs each member only with the
 * bucket's first DEDUP_BUCKET_ANCHORS members in index order (its anchors):
 * linear in the bucket, and deterministic.  It loses little: a member that
 * matches any anchor still joins the anchors' group, and two later members
 * that match each other but no anchor meet again in the other bands where
 * the shared boilerplate does not hold the minima.  The cap is small
 * because it costs anchors * members verifications per band when the
 * bucket mixes texts that share only their chrome.
 *
 * Empty texts (no word) have no shingles: they are never candidates and
 * each is its own group.  Memory for one call's temporaries (shingles of
 * the text being added, the band keys while grouping) comes from a
 * scratch arena, reset at the start of each call and released after one
 * that grew it past DEDUP_SCRATCH_KEEP.
 */
#include "precis_stories.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "error.h"
#include "sized.h"
#include "minhash.h"

#define DEDUP_MAX_SHINGLE 64
#define DEDUP_MAX_HASHES 4096
#define DEDUP_BUCKET_ANCHORS 32
#define DEDUP_SCRATCH_KEEP ((size_t)1 << 22)

struct precis_dedup {
    precis_dedup_options o; /* checked, every field set */
    unsigned rows;          /* per band: hashes / bands */
    uint64_t *seeds;        /* o.hashes */
    uint64_t *sigs;         /* count * o.hashes: the signatures in index order */
    size_t *sizes;          /* per text: its distinct shingles */
    const uint64_t **sets;  /* exact only: per text its sorted shingles (in keep) */
    size_t count, cap;
    arena keep;             /* the exact shingle sets, for the object's life */
    arena scratch;          /* one call's temporaries */
};

/* The result and the arena all its arrays come from: one free releases
 * them all.  The public struct comes first, so its address is the block's. */
typedef struct groups_block {
    precis_dedup_groups pub;
    arena a;
} groups_block;

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

void precis_dedup_options_init_sized(precis_dedup_options *options, size_t size)
{
    if (!options)
        return;
    precis_dedup_options o;
    memset(&o, 0, sizeof o);
    o.size = sizeof o;
    o.shingle = 5;
    o.hashes = 128;
    o.bands = 64; /* 2 rows: see the candidate probabilities above */
    /* 0.5: the syndicated reprint of examples/daraa (000 and 001: an
     * edited, longer copy, exact similarity 0.64, estimated 0.54) is a
     * copy; no two different stories of the raw test clusters or of the
     * Multi-News pools reach it (pair precision 0.999 against `exact`) */
    o.threshold = 0.5;
    o.exact = 0;
    o.seed = 1;
    /* only the first `size` bytes: see precis_options_init_sized */
    sized_store(options, &o, sizeof o, size);
}

/* The caller's first `size` bytes over the defaults (NULL: the defaults). */
static precis_status options_from_caller(const precis_dedup_options *in,
                                         precis_dedup_options *out, precis_error *err)
{
    precis_dedup_options_init(out);
    if (!in)
        return PRECIS_OK;
    if (!sized_load(out, sizeof *out, in))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_dedup_options.size is %zu: initialise the options with "
                           "precis_dedup_options_init",
                           in->size);
    return PRECIS_OK;
}

static precis_status check_options(const precis_dedup_options *o, precis_error *err)
{
    if (o->shingle < 1 || o->shingle > DEDUP_MAX_SHINGLE)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "dedup shingle must be 1 to %d words (got %u)", DEDUP_MAX_SHINGLE,
                           o->shingle);
    if (o->hashes < 1 || o->hashes > DEDUP_MAX_HASHES)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "dedup hashes must be 1 to %d (got %u)", DEDUP_MAX_HASHES, o->hashes);
    if (o->bands < 1 || o->hashes % o->bands != 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "dedup bands (%u) must divide hashes (%u): each band takes "
                           "hashes / bands rows",
                           o->bands, o->hashes);
    if (!(o->threshold > 0.0 && o->threshold <= 1.0))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "dedup threshold must be above 0 and at most 1 (got %g)",
                           o->threshold);
    return PRECIS_OK;
}

/* ------------------------------------------------------------------ */
/* The set of texts                                                    */
/* ------------------------------------------------------------------ */

precis_status precis_dedup_new(const precis_dedup_options *options, precis_dedup **out,
                               precis_error *err)
{
    if (out)
        *out = NULL;
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_dedup_new: no out-pointer");
    precis_dedup_options o;
    precis_status st = options_from_caller(options, &o, err);
    if (st == PRECIS_OK)
        st = check_options(&o, err);
    if (st != PRECIS_OK)
        return st;
    precis_dedup *d = calloc(1, sizeof *d);
    if (!d)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    d->o = o;
    d->o.exact = o.exact != 0;
    d->rows = o.hashes / o.bands;
    arena_init(&d->keep);
    arena_init(&d->scratch);
    d->seeds = malloc(o.hashes * sizeof *d->seeds);
    if (!d->seeds) {
        precis_dedup_free(d);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    minhash_seeds(o.seed, o.hashes, d->seeds);
    *out = d;
    return PRECIS_OK;
}

void precis_dedup_free(precis_dedup *dedup)
{
    if (!dedup)
        return;
    free(dedup->seeds);
    free(dedup->sigs);
    free(dedup->sizes);
    free(dedup->sets);
    arena_release(&dedup->keep);
    arena_release(&dedup->scratch);
    free(dedup);
}

/* Ends a call's use of the scratch arena: a call that needed a lot (a huge
 * text, a big grouping) gives it back rather than hold it for the
 * object's life. */
static void scratch_done(precis_dedup *d)
{
    if (d->scratch.total > DEDUP_SCRATCH_KEEP)
        arena_release(&d->scratch);
}

/* Room for one more text in the per-text arrays (plain realloc: they live as
 * long as the object and would leave their old copies behind in an arena).
 * Each array is grown in turn and `cap` moves last, so a failure leaves the
 * object usable.  0, or -1 when out of memory. */
static int reserve_text(precis_dedup *d)
{
    if (d->count < d->cap)
        return 0;
    size_t cap = d->cap ? d->cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof(uint64_t) / d->o.hashes)
        return -1;
    uint64_t *sigs = realloc(d->sigs, cap * d->o.hashes * sizeof *sigs);
    if (!sigs)
        return -1;
    d->sigs = sigs;
    size_t *sizes = realloc(d->sizes, cap * sizeof *sizes);
    if (!sizes)
        return -1;
    d->sizes = sizes;
    if (d->o.exact) {
        const uint64_t **sets = realloc(d->sets, cap * sizeof *sets);
        if (!sets)
            return -1;
        d->sets = sets;
    }
    d->cap = cap;
    return 0;
}

static const uint64_t *signature_of(const precis_dedup *d, size_t i)
{
    return d->sigs + i * d->o.hashes;
}

/* Stores text number d->count: its signature, size and (exact) set. */
static int store_text(precis_dedup *d, const uint64_t *shingles, size_t n)
{
    if (reserve_text(d) < 0)
        return -1;
    if (d->o.exact) {
        uint64_t *set = NULL;
        if (n) {
            if (!(set = arena_array(&d->keep, n, sizeof *set)))
                return -1;
            memcpy(set, shingles, n * sizeof *set);
        }
        d->sets[d->count] = set;
    }
    minhash_signature(shingles, n, d->seeds, d->o.hashes, d->sigs + d->count * d->o.hashes);
    d->sizes[d->count] = n;
    d->count++;
    return 0;
}

precis_status precis_dedup_add(precis_dedup *dedup, const char *text, size_t len, size_t *index,
                               precis_error *err)
{
    if (!dedup)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_dedup_add: no dedup object");
    if (!text && len)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_dedup_add: no text but a length of %zu", len);
    arena_reset(&dedup->scratch);
    uint64_t *shingles;
    size_t n;
    int rc = minhash_shingles(&dedup->scratch, text ? text : "", len, dedup->o.shingle, &shingles,
                              &n);
    if (rc == 0)
        rc = store_text(dedup, shingles, n);
    scratch_done(dedup);
    if (rc < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    if (index)
        *index = dedup->count - 1;
    return PRECIS_OK;
}

/* The similarity of texts a and b (precis_dedup_member): exact from the
 * sets, else estimated from the signatures. */
static double similarity(const precis_dedup *d, size_t a, size_t b)
{
    if (d->o.exact)
        return minhash_similarity_exact(
            minhash_common(d->sets[a], d->sizes[a], d->sets[b], d->sizes[b]), d->sizes[a],
            d->sizes[b]);
    return minhash_similarity_estimated(
        minhash_jaccard(signature_of(d, a), signature_of(d, b), d->o.hashes), d->sizes[a],
        d->sizes[b]);
}

/* ------------------------------------------------------------------ */
/* Joining: union-find and verification                                */
/* ------------------------------------------------------------------ */

typedef struct joiner {
    const precis_dedup *d;
    size_t *parent;       /* per text; a root is the smallest index of its set */
    size_t checked, found;
} joiner;

static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]]; /* path halving: still an ancestor */
        i = parent[i];
    }
    return i;
}

/* Union by smaller root: the result does not depend on the order of
 * the unions. */
static void unite(size_t *parent, size_t a, size_t b)
{
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

static void verify(joiner *j, size_t a, size_t b)
{
    j->checked++;
    if (similarity(j->d, a, b) >= j->d->o.threshold) {
        j->found++;
        unite(j->parent, a, b);
    }
}

/* Exact mode: every pair of texts that have shingles. */
static void join_all_pairs(joiner *j)
{
    const precis_dedup *d = j->d;
    for (size_t a = 0; a < d->count; a++) {
        if (!d->sizes[a])
            continue;
        for (size_t b = a + 1; b < d->count; b++)
            if (d->sizes[b])
                verify(j, a, b);
    }
}

/* ------------------------------------------------------------------ */
/* Candidates: LSH banding                                             */
/* ------------------------------------------------------------------ */

/* The texts that have shingles ("entries", in index order) and, per entry
 * and band, its bucket key and whether it is one of its bucket's anchors;
 * entry-major, so that one pair's bands are side by side. */
typedef struct band_table {
    size_t m;
    size_t *index;         /* per entry: its text */
    uint64_t *keys;        /* [e * bands + b] */
    unsigned char *anchor; /* [e * bands + b]: among its bucket's first members */
    size_t *order;         /* m: the entries of one band, sorted by bucket */
} band_table;

/* qsort_r's context: the keys of the band being sorted. */
typedef struct band_sort {
    const band_table *t;
    unsigned bands, band;
} band_sort;

/* By bucket key, then by index (entries are in index order): a total
 * order, so each band's buckets and their member order come out the same
 * whatever qsort does with ties. */
static int cmp_entry(const void *pa, const void *pb, void *ctx)
{
    const band_sort *s = ctx;
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    uint64_t ka = s->t->keys[a * s->bands + s->band], kb = s->t->keys[b * s->bands + s->band];
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int band_table_init(band_table *t, const precis_dedup *d, arena *a)
{
    size_t bands = d->o.bands;
    t->m = 0;
    for (size_t i = 0; i < d->count; i++)
        t->m += d->sizes[i] != 0;
    size_t m = t->m ? t->m : 1;
    if (m > SIZE_MAX / bands)
        return -1;
    t->index = arena_array(a, m, sizeof *t->index);
    t->keys = arena_array(a, m * bands, sizeof *t->keys);
    t->anchor = arena_array(a, m * bands, sizeof *t->anchor);
    t->order = arena_array(a, m, sizeof *t->order);
    if (!t->index || !t->keys || !t->anchor || !t->order)
        return -1;
    for (size_t i = 0, e = 0; i < d->count; i++)
        if (d->sizes[i])
            t->index[e++] = i;
    for (size_t e = 0; e < t->m; e++)
        for (unsigned b = 0; b < bands; b++)
            t->keys[e * bands + b] =
                minhash_band_key(signature_of(d, t->index[e]) + b * d->rows, d->rows);
    return 0;
}

/* 1 when entries x < y were already taken as a pair in a band before
 * `band`: the same bucket, x one of its anchors (x precedes y in it). */
static int taken_before(const band_table *t, unsigned bands, size_t x, size_t y, unsigned band)
{
    const uint64_t *kx = t->keys + x * bands, *ky = t->keys + y * bands;
    for (unsigned b = 0; b < band; b++)
        if (kx[b] == ky[b] && t->anchor[x * bands + b])
            return 1;
    return 0;
}

/* The pairs of one bucket (its members in index order): all of them, or
 * each member with the first DEDUP_BUCKET_ANCHORS members (see the top),
 * each verified in the first band that takes it. */
static void bucket_pairs(joiner *j, band_table *t, const size_t *members, size_t count,
                         unsigned band)
{
    unsigned bands = j->d->o.bands;
    size_t anchors = count < DEDUP_BUCKET_ANCHORS ? count : DEDUP_BUCKET_ANCHORS;
    for (size_t x = 0; x < anchors; x++)
        t->anchor[members[x] * bands + band] = 1;
    for (size_t x = 0; x < anchors; x++)
        for (size_t y = x + 1; y < count; y++)
            if (!taken_before(t, bands, members[x], members[y], band))
                verify(j, t->index[members[x]], t->index[members[y]]);
}

/* LSH mode: each band's buckets in turn, each of their pairs verified
 * in the first band that takes it (see the top).  0, or -1 when out of
 * memory. */
static int join_candidates(joiner *j, arena *a)
{
    band_table t;
    if (band_table_init(&t, j->d, a) < 0)
        return -1;
    for (unsigned band = 0; band < j->d->o.bands; band++) {
        for (size_t e = 0; e < t.m; e++)
            t.order[e] = e;
        band_sort s = {&t, j->d->o.bands, band};
        qsort_r(t.order, t.m, sizeof *t.order, cmp_entry, &s);
        for (size_t start = 0, end; start < t.m; start = end) {
            uint64_t key = t.keys[t.order[start] * s.bands + band];
            for (end = start + 1; end < t.m && t.keys[t.order[end] * s.bands + band] == key; end++)
                ;
            if (end - start > 1)
                bucket_pairs(j, &t, t.order + start, end - start, band);
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Groups                                                              */
/* ------------------------------------------------------------------ */

/* The member with the most shingles, ties to the smallest index. */
static size_t representative(const precis_dedup *d, const precis_dedup_group *g)
{
    size_t rep = g->members[0].index;
    for (size_t k = 1; k < g->count; k++)
        if (d->sizes[g->members[k].index] > d->sizes[rep])
            rep = g->members[k].index;
    return rep;
}

/* Numbers the joined sets in the order of their roots (their smallest
 * index) into group_of and out->count.  0, or -1 when out of memory. */
static int number_groups(size_t n, size_t *parent, groups_block *blk)
{
    precis_dedup_groups *out = &blk->pub;
    if (!(out->group_of = arena_array(&blk->a, n, sizeof *out->group_of)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t root = find_root(parent, i);
        /* the root is the smallest index: numbered before any other member */
        out->group_of[i] = root == i ? out->count++ : out->group_of[root];
    }
    return 0;
}

/* Lays the members out in one array, group after group, each group's in
 * index order.  0, or -1 when out of memory. */
static int place_members(size_t n, groups_block *blk)
{
    precis_dedup_groups *out = &blk->pub;
    precis_dedup_member *members = arena_array(&blk->a, n, sizeof *members);
    out->groups = arena_array(&blk->a, out->count, sizeof *out->groups);
    if (!members || !out->groups)
        return -1;
    for (size_t i = 0; i < n; i++)
        out->groups[out->group_of[i]].count++;
    for (size_t g = 0, at = 0; g < out->count; g++) {
        out->groups[g].members = members + at;
        at += out->groups[g].count;
        out->groups[g].count = 0; /* refilled below */
    }
    for (size_t i = 0; i < n; i++) {
        precis_dedup_group *g = &out->groups[out->group_of[i]];
        g->members[g->count++].index = i;
    }
    return 0;
}

/* The groups of the joined sets, their representatives and each member's
 * similarity to its representative.  0, or -1 when out of memory. */
static int build_groups(const precis_dedup *d, size_t *parent, groups_block *blk)
{
    size_t n = d->count;
    if (n == 0)
        return 0;
    if (number_groups(n, parent, blk) < 0 || place_members(n, blk) < 0)
        return -1;
    for (size_t g = 0; g < blk->pub.count; g++) {
        precis_dedup_group *grp = &blk->pub.groups[g];
        grp->representative = representative(d, grp);
        /* to the representative directly, even when joined through others */
        for (size_t k = 0; k < grp->count; k++) {
            size_t i = grp->members[k].index;
            grp->members[k].similarity =
                i == grp->representative ? 1.0 : similarity(d, grp->representative, i);
        }
    }
    return 0;
}

precis_status precis_dedup_find(precis_dedup *dedup, precis_dedup_groups **out,
                                precis_error *err)
{
    if (out)
        *out = NULL;
    if (!dedup || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_dedup_find: no dedup object or no out-pointer");
    groups_block *blk = calloc(1, sizeof *blk);
    if (!blk)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    arena_init(&blk->a);
    arena_reset(&dedup->scratch);
    size_t n = dedup->count;
    joiner j = {dedup, arena_array(&dedup->scratch, n ? n : 1, sizeof *j.parent), 0, 0};
    int rc = j.parent ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        j.parent[i] = i;
    if (rc == 0 && dedup->o.exact)
        join_all_pairs(&j);
    else if (rc == 0)
        rc = join_candidates(&j, &dedup->scratch);
    if (rc == 0)
        rc = build_groups(dedup, j.parent, blk);
    scratch_done(dedup);
    if (rc < 0) {
        precis_dedup_groups_free(&blk->pub);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    blk->pub.texts = n;
    blk->pub.pairs_checked = j.checked;
    blk->pub.pairs_found = j.found;
    *out = &blk->pub;
    return PRECIS_OK;
}

void precis_dedup_groups_free(precis_dedup_groups *groups)
{
    if (!groups)
        return;
    groups_block *blk = (groups_block *)groups;
    arena_release(&blk->a);
    free(blk);
}

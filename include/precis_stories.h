/*
 * precis_stories.h: from a stream of articles to stories.  Near-duplicate
 * detection (syndicated copies, trimmed reprints) and incremental story
 * clustering, for the command line (`precis dedup`, `precis cluster`), the
 * server and the Python package.
 *
 * Ownership as in precis.h: every object the library returns has its free
 * function; texts passed in are copied where they are kept.  Objects are not
 * shared between threads; two objects in two threads never interfere.
 */
#ifndef PRECIS_STORIES_H
#define PRECIS_STORIES_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* 1. Near-duplicates                                                  */
/* ------------------------------------------------------------------ */

/* Options of near-duplicate detection.  Initialise with
 * precis_dedup_options_init (sized, as precis_options). */
typedef struct precis_dedup_options {
    size_t size;          /* sizeof the struct as the caller was compiled */
    unsigned shingle;     /* words per shingle (default 5) */
    unsigned hashes;      /* MinHash values per signature (default 128) */
    unsigned bands;       /* LSH bands; hashes / bands rows each (default 32) */
    double threshold;     /* two texts are copies when the larger of their
                             Jaccard similarity and the containment of the
                             shorter in the longer reaches this (default 0.7) */
    int exact;            /* 1: compare every pair on the exact shingle
                             sets (ground truth, for small inputs) */
    uint64_t seed;        /* of the hash functions (default 1) */
} precis_dedup_options;

PRECIS_API void precis_dedup_options_init_sized(precis_dedup_options *options, size_t size);
#define precis_dedup_options_init(o) precis_dedup_options_init_sized((o), sizeof *(o))

/* A set of texts to deduplicate: add them in order (their index is the
 * order of adding, from 0), then group. */
typedef struct precis_dedup precis_dedup;

PRECIS_API precis_status precis_dedup_new(const precis_dedup_options *options,
                                          precis_dedup **out, precis_error *err);
PRECIS_API void precis_dedup_free(precis_dedup *dedup);

/* Adds a text (need not be NUL-terminated; invalid UTF-8 is replaced).  Only
 * its signature and shingle count are kept (and, with `exact`, its shingle
 * set): memory per text is bounded, whatever its length.  *index (may be
 * NULL) receives its index. */
PRECIS_API precis_status precis_dedup_add(precis_dedup *dedup, const char *text, size_t len,
                                          size_t *index, precis_error *err);

/* One member of a group: its index and its similarity (the larger of
 * Jaccard and containment, estimated from the signatures unless exact) to
 * the group's representative (1 for the representative itself). */
typedef struct precis_dedup_member {
    size_t index;
    double similarity;
} precis_dedup_member;

/* A group of copies: the representative is the member with the most
 * shingles (the original a trimmed reprint was cut from); members are in
 * index order. */
typedef struct precis_dedup_group {
    size_t representative;
    size_t count;
    precis_dedup_member *members;
} precis_dedup_group;

/* Every text is in exactly one group (singletons included), groups in the
 * order of their smallest index. */
typedef struct precis_dedup_groups {
    size_t count;
    precis_dedup_group *groups;
    size_t *group_of;     /* per text index: its group */
    size_t texts;         /* texts added */
    size_t pairs_checked; /* candidate pairs verified */
    size_t pairs_found;   /* pairs at or above the threshold */
} precis_dedup_groups;

/* Groups the texts added so far: candidate pairs from LSH banding (every
 * pair with `exact`), verified, joined transitively.  Deterministic. */
PRECIS_API precis_status precis_dedup_group(precis_dedup *dedup, precis_dedup_groups **out,
                                            precis_error *err);
PRECIS_API void precis_dedup_groups_free(precis_dedup_groups *groups);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_STORIES_H */

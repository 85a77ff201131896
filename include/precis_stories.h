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
    unsigned bands;       /* LSH bands; hashes / bands rows each (default 64) */
    double threshold;     /* two texts are copies when the larger of their
                             Jaccard similarity and the containment of the
                             shorter in the longer reaches this (default 0.5;
                             src/stories/dedup.c says why) */
    int exact;            /* 1: compare every pair on the exact shingle
                             sets (ground truth, for small inputs) */
    uint64_t seed;        /* of the hash functions (default 1) */
} precis_dedup_options;

PRECIS_API void precis_dedup_options_init_sized(precis_dedup_options *options, size_t size);
#define precis_dedup_options_init(o) precis_dedup_options_init_sized((o), sizeof *(o))

/* A set of texts to deduplicate: add them in order (their index is the
 * order of adding, from 0), then find the groups (precis_dedup_find). */
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
PRECIS_API precis_status precis_dedup_find(precis_dedup *dedup, precis_dedup_groups **out,
                                           precis_error *err);
PRECIS_API void precis_dedup_groups_free(precis_dedup_groups *groups);
/* Group `index` (from 0) as one line of JSON (no newline) into *out, freed
 * with precis_string_free, its members named by ids[text index]:
 * {"group": index + 1, "members": [ids], "representative": id,
 *  "similarities": [numbers]} (what `precis dedup` prints). */
PRECIS_API precis_status precis_dedup_group_to_json(const precis_dedup_groups *groups,
                                                    size_t index, const char *const *ids,
                                                    char **out, precis_error *err);

/* ------------------------------------------------------------------ */
/* 2. Stories                                                          */
/* ------------------------------------------------------------------ */

/* Options of story clustering.  Initialise with precis_stories_options_init. */
typedef struct precis_stories_options {
    size_t size;          /* sizeof the struct as the caller was compiled */
    double threshold;     /* cosine of an article with a story's centroid to
                             join it (default: docs/BENCHMARKS.md says how
                             it was chosen) */
    double window;        /* seconds a story stays live after its last
                             article (0: no window, stories never go quiet) */
    size_t max_live;      /* most live stories; past it the least recently
                             updated one goes quiet early, with a warning
                             (default 200,000) */
    unsigned terms;       /* most weighted terms of an article's vector
                             (default 40) */
    unsigned story_terms; /* most weighted terms of a story's centroid that
                             the index finds it by (default 120) */
    double title_weight;  /* a title's terms count this many times (default 2) */
    double merge_threshold; /* when stories are flushed, one whose centroid
                               has this cosine with another live story's
                               joins it (1: never) */
    double copy_threshold; /* near-duplicates first: an article whose
                              similarity with an article of a live story
                              reaches this joins that story without adding
                              its vector, so a syndicated copy counts once
                              (the most similar such article's story; ties
                              to the earliest).  The similarity is
                              precis_dedup's: the larger of Jaccard and
                              containment of their 5-word shingles, estimated
                              from MinHash signatures.  Default 0.5, as
                              dedup; 0: no check (each article goes by its
                              vector alone); otherwise within (0, 1].  An
                              article without prose (no terms) stays a story
                              of its own: it is neither checked nor found. */
} precis_stories_options;

PRECIS_API void precis_stories_options_init_sized(precis_stories_options *options, size_t size);
#define precis_stories_options_init(o) precis_stories_options_init_sized((o), sizeof *(o))

/* An incremental clustering of a stream: each article joins the story of
 * its closest live near-duplicate (copy_threshold), else the most similar
 * live story at or above the threshold, or opens a new one. */
typedef struct precis_stories precis_stories;

PRECIS_API precis_status precis_stories_new(const precis_model *model,
                                            const precis_stories_options *options,
                                            precis_stories **out, precis_error *err);
PRECIS_API void precis_stories_free(precis_stories *stories);

/* Adds an article: `id` (copied; NULL: its number in the stream), an
 * optional title, the text, and a time in seconds since 1970 (NAN: none;
 * with a window, a time is what makes stories go quiet).  *story (may be
 * NULL) receives the story it joined; stories are numbered from 1 in the
 * order they open. */
PRECIS_API precis_status precis_stories_add(precis_stories *stories, const char *id,
                                            const char *title, const char *text, size_t len,
                                            double time, uint64_t *story, precis_error *err);

/* Joins article `id` to `story` without changing the story's vector: a
 * near-duplicate of one of its articles counts once (precis_stories_add
 * does so itself with copy_threshold; this is for a caller that found the
 * copy its own way).  The article is not indexed as a copy of anything. */
PRECIS_API precis_status precis_stories_join(precis_stories *stories, const char *id,
                                             uint64_t story, double time, precis_error *err);

/* A story: its id, its articles' ids in the order they came, the times of
 * its first and last article (NAN without times). */
typedef struct precis_story {
    uint64_t id;
    size_t count;
    char **articles;
    double first_seen, last_seen;
} precis_story;

typedef struct precis_story_list {
    size_t count;
    precis_story *stories;  /* in the order they opened */
    char *warnings;         /* one per line, "" when none */
} precis_story_list;

/* Takes out the stories that are quiet at time `now` (their last article
 * older than now - window), or every live story when `all` is 1, into *out
 * (possibly empty).  Flushed stories are forgotten: memory follows the live
 * stories only. */
PRECIS_API precis_status precis_stories_flush(precis_stories *stories, double now, int all,
                                              precis_story_list **out, precis_error *err);
PRECIS_API void precis_story_list_free(precis_story_list *list);

/* A story as one line of JSON (no newline) into *out, freed with
 * precis_string_free: {"story", "size", "articles": [ids], "first_seen"?,
 * "last_seen"?} (times as ISO 8601 UTC, when the articles had dates). */
PRECIS_API precis_status precis_story_to_json(const precis_story *story, char **out,
                                              precis_error *err);

/* Live stories and articles added so far. */
PRECIS_API size_t precis_stories_live(const precis_stories *stories);
PRECIS_API size_t precis_stories_articles(const precis_stories *stories);

/* An ISO 8601 date or date-time ("2024-05-01", "2024-05-01T13:45:00Z",
 * "2024-05-01 13:45:00+02:00") as seconds since 1970, UTC; PRECIS_E_FORMAT
 * when it is not one. */
PRECIS_API precis_status precis_parse_time(const char *text, double *seconds, precis_error *err);

/* ------------------------------------------------------------------ */
/* 3. Articles of a stream                                             */
/* ------------------------------------------------------------------ */

/* One article of a stream as `precis dedup` and `precis cluster` read it:
 * a JSON line {"id", "text", "title"?, "date"?} ("id" a string or a
 * number; "date" ISO 8601).  Strings are owned. */
typedef struct precis_stream_article {
    char *id;
    char *title;     /* NULL when absent */
    char *text;
    size_t len;
    char *date;      /* as given, NULL when absent */
    double time;     /* the date in seconds since 1970, NAN when absent */
} precis_stream_article;

/* Parses one JSON line; `source` and `line` go into error messages (a
 * missing or empty "id", a "text" that is not a string, a date that is not
 * ISO 8601 are PRECIS_E_FORMAT, named). */
PRECIS_API precis_status precis_stream_article_parse(const char *json, size_t len,
                                                     const char *source, long line,
                                                     precis_stream_article *out,
                                                     precis_error *err);
PRECIS_API void precis_stream_article_clear(precis_stream_article *article);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_STORIES_H */

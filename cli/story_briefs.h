/*
 * story_briefs.h: `precis cluster --summarize`: the texts of the articles
 * whose story is not written yet, and a story's brief (see story_briefs.c).
 */
#ifndef PRECIS_STORY_BRIEFS_H
#define PRECIS_STORY_BRIEFS_H

#include <stddef.h>

#include "precis.h"
#include "precis_stories.h"

typedef struct text_store {
    struct stored **slots;
    size_t cap, count;
} text_store;

/* 0, or -1 when out of memory. */
int text_store_init(text_store *t);
void text_store_free(text_store *t);
/* Keeps a copy of an article's text under its id: 0, or -1 (out of memory). */
int text_store_put(text_store *t, const char *id, const char *text, size_t len);

/* The story's JSON line (story_json, from precis_story_to_json) with its
 * brief: the story's texts taken out of the store, near-copies collapsed,
 * summarized by sz; "copies_collapsed" and "brief" (the summary's JSON)
 * added.  0 and *out (free()), or -1 with err filled. */
int story_brief_json(precis_summarizer *sz, text_store *t, const precis_story *story,
                     const char *story_json, char **out, precis_error *err);

#endif

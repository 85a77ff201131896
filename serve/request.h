/*
 * request.h: the JSON bodies of the server's POST routes, parsed and
 * checked (request.c).  Pure functions of the bytes: no I/O, no state, so
 * a fuzz target drives them directly (tests/fuzz/fuzz_request.c).
 */
#ifndef PRECIS_SERVE_REQUEST_H
#define PRECIS_SERVE_REQUEST_H

#include <jansson.h>
#include <stddef.h>

#include "precis.h"
#include "precis_eval.h"
#include "precis_stories.h"

/* Why a body was refused: a one-line message for the 400 answer. */
typedef struct request_error {
    char message[300];
} request_error;

/* A set of articles as the routes take them: "documents" (strings, named
 * "0", "1", ... as a JSON line's) or "articles" (objects {"id"?, "text",
 * "title"?, "date"?}).  Strings point into `root`, which owns them. */
typedef struct request_articles {
    json_t *root;
    size_t count;
    const char **texts;
    size_t *lens;
    const char **names;  /* NULL entries: unnamed ("0", "1" ...) */
    const char **titles; /* NULL entries: none */
    const char **dates;  /* NULL entries: none */
    char **owned_names;  /* ids given as numbers, rendered */
    const char *id;      /* the cluster's "id", or NULL */
    char *owned_id;      /* the id given as a number, rendered */
} request_articles;

/* POST /v1/summarize: the articles and the settings from every other key. */
typedef struct summarize_request {
    request_articles articles;
    precis_settings *settings;
} summarize_request;

/* Returns 0, or -1 with *e filled (a bad body) or -2 (out of memory). */
int summarize_request_parse(const char *body, size_t len, summarize_request *out,
                            request_error *e);
void summarize_request_clear(summarize_request *r);

/* POST /v1/rouge: {"system", "references", "flags"?, "id"?}; a summary is
 * a string (one sentence per line) or a list of sentence strings. */
typedef struct rouge_request {
    json_t *root;
    char *system;
    char **references;
    size_t nreferences;
    const char *id;
    precis_rouge_options options;
} rouge_request;

int rouge_request_parse(const char *body, size_t len, rouge_request *out, request_error *e);
void rouge_request_clear(rouge_request *r);

/* POST /v1/dedup and /v1/cluster: articles with ids (required, unique),
 * and the options of each. */
typedef struct stories_request {
    request_articles articles;
    double *times;                    /* per article: its date, NAN if none */
    precis_dedup_options dedup;       /* /v1/dedup */
    int all;                          /* /v1/dedup: singletons too */
    precis_stories_options stories;   /* /v1/cluster */
} stories_request;

int dedup_request_parse(const char *body, size_t len, stories_request *out, request_error *e);
int cluster_request_parse(const char *body, size_t len, stories_request *out, request_error *e);
void stories_request_clear(stories_request *r);

#endif

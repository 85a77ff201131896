/*
 * batch.h: running many clusters through worker threads, in input order.
 *
 * The main thread reads a window of raw items (JSON lines or DUC cluster
 * folders); workers parse each into a precis_cluster and hand it to
 * `process` with their own per-thread state; the main thread then hands
 * the window's jobs to `emit` in input order.  A window closes at 32 items
 * per thread or BATCH_WINDOW_BYTES of raw input, whichever comes first (at
 * least one item), so memory is bounded by the window in bytes as well as
 * in items; results do not depend on the number of threads.
 */
#ifndef PRECIS_CLI_BATCH_H
#define PRECIS_CLI_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"
#include "precis_io.h"

typedef enum { BATCH_JSONL, BATCH_DUC } batch_kind;

/* Raw input held by one window at most (one longer line is a window alone). */
#define BATCH_WINDOW_BYTES ((size_t)32 << 20)

typedef struct batch_job {
    char *raw;          /* JSON line, or DUC cluster folder path; NULL once parsed */
    size_t raw_len;
    int borrowed;       /* raw is the line reader's buffer (the window's last line) */
    char *warnings;     /* what reading the cluster skipped (DUC folders), or NULL */
    long line;          /* input line (JSONL), 0 for DUC */
    size_t index;       /* item number from 0, in input order */
    precis_error err;
    int failed;
    void *result;       /* set by process, released by emit */
} batch_job;

typedef struct batch_ops {
    void *ctx;
    /* Per-thread state (a summarizer, a scorer...); NULL with err on failure. */
    void *(*thread_new)(void *ctx, precis_error *err);
    void (*thread_free)(void *ctx, void *state);
    /* Work on one parsed cluster; set job->result, or failed + err. */
    void (*process)(void *ctx, void *state, precis_cluster *cluster, batch_job *job);
    /* In input order, on the main thread; returns 0 to go on, else an exit
     * code to stop with.  Must free job->result. */
    int (*emit)(void *ctx, batch_job *job);
    /* Frees a result that will not be emitted (the batch stopped). */
    void (*discard)(void *ctx, void *result);
} batch_ops;

typedef struct batch_settings {
    batch_kind kind;
    const char *path;   /* JSONL file or "-", or DUC root */
    FILE *stream;       /* JSONL: when set, read from this stream (already begun:
                           `head` holds the head_len bytes read) and name it `path` */
    const void *head;
    size_t head_len;
    long threads;       /* <= 0: all cores */
    int skip_bad;       /* report a bad item and go on */
    int progress;       /* a progress line on stderr, when it is a terminal
                           (cli/progress.h) */
    int writes_stdout;  /* emit writes results to stdout: when stdout is a
                           terminal too, the line is hidden before each window
                           is written */
    int quiet;          /* no warnings on stderr */
} batch_settings;

/* Runs the batch; returns the CLI exit code. */
int batch_run(const batch_settings *settings, const batch_ops *ops);


#endif

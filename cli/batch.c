/*
 * batch.c: windows of clusters over worker threads, see batch.h.
 *
 * Memory of a window: the JSON lines are copied out of the line reader,
 * except the window's last one, which is borrowed (the reader's buffer is
 * left alone until the window is written), so a line longer than the window
 * is never copied; a worker frees its item's raw bytes as soon as they are
 * parsed.  A line over the reader's limit becomes a failed job in its place
 * in the input order (the reader has skipped it): reported like any bad line,
 * and with --skip-bad the batch goes on after it.
 *
 * Progress (cli/progress.h, on a terminal only): workers count each item
 * they finish; after reading a window the main thread says how many items
 * it has read and which share of the input they span.  For a DUC root the
 * number of cluster folders is known; for JSON lines in a regular file the
 * share is the bytes of the lines read against the file's size (plain), or
 * the compressed bytes the reader consumed (gzip, xz: the decompressed size
 * is not known), which is why the batch opens the file itself and hands the
 * stream to the line reader.  A pipe has no known size: no share, no time
 * left.
 */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

typedef struct runner {
    const batch_settings *settings;
    const batch_ops *ops;
    const char *source;
    batch_job *jobs;
    size_t njobs;
    size_t next;
    pthread_mutex_t lock;
    precis_error setup_err;
    int setup_failed;
    size_t skipped; /* bad items skipped (--skip-bad) */
    progress *meter;
} runner;

/* Where the line reader is in a regular file, for the progress line. */
typedef struct input_share {
    FILE *file;        /* NULL: unknown (a pipe, a terminal) */
    long base;         /* offset of the input's first byte in the file */
    double size;       /* bytes from base to the end of the file */
    int compressed;    /* gzip or xz: measured by the compressed bytes read */
    double line_bytes; /* plain: bytes of the lines read, newlines included */
} input_share;

/* Called before the line reader reads from `file`, which has already given
 * head_len bytes to the caller (summarize's format detection). */
static void input_share_init(input_share *in, FILE *file, size_t head_len)
{
    memset(in, 0, sizeof *in);
    struct stat sb;
    long pos = ftell(file);
    if (fstat(fileno(file), &sb) != 0 || !S_ISREG(sb.st_mode) || pos < (long)head_len ||
        sb.st_size <= pos - (long)head_len)
        return;
    in->file = file;
    in->base = pos - (long)head_len;
    in->size = (double)(sb.st_size - in->base);
    unsigned char magic[6];
    ssize_t got = pread(fileno(file), magic, sizeof magic, in->base);
    in->compressed = (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) ||
                     (got == 6 && !memcmp(magic, "\xfd" "7zXZ\0", 6));
}

/* The share of the input read so far, 0..1, or -1 when unknown. */
static double input_share_now(const input_share *in)
{
    if (!in->file)
        return -1;
    double at = in->line_bytes;
    if (in->compressed) {
        long pos = ftell(in->file);
        if (pos < 0)
            return -1;
        at = (double)(pos - in->base);
    }
    return at >= in->size ? 1 : at / in->size;
}

static long batch_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

static void release_raw(batch_job *j)
{
    if (!j->borrowed)
        free(j->raw);
    j->raw = NULL;
    j->borrowed = 0;
}

static void run_job(runner *r, void *state, batch_job *j)
{
    if (j->failed) /* a line the reader refused */
        return;
    precis_cluster *cluster = NULL;
    precis_status s;
    if (r->settings->kind == BATCH_JSONL) {
        s = precis_cluster_parse_json(j->raw, j->raw_len, r->source, j->line, &cluster, &j->err);
    } else {
        const char *dir = j->raw;
        s = precis_cluster_read_files(&dir, 1, &cluster, &j->err);
        if (s == PRECIS_OK) {
            const char *slash = strrchr(j->raw, '/');
            cluster->id = strdup(slash ? slash + 1 : j->raw);
            cluster->markup = PRECIS_MARKUP_SGML;
            if (!cluster->id)
                s = PRECIS_E_NOMEM;
            if (cluster->warnings && !(j->warnings = strdup(cluster->warnings)))
                s = PRECIS_E_NOMEM;
            if (s == PRECIS_E_NOMEM) {
                memset(&j->err, 0, sizeof j->err);
                j->err.status = PRECIS_E_NOMEM;
                snprintf(j->err.source, sizeof j->err.source, "%s", j->raw);
                snprintf(j->err.message, sizeof j->err.message, "out of memory");
            }
        }
    }
    release_raw(j); /* parsed: the cluster owns copies */
    if (s == PRECIS_OK && cli_check_compressed(cluster, &j->err) < 0)
        s = j->err.status;
    if (s == PRECIS_OK)
        r->ops->process(r->ops->ctx, state, cluster, j);
    else
        j->failed = 1;
    precis_cluster_free(cluster);
}

static void *worker(void *arg)
{
    runner *r = arg;
    precis_error err = {0};
    void *state = r->ops->thread_new(r->ops->ctx, &err);
    if (!state) {
        pthread_mutex_lock(&r->lock);
        r->setup_err = err;
        r->setup_failed = 1;
        pthread_mutex_unlock(&r->lock);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&r->lock);
        size_t i = r->next < r->njobs ? r->next++ : r->njobs;
        pthread_mutex_unlock(&r->lock);
        if (i >= r->njobs)
            break;
        run_job(r, state, &r->jobs[i]);
        progress_item_done(r->meter);
    }
    r->ops->thread_free(r->ops->ctx, state);
    return NULL;
}

static void run_window(runner *r, long threads)
{
    r->next = 0;
    if (threads <= 1 || r->njobs <= 1) {
        worker(r);
        return;
    }
    pthread_t tids[256];
    long started = 0;
    for (long t = 0; t < threads && t < 256; t++) {
        if (pthread_create(&tids[t], NULL, worker, r) != 0)
            break;
        started++;
    }
    if (started == 0)
        worker(r);
    for (long t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
}

/* Hands the window to emit in order; returns an exit code or -1 to go on. */
static int flush_window(runner *r)
{
    int stop = -1;
    for (size_t i = 0; i < r->njobs; i++) {
        batch_job *j = &r->jobs[i];
        if (stop < 0 && j->warnings && !r->settings->quiet) {
            const char *p = j->warnings;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                cli_warn("%.*s", (int)n, p);
                p += n + (nl ? 1 : 0);
            }
        }
        if (stop < 0) {
            if (j->failed) {
                int code = cli_report(&j->err);
                int fatal = j->err.status == PRECIS_E_NOMEM || j->err.status == PRECIS_E_IO ||
                            j->err.status == PRECIS_E_INTERNAL;
                if (!r->settings->skip_bad || fatal)
                    stop = code;
                else
                    r->skipped++;
            } else {
                int rc = r->ops->emit(r->ops->ctx, j);
                j->result = NULL;
                if (rc)
                    stop = rc;
            }
        }
        if (j->result)
            r->ops->discard(r->ops->ctx, j->result);
        release_raw(j);
        free(j->warnings);
        memset(j, 0, sizeof *j);
    }
    r->njobs = 0;
    return stop;
}

int batch_run(const batch_settings *st, const batch_ops *ops)
{
    long threads = st->threads > 0 ? st->threads : batch_default_threads();
    size_t window = (size_t)threads * 32;
    progress meter;
    runner r = {.settings = st, .ops = ops, .source = st->path, .meter = &meter};
    pthread_mutex_init(&r.lock, NULL);
    r.jobs = calloc(window, sizeof *r.jobs);
    if (!r.jobs) {
        pthread_mutex_destroy(&r.lock);
        cli_warn("out of memory");
        return EXIT_SYSTEM;
    }
    progress_start(&meter, "clusters", st->progress);
    precis_error err = {0};
    int rc = -1;
    size_t items = 0;
    precis_lines *lines = NULL;
    FILE *opened = NULL; /* the JSONL file, when the batch opened it */
    input_share share = {0};
    char **dirs = NULL;
    size_t ndirs = 0, next_dir = 0;
    if (st->kind == BATCH_JSONL) {
        FILE *file = st->stream ? st->stream : !strcmp(st->path, "-") ? stdin : NULL;
        if (!file && !(file = opened = fopen(st->path, "rb"))) {
            cli_fail(&err, PRECIS_E_IO, st->path, "cannot open: %s", strerror(errno));
            rc = cli_report(&err);
        } else {
            if (meter.on)
                input_share_init(&share, file, st->stream ? st->head_len : 0);
            if (precis_lines_open_stream(file, st->path, st->stream ? st->head : NULL,
                                         st->stream ? st->head_len : 0, &lines,
                                         &err) != PRECIS_OK)
                rc = cli_report(&err);
            else if (!strcmp(st->path, "-"))
                r.source = "(stdin)";
        }
    } else if (precis_duc_list(st->path, &dirs, &ndirs, &err) != PRECIS_OK) {
        rc = cli_report(&err);
    } else {
        progress_total(&meter, ndirs);
    }
    int input_done = rc >= 0, read_failed = 0;
    while (!input_done) {
        size_t bytes = 0; /* raw input in the window */
        while (r.njobs < window && bytes < BATCH_WINDOW_BYTES) {
            batch_job *j = &r.jobs[r.njobs];
            if (st->kind == BATCH_JSONL) {
                const char *line;
                size_t len;
                precis_status got = precis_lines_next(lines, &line, &len, &err);
                if (got != PRECIS_OK && precis_lines_resumable(lines)) {
                    /* an over-long line, already skipped: a bad item */
                    j->failed = 1;
                    j->err = err;
                    j->line = precis_lines_number(lines);
                    j->index = items++;
                    r.njobs++;
                    continue;
                }
                if (got != PRECIS_OK || !line) {
                    /* a read error is reported after the lines read before it
                     * are summarized and written */
                    read_failed = got != PRECIS_OK;
                    input_done = 1;
                    break;
                }
                share.line_bytes += (double)len + 1;
                size_t k = 0;
                while (k < len && (line[k] == ' ' || line[k] == '\t'))
                    k++;
                if (k == len)
                    continue; /* blank line */
                bytes += len;
                if (r.njobs + 1 == window || bytes >= BATCH_WINDOW_BYTES) {
                    /* the window's last line: valid until the next read */
                    j->raw = (char *)line;
                    j->borrowed = 1;
                } else if ((j->raw = malloc(len + 1)) != NULL) {
                    memcpy(j->raw, line, len);
                    j->raw[len] = '\0';
                } else {
                    cli_warn("out of memory");
                    rc = EXIT_SYSTEM;
                    input_done = 1;
                    break;
                }
                j->raw_len = len;
                j->line = precis_lines_number(lines);
            } else {
                if (next_dir == ndirs) {
                    input_done = 1;
                    break;
                }
                size_t plen = strlen(st->path) + strlen(dirs[next_dir]) + 2;
                j->raw = malloc(plen);
                if (!j->raw) {
                    cli_warn("out of memory");
                    rc = EXIT_SYSTEM;
                    input_done = 1;
                    break;
                }
                /* the library's rule: a '/' that ends the root is not doubled */
                size_t rlen = strlen(st->path);
                snprintf(j->raw, plen, rlen && st->path[rlen - 1] == '/' ? "%s%s" : "%s/%s",
                         st->path, dirs[next_dir]);
                bytes += plen;
                next_dir++;
            }
            j->index = items++;
            r.njobs++;
        }
        if (r.njobs == 0)
            break;
        if (rc >= 0) { /* out of memory reading: drop the partial window */
            for (size_t i = 0; i < r.njobs; i++)
                release_raw(&r.jobs[i]);
            r.njobs = 0;
            break;
        }
        progress_input(&meter, items, input_share_now(&share));
        run_window(&r, threads);
        if (r.setup_failed) {
            rc = cli_report(&r.setup_err);
            for (size_t i = 0; i < r.njobs; i++) {
                release_raw(&r.jobs[i]);
                free(r.jobs[i].warnings);
                if (r.jobs[i].result)
                    ops->discard(ops->ctx, r.jobs[i].result);
            }
            r.njobs = 0;
            break;
        }
        if (st->writes_stdout)
            progress_before_stdout(&meter);
        int frc = flush_window(&r);
        if (frc >= 0) {
            rc = frc;
            break;
        }
    }
    progress_finish(&meter);
    if (read_failed && rc < 0)
        rc = cli_report(&err);
    if (rc < 0 && items == 0) {
        cli_warn("%s: no clusters in the input", r.source);
        rc = EXIT_INPUT;
    }
    if (rc < 0 && r.skipped) {
        /* --skip-bad: nothing is skipped without a count, and a batch of
         * nothing but bad items is no success */
        const char *unit = st->kind == BATCH_JSONL ? "line" : "cluster";
        if (r.skipped == items) {
            cli_warn("%s: every %s was bad (%zu skipped)", r.source, unit, r.skipped);
            rc = EXIT_INPUT;
        } else {
            cli_warn("%s: %zu bad %s%s of %zu skipped", r.source, r.skipped, unit,
                     r.skipped == 1 ? "" : "s", items);
        }
    }
    precis_duc_list_free(dirs, ndirs);
    precis_lines_free(lines);
    if (opened)
        fclose(opened);
    free(r.jobs);
    pthread_mutex_destroy(&r.lock);
    return rc < 0 ? EXIT_OK : rc;
}

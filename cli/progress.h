/*
 * progress.h: one progress line on a terminal for long runs (batch
 * summarize, eval, train).
 *
 * Design.  A run (cli/batch.c's batch_run; train's fitting step) holds one
 * `progress` on its stack and passes it to what does the work; the line
 * shows the items done, the rate, and the time left when the share done
 * can be estimated:
 *
 *   precis: 1830 clusters, 33%, 1016 clusters/s, 0:03 left
 *   precis: 12/30 clusters, 40%, 3.12 clusters/s, 0:06 left
 *
 * It is drawn only when the command wants it (no --quiet) and stderr is a
 * terminal, so a log file or a pipe never receives a byte of it, and stdout
 * is never touched.  The line is drawn with '\r' and padded with spaces over
 * what it replaces (no terminal escapes), cut to the terminal's width, and
 * redrawn at most 4 times a second (CLOCK_MONOTONIC): the first finished
 * item draws it at once, later ones only when a quarter second has passed.
 *
 * Share done.  The reader says, after each window of items it reads, how
 * many items it has read and which share of the input they span (bytes
 * against the file's size; for compressed input the compressed bytes
 * consumed), or the number of items when it is known in advance (DUC
 * folders).  The share done is then items done / items read x share read
 * (items done / items when they are known), and the time left the time so
 * far x (1 - share) / share, shown once a second has passed (the first
 * estimates are noise).
 *
 * Messages.  The CLI's one message writer (cli_warn, in cli/precis.c) calls
 * progress_hide_active() before it writes, so a warning or an error is
 * never appended to a half-drawn line: that is the module's one piece of
 * global state, the progress currently on screen (set by progress_start,
 * cleared by progress_finish; only one is ever on at a time).  The line is
 * drawn again at the next update.  When stdout is a terminal too, the batch
 * hides the line before it writes results (progress_before_stdout), so they
 * do not share the screen's last line either.
 *
 * Threads.  Workers call progress_item_done concurrently: counting and
 * drawing take the progress's mutex; everything else is called from the
 * thread that started it.
 */
#ifndef PRECIS_CLI_PROGRESS_H
#define PRECIS_CLI_PROGRESS_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

typedef struct progress {
    int on;               /* drawing: wanted, and stderr is a terminal */
    int stdout_tty;       /* stdout is a terminal too */
    const char *unit;     /* what the items are ("clusters") */
    size_t width;         /* columns of the terminal */
    pthread_mutex_t lock; /* held by the fields below */
    struct timespec start;
    double last_draw;     /* seconds after start of the last draw, < 0: never */
    size_t done;          /* items finished */
    size_t read;          /* items read */
    double share_read;    /* share of the input they span, < 0: unknown */
    size_t total;         /* items in the input, 0: unknown */
    size_t shown;         /* characters on screen, 0: nothing drawn */
} progress;

/* Starts a run of `unit` items ("clusters"): drawn only when `wanted` and
 * stderr is a terminal.  Always pair with progress_finish. */
void progress_start(progress *p, const char *unit, int wanted);
/* The reader has read `items` items spanning `share` (0..1) of the input,
 * or an unknown share (< 0). */
void progress_input(progress *p, size_t items, double share);
/* The input holds `total` items (known in advance). */
void progress_total(progress *p, size_t total);
/* One item is finished (any thread); redraws when it is time. */
void progress_item_done(progress *p);
/* Shows a printf message instead of the counts until the next update
 * ("fitting the weights on 120000 rows"), for a long step without items. */
void progress_note(progress *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Before results are written to stdout: hides the line when stdout is a
 * terminal (the two would share its last line). */
void progress_before_stdout(progress *p);
/* Clears the line and ends the run. */
void progress_finish(progress *p);
/* Hides the line of the progress on screen, if any (the message writer). */
void progress_hide_active(void);

#endif

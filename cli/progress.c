/*
 * progress.c: the progress line of long runs, see progress.h.
 *
 * Design.  Everything is written to stderr with one fwrite per redraw
 * (stderr is unbuffered): '\r', the text, and spaces over the rest of the
 * previous text, so that a shorter line leaves no tail and no terminal
 * escape is needed.  Hiding writes '\r', spaces over the whole text, '\r':
 * the cursor is back in column 0 of an empty line for the message that
 * follows.  The text is cut one column short of the terminal's width (read
 * once, at the start), since a line that fills the last column wraps and
 * '\r' would then only go back to the start of its second row.
 *
 * When the line is off (no terminal, --quiet) every call returns at once,
 * without reading the clock or taking the lock.
 */
#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define REDRAW_SECONDS 0.25 /* at most 4 draws a second */
#define ETA_AFTER_SECONDS 1.0
#define LINE_MAX_CHARS 200

/* The progress on screen, for the message writer (see progress.h). */
static progress *active;

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Draws `text` over the line (lock held). */
static void draw(progress *p, const char *text)
{
    char out[2 * LINE_MAX_CHARS + 4];
    size_t len = strlen(text), k = 0;
    if (len > p->width - 1)
        len = p->width - 1;
    if (len > LINE_MAX_CHARS)
        len = LINE_MAX_CHARS;
    out[k++] = '\r';
    memcpy(out + k, text, len);
    k += len;
    for (size_t i = len; i < p->shown; i++)
        out[k++] = ' ';
    fwrite(out, 1, k, stderr);
    p->shown = len;
}

/* Blanks the line (lock held). */
static void hide(progress *p)
{
    if (!p->shown)
        return;
    char out[LINE_MAX_CHARS + 2];
    size_t k = 0;
    out[k++] = '\r';
    for (size_t i = 0; i < p->shown; i++)
        out[k++] = ' ';
    out[k++] = '\r';
    fwrite(out, 1, k, stderr);
    p->shown = 0;
}

static void format_duration(char *buf, size_t size, double seconds)
{
    long s = (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

/* Draws the counts, `t` seconds after the start (lock held). */
static void draw_counts(progress *p, double t)
{
    char line[LINE_MAX_CHARS + 1];
    size_t unit_len = strlen(p->unit);
    int singular = p->done == 1 && !p->total && unit_len > 1 && p->unit[unit_len - 1] == 's';
    int n;
    if (p->total)
        n = snprintf(line, sizeof line, "precis: %zu/%zu %s", p->done, p->total, p->unit);
    else
        n = snprintf(line, sizeof line, "precis: %zu %.*s", p->done,
                     (int)(singular ? unit_len - 1 : unit_len), p->unit);
    double share = -1;
    if (p->total)
        share = (double)p->done / (double)p->total;
    else if (p->read && p->share_read >= 0)
        share = (double)p->done / (double)p->read * p->share_read;
    if (share > 1)
        share = 1;
    if (share >= 0 && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, ", %d%%", (int)(share * 100));
    if (t > 0 && n > 0 && (size_t)n < sizeof line) {
        double rate = (double)p->done / t;
        n += snprintf(line + n, sizeof line - (size_t)n,
                      rate >= 100 ? ", %.0f %s/s" : rate >= 10 ? ", %.1f %s/s" : ", %.2f %s/s",
                      rate, p->unit);
    }
    if (t >= ETA_AFTER_SECONDS && share > 0 && share < 1 && n > 0 && (size_t)n < sizeof line) {
        double left = t * (1 - share) / share;
        if (left < 1e7) { /* under four months: a number worth showing */
            char when[32];
            format_duration(when, sizeof when, left);
            snprintf(line + n, sizeof line - (size_t)n, ", %s left", when);
        }
    }
    draw(p, line);
}

void progress_start(progress *p, const char *unit, int wanted)
{
    memset(p, 0, sizeof *p);
    p->unit = unit;
    p->last_draw = -1;
    p->share_read = -1;
    p->on = wanted && isatty(STDERR_FILENO);
    if (!p->on)
        return;
    p->stdout_tty = isatty(STDOUT_FILENO);
    struct winsize ws;
    p->width = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 ? ws.ws_col : 80;
    pthread_mutex_init(&p->lock, NULL);
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    active = p;
}

void progress_input(progress *p, size_t items, double share)
{
    if (!p->on)
        return;
    pthread_mutex_lock(&p->lock);
    p->read = items;
    p->share_read = share > 1 ? 1 : share;
    pthread_mutex_unlock(&p->lock);
}

void progress_total(progress *p, size_t total)
{
    if (!p->on)
        return;
    pthread_mutex_lock(&p->lock);
    p->total = total;
    pthread_mutex_unlock(&p->lock);
}

void progress_item_done(progress *p)
{
    if (!p->on)
        return;
    pthread_mutex_lock(&p->lock);
    p->done++;
    double t = seconds_since(&p->start);
    if (p->last_draw < 0 || t - p->last_draw >= REDRAW_SECONDS) {
        draw_counts(p, t);
        p->last_draw = t;
    }
    pthread_mutex_unlock(&p->lock);
}

void progress_note(progress *p, const char *fmt, ...)
{
    if (!p->on)
        return;
    char text[LINE_MAX_CHARS + 1];
    memcpy(text, "precis: ", 8);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text + 8, sizeof text - 8, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&p->lock);
    draw(p, text);
    p->last_draw = seconds_since(&p->start);
    pthread_mutex_unlock(&p->lock);
}

void progress_before_stdout(progress *p)
{
    if (!p->on || !p->stdout_tty)
        return;
    pthread_mutex_lock(&p->lock);
    hide(p);
    pthread_mutex_unlock(&p->lock);
}

void progress_finish(progress *p)
{
    if (!p->on)
        return;
    pthread_mutex_lock(&p->lock);
    hide(p);
    pthread_mutex_unlock(&p->lock);
    if (active == p)
        active = NULL;
    pthread_mutex_destroy(&p->lock);
    p->on = 0;
}

void progress_hide_active(void)
{
    if (!active)
        return;
    pthread_mutex_lock(&active->lock);
    hide(active);
    pthread_mutex_unlock(&active->lock);
}

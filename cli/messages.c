/*
 * messages.c: the one message writer of the command.  Every error and
 * warning is one line on stderr, "precis: ...", with control characters
 * escaped, written after the progress line (if one is drawn) is cleared;
 * library errors map to the exit codes README documents.
 */
#include "cli.h"
#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* "precis: " and the message on stderr, one line: control characters (a
 * line break in a file name, an id, a value) are written as \n, \t, \r,
 * \xHH.  One write per message, after the progress line (if one is drawn)
 * is cleared, so that the message never shares a line with it. */
static void say(const char *fmt, va_list ap)
{
    char line[4096], out[4 * sizeof line + 16];
    vsnprintf(line, sizeof line, fmt, ap);
    memcpy(out, "precis: ", 8);
    size_t k = 8;
    for (const unsigned char *p = (const unsigned char *)line; *p; p++) {
        if (*p >= 0x20 && *p != 0x7f) {
            out[k++] = (char)*p;
        } else {
            out[k++] = '\\';
            if (*p == '\n' || *p == '\t' || *p == '\r') {
                out[k++] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
            } else {
                out[k++] = 'x';
                out[k++] = "0123456789abcdef"[*p >> 4];
                out[k++] = "0123456789abcdef"[*p & 15];
            }
        }
    }
    out[k++] = '\n';
    progress_hide_active();
    fwrite(out, 1, k, stderr);
}

int cli_report(const precis_error *err)
{
    if (err->source[0] && err->line > 0)
        cli_warn("%s:%ld: %s", err->source, err->line, err->message);
    else if (err->source[0])
        cli_warn("%s: %s", err->source, err->message);
    else
        cli_warn("%s", err->message);
    switch (err->status) {
    case PRECIS_E_IO:
    case PRECIS_E_NOMEM:
    case PRECIS_E_INTERNAL:
        return EXIT_SYSTEM;
    case PRECIS_E_ARGUMENT:
        return EXIT_USAGE;
    case PRECIS_E_MISMATCH: /* evaluation items that do not pair: a system
                               summary without reference, or the reverse */
    case PRECIS_E_FORMAT:
    case PRECIS_E_EMPTY:
    case PRECIS_E_BINARY:
    default:
        return EXIT_INPUT;
    }
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'precis %s--help' for more information.\n", cmd ? cmd : "");
    return EXIT_USAGE;
}

void cli_fail(precis_error *err, precis_status status, const char *source, const char *fmt, ...)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->status = status;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

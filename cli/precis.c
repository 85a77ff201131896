/*
 * precis.c: the command-line entry point, a thin dispatcher over the
 * subcommands (summarize, eval, rouge, train), and the helpers they share:
 * the one message writer, option parsing through the library, checked
 * writes.  All work happens in libprecis.
 */
#include "cli.h"
#include "progress.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: precis <command> [options] [inputs]\n"
    "\n"
    "commands:\n"
    "  summarize   summarize a cluster of articles (or a batch of clusters)\n"
    "  rouge       score summaries against references, as ROUGE-1.5.5 does\n"
    "  eval        summarize a dataset and score it with ROUGE\n"
    "  train       fit the learned scorer's weights on a training set\n"
    "\n"
    "precis <command> --help shows the options of a command.\n"
    "precis --version prints the version.\n";

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

int cli_set_option(precis_options *o, const char *assignment)
{
    const char *eq = strchr(assignment, '=');
    if (!eq) {
        cli_warn("--set needs key=value, not '%s'", assignment);
        return -1;
    }
    char key[64];
    size_t klen = (size_t)(eq - assignment);
    snprintf(key, sizeof key, "%.*s", (int)(klen < sizeof key ? klen : sizeof key - 1),
             assignment);
    /* the library parses and checks every setting (precis_options_set) */
    precis_error err = {0};
    if (klen >= sizeof key || !strcmp(key, "markup") ||
        precis_options_set(o, key, eq + 1, &err) != PRECIS_OK) {
        if (err.message[0] && strncmp(err.message, "unknown setting", 15))
            cli_warn("--set %s", err.message);
        else
            cli_warn("--set: unknown key '%.*s' (redundancy, duplicate_similarity, "
                     "position_weight, centroid_weight, lexrank_weight, summary_word_weight, "
                     "dangling_penalty, learned_weight, importance_weight, ilp_salience, and "
                     "the settings of the options: words, bytes, sentences, truncate, method, "
                     "seed, drop_datelines)",
                     (int)klen, assignment);
        return -1;
    }
    return 0;
}

const char *cli_budget_unit(precis_budget_unit unit)
{
    return unit == PRECIS_BUDGET_BYTES       ? "bytes"
           : unit == PRECIS_BUDGET_SENTENCES ? "sentences"
                                             : "words";
}

int cli_summary_option(const char *cmd, int code, const char *value, precis_options *o,
                       int *budget_seen)
{
    const char *key;
    switch (code) {
    case CLI_OPT_WORDS:
    case CLI_OPT_BYTES:
    case CLI_OPT_SENTENCES:
        if ((*budget_seen)++)
            return cli_usage_error(cmd, "give only one of --words, --bytes, --sentences");
        key = code == CLI_OPT_WORDS ? "words" : code == CLI_OPT_BYTES ? "bytes" : "sentences";
        break;
    case CLI_OPT_TRUNCATE:
        key = "truncate";
        value = "true";
        break;
    case CLI_OPT_METHOD:
        key = "method";
        break;
    case CLI_OPT_REDUNDANCY:
        key = "redundancy";
        break;
    case CLI_OPT_SEED:
        key = "seed";
        break;
    case CLI_OPT_SET:
        return cli_set_option(o, value) < 0 ? EXIT_USAGE : 0;
    default:
        return -1;
    }
    /* one parser and one set of checks for every front end: the library's */
    precis_error err = {0};
    if (precis_options_set(o, key, value, &err) != PRECIS_OK)
        return cli_usage_error(cmd, "%s%s", strncmp(err.message, "unknown", 7) ? "--" : "",
                               err.message);
    return 0;
}

long cli_parse_threads(const char *cmd, const char *value)
{
    long n = cli_parse_count(value);
    if (n <= 0 || n > 256) {
        cli_usage_error(cmd, "--threads needs a whole number from 1 to 256, not '%s'", value);
        return -1;
    }
    return n;
}

/* Set once the write error is reported, so that it is said once. */
static int output_error_reported;

int cli_check_output(void)
{
    errno = 0;
    int failed = fflush(stdout) != 0;
    int why = errno;
    if (ferror(stdout))
        failed = 1;
    if (!failed)
        return 0;
    if (!output_error_reported) {
        output_error_reported = 1;
        cli_warn("write error: %s", why ? strerror(why) : "the output could not be written");
    }
    return EXIT_SYSTEM;
}

/* At exit: everything written to stdout reached it (flushed, closed). */
static int finish_output(int rc)
{
    int out = cli_check_output();
    errno = 0;
    if (fclose(stdout) != 0 && !out) {
        int why = errno;
        if (!output_error_reported)
            cli_warn("write error: %s", why ? strerror(why) : "the output could not be closed");
        out = EXIT_SYSTEM;
    }
    return rc ? rc : out;
}

/* A closed standard stream gets /dev/null opened the wrong way round: no
 * file precis opens can take its number (and receive the output), and
 * writing to a closed stdout fails as a write error instead of going
 * nowhere. */
static void reserve_standard_streams(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
        if (got >= 0 && got != fd) {
            dup2(got, fd);
            close(got);
        }
    }
}

long cli_parse_count(const char *text)
{
    /* digits only: no sign, no white space; too large is an error, not LONG_MAX */
    if (!text || !(*text >= '0' && *text <= '9'))
        return -1;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < 0)
        return -1;
    return v;
}

int cli_check_compressed(const precis_cluster *cluster, precis_error *err)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *name, *batch;
    } formats[] = {
        {"\x1f\x8b", 2, "gzip", ".jsonl.gz"},
        {"\xfd" "7zXZ\0", 6, "xz", ".jsonl.xz"},
        {"BZh", 3, "bzip2", NULL},
        {"PK\x03\x04", 4, "zip", NULL},
        {"\x28\xb5\x2f\xfd", 4, "zstd", NULL},
    };
    for (size_t i = 0; cluster && i < cluster->count; i++) {
        const precis_article *a = &cluster->articles[i];
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            if (a->len < formats[f].len || memcmp(a->text, formats[f].magic, formats[f].len))
                continue;
            /* "BZh" starts English text too: bzip2 has a block size digit and
             * its block magic (the digits of pi) after it */
            if (f == 2 && (a->len < 10 || a->text[3] < '1' || a->text[3] > '9' ||
                           memcmp(a->text + 4, "\x31\x41\x59\x26\x53\x59", 6)))
                continue;
            if (formats[f].batch)
                cli_fail(err, PRECIS_E_BINARY, a->name,
                         "compressed file (%s); decompress it or pass a %s batch",
                         formats[f].name, formats[f].batch);
            else
                cli_fail(err, PRECIS_E_BINARY, a->name, "compressed file (%s); decompress it",
                         formats[f].name);
            return -1;
        }
    }
    return 0;
}

int cli_parse_number(const char *text, double *out)
{
    if (!text || !*text || isspace((unsigned char)*text))
        return -1;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end || !isfinite(v) || (errno == ERANGE && fabs(v) > 1))
        return -1;
    *out = v;
    return 0;
}

int cli_check_options(const char *cmd, const precis_options *o)
{
    if (o->truncate && o->budget_unit == PRECIS_BUDGET_SENTENCES)
        return cli_usage_error(cmd, "--truncate cuts a sentence to fill a budget in words or "
                                    "bytes; it does not apply to --sentences");
    precis_error err = {0};
    precis_model *model = NULL; /* compiled-in tables: no cost */
    if (precis_model_new(&model, &err) != PRECIS_OK)
        return cli_report(&err);
    precis_summarizer *sz = NULL;
    precis_status st = precis_summarizer_new(model, o, &sz, &err);
    precis_summarizer_free(sz);
    precis_model_free(model);
    if (st != PRECIS_OK)
        return err.status == PRECIS_E_ARGUMENT ? cli_usage_error(cmd, "%s", err.message)
                                               : cli_report(&err);
    return 0;
}

static int run_command(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("precis %s\n", precis_version());
        return EXIT_OK;
    }
    if (!strcmp(cmd, "summarize"))
        return cmd_summarize(argc - 1, argv + 1);
    if (!strcmp(cmd, "rouge"))
        return cmd_rouge(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval"))
        return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "train"))
        return cmd_train(argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    reserve_standard_streams();
    return finish_output(run_command(argc, argv));
}

/*
 * cli.h: what the subcommands of the precis command share.
 *
 * Exit codes (documented in README):
 *   0 success, 1 bad input (the message names file and line),
 *   2 usage error or unknown option, 3 I/O or system error.
 */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <stddef.h>

#include "precis.h"
#include "precis_io.h"

enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,
    EXIT_USAGE = 2,
    EXIT_SYSTEM = 3
};

int cmd_summarize(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_serve(int argc, char **argv); /* serve/cmd_serve.c, in precis-serve */

/* The hash of a NUL-terminated string (FNV-1a) for the commands' tables of
 * names and ids. */
static inline size_t cli_hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Fills an error record (the CLI's counterpart of the library's macro). */
void cli_fail(precis_error *err, precis_status status, const char *source, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define PRECIS_FAIL_CLI(err, status, source, ...) cli_fail((err), (status), (source), __VA_ARGS__)

/* "precis: <source>:<line>: <message>" on stderr; returns the exit code for
 * the error's status. */
int cli_report(const precis_error *err);
/* "precis: <printf message>" on stderr, one line: control characters (in a
 * file name, an id) are escaped as \n, \t, \r, \xHH.  cli_report and
 * cli_usage_error print through it too. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a usage error and a pointer to --help, returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Applies one "--set key=value" tuning knob to the options; returns 0, or
 * -1 (with a message on stderr) for an unknown key or a bad value. */
int cli_set_option(precis_options *o, const char *assignment);

/* The options of every command that summarizes (summarize, eval): list
 * CLI_SUMMARY_OPTIONS in the command's getopt table and hand its codes to
 * cli_summary_option.  Command-specific codes start at 256. */
enum {
    CLI_OPT_WORDS = 200, CLI_OPT_BYTES, CLI_OPT_SENTENCES, CLI_OPT_TRUNCATE, CLI_OPT_METHOD,
    CLI_OPT_REDUNDANCY, CLI_OPT_SEED, CLI_OPT_SET, CLI_OPT_COLLAPSE
};
#define CLI_SUMMARY_OPTIONS                                        \
    {"words", required_argument, 0, CLI_OPT_WORDS},                \
    {"bytes", required_argument, 0, CLI_OPT_BYTES},                \
    {"sentences", required_argument, 0, CLI_OPT_SENTENCES},        \
    {"truncate", no_argument, 0, CLI_OPT_TRUNCATE},                \
    {"method", required_argument, 0, CLI_OPT_METHOD},              \
    {"redundancy", required_argument, 0, CLI_OPT_REDUNDANCY},      \
    {"seed", required_argument, 0, CLI_OPT_SEED},                  \
    {"set", required_argument, 0, CLI_OPT_SET},                    \
    {"collapse-copies", no_argument, 0, CLI_OPT_COLLAPSE}

/* Applies summary option `code` with `value` to o; *budget_seen counts the
 * budget options so that a second one is refused.  Returns -1 when code is
 * not a summary option, 0 when applied, or EXIT_USAGE after printing why. */
int cli_summary_option(const char *cmd, int code, const char *value, precis_options *o,
                       int *budget_seen);

/* The unit of a budget as its option calls it ("words", "bytes", "sentences"). */
const char *cli_budget_unit(precis_budget_unit unit);

/* --threads VALUE: 1 to 256, or -1 after printing a usage error. */
long cli_parse_threads(const char *cmd, const char *value);

/* Flushes stdout and checks it for a write error: 0, or EXIT_SYSTEM after
 * "precis: write error: <why>" on stderr (said once per run).  Batches call
 * it when a record's write failed, to stop early; main calls it at exit. */
int cli_check_output(void);

/* Parses a non-negative integer option value (digits only); -1 when it is
 * not one or does not fit a long. */
long cli_parse_count(const char *text);

/* Fails err (PRECIS_E_BINARY, named by the article) when an article of the
 * cluster is a compressed file (gzip, xz, bzip2, zip, zstd): -1, else 0. */
int cli_check_compressed(const precis_cluster *cluster, precis_error *err);

/* Parses a finite number into *out: 0, or -1 when the text is not one
 * (inf and nan are not numbers here). */
int cli_parse_number(const char *text, double *out);

/* Checks the summary options the way the library will (a summarizer is
 * made and freed), before any input is read, so that no input is blamed
 * for them: 0, or EXIT_USAGE after printing why. */
int cli_check_options(const char *cmd, const precis_options *o);

/* At exit: everything written to stdout reached it (flushed, closed);
 * returns rc, or EXIT_SYSTEM when rc is 0 and the output failed. */
int cli_finish_output(int rc);
/* Opens /dev/null on a closed standard stream (0, 1 or 2). */
void cli_reserve_standard_streams(void);

#endif

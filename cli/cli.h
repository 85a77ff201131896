/*
 * cli.h: what the subcommands of the precis command share.
 *
 * Exit codes (documented in README):
 *   0 success, 1 bad input (the message names file and line),
 *   2 usage error or unknown option, 3 I/O or system error.
 */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include "precis.h"

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

/* Fills an error record (the CLI's counterpart of the library's macro). */
void cli_fail(precis_error *err, precis_status status, const char *source, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define PRECIS_FAIL_CLI(err, status, source, ...) cli_fail((err), (status), (source), __VA_ARGS__)

/* "precis: <source>:<line>: <message>" on stderr; returns the exit code for
 * the error's status. */
int cli_report(const precis_error *err);
/* "precis: <printf message>" on stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a usage error and a pointer to --help, returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Applies one "--set key=value" tuning knob to the options; returns 0, or
 * -1 (with a message on stderr) for an unknown key or a bad value. */
int cli_set_option(precis_options *o, const char *assignment);

/* Applies --words/--bytes/--sentences VALUE (unit "words", "bytes" or
 * "sentences"); *seen counts budget options so that a second one is refused.
 * Returns 0, or EXIT_USAGE after printing why. */
int cli_set_budget(precis_options *o, const char *cmd, const char *unit, const char *value,
                   int *seen);

/* Parses a non-negative integer option value; -1 when it is not one. */
long cli_parse_count(const char *text);

#endif

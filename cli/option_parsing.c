/*
 * option_parsing.c: the options every summarizing command shares, parsed by
 * the library (precis_options_set), and the command-line numbers (counts,
 * thread counts, finite numbers) with one rule each: digits only for
 * counts, overflow is a usage error, never a clamp.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
                     "dangling_penalty, learned_weight, importance_weight, ilp_salience, "
                     "quote_penalty, article_share, content_redundancy, content_duplicate, "
                     "concept_weight, and "
                     "the settings of the options: words, "
                     "bytes, sentences, truncate, method, seed, drop_datelines, diagnostics)",
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
    case CLI_OPT_COLLAPSE:
        key = "collapse_copies";
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

/*
 * options.c: the summarizing options, in one place: their defaults, the
 * checks every entry point applies, the method names, and setting one
 * option by name from a string (precis_options_set), which the one-call
 * entry's settings, the CLI and the bindings all go through, so that every
 * front end accepts and refuses the same values with the same message.
 *
 * Options cross the ABI as a struct whose first member is its size
 * (precis.h): the library reads and writes only the caller's first `size`
 * bytes and takes defaults for the rest (options_from_caller).
 */
#include "options.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sized.h"

void precis_options_init_sized(precis_options *options, size_t size)
{
    if (!options)
        return;
    precis_options o;
    memset(&o, 0, sizeof o);
    o.size = sizeof o;
    o.method = PRECIS_METHOD_DEFAULT;
    o.budget_unit = PRECIS_BUDGET_WORDS;
    o.budget = 100;
    o.truncate = 0;
    o.redundancy = 0.3;
    o.duplicate_similarity = 0.6; /* 0.5 before issue #13: docs/QUALITY.md */
    o.position_weight = 1.0;
    o.centroid_weight = 1.5; /* 1.0 before issue #13: docs/QUALITY.md */
    o.lexrank_weight = 1.0;
    o.summary_word_weight = 0.5;
    o.dangling_penalty = 1.0; /* hard: costs 0.2 R-1 on Multi-News, see docs/QUALITY.md */
    o.learned_weight = 4.0;
    o.drop_datelines = 1;
    o.ilp_salience = 0.01;
    o.importance_weight = 0.0;
    o.quote_penalty = 0.3; /* 0 before issue #13: docs/QUALITY.md */
    o.seed = 1;
    o.article_share = 0.5;
    o.content_redundancy = 0.5;
    o.content_duplicate = 0.7;
    o.concept_weight = 0.3;
    /* a caller built against an older header has a shorter struct: only
     * its first `size` bytes are written */
    sized_store(options, &o, sizeof o, size);
}

precis_status options_from_caller(const precis_options *in, precis_options *out,
                                  precis_error *err)
{
    precis_options_init(out);
    if (!in)
        return PRECIS_OK;
    if (!sized_load(out, sizeof *out, in))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_options.size is %zu: initialise the options with "
                           "precis_options_init",
                           in->size);
    return PRECIS_OK;
}

static const char *const method_names[] = {
    [PRECIS_METHOD_DEFAULT] = "default",   [PRECIS_METHOD_CENTROID] = "centroid",
    [PRECIS_METHOD_LEXRANK] = "lexrank",   [PRECIS_METHOD_LEAD] = "lead",
    [PRECIS_METHOD_LEAD_FIRST] = "lead-first", [PRECIS_METHOD_RANDOM] = "random",
    [PRECIS_METHOD_LEARNED] = "learned", [PRECIS_METHOD_CONCEPTS] = "concepts",
    [PRECIS_METHOD_ILP] = "ilp",
};

const char *precis_method_name(precis_method method)
{
    if ((unsigned)method < sizeof method_names / sizeof method_names[0])
        return method_names[method];
    return "unknown";
}

precis_status precis_method_parse(const char *name, precis_method *out, precis_error *err)
{
    for (size_t i = 0; i < sizeof method_names / sizeof method_names[0]; i++)
        if (name && !strcmp(name, method_names[i])) {
            if (out)
                *out = (precis_method)i;
            return PRECIS_OK;
        }
    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                       "unknown method '%s' (default, centroid, lexrank, learned, concepts, "
                       "ilp, lead, lead-first, random)",
                       name ? name : "(null)");
}

precis_status options_check(const precis_options *o, precis_error *err)
{
    if ((unsigned)o->method > PRECIS_METHOD_ILP)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "unknown method %d", (int)o->method);
    if ((unsigned)o->budget_unit > PRECIS_BUDGET_SENTENCES)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "unknown budget unit");
    if (o->budget == 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "the budget must be at least 1");
    if (!(o->redundancy >= 0 && o->redundancy <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "redundancy must be within [0, 1]");
    if (!(o->content_redundancy >= 0 && o->content_redundancy <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "content redundancy must be within [0, 1]");
    if (!(o->content_duplicate > 0 && o->content_duplicate <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "content duplicate share must be within (0, 1]");
    if (!(o->article_share > 0 && o->article_share <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "article share must be within (0, 1]");
    if (!(o->duplicate_similarity > 0 && o->duplicate_similarity <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "duplicate similarity must be within (0, 1]");
    if (!(isfinite(o->position_weight) && isfinite(o->centroid_weight) &&
          isfinite(o->lexrank_weight) && isfinite(o->summary_word_weight) &&
          isfinite(o->dangling_penalty) && isfinite(o->learned_weight) &&
          isfinite(o->importance_weight) && isfinite(o->ilp_salience) &&
          isfinite(o->quote_penalty) && isfinite(o->concept_weight)))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "weights must be finite numbers");
    if (!(o->position_weight >= 0 && o->centroid_weight >= 0 && o->lexrank_weight >= 0 &&
          o->summary_word_weight >= 0 && o->dangling_penalty >= 0 && o->learned_weight >= 0 &&
          o->importance_weight >= 0 && o->quote_penalty >= 0 && o->concept_weight >= 0))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "weights must not be negative");
    return PRECIS_OK;
}

/* A whole number from 1 (or 0 with allow_zero) up; -1 when it is not one. */
static long parse_count(const char *s, int allow_zero)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > (unsigned long long)LONG_MAX || (v == 0 && !allow_zero))
        return -1;
    return (long)v;
}

/* A finite number; -1 when it is not one. */
static int parse_number(const char *s, double *out)
{
    if (!s || !*s)
        return -1;
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int parse_flag(const char *s)
{
    if (s && (!strcmp(s, "1") || !strcmp(s, "true") || !strcmp(s, "yes")))
        return 1;
    if (s && (!strcmp(s, "0") || !strcmp(s, "false") || !strcmp(s, "no")))
        return 0;
    return -1;
}

/* The tuning knobs: each name's field, and its range (0: >= 0, 1: [0, 1],
 * 2: (0, 1]); NULL for a name that is not a knob. */
static double *knob_field(precis_options *o, const char *key, int *range)
{
    *range = 0;
    if (!strcmp(key, "redundancy"))
        return *range = 1, &o->redundancy;
    if (!strcmp(key, "duplicate_similarity"))
        return *range = 2, &o->duplicate_similarity;
    if (!strcmp(key, "position_weight"))
        return &o->position_weight;
    if (!strcmp(key, "centroid_weight"))
        return &o->centroid_weight;
    if (!strcmp(key, "lexrank_weight"))
        return &o->lexrank_weight;
    if (!strcmp(key, "summary_word_weight"))
        return &o->summary_word_weight;
    if (!strcmp(key, "dangling_penalty"))
        return &o->dangling_penalty;
    if (!strcmp(key, "quote_penalty"))
        return &o->quote_penalty;
    if (!strcmp(key, "article_share"))
        return *range = 2, &o->article_share;
    if (!strcmp(key, "content_redundancy"))
        return *range = 1, &o->content_redundancy;
    if (!strcmp(key, "content_duplicate"))
        return *range = 2, &o->content_duplicate;
    if (!strcmp(key, "concept_weight"))
        return &o->concept_weight;
    if (!strcmp(key, "learned_weight"))
        return &o->learned_weight;
    if (!strcmp(key, "importance_weight"))
        return &o->importance_weight;
    if (!strcmp(key, "ilp_salience"))
        return &o->ilp_salience;
    return NULL;
}

static precis_status set_knob(double *field, const char *key, int range, const char *value,
                              precis_error *err)
{
    double v;
    int bad = parse_number(value, &v) < 0 || v < 0 || (range == 1 && v > 1) ||
              (range == 2 && (v <= 0 || v > 1));
    if (bad)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "%s needs %s, not '%s'", key,
                           range == 1   ? "a number from 0 to 1"
                           : range == 2 ? "a number above 0 and at most 1"
                                        : "a finite number of 0 or more",
                           value);
    *field = v;
    return PRECIS_OK;
}

static precis_status options_set(precis_options *o, const char *key, const char *value,
                                 precis_error *err)
{
    static const char *const units[] = {"words", "bytes", "sentences"};
    for (int u = 0; u < 3; u++) {
        if (strcmp(key, units[u]))
            continue;
        long n = parse_count(value, 0);
        if (n < 0)
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                               "%s needs a whole number from 1 to %ld, not '%s'", key, LONG_MAX,
                               value);
        o->budget = (size_t)n;
        o->budget_unit = (precis_budget_unit)u;
        return PRECIS_OK;
    }
    if (!strcmp(key, "method")) {
        return precis_method_parse(value, &o->method, err);
    }
    int *flag = !strcmp(key, "truncate")          ? &o->truncate
                : !strcmp(key, "drop_datelines")  ? &o->drop_datelines
                : !strcmp(key, "diagnostics")     ? &o->diagnostics
                : !strcmp(key, "collapse_copies") ? &o->collapse_copies
                                                  : NULL;
    if (flag) {
        int f = parse_flag(value);
        if (f < 0)
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                               "%s needs true or false, not '%s'", key, value);
        *flag = f;
        return PRECIS_OK;
    }
    if (!strcmp(key, "seed")) {
        long n = parse_count(value, 1);
        if (n < 0)
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                               "seed needs a whole number of 0 or more, not '%s'", value);
        o->seed = (uint64_t)n;
        return PRECIS_OK;
    }
    int range;
    double *field = knob_field(o, key, &range);
    if (field)
        return set_knob(field, key, range, value, err);
    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                       "unknown setting '%s' (words, bytes, sentences, truncate, method, seed, "
                       "markup, drop_datelines, diagnostics, collapse_copies, redundancy, duplicate_similarity, "
                       "position_weight, centroid_weight, lexrank_weight, summary_word_weight, "
                       "dangling_penalty, quote_penalty, article_share, content_redundancy, "
                       "content_duplicate, concept_weight, learned_weight, importance_weight, "
                       "ilp_salience)",
                       key);
}

/* Sets the key on the library's copy of the caller's options, then writes
 * back the caller's first o->size bytes; a key whose field lies past them
 * (a caller built against an older header) is refused. */
precis_status precis_options_set(precis_options *o, const char *key, const char *value,
                                 precis_error *err)
{
    if (!o || !key || !value)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_options_set: NULL argument");
    precis_options full, defaults;
    precis_status st = options_from_caller(o, &full, err);
    if (st == PRECIS_OK)
        st = options_set(&full, key, value, err);
    if (st != PRECIS_OK)
        return st;
    size_t n = o->size < sizeof full ? o->size : sizeof full;
    precis_options_init(&defaults);
    if (n < sizeof full && memcmp((const char *)&full + n, (const char *)&defaults + n,
                                  sizeof full - n) != 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "'%s' is not among the %zu bytes of the caller's precis_options "
                           "(built with an older precis.h)",
                           key, o->size);
    size_t size = o->size;
    memcpy(o, &full, n);
    o->size = size;
    return PRECIS_OK;
}

/*
 * brief.c: the one-call entry (precis.h, section 9) and its two objects.
 *
 *   precis_settings   what a caller may ask for, set by name from strings
 *                     ("words" = "230", "method" = "ilp"): the HTTP server
 *                     passes JSON fields, the Python binding keyword
 *                     arguments, the CLI its options, all through one parser
 *                     with one set of checks.  Opaque, so it can grow without
 *                     breaking a binary built against an older header.
 *   precis_engine     the model, loaded once, and a pool of summarizers that
 *                     any number of threads draw from: a summarizer is taken
 *                     under a mutex, used without it, and given back; the
 *                     pool never holds more than ENGINE_POOL_MAX idle ones.
 *   precis_summarize_texts   the call itself: texts in, a summary and its
 *                     JSON (exactly what `precis summarize --json` prints for
 *                     the same articles given as one JSON line) out.
 *
 * Without an engine the call uses a process-wide model created once
 * (pthread_once); the model is immutable, so this is shared read-only data,
 * not mutable state, and a fresh summarizer per call keeps the call
 * re-entrant.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "precis.h"
#include "summarize_internal.h"

/* Idle summarizers an engine keeps for reuse (each holds an arena and a
 * stemmer; more threads than this still work, with a summarizer each). */
#define ENGINE_POOL_MAX 64

struct precis_settings {
    precis_options options;
    precis_markup markup;
};

/* ---- settings ------------------------------------------------------- */

precis_status precis_settings_new(precis_settings **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_settings_new: NULL argument");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    precis_options_init(&(*out)->options);
    (*out)->markup = PRECIS_MARKUP_PLAIN;
    return PRECIS_OK;
}

void precis_settings_free(precis_settings *settings)
{
    free(settings);
}

precis_status precis_settings_copy(const precis_settings *settings, precis_settings **out,
                                   precis_error *err)
{
    precis_status st = precis_settings_new(out, err);
    if (st == PRECIS_OK && settings)
        **out = *settings;
    return st;
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
    if (!strcmp(key, "truncate") || !strcmp(key, "drop_datelines")) {
        int f = parse_flag(value);
        if (f < 0)
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                               "%s needs true or false, not '%s'", key, value);
        if (key[0] == 't')
            o->truncate = f;
        else
            o->drop_datelines = f;
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
                       "markup, drop_datelines, redundancy, duplicate_similarity, "
                       "position_weight, centroid_weight, lexrank_weight, summary_word_weight, "
                       "dangling_penalty, learned_weight, importance_weight, ilp_salience)",
                       key);
}

precis_status precis_settings_set(precis_settings *settings, const char *key, const char *value,
                                  precis_error *err)
{
    if (!settings || !key || !value)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_settings_set: NULL argument");
    if (!strcmp(key, "markup")) {
        if (!strcmp(value, "plain") || !strcmp(value, "sgml")) {
            settings->markup = value[0] == 'p' ? PRECIS_MARKUP_PLAIN : PRECIS_MARKUP_SGML;
            return PRECIS_OK;
        }
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "markup needs plain or sgml, not '%s'", value);
    }
    return precis_options_set(&settings->options, key, value, err);
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

precis_status precis_settings_options(const precis_settings *settings, precis_options *out,
                                      precis_error *err)
{
    if (!settings || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_settings_options: NULL argument");
    if (out->size < sizeof out->size)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_options.size is %zu: initialise the options with "
                           "precis_options_init",
                           out->size);
    size_t size = out->size;
    memcpy(out, &settings->options, size < sizeof *out ? size : sizeof *out);
    out->size = size;
    return PRECIS_OK;
}

/* ---- engine ----------------------------------------------------------- */

struct precis_engine {
    precis_model *model;
    pthread_mutex_t lock;
    precis_summarizer *idle[ENGINE_POOL_MAX];
    size_t nidle;
};

precis_status precis_engine_new(precis_engine **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_engine_new: NULL argument");
    *out = NULL;
    precis_engine *e = calloc(1, sizeof *e);
    if (!e)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    precis_status st = precis_model_new(&e->model, err);
    if (st != PRECIS_OK) {
        free(e);
        return st;
    }
    if (pthread_mutex_init(&e->lock, NULL) != 0) {
        precis_model_free(e->model);
        free(e);
        return PRECIS_FAIL(err, PRECIS_E_INTERNAL, NULL, 0, "cannot create a mutex");
    }
    *out = e;
    return PRECIS_OK;
}

void precis_engine_free(precis_engine *engine)
{
    if (!engine)
        return;
    for (size_t i = 0; i < engine->nidle; i++)
        precis_summarizer_free(engine->idle[i]);
    pthread_mutex_destroy(&engine->lock);
    precis_model_free(engine->model);
    free(engine);
}

/* An idle summarizer with these options, or a new one. */
static precis_summarizer *engine_take(precis_engine *e, const precis_options *o,
                                      precis_error *err)
{
    precis_summarizer *s = NULL;
    pthread_mutex_lock(&e->lock);
    if (e->nidle)
        s = e->idle[--e->nidle];
    pthread_mutex_unlock(&e->lock);
    if (!s) {
        if (precis_summarizer_new(e->model, o, &s, err) != PRECIS_OK)
            return NULL;
        return s;
    }
    if (summarizer_set_options(s, o, err) != PRECIS_OK) {
        precis_summarizer_free(s);
        return NULL;
    }
    return s;
}

static void engine_give_back(precis_engine *e, precis_summarizer *s)
{
    pthread_mutex_lock(&e->lock);
    if (e->nidle < ENGINE_POOL_MAX) {
        e->idle[e->nidle++] = s;
        s = NULL;
    }
    pthread_mutex_unlock(&e->lock);
    precis_summarizer_free(s);
}

/* ---- the call ------------------------------------------------------------ */

/* The process-wide model of calls without an engine: created once. */
static pthread_once_t shared_model_once = PTHREAD_ONCE_INIT;
static precis_model *shared_model;

static void create_shared_model(void)
{
    if (precis_model_new(&shared_model, NULL) != PRECIS_OK)
        shared_model = NULL;
}

/* Articles named as a JSON line's are ("0", "1", ...) unless names are given. */
static precis_status build_articles(const char *const *texts, const size_t *lens,
                                    const char *const *names, size_t count,
                                    precis_article **out_articles, char **out_names,
                                    precis_error *err)
{
    precis_article *arts = calloc(count ? count : 1, sizeof *arts);
    char *index_names = calloc(count ? count : 1, 24);
    if (!arts || !index_names) {
        free(arts);
        free(index_names);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < count; i++) {
        if (!texts[i]) {
            free(arts);
            free(index_names);
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "text %zu is NULL", i);
        }
        snprintf(index_names + 24 * i, 24, "%zu", i);
        arts[i].text = texts[i];
        arts[i].len = lens ? lens[i] : strlen(texts[i]);
        arts[i].name = names && names[i] ? names[i] : index_names + 24 * i;
    }
    *out_articles = arts;
    *out_names = index_names;
    return PRECIS_OK;
}

static precis_status summarize_with(precis_summarizer *s, const precis_settings *settings,
                                    const char *id, const precis_article *arts, size_t count,
                                    precis_summary **summary, char **json, precis_error *err)
{
    precis_summary *sum = NULL;
    precis_status st = precis_summarize(s, arts, count, settings->markup, &sum, err);
    if (st != PRECIS_OK)
        return st;
    if (json) {
        /* the articles, borrowed, as the cluster the JSON rendering reads */
        precis_cluster view = {.id = (char *)id, .articles = (precis_article *)arts,
                               .count = count, .markup = settings->markup};
        st = precis_summary_to_json(sum, &view, id, json, err);
        if (st != PRECIS_OK) {
            precis_summary_free(sum);
            return st;
        }
    }
    if (summary)
        *summary = sum;
    else
        precis_summary_free(sum);
    return PRECIS_OK;
}

precis_status precis_engine_summarize_texts(precis_engine *engine,
                                            const precis_settings *settings, const char *id,
                                            const char *const *texts, const size_t *lens,
                                            const char *const *names, size_t count,
                                            precis_summary **summary, char **json,
                                            precis_error *err)
{
    if (summary)
        *summary = NULL;
    if (json)
        *json = NULL;
    if ((count && !texts) || (!summary && !json))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_summarize_texts: NULL argument");
    precis_settings defaults = {.markup = PRECIS_MARKUP_PLAIN};
    precis_options_init(&defaults.options);
    if (!settings)
        settings = &defaults;
    precis_article *arts = NULL;
    char *index_names = NULL;
    precis_status st = build_articles(texts, lens, names, count, &arts, &index_names, err);
    if (st != PRECIS_OK)
        return st;
    precis_summarizer *s = NULL;
    if (engine) {
        s = engine_take(engine, &settings->options, err);
    } else {
        pthread_once(&shared_model_once, create_shared_model);
        if (!shared_model)
            st = PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory loading the model");
        else
            st = precis_summarizer_new(shared_model, &settings->options, &s, err);
    }
    if (!s && st == PRECIS_OK)
        st = err && err->status != PRECIS_OK ? err->status : PRECIS_E_NOMEM;
    if (s) {
        st = summarize_with(s, settings, id, arts, count, summary, json, err);
        if (engine)
            engine_give_back(engine, s);
        else
            precis_summarizer_free(s);
    }
    free(arts);
    free(index_names);
    return st;
}

precis_status precis_summarize_texts(const precis_settings *settings, const char *id,
                                     const char *const *texts, const size_t *lens,
                                     const char *const *names, size_t count,
                                     precis_summary **summary, char **json, precis_error *err)
{
    return precis_engine_summarize_texts(NULL, settings, id, texts, lens, names, count, summary,
                                         json, err);
}

void precis_string_free(char *text)
{
    free(text);
}

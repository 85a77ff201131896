/*
 * brief.c: the one-call entry (precis.h) and its two objects.
 *
 *   precis_settings   what a caller may ask for, set by name from strings
 *                     ("words" = "230", "method" = "ilp"): the HTTP server
 *                     passes JSON fields, the Python binding keyword
 *                     arguments, the CLI its options, all through one parser
 *                     with one set of checks (precis_options_set, options.c).
 *                     Opaque, so it can grow without breaking a binary built
 *                     against an older header.
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
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "precis.h"
#include "output.h"
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
                                    const char *id, const precis_article *arts,
                                    const char *const *titles, size_t count,
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
        st = output_summary_json(sum, &view, id, titles, json, err);
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
                                            const char *const *names,
                                            const char *const *titles, size_t count,
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
        st = summarize_with(s, settings, id, arts, titles, count, summary, json, err);
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
                                     const char *const *names, const char *const *titles,
                                     size_t count, precis_summary **summary, char **json,
                                     precis_error *err)
{
    return precis_engine_summarize_texts(NULL, settings, id, texts, lens, names, titles, count,
                                         summary, json, err);
}

void precis_string_free(char *text)
{
    free(text);
}

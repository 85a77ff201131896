/*
 * request.c: the JSON bodies of the POST routes, read into what the
 * library calls take.
 *
 * Every body is one JSON object parsed by jansson, which refuses invalid
 * UTF-8, stops at its own nesting limit (a body nested 100,000 deep is an
 * error, not a stack overflow) and keeps strings with their length, so a
 * text may hold any character.  The texts are not copied: the request
 * points into the parsed tree, which it owns until cleared.
 *
 * The summarize body takes the settings of the library's one-call entry
 * by name ("words": 100, "method": "lexrank", "diagnostics": true ...):
 * each other key is handed to precis_settings_set with its value written
 * as the command line would give it, so the server accepts exactly what
 * `precis summarize --set` and the API accept, with the same messages.
 * The dedup and cluster bodies list their options; an unknown key is an
 * error rather than silently ignored, since a misspelt option would
 * otherwise change nothing and look like it worked.
 */
#include "request.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(request_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(request_error *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* The body as a JSON object into *root; -1 with the parser's words. */
static int load_object(const char *body, size_t len, json_t **root, request_error *e)
{
    json_error_t jerr;
    *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!*root)
        return fail(e, "the body is not JSON: %s (line %d, column %d)", jerr.text, jerr.line,
                    jerr.column);
    if (!json_is_object(*root)) {
        json_decref(*root);
        *root = NULL;
        return fail(e, "the body must be a JSON object");
    }
    return 0;
}

/* ---- articles ---------------------------------------------------------- */

static int articles_alloc(request_articles *a, size_t count)
{
    size_t n = count ? count : 1;
    a->texts = calloc(n, sizeof *a->texts);
    a->lens = calloc(n, sizeof *a->lens);
    a->names = calloc(n, sizeof *a->names);
    a->titles = calloc(n, sizeof *a->titles);
    a->dates = calloc(n, sizeof *a->dates);
    a->owned_names = calloc(n, sizeof *a->owned_names);
    a->count = count;
    return a->texts && a->lens && a->names && a->titles && a->dates && a->owned_names ? 0 : -2;
}

static void articles_clear(request_articles *a)
{
    for (size_t i = 0; a->owned_names && i < a->count; i++)
        free(a->owned_names[i]);
    free(a->owned_names);
    free(a->texts);
    free(a->lens);
    free(a->names);
    free(a->titles);
    free(a->dates);
    free(a->owned_id);
    json_decref(a->root);
    memset(a, 0, sizeof *a);
}

/* An optional string member: 0 (absent or a string), -1 when of another type. */
static int optional_string(json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    *out = json_string_value(v);
    return 0;
}

/* Article i's "id": a string or a whole number (rendered). */
static int article_id(request_articles *a, size_t i, json_t *obj, int required,
                      request_error *e)
{
    json_t *id = json_object_get(obj, "id");
    if (!id || json_is_null(id)) {
        if (required)
            return fail(e, "articles[%zu]: \"id\" is missing", i);
        return 0;
    }
    if (json_is_string(id)) {
        if (!json_string_length(id))
            return fail(e, "articles[%zu]: \"id\" is empty", i);
        a->names[i] = json_string_value(id);
        return 0;
    }
    if (!json_is_integer(id))
        return fail(e, "articles[%zu]: \"id\" must be a string or a whole number", i);
    char buf[32];
    snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
    if (!(a->owned_names[i] = strdup(buf)))
        return -2;
    a->names[i] = a->owned_names[i];
    return 0;
}

static int parse_article(request_articles *a, size_t i, json_t *obj, int ids_required,
                         request_error *e)
{
    if (!json_is_object(obj))
        return fail(e, "articles[%zu] must be an object {\"id\", \"text\", \"title\"?}", i);
    json_t *text = json_object_get(obj, "text");
    if (!json_is_string(text))
        return fail(e, "articles[%zu]: \"text\" must be a string", i);
    a->texts[i] = json_string_value(text);
    a->lens[i] = json_string_length(text);
    int rc = article_id(a, i, obj, ids_required, e);
    if (rc)
        return rc;
    if (optional_string(obj, "title", &a->titles[i]) < 0)
        return fail(e, "articles[%zu]: \"title\" must be a string", i);
    if (optional_string(obj, "date", &a->dates[i]) < 0)
        return fail(e, "articles[%zu]: \"date\" must be an ISO 8601 string", i);
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        if (strcmp(key, "id") && strcmp(key, "text") && strcmp(key, "title") &&
            strcmp(key, "date"))
            return fail(e, "articles[%zu]: unknown key \"%.40s\" (id, text, title, date)", i,
                        key);
    }
    return 0;
}

/* "documents" or "articles" of root into *a (which takes the root). */
static int parse_articles(json_t *root, request_articles *a, int ids_required,
                          request_error *e)
{
    a->root = root;
    json_t *docs = json_object_get(root, "documents");
    json_t *arts = json_object_get(root, "articles");
    if (docs && arts)
        return fail(e, "give \"documents\" or \"articles\", not both");
    if (!docs && !arts)
        return fail(e, "the body needs \"documents\" (a list of texts) or \"articles\" (a "
                       "list of {\"id\", \"text\", \"title\"?})");
    json_t *list = docs ? docs : arts;
    if (!json_is_array(list))
        return fail(e, "\"%s\" must be a list", docs ? "documents" : "articles");
    if (docs && ids_required)
        return fail(e, "this route needs \"articles\" with ids, not \"documents\"");
    if (articles_alloc(a, json_array_size(list)) < 0)
        return -2;
    json_t *id = json_object_get(root, "id");
    if (json_is_integer(id)) { /* as a JSON line's id may be */
        char buf[32];
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        if (!(a->owned_id = strdup(buf)))
            return -2;
        a->id = a->owned_id;
    } else if (optional_string(root, "id", &a->id) < 0) {
        return fail(e, "\"id\" must be a string or a whole number");
    }
    for (size_t i = 0; i < a->count; i++) {
        json_t *item = json_array_get(list, i);
        if (docs) {
            if (!json_is_string(item))
                return fail(e, "documents[%zu] must be a string", i);
            a->texts[i] = json_string_value(item);
            a->lens[i] = json_string_length(item);
            continue;
        }
        int rc = parse_article(a, i, item, ids_required, e);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- summarize --------------------------------------------------------- */

/* A JSON value as the string the settings take; 0, or -1 when it is not a
 * number, a string or a boolean. */
static int setting_text(json_t *v, char *buf, size_t size, const char **out)
{
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return 0;
    }
    if (json_is_integer(v))
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, size, "%.17g", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, size, "%s", json_is_true(v) ? "true" : "false");
    else
        return -1;
    *out = buf;
    return 0;
}

int summarize_request_parse(const char *body, size_t len, summarize_request *out,
                            request_error *e)
{
    memset(out, 0, sizeof *out);
    json_t *root;
    if (load_object(body, len, &root, e) < 0)
        return -1;
    int rc = parse_articles(root, &out->articles, 0, e);
    if (rc)
        return rc;
    precis_error err = {0};
    if (precis_settings_new(&out->settings, &err) != PRECIS_OK)
        return -2;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (!strcmp(key, "documents") || !strcmp(key, "articles") || !strcmp(key, "id"))
            continue;
        char buf[64];
        const char *value;
        if (setting_text(v, buf, sizeof buf, &value) < 0)
            return fail(e, "\"%.40s\" must be a number, a string or true/false", key);
        if (precis_settings_set(out->settings, key, value, &err) != PRECIS_OK)
            return err.status == PRECIS_E_NOMEM ? -2 : fail(e, "%s", err.message);
    }
    return 0;
}

void summarize_request_clear(summarize_request *r)
{
    articles_clear(&r->articles);
    precis_settings_free(r->settings);
    r->settings = NULL;
}

/* ---- rouge ------------------------------------------------------------- */

/* A summary (a string, or a list of sentence strings joined by '\n') into
 * a malloc'd string; NULL with *e filled when of another shape. */
static char *summary_text(json_t *v, const char *what, request_error *e, int *nomem)
{
    if (json_is_string(v)) {
        char *s = strndup(json_string_value(v), json_string_length(v));
        *nomem = !s;
        return s;
    }
    if (!json_is_array(v)) {
        fail(e, "%s must be a string or a list of sentence strings", what);
        return NULL;
    }
    size_t total = 1;
    for (size_t i = 0; i < json_array_size(v); i++) {
        json_t *s = json_array_get(v, i);
        if (!json_is_string(s)) {
            fail(e, "%s[%zu] must be a string", what, i);
            return NULL;
        }
        total += json_string_length(s) + 1;
    }
    char *text = malloc(total), *p = text;
    *nomem = !text;
    for (size_t i = 0; text && i < json_array_size(v); i++) {
        json_t *s = json_array_get(v, i);
        memcpy(p, json_string_value(s), json_string_length(s));
        p += json_string_length(s);
        *p++ = '\n';
    }
    if (text)
        *p = '\0';
    return text;
}

int rouge_request_parse(const char *body, size_t len, rouge_request *out, request_error *e)
{
    memset(out, 0, sizeof *out);
    precis_rouge_options_init(&out->options);
    if (load_object(body, len, &out->root, e) < 0)
        return -1;
    json_t *root = out->root;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (strcmp(key, "system") && strcmp(key, "references") && strcmp(key, "flags") &&
            strcmp(key, "id"))
            return fail(e, "unknown key \"%.40s\" (system, references, flags, id)", key);
    }
    int nomem = 0;
    json_t *sys = json_object_get(root, "system");
    if (!sys)
        return fail(e, "\"system\" (the summary to score) is missing");
    if (!(out->system = summary_text(sys, "\"system\"", e, &nomem)))
        return nomem ? -2 : -1;
    json_t *refs = json_object_get(root, "references");
    if (!json_is_array(refs) || json_array_size(refs) == 0)
        return fail(e, "\"references\" must be a list of one or more summaries");
    out->references = calloc(json_array_size(refs), sizeof *out->references);
    if (!out->references)
        return -2;
    for (size_t i = 0; i < json_array_size(refs); i++) {
        char what[48];
        snprintf(what, sizeof what, "references[%zu]", i);
        if (!(out->references[i] = summary_text(json_array_get(refs, i), what, e, &nomem)))
            return nomem ? -2 : -1;
        out->nreferences++;
    }
    if (optional_string(root, "id", &out->id) < 0)
        return fail(e, "\"id\" must be a string");
    const char *flags = NULL;
    if (optional_string(root, "flags", &flags) < 0)
        return fail(e, "\"flags\" must be a string of ROUGE-1.5.5 flags, e.g. \"-m -l 100\"");
    precis_error err = {0};
    if (flags && precis_rouge_options_parse(flags, &out->options, &err) != PRECIS_OK)
        return fail(e, "\"flags\": %s", err.message);
    return 0;
}

void rouge_request_clear(rouge_request *r)
{
    for (size_t i = 0; i < r->nreferences; i++)
        free(r->references[i]);
    free(r->references);
    free(r->system);
    json_decref(r->root);
    memset(r, 0, sizeof *r);
}

/* ---- dedup and cluster ------------------------------------------------- */

static int by_name(const void *a, const void *b, void *names)
{
    const char *const *n = names;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(n[x], n[y]);
    return c ? c : (x > y) - (x < y);
}

/* Ids must be unique: a duplicate is named with both positions. */
static int check_unique_ids(const request_articles *a, request_error *e)
{
    if (a->count < 2)
        return 0;
    size_t *order = malloc(a->count * sizeof *order);
    if (!order)
        return -2;
    for (size_t i = 0; i < a->count; i++)
        order[i] = i;
    qsort_r(order, a->count, sizeof *order, by_name, (void *)a->names);
    int rc = 0;
    for (size_t i = 1; i < a->count && !rc; i++)
        if (!strcmp(a->names[order[i]], a->names[order[i - 1]]))
            rc = fail(e, "duplicate id \"%.60s\" (articles[%zu] and articles[%zu])",
                      a->names[order[i]], order[i - 1], order[i]);
    free(order);
    return rc;
}

/* The articles with ids and dates, both option sets at their defaults (the
 * route's parser then reads its own). */
static int parse_stream(const char *body, size_t len, stories_request *out, request_error *e)
{
    memset(out, 0, sizeof *out);
    precis_dedup_options_init(&out->dedup);
    precis_stories_options_init(&out->stories);
    json_t *root;
    if (load_object(body, len, &root, e) < 0)
        return -1;
    int rc = parse_articles(root, &out->articles, 1, e);
    if (!rc)
        rc = check_unique_ids(&out->articles, e);
    if (rc)
        return rc;
    out->times = malloc((out->articles.count ? out->articles.count : 1) * sizeof *out->times);
    if (!out->times)
        return -2;
    for (size_t i = 0; i < out->articles.count; i++) {
        out->times[i] = NAN;
        precis_error err = {0};
        if (out->articles.dates[i] &&
            precis_parse_time(out->articles.dates[i], &out->times[i], &err) != PRECIS_OK)
            return fail(e, "articles[%zu]: \"date\": %s", i, err.message);
    }
    return 0;
}

/* A number member into *out; 0 (absent or a number), -1 when another type. */
static int number_member(json_t *root, const char *key, double *out, request_error *e)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return 0;
    if (!json_is_number(v))
        return fail(e, "\"%s\" must be a number", key);
    *out = json_number_value(v);
    return 0;
}

static int whole_member(json_t *root, const char *key, unsigned *out, request_error *e)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 1000000)
        return fail(e, "\"%s\" must be a whole number from 1 to 1000000", key);
    *out = (unsigned)json_integer_value(v);
    return 0;
}

static int flag_member(json_t *root, const char *key, int *out, request_error *e)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return 0;
    if (!json_is_boolean(v))
        return fail(e, "\"%s\" must be true or false", key);
    *out = json_is_true(v);
    return 0;
}

/* Every key of root is in `known` (a NULL-terminated list), else an error
 * that lists them. */
static int only_keys(json_t *root, const char *const *known, request_error *e)
{
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        size_t k = 0;
        while (known[k] && strcmp(known[k], key))
            k++;
        if (known[k])
            continue;
        char list[200] = "";
        for (size_t i = 0, n = 0; known[i] && n < sizeof list; i++)
            n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", known[i]);
        return fail(e, "unknown key \"%.40s\" (%s)", key, list);
    }
    return 0;
}

int dedup_request_parse(const char *body, size_t len, stories_request *out, request_error *e)
{
    int rc = parse_stream(body, len, out, e);
    if (rc)
        return rc;
    static const char *const known[] = {"articles", "threshold", "shingle", "hashes", "bands",
                                        "exact", "all", "id", NULL};
    json_t *root = out->articles.root;
    if (only_keys(root, known, e) ||
        number_member(root, "threshold", &out->dedup.threshold, e) ||
        whole_member(root, "shingle", &out->dedup.shingle, e) ||
        whole_member(root, "hashes", &out->dedup.hashes, e) ||
        whole_member(root, "bands", &out->dedup.bands, e) ||
        flag_member(root, "exact", &out->dedup.exact, e) ||
        flag_member(root, "all", &out->all, e))
        return -1;
    return 0;
}

int cluster_request_parse(const char *body, size_t len, stories_request *out, request_error *e)
{
    int rc = parse_stream(body, len, out, e);
    if (rc)
        return rc;
    static const char *const known[] = {"articles", "threshold", "merge", "window",
                                        "title_weight", "copies", "id", NULL};
    json_t *root = out->articles.root;
    if (only_keys(root, known, e) ||
        number_member(root, "copies", &out->stories.copy_threshold, e) ||
        number_member(root, "threshold", &out->stories.threshold, e) ||
        number_member(root, "merge", &out->stories.merge_threshold, e) ||
        number_member(root, "window", &out->stories.window, e) ||
        number_member(root, "title_weight", &out->stories.title_weight, e))
        return -1;
    return 0;
}

void stories_request_clear(stories_request *r)
{
    articles_clear(&r->articles);
    free(r->times);
    r->times = NULL;
}

/*
 * stream_article.c: one article of a stream, a JSON line
 * {"id", "text", "title"?, "date"?}, as `precis dedup` and `precis cluster`
 * read it (precis_stream_article_parse, include/precis_stories.h).
 *
 * The id is required: every article must come back in the output under the
 * name it came in with.  A JSON number as id is taken as its decimal form.
 * Duplicate keys are an error, as in every JSON reader of precis.
 */
#include "precis_stories.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static char *copy_string(json_t *v)
{
    size_t n = json_string_length(v);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, json_string_value(v), n);
        s[n] = '\0';
    }
    return s;
}

void precis_stream_article_clear(precis_stream_article *a)
{
    if (!a)
        return;
    free(a->id);
    free(a->title);
    free(a->text);
    free(a->date);
    memset(a, 0, sizeof *a);
    a->time = NAN;
}

static precis_status parse_object(json_t *root, const char *source, long line,
                                  precis_stream_article *out, precis_error *err)
{
    if (!json_is_object(root))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "expected a JSON object");
    json_t *id = json_object_get(root, "id");
    if (json_is_string(id) && json_string_length(id) > 0) {
        out->id = copy_string(id);
    } else if (json_is_integer(id)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
        out->id = strdup(buf);
    } else {
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                           "\"id\" is missing or empty (a string or a number is needed)");
    }
    json_t *text = json_object_get(root, "text");
    if (!json_is_string(text))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                           text ? "\"text\" must be a string" : "\"text\" is missing");
    out->text = copy_string(text);
    out->len = json_string_length(text);
    json_t *title = json_object_get(root, "title");
    if (title && !json_is_null(title)) {
        if (!json_is_string(title))
            return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "\"title\" must be a string");
        out->title = copy_string(title);
        if (!out->title)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
    }
    if (!out->id || !out->text)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
    json_t *date = json_object_get(root, "date");
    if (date && !json_is_null(date)) {
        if (!json_is_string(date))
            return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                               "\"date\" must be an ISO 8601 string");
        out->date = copy_string(date);
        if (!out->date)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
        precis_error terr = {0};
        if (precis_parse_time(out->date, &out->time, &terr) != PRECIS_OK)
            return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "\"date\": %s", terr.message);
    }
    return PRECIS_OK;
}

precis_status precis_stream_article_parse(const char *json, size_t len, const char *source,
                                          long line, precis_stream_article *out,
                                          precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_stream_article_parse: NULL argument");
    memset(out, 0, sizeof *out);
    out->time = NAN;
    if (!json)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_stream_article_parse: NULL argument");
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!root)
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "invalid JSON: %s (column %d)",
                           jerr.text, jerr.column);
    precis_status st = parse_object(root, source, line, out, err);
    json_decref(root);
    if (st != PRECIS_OK)
        precis_stream_article_clear(out);
    return st;
}

/*
 * output.c: renderings of a summary (JSON with attribution, plain text).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "output.h"

#include "precis.h"
#include "text.h"

/* JSON needs valid UTF-8: article names come from file systems. */
static json_t *safe_string(const char *s)
{
    size_t len = strlen(s);
    if (text_valid_utf8(s, len))
        return json_stringn(s, len);
    char *clean = malloc(3 * len + 1);
    if (!clean)
        return NULL;
    text_display(s, len, clean);
    json_t *j = json_string(clean);
    free(clean);
    return j;
}

/* The pick's original bytes, so that input[start, end) == text; the
 * printable form only where the input is not valid UTF-8. */
static json_t *exact_text(const precis_cluster *cluster, const precis_pick *p)
{
    if (cluster && p->article < cluster->count) {
        const precis_article *a = &cluster->articles[p->article];
        if (p->end <= a->len && text_valid_utf8(a->text + p->start, p->end - p->start))
            return json_stringn(a->text + p->start, p->end - p->start);
    }
    return json_string(p->text);
}

/* The summary as text, malloc'd; NULL when out of memory. */
static char *summary_text(const precis_summary *summary)
{
    size_t len = 1;
    for (size_t i = 0; i < summary->count; i++)
        len += strlen(summary->picks[i].text) + 1;
    char *out = malloc(len);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < summary->count; i++) {
        size_t n = strlen(summary->picks[i].text);
        memcpy(out + o, summary->picks[i].text, n);
        o += n;
        out[o++] = '\n';
    }
    out[o] = '\0';
    return out;
}

static int set_new(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

/* Appends each line of text (lines end in '\n') to the array; -1 when out
 * of memory. */
static int append_lines(json_t *array, const char *text)
{
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        char *line = strndup(text, n);
        json_t *j = line ? safe_string(line) : NULL;
        free(line);
        if (!j || json_array_append_new(array, j) < 0)
            return -1;
        text += n + (nl ? 1 : 0);
    }
    return 0;
}

/* The summary as one line of JSON, malloc'd; NULL when out of memory. */
/* The readability counts as a JSON object (NULL when out of memory). */
static json_t *readability_json(const precis_readability *r)
{
    return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:b}", "sentences",
                     (json_int_t)r->sentences, "quote_shards", (json_int_t)r->quote_shards,
                     "unintroduced", (json_int_t)r->unintroduced, "chrome",
                     (json_int_t)r->chrome, "datelines", (json_int_t)r->datelines, "dangling",
                     (json_int_t)r->dangling, "top_article", (json_int_t)r->top_article,
                     "articles_used", (json_int_t)r->articles_used, "opens_badly",
                     r->opens_badly);
}

/* The article notes as a JSON array (NULL when out of memory):
 * {"article", "name"?, "status", "copy_of"?, "similarity"?} each. */
static json_t *articles_json(const precis_summary *summary, const precis_cluster *cluster)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < summary->narticles; i++) {
        const precis_article_note *n = &summary->articles[i];
        json_t *a = json_object();
        int bad = !a || set_new(a, "article", json_integer((json_int_t)i));
        if (!bad && cluster && i < cluster->count && cluster->articles[i].name)
            bad |= set_new(a, "name", safe_string(cluster->articles[i].name));
        if (!bad)
            bad |= set_new(a, "status", json_string(precis_article_status_name(n->status)));
        if (!bad && n->status == PRECIS_ARTICLE_COPY) {
            bad |= set_new(a, "copy_of", json_integer((json_int_t)n->copy_of));
            bad |= set_new(a, "similarity", json_real(n->similarity));
        }
        if (bad)
            json_decref(a); /* NULL-safe */
        if (bad || json_array_append_new(list, a) < 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static char *summary_json(const precis_summary *summary, const precis_cluster *cluster,
                          const char *id, const char *const *titles)
{
    json_t *root = json_object();
    json_t *sents = json_array();
    char *text = summary_text(summary);
    int bad = !root || !sents || !text;
    if (!bad && id)
        bad |= set_new(root, "id", safe_string(id));
    if (!bad && text) {
        /* "summary" holds one sentence per line, without a final newline */
        size_t n = strlen(text);
        if (n > 0)
            text[n - 1] = '\0';
        bad |= set_new(root, "summary", json_string(text));
    }
    if (!bad)
        bad |= set_new(root, "words", json_integer((json_int_t)summary->words));
    for (size_t i = 0; !bad && i < summary->count; i++) {
        const precis_pick *p = &summary->picks[i];
        json_t *s = json_object();
        if (!s) {
            bad = 1;
            break;
        }
        bad |= set_new(s, "article", json_integer((json_int_t)p->article));
        if (cluster && p->article < cluster->count && cluster->articles[p->article].name)
            bad |= set_new(s, "name", safe_string(cluster->articles[p->article].name));
        if (titles && cluster && p->article < cluster->count && titles[p->article])
            bad |= set_new(s, "title", safe_string(titles[p->article]));
        bad |= set_new(s, "sentence", json_integer((json_int_t)p->sentence));
        bad |= set_new(s, "start", json_integer((json_int_t)p->start));
        bad |= set_new(s, "end", json_integer((json_int_t)p->end));
        bad |= set_new(s, "score", json_real(p->score));
        bad |= set_new(s, "text", exact_text(cluster, p));
        bad |= json_array_append_new(sents, s);
    }
    if (!bad) {
        bad |= json_object_set(root, "sentences", sents);
        if (summary->has_readability)
            bad |= set_new(root, "readability", readability_json(&summary->readability));
        if (summary->narticles)
            bad |= set_new(root, "articles", articles_json(summary, cluster));
        /* what reading the input left out, then what summarizing did */
        const char *from_input = cluster && cluster->warnings ? cluster->warnings : "";
        const char *from_summary = summary->warnings ? summary->warnings : "";
        if (from_input[0] || from_summary[0]) {
            json_t *w = json_array();
            bad |= !w || append_lines(w, from_input) < 0 || append_lines(w, from_summary) < 0;
            bad |= set_new(root, "warnings", w);
        }
    }
    char *out = bad ? NULL : json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(sents);
    json_decref(root);
    free(text);
    return out;
}

precis_status precis_summary_to_text(const precis_summary *summary, char **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!summary || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_summary_to_text: NULL argument");
    *out = summary_text(summary);
    return *out ? PRECIS_OK : PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
}

precis_status precis_summary_to_json(const precis_summary *summary, const precis_cluster *cluster,
                                     const char *id, char **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!summary || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_summary_to_json: NULL argument");
    *out = summary_json(summary, cluster, id, NULL);
    return *out ? PRECIS_OK : PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
}

precis_status output_summary_json(const precis_summary *summary, const precis_cluster *cluster,
                                  const char *id, const char *const *titles, char **out,
                                  precis_error *err)
{
    *out = summary_json(summary, cluster, id, titles);
    return *out ? PRECIS_OK : PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
}

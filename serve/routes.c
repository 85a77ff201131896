/*
 * routes.c: the server's answers, one function per POST route, each a thin
 * layer over the public API: the body is parsed (request.c), the library
 * called, and its own JSON rendering returned, so that the server says
 * byte for byte what the command line prints for the same input
 * (/v1/summarize is precis_engine_summarize_texts's JSON, which is
 * `precis summarize --json`'s; /v1/dedup's groups are `precis dedup`'s
 * lines, /v1/cluster's stories `precis cluster`'s).
 *
 * Statuses: a body the library refuses (no text, bad option, binary data)
 * is the client's fault, 400; out of memory is 503 (try again later); a
 * library bug is 500.  The message is the library's own one-line error.
 */
#include "routes.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis_eval.h"
#include "precis_stories.h"
#include "request.h"

const route_info route_table[ROUTE_COUNT] = {
    [ROUTE_PAGE] = {"/", "GET"},
    [ROUTE_HEALTHZ] = {"/healthz", "GET"},
    [ROUTE_METRICS] = {"/metrics", "GET"},
    [ROUTE_VERSION] = {"/v1/version", "GET"},
    [ROUTE_SUMMARIZE] = {"/v1/summarize", "POST"},
    [ROUTE_ROUGE] = {"/v1/rouge", "POST"},
    [ROUTE_DEDUP] = {"/v1/dedup", "POST"},
    [ROUTE_CLUSTER] = {"/v1/cluster", "POST"},
    [ROUTE_UNKNOWN] = {"other", ""},
};

route_id route_find(const char *path)
{
    for (int r = 0; r < ROUTE_UNKNOWN; r++)
        if (!strcmp(path, route_table[r].path))
            return (route_id)r;
    return ROUTE_UNKNOWN;
}

const char *status_reason(unsigned status)
{
    switch (status) {
    case 200: return "ok";
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "payload too large";
    case 415: return "unsupported media type";
    case 500: return "internal error";
    case 503: return "service unavailable";
    case 504: return "gateway timeout";
    default: return "error";
    }
}

int response_error(response *r, unsigned status, const char *message)
{
    json_t *root = json_pack("{s:s, s:s}", "error", message, "status", status_reason(status));
    if (!root) /* a message that is not UTF-8 */
        root = json_pack("{s:s, s:s}", "error", status_reason(status), "status",
                         status_reason(status));
    r->status = status;
    r->content_type = "application/json";
    r->body = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    r->len = r->body ? strlen(r->body) : 0;
    json_decref(root);
    return r->body ? 0 : -1;
}

static unsigned status_of(precis_status st)
{
    switch (st) {
    case PRECIS_E_NOMEM:
        return 503;
    case PRECIS_E_INTERNAL:
    case PRECIS_E_IO:
        return 500;
    default:
        return 400;
    }
}

/* r from a parse result: 0 ok, -1 bad body (400), -2 out of memory. */
static int parse_failed(response *r, int rc, const request_error *e)
{
    if (rc == -2)
        response_error(r, 503, "out of memory");
    else
        response_error(r, 400, e->message);
    return rc;
}

static void library_failed(response *r, const precis_error *err)
{
    response_error(r, status_of(err->status), err->message[0] ? err->message
                                                              : precis_status_name(err->status));
}

/* Takes ownership of the malloc'd JSON text. */
static void answer_json(response *r, char *json)
{
    r->status = 200;
    r->content_type = "application/json";
    r->body = json;
    r->len = strlen(json);
}

static precis_status out_of_memory(precis_error *err)
{
    err->status = PRECIS_E_NOMEM;
    snprintf(err->message, sizeof err->message, "out of memory");
    return PRECIS_E_NOMEM;
}

/* ---- a JSON list built from JSON texts ---------------------------------- */

typedef struct text_buffer {
    char *data;
    size_t len, cap;
    int failed;
} text_buffer;

static void put(text_buffer *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void puts_text(text_buffer *b, const char *s)
{
    put(b, s, strlen(s));
}

/* ---- the routes -------------------------------------------------------- */

static void run_summarize(precis_engine *engine, const char *body, size_t len, response *r)
{
    summarize_request q;
    request_error e;
    int rc = summarize_request_parse(body, len, &q, &e);
    if (rc) {
        parse_failed(r, rc, &e);
        summarize_request_clear(&q);
        return;
    }
    precis_error err = {0};
    char *json = NULL;
    const request_articles *a = &q.articles;
    if (precis_engine_summarize_texts(engine, q.settings, a->id, a->texts, a->lens, a->names,
                                      a->titles, a->count, NULL, &json, &err) != PRECIS_OK)
        library_failed(r, &err);
    else
        answer_json(r, json);
    summarize_request_clear(&q);
}

static void run_rouge(const char *body, size_t len, response *r)
{
    rouge_request q;
    request_error e;
    int rc = rouge_request_parse(body, len, &q, &e);
    if (rc) {
        parse_failed(r, rc, &e);
        rouge_request_clear(&q);
        return;
    }
    precis_error err = {0};
    precis_rouge *rouge = NULL;
    precis_eval_scores *scores = NULL;
    precis_rouge_result result;
    char *json = NULL;
    const char *id = q.id ? q.id : "1";
    if (precis_rouge_new(&q.options, &rouge, &err) != PRECIS_OK ||
        precis_eval_score_texts(rouge, q.system, (const char *const *)q.references,
                                q.nreferences, &result, &err) != PRECIS_OK ||
        precis_eval_scores_new(&scores, &err) != PRECIS_OK ||
        precis_eval_scores_add(scores, id, &result, NULL, 0, &err) != PRECIS_OK ||
        precis_eval_scores_average(scores, &q.options, &err) != PRECIS_OK ||
        precis_eval_render_json(scores, NULL, 0, PRECIS_EVAL_RENDER_PER_ITEM, &json, &err) !=
            PRECIS_OK)
        library_failed(r, &err);
    else
        answer_json(r, json);
    precis_eval_scores_free(scores);
    precis_rouge_free(rouge);
    rouge_request_clear(&q);
}

/* {"groups": [group, ...]}: the groups of two or more (all: every one). */
static void run_dedup(const char *body, size_t len, response *r)
{
    stories_request q;
    request_error e;
    int rc = dedup_request_parse(body, len, &q, &e);
    if (rc) {
        parse_failed(r, rc, &e);
        stories_request_clear(&q);
        return;
    }
    precis_error err = {0};
    precis_dedup *d = NULL;
    precis_dedup_groups *g = NULL;
    const request_articles *a = &q.articles;
    precis_status st = precis_dedup_new(&q.dedup, &d, &err);
    for (size_t i = 0; st == PRECIS_OK && i < a->count; i++)
        st = precis_dedup_add(d, a->texts[i], a->lens[i], NULL, &err);
    if (st == PRECIS_OK)
        st = precis_dedup_find(d, &g, &err);
    text_buffer b = {0};
    puts_text(&b, "{\"groups\":[");
    for (size_t i = 0, n = 0; st == PRECIS_OK && i < g->count; i++) {
        if (!q.all && g->groups[i].count < 2)
            continue;
        char *line = NULL;
        st = precis_dedup_group_to_json(g, i, a->names, &line, &err);
        if (st == PRECIS_OK) {
            if (n++)
                puts_text(&b, ",");
            puts_text(&b, line);
        }
        precis_string_free(line);
    }
    puts_text(&b, "]}");
    if (st == PRECIS_OK && b.failed)
        st = out_of_memory(&err);
    if (st != PRECIS_OK) {
        library_failed(r, &err);
        free(b.data);
    } else {
        answer_json(r, b.data);
    }
    precis_dedup_groups_free(g);
    precis_dedup_free(d);
    stories_request_clear(&q);
}

/* {"stories": [story, ...], "warnings"?: [...]} */
static precis_status write_stories(const precis_story_list *l, text_buffer *b,
                                   precis_error *err)
{
    puts_text(b, "{\"stories\":[");
    for (size_t i = 0; i < l->count; i++) {
        char *line = NULL;
        precis_status st = precis_story_to_json(&l->stories[i], &line, err);
        if (st != PRECIS_OK)
            return st;
        if (i)
            puts_text(b, ",");
        puts_text(b, line);
        precis_string_free(line);
    }
    puts_text(b, "]");
    if (l->warnings && l->warnings[0]) {
        json_t *w = json_array();
        const char *p = l->warnings;
        while (w && *p) {
            size_t n = strcspn(p, "\n");
            json_array_append_new(w, json_stringn(p, n));
            p += n + (p[n] == '\n');
        }
        char *text = w ? json_dumps(w, JSON_COMPACT) : NULL;
        json_decref(w);
        if (!text)
            return out_of_memory(err);
        puts_text(b, ",\"warnings\":");
        puts_text(b, text);
        free(text);
    }
    puts_text(b, "}");
    return b->failed ? out_of_memory(err) : PRECIS_OK;
}

static void run_cluster(const char *body, size_t len, response *r)
{
    stories_request q;
    request_error e;
    int rc = cluster_request_parse(body, len, &q, &e);
    if (rc) {
        parse_failed(r, rc, &e);
        stories_request_clear(&q);
        return;
    }
    precis_error err = {0};
    precis_model *model = NULL;
    precis_stories *s = NULL;
    precis_story_list *l = NULL;
    const request_articles *a = &q.articles;
    precis_status st = precis_model_new(&model, &err);
    if (st == PRECIS_OK)
        st = precis_stories_new(model, &q.stories, &s, &err);
    for (size_t i = 0; st == PRECIS_OK && i < a->count; i++)
        st = precis_stories_add(s, a->names[i], a->titles[i], a->texts[i], a->lens[i],
                                q.times[i], NULL, &err);
    if (st == PRECIS_OK)
        st = precis_stories_flush(s, 0, 1, &l, &err);
    text_buffer b = {0};
    if (st == PRECIS_OK)
        st = write_stories(l, &b, &err);
    if (st != PRECIS_OK) {
        library_failed(r, &err);
        free(b.data);
    } else {
        answer_json(r, b.data);
    }
    precis_story_list_free(l);
    precis_stories_free(s);
    precis_model_free(model);
    stories_request_clear(&q);
}

void route_run(precis_engine *engine, route_id route, const char *body, size_t len,
               response *r)
{
    memset(r, 0, sizeof *r);
    switch (route) {
    case ROUTE_SUMMARIZE:
        run_summarize(engine, body, len, r);
        break;
    case ROUTE_ROUGE:
        run_rouge(body, len, r);
        break;
    case ROUTE_DEDUP:
        run_dedup(body, len, r);
        break;
    case ROUTE_CLUSTER:
        run_cluster(body, len, r);
        break;
    default:
        response_error(r, 404, "no such route");
        break;
    }
}

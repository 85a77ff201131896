/*
 * eval_score.c: scores of evaluation items, their averages and their two
 * renderings (precis_eval.h, sections 3 and 4).
 *
 * ROUGE-1.5.5 averages its items in the order of its sorted "<eval
 * id>.<system id>" keys: the bootstrap draws items by position, so the
 * order is part of the figures.  Every caller's results therefore go
 * through one object that records them in any order (a batch emits in
 * input order, several threads may have scored them), sorts them once by
 * "<id>." (ties in the order added: a stable sort by hand, qsort is not),
 * refuses an id given twice, and hands them to precis_rouge_aggregate.
 * `precis rouge` and `precis eval` thus print the same figures for the same
 * summaries, whichever way they were read.
 *
 * Rendering writes ROUGE-1.5.5's table byte for byte (what the Perl script
 * prints with -d for the per-item lines), or one line of JSON with the same
 * figures under ROUGE's own labels ("ROUGE-1" ... "ROUGE-SU4", r/p/f) and
 * 5 decimals, into a growing buffer; strings are escaped for JSON, and bytes
 * that are not UTF-8 (file names) become U+FFFD.  The library never
 * prints: the caller writes the returned string.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "precis_eval.h"
#include "rouge.h"
#include "text.h"

typedef struct score_entry {
    char *id;
    char *key;    /* id + "." */
    char *source; /* where it came from, or NULL */
    long line;
    size_t order; /* when it was added: the tie-break */
    precis_rouge_result result;
} score_entry;

struct precis_eval_scores {
    score_entry *v;
    size_t count, cap;
    int averaged;
    precis_rouge_options options;
    precis_rouge_average average;
};

#define NOMEM(err, source) PRECIS_FAIL(err, PRECIS_E_NOMEM, source, 0, "out of memory")

precis_status precis_eval_score_texts(precis_rouge *rouge, const char *system,
                                      const char *const *references, size_t count,
                                      precis_rouge_result *out, precis_error *err)
{
    if (!rouge || !system || !out || (count && !references))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "no scorer, summary or result");
    precis_rouge_text *refs = calloc(count ? count : 1, sizeof *refs);
    if (!refs)
        return NOMEM(err, "rouge");
    for (size_t k = 0; k < count; k++) {
        refs[k].sentences = &references[k];
        refs[k].count = 1;
    }
    precis_status st = precis_rouge_score(rouge, &system, 1, refs, count, out, err);
    free(refs);
    return st;
}

/* ---- the scores --------------------------------------------------------- */

precis_status precis_eval_scores_new(precis_eval_scores **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the scores");
    *out = calloc(1, sizeof **out);
    return *out ? PRECIS_OK : NOMEM(err, "eval");
}

void precis_eval_scores_free(precis_eval_scores *scores)
{
    if (!scores)
        return;
    for (size_t i = 0; i < scores->count; i++) {
        free(scores->v[i].id);
        free(scores->v[i].key);
        free(scores->v[i].source);
    }
    free(scores->v);
    free(scores);
}

precis_status precis_eval_scores_add(precis_eval_scores *scores, const char *id,
                                     const precis_rouge_result *result, const char *source,
                                     long line, precis_error *err)
{
    if (!scores || !id || !result)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, source, line, "no scores, id or result");
    if (scores->count == scores->cap) {
        size_t cap = scores->cap ? scores->cap * 2 : 1024;
        score_entry *grown = realloc(scores->v, cap * sizeof *grown);
        if (!grown)
            return NOMEM(err, source);
        scores->v = grown;
        scores->cap = cap;
    }
    size_t n = strlen(id);
    score_entry e = {.id = strdup(id), .key = malloc(n + 2), .line = line,
                     .order = scores->count, .result = *result};
    if (source)
        e.source = strdup(source);
    if (!e.id || !e.key || (source && !e.source)) {
        free(e.id);
        free(e.key);
        free(e.source);
        return NOMEM(err, source);
    }
    memcpy(e.key, id, n);
    memcpy(e.key + n, ".", 2);
    scores->v[scores->count++] = e;
    scores->averaged = 0;
    return PRECIS_OK;
}

static int entry_before(const score_entry *a, const score_entry *b)
{
    int c = strcmp(a->key, b->key);
    return c < 0 || (c == 0 && a->order < b->order);
}

/* A stable merge sort by key, then order added (n log n, deterministic). */
static void sort_entries(score_entry *v, score_entry *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_entries(v, tmp, half);
    sort_entries(v + half, tmp, n - half);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = entry_before(&v[j], &v[i]) ? v[j++] : v[i++];
    while (i < half)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

precis_status precis_eval_scores_average(precis_eval_scores *scores,
                                         const precis_rouge_options *options, precis_error *err)
{
    if (!scores)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no scores");
    size_t n = scores->count;
    if (n == 0)
        return PRECIS_FAIL(err, PRECIS_E_EMPTY, "eval", 0, "no items to average");
    score_entry *tmp = malloc(n * sizeof *tmp);
    precis_rouge_result *results = malloc(n * sizeof *results);
    if (!tmp || !results) {
        free(tmp);
        free(results);
        return NOMEM(err, "eval");
    }
    sort_entries(scores->v, tmp, n);
    free(tmp);
    for (size_t i = 1; i < n; i++) {
        const score_entry *first = &scores->v[i - 1], *later = &scores->v[i];
        if (strcmp(first->key, later->key))
            continue;
        free(results);
        if (later->line > 0 && first->line > 0)
            return PRECIS_FAIL(err, PRECIS_E_FORMAT, later->source, later->line,
                               "duplicate id '%s' (first on line %ld)", later->id, first->line);
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, later->source, later->line,
                           "duplicate id '%s'", later->id);
    }
    for (size_t i = 0; i < n; i++)
        results[i] = scores->v[i].result;
    precis_status st = rouge_options_from_caller(options, &scores->options, err);
    if (st != PRECIS_OK) {
        free(results);
        return st;
    }
    st = precis_rouge_aggregate(results, n, &scores->options, &scores->average, err);
    free(results);
    scores->averaged = st == PRECIS_OK;
    return st;
}

precis_status precis_eval_items_score(const precis_eval_items *items,
                                      const precis_rouge_options *options,
                                      precis_eval_scores **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the scores");
    *out = NULL;
    size_t n = precis_eval_items_count(items);
    if (n == 0)
        return PRECIS_FAIL(err, PRECIS_E_EMPTY, "eval", 0, "no summaries to score");
    for (size_t i = 0; i < n; i++) {
        const char *id = precis_eval_items_id(items, i);
        if (!precis_eval_items_system(items, i))
            return PRECIS_FAIL(err, PRECIS_E_MISMATCH, id, 0, "item '%s' has no system summary",
                               id);
        if (precis_eval_items_reference_count(items, i) == 0)
            return PRECIS_FAIL(err, PRECIS_E_MISMATCH, id, 0, "item '%s' has no reference", id);
    }
    precis_rouge *rouge = NULL;
    precis_status st = precis_rouge_new(options, &rouge, err);
    if (st != PRECIS_OK)
        return st;
    precis_eval_scores *scores = NULL;
    st = precis_eval_scores_new(&scores, err);
    for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
        precis_rouge_result r;
        const char *id = precis_eval_items_id(items, i);
        st = precis_eval_score_texts(rouge, precis_eval_items_system(items, i),
                                     precis_eval_items_references(items, i),
                                     precis_eval_items_reference_count(items, i), &r, err);
        if (st == PRECIS_OK)
            st = precis_eval_scores_add(scores, id, &r, id, 0, err);
    }
    if (st == PRECIS_OK)
        st = precis_eval_scores_average(scores, options, err);
    precis_rouge_free(rouge);
    if (st != PRECIS_OK) {
        precis_eval_scores_free(scores);
        return st;
    }
    *out = scores;
    return PRECIS_OK;
}

size_t precis_eval_scores_count(const precis_eval_scores *scores)
{
    return scores ? scores->count : 0;
}

const char *precis_eval_scores_id(const precis_eval_scores *scores, size_t index)
{
    return scores && index < scores->count ? scores->v[index].id : NULL;
}

const precis_rouge_result *precis_eval_scores_result(const precis_eval_scores *scores,
                                                     size_t index)
{
    return scores && index < scores->count ? &scores->v[index].result : NULL;
}

const precis_rouge_average *precis_eval_scores_averages(const precis_eval_scores *scores)
{
    return scores && scores->averaged ? &scores->average : NULL;
}

/* ---- rendering ---------------------------------------------------------- */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    int failed;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->p, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->p = grown;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* s as a JSON string: quotes, backslashes and control characters escaped,
 * invalid UTF-8 replaced by U+FFFD. */
static void sb_json_string(sbuf *b, const char *s)
{
    sb_add(b, "\"", 1);
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t size;
        int32_t c = text_decode(s + i, len - i, &size);
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            sb_add(b, esc, 2);
        } else if (c < 0x20) {
            sb_printf(b, "\\u%04x", (unsigned)c);
        } else if (c == TEXT_REPLACEMENT && size == 1) {
            sb_add(b, "\xEF\xBF\xBD", 3); /* an invalid byte */
        } else {
            sb_add(b, s + i, size);
        }
        i += size;
    }
    sb_add(b, "\"", 1);
}

static precis_status finish(sbuf *b, char **out, precis_error *err)
{
    if (b->failed || !b->p) {
        free(b->p);
        return NOMEM(err, "eval");
    }
    *out = b->p;
    return PRECIS_OK;
}

static const char rule_line[] = "---------------------------------------------\n";
static const char dots_line[] = ".............................................\n";

precis_status precis_eval_render_text(const precis_eval_scores *scores, unsigned flags,
                                      char **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the table");
    *out = NULL;
    const precis_rouge_average *avg = precis_eval_scores_averages(scores);
    if (!avg)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "the scores are not averaged yet");
    sbuf b = {0};
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        const char *name = precis_rouge_metric_name((precis_rouge_metric)m);
        const precis_rouge_metric_average *a = &avg->metric[m];
        const precis_rouge_interval *iv[3] = {&a->r, &a->p, &a->f};
        sb_add(&b, rule_line, sizeof rule_line - 1);
        for (int k = 0; k < 3; k++)
            sb_printf(&b, "%s Average_%c: %.5f (%d%%-conf.int. %.5f - %.5f)\n", name, "RPF"[k],
                      iv[k]->average, scores->options.confidence, iv[k]->low, iv[k]->high);
        if (!(flags & PRECIS_EVAL_RENDER_PER_ITEM))
            continue;
        sb_add(&b, dots_line, sizeof dots_line - 1);
        for (size_t i = 0; i < scores->count; i++) {
            const precis_rouge_metric_score *s = &scores->v[i].result.metric[m];
            sb_printf(&b, "%s Eval ", name);
            sb_add(&b, scores->v[i].id, strlen(scores->v[i].id));
            sb_printf(&b, " R:%.5f P:%.5f F:%.5f\n", s->r, s->p, s->f);
        }
    }
    return finish(&b, out, err);
}

static void sb_interval(sbuf *b, const char *name, const precis_rouge_interval *iv, int comma)
{
    sb_printf(b, "%s\"%s\":{\"average\":%.5f,\"low\":%.5f,\"high\":%.5f,\"mean\":%.5f}",
              comma ? "," : "", name, iv->average, iv->low, iv->high, iv->mean);
}

precis_status precis_eval_render_json(const precis_eval_scores *scores,
                                      const char *const *context, size_t ncontext,
                                      unsigned flags, char **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the JSON");
    *out = NULL;
    const precis_rouge_average *avg = precis_eval_scores_averages(scores);
    if (!avg)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "the scores are not averaged yet");
    if (ncontext && !context)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no context strings");
    for (size_t k = 0; k < 2 * ncontext; k++)
        if (!context[k])
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "context string %zu is NULL",
                               k + 1);
    char flagbuf[256];
    size_t need = precis_rouge_options_format(&scores->options, flagbuf, sizeof flagbuf);
    char *flagstr = need < sizeof flagbuf ? flagbuf : malloc(need + 1);
    if (!flagstr)
        return NOMEM(err, "eval");
    if (flagstr != flagbuf)
        precis_rouge_options_format(&scores->options, flagstr, need + 1);
    sbuf b = {0};
    sb_add(&b, "{", 1);
    for (size_t k = 0; k < ncontext; k++) {
        sb_json_string(&b, context[2 * k]);
        sb_add(&b, ":", 1);
        sb_json_string(&b, context[2 * k + 1]);
        sb_add(&b, ",", 1);
    }
    sb_printf(&b, "\"items\":%zu,\"flags\":", avg->count);
    sb_json_string(&b, flagstr);
    sb_printf(&b, ",\"confidence\":%d", scores->options.confidence);
    if (flagstr != flagbuf)
        free(flagstr);
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        const precis_rouge_metric_average *a = &avg->metric[m];
        sb_printf(&b, ",\"%s\":{", precis_rouge_metric_name((precis_rouge_metric)m));
        sb_interval(&b, "r", &a->r, 0);
        sb_interval(&b, "p", &a->p, 1);
        sb_interval(&b, "f", &a->f, 1);
        sb_add(&b, "}", 1);
    }
    if (flags & PRECIS_EVAL_RENDER_PER_ITEM) {
        sb_add(&b, ",\"per_item\":[", 13);
        for (size_t i = 0; i < scores->count; i++) {
            sb_add(&b, i ? ",{\"id\":" : "{\"id\":", i ? 7 : 6);
            sb_json_string(&b, scores->v[i].id);
            for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
                const precis_rouge_metric_score *s = &scores->v[i].result.metric[m];
                sb_printf(&b,
                          ",\"%s\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f,\"hits\":%ld,"
                          "\"ref_count\":%ld,\"sys_count\":%ld}",
                          precis_rouge_metric_name((precis_rouge_metric)m), s->r, s->p, s->f,
                          s->hits, s->ref_count, s->sys_count);
            }
            sb_add(&b, "}", 1);
        }
        sb_add(&b, "]", 1);
    }
    sb_add(&b, "}", 1);
    return finish(&b, out, err);
}

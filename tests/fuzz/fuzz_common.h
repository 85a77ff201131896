/*
 * fuzz_common.h: helpers shared by the libFuzzer targets of tests/fuzz/.
 *
 * Every target runs the public API the way a caller may legally use it, so
 * that anything the sanitizers or these checks report is a library defect:
 *   - articles are copied into EXACT-size malloc'd buffers with no trailing
 *     NUL (precis.h: "text need not be NUL-terminated"), so ASan sees any
 *     read past an article's end;
 *   - the model is created once per process and shared, as precis.h allows;
 *   - a result is checked against what precis.h promises (offsets inside the
 *     article, a warning when the summary is empty, a word budget that holds,
 *     JSON that parses) and FUZZ_CHECK aborts on a broken promise, which
 *     libFuzzer reports as a crash with the input saved.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"
#include "precis_eval.h"
#include "precis_io.h"
#include "precis_train.h"

#define FUZZ_CHECK(cond, ...)                                                   \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s: ", __FILE__,       \
                    __LINE__, #cond);                                           \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* The shared read-only model, created on first use and kept for the life of
 * the process (still reachable, so not a leak). */
static inline const precis_model *fuzz_model(void)
{
    static precis_model *model;
    if (!model) {
        precis_error err;
        FUZZ_CHECK(precis_model_new(&model, &err) == PRECIS_OK && model != NULL,
                   "precis_model_new: %s", err.message);
    }
    return model;
}

/* Up to `max` articles: data split on the byte `sep`, each piece copied into
 * a buffer of exactly its length (malloc(1) for an empty piece, len 0).  The
 * last piece takes the rest when there are more separators than `max`. */
static inline size_t fuzz_split_articles(const uint8_t *data, size_t size, uint8_t sep,
                                         precis_article *out, size_t max)
{
    static const char *const names[] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
                                        "a8", "a9", "a10", "a11", "a12", "a13", "a14", "a15"};
    size_t count = 0, start = 0;
    while (count < max) {
        const uint8_t *hit = count + 1 < max && start < size
                                 ? memchr(data + start, sep, size - start) : NULL;
        size_t end = hit ? (size_t)(hit - data) : size;
        size_t len = end - start;
        char *text = malloc(len ? len : 1);
        FUZZ_CHECK(text != NULL, "out of memory");
        if (len)
            memcpy(text, data + start, len);
        out[count].name = names[count % (sizeof names / sizeof names[0])];
        out[count].text = text;
        out[count].len = len;
        count++;
        if (!hit)
            break;
        start = end + 1;
    }
    return count;
}

static inline void fuzz_free_articles(precis_article *a, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free((char *)a[i].text);
}

/* What precis.h promises about a summary of `articles` (`oracle`: made by
 * precis_summarize_oracle, which may pick nothing without a warning when no
 * sentence shares a word with the references). */
static inline void fuzz_check_summary(const precis_summary *sum, const precis_options *o,
                                      const precis_article *articles, size_t count, int oracle)
{
    FUZZ_CHECK(sum != NULL, "PRECIS_OK without a summary");
    FUZZ_CHECK(sum->warnings != NULL, "summary->warnings is NULL");
    FUZZ_CHECK(sum->count == 0 || sum->picks != NULL, "%zu picks, picks NULL", sum->count);
    FUZZ_CHECK(oracle || sum->count > 0 || sum->warnings[0] != '\0',
               "an empty summary without a warning (%zu sentences seen)", sum->sentences_seen);
    FUZZ_CHECK(sum->count <= sum->sentences_seen, "%zu picks of %zu sentences", sum->count,
               sum->sentences_seen);
    if (o->budget_unit == PRECIS_BUDGET_WORDS)
        FUZZ_CHECK(sum->words <= o->budget, "%zu words over a budget of %zu", sum->words,
                   o->budget);
    if (o->budget_unit == PRECIS_BUDGET_SENTENCES)
        FUZZ_CHECK(sum->count <= o->budget, "%zu sentences over a budget of %zu", sum->count,
                   o->budget);
    for (size_t i = 0; i < sum->count; i++) {
        const precis_pick *p = &sum->picks[i];
        FUZZ_CHECK(p->article < count, "pick %zu: article %zu of %zu", i, p->article, count);
        FUZZ_CHECK(p->start <= p->end && p->end <= articles[p->article].len,
                   "pick %zu: bytes [%zu, %zu) of an article of %zu", i, p->start, p->end,
                   articles[p->article].len);
        FUZZ_CHECK(p->text != NULL, "pick %zu: no text", i);
        if (i > 0) {
            const precis_pick *q = &sum->picks[i - 1];
            FUZZ_CHECK(q->article != p->article || q->sentence != p->sentence,
                       "sentence %zu of article %zu picked twice", p->sentence, p->article);
        }
    }
}

/* Both renderings; the JSON must parse and agree with the summary. */
static inline char *fuzz_check_outputs(const precis_summary *sum, const precis_cluster *cluster,
                                       const char *id)
{
    precis_error err;
    char *text = NULL;
    FUZZ_CHECK(precis_summary_to_text(sum, &text, &err) == PRECIS_OK && text != NULL,
               "precis_summary_to_text: %s", err.message);
    precis_string_free(text);
    char *json = NULL;
    FUZZ_CHECK(precis_summary_to_json(sum, cluster, id, &json, &err) == PRECIS_OK && json != NULL,
               "precis_summary_to_json failed (not out of memory): %s", err.message);
    json_error_t jerr;
    json_t *root = json_loads(json, 0, &jerr);
    FUZZ_CHECK(root != NULL, "precis_summary_to_json wrote invalid JSON: %s: %.200s",
               jerr.text, json);
    json_t *sents = json_object_get(root, "sentences");
    FUZZ_CHECK(json_is_array(sents) && json_array_size(sents) == sum->count,
               "JSON \"sentences\" does not hold the %zu picks", sum->count);
    json_decref(root);
    return json;
}

#endif /* FUZZ_COMMON_H */

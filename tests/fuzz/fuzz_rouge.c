/*
 * fuzz_rouge.c: the ROUGE-1.5.5 scorer's inputs: a flag string through
 * precis_rouge_options_parse and precis_rouge_options_format, and system and
 * reference summaries through precis_rouge_score and precis_rouge_aggregate.
 *
 * Why: `precis rouge` and `precis eval --rouge "..."` hand user flag strings
 * to the parser (Getopt-style bundles such as "-ms", "-l230", values in the
 * next word), and score whatever summaries and references the user's files
 * hold: empty texts, sentences without any token (issue #11, defect 2),
 * non-ASCII bytes, "\n" inside a sentence, -l/-b cuts in the middle of it.
 * Checked: a formatted flag string parses back to the same options, format
 * has snprintf semantics, scores are finite and within [0, 1], intervals are
 * ordered.
 *
 * Input layout: the flag string up to the first '\n' (the defaults when it
 * does not parse); then texts separated by form feeds ('\f'), the first the
 * system summary and the others references (one empty reference when there is
 * none), each a list of sentences separated by '|'.  Bootstrap resamples are
 * capped at 50 to keep executions fast.
 */
#include <math.h>

#include "fuzz_common.h"

#define MAX_TEXTS 8
#define MAX_SENTENCES 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct text {
    char *sentences[MAX_SENTENCES];
    size_t count;
} text;

/* Sentences of data[0, size) split on '|', NUL-terminated copies. */
static void split_text(const uint8_t *data, size_t size, text *t)
{
    t->count = 0;
    size_t start = 0;
    while (start < size && t->count < MAX_SENTENCES) {
        const uint8_t *bar = t->count + 1 < MAX_SENTENCES
                                 ? memchr(data + start, '|', size - start) : NULL;
        size_t end = bar ? (size_t)(bar - data) : size;
        char *s = malloc(end - start + 1);
        FUZZ_CHECK(s != NULL, "out of memory");
        memcpy(s, data + start, end - start);
        s[end - start] = '\0';
        t->sentences[t->count++] = s;
        start = end + 1;
    }
}

static void check_score(const precis_rouge_result *r)
{
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        const precis_rouge_metric_score *s = &r->metric[m];
        FUZZ_CHECK(s->r >= 0 && s->r <= 1 && s->p >= 0 && s->p <= 1 && s->f >= 0 && s->f <= 1,
                   "%s: R %g P %g F %g", precis_rouge_metric_name((precis_rouge_metric)m),
                   s->r, s->p, s->f);
        FUZZ_CHECK(s->hits >= 0 && s->ref_count >= 0 && s->sys_count >= 0,
                   "%s: hits %ld, counts %ld %ld",
                   precis_rouge_metric_name((precis_rouge_metric)m), s->hits, s->ref_count,
                   s->sys_count);
    }
}

/* Bounds are read from the sorted resample means by ROUGE-1.5.5's own
 * interpolation, reproduced exactly: with one resample it extrapolates
 * (-r 1 gives [1.025, 1.025] for items all at 1), and when resamples *
 * confidence < 200 the lower bound may exceed the upper one.  Only what holds
 * outside those corners is checked. */
static void check_interval(const precis_rouge_interval *i, const precis_rouge_options *o,
                           const char *what)
{
    FUZZ_CHECK(isfinite(i->average) && isfinite(i->low) && isfinite(i->high) &&
                   isfinite(i->mean),
               "%s: average %g [%g, %g] mean %g", what, i->average, i->low, i->high, i->mean);
    FUZZ_CHECK(i->average >= 0 && i->average <= 1 && i->mean >= 0 && i->mean <= 1,
               "%s: average %g, mean %g", what, i->average, i->mean);
    if (o->resamples >= 2)
        FUZZ_CHECK(i->low >= 0 && i->high <= 1, "%s: interval [%g, %g] with -r %d", what,
                   i->low, i->high, o->resamples);
    if (o->resamples >= 2 && (long)o->resamples * o->confidence >= 200)
        FUZZ_CHECK(i->low <= i->high, "%s: interval [%g, %g] with -r %d -c %d", what, i->low,
                   i->high, o->resamples, o->confidence);
}

static void options_round_trip(const precis_rouge_options *o, size_t cut)
{
    char buf[512], small[512];
    size_t len = precis_rouge_options_format(o, buf, sizeof buf);
    FUZZ_CHECK(len > 0 && len < sizeof buf && strlen(buf) == len,
               "format returned %zu for \"%s\"", len, buf);
    cut %= len + 1;
    memset(small, 'x', sizeof small);
    size_t len2 = precis_rouge_options_format(o, small, cut);
    FUZZ_CHECK(len2 == len, "format into %zu bytes returned %zu, not %zu", cut, len2, len);
    if (cut > 0)
        FUZZ_CHECK(strlen(small) == cut - 1 && !memcmp(small, buf, cut - 1),
                   "format into %zu bytes wrote \"%s\", not a prefix of \"%s\"", cut, small,
                   buf);
    FUZZ_CHECK(small[cut] == 'x', "format into %zu bytes wrote past them", cut);
    precis_rouge_options back;
    precis_rouge_options_init(&back);
    precis_error err;
    precis_status st = precis_rouge_options_parse(buf, &back, &err);
    FUZZ_CHECK(st == PRECIS_OK, "formatted flags \"%s\" do not parse: %s", buf, err.message);
    FUZZ_CHECK(back.stem == o->stem && back.remove_stopwords == o->remove_stopwords &&
                   back.word_limit == o->word_limit && back.byte_limit == o->byte_limit &&
                   back.max_skip == o->max_skip && back.best_reference == o->best_reference &&
                   back.confidence == o->confidence && back.resamples == o->resamples &&
                   fabs(back.alpha - o->alpha) <= 1e-5,
               "\"%s\" parses back to other options", buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t flen = nl ? (size_t)(nl - data) : size;
    char *flags = malloc(flen + 1);
    FUZZ_CHECK(flags != NULL, "out of memory");
    memcpy(flags, data, flen);
    flags[flen] = '\0';

    precis_rouge_options o;
    precis_rouge_options_init(&o);
    precis_rouge_options parsed;
    precis_rouge_options_init(&parsed);
    memset((char *)&parsed + sizeof parsed.size, 0xA5, sizeof parsed - sizeof parsed.size);
    precis_rouge_options untouched = parsed;
    precis_error err;
    precis_status st = precis_rouge_options_parse(flags, &parsed, &err);
    if (st == PRECIS_OK) {
        o = parsed;
    } else {
        FUZZ_CHECK(st == PRECIS_E_ARGUMENT, "parse: status %d", (int)st);
        FUZZ_CHECK(!memcmp(&parsed, &untouched, sizeof parsed),
                   "a failed parse changed *out (\"%s\")", flags);
    }
    free(flags);
    options_round_trip(&o, size);

    precis_rouge *rouge = NULL;
    FUZZ_CHECK(precis_rouge_new(&o, &rouge, &err) == PRECIS_OK && rouge != NULL,
               "precis_rouge_new on parsed options: %s", err.message);

    text texts[MAX_TEXTS];
    size_t ntexts = 0;
    if (nl) {
        size_t start = flen + 1;
        while (ntexts < MAX_TEXTS) {
            const uint8_t *ff = ntexts + 1 < MAX_TEXTS && start < size
                                    ? memchr(data + start, '\f', size - start) : NULL;
            size_t end = ff ? (size_t)(ff - data) : size;
            split_text(data + start, end - start, &texts[ntexts++]);
            if (!ff)
                break;
            start = end + 1;
        }
    }
    while (ntexts < 2)
        texts[ntexts++].count = 0; /* no system sentence, an empty reference */

    /* item k: text k as the system against every other text as a reference */
    precis_rouge_result items[MAX_TEXTS];
    precis_rouge_text refs[MAX_TEXTS];
    size_t nitems = 0;
    for (size_t k = 0; k < ntexts; k++) {
        size_t nrefs = 0;
        for (size_t j = 0; j < ntexts; j++)
            if (j != k)
                refs[nrefs++] = (precis_rouge_text){
                    (const char *const *)texts[j].sentences, texts[j].count};
        st = precis_rouge_score(rouge, (const char *const *)texts[k].sentences, texts[k].count,
                                refs, nrefs, &items[nitems], &err);
        FUZZ_CHECK(st == PRECIS_OK, "precis_rouge_score: %s", err.message);
        check_score(&items[nitems]);
        nitems++;
    }

    precis_rouge_options agg = o;
    if (agg.resamples > 50)
        agg.resamples = 50;
    precis_rouge_average avg;
    st = precis_rouge_aggregate(items, nitems, &agg, &avg, &err);
    FUZZ_CHECK(st == PRECIS_OK, "precis_rouge_aggregate: %s", err.message);
    FUZZ_CHECK(avg.count == nitems, "aggregate of %zu items says %zu", nitems, avg.count);
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        check_interval(&avg.metric[m].r, &agg, "recall");
        check_interval(&avg.metric[m].p, &agg, "precision");
        check_interval(&avg.metric[m].f, &agg, "F");
    }

    for (size_t k = 0; k < ntexts; k++)
        for (size_t i = 0; i < texts[k].count; i++)
            free(texts[k].sentences[i]);
    precis_rouge_free(rouge);
    return 0;
}

/*
 * fuzz_json_line.c: one line of a JSONL batch through
 * precis_cluster_parse_json, then what the batch commands do with the
 * cluster: precis_summarize (small budget) and precis_summary_to_json, and,
 * when the line has reference summaries ("summary"/"summaries", as `precis
 * eval` and `precis train` read them), the ROUGE oracle and the training rows.
 *
 * Why: JSON lines are the batch input of news pipelines, written by other
 * programs and crawlers: both schemas (multi_news "document" joined with
 * "|||||" and "NEWLINE_CHAR", or a "documents" array), any "id", references
 * as strings or lists, NUL bytes inside strings (JSON_ALLOW_NUL), deep
 * nesting.  The parsed cluster promises that "NEWLINE_CHAR" keeps offsets
 * (each article's length is that of its JSON string piece), checked here.
 *
 * Input layout: the line itself (without its newline).
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static precis_summarizer *summarizer(precis_options *o)
{
    static precis_summarizer *s;
    static precis_options opts;
    if (!s) {
        precis_error err;
        precis_options_init(&opts);
        opts.budget = 50;
        FUZZ_CHECK(precis_summarizer_new(fuzz_model(), &opts, &s, &err) == PRECIS_OK && s != NULL,
                   "precis_summarizer_new: %s", err.message);
    }
    *o = opts;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_error err;
    precis_cluster *c = (precis_cluster *)1;
    precis_status st = precis_cluster_parse_json((const char *)data, size, "fuzz.jsonl", 1, &c,
                                                 &err);
    if (st != PRECIS_OK) {
        FUZZ_CHECK(c == NULL, "a failed parse left *out set");
        FUZZ_CHECK(st == PRECIS_E_FORMAT, "unexpected status %d: %s", (int)st, err.message);
        FUZZ_CHECK(err.message[0] != '\0', "a failed parse without a message");
        return 0;
    }
    FUZZ_CHECK(c != NULL && c->count >= 1, "a parsed cluster without articles");
    for (size_t i = 0; i < c->count; i++)
        FUZZ_CHECK(c->articles[i].text != NULL && c->articles[i].name != NULL,
                   "article %zu: no text or name", i);
    for (size_t i = 0; i < c->nreferences; i++)
        FUZZ_CHECK(c->references[i] != NULL, "reference %zu is NULL", i);

    precis_options o;
    precis_summarizer *s = summarizer(&o);
    precis_summary *sum = NULL;
    st = precis_summarize(s, c->articles, c->count, c->markup, &sum, &err);
    if (st == PRECIS_OK) {
        fuzz_check_summary(sum, &o, c->articles, c->count, 0);
        precis_string_free(fuzz_check_outputs(sum, c, c->id));
        precis_summary_free(sum);
    } else {
        FUZZ_CHECK(st == PRECIS_E_EMPTY || st == PRECIS_E_BINARY,
                   "unexpected status %d: %s", (int)st, err.message);
    }
    if (st == PRECIS_OK && c->nreferences > 0) {
        const char *const *refs = (const char *const *)c->references;
        precis_summary *oracle = NULL;
        st = precis_summarize_oracle(s, c->articles, c->count, c->markup, refs, c->nreferences,
                                     1, (int)(size & 1), &oracle, &err);
        FUZZ_CHECK(st == PRECIS_OK, "oracle failed where summarize did not: %s", err.message);
        fuzz_check_summary(oracle, &o, c->articles, c->count, 1);
        precis_string_free(fuzz_check_outputs(oracle, c, c->id));
        precis_summary_free(oracle);

        precis_rows *rows = NULL;
        st = precis_training_rows(s, c->articles, c->count, c->markup, refs, c->nreferences, 1,
                                  &rows, &err);
        FUZZ_CHECK(st == PRECIS_OK, "training rows failed where summarize did not: %s",
                   err.message);
        FUZZ_CHECK(rows->features == precis_feature_count(), "%zu features, not %zu",
                   rows->features, precis_feature_count());
        precis_rows_free(rows);
        rows = NULL;
        st = precis_training_word_rows(s, c->articles, c->count, c->markup, refs,
                                       c->nreferences, &rows, &err);
        FUZZ_CHECK(st == PRECIS_OK, "word rows failed where summarize did not: %s",
                   err.message);
        precis_rows_free(rows);
    }
    precis_cluster_free(c);
    return 0;
}

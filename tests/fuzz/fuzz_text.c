/*
 * fuzz_text.c: plain text through clean-up, segmentation, tokenization,
 * scoring, selection and output (precis_summarize with PRECIS_MARKUP_PLAIN,
 * precis_summary_to_json, precis_summary_to_text).
 *
 * Why: this is the path every article takes, and precis.h lets a caller pass
 * text that is neither NUL-terminated nor valid UTF-8.  Each article is
 * copied into an exact-size buffer with no trailing NUL, so a read one byte
 * past an article (issue #11, defect 1) is an ASan report, not a silent read
 * of the caller's next byte.
 *
 * Input layout (short inputs are ignored):
 *   byte 0   method: byte % 9 over every precis_method, ilp included
 *   byte 1   budget: bits 0-1 unit (0, 3 words; 1 bytes; 2 sentences),
 *            bit 2 --truncate, bits 3-7 the size; ILP budgets stay small
 *            (at most 40 words, 300 bytes, 3 sentences) as issue #11's
 *            defect 3 is ILP time on large budgets
 *   byte 2   bit 0 keep datelines, bits 1-3 redundancy (0..1), bit 7: summarize
 *            a second time with the same summarizer and require the same JSON
 *   rest     articles separated by form feeds ('\f'), at most 16
 */
#include "fuzz_common.h"

#define MAX_ARTICLES 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    precis_options o;
    precis_options_init(&o);
    o.method = (precis_method)(data[0] % 9);
    unsigned unit = data[1] & 3, step = data[1] >> 3;
    o.truncate = (data[1] >> 2) & 1;
    if (unit == 1) {
        o.budget_unit = PRECIS_BUDGET_BYTES;
        o.budget = 1 + (size_t)step * 40;
    } else if (unit == 2) {
        o.budget_unit = PRECIS_BUDGET_SENTENCES;
        o.budget = 1 + step % 10;
    } else {
        o.budget_unit = PRECIS_BUDGET_WORDS;
        o.budget = 1 + (size_t)step * 8;
    }
    if (o.method == PRECIS_METHOD_ILP) {
        size_t cap = o.budget_unit == PRECIS_BUDGET_WORDS   ? 40
                     : o.budget_unit == PRECIS_BUDGET_BYTES ? 300 : 3;
        if (o.budget > cap)
            o.budget = cap;
    }
    o.drop_datelines = !(data[2] & 1);
    o.redundancy = ((data[2] >> 1) & 7) / 7.0;
    int twice = data[2] >> 7;
    o.seed = size;

    precis_article articles[MAX_ARTICLES];
    size_t count = fuzz_split_articles(data + 3, size - 3, '\f', articles, MAX_ARTICLES);

    precis_error err;
    precis_summarizer *s = NULL;
    FUZZ_CHECK(precis_summarizer_new(fuzz_model(), &o, &s, &err) == PRECIS_OK && s != NULL,
               "precis_summarizer_new: %s", err.message);
    precis_summary *sum = NULL;
    precis_status st = precis_summarize(s, articles, count, PRECIS_MARKUP_PLAIN, &sum, &err);
    if (st == PRECIS_OK) {
        fuzz_check_summary(sum, &o, articles, count, 0);
        precis_cluster cluster = {.articles = articles, .count = count};
        char *json = fuzz_check_outputs(sum, &cluster, "fuzz");
        if (twice) {
            precis_summary *again = NULL;
            st = precis_summarize(s, articles, count, PRECIS_MARKUP_PLAIN, &again, &err);
            FUZZ_CHECK(st == PRECIS_OK, "second call failed: %s", err.message);
            char *json2 = fuzz_check_outputs(again, &cluster, "fuzz");
            FUZZ_CHECK(!strcmp(json, json2), "a reused summarizer changed its output:\n%s\n%s",
                       json, json2);
            precis_string_free(json2);
            precis_summary_free(again);
        }
        precis_string_free(json);
        precis_summary_free(sum);
    } else {
        FUZZ_CHECK(sum == NULL, "a failed call left a summary");
        FUZZ_CHECK(st == PRECIS_E_EMPTY || st == PRECIS_E_BINARY,
                   "unexpected status %d: %s", (int)st, err.message);
    }
    precis_summarizer_free(s);
    fuzz_free_articles(articles, count);
    return 0;
}

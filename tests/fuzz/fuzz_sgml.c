/*
 * fuzz_sgml.c: DUC/TAC SGML articles (<DOC> ... <TEXT> ... </TEXT></DOC>)
 * through precis_summarize with PRECIS_MARKUP_SGML, then both renderings.
 *
 * Why: a DUC root is read file by file as SGML, and the clean-up step finds
 * the <TEXT> regions, drops the other markup and joins hard-wrapped lines
 * before segmentation: offset arithmetic over tags that may be cut short,
 * nested, unclosed or in odd case.  Articles are copied into exact-size
 * buffers with no trailing NUL so any scan past a tag at the very end of an
 * article is an ASan report.
 *
 * Input layout: articles separated by form feeds ('\f'), at most 4, each an
 * SGML file as a DUC cluster folder holds them.  Budget: 60 words, the
 * default method.
 */
#include "fuzz_common.h"

#define MAX_ARTICLES 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static precis_summarizer *s;
    static precis_options o;
    precis_error err;
    if (!s) {
        precis_options_init(&o);
        o.budget = 60;
        FUZZ_CHECK(precis_summarizer_new(fuzz_model(), &o, &s, &err) == PRECIS_OK && s != NULL,
                   "precis_summarizer_new: %s", err.message);
    }
    precis_article articles[MAX_ARTICLES];
    size_t count = fuzz_split_articles(data, size, '\f', articles, MAX_ARTICLES);
    precis_summary *sum = NULL;
    precis_status st = precis_summarize(s, articles, count, PRECIS_MARKUP_SGML, &sum, &err);
    if (st == PRECIS_OK) {
        fuzz_check_summary(sum, &o, articles, count, 0);
        precis_cluster cluster = {.articles = articles, .count = count,
                                  .markup = PRECIS_MARKUP_SGML};
        precis_string_free(fuzz_check_outputs(sum, &cluster, "D30001"));
        precis_summary_free(sum);
    } else {
        FUZZ_CHECK(sum == NULL, "a failed call left a summary");
        FUZZ_CHECK(st == PRECIS_E_EMPTY || st == PRECIS_E_BINARY,
                   "unexpected status %d: %s", (int)st, err.message);
    }
    fuzz_free_articles(articles, count);
    return 0;
}

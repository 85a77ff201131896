/*
 * test_limits.c: the library stays inside its bounds whatever the input.
 *
 * Each test is a defect a hostile probe found (issue #11): an exact-size
 * buffer read past its end, an offset applied to a NULL array, a search or
 * an allocation that grew with the input, a cap applied without a word.
 * Inputs are built here; the sanitizer build turns an over-read into a
 * failure, and the assertions check that every cap reached is named in the
 * summary's warnings.
 */
#include <math.h>

#include "test_util.h"

typedef struct fixture {
    precis_model *model;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_int_equal(precis_model_new(&f->model, NULL), PRECIS_OK);
    assert_non_null(f->model);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    precis_model_free(f->model);
    free(f);
    return 0;
}

/* Summarizes `count` articles with `options`; returns the summary. */
static precis_summary *summarize(const fixture *f, const precis_options *options,
                                 const precis_article *articles, size_t count)
{
    precis_error err;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(f->model, options, &s, &err), PRECIS_OK);
    assert_non_null(s);
    precis_summary *sum = NULL;
    precis_status st = precis_summarize(s, articles, count, PRECIS_MARKUP_PLAIN, &sum, &err);
    if (st != PRECIS_OK)
        fail_msg("precis_summarize: %s", err.message);
    precis_summarizer_free(s);
    return sum;
}

/* A copy of text in a buffer of exactly its length: no NUL after it. */
static char *exact_copy(const char *text, size_t len)
{
    char *buf = malloc(len);
    memcpy(buf, text, len);
    return buf;
}

/* Defect 1: "ab" + U+2019 (5 bytes) as an exact-size buffer; the tokenizer
 * decoded the byte after the apostrophe. */
static void test_word_then_multibyte_mark_at_the_end(void **state)
{
    static const char *const texts[] = {
        "ab\xE2\x80\x99",
        "Syrian troops shelled the towns held by the rebels\xE2\x80\x99",
        "The army said it had taken the villages held by the rebels\xE2\x80\x9D",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t len = strlen(texts[i]);
        char *buf = exact_copy(texts[i], len);
        precis_article art = {"exact", buf, len};
        precis_options o;
        precis_options_init(&o);
        precis_summary *sum = summarize(*state, &o, &art, 1);
        precis_summary_free(sum);
        free(buf);
    }
}

/* Defect 2: no text has a token (only punctuation): scores are 0. */
static void test_rouge_without_any_token(void **state)
{
    (void)state;
    precis_error err;
    precis_rouge *r = NULL;
    assert_int_equal(precis_rouge_new(NULL, &r, &err), PRECIS_OK);
    assert_non_null(r);
    const char *sys[] = {"... !!!"};
    const char *ref_sents[] = {"--- ???"};
    precis_rouge_text ref = {ref_sents, 1};
    precis_rouge_result out;
    assert_int_equal(precis_rouge_score(r, sys, 1, &ref, 1, &out, &err), PRECIS_OK);
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        assert_true(out.metric[m].r == 0.0);
        assert_true(out.metric[m].f == 0.0);
    }
    assert_int_equal(precis_rouge_score(r, NULL, 0, &ref, 1, &out, &err), PRECIS_OK);
    precis_rouge_free(r);
}

/* The bundled wire story (tests run from the project's root). */
static char *read_example(size_t *len)
{
    char *text = test_read_file("examples/daraa/000_424f73fbbff911b5.txt", len);
    assert_non_null(text);
    return text;
}

static int has_warning(const precis_summary *sum, const char *needle)
{
    return sum->warnings && strstr(sum->warnings, needle) != NULL;
}

/* Defect 3: three copies of one wire story and a 700-word budget kept GLPK
 * busy for minutes.  The search now stops at its node limit with the best
 * solution found, says so, and still never picks a sentence twice. */
static void test_ilp_stops_at_its_limit(void **state)
{
    size_t len;
    char *text = read_example(&len);
    precis_article arts[3] = {{"a", text, len}, {"b", text, len}, {"c", text, len}};
    precis_options o;
    precis_options_init(&o);
    o.method = PRECIS_METHOD_ILP;
    o.budget = 700;
    precis_summary *sum = summarize(*state, &o, arts, 3);
    assert_true(sum->count > 0);
    assert_true(sum->words <= 700);
    assert_true(has_warning(sum, "ILP search stopped after"));
    for (size_t i = 0; i < sum->count; i++)
        for (size_t k = i + 1; k < sum->count; k++)
            assert_string_not_equal(sum->picks[i].text, sum->picks[k].text);
    precis_summary_free(sum);
    free(text);
}

/* Defect 8: the caps of LexRank and of the exact ILP are said. */
static void test_lexrank_and_ilp_caps_are_reported(void **state)
{
    /* 900 distinct sentences: more than LexRank's 800 nodes and than the
     * ILP's 400 candidates. */
    size_t cap = 900 * 120, len = 0;
    char *text = malloc(cap);
    for (int i = 0; i < 900; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "Officials in district %d said the new bridge number %d would "
                                "open in spring. ",
                                i, i * 7);
    precis_article art = {"long", text, len};
    precis_options o;
    precis_options_init(&o);
    precis_summary *sum = summarize(*state, &o, &art, 1);
    assert_true(has_warning(sum, "LexRank used the 800 most salient of 900 sentences"));
    precis_summary_free(sum);
    o.method = PRECIS_METHOD_ILP;
    sum = summarize(*state, &o, &art, 1);
    assert_true(has_warning(sum, "too large for the exact ILP"));
    assert_true(sum->count > 0);
    precis_summary_free(sum);
    free(text);
}

/* Defect 4: an article of a million ". " stops at the sentence cap. */
static void test_huge_article_stops_at_the_sentence_cap(void **state)
{
    size_t len = 2 * 1000 * 1000;
    char *text = malloc(len);
    for (size_t i = 0; i < len; i += 2) {
        text[i] = i % 40 == 0 ? 'A' : '.';
        text[i + 1] = ' ';
    }
    precis_article art = {"dots", text, len};
    precis_options o;
    precis_options_init(&o);
    precis_summary *sum = summarize(*state, &o, &art, 1);
    assert_true(has_warning(sum, "dots: only the first 2000 sentences were read"));
    assert_int_equal(sum->sentences_seen, PRECIS_MAX_SENTENCES_PER_ARTICLE);
    precis_summary_free(sum);
    free(text);
}

/* Defect 5: more articles than a cluster may hold, and more sentences than
 * it may hold: the first ones are read and the warning says how many. */
static void test_article_and_sentence_caps(void **state)
{
    size_t n = PRECIS_MAX_ARTICLES + 1;
    precis_article *arts = calloc(n, sizeof *arts);
    for (size_t i = 0; i < n; i++)
        arts[i] = (precis_article){NULL, "word", 4};
    precis_options o;
    precis_options_init(&o);
    precis_summary *sum = summarize(*state, &o, arts, n);
    assert_true(has_warning(sum, "only the first 100000 of 100001 articles were read"));
    assert_int_equal(sum->sentences_seen, PRECIS_MAX_ARTICLES);
    precis_summary_free(sum);
    free(arts);

    /* 150 articles of 1,500 sentences: 225,000 > 200,000 */
    size_t per = 1500, len = 0, cap = per * 40;
    char *text = malloc(cap);
    for (size_t i = 0; i < per; i++)
        len += (size_t)snprintf(text + len, cap - len, "Rebels left town %zu today. ", i);
    size_t narts = 150;
    arts = calloc(narts, sizeof *arts);
    for (size_t i = 0; i < narts; i++)
        arts[i] = (precis_article){NULL, text, len};
    sum = summarize(*state, &o, arts, narts);
    assert_true(has_warning(sum, "only the first 134 of 150 articles were read, the last of "
                                 "them in part: the cluster reached its limit of 200000 "
                                 "sentences"));
    assert_int_equal(sum->sentences_seen, PRECIS_MAX_SENTENCES);
    /* the learned scorer's pairwise features have their own cap, said too */
    assert_true(has_warning(sum, "left out its two pairwise features"));
    precis_summary_free(sum);
    free(arts);
    free(text);
}

/* Defect 14: a weight of inf or NaN is refused by the library itself,
 * with a message naming what is wrong (an inf weight gave an empty summary). */
static void test_non_finite_weights_are_refused(void **state)
{
    fixture *f = *state;
    double bad[] = {INFINITY, -INFINITY, NAN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        precis_options o;
        precis_options_init(&o);
        o.lexrank_weight = bad[i];
        precis_error err;
        memset(&err, 0, sizeof err);
        assert_int_not_equal(precis_summarizer_new(f->model, &o, &(precis_summarizer *){NULL}, &err), PRECIS_OK);
        assert_int_equal(err.status, PRECIS_E_ARGUMENT);
        precis_options_init(&o);
        o.redundancy = bad[i];
        assert_int_not_equal(precis_summarizer_new(f->model, &o, &(precis_summarizer *){NULL}, &err), PRECIS_OK);
        assert_int_equal(err.status, PRECIS_E_ARGUMENT);
    }
}

/* A brief under half its budget says why (issue #13, item 4). */
static void test_a_short_brief_says_why(void **state)
{
    static const char text[] =
        "The city council of Northbridge voted on Monday to close the old harbour bridge.\n"
        "Engineers said the steel supports were badly corroded after decades of salt spray.\n";
    precis_article art = {"short", text, sizeof text - 1};
    precis_options o;
    precis_options_init(&o);
    precis_summary *sum = summarize(*state, &o, &art, 1);
    assert_int_equal(sum->count, 2);
    assert_true(has_warning(sum, "the brief has 27 of the 100 words asked: the articles hold "
                                 "only 27 words of prose"));
    precis_summary_free(sum);
    o.budget = 40; /* 27 of 40: more than half, nothing to say */
    sum = summarize(*state, &o, &art, 1);
    assert_false(has_warning(sum, "the brief has"));
    precis_summary_free(sum);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_word_then_multibyte_mark_at_the_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rouge_without_any_token, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ilp_stops_at_its_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lexrank_and_ilp_caps_are_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_article_stops_at_the_sentence_cap, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_article_and_sentence_caps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_non_finite_weights_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_short_brief_says_why, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

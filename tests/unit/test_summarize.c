/*
 * test_summarize.c: the library's summarizer, budgets, baselines, oracle,
 * attribution and error handling, on the bundled example cluster.
 */
#include "test_util.h"

#include "text.h"
#include "token.h"

typedef struct example {
    precis_article articles[4];
    char *texts[4];
} example;

static const char *const example_files[4] = {
    "000_424f73fbbff911b5.txt", "001_119253a322498d90.txt",
    "002_e0ea39413d814194.txt", "003_701a64f51c75c631.txt"};

static void load_example(example *ex)
{
    for (int i = 0; i < 4; i++) {
        char path[256];
        snprintf(path, sizeof path, "examples/daraa/%s", example_files[i]);
        size_t len;
        ex->texts[i] = test_read_file(path, &len);
        assert_non_null(ex->texts[i]);
        ex->articles[i].name = example_files[i];
        ex->articles[i].text = ex->texts[i];
        ex->articles[i].len = len;
    }
}

static void free_example(example *ex)
{
    for (int i = 0; i < 4; i++)
        free(ex->texts[i]);
}

static precis_summary *summarize(const precis_options *o, const precis_article *a, size_t n)
{
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    assert_non_null(m);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, o, &s, &err), PRECIS_OK);
    assert_non_null(s);
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, a, n, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_OK);
    precis_summarizer_free(s);
    precis_model_free(m);
    return sum;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\n';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

static double word_overlap(const char *a, const char *b)
{
    /* share of the shorter sentence's words found in the other */
    char wa[64][32], wb[64][32];
    size_t na = 0, nb = 0;
    const char *texts[2] = {a, b};
    for (int t = 0; t < 2; t++) {
        const char *p = texts[t];
        while (*p) {
            while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
                p++;
            char w[32];
            size_t k = 0;
            while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
                if (k < 31)
                    w[k++] = (char)(*p | 32);
                p++;
            }
            w[k] = 0;
            if (k && t == 0 && na < 64)
                memcpy(wa[na++], w, k + 1);
            if (k && t == 1 && nb < 64)
                memcpy(wb[nb++], w, k + 1);
        }
    }
    /* the words of the shorter sentence, each looked up in the longer one */
    char(*ws)[32] = na <= nb ? wa : wb, (*wl)[32] = na <= nb ? wb : wa;
    size_t shorter = na <= nb ? na : nb, longer = na <= nb ? nb : na;
    size_t hits = 0;
    for (size_t i = 0; i < shorter; i++)
        for (size_t j = 0; j < longer; j++)
            if (!strcmp(ws[i], wl[j])) {
                hits++;
                break;
            }
    return shorter ? (double)hits / (double)shorter : 0;
}

static void example_summary_fits_the_budget_and_points_to_its_source(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_options o;
    precis_options_init(&o);
    precis_summary *sum = summarize(&o, ex.articles, 4);
    assert_true(sum->count >= 2);
    assert_true(sum->words <= 100);
    size_t words = 0;
    for (size_t i = 0; i < sum->count; i++) {
        const precis_pick *p = &sum->picks[i];
        assert_true(p->article < 4);
        assert_true(p->start < p->end && p->end <= ex.articles[p->article].len);
        char *display = malloc(3 * (p->end - p->start) + 1);
        text_display(ex.texts[p->article] + p->start, p->end - p->start, display);
        assert_string_equal(display, p->text);
        free(display);
        words += count_words(p->text);
    }
    assert_int_equal(words, sum->words);
    assert_string_equal(sum->warnings, "");
    precis_summary_free(sum);
    free_example(&ex);
}

static void syndicated_copies_are_never_both_chosen(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_options o;
    precis_options_init(&o);
    o.budget = 600; /* room for everything: only the guard keeps copies out */
    precis_summary *sum = summarize(&o, ex.articles, 4);
    assert_true(sum->count >= 10);
    for (size_t i = 0; i < sum->count; i++)
        for (size_t j = i + 1; j < sum->count; j++)
            if (word_overlap(sum->picks[i].text, sum->picks[j].text) > 0.7)
                fail_msg("near copies chosen:\n  %s\n  %s", sum->picks[i].text, sum->picks[j].text);
    precis_summary_free(sum);
    free_example(&ex);
}

static void concept_methods_keep_the_budget_and_skip_copies(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    const precis_method methods[] = {PRECIS_METHOD_CONCEPTS, PRECIS_METHOD_ILP};
    for (size_t m = 0; m < 2; m++) {
        precis_options o;
        precis_options_init(&o);
        o.method = methods[m];
        o.budget = 250;
        precis_summary *sum = summarize(&o, ex.articles, 4);
        assert_true(sum->count >= 3);
        assert_true(sum->words <= 250 && sum->words > 150);
        for (size_t i = 0; i < sum->count; i++)
            for (size_t j = i + 1; j < sum->count; j++)
                if (word_overlap(sum->picks[i].text, sum->picks[j].text) > 0.7)
                    fail_msg("%s chose near copies:\n  %s\n  %s", precis_method_name(methods[m]),
                             sum->picks[i].text, sum->picks[j].text);
        precis_summary_free(sum);
    }
    free_example(&ex);
}

static void picks_come_in_reading_order(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_options o;
    precis_options_init(&o);
    o.budget = 300;
    precis_summary *sum = summarize(&o, ex.articles, 4);
    for (size_t i = 1; i < sum->count; i++) {
        const precis_pick *a = &sum->picks[i - 1], *b = &sum->picks[i];
        if (a->article == b->article)
            assert_true(a->sentence < b->sentence);
    }
    /* an article's sentences are contiguous */
    for (size_t i = 0; i < sum->count; i++)
        for (size_t j = i + 2; j < sum->count; j++)
            if (sum->picks[i].article == sum->picks[j].article)
                assert_int_equal(sum->picks[i + 1].article, sum->picks[i].article);
    precis_summary_free(sum);
    free_example(&ex);
}

static void budgets_in_words_bytes_and_sentences_hold(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_options o;
    precis_options_init(&o);
    o.budget_unit = PRECIS_BUDGET_SENTENCES;
    o.budget = 3;
    precis_summary *sum = summarize(&o, ex.articles, 4);
    assert_int_equal(sum->count, 3);
    precis_summary_free(sum);

    o.budget_unit = PRECIS_BUDGET_BYTES;
    o.budget = 500;
    sum = summarize(&o, ex.articles, 4);
    size_t bytes = 0;
    for (size_t i = 0; i < sum->count; i++)
        bytes += strlen(sum->picks[i].text);
    assert_true(bytes <= 500 && bytes > 200);
    precis_summary_free(sum);

    o.budget_unit = PRECIS_BUDGET_WORDS;
    o.budget = 37;
    o.truncate = 1;
    sum = summarize(&o, ex.articles, 4);
    assert_int_equal(sum->words, 37);
    size_t words = 0;
    for (size_t i = 0; i < sum->count; i++)
        words += count_words(sum->picks[i].text);
    assert_int_equal(words, 37);
    precis_summary_free(sum);
    free_example(&ex);
}

static void lead_takes_first_sentences_in_turn_skipping_copies(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_options o;
    precis_options_init(&o);
    o.method = PRECIS_METHOD_LEAD;
    o.budget_unit = PRECIS_BUDGET_SENTENCES;
    o.budget = 3;
    precis_summary *sum = summarize(&o, ex.articles, 4);
    assert_int_equal(sum->count, 3);
    /* the reading order puts the most salient lede first: find each pick */
    const precis_pick *by_article[4] = {NULL, NULL, NULL, NULL};
    for (size_t i = 0; i < sum->count; i++) {
        assert_true(sum->picks[i].article < 4);
        by_article[sum->picks[i].article] = &sum->picks[i];
    }
    /* 001's lead (after its caption) is a copy of 000's lead: skipped */
    assert_null(by_article[1]);
    assert_non_null(by_article[0]);
    assert_int_equal(by_article[0]->sentence, 0);
    /* the dateline "BEIRUT — " is dropped: the pick starts after it */
    assert_true(strncmp(by_article[0]->text, "Syrian government forces advanced", 33) == 0);
    assert_int_equal(by_article[0]->start, strlen("BEIRUT — "));
    assert_non_null(by_article[2]);
    assert_int_equal(by_article[2]->sentence, 0);
    assert_non_null(by_article[3]);
    assert_true(strncmp(by_article[3]->text, "Thousands of civilians have fled regime bombardment", 50) == 0);
    precis_summary_free(sum);
    free_example(&ex);
}

static void random_baseline_is_seeded(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_options o;
    precis_options_init(&o);
    o.method = PRECIS_METHOD_RANDOM;
    o.seed = 7;
    precis_summary *a = summarize(&o, ex.articles, 4);
    precis_summary *b = summarize(&o, ex.articles, 4);
    assert_int_equal(a->count, b->count);
    for (size_t i = 0; i < a->count; i++)
        assert_string_equal(a->picks[i].text, b->picks[i].text);
    o.seed = 8;
    precis_summary *c = summarize(&o, ex.articles, 4);
    int same = c->count == a->count;
    for (size_t i = 0; same && i < a->count; i++)
        same = !strcmp(a->picks[i].text, c->picks[i].text);
    assert_false(same);
    precis_summary_free(a);
    precis_summary_free(b);
    precis_summary_free(c);
    free_example(&ex);
}

static void a_reused_summarizer_matches_a_fresh_one(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_OK);
    precis_summary *first = NULL, *other = NULL, *again = NULL;
    assert_int_equal(precis_summarize(s, ex.articles, 4, PRECIS_MARKUP_PLAIN, &first, &err), PRECIS_OK);
    assert_int_equal(precis_summarize(s, ex.articles + 2, 2, PRECIS_MARKUP_PLAIN, &other, &err), PRECIS_OK);
    assert_int_equal(precis_summarize(s, ex.articles, 4, PRECIS_MARKUP_PLAIN, &again, &err), PRECIS_OK);
    assert_int_equal(first->count, again->count);
    for (size_t i = 0; i < first->count; i++) {
        assert_string_equal(first->picks[i].text, again->picks[i].text);
        assert_true(first->picks[i].score == again->picks[i].score);
    }
    precis_summary_free(first);
    precis_summary_free(other);
    precis_summary_free(again);
    precis_summarizer_free(s);
    precis_model_free(m);
    free_example(&ex);
}

static void oracle_finds_the_sentence_the_reference_quotes(void **state)
{
    (void)state;
    example ex;
    load_example(&ex);
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.budget_unit = PRECIS_BUDGET_SENTENCES;
    o.budget = 1;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_OK);
    const char *refs[1] = {"Jumana Ghunaimat said Jordan has already taken large numbers of Syrian "
                           "refugees and cannot receive more."};
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize_oracle(s, ex.articles, 4, PRECIS_MARKUP_PLAIN, refs, 1, 1, 0,
                                             &sum, &err), PRECIS_OK);
    assert_int_equal(sum->count, 1);
    assert_int_equal(sum->picks[0].article, 2);
    assert_true(strstr(sum->picks[0].text, "Spokeswoman Jumana Ghunaimat said") == sum->picks[0].text);
    precis_summary_free(sum);
    assert_int_equal(precis_summarize_oracle(s, ex.articles, 4, PRECIS_MARKUP_PLAIN, refs, 0, 1, 0,
                                             &sum, &err), PRECIS_E_ARGUMENT);
    precis_summarizer_free(s);
    precis_model_free(m);
    free_example(&ex);
}

static void bad_input_fails_with_a_status_and_a_message(void **state)
{
    (void)state;
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.budget = 0;
    assert_int_not_equal(precis_summarizer_new(m, &o, &(precis_summarizer *){NULL}, &err), PRECIS_OK);
    assert_int_equal(err.status, PRECIS_E_ARGUMENT);
    precis_options_init(&o);
    o.redundancy = 2;
    assert_int_not_equal(precis_summarizer_new(m, &o, &(precis_summarizer *){NULL}, &err), PRECIS_OK);
    precis_options_init(&o);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_OK);
    precis_summary *sum = NULL;
    precis_article blank = {"blank.txt", " \n\t\n", 4};
    assert_int_equal(precis_summarize(s, &blank, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_E_EMPTY);
    assert_null(sum);
    assert_int_equal(precis_summarize(s, NULL, 0, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_E_EMPTY);
    precis_article binary = {"x.bin", "abc\0def ghi", 11};
    assert_int_equal(precis_summarize(s, &binary, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_E_BINARY);
    assert_string_equal(err.source, "x.bin");
    assert_int_equal(precis_summarize(s, &binary, 1, PRECIS_MARKUP_PLAIN, NULL, &err), PRECIS_E_ARGUMENT);
    precis_article junk = {"j.txt", "Photos / AP\nRelated Articles\n", 29};
    assert_int_equal(precis_summarize(s, &junk, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_OK);
    assert_int_equal(sum->count, 0);
    assert_non_null(strstr(sum->warnings, "no sentence of article prose"));
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_model_free(m);
    precis_summarizer_free(NULL);
    precis_model_free(NULL);
    precis_summary_free(NULL);
}

static void json_lines_give_articles_ids_and_references(void **state)
{
    (void)state;
    const char *line = "{\"id\": 12, \"document\": \"First story. NEWLINE_CHAR Next line. ||||| Second "
                       "story.\", \"summary\": \"A reference.\"}";
    precis_cluster *c = NULL;
    precis_error err = {0};
    assert_int_equal(precis_cluster_parse_json(line, strlen(line), "x.jsonl", 3, &c, &err), PRECIS_OK);
    assert_string_equal(c->id, "12");
    assert_int_equal(c->count, 2);
    assert_int_equal(c->articles[0].len, strlen("First story. NEWLINE_CHAR Next line. "));
    assert_memory_equal(c->articles[0].text, "First story. \n            Next line. ", c->articles[0].len);
    assert_string_equal(c->articles[1].name, "1");
    assert_int_equal(c->nreferences, 1);
    assert_string_equal(c->references[0], "A reference.");
    precis_cluster_free(c);
    const char *bad = "{\"id\": \"a\", \"document\": 5}";
    assert_int_equal(precis_cluster_parse_json(bad, strlen(bad), "x.jsonl", 9, &c, &err), PRECIS_E_FORMAT);
    assert_int_equal(err.line, 9);
    assert_string_equal(err.source, "x.jsonl");
    assert_null(c);
    assert_int_equal(precis_cluster_parse_json("{oops", 5, "x.jsonl", 4, &c, &err), PRECIS_E_FORMAT);
    assert_non_null(strstr(err.message, "invalid JSON"));
}

static int collect(void *ctx, const token *tok)
{
    char *out = ctx;
    strncat(out, tok->stem, tok->stem_len);
    strcat(out, tok->stopword ? "* " : " ");
    return 0;
}

static void tokens_fold_case_quotes_and_numbers_and_stem(void **state)
{
    (void)state;
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    tokenizer t;
    assert_int_equal(tokenizer_init(&t, m), 0);
    char out[512] = "";
    const char *text = "Assad’s forces in the U.S. counted 45,000 refugees &amp; re-emphasised it.";
    tokenize(&t, text, strlen(text), collect, out);
    assert_string_equal(out, "assad forc in* the* u. count 45000 refuge re* emphasis it* ");
    tokenizer_release(&t);
    precis_model_free(m);
}

static void display_text_folds_space_entities_and_bad_bytes(void **state)
{
    (void)state;
    const char in[] = "  Smoke\n  rises &amp; falls&#8217;s \xff end  ";
    char out[3 * sizeof in];
    text_display(in, sizeof in - 1, out);
    assert_string_equal(out, "Smoke rises & falls\xe2\x80\x99s \xef\xbf\xbd end");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(example_summary_fits_the_budget_and_points_to_its_source),
        cmocka_unit_test(syndicated_copies_are_never_both_chosen),
        cmocka_unit_test(concept_methods_keep_the_budget_and_skip_copies),
        cmocka_unit_test(picks_come_in_reading_order),
        cmocka_unit_test(budgets_in_words_bytes_and_sentences_hold),
        cmocka_unit_test(lead_takes_first_sentences_in_turn_skipping_copies),
        cmocka_unit_test(random_baseline_is_seeded),
        cmocka_unit_test(a_reused_summarizer_matches_a_fresh_one),
        cmocka_unit_test(oracle_finds_the_sentence_the_reference_quotes),
        cmocka_unit_test(bad_input_fails_with_a_status_and_a_message),
        cmocka_unit_test(json_lines_give_articles_ids_and_references),
        cmocka_unit_test(tokens_fold_case_quotes_and_numbers_and_stem),
        cmocka_unit_test(display_text_folds_space_entities_and_bad_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

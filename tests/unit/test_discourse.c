/*
 * test_discourse.c: what ties sentences together for a reader (issue #13,
 * items 1 and 2): quotations over several sentences, quotes given to a
 * pronoun, people introduced by full name and then named by surname; and
 * that a brief takes a quotation whole and introduces people before it
 * names them.  Real news sentences, written for the project.
 */
#include "test_util.h"

#include "quotes.h"
#include "segment.h"

/* ---- quotations, sentence by sentence ------------------------------- */

typedef struct marked {
    sentence sents[16];
    size_t n;
} marked;

/* The sentences of a text, one per line, a blank line between paragraphs,
 * marked by quotes_mark_article. */
static void mark(const char *text, marked *m)
{
    memset(m, 0, sizeof *m);
    size_t i = 0, len = strlen(text);
    int para_start = 1;
    while (i < len) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        if (end == i) {
            para_start = 1;
        } else {
            sentence *s = &m->sents[m->n++];
            s->index = (uint32_t)(m->n - 1);
            s->start = i;
            s->end = end;
            s->flags = para_start ? SEG_PARAGRAPH_START : 0;
            para_start = 0;
        }
        i = end + 1;
    }
    quotes_mark_article(text, m->sents, m->n);
}

static unsigned links(const marked *m, size_t i)
{
    return m->sents[i].flags & (SENT_QUOTE_IN | SENT_QUOTE_OUT);
}

static void test_a_quotation_over_three_sentences_is_chained(void **state)
{
    (void)state;
    marked m;
    mark("The council voted 7 to 2 to close the bridge on Monday.\n"
         "\xe2\x80\x9cWe cannot wait any longer.\n"
         "The bridge is not safe.\n"
         "Every week we delay is a risk,\xe2\x80\x9d said Mayor Ana Lindqvist.\n"
         "The bridge carries 9,000 cars a day.\n",
         &m);
    assert_int_equal(links(&m, 0), 0);
    assert_int_equal(links(&m, 1), SENT_QUOTE_OUT);
    assert_int_equal(links(&m, 2), SENT_QUOTE_IN | SENT_QUOTE_OUT);
    assert_int_equal(links(&m, 3), SENT_QUOTE_IN);
    assert_int_equal(links(&m, 4), 0);
}

static void test_a_quotation_goes_on_over_a_paragraph_break(void **state)
{
    (void)state;
    /* news style: the first paragraph leaves the quote open, the next one
     * opens again with a quote mark */
    marked m;
    mark("\"The inspectors found cracks in the center pier.\n"
         "\n"
         "\"We will not reopen it until it is rebuilt,\" Bell said.\n"
         "\n"
         "Bell has led the city's engineering office since 2014.\n",
         &m);
    assert_int_equal(links(&m, 0), SENT_QUOTE_OUT);
    assert_int_equal(links(&m, 1), SENT_QUOTE_IN);
    assert_int_equal(links(&m, 2), 0);
}

static void test_a_stray_quote_mark_chains_nothing(void **state)
{
    (void)state;
    /* the closing mark was lost: the paragraph ends inside the quote and
     * the next one does not go on with it */
    marked m;
    mark("The mayor called the report \"alarming.\n"
         "She asked for a second inspection.\n"
         "\n"
         "The council meets again on Thursday.\n",
         &m);
    for (size_t i = 0; i < m.n; i++)
        assert_int_equal(links(&m, i), 0);
}

static void test_tokenized_closing_quote_ends_the_quotation(void **state)
{
    (void)state;
    /* Multi-News: the stop comes before the closing quote, which the
     * segmentation gives to the next sentence */
    marked m;
    mark("\" we are so excited to welcome her .\n"
         "\" rhimes has written for abc since 2005 .\n",
         &m);
    assert_int_equal(links(&m, 0), 0);
    assert_int_equal(links(&m, 1), 0);
}

static void test_duc_quote_pairs_are_followed(void **state)
{
    (void)state;
    marked m;
    mark("``We're stocked for a little bit, maybe a month or so.\n"
         "After that I don't know,'' Ms. Garcia said.\n",
         &m);
    assert_int_equal(links(&m, 0), SENT_QUOTE_OUT);
    assert_int_equal(links(&m, 1), SENT_QUOTE_IN);
}

static void test_a_quote_opened_with_two_apostrophes(void **state)
{
    (void)state;
    /* DUC 2006 D0610A: a story that opens its quotes with '' */
    marked m;
    mark("''Every teacher in America would like that.\n"
         "We simply do not have the time,'' the union's president said.\n"
         "The union has 2.6 million members.\n",
         &m);
    assert_int_equal(links(&m, 0), SENT_QUOTE_OUT);
    assert_int_equal(links(&m, 1), SENT_QUOTE_IN);
    assert_int_equal(links(&m, 2), 0);
    const char *whole = "''Every teacher in America would like that.''";
    assert_true(quotes_share(whole, strlen(whole), 0) > 0.99);
}

static void test_pronoun_speakers(void **state)
{
    (void)state;
    static const char *const pronoun[] = {
        "\"It is the right call,\" she said.",
        "\xe2\x80\x9cWe will appeal,\xe2\x80\x9d he said on Friday.",
        "\"Nobody told us,\" said they.",
        "``I'm afraid I might lose my job,'' she added.",
    };
    static const char *const named[] = {
        "\"It is the right call,\" Lindqvist said.",
        "\"We will appeal,\" said Rachel Feld, his lawyer.",
        "He said the bridge would close on Monday.",
        "\"The bridge is not safe.\"",
    };
    for (size_t i = 0; i < sizeof pronoun / sizeof *pronoun; i++)
        assert_true(quotes_pronoun_speaker(pronoun[i], strlen(pronoun[i]), 0));
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        assert_false(quotes_pronoun_speaker(named[i], strlen(named[i]), 0));
}

static void test_quoted_share(void **state)
{
    (void)state;
    const char *whole = "\"We are asking for a plan.\"";
    const char *none = "The council asked the state for a plan.";
    assert_true(quotes_share(whole, strlen(whole), 0) > 0.99);
    assert_true(quotes_share(none, strlen(none), 0) < 0.01);
}

/* ---- briefs ---------------------------------------------------------- */

static precis_summary *brief_of(const char *const *texts, size_t count, size_t sentences)
{
    precis_error err;
    precis_model *model = NULL;
    assert_int_equal(precis_model_new(&model, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.budget_unit = PRECIS_BUDGET_SENTENCES;
    o.budget = sentences;
    o.diagnostics = 1;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(model, &o, &s, &err), PRECIS_OK);
    precis_article arts[4];
    for (size_t i = 0; i < count; i++) {
        arts[i].name = "article";
        arts[i].text = texts[i];
        arts[i].len = strlen(texts[i]);
    }
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, arts, count, PRECIS_MARKUP_PLAIN, &sum, &err),
                     PRECIS_OK);
    precis_summarizer_free(s);
    precis_model_free(model);
    return sum;
}

static const char bridge[] =
    "Millbrook's City Council voted 7 to 2 on Tuesday night to close the Alder Street Bridge "
    "to all traffic from Monday.\n\n"
    "City Engineer Marcus Bell said the bridge had been on the city's watch list for a "
    "decade.\n\n"
    "\"We cannot wait any longer. The bridge is not safe. Every week we delay is a risk,\" said "
    "Mayor Ana Lindqvist, who has pushed for the closure since August.\n\n"
    "Lindqvist said a replacement bridge would cost about $41 million and take three years "
    "to build.\n\n"
    "Bell said the inspectors found corrosion in the steel floor beams of the bridge.\n";

static void test_a_quotation_comes_whole_or_not_at_all(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 6; n++) {
        const char *texts[] = {bridge};
        precis_summary *sum = brief_of(texts, 1, n);
        assert_true(sum->has_readability);
        assert_int_equal(sum->readability.quote_shards, 0);
        /* the three sentences of the mayor's quotation stand together */
        for (size_t i = 0; i < sum->count; i++)
            if (sum->picks[i].sentence == 3) {
                assert_true(i > 0 && sum->picks[i - 1].sentence == 2);
                assert_true(i + 1 < sum->count && sum->picks[i + 1].sentence == 4);
            }
        precis_summary_free(sum);
    }
}

static void test_a_surname_comes_after_the_full_name(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 6; n++) {
        const char *texts[] = {bridge};
        precis_summary *sum = brief_of(texts, 1, n);
        assert_int_equal(sum->readability.unintroduced, 0);
        for (size_t i = 0; i < sum->count; i++) {
            /* "Lindqvist said a replacement ..." needs the mayor's sentence */
            if (!strncmp(sum->picks[i].text, "Lindqvist said", 14)) {
                int introduced = 0;
                for (size_t j = 0; j < i; j++)
                    introduced |= strstr(sum->picks[j].text, "Ana Lindqvist") != NULL;
                assert_true(introduced);
            }
            if (!strncmp(sum->picks[i].text, "Bell said", 9)) {
                int introduced = 0;
                for (size_t j = 0; j < i; j++)
                    introduced |= strstr(sum->picks[j].text, "Marcus Bell") != NULL;
                assert_true(introduced);
            }
        }
        precis_summary_free(sum);
    }
}

static void test_an_introduction_from_another_article_comes_first(void **state)
{
    (void)state;
    /* the first article names Okafor by surname only; the second gives the
     * full name: in the brief, the second article's sentence comes first */
    const char *texts[] = {
        "Okafor was convicted on Thursday of hiding listeria contamination at the plant in "
        "Lima, Ohio, a federal jury found after a three-week trial.\n",
        "Daniel Okafor, the former chief executive of Brightwater Foods, will be sentenced in "
        "March, Judge Miriam Castellano said on Thursday.\n",
        "Mr. Okafor said through his lawyer that he would appeal the verdict of the jury in "
        "Columbus.\n",
    };
    precis_summary *sum = brief_of(texts, 3, 3);
    assert_int_equal(sum->readability.unintroduced, 0);
    assert_true(sum->count >= 2);
    assert_non_null(strstr(sum->picks[0].text, "Daniel Okafor"));
    precis_summary_free(sum);
}

static void test_a_full_name_later_in_the_article_does_not_introduce(void **state)
{
    (void)state;
    /* "Hall said ..." cannot lean on "Jim Hall" further down its own
     * article: the brief must give the full name before it */
    const char *texts[] = {
        "Hall said the new child seats would be fitted in every police car by March, in a "
        "statement on Tuesday.\n\n"
        "The program will cost the city about $2 million over two years.\n\n"
        "Jim Hall, the safety board's chairman, said the seats had saved lives in other cities.\n",
        "The city will fit child seats in its police cars, the safety board said on Tuesday.\n",
        "Parents welcomed the plan, which the council approved last month by a wide margin.\n",
    };
    for (size_t n = 1; n <= 5; n++) {
        precis_summary *sum = brief_of(texts, 3, n);
        assert_int_equal(sum->readability.unintroduced, 0);
        for (size_t i = 0; i < sum->count; i++)
            if (!strncmp(sum->picks[i].text, "Hall said", 9)) {
                int introduced = 0;
                for (size_t j = 0; j < i; j++)
                    introduced |= strstr(sum->picks[j].text, "Jim Hall") != NULL;
                assert_true(introduced);
            }
        precis_summary_free(sum);
    }
}

static void test_lead_is_measured_by_the_same_yardstick(void **state)
{
    (void)state;
    /* the lead baseline ignores the rules: the diagnostics see it */
    precis_error err;
    precis_model *model = NULL;
    assert_int_equal(precis_model_new(&model, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.method = PRECIS_METHOD_LEAD_FIRST;
    o.budget_unit = PRECIS_BUDGET_SENTENCES;
    o.budget = 4;
    o.diagnostics = 1;
    const char text[] = "Lindqvist said on Tuesday that the bridge would close on Monday.\n\n"
                        "Mayor Ana Lindqvist has led Millbrook since 2019.\n\n"
                        "\"We cannot wait any longer. The bridge is not safe.\n\n"
                        "\"Every week we delay is a risk,\" she said.\n";
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(model, &o, &s, &err), PRECIS_OK);
    precis_article art = {"a", text, strlen(text)};
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, &art, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_OK);
    assert_int_equal(sum->readability.sentences, sum->count);
    assert_int_equal(sum->readability.unintroduced, 1);
    assert_int_equal(sum->readability.top_article, sum->count);
    assert_int_equal(sum->readability.articles_used, 1);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_model_free(model);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_quotation_over_three_sentences_is_chained),
        cmocka_unit_test(test_a_quotation_goes_on_over_a_paragraph_break),
        cmocka_unit_test(test_a_stray_quote_mark_chains_nothing),
        cmocka_unit_test(test_tokenized_closing_quote_ends_the_quotation),
        cmocka_unit_test(test_duc_quote_pairs_are_followed),
        cmocka_unit_test(test_a_quote_opened_with_two_apostrophes),
        cmocka_unit_test(test_pronoun_speakers),
        cmocka_unit_test(test_quoted_share),
        cmocka_unit_test(test_a_quotation_comes_whole_or_not_at_all),
        cmocka_unit_test(test_a_surname_comes_after_the_full_name),
        cmocka_unit_test(test_an_introduction_from_another_article_comes_first),
        cmocka_unit_test(test_a_full_name_later_in_the_article_does_not_introduce),
        cmocka_unit_test(test_lead_is_measured_by_the_same_yardstick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_openers.c: the dangling-opener guard ("He said ...", "But ...",
 * "It ...") keeps a sentence that needs its antecedent out of a brief that
 * lacks it, and leaves an article's first sentence alone: a lede that opens
 * with "It" or "And" has no predecessor to need (issue #13, item 2).
 */
#include "test_util.h"

static const char lede_article[] =
    "It was the worst flood the harbour town of Northbridge had seen in a century, officials "
    "said on Monday.\n"
    "The river rose four metres overnight and broke through the old wall near the ferry pier.\n"
    "It swept away two bridges and cut the town off from the ring road for most of the day.\n";

static precis_summary *brief(const char *text, precis_method method, size_t sentences)
{
    precis_error err;
    precis_model *model = NULL;
    assert_int_equal(precis_model_new(&model, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.method = method;
    o.budget_unit = PRECIS_BUDGET_SENTENCES;
    o.budget = sentences;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(model, &o, &s, &err), PRECIS_OK);
    precis_article art = {"flood.txt", text, strlen(text)};
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, &art, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_OK);
    precis_summarizer_free(s);
    precis_model_free(model);
    return sum;
}

static void test_a_lede_opening_with_it_is_chosen(void **state)
{
    (void)state;
    /* the default method: the guard is MMR's */
    precis_summary *sum = brief(lede_article, PRECIS_METHOD_DEFAULT, 1);
    assert_int_equal(sum->count, 1);
    assert_int_equal(sum->picks[0].sentence, 0);
    assert_true(strncmp(sum->picks[0].text, "It was the worst flood", 22) == 0);
    precis_summary_free(sum);
}

static void test_a_later_it_still_needs_its_antecedent(void **state)
{
    (void)state;
    /* three sentences: the third ("It swept away ...") may only come with
     * the second, which the lead order takes first anyway */
    precis_summary *sum = brief(lede_article, PRECIS_METHOD_DEFAULT, 3);
    assert_int_equal(sum->count, 3);
    for (size_t i = 0; i < sum->count; i++)
        assert_int_equal(sum->picks[i].sentence, i);
    precis_summary_free(sum);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_lede_opening_with_it_is_chosen),
        cmocka_unit_test(test_a_later_it_still_needs_its_antecedent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

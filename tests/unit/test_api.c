/*
 * test_api.c: the conventions of the public API (issue #12 item 1), checked
 * once here: every fallible call returns a precis_status and fills the
 * precis_error it is given (NULL allowed); objects come out through an
 * out-pointer, NULL on failure; every returned object or string has its free.
 */
#include <unistd.h>

#include "test_util.h"

static void method_parse_names_every_method(void **state)
{
    (void)state;
    precis_error err = {0};
    for (int m = PRECIS_METHOD_DEFAULT; m <= PRECIS_METHOD_ILP; m++) {
        precis_method got = PRECIS_METHOD_DEFAULT;
        assert_int_equal(precis_method_parse(precis_method_name((precis_method)m), &got, &err),
                         PRECIS_OK);
        assert_int_equal(got, m);
    }
    precis_method got = PRECIS_METHOD_LEAD;
    assert_int_equal(precis_method_parse("bogus", &got, &err), PRECIS_E_ARGUMENT);
    assert_int_equal(got, PRECIS_METHOD_LEAD); /* untouched */
    assert_int_equal(err.status, PRECIS_E_ARGUMENT);
    assert_non_null(strstr(err.message, "'bogus'"));
    assert_non_null(strstr(err.message, "lead-first"));
    assert_int_equal(precis_method_parse(NULL, &got, NULL), PRECIS_E_ARGUMENT);
}

static void objects_come_out_through_out_pointers(void **state)
{
    (void)state;
    precis_error err = {0};
    assert_int_equal(precis_model_new(NULL, &err), PRECIS_E_ARGUMENT);
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, NULL), PRECIS_OK);
    assert_non_null(m);

    precis_options o;
    precis_options_init(&o);
    o.budget = 0;
    precis_summarizer *s = (precis_summarizer *)&err; /* set to NULL on failure */
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_E_ARGUMENT);
    assert_null(s);
    assert_int_equal(precis_summarizer_new(NULL, NULL, &s, NULL), PRECIS_E_ARGUMENT);
    assert_null(s);
    assert_int_equal(precis_summarizer_new(m, NULL, &s, &err), PRECIS_OK);
    assert_non_null(s);

    precis_rouge_options ro;
    precis_rouge_options_init(&ro);
    ro.word_limit = 10;
    ro.byte_limit = 10; /* -l with -b */
    precis_rouge *r = (precis_rouge *)&err;
    assert_int_equal(precis_rouge_new(&ro, &r, &err), PRECIS_E_ARGUMENT);
    assert_null(r);
    assert_int_equal(precis_rouge_new(NULL, &r, NULL), PRECIS_OK);
    assert_non_null(r);
    precis_rouge_free(r);

    /* the renderings come out through out-pointers, freed with precis_string_free */
    const char *text = "Jordan kept its border closed. Thousands of people fled the fighting.";
    precis_article a = {"a.txt", text, strlen(text)};
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, &a, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_OK);
    char *out = NULL;
    assert_int_equal(precis_summary_to_text(sum, &out, &err), PRECIS_OK);
    assert_non_null(strstr(out, "Jordan kept its border closed."));
    precis_string_free(out);
    out = NULL;
    assert_int_equal(precis_summary_to_json(sum, NULL, "x", &out, NULL), PRECIS_OK);
    assert_non_null(strstr(out, "\"id\""));
    assert_non_null(strstr(out, "\"x\""));
    precis_string_free(out);
    assert_int_equal(precis_summary_to_json(NULL, NULL, NULL, &out, &err), PRECIS_E_ARGUMENT);
    assert_null(out);
    assert_int_equal(precis_summary_to_text(sum, NULL, NULL), PRECIS_E_ARGUMENT);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_model_free(m);
}

static void lines_end_with_a_null_line(void **state)
{
    (void)state;
    char path[] = "/tmp/precis-test-api-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "one\ntwo", 7), 7);
    close(fd);
    precis_lines *r = NULL;
    precis_error err = {0};
    assert_int_equal(precis_lines_open(path, &r, &err), PRECIS_OK);
    const char *line = NULL;
    size_t len = 0;
    assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
    assert_string_equal(line, "one");
    assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
    assert_string_equal(line, "two");
    assert_int_equal(precis_lines_next(r, &line, &len, NULL), PRECIS_OK);
    assert_null(line);
    assert_int_equal(len, 0);
    assert_int_equal(precis_lines_next(NULL, &line, &len, &err), PRECIS_E_ARGUMENT);
    precis_lines_free(r);
    precis_lines_free(NULL);
    unlink(path);
}

static void duc_list_has_its_free(void **state)
{
    (void)state;
    char root[] = "/tmp/precis-test-api-XXXXXX";
    assert_non_null(mkdtemp(root));
    char sub[64];
    snprintf(sub, sizeof sub, "%s/d30001t", root);
    assert_int_equal(mkdir(sub, 0700), 0);
    char **names = NULL;
    size_t n = 0;
    precis_error err = {0};
    assert_int_equal(precis_duc_list(root, &names, &n, &err), PRECIS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(names[0], "d30001t");
    precis_duc_list_free(names, n);
    precis_duc_list_free(NULL, 0);
    rmdir(sub);
    rmdir(root);
}

/* A program built against an older precis.h passes a shorter struct: the
 * library reads and writes only its first `size` bytes (here the bytes past
 * them hold 0xFF, NaN as a double and -1 as an int, which the checks would
 * refuse if they were read). */
static void options_from_an_older_header(void **state)
{
    (void)state;
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    precis_options o;
    memset(&o, 0xFF, sizeof o);
    size_t old = offsetof(precis_options, dangling_penalty);
    precis_options_init_sized(&o, old);
    assert_int_equal(o.size, old);
    assert_int_equal(o.budget, 100);
    for (size_t i = old; i < sizeof o; i++)
        assert_int_equal(((unsigned char *)&o)[i], 0xFF);
    assert_int_equal(precis_options_set(&o, "words", "50", &err), PRECIS_OK);
    assert_int_equal(o.budget, 50);
    assert_int_equal(precis_options_set(&o, "dangling_penalty", "0.5", &err), PRECIS_E_ARGUMENT);
    assert_non_null(strstr(err.message, "dangling_penalty"));
    for (size_t i = old; i < sizeof o; i++)
        assert_int_equal(((unsigned char *)&o)[i], 0xFF);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_OK);
    precis_summarizer_free(s);

    precis_options full;
    precis_options_init(&full);
    assert_int_equal(full.size, sizeof full);
    full.size = 0; /* never initialised */
    assert_int_equal(precis_summarizer_new(m, &full, &s, &err), PRECIS_E_ARGUMENT);
    assert_null(s);
    assert_int_equal(precis_options_set(&full, "words", "50", &err), PRECIS_E_ARGUMENT);

    /* precis_settings_options writes only the caller's bytes */
    precis_settings *settings = NULL;
    assert_int_equal(precis_settings_new(&settings, &err), PRECIS_OK);
    assert_int_equal(precis_settings_set(settings, "words", "70", &err), PRECIS_OK);
    memset(&o, 0xFF, sizeof o);
    o.size = old;
    assert_int_equal(precis_settings_options(settings, &o, &err), PRECIS_OK);
    assert_int_equal(o.size, old);
    assert_int_equal(o.budget, 70);
    for (size_t i = old; i < sizeof o; i++)
        assert_int_equal(((unsigned char *)&o)[i], 0xFF);
    precis_settings_free(settings);
    precis_model_free(m);

    precis_rouge_options ro;
    memset(&ro, 0xFF, sizeof ro);
    size_t rold = offsetof(precis_rouge_options, confidence);
    precis_rouge_options_init_sized(&ro, rold);
    assert_int_equal(ro.size, rold);
    assert_int_equal(precis_rouge_options_parse("-m -l 100", &ro, &err), PRECIS_OK);
    assert_true(ro.stem && ro.word_limit == 100);
    for (size_t i = rold; i < sizeof ro; i++)
        assert_int_equal(((unsigned char *)&ro)[i], 0xFF);
    char buf[128];
    precis_rouge_options_format(&ro, buf, sizeof buf);
    assert_string_equal(buf, "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -m -l 100");
    precis_rouge *r = NULL;
    assert_int_equal(precis_rouge_new(&ro, &r, &err), PRECIS_OK);
    precis_rouge_free(r);
    ro.size = 0;
    assert_int_equal(precis_rouge_new(&ro, &r, &err), PRECIS_E_ARGUMENT);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(method_parse_names_every_method),
        cmocka_unit_test(objects_come_out_through_out_pointers),
        cmocka_unit_test(lines_end_with_a_null_line),
        cmocka_unit_test(duc_list_has_its_free),
        cmocka_unit_test(options_from_an_older_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_brief.c: the one-call entry (precis.h, section 8).
 *
 * The call must give byte for byte the JSON of the file-and-summarizer path
 * that `precis summarize --json` takes for the same articles as one JSON
 * line, the same answer from every thread of an engine, and a clear error
 * for every bad setting.  The articles are the bundled example cluster.
 */
#include <jansson.h>
#include <pthread.h>

#include "test_util.h"

static const char *const example_files[] = {
    "examples/daraa/000_424f73fbbff911b5.txt",
    "examples/daraa/001_119253a322498d90.txt",
    "examples/daraa/002_e0ea39413d814194.txt",
    "examples/daraa/003_701a64f51c75c631.txt",
};
#define NFILES (sizeof example_files / sizeof example_files[0])

typedef struct example {
    char *texts[NFILES];
    size_t lens[NFILES];
} example;

static int setup(void **state)
{
    example *ex = calloc(1, sizeof *ex);
    for (size_t i = 0; i < NFILES; i++) {
        ex->texts[i] = test_read_file(example_files[i], &ex->lens[i]);
        assert_non_null(ex->texts[i]);
    }
    *state = ex;
    return 0;
}

static int teardown(void **state)
{
    example *ex = *state;
    for (size_t i = 0; i < NFILES; i++)
        free(ex->texts[i]);
    free(ex);
    return 0;
}

/* The path of `precis summarize --json` on one JSON line holding the texts. */
static char *json_line_path(const example *ex, const char *words)
{
    json_t *docs = json_array();
    for (size_t i = 0; i < NFILES; i++)
        json_array_append_new(docs, json_stringn(ex->texts[i], ex->lens[i]));
    json_t *line = json_pack("{s:s, s:o}", "id", "daraa", "documents", docs);
    char *text = json_dumps(line, JSON_COMPACT);
    json_decref(line);
    precis_error err;
    precis_cluster *cluster = NULL;
    assert_int_equal(precis_cluster_parse_json(text, strlen(text), "t", 1, &cluster, &err),
                     PRECIS_OK);
    free(text);
    precis_model *model = NULL;
    assert_int_equal(precis_model_new(&model, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.budget = (size_t)atol(words);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(model, &o, &s, &err), PRECIS_OK);
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, cluster->articles, cluster->count, cluster->markup, &sum,
                                      &err),
                     PRECIS_OK);
    char *json = NULL;
    assert_int_equal(precis_summary_to_json(sum, cluster, cluster->id, &json, &err), PRECIS_OK);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_model_free(model);
    precis_cluster_free(cluster);
    return json;
}

static void test_one_call_gives_the_json_of_the_cli_path(void **state)
{
    example *ex = *state;
    const char *const words[] = {"100", "230", "40"};
    for (size_t w = 0; w < 3; w++) {
        precis_error err;
        precis_settings *settings = NULL;
        assert_int_equal(precis_settings_new(&settings, &err), PRECIS_OK);
        assert_int_equal(precis_settings_set(settings, "words", words[w], &err), PRECIS_OK);
        char *json = NULL;
        precis_summary *sum = NULL;
        assert_int_equal(precis_summarize_texts(settings, "daraa",
                                                (const char *const *)ex->texts, ex->lens, NULL,
                                                NULL, NFILES, &sum, &json, &err),
                         PRECIS_OK);
        char *expected = json_line_path(ex, words[w]);
        assert_string_equal(json, expected);
        assert_true(sum->count > 0);
        assert_true(sum->words <= (size_t)atol(words[w]));
        precis_string_free(expected);
        precis_string_free(json);
        precis_summary_free(sum);
        precis_settings_free(settings);
    }
}

typedef struct worker {
    precis_engine *engine;
    const precis_settings *settings;
    const example *ex;
    int mismatches;
    const char *expected;
} worker;

static void *summarize_many(void *arg)
{
    worker *w = arg;
    for (int i = 0; i < 25; i++) {
        char *json = NULL;
        precis_error err;
        if (precis_engine_summarize_texts(w->engine, w->settings, "daraa",
                                          (const char *const *)w->ex->texts, w->ex->lens, NULL,
                                          NULL, NFILES, NULL, &json, &err) != PRECIS_OK ||
            strcmp(json, w->expected))
            w->mismatches++;
        precis_string_free(json);
    }
    return NULL;
}

/* Four threads on one engine, alternating two methods: every answer is the
 * one-thread answer. */
static void test_engine_is_shared_by_threads(void **state)
{
    example *ex = *state;
    precis_error err;
    precis_engine *engine = NULL;
    assert_int_equal(precis_engine_new(&engine, &err), PRECIS_OK);
    precis_settings *def = NULL, *lead = NULL;
    assert_int_equal(precis_settings_new(&def, &err), PRECIS_OK);
    assert_int_equal(precis_settings_copy(def, &lead, &err), PRECIS_OK);
    assert_int_equal(precis_settings_set(lead, "method", "lead", &err), PRECIS_OK);
    char *expected[2] = {NULL, NULL};
    const precis_settings *which[2] = {def, lead};
    for (int k = 0; k < 2; k++)
        assert_int_equal(precis_summarize_texts(which[k], "daraa", (const char *const *)ex->texts,
                                                ex->lens, NULL, NULL, NFILES, NULL, &expected[k],
                                                &err),
                         PRECIS_OK);
    assert_string_not_equal(expected[0], expected[1]);
    pthread_t threads[4];
    worker workers[4];
    for (int t = 0; t < 4; t++) {
        workers[t] = (worker){engine, which[t % 2], ex, 0, expected[t % 2]};
        assert_int_equal(pthread_create(&threads[t], NULL, summarize_many, &workers[t]), 0);
    }
    for (int t = 0; t < 4; t++) {
        pthread_join(threads[t], NULL);
        assert_int_equal(workers[t].mismatches, 0);
    }
    precis_string_free(expected[0]);
    precis_string_free(expected[1]);
    precis_settings_free(def);
    precis_settings_free(lead);
    precis_engine_free(engine);
}

static void test_bad_settings_are_named(void **state)
{
    (void)state;
    precis_error err;
    precis_settings *s = NULL;
    assert_int_equal(precis_settings_new(&s, &err), PRECIS_OK);
    static const char *const bad[][3] = {
        {"words", "0", "words needs a whole number"},
        {"words", "12x", "words needs a whole number"},
        {"bytes", "99999999999999999999999", "bytes needs a whole number"},
        {"method", "best", "unknown method 'best'"},
        {"redundancy", "1.5", "redundancy needs a number from 0 to 1"},
        {"lexrank_weight", "inf", "lexrank_weight needs a finite number"},
        {"lexrank_weight", "nan", "lexrank_weight needs a finite number"},
        {"truncate", "maybe", "truncate needs true or false"},
        {"markup", "html", "markup needs plain or sgml"},
        {"colour", "red", "unknown setting 'colour'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&err, 0, sizeof err);
        assert_int_equal(precis_settings_set(s, bad[i][0], bad[i][1], &err), PRECIS_E_ARGUMENT);
        assert_non_null(strstr(err.message, bad[i][2]));
    }
    /* the settings kept their defaults: 100 words */
    precis_options o;
    precis_options_init(&o);
    assert_int_equal(precis_settings_options(s, &o, &err), PRECIS_OK);
    assert_int_equal(o.budget, 100);
    assert_int_equal(o.budget_unit, PRECIS_BUDGET_WORDS);
    assert_int_equal(precis_settings_set(s, "sentences", "3", &err), PRECIS_OK);
    assert_int_equal(precis_settings_options(s, &o, &err), PRECIS_OK);
    assert_int_equal(o.budget, 3);
    assert_int_equal(o.budget_unit, PRECIS_BUDGET_SENTENCES);
    precis_settings_free(s);
}

static void test_bad_calls_fail_cleanly(void **state)
{
    (void)state;
    precis_error err;
    char *json = NULL;
    const char *texts[] = {"   \n\t  "};
    assert_int_equal(
        precis_summarize_texts(NULL, NULL, texts, NULL, NULL, NULL, 1, NULL, &json, &err),
        PRECIS_E_EMPTY);
    assert_null(json);
    assert_int_equal(
        precis_summarize_texts(NULL, NULL, NULL, NULL, NULL, NULL, 2, NULL, &json, &err),
        PRECIS_E_ARGUMENT);
    const char *with_null[] = {"The army said on Tuesday it had taken the town.", NULL};
    assert_int_equal(
        precis_summarize_texts(NULL, NULL, with_null, NULL, NULL, NULL, 2, NULL, &json, &err),
        PRECIS_E_ARGUMENT);
    assert_int_equal(
        precis_summarize_texts(NULL, NULL, with_null, NULL, NULL, NULL, 1, NULL, NULL, &err),
        PRECIS_E_ARGUMENT);
}

/* Titles are attribution: each sentence carries its article's title, the
 * rest of the JSON is the untitled one's. */
static void test_titles_are_carried_to_each_sentence(void **state)
{
    example *ex = *state;
    const char *titles[NFILES] = {"Syrian forces advance in the south", NULL,
                                  "Thousands flee Daraa", "Jordan keeps its border shut"};
    precis_error err;
    char *titled = NULL, *plain = NULL;
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize_texts(NULL, "daraa", (const char *const *)ex->texts,
                                            ex->lens, NULL, titles, NFILES, &sum, &titled, &err),
                     PRECIS_OK);
    assert_int_equal(precis_summarize_texts(NULL, "daraa", (const char *const *)ex->texts,
                                            ex->lens, NULL, NULL, NFILES, NULL, &plain, &err),
                     PRECIS_OK);
    json_error_t jerr;
    json_t *t = json_loads(titled, 0, &jerr), *p = json_loads(plain, 0, &jerr);
    assert_non_null(t);
    assert_non_null(p);
    json_t *sents = json_object_get(t, "sentences");
    assert_int_equal(json_array_size(sents), sum->count);
    for (size_t i = 0; i < json_array_size(sents); i++) {
        json_t *s = json_array_get(sents, i);
        size_t article = (size_t)json_integer_value(json_object_get(s, "article"));
        json_t *title = json_object_get(s, "title");
        if (titles[article])
            assert_string_equal(json_string_value(title), titles[article]);
        else
            assert_null(title);
        json_object_del(s, "title");
    }
    assert_true(json_equal(t, p)); /* but for the titles, the same JSON */
    json_decref(t);
    json_decref(p);
    precis_string_free(titled);
    precis_string_free(plain);
    precis_summary_free(sum);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_one_call_gives_the_json_of_the_cli_path, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_engine_is_shared_by_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_titles_are_carried_to_each_sentence, setup,
                                        teardown),
        cmocka_unit_test(test_bad_settings_are_named),
        cmocka_unit_test(test_bad_calls_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

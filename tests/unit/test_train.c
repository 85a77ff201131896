/*
 * test_train.c: training rows for the learned scorer and the logistic fit.
 */
#include "test_util.h"

static void logistic_fit_separates_and_is_deterministic(void **state)
{
    (void)state;
    /* y = 1 exactly when the second feature is large: bias + feature */
    enum { ROWS = 200 };
    double x[ROWS * 2];
    double y[ROWS];
    for (int r = 0; r < ROWS; r++) {
        double v = (double)(r % 20) / 20.0;
        x[r * 2] = 1.0;
        x[r * 2 + 1] = v;
        y[r] = v > 0.5 || r % 17 == 0; /* a little noise */
    }
    double w1[2], w2[2];
    precis_error err = {0};
    assert_int_equal(precis_fit_logistic(x, y, ROWS, 2, 0.1, 50, w1, &err), PRECIS_OK);
    assert_int_equal(precis_fit_logistic(x, y, ROWS, 2, 0.1, 50, w2, &err), PRECIS_OK);
    assert_true(w1[1] > 5.0);  /* strongly positive on the feature */
    assert_true(w1[0] < -2.0); /* negative bias */
    assert_memory_equal(w1, w2, sizeof w1);
    assert_int_equal(precis_fit_logistic(x, y, 0, 2, 0.1, 50, w1, &err), PRECIS_E_ARGUMENT);
}

static void training_rows_label_what_the_oracle_picks(void **state)
{
    (void)state;
    const char *names[2] = {"000_424f73fbbff911b5.txt", "002_e0ea39413d814194.txt"};
    precis_article arts[2];
    char *texts[2];
    for (int i = 0; i < 2; i++) {
        char path[256];
        snprintf(path, sizeof path, "examples/daraa/%s", names[i]);
        size_t len;
        texts[i] = test_read_file(path, &len);
        assert_non_null(texts[i]);
        arts[i] = (precis_article){names[i], texts[i], len};
    }
    precis_error err = {0};
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    o.budget = 60;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_OK);
    const char *refs[1] = {"Jordan said it would keep its border closed to Syrian refugees fleeing "
                           "the government offensive in Daraa."};
    precis_rows *rows = NULL;
    assert_int_equal(precis_training_rows(s, arts, 2, PRECIS_MARKUP_PLAIN, refs, 1, 1, &rows, &err),
                     PRECIS_OK);
    assert_int_equal(rows->features, precis_feature_count());
    assert_true(rows->count > 20);
    size_t positives = 0;
    for (size_t r = 0; r < rows->count; r++) {
        positives += rows->y[r];
        assert_true(rows->density[r] >= 0 && rows->density[r] <= 1);
        assert_true(rows->x[r * rows->features] == 1.0); /* the bias feature */
    }
    assert_true(positives >= 1 && positives <= 4);
    assert_string_equal(precis_feature_name(0), "bias");
    assert_null(precis_feature_name(precis_feature_count()));
    precis_rows_free(rows);
    assert_int_equal(precis_training_rows(s, arts, 2, PRECIS_MARKUP_PLAIN, refs, 0, 1, &rows, &err),
                     PRECIS_E_ARGUMENT);
    precis_summarizer_free(s);
    precis_model_free(m);
    free(texts[0]);
    free(texts[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(logistic_fit_separates_and_is_deterministic),
        cmocka_unit_test(training_rows_label_what_the_oracle_picks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_version.c: the library linked reports the version of the header it
 * was built with, as a string and as a number (issue #12: a numeric runtime
 * version, so bindings and programs can check what they run against).
 */
#include "test_util.h"

/* The macro is usable in #if and follows MAJOR * 10000 + MINOR * 100 + PATCH. */
#if PRECIS_VERSION_NUMBER != PRECIS_VERSION_MAJOR * 10000 + PRECIS_VERSION_MINOR * 100 \
                                 + PRECIS_VERSION_PATCH
#error "PRECIS_VERSION_NUMBER does not follow MAJOR * 10000 + MINOR * 100 + PATCH"
#endif

static void test_number_matches_macro(void **state)
{
    (void)state;
    assert_int_equal(precis_version_number(), PRECIS_VERSION_NUMBER);
    assert_int_equal(precis_version_number(), PRECIS_VERSION_MAJOR * 10000
                                                  + PRECIS_VERSION_MINOR * 100
                                                  + PRECIS_VERSION_PATCH);
}

static void test_string_matches_macros(void **state)
{
    (void)state;
    assert_string_equal(precis_version(), PRECIS_VERSION_STRING);
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", PRECIS_VERSION_MAJOR,
             PRECIS_VERSION_MINOR, PRECIS_VERSION_PATCH);
    assert_string_equal(precis_version(), expected);
}

/* Each part fits its two decimal digits, so the number orders versions. */
static void test_parts_in_range(void **state)
{
    (void)state;
    assert_true(PRECIS_VERSION_MAJOR >= 0);
    assert_in_range(PRECIS_VERSION_MINOR, 0, 99);
    assert_in_range(PRECIS_VERSION_PATCH, 0, 99);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_matches_macro),
        cmocka_unit_test(test_string_matches_macros),
        cmocka_unit_test(test_parts_in_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

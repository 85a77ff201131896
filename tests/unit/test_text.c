/*
 * test_text.c: the character helpers every text module shares (base/text.c):
 * decoding backwards, stripping the closers after a stop, the one ASCII
 * white-space test.  Real endings from news text, curly and straight.
 */
#include "test_util.h"

#include "text.h"

static void test_decode_last(void **state)
{
    (void)state;
    size_t n;
    assert_int_equal(text_decode_last("said.\xE2\x80\x9D", 8, &n), 0x201D);
    assert_int_equal(n, 3);
    assert_int_equal(text_decode_last("caf\xC3\xA9", 5, &n), 0xE9);
    assert_int_equal(n, 2);
    assert_int_equal(text_decode_last("end.", 4, &n), '.');
    assert_int_equal(n, 1);
    /* a lone continuation byte, a cut sequence: one replacement byte */
    assert_int_equal(text_decode_last("x\x80", 2, &n), TEXT_REPLACEMENT);
    assert_int_equal(n, 1);
    assert_int_equal(text_decode_last("x\xE2\x80", 3, &n), TEXT_REPLACEMENT);
    assert_int_equal(n, 1);
}

static void test_strip_closers(void **state)
{
    (void)state;
    const char *s = "\xE2\x80\x9CWe will stay,\xE2\x80\x9D he said.\xE2\x80\x9D ) ";
    size_t k = text_strip_closers(s, strlen(s));
    assert_int_equal(k, strlen("\xE2\x80\x9CWe will stay,\xE2\x80\x9D he said."));
    size_t n;
    assert_true(text_is_terminal(text_decode_last(s, k, &n)));
    assert_int_equal(text_strip_closers("\"')] ", 5), 0);
    const char *ellipsis = "and then\xE2\x80\xA6\xE2\x80\x99";
    k = text_strip_closers(ellipsis, strlen(ellipsis));
    assert_true(text_is_terminal(text_decode_last(ellipsis, k, &n)));
    assert_false(text_is_terminal(':'));
}

static void test_ascii_space(void **state)
{
    (void)state;
    const char spaces[] = " \t\n\r\f\v";
    for (size_t i = 0; i < sizeof spaces - 1; i++)
        assert_true(text_is_ascii_space((unsigned char)spaces[i]));
    assert_false(text_is_ascii_space(0xA0));
    assert_false(text_is_ascii_space('x'));
    assert_true(text_is_space(0xA0)); /* NBSP is Unicode white space */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_last),
        cmocka_unit_test(test_strip_closers),
        cmocka_unit_test(test_ascii_space),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

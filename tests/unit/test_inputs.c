/*
 * test_inputs.c: the library's input readers on folders (issue #11, defect
 * 15): a folder's entries that are not articles are listed in the cluster's
 * warnings, a FIFO among them never blocks; a NUL byte anywhere makes an
 * article binary.
 */
#include "test_util.h"

#include <sys/stat.h>
#include <unistd.h>

static void odd_folder_entries_are_warned_about_and_never_block(void **state)
{
    (void)state;
    char dir[] = "/tmp/precis_test_inputs_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("The army said on Tuesday that the border stayed closed.\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/b_dangling", dir);
    assert_int_equal(symlink("nowhere", path), 0);
    snprintf(path, sizeof path, "%s/c_fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    snprintf(path, sizeof path, "%s/d_folder", dir);
    assert_int_equal(mkdir(path, 0700), 0);

    const char *paths[] = {dir};
    precis_cluster *c = NULL;
    precis_error err = {0};
    assert_int_equal(precis_cluster_read_files(paths, 1, &c, &err), PRECIS_OK);
    assert_int_equal(c->count, 1);
    assert_string_equal(c->articles[0].name, "a.txt");
    char want[1024];
    snprintf(want, sizeof want,
             "%s/b_dangling: skipped: dangling symbolic link\n"
             "%s/c_fifo: skipped: a FIFO (named pipe)\n"
             "%s/d_folder: skipped: a folder",
             dir, dir, dir);
    assert_non_null(c->warnings);
    assert_string_equal(c->warnings, want);
    precis_cluster_free(c);

    snprintf(path, sizeof path, "%s/a.txt", dir);
    unlink(path);
    assert_int_equal(precis_cluster_read_files(paths, 1, &c, &err), PRECIS_E_EMPTY);
    assert_non_null(strstr(err.message, "3 other entries skipped"));
    assert_null(c);

    snprintf(path, sizeof path, "%s/b_dangling", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/c_fifo", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/d_folder", dir);
    rmdir(path);
    rmdir(dir);
}

static void a_nul_byte_anywhere_makes_an_article_binary(void **state)
{
    (void)state;
    const char *sentence = "The army said on Tuesday that the border stayed closed. ";
    size_t slen = strlen(sentence), len = 100000;
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = sentence[i % slen];
    text[90000] = '\0'; /* past the 64 KB probe of control bytes */
    precis_error err = {0};
    precis_model *m = precis_model_new(&err);
    precis_options o = precis_options_default();
    precis_summarizer *s = precis_summarizer_new(m, &o, &err);
    assert_non_null(s);
    precis_article a = {"late-nul", text, len};
    precis_summary *sum = NULL;
    assert_int_equal(precis_summarize(s, &a, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_E_BINARY);
    text[90000] = 'x';
    assert_int_equal(precis_summarize(s, &a, 1, PRECIS_MARKUP_PLAIN, &sum, &err), PRECIS_OK);
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_model_free(m);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(odd_folder_entries_are_warned_about_and_never_block),
        cmocka_unit_test(a_nul_byte_anywhere_makes_an_article_binary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_inputs.c: the library's input readers on streams and folders (issue
 * #11, defects 10 and 15): a stream handed over with the bytes already read
 * from it loses none of them, plain or compressed; a folder's entries that
 * are not articles are listed in the cluster's warnings, a FIFO among them
 * never blocks; a NUL byte anywhere makes an article binary.
 */
#include "test_util.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* A temporary file holding `len` bytes, opened for reading at offset `skip`
 * (as if the caller had read that much of it). */
static FILE *stream_of(const void *bytes, size_t len, size_t skip)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fseek(f, (long)skip, SEEK_SET), 0);
    return f;
}

static void a_stream_and_its_head_give_every_line(void **state)
{
    (void)state;
    const char *text = "  \n{\"a\": 1}\r\nsecond line\nlast, no newline";
    const char *want[] = {"  ", "{\"a\": 1}", "second line", "last, no newline"};
    for (size_t skip = 0; skip <= 5; skip++) {
        FILE *f = stream_of(text, strlen(text), skip);
        precis_lines *r = NULL;
        precis_error err = {0};
        assert_int_equal(precis_lines_open_stream(f, "fifo", text, skip, &r, &err), PRECIS_OK);
        const char *line;
        size_t len;
        for (size_t i = 0; i < 4; i++) {
            assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
            assert_non_null(line);
            assert_int_equal(len, strlen(want[i]));
            assert_memory_equal(line, want[i], len);
            assert_int_equal(line[len], '\0');
        }
        assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
        assert_null(line);
        assert_int_equal(precis_lines_number(r), 4);
        precis_lines_free(r); /* leaves the stream open */
        assert_int_equal(fclose(f), 0);
    }
}

static void a_compressed_stream_is_recognised_after_its_head(void **state)
{
    (void)state;
    const char *text = "{\"id\": \"x\"}\n{\"id\": \"y\"}\n";
    unsigned char gz[256];
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (unsigned char *)text;
    z.avail_in = (uInt)strlen(text);
    z.next_out = gz;
    z.avail_out = sizeof gz;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = sizeof gz - z.avail_out;
    deflateEnd(&z);
    /* the caller read one byte of the magic: the reader still sees it */
    FILE *f = stream_of(gz, n, 1);
    precis_lines *r = NULL;
    precis_error err = {0};
    assert_int_equal(precis_lines_open_stream(f, NULL, gz, 1, &r, &err), PRECIS_OK);
    const char *line;
    size_t len;
    assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
    assert_non_null(line);
    assert_string_equal(line, "{\"id\": \"x\"}");
    assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
    assert_non_null(line);
    assert_string_equal(line, "{\"id\": \"y\"}");
    assert_int_equal(precis_lines_next(r, &line, &len, &err), PRECIS_OK);
    assert_null(line);
    precis_lines_free(r);
    fclose(f);
}

static void a_stream_read_as_an_article_keeps_its_head(void **state)
{
    (void)state;
    const char *text = "\n\nThe army said on Tuesday that the border stayed closed.\n";
    FILE *f = stream_of(text, strlen(text), 3);
    precis_cluster *c = NULL;
    precis_error err = {0};
    assert_int_equal(precis_cluster_read_stream(f, "/dev/fd/63", text, 3, &c, &err), PRECIS_OK);
    assert_int_equal(c->count, 1);
    assert_string_equal(c->articles[0].name, "63");
    assert_int_equal(c->articles[0].len, strlen(text));
    assert_memory_equal(c->articles[0].text, text, strlen(text));
    assert_null(c->warnings);
    precis_cluster_free(c);
    fclose(f);
}

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
    precis_model *m = NULL;
    assert_int_equal(precis_model_new(&m, &err), PRECIS_OK);
    precis_options o;
    precis_options_init(&o);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(m, &o, &s, &err), PRECIS_OK);
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
        cmocka_unit_test(a_stream_and_its_head_give_every_line),
        cmocka_unit_test(a_compressed_stream_is_recognised_after_its_head),
        cmocka_unit_test(a_stream_read_as_an_article_keeps_its_head),
        cmocka_unit_test(odd_folder_entries_are_warned_about_and_never_block),
        cmocka_unit_test(a_nul_byte_anywhere_makes_an_article_binary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

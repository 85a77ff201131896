/*
 * streams.c: what the command writes reaches its destination, or it says
 * so: stdout is checked after each record and at exit (exit 3 on a full
 * disk or a closed stdout, said once); a closed standard stream is held by
 * /dev/null so no file precis opens takes its number; an article that is a
 * compressed file is named as such instead of "binary".
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Set once the write error is reported, so that it is said once. */
static int output_error_reported;

int cli_check_output(void)
{
    errno = 0;
    int failed = fflush(stdout) != 0;
    int why = errno;
    if (ferror(stdout))
        failed = 1;
    if (!failed)
        return 0;
    if (!output_error_reported) {
        output_error_reported = 1;
        cli_warn("write error: %s", why ? strerror(why) : "the output could not be written");
    }
    return EXIT_SYSTEM;
}

/* At exit: everything written to stdout reached it (flushed, closed). */
int cli_finish_output(int rc)
{
    int out = cli_check_output();
    errno = 0;
    if (fclose(stdout) != 0 && !out) {
        int why = errno;
        if (!output_error_reported)
            cli_warn("write error: %s", why ? strerror(why) : "the output could not be closed");
        out = EXIT_SYSTEM;
    }
    return rc ? rc : out;
}

/* A closed standard stream gets /dev/null opened the wrong way round: no
 * file precis opens can take its number (and receive the output), and
 * writing to a closed stdout fails as a write error instead of going
 * nowhere. */
void cli_reserve_standard_streams(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
        if (got >= 0 && got != fd) {
            dup2(got, fd);
            close(got);
        }
    }
}

int cli_check_compressed(const precis_cluster *cluster, precis_error *err)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *name, *batch;
    } formats[] = {
        {"\x1f\x8b", 2, "gzip", ".jsonl.gz"},
        {"\xfd" "7zXZ\0", 6, "xz", ".jsonl.xz"},
        {"BZh", 3, "bzip2", NULL},
        {"PK\x03\x04", 4, "zip", NULL},
        {"\x28\xb5\x2f\xfd", 4, "zstd", NULL},
    };
    for (size_t i = 0; cluster && i < cluster->count; i++) {
        const precis_article *a = &cluster->articles[i];
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            if (a->len < formats[f].len || memcmp(a->text, formats[f].magic, formats[f].len))
                continue;
            /* "BZh" starts English text too: bzip2 has a block size digit and
             * its block magic (the digits of pi) after it */
            if (f == 2 && (a->len < 10 || a->text[3] < '1' || a->text[3] > '9' ||
                           memcmp(a->text + 4, "\x31\x41\x59\x26\x53\x59", 6)))
                continue;
            if (formats[f].batch)
                cli_fail(err, PRECIS_E_BINARY, a->name,
                         "compressed file (%s); decompress it or pass a %s batch",
                         formats[f].name, formats[f].batch);
            else
                cli_fail(err, PRECIS_E_BINARY, a->name, "compressed file (%s); decompress it",
                         formats[f].name);
            return -1;
        }
    }
    return 0;
}

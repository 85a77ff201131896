/*
 * test_util.h: what every unit test file includes.  cmocka is the runner;
 * each test file is its own program built against libprecis.a.
 */
#ifndef PRECIS_TEST_UTIL_H
#define PRECIS_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "precis.h"
#include "precis_eval.h"
#include "precis_io.h"
#include "precis_train.h"

/* The shared data folder (../shared beside the project), or NULL when this
 * checkout has none: tests that need it then skip (cmocka's skip(), which
 * tests/run.sh counts as skipped, never as passed).  When PRECIS_SHARED is
 * set it is the only place looked at: a missing folder (or an empty value)
 * means no shared data, so PRECIS_SHARED=/nonexistent simulates a checkout
 * without ../shared. */
static inline const char *test_shared_dir(void)
{
    const char *env = getenv("PRECIS_SHARED");
    static const char *const candidates[] = {"../shared", "../../shared", NULL};
    struct stat st;
    if (env)
        return *env && stat(env, &st) == 0 && S_ISDIR(st.st_mode) ? env : NULL;
    for (int i = 0; candidates[i]; i++)
        if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
            return candidates[i];
    return NULL;
}

/* The project's own test data (tests/data): the tests run from the project
 * root, as tests/run.sh does; PRECIS_TEST_DATA overrides. */
static inline const char *test_data_dir(void)
{
    const char *env = getenv("PRECIS_TEST_DATA");
    return env && *env ? env : "tests/data";
}

/* Reads a whole file into a NUL-terminated malloc'd buffer (NULL on error). */
static inline char *test_read_file(const char *path, size_t *len)
{
    if (len)
        *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

#endif

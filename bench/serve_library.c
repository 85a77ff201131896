/*
 * serve_library.c: what /v1/summarize costs without HTTP: the same call the
 * server's workers make (precis_engine_summarize_texts, JSON out) on the
 * same articles, in one thread, timed over many calls.  bench/serve.sh
 * builds and runs it; the difference with the server's latency at one
 * connection is the cost of HTTP, the request's JSON parsing and the queue.
 *
 *   serve_library FILE...
 */
#include <precis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t count = (size_t)argc - 1;
    const char **texts = calloc(count + 1, sizeof *texts);
    size_t *lens = calloc(count + 1, sizeof *lens);
    const char **names = calloc(count + 1, sizeof *names);
    for (size_t i = 0; i < count; i++) {
        if (!(texts[i] = read_file(argv[i + 1], &lens[i]))) {
            fprintf(stderr, "serve_library: cannot read %s\n", argv[i + 1]);
            return 1;
        }
        const char *slash = strrchr(argv[i + 1], '/');
        names[i] = slash ? slash + 1 : argv[i + 1];
    }
    precis_engine *engine = NULL;
    precis_error err = {0};
    if (precis_engine_new(&engine, &err) != PRECIS_OK) {
        fprintf(stderr, "serve_library: %s\n", err.message);
        return 1;
    }
    int calls = 0;
    double start = now(), elapsed = 0;
    while (elapsed < 3.0) {
        char *json = NULL;
        if (precis_engine_summarize_texts(engine, NULL, NULL, texts, lens, names, NULL, count,
                                          NULL, &json, &err) != PRECIS_OK) {
            fprintf(stderr, "serve_library: %s\n", err.message);
            return 1;
        }
        precis_string_free(json);
        calls++;
        elapsed = now() - start;
    }
    printf("The library alone (precis_engine_summarize_texts, one thread): %.3f ms per call "
           "(%d calls, %.0f calls/s).\n", elapsed * 1e3 / calls, calls, calls / elapsed);
    precis_engine_free(engine);
    for (size_t i = 0; i < count; i++)
        free((void *)texts[i]);
    free(texts);
    free(lens);
    free(names);
    return 0;
}

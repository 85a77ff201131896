/*
 * brief.c: the one-call entry of libprecis.
 *
 *   cc brief.c $(pkg-config --cflags --libs precis) -o brief
 *   ./brief [--words N] [--method NAME] FILE...
 *
 * Holds the articles in memory, as a server or a binding would, and makes
 * one call: settings by name, texts in, JSON with attribution out (what
 * `precis summarize --json` prints for the same articles given as one JSON
 * line).  Uses only the public header.
 */
#include <precis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file in a malloc'd buffer; NULL when it cannot be read. */
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
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    precis_error err = {0};
    precis_settings *settings = NULL;
    if (precis_settings_new(&settings, &err) != PRECIS_OK) {
        fprintf(stderr, "brief: %s\n", err.message);
        return 1;
    }
    int first = 1;
    while (first + 1 < argc && !strncmp(argv[first], "--", 2)) {
        if (precis_settings_set(settings, argv[first] + 2, argv[first + 1], &err) != PRECIS_OK) {
            fprintf(stderr, "brief: %s\n", err.message);
            precis_settings_free(settings);
            return 2;
        }
        first += 2;
    }
    size_t count = (size_t)(argc - first);
    if (count == 0) {
        fprintf(stderr, "usage: %s [--words N] [--method NAME] FILE...\n", argv[0]);
        precis_settings_free(settings);
        return 2;
    }
    char **texts = calloc(count, sizeof *texts);
    size_t *lens = calloc(count, sizeof *lens);
    int rc = texts && lens ? 0 : 1;
    for (size_t i = 0; i < count && rc == 0; i++) {
        texts[i] = read_file(argv[first + (int)i], &lens[i]);
        if (!texts[i]) {
            fprintf(stderr, "brief: cannot read %s\n", argv[first + (int)i]);
            rc = 1;
        }
    }
    char *json = NULL;
    if (rc == 0 && precis_summarize_texts(settings, "brief", (const char *const *)texts, lens,
                                          NULL, NULL, count, NULL, &json, &err) != PRECIS_OK) {
        fprintf(stderr, "brief: %s\n", err.message);
        rc = 1;
    }
    if (json && (puts(json) == EOF || fflush(stdout) != 0)) {
        fprintf(stderr, "brief: write error\n");
        rc = 1;
    }
    precis_string_free(json);
    for (size_t i = 0; texts && i < count; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    precis_settings_free(settings);
    return rc;
}

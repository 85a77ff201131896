/*
 * article_input.h: the articles of `precis dedup` and `precis cluster`,
 * read from JSON lines (a file, .gz, .xz, or standard input) or a folder of
 * text files, and handed one by one to the command.
 */
#ifndef PRECIS_ARTICLE_INPUT_H
#define PRECIS_ARTICLE_INPUT_H

#include <stddef.h>

#include "precis_stories.h"

typedef struct article_reader {
    const char *path;    /* a file, a folder, or "-" */
    int skip_bad, quiet;
    /* called for each article; returns an exit code (EXIT_OK to go on) */
    int (*each)(void *ctx, precis_stream_article *article, const char *source, long line);
    void *ctx;
    size_t skipped;      /* bad lines skipped (--skip-bad) */
} article_reader;

/* Reads every article: EXIT_OK, or the exit code of the first error (bad
 * input unless skip_bad, I/O) after reporting it. */
int cli_read_articles(article_reader *r);

#endif

/*
 * article_input.c: the articles of `precis dedup` and `precis cluster`
 * (article_input.h).  JSON lines {"id", "text", "title"?, "date"?} through
 * the library's line reader (plain, gzip, xz, standard input), each parsed
 * by precis_stream_article_parse; or a folder, one article per file named
 * by the file name (precis_cluster_read_files).  A bad line stops the run
 * with its file and line, or is reported and skipped with --skip-bad.
 */
#include "article_input.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int read_lines(article_reader *r)
{
    precis_error err = {0};
    precis_lines *lines = NULL;
    int from_stdin = !strcmp(r->path, "-");
    precis_status st = from_stdin ? precis_lines_open_stream(stdin, "-", NULL, 0, &lines, &err)
                                  : precis_lines_open(r->path, &lines, &err);
    if (st != PRECIS_OK)
        return cli_report(&err);
    const char *source = from_stdin ? "(stdin)" : r->path;
    int rc = EXIT_OK;
    for (;;) {
        const char *text;
        size_t len;
        st = precis_lines_next(lines, &text, &len, &err);
        if (st != PRECIS_OK) {
            int go_on = r->skip_bad && precis_lines_resumable(lines);
            rc = cli_report(&err);
            if (!go_on)
                break;
            rc = EXIT_OK;
            r->skipped++;
            continue;
        }
        if (!text)
            break;
        long line = precis_lines_number(lines);
        size_t blank = 0;
        while (blank < len && (text[blank] == ' ' || text[blank] == '\t' || text[blank] == '\r'))
            blank++;
        if (blank == len)
            continue;
        precis_stream_article a;
        if (precis_stream_article_parse(text, len, source, line, &a, &err) != PRECIS_OK) {
            rc = cli_report(&err);
            if (!r->skip_bad)
                break;
            rc = EXIT_OK;
            r->skipped++;
            continue;
        }
        rc = r->each(r->ctx, &a, source, line);
        precis_stream_article_clear(&a);
        if (rc != EXIT_OK)
            break;
    }
    precis_lines_free(lines);
    return rc;
}

static int read_folder(article_reader *r)
{
    precis_error err = {0};
    precis_cluster *c = NULL;
    const char *paths[] = {r->path};
    if (precis_cluster_read_files(paths, 1, &c, &err) != PRECIS_OK)
        return cli_report(&err);
    if (!r->quiet && c->warnings)
        for (const char *p = c->warnings; *p;) {
            size_t n = strcspn(p, "\n");
            cli_warn("%.*s", (int)n, p);
            p += n + (p[n] == '\n');
        }
    int rc = EXIT_OK;
    for (size_t i = 0; i < c->count && rc == EXIT_OK; i++) {
        precis_stream_article a = {0};
        a.id = (char *)c->articles[i].name;
        a.text = (char *)c->articles[i].text;
        a.len = c->articles[i].len;
        a.time = NAN;
        rc = r->each(r->ctx, &a, r->path, 0);
    }
    precis_cluster_free(c);
    return rc;
}

int cli_read_articles(article_reader *r)
{
    struct stat st;
    int folder = strcmp(r->path, "-") && stat(r->path, &st) == 0 && S_ISDIR(st.st_mode);
    return folder ? read_folder(r) : read_lines(r);
}

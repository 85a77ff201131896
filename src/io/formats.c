/*
 * formats.c: clusters from the input formats precis reads.
 *
 *   - JSON lines (multi_news schema or a "documents" array), parsed with
 *     jansson;
 *   - plain files and folders of files, one article per file;
 *   - the DUC/TAC layout, a root of cluster folders of SGML files.
 *
 * Every cluster owns copies of its texts, so the caller may drop the input
 * buffer as soon as a cluster is parsed (batch mode streams).
 *
 * Files are read once, from the one stream opened: a pipe or FIFO cannot be
 * reopened, so precis_cluster_read_stream takes a stream the caller already
 * began to read (to detect the format) with the bytes it read.  A folder's
 * entries are examined with lstat/stat before any is opened: sub-folders,
 * FIFOs, sockets, devices, dangling and looping symbolic links are skipped,
 * each named in the cluster's warnings (the library never prints), and the
 * regular files are opened with O_NONBLOCK and checked again with fstat, so
 * an entry that turns into a FIFO meanwhile cannot hang the read either.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "json_lines.h"
#include "paths.h"
#include "precis_io.h"

#define ARTICLE_SEPARATOR "|||||"
#define NEWLINE_MARKER "NEWLINE_CHAR"

void precis_cluster_free(precis_cluster *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++) {
        free((char *)c->articles[i].name);
        free((char *)c->articles[i].text);
    }
    for (size_t i = 0; i < c->nreferences; i++)
        free(c->references[i]);
    free(c->references);
    free(c->articles);
    free(c->id);
    free(c->warnings);
    free(c);
}

static int add_article(precis_cluster *c, size_t *cap, char *name, char *text, size_t len)
{
    if (c->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        precis_article *grown = realloc(c->articles, ncap * sizeof *grown);
        if (!grown)
            return -1;
        c->articles = grown;
        *cap = ncap;
    }
    c->articles[c->count].name = name;
    c->articles[c->count].text = text;
    c->articles[c->count].len = len;
    c->count++;
    return 0;
}

static char *index_name(size_t i)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", i);
    return strdup(buf);
}

/* Copy of s[0..len) with NEWLINE_CHAR turned into "\n" + spaces (same length). */
static char *copy_article(const char *s, size_t len)
{
    char *t = malloc(len + 1);
    if (!t)
        return NULL;
    memcpy(t, s, len);
    t[len] = '\0';
    const size_t mlen = sizeof NEWLINE_MARKER - 1;
    for (char *p = t; (p = memmem(p, len - (size_t)(p - t), NEWLINE_MARKER, mlen)) != NULL;) {
        p[0] = '\n';
        memset(p + 1, ' ', mlen - 1);
        p += mlen;
    }
    return t;
}

static int split_document(precis_cluster *c, size_t *cap, const char *doc, size_t len)
{
    const size_t slen = sizeof ARTICLE_SEPARATOR - 1;
    size_t start = 0;
    for (;;) {
        const char *sep = memmem(doc + start, len - start, ARTICLE_SEPARATOR, slen);
        size_t end = sep ? (size_t)(sep - doc) : len;
        char *name = index_name(c->count);
        char *text = copy_article(doc + start, end - start);
        if (!name || !text || add_article(c, cap, name, text, end - start) < 0) {
            free(name);
            free(text);
            return -1;
        }
        if (!sep)
            return 0;
        start = end + slen;
    }
}

static int add_reference(precis_cluster *c, const char *s, size_t len)
{
    char **grown = realloc(c->references, (c->nreferences + 1) * sizeof *grown);
    if (!grown)
        return -1;
    c->references = grown;
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    copy[len] = '\0';
    c->references[c->nreferences++] = copy;
    return 0;
}

/* A reference given as a string, or as a list of sentence strings (joined
 * with line breaks: one sentence per line). */
static precis_status add_reference_json(precis_cluster *c, json_t *ref, const char *what,
                                        const char *source, long line, precis_error *err)
{
    if (json_is_string(ref)) {
        if (add_reference(c, json_string_value(ref), json_string_length(ref)) < 0)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
        return PRECIS_OK;
    }
    if (!json_is_array(ref))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                           "%s is neither a string nor a list of sentences", what);
    size_t at, bad;
    char *joined = json_join_lines(ref, &at, &bad);
    if (!joined && bad < json_array_size(ref))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "%s[%zu] is not a string", what,
                           bad);
    if (!joined)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
    int rc = add_reference(c, joined, at);
    free(joined);
    if (rc < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
    return PRECIS_OK;
}

precis_status precis_cluster_parse_json(const char *text, size_t len, const char *source,
                                        long line, precis_cluster **out, precis_error *err)
{
    *out = NULL;
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!root)
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "invalid JSON: %s (column %d)",
                           jerr.text, jerr.column);
    precis_status st = PRECIS_OK;
    precis_cluster *c = calloc(1, sizeof *c);
    size_t cap = 0;
    if (!c) {
        json_decref(root);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
    }
    if (!json_is_object(root)) {
        st = PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "expected a JSON object");
        goto done;
    }
    json_t *id = json_object_get(root, "id");
    if (json_is_string(id)) {
        c->id = strdup(json_string_value(id));
    } else if (json_is_integer(id)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
        c->id = strdup(buf);
    } else if (id && !json_is_null(id)) {
        st = PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "\"id\" must be a string or number");
        goto done;
    }
    if (id && !json_is_null(id) && !c->id) {
        st = PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
        goto done;
    }
    json_t *doc = json_object_get(root, "document");
    json_t *docs = json_object_get(root, "documents");
    if (json_is_string(doc)) {
        if (split_document(c, &cap, json_string_value(doc), json_string_length(doc)) < 0) {
            st = PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
            goto done;
        }
    } else if (json_is_array(docs)) {
        size_t i;
        json_t *d;
        json_array_foreach(docs, i, d) {
            if (!json_is_string(d)) {
                st = PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                                 "\"documents\"[%zu] is not a string", i);
                goto done;
            }
            char *name = index_name(i);
            char *t = copy_article(json_string_value(d), json_string_length(d));
            if (!name || !t || add_article(c, &cap, name, t, json_string_length(d)) < 0) {
                free(name);
                free(t);
                st = PRECIS_FAIL(err, PRECIS_E_NOMEM, source, line, "out of memory");
                goto done;
            }
        }
    } else {
        st = PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                         "no \"document\" string or \"documents\" array");
        goto done;
    }
    /* "summary": a string or a list of sentences; "summaries": a list of
     * those, one per reference; not both (the rules of `precis rouge
     * --jsonl`, precis_eval.h) */
    json_t *summary = json_object_get(root, "summary");
    json_t *summaries = json_object_get(root, "summaries");
    if (summary && !json_is_null(summary) && summaries && !json_is_null(summaries)) {
        st = PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line,
                         "give \"summary\" or \"summaries\", not both");
        goto done;
    }
    if (summary && !json_is_null(summary)) {
        st = add_reference_json(c, summary, "\"summary\"", source, line, err);
        if (st != PRECIS_OK)
            goto done;
    }
    if (json_is_array(summaries)) {
        size_t i;
        json_t *r;
        json_array_foreach(summaries, i, r) {
            char what[48];
            snprintf(what, sizeof what, "\"summaries\"[%zu]", i);
            st = add_reference_json(c, r, what, source, line, err);
            if (st != PRECIS_OK)
                goto done;
        }
    } else if (summaries && !json_is_null(summaries)) {
        st = PRECIS_FAIL(err, PRECIS_E_FORMAT, source, line, "\"summaries\" is not a list");
        goto done;
    }
done:
    json_decref(root);
    if (st != PRECIS_OK) {
        precis_cluster_free(c);
        return st;
    }
    *out = c;
    return PRECIS_OK;
}

/* ---- files and folders ---------------------------------------------- */

/* The stream after the `head_len` bytes of `head` already read from it, up
 * to PRECIS_MAX_ARTICLE_BYTES: past that the rest is left unread and *cut is
 * set (the caller says so), so that memory stays flat whatever the file's
 * size.  The buffer is shrunk to what was read: a folder of many small
 * files costs their bytes, not a read block each. */
static precis_status read_stream(FILE *f, const char *name, const void *head, size_t head_len,
                                 char **text, size_t *len, int *cut, precis_error *err)
{
    const size_t limit = PRECIS_MAX_ARTICLE_BYTES;
    *cut = 0;
    if (head_len > limit)
        head_len = limit, *cut = 1;
    size_t cap = 1 << 16, n = head_len;
    while (cap < head_len + 1 && cap < limit)
        cap *= 2;
    char *buf = malloc(cap + 1);
    if (!buf)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, name, 0, "out of memory");
    if (head_len)
        memcpy(buf, head, head_len);
    while (!*cut) {
        if (n == cap) {
            if (cap >= limit) {
                char probe;
                *cut = fread(&probe, 1, 1, f) == 1;
                break;
            }
            size_t grown_cap = cap * 2 < limit ? cap * 2 : limit;
            char *grown = realloc(buf, grown_cap + 1);
            if (!grown) {
                free(buf);
                return PRECIS_FAIL(err, PRECIS_E_NOMEM, name, 0, "out of memory");
            }
            buf = grown;
            cap = grown_cap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return PRECIS_FAIL(err, PRECIS_E_IO, name, 0, "read error: %s", strerror(errno));
    }
    char *fitted = realloc(buf, n + 1);
    *text = fitted ? fitted : buf;
    *len = n;
    return PRECIS_OK;
}

/* Reads `path` ("-": stdin).  A folder entry (`entry`) is opened without
 * blocking and read only when it is still a regular file; otherwise *text
 * stays NULL and *skip says why. */
static precis_status read_file(const char *path, int entry, char **text, size_t *len,
                               int *cut, const char **skip, precis_error *err)
{
    *text = NULL;
    *skip = NULL;
    *cut = 0;
    if (!strcmp(path, "-"))
        return read_stream(stdin, "(stdin)", NULL, 0, text, len, cut, err);
    int fd = open(path, O_RDONLY | O_CLOEXEC | (entry ? O_NONBLOCK : 0));
    if (fd < 0)
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (entry && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
        close(fd);
        *skip = "not a regular file";
        return PRECIS_OK;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        close(fd);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "cannot open: %s", strerror(e));
    }
    precis_status st = read_stream(f, path, NULL, 0, text, len, cut, err);
    fclose(f);
    return st;
}

/* Why a folder entry is not an article file, or NULL for a regular file
 * (following a symbolic link).  `why` holds a reason that needs formatting. */
static const char *not_an_article(const char *path, char *why, size_t size)
{
    struct stat sb;
    if (lstat(path, &sb) != 0) {
        snprintf(why, size, "cannot be examined: %s", strerror(errno));
        return why;
    }
    if (S_ISLNK(sb.st_mode) && stat(path, &sb) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return "dangling symbolic link";
        if (errno == ELOOP)
            return "symbolic link loop";
        snprintf(why, size, "symbolic link that cannot be followed: %s", strerror(errno));
        return why;
    }
    if (S_ISREG(sb.st_mode))
        return NULL;
    if (S_ISDIR(sb.st_mode))
        return "a folder";
    if (S_ISFIFO(sb.st_mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(sb.st_mode))
        return "a socket";
    if (S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode))
        return "a device";
    return "not a regular file";
}

/* Appends "path: what" as a line of the cluster's warnings; -1 when out of
 * memory. */
static int add_warning(precis_cluster *c, const char *path, const char *what)
{
    size_t old = c->warnings ? strlen(c->warnings) : 0;
    size_t add = strlen(path) + strlen(what) + sizeof ": \n";
    char *grown = realloc(c->warnings, old + add);
    if (!grown)
        return -1;
    snprintf(grown + old, add, "%s%s: %s", old ? "\n" : "", path, what);
    c->warnings = grown;
    return 0;
}

/* Appends "path: skipped: why" to the cluster's warnings. */
static int add_skip_warning(precis_cluster *c, const char *path, const char *why)
{
    char what[400];
    snprintf(what, sizeof what, "skipped: %s", why);
    return add_warning(c, path, what);
}

/* Says that only the first PRECIS_MAX_ARTICLE_BYTES of a file were read. */
static int add_cut_warning(precis_cluster *c, const char *path)
{
    char what[160];
    snprintf(what, sizeof what, "only the first %zu MB were read (the limit of an article)",
             PRECIS_MAX_ARTICLE_BYTES >> 20);
    return add_warning(c, path, what);
}

precis_status precis_duc_list(const char *root, char ***names, size_t *count, precis_error *err)
{
    *names = NULL;
    *count = 0;
    precis_status st = folder_list(root, FOLDER_DIRS, names, count, err);
    if (st == PRECIS_OK && *count == 0)
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, root, 0,
                           "no cluster folders inside (expected ROOT/<cluster>/<document>)");
    return st;
}

void precis_duc_list_free(char **names, size_t count)
{
    folder_names_free(names, count);
}

static int looks_sgml(const char *text, size_t len)
{
    return memmem(text, len, "<DOC>", 5) && memmem(text, len, "<TEXT>", 6);
}

/* Reads one file as the next article.  A folder entry (`entry`) that is not
 * a regular file is skipped with a warning instead; *added says which. */
static precis_status add_file(precis_cluster *c, size_t *cap, const char *path, int entry,
                              int *sgml, int *added, precis_error *err)
{
    *added = 0;
    char why[320];
    const char *skip = entry ? not_an_article(path, why, sizeof why) : NULL;
    char *text = NULL;
    size_t len = 0;
    int cut = 0;
    if (!skip) {
        precis_status st = read_file(path, entry, &text, &len, &cut, &skip, err);
        if (st != PRECIS_OK)
            return st;
    }
    if (cut && add_cut_warning(c, !strcmp(path, "-") ? "(stdin)" : path) < 0) {
        free(text);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "out of memory");
    }
    if (skip) {
        if (add_skip_warning(c, path, skip) < 0)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "out of memory");
        return PRECIS_OK;
    }
    if (looks_sgml(text, len))
        (*sgml)++;
    char *name = strdup(!strcmp(path, "-") ? "(stdin)" : path_base_name(path));
    if (!name || add_article(c, cap, name, text, len) < 0) {
        free(name);
        free(text);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "out of memory");
    }
    *added = 1;
    return PRECIS_OK;
}

/* The articles of a folder, in name order. */
static precis_status add_folder(precis_cluster *c, size_t *cap, const char *dir, int *sgml,
                                precis_error *err)
{
    char **names = NULL;
    size_t n = 0, nread = 0;
    precis_status st = folder_list(dir, FOLDER_ANY, &names, &n, err);
    for (size_t k = 0; k < n; k++) {
        if (st == PRECIS_OK) {
            char *full = path_join(dir, names[k]);
            int added = 0;
            if (!full)
                st = PRECIS_FAIL(err, PRECIS_E_NOMEM, dir, 0, "out of memory");
            else
                st = add_file(c, cap, full, 1, sgml, &added, err);
            nread += (size_t)added;
            free(full);
        }
        free(names[k]);
    }
    free(names);
    if (st == PRECIS_OK && nread == 0) {
        if (n > 0)
            return PRECIS_FAIL(err, PRECIS_E_EMPTY, dir, 0,
                               "folder holds no files (%zu other entries skipped)", n);
        return PRECIS_FAIL(err, PRECIS_E_EMPTY, dir, 0, "folder holds no files");
    }
    return st;
}

precis_status precis_cluster_read_files(const char *const *paths, size_t count,
                                        precis_cluster **out, precis_error *err)
{
    *out = NULL;
    precis_cluster *c = calloc(1, sizeof *c);
    if (!c)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    size_t cap = 0;
    int sgml = 0, added;
    precis_status st = PRECIS_OK;
    for (size_t i = 0; i < count && st == PRECIS_OK; i++) {
        struct stat sb;
        if (strcmp(paths[i], "-") && stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            st = add_folder(c, &cap, paths[i], &sgml, err);
        else
            st = add_file(c, &cap, paths[i], 0, &sgml, &added, err);
    }
    if (st != PRECIS_OK) {
        precis_cluster_free(c);
        return st;
    }
    c->markup = sgml ? PRECIS_MARKUP_SGML : PRECIS_MARKUP_PLAIN;
    *out = c;
    return PRECIS_OK;
}

precis_status precis_cluster_read_stream(FILE *file, const char *name, const void *head,
                                         size_t head_len, precis_cluster **out,
                                         precis_error *err)
{
    *out = NULL;
    int std_in = !name || !strcmp(name, "-");
    const char *shown = std_in ? "(stdin)" : name;
    if (!file)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, shown, 0, "no stream to read");
    precis_cluster *c = calloc(1, sizeof *c);
    if (!c)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, shown, 0, "out of memory");
    char *text = NULL;
    size_t len = 0, cap = 0;
    int cut = 0;
    precis_status st = read_stream(file, shown, head, head_len, &text, &len, &cut, err);
    if (st != PRECIS_OK) {
        free(c);
        return st;
    }
    if (cut && add_cut_warning(c, shown) < 0) {
        free(text);
        free(c);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, shown, 0, "out of memory");
    }
    char *article = strdup(std_in ? "(stdin)" : path_base_name(name));
    if (!article || add_article(c, &cap, article, text, len) < 0) {
        free(article);
        free(text);
        precis_cluster_free(c);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, shown, 0, "out of memory");
    }
    c->markup = looks_sgml(text, len) ? PRECIS_MARKUP_SGML : PRECIS_MARKUP_PLAIN;
    *out = c;
    return PRECIS_OK;
}

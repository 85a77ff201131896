/*
 * cmd_rouge.c: `precis rouge`, ROUGE-1.5.5 scores for system summaries.
 *
 * The command only gathers items (one system summary and its references
 * each) from files, folders or two JSON-lines files, pairs them up, and
 * prints what the library computes: precis_rouge_score per item, then
 * precis_rouge_aggregate over all of them.  Items are scored in ROUGE's
 * order (sorted by id, as ROUGE sorts "<id>.<system>" keys), which is what
 * makes the bootstrap averages and intervals equal to ROUGE-1.5.5's.
 *
 * Every input problem stops the run with one line naming the file and,
 * for JSON lines, the line: a system item without a reference or the other
 * way round is an error, never a silent skip, because a partial average
 * looks like a valid one.
 *
 * Bounds: a summary file holds at most MAX_SUMMARY_BYTES (64 MB), checked on
 * a regular file's size and, for anything else (a FIFO, /dev/zero), by a
 * read loop that stops one byte past it.  Folder pairing sorts the system
 * files by name and by base name and finds each reference's match by
 * binary search: n log n, never every pair.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char help_text[] =
    "usage: precis rouge [options] SYSTEM REFERENCE...\n"
    "       precis rouge [options] --jsonl SYSTEM.jsonl REFERENCES.jsonl\n"
    "\n"
    "Scores system summaries against reference summaries exactly as ROUGE-1.5.5\n"
    "does with -n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 (plus -m, -s, -l, -b\n"
    "below), and prints the ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 averages of\n"
    "recall, precision and F with their 95% bootstrap confidence intervals, the\n"
    "numbers ROUGE-1.5.5 prints.\n"
    "\n"
    "Files and folders: a summary file holds one sentence per line (64 MB at most).\n"
    "  SYSTEM a file      one item, scored against every REFERENCE; a REFERENCE\n"
    "                     folder contributes its files whose names match SYSTEM's.\n"
    "  SYSTEM a folder    one item per file (hidden files are skipped); each\n"
    "                     REFERENCE is a folder and gives every item at least one\n"
    "                     reference; every reference file must match an item.\n"
    "  Matching: reference file R matches system file S (whose base name B is S\n"
    "  without its last extension) when R is S or B, or R starts with B followed\n"
    "  by '.', '_' or '-' (d061.txt matches d061.txt, d061.A.txt, d061_2.txt).\n"
    "  A reference matching several system files goes to the longest match.\n"
    "\n"
    "JSON lines (--jsonl): one object per line, matched by \"id\" (a string or an\n"
    "  integer).  System lines carry \"summary\"; reference lines carry \"summary\"\n"
    "  (one reference) or \"summaries\" (a list of references).  A summary is a\n"
    "  string with one sentence per line, or a list of sentences.  .gz and .xz\n"
    "  files are read directly.  Every id must be in both files, once.\n"
    "\n"
    "options:\n"
    "  -m              stem (WordNet exceptions + ROUGE's Porter stemmer)\n"
    "  -s              remove stop words (ROUGE's SMART list)\n"
    "  -l N            use the first N words of each summary\n"
    "  -b N            use the first N bytes of each summary\n"
    "  --flags STRING  ROUGE-1.5.5 flags, e.g. \"-c 90 -f B -m\" (before -m/-s/-l/-b)\n"
    "  --jsonl         the two inputs are JSON-lines files\n"
    "  --json          print one JSON object instead of ROUGE's table\n"
    "  --per-item      also print each item's scores (ROUGE's -d)\n"
    "  -h, --help      this help\n"
    "\n"
    "An empty system summary scores 0 and counts in the averages.\n"
    "Exit status: 0 success, 1 bad input (the message names file and line),\n"
    "2 usage error, 3 I/O or system error.\n";

/* One summary: owned sentences (a file's whole text is one "sentence": the
 * library splits lines itself). */
typedef struct summary {
    char **sent;
    size_t count;
} summary;

typedef struct item {
    char *id;
    char *key;          /* id + "." : ROUGE's sort key */
    const char *source; /* file for messages (borrowed) */
    long line;          /* JSON line, 0 for files */
    summary sys;
    summary *refs;
    size_t nrefs;
    precis_rouge_result result;
} item;

typedef struct item_list {
    item *v;
    size_t count, cap;
} item_list;

/* ---- errors ----------------------------------------------------------- */

static int fail(precis_status status, const char *source, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(precis_status status, const char *source, long line, const char *fmt, ...)
{
    precis_error e;
    memset(&e, 0, sizeof e);
    e.status = status;
    e.line = line;
    snprintf(e.source, sizeof e.source, "%s", source ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    return cli_report(&e);
}

static int nomem(void)
{
    return fail(PRECIS_E_NOMEM, "rouge", 0, "out of memory");
}

/* ---- ownership -------------------------------------------------------- */

static void summary_free(summary *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->sent[i]);
    free(s->sent);
    s->sent = NULL;
    s->count = 0;
}

static int summary_add(summary *s, char *text)
{
    char **grown = realloc(s->sent, (s->count + 1) * sizeof *grown);
    if (!grown) {
        free(text);
        return -1;
    }
    s->sent = grown;
    s->sent[s->count++] = text;
    return 0;
}

static void item_free(item *it)
{
    free(it->id);
    free(it->key);
    summary_free(&it->sys);
    for (size_t k = 0; k < it->nrefs; k++)
        summary_free(&it->refs[k]);
    free(it->refs);
}

static void list_free(item_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        item_free(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* A new zeroed item at the end of the list, named `id`; NULL on OOM. */
static item *list_push(item_list *l, const char *id, const char *source, long line)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        item *grown = realloc(l->v, cap * sizeof *grown);
        if (!grown)
            return NULL;
        l->v = grown;
        l->cap = cap;
    }
    item *it = &l->v[l->count];
    memset(it, 0, sizeof *it);
    size_t n = strlen(id);
    it->id = strdup(id);
    it->key = malloc(n + 2);
    if (!it->id || !it->key) {
        free(it->id);
        free(it->key);
        return NULL;
    }
    memcpy(it->key, id, n);
    memcpy(it->key + n, ".", 2);
    it->source = source;
    it->line = line;
    l->count++;
    return it;
}

static summary *item_add_ref(item *it)
{
    summary *grown = realloc(it->refs, (it->nrefs + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    it->refs = grown;
    memset(&it->refs[it->nrefs], 0, sizeof *it->refs);
    return &it->refs[it->nrefs++];
}

static int cmp_key(const void *a, const void *b)
{
    const item *x = a, *y = b;
    return strcmp(x->key, y->key);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- files and folders ------------------------------------------------ */

/* A summary file larger than this is refused (summaries are a few hundred
 * words; this keeps `precis rouge /dev/zero ...` from eating the memory). */
#define MAX_SUMMARY_BYTES ((size_t)64 << 20)

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Reads a whole file (bytes as they are), at most MAX_SUMMARY_BYTES: a
 * regular file's size is checked before reading, and any file (a FIFO, a
 * device such as /dev/zero) is read by a loop that stops one byte past the
 * limit.  0, or an exit code after reporting the error. */
static int read_file(const char *path, char **out)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(PRECIS_E_IO, path, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
        (unsigned long long)sb.st_size > MAX_SUMMARY_BYTES) {
        fclose(f);
        return fail(PRECIS_E_FORMAT, path, 0, "larger than %zu MB, the limit of a summary file",
                    MAX_SUMMARY_BYTES >> 20);
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf && len <= MAX_SUMMARY_BYTES) {
        if (cap - len < 2) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
        size_t want = cap - len - 1;
        if (want > MAX_SUMMARY_BYTES + 1 - len)
            want = MAX_SUMMARY_BYTES + 1 - len;
        size_t got = fread(buf + len, 1, want, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return nomem();
    if (bad) {
        free(buf);
        return fail(PRECIS_E_IO, path, 0, "read error");
    }
    if (len > MAX_SUMMARY_BYTES) {
        free(buf);
        return fail(PRECIS_E_FORMAT, path, 0, "larger than %zu MB, the limit of a summary file",
                    MAX_SUMMARY_BYTES >> 20);
    }
    if (memchr(buf, '\0', len)) {
        free(buf);
        return fail(PRECIS_E_BINARY, path, 0, "binary file (NUL bytes), not a summary");
    }
    buf[len] = '\0';
    *out = buf;
    return 0;
}

/* The regular, non-hidden files of a folder, sorted by name. */
static int list_folder(const char *dir, char ***names, size_t *count)
{
    *names = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return fail(PRECIS_E_IO, dir, 0, "cannot open folder: %s", strerror(errno));
    size_t cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t plen = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(plen);
        if (!path) {
            rc = nomem();
            break;
        }
        snprintf(path, plen, "%s/%s", dir, e->d_name);
        struct stat sb;
        int regular = stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
        free(path);
        if (!regular)
            continue;
        if (*count == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(*names, cap * sizeof *grown);
            if (!grown) {
                rc = nomem();
                break;
            }
            *names = grown;
        }
        if (!((*names)[*count] = strdup(e->d_name))) {
            rc = nomem();
            break;
        }
        (*count)++;
    }
    closedir(d);
    if (rc) {
        for (size_t i = 0; i < *count; i++)
            free((*names)[i]);
        free(*names);
        *names = NULL;
        *count = 0;
        return rc;
    }
    qsort(*names, *count, sizeof **names, cmp_name);
    return 0;
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* How well reference file `ref` matches system file `sys`: 0 no match,
 * otherwise larger is better (an identical name beats any prefix). */
static size_t match_quality(const char *sys, const char *ref)
{
    if (!strcmp(sys, ref))
        return (size_t)-1;
    const char *dot = strrchr(sys, '.');
    size_t blen = dot && dot != sys ? (size_t)(dot - sys) : strlen(sys);
    if (strncmp(ref, sys, blen))
        return 0;
    char next = ref[blen];
    if (next == '\0' || next == '.' || next == '_' || next == '-')
        return blen + 1;
    return 0;
}

/* The system files of a folder indexed for matching references in n log n
 * instead of trying every pair: by full name (`names` is sorted) and by base
 * name (the name without its last extension).  The references a system file
 * S of base B matches (see match_quality) are S itself and the names B, B.*,
 * B_*, B-*; so the best system file for a reference R is R itself, or else
 * the one whose base is R's longest prefix ending at the end of R or before
 * a '.', '_' or '-' (the first in name order when several share that base:
 * what the pairwise scan kept). */
typedef struct base_key {
    const char *name;
    size_t len;   /* of the base */
    size_t index; /* into names */
} base_key;

static int cmp_base_key(const void *a, const void *b)
{
    const base_key *x = a, *y = b;
    int c = memcmp(x->name, y->name, x->len < y->len ? x->len : y->len);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static base_key *base_index(char **names, size_t n)
{
    base_key *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *dot = strrchr(names[i], '.');
        keys[i].name = names[i];
        keys[i].len = dot && dot != names[i] ? (size_t)(dot - names[i]) : strlen(names[i]);
        keys[i].index = i;
    }
    qsort(keys, n, sizeof *keys, cmp_base_key);
    return keys;
}

/* The system file that reference `ref` goes to: its index, or n for none. */
static size_t best_match(char **names, const base_key *keys, size_t n, const char *ref)
{
    char **exact = bsearch(&ref, names, n, sizeof *names, cmp_name);
    if (exact)
        return (size_t)(exact - names);
    for (size_t p = strlen(ref); p > 0; p--) {
        if (ref[p] != '\0' && ref[p] != '.' && ref[p] != '_' && ref[p] != '-')
            continue;
        base_key probe = {ref, p, 0}; /* index 0: the first key of this base */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cmp_base_key(&keys[mid], &probe) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && keys[lo].len == p && !memcmp(keys[lo].name, ref, p))
            return keys[lo].index;
    }
    return n;
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Reads `path` as one more reference of item `it`. */
static int add_ref_file(item *it, const char *path)
{
    char *text;
    int rc = read_file(path, &text);
    if (rc)
        return rc;
    summary *ref = item_add_ref(it);
    if (!ref) {
        free(text);
        return nomem();
    }
    return summary_add(ref, text) ? nomem() : 0; /* summary_add frees on failure */
}

static int load_files(char **paths, int npaths, item_list *items)
{
    const char *sys = paths[0];
    int rc;
    if (!is_dir(sys)) {
        /* One item: the system file against every reference. */
        item *it = list_push(items, base_name(sys), sys, 0);
        if (!it)
            return nomem();
        char *text;
        if ((rc = read_file(sys, &text)))
            return rc;
        if (summary_add(&it->sys, text))
            return nomem();
        for (int a = 1; a < npaths; a++) {
            if (!is_dir(paths[a])) {
                if ((rc = add_ref_file(it, paths[a])))
                    return rc;
                continue;
            }
            char **names;
            size_t n;
            if ((rc = list_folder(paths[a], &names, &n)))
                return rc;
            size_t found = 0;
            for (size_t i = 0; i < n && !rc; i++) {
                if (!match_quality(base_name(sys), names[i]))
                    continue;
                char *path = join_path(paths[a], names[i]);
                rc = path ? add_ref_file(it, path) : nomem();
                free(path);
                found++;
            }
            free_names(names, n);
            if (rc)
                return rc;
            if (!found)
                return fail(PRECIS_E_MISMATCH, paths[a], 0, "no reference for system file '%s'",
                            base_name(sys));
        }
        return 0;
    }

    /* A folder of system summaries against folders of references. */
    char **names;
    size_t n;
    if ((rc = list_folder(sys, &names, &n)))
        return rc;
    for (size_t i = 0; i < n && !rc; i++) {
        item *it = list_push(items, names[i], sys, 0);
        char *path = join_path(sys, names[i]);
        char *text = NULL;
        if (!it || !path)
            rc = nomem();
        else if (!(rc = read_file(path, &text)) && summary_add(&it->sys, text))
            rc = nomem();
        free(path);
    }
    if (rc) {
        free_names(names, n);
        return rc;
    }
    if (n == 0) {
        free_names(names, n);
        return fail(PRECIS_E_EMPTY, sys, 0, "no system summary files in this folder");
    }
    for (int a = 1; a < npaths && !rc; a++) {
        if (!is_dir(paths[a])) {
            rc = cli_usage_error("rouge ", "SYSTEM is a folder, so REFERENCE '%s' must be a folder too",
                                 paths[a]);
            break;
        }
        char **refs;
        size_t nr;
        if ((rc = list_folder(paths[a], &refs, &nr)))
            break;
        size_t *before = calloc(n, sizeof *before);
        base_key *keys = before ? base_index(names, n) : NULL;
        if (!keys) {
            free(before);
            free_names(refs, nr);
            rc = nomem();
            break;
        }
        for (size_t i = 0; i < n; i++)
            before[i] = items->v[i].nrefs;
        for (size_t r = 0; r < nr && !rc; r++) {
            size_t at = best_match(names, keys, n, refs[r]);
            char *path = join_path(paths[a], refs[r]);
            if (!path)
                rc = nomem();
            else if (at == n)
                rc = fail(PRECIS_E_MISMATCH, path, 0, "no system summary in %s matches this reference",
                          sys);
            else
                rc = add_ref_file(&items->v[at], path);
            free(path);
        }
        for (size_t i = 0; i < n && !rc; i++)
            if (items->v[i].nrefs == before[i])
                rc = fail(PRECIS_E_MISMATCH, paths[a], 0, "no reference for system file '%s'",
                          names[i]);
        free(keys);
        free(before);
        free_names(refs, nr);
    }
    free_names(names, n);
    return rc;
}

/* ---- JSON lines ------------------------------------------------------- */

/* A summary from a JSON string (one sentence per line) or list of strings. */
static int json_summary(json_t *v, summary *out, const char *path, long line, const char *what)
{
    if (json_is_string(v)) {
        char *text = strdup(json_string_value(v));
        if (!text || summary_add(out, text))
            return nomem();
        return 0;
    }
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            json_t *s = json_array_get(v, i);
            if (!json_is_string(s))
                return fail(PRECIS_E_FORMAT, path, line, "%s: sentence %zu is not a string", what, i + 1);
            char *text = strdup(json_string_value(s));
            if (!text || summary_add(out, text))
                return nomem();
        }
        return 0;
    }
    return fail(PRECIS_E_FORMAT, path, line, "%s must be a string or a list of strings", what);
}

static int load_jsonl(const char *path, int references, item_list *items)
{
    precis_lines *in;
    precis_error err;
    memset(&err, 0, sizeof err);
    if (precis_lines_open(path, &in, &err) != PRECIS_OK)
        return cli_report(&err);
    const char *text;
    size_t len;
    int got, rc = 0;
    while (!rc && (got = precis_lines_next(in, &text, &len, &err)) == 1) {
        long line = precis_lines_number(in);
        size_t k = 0;
        while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
            k++;
        if (k == len)
            continue; /* blank line */
        json_error_t jerr;
        json_t *obj = json_loadb(text, len, 0, &jerr);
        if (!obj) {
            rc = fail(PRECIS_E_FORMAT, path, line, "invalid JSON: %s", jerr.text);
            break;
        }
        char idbuf[32];
        const char *id = NULL;
        json_t *jid = json_is_object(obj) ? json_object_get(obj, "id") : NULL;
        if (json_is_string(jid)) {
            id = json_string_value(jid);
        } else if (json_is_integer(jid)) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
            id = idbuf;
        }
        if (!json_is_object(obj))
            rc = fail(PRECIS_E_FORMAT, path, line, "expected a JSON object");
        else if (!id)
            rc = fail(PRECIS_E_FORMAT, path, line, "missing \"id\" (a string or an integer)");
        item *it = rc ? NULL : list_push(items, id, path, line);
        if (!rc && !it)
            rc = nomem();
        if (!rc && !references) {
            json_t *s = json_object_get(obj, "summary");
            rc = s ? json_summary(s, &it->sys, path, line, "\"summary\"")
                   : fail(PRECIS_E_FORMAT, path, line, "missing \"summary\"");
        } else if (!rc) {
            json_t *one = json_object_get(obj, "summary");
            json_t *many = json_object_get(obj, "summaries");
            if (one && many) {
                rc = fail(PRECIS_E_FORMAT, path, line, "give \"summary\" or \"summaries\", not both");
            } else if (one) {
                summary *ref = item_add_ref(it);
                rc = ref ? json_summary(one, ref, path, line, "\"summary\"") : nomem();
            } else if (json_is_array(many)) {
                if (json_array_size(many) == 0)
                    rc = fail(PRECIS_E_FORMAT, path, line, "\"summaries\" is empty");
                for (size_t r = 0; !rc && r < json_array_size(many); r++) {
                    summary *ref = item_add_ref(it);
                    char what[48];
                    snprintf(what, sizeof what, "reference %zu of \"summaries\"", r + 1);
                    rc = ref ? json_summary(json_array_get(many, r), ref, path, line, what) : nomem();
                }
            } else {
                rc = fail(PRECIS_E_FORMAT, path, line,
                          many ? "\"summaries\" must be a list" : "missing \"summary\" or \"summaries\"");
            }
        }
        json_decref(obj);
    }
    if (!rc && got < 0)
        rc = cli_report(&err);
    precis_lines_close(in);
    return rc;
}

/* Sorts by key; two lines with one id are an error. */
static int sort_unique(item_list *l, const char *path)
{
    qsort(l->v, l->count, sizeof *l->v, cmp_key);
    for (size_t i = 1; i < l->count; i++)
        if (!strcmp(l->v[i].id, l->v[i - 1].id)) {
            const item *a = &l->v[i - 1], *b = &l->v[i];
            const item *later = a->line > b->line ? a : b, *first = later == a ? b : a;
            return fail(PRECIS_E_FORMAT, path, later->line, "duplicate id '%s' (first on line %ld)",
                        later->id, first->line);
        }
    return 0;
}

static const item *find_key(const item_list *l, const char *key)
{
    item probe;
    memset(&probe, 0, sizeof probe);
    probe.key = (char *)key;
    return bsearch(&probe, l->v, l->count, sizeof *l->v, cmp_key);
}

/* The earliest line (in file order) of a list whose id the other lacks. */
static const item *first_unmatched(const item_list *l, const item_list *other)
{
    const item *worst = NULL;
    for (size_t i = 0; i < l->count; i++)
        if (!find_key(other, l->v[i].key) && (!worst || l->v[i].line < worst->line))
            worst = &l->v[i];
    return worst;
}

/* Pairs system and reference lines by id: references move into items. */
static int pair_jsonl(item_list *sys, item_list *refs, const char *sys_path, const char *ref_path)
{
    int rc;
    if ((rc = sort_unique(sys, sys_path)) || (rc = sort_unique(refs, ref_path)))
        return rc;
    const item *lone = first_unmatched(sys, refs);
    if (lone)
        return fail(PRECIS_E_MISMATCH, sys_path, lone->line, "id '%s' has no reference in %s",
                    lone->id, ref_path);
    lone = first_unmatched(refs, sys);
    if (lone)
        return fail(PRECIS_E_MISMATCH, ref_path, lone->line, "id '%s' has no system summary in %s",
                    lone->id, sys_path);
    if (sys->count == 0)
        return fail(PRECIS_E_EMPTY, sys_path, 0, "no summaries to score");
    /* Same ids, same order: move the references over. */
    for (size_t i = 0; i < sys->count; i++) {
        item *a = &sys->v[i], *b = &refs->v[i];
        a->refs = b->refs;
        a->nrefs = b->nrefs;
        b->refs = NULL;
        b->nrefs = 0;
    }
    return 0;
}

/* ---- output ----------------------------------------------------------- */

static const char *const json_names[PRECIS_ROUGE_METRIC_COUNT] = {"rouge-1", "rouge-2", "rouge-l",
                                                                  "rouge-su4"};

static void print_table(const precis_rouge_average *avg, const item_list *items, int conf,
                        int per_item)
{
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        const char *name = precis_rouge_metric_name((precis_rouge_metric)m);
        const precis_rouge_metric_average *a = &avg->metric[m];
        const precis_rouge_interval *iv[3] = {&a->r, &a->p, &a->f};
        puts("---------------------------------------------");
        for (int k = 0; k < 3; k++)
            printf("%s Average_%c: %.5f (%d%%-conf.int. %.5f - %.5f)\n", name, "RPF"[k],
                   iv[k]->average, conf, iv[k]->low, iv[k]->high);
        if (!per_item)
            continue;
        puts(".............................................");
        for (size_t i = 0; i < items->count; i++) {
            const precis_rouge_metric_score *s = &items->v[i].result.metric[m];
            printf("%s Eval %s R:%.5f P:%.5f F:%.5f\n", name, items->v[i].id, s->r, s->p, s->f);
        }
    }
}

static json_t *json_interval(const precis_rouge_interval *iv)
{
    return json_pack("{s:f, s:f, s:f, s:f}", "average", iv->average, "low", iv->low, "high",
                     iv->high, "mean", iv->mean);
}

static int print_json(const precis_rouge_average *avg, const item_list *items,
                      const precis_rouge_options *opt, int per_item)
{
    char flags[160];
    precis_rouge_options_format(opt, flags, sizeof flags);
    json_t *root = json_pack("{s:I, s:s, s:i}", "items", (json_int_t)avg->count, "flags", flags,
                             "confidence", opt->confidence);
    if (!root)
        return nomem();
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        const precis_rouge_metric_average *a = &avg->metric[m];
        json_object_set_new(root, json_names[m],
                            json_pack("{s:o, s:o, s:o}", "r", json_interval(&a->r), "p",
                                      json_interval(&a->p), "f", json_interval(&a->f)));
    }
    if (per_item) {
        json_t *list = json_array();
        for (size_t i = 0; list && i < items->count; i++) {
            json_t *one = json_pack("{s:s}", "id", items->v[i].id);
            for (int m = 0; one && m < PRECIS_ROUGE_METRIC_COUNT; m++) {
                const precis_rouge_metric_score *s = &items->v[i].result.metric[m];
                json_object_set_new(one, json_names[m],
                                    json_pack("{s:f, s:f, s:f, s:I, s:I, s:I}", "r", s->r, "p", s->p,
                                              "f", s->f, "hits", (json_int_t)s->hits, "ref_count",
                                              (json_int_t)s->ref_count, "sys_count",
                                              (json_int_t)s->sys_count));
            }
            json_array_append_new(list, one);
        }
        json_object_set_new(root, "per_item", list);
    }
    /* Scores carry 5 decimals: 10 significant digits print them exactly. */
    int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) ? nomem() : 0;
    if (!rc)
        putchar('\n');
    json_decref(root);
    return rc;
}

/* ---- the command ------------------------------------------------------ */

static int score_all(item_list *items, const precis_rouge_options *opt, precis_rouge_average *avg)
{
    precis_error err;
    memset(&err, 0, sizeof err);
    precis_rouge *rouge = precis_rouge_new(opt, &err);
    if (!rouge)
        return cli_report(&err);
    precis_rouge_result *results = malloc((items->count ? items->count : 1) * sizeof *results);
    int rc = results ? 0 : nomem();
    for (size_t i = 0; !rc && i < items->count; i++) {
        item *it = &items->v[i];
        precis_rouge_text *refs = malloc((it->nrefs ? it->nrefs : 1) * sizeof *refs);
        if (!refs) {
            rc = nomem();
            break;
        }
        for (size_t k = 0; k < it->nrefs; k++) {
            refs[k].sentences = (const char *const *)it->refs[k].sent;
            refs[k].count = it->refs[k].count;
        }
        if (precis_rouge_score(rouge, (const char *const *)it->sys.sent, it->sys.count, refs,
                               it->nrefs, &it->result, &err) != PRECIS_OK) {
            snprintf(err.source, sizeof err.source, "%s", it->source);
            err.line = it->line;
            rc = cli_report(&err);
        }
        results[i] = it->result;
        free(refs);
    }
    if (!rc && precis_rouge_aggregate(results, items->count, opt, avg, &err) != PRECIS_OK)
        rc = cli_report(&err);
    free(results);
    precis_rouge_free(rouge);
    return rc;
}

int cmd_rouge(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_JSONL, OPT_PER_ITEM, OPT_FLAGS };
    static const struct option longopts[] = {
        {"json", no_argument, 0, OPT_JSON},
        {"jsonl", no_argument, 0, OPT_JSONL},
        {"per-item", no_argument, 0, OPT_PER_ITEM},
        {"flags", required_argument, 0, OPT_FLAGS},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int json = 0, jsonl = 0, per_item = 0, stem = 0, stop = 0;
    long words = -1, bytes = -1;
    const char *flags = NULL;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "msl:b:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': stem = 1; break;
        case 's': stop = 1; break;
        case 'l':
        case 'b': {
            long v = cli_parse_count(optarg);
            if (v <= 0)
                return cli_usage_error("rouge ", "-%c needs a whole number from 1 to %ld, not '%s'",
                                       c, LONG_MAX, optarg);
            *(c == 'l' ? &words : &bytes) = v;
            break;
        }
        case OPT_JSON: json = 1; break;
        case OPT_JSONL: jsonl = 1; break;
        case OPT_PER_ITEM: per_item = 1; break;
        case OPT_FLAGS: flags = optarg; break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            if (optopt)
                return cli_usage_error("rouge ", "option '%s' needs a value or is unknown",
                                       argv[optind - 1]);
            return cli_usage_error("rouge ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (words > 0 && bytes > 0)
        return cli_usage_error("rouge ", "give -l or -b, not both");

    precis_rouge_options opt = precis_rouge_options_default();
    if (flags) {
        precis_error err;
        memset(&err, 0, sizeof err);
        if (precis_rouge_options_parse(flags, &opt, &err) != PRECIS_OK)
            return cli_usage_error("rouge ", "--flags: %s", err.message);
        /* strtol's overflow value: the number did not fit */
        if (opt.word_limit == LONG_MAX || opt.byte_limit == LONG_MAX)
            return cli_usage_error("rouge ", "--flags: -%c is too large",
                                   opt.word_limit == LONG_MAX ? 'l' : 'b');
    }
    if (stem)
        opt.stem = 1;
    if (stop)
        opt.remove_stopwords = 1;
    if (words > 0) {
        opt.word_limit = words;
        opt.byte_limit = 0;
    }
    if (bytes > 0) {
        opt.byte_limit = bytes;
        opt.word_limit = 0;
    }

    char **paths = argv + optind;
    int npaths = argc - optind;
    if (jsonl ? npaths != 2 : npaths < 2)
        return cli_usage_error("rouge ", jsonl ? "--jsonl needs SYSTEM.jsonl and REFERENCES.jsonl"
                                               : "need a SYSTEM and at least one REFERENCE");

    item_list items = {0}, refs = {0};
    int rc;
    if (jsonl) {
        rc = load_jsonl(paths[0], 0, &items);
        if (!rc)
            rc = load_jsonl(paths[1], 1, &refs);
        if (!rc)
            rc = pair_jsonl(&items, &refs, paths[0], paths[1]);
    } else {
        rc = load_files(paths, npaths, &items);
        if (!rc)
            qsort(items.v, items.count, sizeof *items.v, cmp_key);
    }
    list_free(&refs);

    precis_rouge_average avg;
    if (!rc)
        rc = score_all(&items, &opt, &avg);
    if (!rc) {
        if (json)
            rc = print_json(&avg, &items, &opt, per_item);
        else
            print_table(&avg, &items, opt.confidence, per_item);
    }
    list_free(&items);
    if (!rc)
        rc = cli_check_output();
    return rc;
}

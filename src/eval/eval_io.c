/*
 * eval_io.c: evaluation items (precis_eval.h, section 2): system and
 * reference summaries read from JSON lines, files and folders, paired by id
 * or by file name, kept in ROUGE's order.
 *
 * One representation: an item is an id, its ROUGE sort key ("<id>."), at most
 * one system text and a list of reference texts.  A text is a summary as
 * ROUGE-1.5.5 reads a file: the scorer splits it into lines itself, so a
 * summary given as a list of sentences is joined with line breaks (the
 * lines the scorer sees are the same) and a file's bytes are taken as they
 * are.  Readers build their items in input or name order, then sort them
 * once by key; a list made in memory (precis_eval_items_add) stays sorted
 * by insertion.  Lookups by id are binary searches on the keys.
 *
 * Matching reference files to items is n log n, never every pair: the items'
 * names are sorted, and two more indexes are sorted once, by base name (the
 * name without its last extension) and by the lower-cased DUC cluster code
 * (the name, and its base).  For a reference file R the best item is found
 * by one search per rule, best rule first (precis_eval_name_match lists
 * them): R itself, then the longest base that is R or a prefix of R ending
 * before '.', '_' or '-', then the DUC code "<set><X>" of a name
 * "<set>.M.<length>.<X>.<author>".  Ties go to the first item in name order.
 *
 * Every problem is an error naming the file (and the line, for JSON lines):
 * an item without reference, a reference without item, an id twice, both
 * "summary" and "summaries", a duplicated JSON key.  A partial average looks
 * like a valid one, so nothing is skipped silently.  Summary files are read
 * up to PRECIS_EVAL_MAX_SUMMARY_BYTES (checked on a regular file's size, and
 * by a read loop that stops one byte past it for anything else: a FIFO,
 * /dev/zero); a NUL byte makes one a binary file.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "json_lines.h"
#include "paths.h"
#include "precis_eval.h"
#include "precis_io.h"

typedef struct eval_item {
    char *id;
    char *key;    /* id + ".": ROUGE's sort key */
    char *system; /* NULL: none */
    char **refs;
    size_t nrefs;
    long line;    /* JSON line, 0 for files */
} eval_item;

struct precis_eval_items {
    eval_item *v;
    size_t count, cap;
};

#define NOMEM(err, source) PRECIS_FAIL(err, PRECIS_E_NOMEM, source, 0, "out of memory")

/* ---- the list --------------------------------------------------------- */

static void item_release(eval_item *it)
{
    free(it->id);
    free(it->key);
    free(it->system);
    for (size_t k = 0; k < it->nrefs; k++)
        free(it->refs[k]);
    free(it->refs);
}

void precis_eval_items_free(precis_eval_items *items)
{
    if (!items)
        return;
    for (size_t i = 0; i < items->count; i++)
        item_release(&items->v[i]);
    free(items->v);
    free(items);
}

precis_status precis_eval_items_new(precis_eval_items **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the items");
    *out = calloc(1, sizeof **out);
    return *out ? PRECIS_OK : NOMEM(err, "eval");
}

static char *key_of(const char *id)
{
    size_t n = strlen(id);
    char *key = malloc(n + 2);
    if (key) {
        memcpy(key, id, n);
        memcpy(key + n, ".", 2);
    }
    return key;
}

/* A new zeroed item at position `at` (the ones after it move up), named
 * `id`; NULL when out of memory. */
static eval_item *items_insert(precis_eval_items *l, size_t at, const char *id, long line)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        eval_item *grown = realloc(l->v, cap * sizeof *grown);
        if (!grown)
            return NULL;
        l->v = grown;
        l->cap = cap;
    }
    eval_item it = {.id = strdup(id), .key = key_of(id), .line = line};
    if (!it.id || !it.key) {
        free(it.id);
        free(it.key);
        return NULL;
    }
    memmove(&l->v[at + 1], &l->v[at], (l->count - at) * sizeof *l->v);
    l->v[at] = it;
    l->count++;
    return &l->v[at];
}

static eval_item *items_push(precis_eval_items *l, const char *id, long line)
{
    return items_insert(l, l->count, id, line);
}

/* Takes ownership of `text` (freed on failure). */
static int item_add_ref(eval_item *it, char *text)
{
    char **grown = realloc(it->refs, (it->nrefs + 1) * sizeof *grown);
    if (!grown) {
        free(text);
        return -1;
    }
    it->refs = grown;
    it->refs[it->nrefs++] = text;
    return 0;
}

static int cmp_item_key(const void *a, const void *b)
{
    return strcmp(((const eval_item *)a)->key, ((const eval_item *)b)->key);
}

/* The first position whose key is not below `key`. */
static size_t lower_bound(const precis_eval_items *l, const char *key)
{
    size_t lo = 0, hi = l->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(l->v[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const eval_item *find_key(const precis_eval_items *l, const char *key)
{
    size_t at = lower_bound(l, key);
    return at < l->count && !strcmp(l->v[at].key, key) ? &l->v[at] : NULL;
}

precis_status precis_eval_items_add(precis_eval_items *items, const char *id, const char *system,
                                    const char *const *references, size_t count,
                                    precis_error *err)
{
    if (!items || !id || (count && !references))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no items, id or references");
    for (size_t k = 0; k < count; k++)
        if (!references[k])
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, id, 0, "reference %zu is NULL", k + 1);
    char *key = key_of(id);
    if (!key)
        return NOMEM(err, id);
    size_t at = lower_bound(items, key);
    int taken = at < items->count && !strcmp(items->v[at].key, key);
    free(key);
    if (taken)
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, id, 0, "duplicate id '%s'", id);
    eval_item *it = items_insert(items, at, id, 0);
    if (!it)
        return NOMEM(err, id);
    int bad = system && !(it->system = strdup(system));
    for (size_t k = 0; !bad && k < count; k++) {
        char *copy = strdup(references[k]);
        bad = !copy || item_add_ref(it, copy) < 0;
    }
    if (bad) {
        item_release(it);
        memmove(it, it + 1, (items->count - at - 1) * sizeof *it);
        items->count--;
        return NOMEM(err, id);
    }
    return PRECIS_OK;
}

size_t precis_eval_items_count(const precis_eval_items *items)
{
    return items ? items->count : 0;
}

const char *precis_eval_items_id(const precis_eval_items *items, size_t index)
{
    return items && index < items->count ? items->v[index].id : NULL;
}

const char *precis_eval_items_system(const precis_eval_items *items, size_t index)
{
    return items && index < items->count ? items->v[index].system : NULL;
}

size_t precis_eval_items_reference_count(const precis_eval_items *items, size_t index)
{
    return items && index < items->count ? items->v[index].nrefs : 0;
}

const char *const *precis_eval_items_references(const precis_eval_items *items, size_t index)
{
    return items && index < items->count ? (const char *const *)items->v[index].refs : NULL;
}

precis_status precis_eval_items_find(const precis_eval_items *items, const char *id,
                                     size_t *index, precis_error *err)
{
    if (!items || !id || !index)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no items, id or index");
    char *key = key_of(id);
    if (!key)
        return NOMEM(err, id);
    const eval_item *it = find_key(items, key);
    free(key);
    if (!it)
        return PRECIS_FAIL(err, PRECIS_E_MISMATCH, id, 0, "no item '%s'", id);
    *index = (size_t)(it - items->v);
    return PRECIS_OK;
}

/* ---- files and folders ------------------------------------------------ */

/* A whole summary file (bytes as they are) into *out, NUL-terminated. */
static precis_status read_summary(const char *path, char **out, precis_error *err)
{
    const size_t limit = PRECIS_EVAL_MAX_SUMMARY_BYTES;
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
        (unsigned long long)sb.st_size > limit) {
        fclose(f);
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, 0,
                           "larger than %zu MB, the limit of a summary file", limit >> 20);
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf && len <= limit) {
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
        if (want > limit + 1 - len)
            want = limit + 1 - len;
        size_t got = fread(buf + len, 1, want, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return NOMEM(err, path);
    if (bad) {
        free(buf);
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "read error");
    }
    if (len > limit) {
        free(buf);
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, 0,
                           "larger than %zu MB, the limit of a summary file", limit >> 20);
    }
    if (memchr(buf, '\0', len)) {
        free(buf);
        return PRECIS_FAIL(err, PRECIS_E_BINARY, path, 0, "binary file (NUL bytes), not a summary");
    }
    buf[len] = '\0';
    *out = buf;
    return PRECIS_OK;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads `path` as one more reference of item `it`. */
static precis_status add_ref_file(eval_item *it, const char *path, precis_error *err)
{
    char *text;
    precis_status st = read_summary(path, &text, err);
    if (st != PRECIS_OK)
        return st;
    return item_add_ref(it, text) < 0 ? NOMEM(err, path) : PRECIS_OK;
}

/* ---- matching reference names to items ----------------------------------- */

static size_t base_len(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && dot != name ? (size_t)(dot - name) : strlen(name);
}

static int is_separator(char c)
{
    return c == '.' || c == '_' || c == '-';
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* The DUC cluster code of a summary name "<set>.M.<length>.<X>.<author>[...]"
 * into out (lower-cased "<set><X>", NUL-terminated, `cap` bytes): its length,
 * or 0 when the name is not one. */
static size_t duc_code(const char *name, char *out, size_t cap)
{
    const char *f[5];
    size_t len[5];
    const char *p = name;
    for (int k = 0; k < 5; k++) {
        const char *dot = strchr(p, '.');
        f[k] = p;
        len[k] = dot ? (size_t)(dot - p) : strlen(p);
        if (len[k] == 0 || (!dot && k < 4))
            return 0;
        p = dot ? dot + 1 : p + len[k];
    }
    if (len[1] != 1 || (f[1][0] != 'M' && f[1][0] != 'm'))
        return 0;
    for (size_t i = 0; i < len[2]; i++)
        if (f[2][i] < '0' || f[2][i] > '9')
            return 0;
    if (len[0] + len[3] + 1 > cap)
        return 0;
    for (size_t i = 0; i < len[0]; i++)
        out[i] = ascii_lower(f[0][i]);
    for (size_t i = 0; i < len[3]; i++)
        out[len[0] + i] = ascii_lower(f[3][i]);
    out[len[0] + len[3]] = '\0';
    return len[0] + len[3];
}

/* Whether item name[0..n) is, ignoring ASCII case, the DUC code `code`. */
static int same_code(const char *name, size_t n, const char *code, size_t clen)
{
    if (n != clen)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(name[i]) != code[i])
            return 0;
    return 1;
}

#define DUC_CODE_MAX 256

/* How well reference `ref` matches item `item`: 0 none, else larger is
 * better (the exact name, then a base by its length, then the DUC code). */
static size_t match_rank(const char *item, const char *ref)
{
    if (!strcmp(item, ref))
        return (size_t)-1;
    size_t blen = base_len(item);
    if (!strncmp(ref, item, blen) && (ref[blen] == '\0' || is_separator(ref[blen])))
        return blen + 2;
    char code[DUC_CODE_MAX];
    size_t clen = duc_code(ref, code, sizeof code);
    if (clen && (same_code(item, strlen(item), code, clen) || same_code(item, blen, code, clen)))
        return 1;
    return 0;
}

int precis_eval_name_match(const char *item, const char *reference)
{
    return item && reference && match_rank(item, reference) > 0;
}

/* The items' names indexed for matching (see the top of the file): `names`
 * sorted, one key per base, one or two per DUC code (the name, its base). */
typedef struct name_key {
    const char *name; /* the base, or the lower-cased code */
    size_t len;
    size_t index;     /* into names */
} name_key;

typedef struct name_index {
    char *const *names;
    size_t n;
    name_key *bases;  /* n */
    name_key *codes;  /* ncodes */
    size_t ncodes;
    char *lower;      /* storage of the lower-cased names */
} name_index;

static int cmp_name_key(const void *a, const void *b)
{
    const name_key *x = a, *y = b;
    int c = memcmp(x->name, y->name, x->len < y->len ? x->len : y->len);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static void index_free(name_index *ix)
{
    free(ix->bases);
    free(ix->codes);
    free(ix->lower);
}

static int index_build(name_index *ix, char *const *names, size_t n)
{
    memset(ix, 0, sizeof *ix);
    ix->names = names;
    ix->n = n;
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(names[i]) + 1;
    ix->bases = malloc((n ? n : 1) * sizeof *ix->bases);
    ix->codes = malloc((n ? 2 * n : 1) * sizeof *ix->codes);
    ix->lower = malloc(total ? total : 1);
    if (!ix->bases || !ix->codes || !ix->lower) {
        index_free(ix);
        return -1;
    }
    char *at = ix->lower;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]), blen = base_len(names[i]);
        ix->bases[i] = (name_key){names[i], blen, i};
        for (size_t k = 0; k <= len; k++)
            at[k] = ascii_lower(names[i][k]);
        ix->codes[ix->ncodes++] = (name_key){at, len, i};
        if (blen != len)
            ix->codes[ix->ncodes++] = (name_key){at, blen, i};
        at += len + 1;
    }
    qsort(ix->bases, n, sizeof *ix->bases, cmp_name_key);
    qsort(ix->codes, ix->ncodes, sizeof *ix->codes, cmp_name_key);
    return 0;
}

/* The first key equal to name[0..len) (lowest index), or NULL. */
static const name_key *first_key(const name_key *keys, size_t n, const char *name, size_t len)
{
    name_key probe = {name, len, 0};
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_name_key(&keys[mid], &probe) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && keys[lo].len == len && !memcmp(keys[lo].name, name, len) ? &keys[lo] : NULL;
}

/* The item that reference `ref` goes to (match_rank's best, the first in
 * name order on a tie): its index, or n for none. */
static size_t best_match(const name_index *ix, const char *ref)
{
    char *const *exact = bsearch(&ref, ix->names, ix->n, sizeof *ix->names, cmp_name);
    if (exact)
        return (size_t)(exact - ix->names);
    for (size_t p = strlen(ref); p > 0; p--) {
        if (ref[p] != '\0' && !is_separator(ref[p]))
            continue;
        const name_key *k = first_key(ix->bases, ix->n, ref, p);
        if (k)
            return k->index;
    }
    char code[DUC_CODE_MAX];
    size_t clen = duc_code(ref, code, sizeof code);
    const name_key *k = clen ? first_key(ix->codes, ix->ncodes, code, clen) : NULL;
    return k ? k->index : ix->n;
}

/*
 * Gives each file of folder `dir` to the item it matches best among
 * items->v[0..n) (named names[0..n), sorted): a file matching none is an
 * error, and so is an item that got no file.  `items_source` is the system
 * folder the items come from (for messages), or NULL for ids.
 */
static precis_status add_ref_folder(precis_eval_items *items, char *const *names, size_t n,
                                    const char *dir, const char *items_source,
                                    precis_error *err)
{
    char **refs;
    size_t nr;
    precis_status st = folder_list(dir, FOLDER_REGULAR, &refs, &nr, err);
    if (st != PRECIS_OK)
        return st;
    name_index ix;
    size_t *before = calloc(n ? n : 1, sizeof *before);
    if (!before || index_build(&ix, names, n) < 0) {
        free(before);
        folder_names_free(refs, nr);
        return NOMEM(err, dir);
    }
    for (size_t i = 0; i < n; i++)
        before[i] = items->v[i].nrefs;
    for (size_t r = 0; r < nr && st == PRECIS_OK; r++) {
        size_t at = best_match(&ix, refs[r]);
        char *path = path_join(dir, refs[r]);
        if (!path)
            st = NOMEM(err, dir);
        else if (at == n && items_source)
            st = PRECIS_FAIL(err, PRECIS_E_MISMATCH, path, 0,
                             "no system summary in %s matches this reference", items_source);
        else if (at == n)
            st = PRECIS_FAIL(err, PRECIS_E_MISMATCH, path, 0,
                             "this reference matches none of the %zu items", n);
        else
            st = add_ref_file(&items->v[at], path, err);
        free(path);
    }
    for (size_t i = 0; i < n && st == PRECIS_OK; i++)
        if (items->v[i].nrefs == before[i])
            st = PRECIS_FAIL(err, PRECIS_E_MISMATCH, dir, 0,
                             items_source ? "no reference for system file '%s'"
                                          : "no reference summary for '%s'",
                             names[i]);
    index_free(&ix);
    free(before);
    folder_names_free(refs, nr);
    return st;
}

/* Sorts the items by key; an id twice is an error (files: never). */
static precis_status sort_unique(precis_eval_items *l, const char *source, precis_error *err)
{
    if (l->count > 1)
        qsort(l->v, l->count, sizeof *l->v, cmp_item_key);
    for (size_t i = 1; i < l->count; i++)
        if (!strcmp(l->v[i].key, l->v[i - 1].key)) {
            const eval_item *a = &l->v[i - 1], *b = &l->v[i];
            const eval_item *later = a->line > b->line ? a : b, *first = later == a ? b : a;
            if (later->line > 0)
                return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, later->line,
                                   "duplicate id '%s' (first on line %ld)", later->id, first->line);
            return PRECIS_FAIL(err, PRECIS_E_FORMAT, source, 0, "duplicate id '%s'", later->id);
        }
    return PRECIS_OK;
}

/* One system file against every reference (files, or folders giving the
 * files whose names match). */
static precis_status read_one_file(const char *sys, const char *const *paths, size_t npaths,
                                   precis_eval_items *items, precis_error *err)
{
    const char *name = path_base_name(sys);
    eval_item *it = items_push(items, name, 0);
    if (!it)
        return NOMEM(err, sys);
    precis_status st = read_summary(sys, &it->system, err);
    for (size_t a = 0; a < npaths && st == PRECIS_OK; a++) {
        if (!path_is_dir(paths[a])) {
            st = add_ref_file(it, paths[a], err);
            continue;
        }
        char **names;
        size_t n, found = 0;
        st = folder_list(paths[a], FOLDER_REGULAR, &names, &n, err);
        for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
            if (!precis_eval_name_match(name, names[i]))
                continue;
            char *path = path_join(paths[a], names[i]);
            st = path ? add_ref_file(it, path, err) : NOMEM(err, paths[a]);
            free(path);
            found++;
        }
        folder_names_free(names, n);
        if (st == PRECIS_OK && !found)
            st = PRECIS_FAIL(err, PRECIS_E_MISMATCH, paths[a], 0,
                             "no reference for system file '%s'", name);
    }
    return st;
}

precis_status precis_eval_items_read_files(const char *system, const char *const *references,
                                           size_t count, precis_eval_items **out,
                                           precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the items");
    *out = NULL;
    if (!system || !references || count == 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0,
                           "need a system summary and at least one reference");
    precis_eval_items *items = calloc(1, sizeof *items);
    if (!items)
        return NOMEM(err, system);
    precis_status st = PRECIS_OK;
    if (!path_is_dir(system)) {
        st = read_one_file(system, references, count, items, err);
    } else {
        char **names = NULL;
        size_t n = 0;
        st = folder_list(system, FOLDER_REGULAR, &names, &n, err);
        for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
            eval_item *it = items_push(items, names[i], 0);
            char *path = path_join(system, names[i]);
            st = it && path ? read_summary(path, &it->system, err) : NOMEM(err, system);
            free(path);
        }
        if (st == PRECIS_OK && n == 0)
            st = PRECIS_FAIL(err, PRECIS_E_EMPTY, system, 0,
                             "no system summary files in this folder");
        for (size_t a = 0; a < count && st == PRECIS_OK; a++) {
            if (!path_is_dir(references[a]))
                st = PRECIS_FAIL(err, PRECIS_E_ARGUMENT, references[a], 0,
                                 "SYSTEM is a folder, so this REFERENCE must be a folder too");
            else
                st = add_ref_folder(items, names, n, references[a], system, err);
        }
        folder_names_free(names, n);
    }
    if (st == PRECIS_OK)
        st = sort_unique(items, system, err);
    if (st != PRECIS_OK) {
        precis_eval_items_free(items);
        return st;
    }
    *out = items;
    return PRECIS_OK;
}

precis_status precis_eval_items_read_references(const char *const *ids, size_t count,
                                                const char *references_dir,
                                                precis_eval_items **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the items");
    *out = NULL;
    if (!references_dir || (count && !ids))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no ids or no reference folder");
    if (count == 0)
        return PRECIS_FAIL(err, PRECIS_E_EMPTY, references_dir, 0, "no items to find references for");
    precis_eval_items *items = calloc(1, sizeof *items);
    char **names = calloc(count, sizeof *names);
    precis_status st = items && names ? PRECIS_OK : NOMEM(err, references_dir);
    for (size_t i = 0; i < count && st == PRECIS_OK; i++)
        if (!ids[i] || !(names[i] = strdup(ids[i])))
            st = ids[i] ? NOMEM(err, references_dir)
                        : PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "id %zu is NULL", i + 1);
    if (st == PRECIS_OK) {
        qsort(names, count, sizeof *names, cmp_name);
        for (size_t i = 0; i < count && st == PRECIS_OK; i++) {
            if (i && !strcmp(names[i], names[i - 1]))
                st = PRECIS_FAIL(err, PRECIS_E_FORMAT, references_dir, 0, "duplicate id '%s'",
                                 names[i]);
            else if (!items_push(items, names[i], 0))
                st = NOMEM(err, references_dir);
        }
    }
    if (st == PRECIS_OK)
        st = add_ref_folder(items, names, count, references_dir, NULL, err);
    if (st == PRECIS_OK)
        st = sort_unique(items, references_dir, err);
    if (names)
        folder_names_free(names, count);
    if (st != PRECIS_OK) {
        precis_eval_items_free(items);
        return st;
    }
    *out = items;
    return PRECIS_OK;
}

/* ---- JSON lines ------------------------------------------------------- */

/* A summary from a JSON string (one sentence per line) or a list of
 * sentence strings (joined, one per line): a new text in *out. */
static precis_status json_summary(json_t *v, char **out, const char *path, long line,
                                  const char *what, precis_error *err)
{
    *out = NULL;
    if (json_is_string(v)) {
        *out = strdup(json_string_value(v));
        return *out ? PRECIS_OK : NOMEM(err, path);
    }
    if (!json_is_array(v))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line,
                           "%s must be a string or a list of strings", what);
    size_t len, bad;
    *out = json_join_lines(v, &len, &bad);
    if (*out)
        return PRECIS_OK;
    if (bad == json_array_size(v))
        return NOMEM(err, path);
    return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line, "%s: sentence %zu is not a string", what,
                       bad + 1);
}

/* A member of obj, NULL when it is absent or null (as the dataset reader,
 * precis_cluster_parse_json, takes it). */
static json_t *member(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_null(v) ? NULL : v;
}

/* The summaries of one line: the system's "summary", or the references'
 * "summary" or "summaries" (not both). */
static precis_status json_summaries(json_t *obj, int references, eval_item *it, const char *path,
                                    long line, precis_error *err)
{
    json_t *one = member(obj, "summary");
    if (!references)
        return one ? json_summary(one, &it->system, path, line, "\"summary\"", err)
                   : PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line, "missing \"summary\"");
    json_t *many = member(obj, "summaries");
    if (one && many)
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line,
                           "give \"summary\" or \"summaries\", not both");
    char *text;
    precis_status st;
    if (one) {
        if ((st = json_summary(one, &text, path, line, "\"summary\"", err)) != PRECIS_OK)
            return st;
        return item_add_ref(it, text) < 0 ? NOMEM(err, path) : PRECIS_OK;
    }
    if (!json_is_array(many))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line,
                           many ? "\"summaries\" must be a list"
                                : "missing \"summary\" or \"summaries\"");
    if (json_array_size(many) == 0)
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line, "\"summaries\" is empty");
    for (size_t r = 0; r < json_array_size(many); r++) {
        char what[48];
        snprintf(what, sizeof what, "reference %zu of \"summaries\"", r + 1);
        if ((st = json_summary(json_array_get(many, r), &text, path, line, what, err)) != PRECIS_OK)
            return st;
        if (item_add_ref(it, text) < 0)
            return NOMEM(err, path);
    }
    return PRECIS_OK;
}

/* The items of one JSON-lines file, in file order. */
static precis_status load_jsonl(const char *path, int references, precis_eval_items *items,
                                precis_error *caller_err)
{
    precis_error local = {0}; /* the line reader's status is needed even without err */
    precis_error *err = caller_err ? caller_err : &local;
    precis_lines *in;
    precis_status st = precis_lines_open(path, &in, err);
    if (st != PRECIS_OK)
        return st;
    const char *text;
    size_t len;
    while (st == PRECIS_OK && (st = precis_lines_next(in, &text, &len, err)) == PRECIS_OK &&
           text) {
        long line = precis_lines_number(in);
        size_t k = 0;
        while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
            k++;
        if (k == len)
            continue; /* a blank line */
        json_error_t jerr;
        json_t *obj = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
        if (!obj) {
            st = PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line, "invalid JSON: %s", jerr.text);
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
        eval_item *it = NULL;
        if (!json_is_object(obj))
            st = PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line, "expected a JSON object");
        else if (!id)
            st = PRECIS_FAIL(err, PRECIS_E_FORMAT, path, line,
                             "missing \"id\" (a string or an integer)");
        else if (!(it = items_push(items, id, line)))
            st = NOMEM(err, path);
        else
            st = json_summaries(obj, references, it, path, line, err);
        json_decref(obj);
    }
    precis_lines_free(in);
    return st;
}

/* The earliest line (in file order) of a list whose id the other lacks. */
static const eval_item *first_unmatched(const precis_eval_items *l, const precis_eval_items *other)
{
    const eval_item *worst = NULL;
    for (size_t i = 0; i < l->count; i++)
        if (!find_key(other, l->v[i].key) && (!worst || l->v[i].line < worst->line))
            worst = &l->v[i];
    return worst;
}

precis_status precis_eval_items_read_jsonl(const char *system_path, const char *references_path,
                                           precis_eval_items **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "no place for the items");
    *out = NULL;
    if (!system_path || !references_path)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "eval", 0, "need two JSON-lines files");
    precis_eval_items *sys = calloc(1, sizeof *sys), *refs = calloc(1, sizeof *refs);
    precis_status st = sys && refs ? PRECIS_OK : NOMEM(err, system_path);
    if (st == PRECIS_OK)
        st = load_jsonl(system_path, 0, sys, err);
    if (st == PRECIS_OK)
        st = load_jsonl(references_path, 1, refs, err);
    if (st == PRECIS_OK)
        st = sort_unique(sys, system_path, err);
    if (st == PRECIS_OK)
        st = sort_unique(refs, references_path, err);
    const eval_item *lone;
    if (st == PRECIS_OK && (lone = first_unmatched(sys, refs)) != NULL)
        st = PRECIS_FAIL(err, PRECIS_E_MISMATCH, system_path, lone->line,
                         "id '%s' has no reference in %s", lone->id, references_path);
    if (st == PRECIS_OK && (lone = first_unmatched(refs, sys)) != NULL)
        st = PRECIS_FAIL(err, PRECIS_E_MISMATCH, references_path, lone->line,
                         "id '%s' has no system summary in %s", lone->id, system_path);
    if (st == PRECIS_OK && sys->count == 0)
        st = PRECIS_FAIL(err, PRECIS_E_EMPTY, system_path, 0, "no summaries to score");
    if (st == PRECIS_OK) /* the same ids in the same order: move the references over */
        for (size_t i = 0; i < sys->count; i++) {
            eval_item *a = &sys->v[i], *b = &refs->v[i];
            a->refs = b->refs;
            a->nrefs = b->nrefs;
            b->refs = NULL;
            b->nrefs = 0;
        }
    precis_eval_items_free(refs);
    if (st != PRECIS_OK) {
        precis_eval_items_free(sys);
        return st;
    }
    *out = sys;
    return PRECIS_OK;
}

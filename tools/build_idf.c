/*
 * build_idf: document frequencies of stems over a JSONL corpus, for
 * data/idf.tsv (the background statistics compiled into libprecis).
 *
 *   build_idf MIN_DF corpus.jsonl[.xz] > data/idf.tsv
 *
 * Every article of every cluster is one document; a stem counts once per
 * document.  Stems are produced by the library's own tokenizer (the same
 * folding and Snowball stemmer the summarizer uses), so the table and the
 * lookups always agree.  Output is sorted in byte order, with " docs"
 * (sorting first) holding the number of documents.  `make idf` runs it on
 * the Multi-News train split.
 *
 *   build_idf --summary MIN_CLUSTERS corpus.jsonl[.xz] > data/summary_prob.tsv
 *   build_idf --summary-bigrams MIN_CLUSTERS corpus.jsonl[.xz] > data/bigram_prob.tsv
 *
 * counts instead, per stem, the clusters whose articles use it and how many
 * of those also use it in their reference summary ("stem<TAB>clusters
 * summaries"): how likely a word of the articles is to make it into a
 * written summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "model.h"
#include "precis.h"
#include "precis_io.h"
#include "token.h"

typedef struct entry {
    char *stem;
    long df;
    long last_doc; /* to count a stem once per document */
    long in_summary;
    long last_summary;
} entry;

typedef struct table {
    entry *slots;
    size_t nslots, count;
} table;

static size_t hash(const char *s, size_t len)
{
    return (size_t)hash_bytes(s, len);
}

static void grow(table *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 1 << 16;
    entry *slots = calloc(n, sizeof *slots);
    if (!slots) {
        fprintf(stderr, "build_idf: out of memory\n");
        exit(3);
    }
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[i].stem)
            continue;
        size_t at = hash(t->slots[i].stem, strlen(t->slots[i].stem)) & (n - 1);
        while (slots[at].stem)
            at = (at + 1) & (n - 1);
        slots[at] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
}

typedef struct counter {
    table *t;
    long doc;
    int summary_pass; /* marking the stems of a reference summary */
    int bigrams;      /* count pairs of consecutive content stems instead */
    char prev[64];    /* the previous content stem (bigram mode) */
    size_t prev_len;
} counter;

static int count_key(counter *c, const char *key, size_t len)
{
    table *t = c->t;
    if (t->count * 2 >= t->nslots)
        grow(t);
    size_t at = hash(key, len) & (t->nslots - 1);
    while (t->slots[at].stem) {
        entry *e = &t->slots[at];
        if (strlen(e->stem) == len && !memcmp(e->stem, key, len)) {
            if (c->summary_pass) {
                if (e->last_doc == c->doc && e->last_summary != c->doc) {
                    e->last_summary = c->doc;
                    e->in_summary++;
                }
                return 0;
            }
            if (e->last_doc != c->doc) {
                e->df++;
                e->last_doc = c->doc;
            }
            return 0;
        }
        at = (at + 1) & (t->nslots - 1);
    }
    if (c->summary_pass)
        return 0; /* only stems of the articles count */
    entry *e = &t->slots[at];
    e->last_summary = -1;
    e->stem = strndup(key, len);
    e->df = 1;
    e->last_doc = c->doc;
    t->count++;
    return 0;
}

static int count_token(void *ctx, const token *tok)
{
    counter *c = ctx;
    if (tok->stem_len == 0 || tok->stem_len > 40)
        return 0;
    if (!c->bigrams)
        return count_key(c, tok->stem, tok->stem_len);
    if (tok->stopword)
        return 0;
    char key[128];
    int rc = 0;
    if (c->prev_len) {
        memcpy(key, c->prev, c->prev_len);
        key[c->prev_len] = ' ';
        memcpy(key + c->prev_len + 1, tok->stem, tok->stem_len);
        rc = count_key(c, key, c->prev_len + 1 + tok->stem_len);
    }
    memcpy(c->prev, tok->stem, tok->stem_len);
    c->prev_len = tok->stem_len;
    return rc;
}

static int by_stem(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->stem, ((const entry *)b)->stem);
}

int main(int argc, char **argv)
{
    int bigram_mode = argc == 4 && !strcmp(argv[1], "--summary-bigrams");
    int summary_mode = argc == 4 && (!strcmp(argv[1], "--summary") || bigram_mode);
    if (summary_mode) {
        argv++;
        argc--;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: build_idf [--summary] MIN_DF corpus.jsonl[.xz]\n");
        return 2;
    }
    long min_df = atol(argv[1]);
    precis_error err = {0};
    precis_model *model = NULL;
    precis_lines *lines = NULL;
    if (precis_model_new(&model, &err) != PRECIS_OK ||
        precis_lines_open(argv[2], &lines, &err) != PRECIS_OK) {
        fprintf(stderr, "build_idf: %s: %s\n", err.source, err.message);
        return 1;
    }
    tokenizer tok;
    if (tokenizer_init(&tok, model) < 0)
        return 3;
    table t = {0};
    grow(&t);
    counter c = {&t, 0, 0, 0, {0}, 0};
    c.bigrams = bigram_mode;
    const char *line;
    size_t len;
    precis_status got;
    while ((got = precis_lines_next(lines, &line, &len, &err)) == PRECIS_OK && line) {
        precis_cluster *cl = NULL;
        if (precis_cluster_parse_json(line, len, argv[2], precis_lines_number(lines), &cl, &err) !=
            PRECIS_OK) {
            fprintf(stderr, "build_idf: %s:%ld: %s\n", err.source, err.line, err.message);
            return 1;
        }
        if (summary_mode) { /* one document per cluster: all its articles */
            if (cl->nreferences == 0) {
                precis_cluster_free(cl);
                continue;
            }
            c.doc++;
            c.summary_pass = 0;
            for (size_t i = 0; i < cl->count; i++) {
                c.prev_len = 0;
                tokenize(&tok, cl->articles[i].text, cl->articles[i].len, count_token, &c);
            }
            c.summary_pass = 1;
            for (size_t r = 0; r < cl->nreferences; r++) {
                c.prev_len = 0;
                tokenize(&tok, cl->references[r], strlen(cl->references[r]), count_token, &c);
            }
            c.summary_pass = 0;
        }
        for (size_t i = 0; !summary_mode && i < cl->count; i++) {
            if (cl->articles[i].len == 0)
                continue;
            c.doc++;
            tokenize(&tok, cl->articles[i].text, cl->articles[i].len, count_token, &c);
        }
        precis_cluster_free(cl);
    }
    if (got != PRECIS_OK) {
        fprintf(stderr, "build_idf: %s:%ld: %s\n", err.source, err.line, err.message);
        return 1;
    }
    size_t kept = 0;
    for (size_t i = 0; i < t.nslots; i++)
        if (t.slots[i].stem && t.slots[i].df >= min_df)
            t.slots[kept++] = t.slots[i];
    qsort(t.slots, kept, sizeof *t.slots, by_stem);
    if (summary_mode) {
        printf("# For each Snowball English stem%s: in how many of the %ld Multi-News train\n"
               "# clusters the articles use it, and in how many of those the reference\n"
               "# summary uses it too (min %ld clusters); regenerate with `make idf`.\n",
               bigram_mode ? " pair (consecutive content words)" : "", c.doc, min_df);
        for (size_t i = 0; i < kept; i++)
            printf("%s\t%ld %ld\n", t.slots[i].stem, t.slots[i].df, t.slots[i].in_summary);
    } else {
        printf("# Document frequencies of Snowball English stems over the %ld articles of the\n"
               "# Multi-News train split (min df %ld); regenerate with `make idf`.\n",
               c.doc, min_df);
        printf(" docs\t%ld\n", c.doc);
        for (size_t i = 0; i < kept; i++)
            printf("%s\t%ld\n", t.slots[i].stem, t.slots[i].df);
    }
    tokenizer_release(&tok);
    precis_lines_free(lines);
    precis_model_free(model);
    /* a full disk must not leave a short table that looks complete */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("build_idf: write error");
        return 1;
    }
    return 0;
}

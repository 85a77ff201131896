/*
 * rouge.c: ROUGE-1.5.5, reimplemented so that it gives the official
 * script's numbers, to the fifth decimal, for ROUGE-1, ROUGE-2, ROUGE-L and
 * ROUGE-SU4 (the public API: include/precis_eval.h; the README of the
 * shared ROUGE-1.5.5 test vectors, ../shared/rouge/README.md, describes
 * every behaviour reproduced here).
 *
 * What a call does, in ROUGE's order:
 *   1. Lines.  Each summary is a list of lines (sentences); ROUGE reads them
 *      one per line, so '\n' inside a sentence starts a new one and empty
 *      lines are dropped.
 *   2. Cuts.  -l N keeps whole lines while the running count of Perl
 *      split(/\s+/) fields stays below N, then a prefix of the next line;
 *      -b N does the same with bytes.  A cut is always a byte prefix of a
 *      line, so the text is kept as (line, prefix length) and never copied.
 *      ROUGE-L reads its sentences with a second reader that, under -b,
 *      never advances its byte count (it keeps every line shorter than N
 *      and cuts the first longer one): that quirk is reproduced, so under
 *      -b the LCS sentences are tokenized separately.
 *   3. Tokens.  ASCII letters are lowercased and every byte that is not
 *      [a-z0-9] separates tokens.  With -s a token in the SMART list is
 *      dropped; with -m a token longer than 3 bytes becomes its WordNet
 *      base form or, if it has none, its Porter stem (rouge_porter.c).
 *      Each distinct lowercase token is normalised once and cached in the
 *      scorer; normalised tokens are interned, so the metrics compare
 *      small integers.  Within one call tokens are renumbered densely
 *      (0..V-1) so unigram counts live in plain arrays.
 *   4. ROUGE-N and ROUGE-SU: n-gram bags (open-addressing hash tables keyed
 *      by the packed token pair) over all the lines joined; hits are the
 *      clipped counts min(system, reference) summed over distinct grams.
 *   5. ROUGE-L: for every reference line, the LCS table against every
 *      system line with ROUGE's traceback (diagonal on equal tokens, else up
 *      when up >= left, else left), the union of the reference positions
 *      marked, then clipping by the remaining unigram counts of reference
 *      and system.  The table keeps two rows of lengths and one bit per
 *      cell (up or left), so long lines cost |r|x|s| bits, not words; a
 *      pair of lines with no common token is skipped (it marks nothing).
 *   6. Scores: R and P are rounded to 5 decimals (Perl sprintf "%7.5f")
 *      and F is computed from the rounded values, as ROUGE does.
 *
 * Averages (precis_rouge_aggregate) follow computeAverages(): 1000
 * bootstrap resamples, resample i drawn with Perl's srand(i) + rand(), the
 * average printed being the mean of the resample means and the confidence
 * bounds read from the sorted means.  Perl's drand48 is reproduced, so the
 * numbers are ROUGE's own when the items are given in ROUGE's order.
 *
 * Memory: everything a call needs lives in buffers owned by the scorer and
 * reused by the next call; the token caches are emptied when they exceed
 * ROUGE_CACHE_LIMIT entries so a long-running scorer stays bounded.  No
 * global mutable state: one scorer per thread.
 */
#include "rouge.h"
#include "table.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sized.h"
#include "text.h"

/* Compiled from data/rouge_stopwords.tsv and data/rouge_wordnet.tsv by
 * tools/gen_table (sorted by strcmp). */


/* Distinct lowercase tokens cached before the caches are emptied. */
#define ROUGE_CACHE_LIMIT ((size_t)1 << 20)

/* ------------------------------------------------------------------ */
/* Language data                                                       */
/* ------------------------------------------------------------------ */

const char *rouge_exception_lookup(const char *tok, size_t len)
{
    long i = table_lookup(&rouge_wordnet_table, tok, len);
    return i < 0 ? NULL : table_value(&rouge_wordnet_table, (size_t)i);
}

int rouge_is_stopword(const char *tok, size_t len)
{
    return table_lookup(&rouge_stopwords_table, tok, len) >= 0;
}

const char *rouge_morph_stem(const char *tok, size_t len, char *buf, size_t *out_len)
{
    if (len <= 3) {
        *out_len = len;
        return tok;
    }
    const char *base = rouge_exception_lookup(tok, len);
    if (base) {
        *out_len = strlen(base);
        return base;
    }
    memcpy(buf, tok, len);
    *out_len = rouge_porter_stem(buf, len);
    return buf;
}

/* ------------------------------------------------------------------ */
/* Perl's numbers                                                      */
/* ------------------------------------------------------------------ */

/* Perl_drand48_init_r / Perl_drand48_r: the 48-bit LCG of drand48 with
 * Perl's seeding (seed in the high 32 bits, 0x330E below). */
void rouge_drand48_seed(rouge_rand48 *r, uint32_t seed)
{
    r->x = ((uint64_t)seed << 16) + 0x330E;
}

double rouge_drand48_next(rouge_rand48 *r)
{
    r->x = (r->x * UINT64_C(0x5DEECE66D) + 0xB) & ((UINT64_C(1) << 48) - 1);
    return ldexp((double)r->x, -48);
}

double rouge_round5(double v)
{
    /* printf rounds the exact binary value, as Perl's sprintf does; going
     * through text is the only way to get the same ties. */
    char buf[64];
    snprintf(buf, sizeof buf, "%.5f", v);
    return strtod(buf, NULL);
}

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

const char *precis_rouge_metric_name(precis_rouge_metric metric)
{
    static const char *const names[] = {"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"};
    if ((unsigned)metric < PRECIS_ROUGE_METRIC_COUNT)
        return names[metric];
    return "ROUGE-?";
}

void precis_rouge_options_init_sized(precis_rouge_options *options, size_t size)
{
    if (!options)
        return;
    precis_rouge_options o;
    memset(&o, 0, sizeof o);
    o.size = sizeof o;
    o.stem = 0;
    o.remove_stopwords = 0;
    o.word_limit = 0;
    o.byte_limit = 0;
    o.max_skip = 4;
    o.alpha = 0.5;
    o.best_reference = 0;
    o.confidence = 95;
    o.resamples = 1000;
    /* only the first `size` bytes: see precis_options_init_sized */
    sized_store(options, &o, sizeof o, size);
}

precis_status rouge_options_from_caller(const precis_rouge_options *in, precis_rouge_options *out,
                                        precis_error *err)
{
    precis_rouge_options_init(out);
    if (!in)
        return PRECIS_OK;
    if (!sized_load(out, sizeof *out, in))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                           "precis_rouge_options.size is %zu: initialise the options with "
                           "precis_rouge_options_init",
                           in->size);
    return PRECIS_OK;
}

static precis_status check_options(const precis_rouge_options *o, precis_error *err)
{
    if (o->word_limit < 0 || o->byte_limit < 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "length limits cannot be negative");
    if (o->word_limit > 0 && o->byte_limit > 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                           "give a word limit (-l) or a byte limit (-b), not both");
    if (!(o->alpha >= 0 && o->alpha <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "alpha (-p) must be within 0 and 1");
    if (o->confidence < 0 || o->confidence > 100)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                           "confidence (-c) must be within 0 and 100");
    if (o->resamples < 1)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "resamples (-r) must be at least 1");
    return PRECIS_OK;
}

static bool parse_long(const char *s, long *out)
{
    char *end;
    if (!*s)
        return false;
    long v = strtol(s, &end, 10);
    if (*end)
        return false;
    *out = v;
    return true;
}

/* Getopt::Std semantics: "-ms" is "-m -s", "-l230" is "-l 230". */
precis_status precis_rouge_options_parse(const char *flags, precis_rouge_options *out,
                                         precis_error *err)
{
    precis_rouge_options o;
    precis_rouge_options_init(&o);
    bool seen_l = false, seen_b = false;
    char buf[1024];
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "no options to fill");
    if (out->size < sizeof out->size)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                           "precis_rouge_options.size is %zu: initialise the options with "
                           "precis_rouge_options_init",
                           out->size);
    if (!flags)
        flags = "";
    if (strlen(flags) >= sizeof buf)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "ROUGE flags too long");
    strcpy(buf, flags);

    char *save = NULL;
    for (char *word = strtok_r(buf, " \t\r\n", &save); word; word = strtok_r(NULL, " \t\r\n", &save)) {
        if (word[0] != '-' || !word[1])
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                               "unexpected '%s' in ROUGE flags (only options are accepted)", word);
        for (char *p = word + 1; *p; p++) {
            char flag = *p;
            const char *arg = NULL;
            if (strchr("blcrfpn2te", flag)) {
                arg = p[1] ? p + 1 : strtok_r(NULL, " \t\r\n", &save);
                if (!arg)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "ROUGE flag -%c needs a value", flag);
            }
            long v = 0;
            switch (flag) {
            case 'm': o.stem = 1; break;
            case 's': o.remove_stopwords = 1; break;
            case 'u': break; /* skip bigrams always include unigrams here */
            case 'a': case 'd': case 'v': break; /* output choices, no effect on scores */
            case 'e': break;                    /* ROUGE's data folder: compiled in */
            case 'l':
            case 'b':
                if (!parse_long(arg, &v) || v < 0)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "-%c needs a non-negative integer, not '%s'", flag, arg);
                if (flag == 'l') {
                    o.word_limit = v;
                    seen_l = true;
                } else {
                    o.byte_limit = v;
                    seen_b = true;
                }
                break;
            case 'c':
                if (!parse_long(arg, &v) || v < 0 || v > 100)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "-c needs an integer within 0 and 100, not '%s'", arg);
                o.confidence = (int)v;
                break;
            case 'r':
                if (!parse_long(arg, &v) || v < 1 || v > 1000000)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "-r needs a positive integer, not '%s'", arg);
                o.resamples = (int)v;
                break;
            case 'f':
                if (strcmp(arg, "A") && strcmp(arg, "B"))
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "-f needs A or B, not '%s'", arg);
                o.best_reference = arg[0] == 'B';
                break;
            case 'p': {
                char *end;
                double a = strtod(arg, &end);
                if (*end || !(a >= 0 && a <= 1))
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "-p needs a number within 0 and 1, not '%s'", arg);
                o.alpha = a;
                break;
            }
            case 'n':
                if (!parse_long(arg, &v) || v != 2)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "only -n 2 is supported (ROUGE-1 and ROUGE-2), not '%s'", arg);
                break;
            case '2':
                if (!parse_long(arg, &v) || v > 1000000 || v < -1000000)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "-2 needs an integer, not '%s'", arg);
                o.max_skip = v < 0 ? -1 : (int)v;
                break;
            case 't':
                if (!parse_long(arg, &v) || v != 0)
                    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                       "only -t 0 (sentence-level averages) is supported");
                break;
            default:
                return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                   "unsupported ROUGE flag -%c", flag);
            }
            if (arg)
                break; /* the value ended this word */
        }
    }
    if (seen_l && seen_b)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                           "give a word limit (-l) or a byte limit (-b), not both");
    precis_status st = check_options(&o, err);
    if (st != PRECIS_OK)
        return st;
    sized_store(out, &o, sizeof o, out->size); /* the caller's first `size` bytes only */
    return PRECIS_OK;
}

size_t precis_rouge_options_format(const precis_rouge_options *options, char *buf, size_t size)
{
    precis_rouge_options full;
    if (rouge_options_from_caller(options, &full, NULL) != PRECIS_OK)
        precis_rouge_options_init(&full);
    const precis_rouge_options *o = &full;
    int n = snprintf(buf, size, "-n 2 -2 %d -u -c %d -r %d -f %c -p %g -t 0%s%s", o->max_skip,
                     o->confidence, o->resamples, o->best_reference ? 'B' : 'A', o->alpha,
                     o->stem ? " -m" : "", o->remove_stopwords ? " -s" : "");
    if (n < 0)
        return 0;
    size_t len = (size_t)n;
    if (o->word_limit > 0 || o->byte_limit > 0) {
        int k = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, " -%c %ld",
                         o->word_limit > 0 ? 'l' : 'b',
                         o->word_limit > 0 ? o->word_limit : o->byte_limit);
        if (k > 0)
            len += (size_t)k;
    }
    return len;
}

/* ------------------------------------------------------------------ */
/* Growable buffers, string map, gram bag                              */
/* ------------------------------------------------------------------ */

/* Makes *pp (any object pointer, passed by address) hold at least `need`
 * elements of `elem` bytes; new space is not initialised. */
static bool reserve(void *pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    if (n > SIZE_MAX / elem)
        return false;
    void *p;
    memcpy(&p, pp, sizeof p);
    void *q = realloc(p, n * elem);
    if (!q)
        return false;
    memcpy(pp, &q, sizeof q);
    *cap = n;
    return true;
}

static uint64_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325); /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h ^ (h >> 29);
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33; /* murmur3 finaliser */
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x *= UINT64_C(0xc4ceb9fe1a85ec53);
    x ^= x >> 33;
    return x;
}

typedef struct sm_entry {
    uint64_t hash;
    size_t off;     /* into the pool */
    size_t len;
    int32_t value;
} sm_entry;

/* Interning table: string -> entry index (and a value per entry). */
typedef struct strmap {
    uint32_t *slots; /* entry index + 1; 0 is empty */
    size_t nslots;   /* power of two */
    sm_entry *entries;
    size_t count, cap;
    char *pool;
    size_t pool_len, pool_cap;
} strmap;

static void strmap_free(strmap *m)
{
    free(m->slots);
    free(m->entries);
    free(m->pool);
    memset(m, 0, sizeof *m);
}

static void strmap_clear(strmap *m)
{
    if (m->slots)
        memset(m->slots, 0, m->nslots * sizeof *m->slots);
    m->count = 0;
    m->pool_len = 0;
}

static bool strmap_rehash(strmap *m, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < m->count; i++) {
        size_t h = (size_t)m->entries[i].hash & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = (uint32_t)(i + 1);
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = nslots;
    return true;
}

/* Entry index of (p, n), or -1 when absent. */
static long strmap_find(const strmap *m, const char *p, size_t n)
{
    if (!m->nslots)
        return -1;
    uint64_t h = hash_bytes(p, n);
    size_t i = (size_t)h & (m->nslots - 1);
    while (m->slots[i]) {
        const sm_entry *e = &m->entries[m->slots[i] - 1];
        if (e->hash == h && e->len == n && memcmp(m->pool + e->off, p, n) == 0)
            return (long)(m->slots[i] - 1);
        i = (i + 1) & (m->nslots - 1);
    }
    return -1;
}

/* Entry index of (p, n), added with `value` if absent.  -1: no memory. */
static long strmap_intern(strmap *m, const char *p, size_t n, int32_t value)
{
    long found = strmap_find(m, p, n);
    if (found >= 0)
        return found;
    if ((m->count + 1) * 2 > m->nslots && !strmap_rehash(m, m->nslots ? m->nslots * 2 : 1024))
        return -1;
    if (!reserve(&m->entries, &m->cap, m->count + 1, sizeof *m->entries) ||
        !reserve(&m->pool, &m->pool_cap, m->pool_len + n + 1, 1))
        return -1;
    uint64_t h = hash_bytes(p, n);
    sm_entry *e = &m->entries[m->count];
    e->hash = h;
    e->off = m->pool_len;
    e->len = n;
    e->value = value;
    memcpy(m->pool + m->pool_len, p, n);
    m->pool[m->pool_len + n] = '\0';
    m->pool_len += n + 1;
    size_t i = (size_t)h & (m->nslots - 1);
    while (m->slots[i])
        i = (i + 1) & (m->nslots - 1);
    m->slots[i] = (uint32_t)(m->count + 1);
    return (long)m->count++;
}

/* Multiset of grams: key (packed token ids, never 0) -> count. */
typedef struct bag {
    uint64_t *keys;
    uint32_t *counts;
    size_t mask;      /* capacity - 1, capacity a power of two */
    uint32_t *used;   /* occupied slots, to empty the table quickly */
    size_t nused;
} bag;

static void bag_free(bag *b)
{
    free(b->keys);
    free(b->counts);
    free(b->used);
    memset(b, 0, sizeof *b);
}

/* Empties the bag and makes room for up to `n` distinct keys. */
static bool bag_prepare(bag *b, size_t n)
{
    size_t want = 16;
    while (want < 2 * n + 2)
        want *= 2;
    if (!b->keys || b->mask + 1 < want) {
        bag_free(b);
        b->keys = calloc(want, sizeof *b->keys);
        b->counts = malloc(want * sizeof *b->counts);
        b->used = malloc(want * sizeof *b->used);
        if (!b->keys || !b->counts || !b->used) {
            bag_free(b);
            return false;
        }
        b->mask = want - 1;
    } else {
        for (size_t i = 0; i < b->nused; i++)
            b->keys[b->used[i]] = 0;
    }
    b->nused = 0;
    return true;
}

static void bag_add(bag *b, uint64_t key)
{
    size_t i = (size_t)mix64(key) & b->mask;
    while (b->keys[i] && b->keys[i] != key)
        i = (i + 1) & b->mask;
    if (!b->keys[i]) {
        b->keys[i] = key;
        b->counts[i] = 0;
        b->used[b->nused++] = (uint32_t)i;
    }
    b->counts[i]++;
}

static uint32_t bag_get(const bag *b, uint64_t key)
{
    size_t i = (size_t)mix64(key) & b->mask;
    while (b->keys[i]) {
        if (b->keys[i] == key)
            return b->counts[i];
        i = (i + 1) & b->mask;
    }
    return 0;
}

/* Sum over the grams of `ref` of min(count in ref, count in sys). */
static long bag_hits(const bag *ref, const bag *sys)
{
    long hits = 0;
    for (size_t k = 0; k < ref->nused; k++) {
        size_t i = ref->used[k];
        uint32_t s = bag_get(sys, ref->keys[i]);
        hits += ref->counts[i] < s ? ref->counts[i] : s;
    }
    return hits;
}

/* Bigram (a, b) and unigram (a) keys; ids are < 2^32 - 1. */
static uint64_t key_pair(uint32_t a, uint32_t b)
{
    return ((uint64_t)a + 1) << 32 | ((uint64_t)b + 1);
}

static uint64_t key_single(uint32_t a)
{
    return ((uint64_t)a + 1) << 32;
}

/* ------------------------------------------------------------------ */
/* The scorer                                                          */
/* ------------------------------------------------------------------ */

typedef struct seg {
    const char *p;
    size_t len;
} seg;

/* One summary after cutting and tokenizing: offsets into the scorer's
 * buffers (which may move while the call fills them). */
typedef struct rtext {
    size_t tok_start, tok_end;   /* tokens for n-grams and unigram clipping */
    size_t sent_start, sent_end; /* ROUGE-L sentences: [start, end) pairs in sent */
} rtext;

/* One reference's numbers for one metric, before -f A / B combines them. */
typedef struct rcount {
    long hits, ref_count, sys_count;
    double score; /* what -f B compares */
} rcount;

struct precis_rouge {
    precis_rouge_options opt;

    strmap raw;   /* lowercase token -> normalised id (-1: stop word) */
    strmap words; /* normalised token -> id */

    /* Dense renumbering of normalised ids for the current call: id g is
     * local[g].dense when local[g].gen is the current call's gen. */
    struct local_id {
        uint32_t gen, dense;
    } *local;
    size_t local_cap;
    uint32_t gen;
    uint32_t nlocal;

    char *lower, *stembuf;
    size_t lower_cap, stembuf_cap;

    seg *lines;
    size_t nlines, lines_cap;
    uint32_t *tok;
    size_t ntok, tok_cap;
    size_t *sent;
    size_t nsent, sent_cap;
    rtext *texts;
    size_t texts_cap;
    rcount *counts;
    size_t counts_cap;

    /* Five arrays indexed by dense token id, carved from one buffer. */
    uint32_t *vocab;
    size_t vocab_cap;
    uint32_t *sys_uni, *ref_uni, *model_left, *peer_left, *seen;
    uint32_t seen_stamp;

    /* LCS scratch: two rows of lengths, one bit per cell. */
    uint32_t *rows;
    size_t rows_cap;
    uint64_t *bits;
    size_t bits_cap;
    unsigned char *hitmask;
    size_t hitmask_cap;

    bag sys2, ref2, syssu, refsu;
};

precis_status precis_rouge_new(const precis_rouge_options *options, precis_rouge **out,
                               precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "precis_rouge_new: NULL argument");
    *out = NULL;
    precis_rouge_options o;
    precis_status st = rouge_options_from_caller(options, &o, err);
    if (st == PRECIS_OK)
        st = check_options(&o, err);
    if (st != PRECIS_OK)
        return st;
    precis_rouge *s = calloc(1, sizeof *s);
    if (!s)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, "rouge", 0, "out of memory");
    s->opt = o;
    s->gen = 1;
    *out = s;
    return PRECIS_OK;
}

void precis_rouge_free(precis_rouge *s)
{
    if (!s)
        return;
    strmap_free(&s->raw);
    strmap_free(&s->words);
    free(s->local);
    free(s->lower);
    free(s->stembuf);
    free(s->lines);
    free(s->tok);
    free(s->sent);
    free(s->texts);
    free(s->counts);
    free(s->vocab);
    free(s->rows);
    free(s->bits);
    free(s->hitmask);
    bag_free(&s->sys2);
    bag_free(&s->ref2);
    bag_free(&s->syssu);
    bag_free(&s->refsu);
    free(s);
}

/* Starts a call: a fresh dense numbering, and empty caches if they grew
 * past the limit (ids only need to agree within one call). */
static void begin_call(precis_rouge *s)
{
    if (s->raw.count > ROUGE_CACHE_LIMIT || s->words.count > ROUGE_CACHE_LIMIT) {
        strmap_clear(&s->raw);
        strmap_clear(&s->words);
        if (s->local)
            memset(s->local, 0, s->local_cap * sizeof *s->local);
    }
    if (++s->gen == 0) {
        if (s->local)
            memset(s->local, 0, s->local_cap * sizeof *s->local);
        s->gen = 1;
    }
    s->nlocal = 0;
    s->ntok = 0;
    s->nsent = 0;
}

/* The normalised id of one lowercase token, -1 for a dropped stop word,
 * -2 when out of memory.  A token is only cached once its id is known, so
 * a failed call leaves no half-made entry behind. */
static long normalise(precis_rouge *s, const char *tok, size_t len)
{
    long e = strmap_find(&s->raw, tok, len);
    if (e >= 0)
        return s->raw.entries[e].value;
    long id = -1;
    if (!(s->opt.remove_stopwords && rouge_is_stopword(tok, len))) {
        const char *norm = tok;
        size_t nlen = len;
        if (s->opt.stem) {
            if (!reserve(&s->stembuf, &s->stembuf_cap, len, 1))
                return -2;
            norm = rouge_morph_stem(tok, len, s->stembuf, &nlen);
        }
        id = strmap_intern(&s->words, norm, nlen, 0);
        if (id < 0 || id >= INT32_MAX)
            return -2;
    }
    e = strmap_intern(&s->raw, tok, len, (int32_t)id);
    return e < 0 ? -2 : id;
}

/* ROUGE's token bytes: Perl's [A-Za-z0-9] on bytes, whatever the locale. */
static bool token_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Appends the dense ids of the tokens of bytes [p, p+len) to s->tok. */
static bool tokenize(precis_rouge *s, const char *p, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (!token_byte(p[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && token_byte(p[i]))
            i++;
        size_t n = i - start;
        if (!reserve(&s->lower, &s->lower_cap, n, 1))
            return false;
        for (size_t k = 0; k < n; k++) {
            char c = p[start + k];
            s->lower[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        long g = normalise(s, s->lower, n);
        if (g == -2)
            return false;
        if (g < 0)
            continue;
        if ((size_t)g >= s->local_cap) {
            size_t old = s->local_cap;
            if (!reserve(&s->local, &s->local_cap, (size_t)g + 1, sizeof *s->local))
                return false;
            memset(s->local + old, 0, (s->local_cap - old) * sizeof *s->local);
        }
        if (s->local[g].gen != s->gen) {
            s->local[g].gen = s->gen;
            s->local[g].dense = s->nlocal++;
        }
        if (!reserve(&s->tok, &s->tok_cap, s->ntok + 1, sizeof *s->tok))
            return false;
        s->tok[s->ntok++] = s->local[g].dense;
    }
    return true;
}

/* Perl's split(/\s+/, line): the number of fields, and in *cut the byte
 * length of the line's prefix holding the first `want` fields (a leading
 * blank makes an empty first field; trailing blanks make none). */
static bool perl_space(char c)
{
    return text_is_ascii_space((unsigned char)c);
}

static size_t split_fields(const char *p, size_t len, size_t want, size_t *cut)
{
    size_t fields = 0, i = 0;
    bool any_word = false;
    *cut = len;
    for (size_t k = 0; k < len; k++)
        if (!perl_space(p[k]))
            any_word = true;
    if (!any_word)
        return 0;
    if (perl_space(p[0])) {
        fields = 1; /* the empty leading field */
        if (want == 1)
            *cut = 0;
    }
    while (i < len) {
        while (i < len && perl_space(p[i]))
            i++;
        if (i == len)
            break;
        while (i < len && !perl_space(p[i]))
            i++;
        if (++fields == want)
            *cut = i;
    }
    return fields;
}

/* Splits the caller's sentences into ROUGE's lines. */
static bool collect_lines(precis_rouge *s, const char *const *sentences, size_t count)
{
    s->nlines = 0;
    for (size_t k = 0; k < count; k++) {
        const char *p = sentences[k];
        for (;;) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            if (len > 0) {
                if (!reserve(&s->lines, &s->lines_cap, s->nlines + 1, sizeof *s->lines))
                    return false;
                s->lines[s->nlines].p = p;
                s->lines[s->nlines].len = len;
                s->nlines++;
            }
            if (!nl)
                break;
            p = nl + 1;
        }
    }
    return true;
}

static bool push_sentence(precis_rouge *s, size_t start, size_t end)
{
    if (!reserve(&s->sent, &s->sent_cap, s->nsent + 2, sizeof *s->sent))
        return false;
    s->sent[s->nsent++] = start;
    s->sent[s->nsent++] = end;
    return true;
}

/*
 * Cuts and tokenizes one summary into t.  ROUGE's readText (n-grams) and
 * readText_LCS (ROUGE-L) agree except under -b, where readText_LCS keeps
 * every line shorter than the limit and cuts only the first longer one.
 */
static bool prepare_text(precis_rouge *s, const char *const *sentences, size_t count, rtext *t)
{
    if (!collect_lines(s, sentences, count))
        return false;
    const long wl = s->opt.word_limit, bl = s->opt.byte_limit;
    const bool lcs_apart = bl > 0;

    t->tok_start = s->ntok;
    t->sent_start = s->nsent;
    size_t running = 0;
    for (size_t k = 0; k < s->nlines; k++) {
        const seg *ln = &s->lines[k];
        size_t use = ln->len;
        bool last = false;
        if (wl > 0) {
            size_t cut;
            size_t fields = split_fields(ln->p, ln->len, 0, &cut);
            if (running + fields >= (size_t)wl) {
                split_fields(ln->p, ln->len, (size_t)wl - running, &cut);
                use = cut;
                last = true;
            }
            running += fields;
        } else if (bl > 0) {
            if (running + ln->len >= (size_t)bl) {
                use = (size_t)bl - running;
                last = true;
            }
            running += ln->len;
        }
        size_t start = s->ntok;
        if (!tokenize(s, ln->p, use))
            return false;
        if (!lcs_apart && !push_sentence(s, start, s->ntok))
            return false;
        if (last)
            break;
    }
    t->tok_end = s->ntok;

    if (lcs_apart) {
        for (size_t k = 0; k < s->nlines; k++) {
            const seg *ln = &s->lines[k];
            bool last = ln->len >= (size_t)bl;
            size_t start = s->ntok;
            if (!tokenize(s, ln->p, last ? (size_t)bl : ln->len))
                return false;
            if (!push_sentence(s, start, s->ntok))
                return false;
            if (last)
                break;
        }
    }
    t->sent_end = s->nsent;
    return true;
}

/* Number of grams ROUGE-SU counts in n tokens: for every token but the last,
 * its unigram and its pairs with the next max_skip+1 tokens. */
static size_t su_count(size_t n, int max_skip)
{
    size_t total = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        size_t ahead = n - 1 - i;
        if (max_skip >= 0 && ahead > (size_t)max_skip + 1)
            ahead = (size_t)max_skip + 1;
        total += 1 + ahead;
    }
    return total;
}

static bool fill_bigrams(bag *b, const uint32_t *t, size_t n)
{
    if (!bag_prepare(b, n))
        return false;
    for (size_t i = 0; i + 1 < n; i++)
        bag_add(b, key_pair(t[i], t[i + 1]));
    return true;
}

static bool fill_skip(bag *b, const uint32_t *t, size_t n, int max_skip)
{
    if (!bag_prepare(b, su_count(n, max_skip)))
        return false;
    for (size_t i = 0; i + 1 < n; i++) {
        bag_add(b, key_single(t[i]));
        size_t end = n - 1;
        if (max_skip >= 0 && i + (size_t)max_skip + 1 < end)
            end = i + (size_t)max_skip + 1;
        for (size_t j = i + 1; j <= end; j++)
            bag_add(b, key_pair(t[i], t[j]));
    }
    return true;
}

/*
 * ROUGE's lcs_inner + markLCS for one reference line r[0..m) and one system
 * line y[0..n): marks in `mask` the reference positions on the traceback.
 * bit (i, j) records "up" (c[i-1][j] >= c[i][j-1]) for unequal tokens;
 * equal tokens always go diagonal, which the traceback re-tests.
 */
static bool lcs_mark(precis_rouge *s, const uint32_t *r, size_t m, const uint32_t *y, size_t n,
                     unsigned char *mask)
{
    size_t words = (n + 63) / 64;
    if (m > SIZE_MAX / words)
        return false;
    if (!reserve(&s->rows, &s->rows_cap, 2 * (n + 1), sizeof *s->rows) ||
        !reserve(&s->bits, &s->bits_cap, m * words, sizeof *s->bits))
        return false;
    uint32_t *prev = s->rows, *cur = s->rows + n + 1;
    memset(prev, 0, (n + 1) * sizeof *prev);
    cur[0] = 0;
    for (size_t i = 1; i <= m; i++) {
        uint64_t *row = s->bits + (i - 1) * words;
        const uint32_t a = r[i - 1];
        uint32_t left = 0;
        uint64_t acc = 0;
        for (size_t j = 1; j <= n; j++) {
            uint32_t v;
            if (a == y[j - 1]) {
                v = prev[j - 1] + 1;
            } else if (prev[j] >= left) {
                v = prev[j];
                acc |= UINT64_C(1) << ((j - 1) & 63);
            } else {
                v = left;
            }
            cur[j] = v;
            left = v;
            if (((j - 1) & 63) == 63 || j == n) {
                row[(j - 1) >> 6] = acc;
                acc = 0;
            }
        }
        uint32_t *tmp = prev;
        prev = cur;
        cur = tmp;
    }
    size_t i = m, j = n;
    while (i && j) {
        if (r[i - 1] == y[j - 1]) {
            i--;
            j--;
            mask[i] = 1;
        } else if (s->bits[(i - 1) * words + ((j - 1) >> 6)] >> ((j - 1) & 63) & 1) {
            i--;
        } else {
            j--;
        }
    }
    return true;
}

/* ROUGE's lcs(): union-LCS hits of one reference against the system,
 * clipped by model_left / peer_left (which it consumes).  *base gets the
 * number of reference tokens. */
static bool lcs_hits(precis_rouge *s, const rtext *sys, const rtext *ref, long *hits, long *base)
{
    *hits = 0;
    *base = 0;
    for (size_t a = ref->sent_start; a < ref->sent_end; a += 2) {
        const uint32_t *r = s->tok + s->sent[a];
        size_t m = s->sent[a + 1] - s->sent[a];
        *base += (long)m;
        if (m == 0)
            continue;
        if (!reserve(&s->hitmask, &s->hitmask_cap, m, 1))
            return false;
        memset(s->hitmask, 0, m);
        /* Stamp this line's tokens to skip system lines sharing none. */
        if (++s->seen_stamp == 0) {
            memset(s->seen, 0, s->nlocal * sizeof *s->seen);
            s->seen_stamp = 1;
        }
        for (size_t k = 0; k < m; k++)
            s->seen[r[k]] = s->seen_stamp;
        for (size_t b = sys->sent_start; b < sys->sent_end; b += 2) {
            const uint32_t *y = s->tok + s->sent[b];
            size_t n = s->sent[b + 1] - s->sent[b];
            bool common = false;
            for (size_t k = 0; k < n && !common; k++)
                common = s->seen[y[k]] == s->seen_stamp;
            if (common && !lcs_mark(s, r, m, y, n, s->hitmask))
                return false;
        }
        for (size_t k = 0; k < m; k++) {
            uint32_t t = r[k];
            if (s->hitmask[k] && s->model_left[t] > 0 && s->peer_left[t] > 0) {
                (*hits)++;
                s->model_left[t]--;
                s->peer_left[t]--;
            }
        }
    }
    return true;
}

static double ratio_score(long hits, long count)
{
    return count ? rouge_round5((double)hits / (double)count) : 0.0;
}

static void final_score(precis_rouge_metric_score *out, long hits, long ref_count, long sys_count,
                        double alpha)
{
    out->hits = hits;
    out->ref_count = ref_count;
    out->sys_count = sys_count;
    out->r = ratio_score(hits, ref_count);
    out->p = ratio_score(hits, sys_count);
    double den = (1 - alpha) * out->p + alpha * out->r;
    out->f = den > 0 ? rouge_round5(out->p * out->r / den) : 0.0;
}

precis_status precis_rouge_score(precis_rouge *s, const char *const *system, size_t system_count,
                                 const precis_rouge_text *references, size_t reference_count,
                                 precis_rouge_result *out, precis_error *err)
{
    if (!s || !out || (system_count && !system) || (reference_count && !references))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "missing argument");
    if (reference_count == 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "no reference summary to score against");
    for (size_t i = 0; i < system_count; i++)
        if (!system[i])
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "system sentence %zu is NULL", i);
    for (size_t k = 0; k < reference_count; k++) {
        if (references[k].count && !references[k].sentences)
            return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "reference %zu has no sentences", k);
        for (size_t i = 0; i < references[k].count; i++)
            if (!references[k].sentences[i])
                return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0,
                                   "sentence %zu of reference %zu is NULL", i, k);
    }

    begin_call(s);
    /* The token array is offset by every text's start even when no text has
     * a token: it must exist (an offset on NULL is undefined). */
    if (!reserve(&s->tok, &s->tok_cap, 1, sizeof *s->tok) ||
        !reserve(&s->texts, &s->texts_cap, reference_count + 1, sizeof *s->texts) ||
        !reserve(&s->counts, &s->counts_cap, reference_count * PRECIS_ROUGE_METRIC_COUNT,
                 sizeof *s->counts))
        goto nomem;
    if (!prepare_text(s, system, system_count, &s->texts[0]))
        goto nomem;
    for (size_t k = 0; k < reference_count; k++)
        if (!prepare_text(s, references[k].sentences, references[k].count, &s->texts[k + 1]))
            goto nomem;

    const size_t V = s->nlocal;
    if (!reserve(&s->vocab, &s->vocab_cap, 5 * V + 1, sizeof *s->vocab))
        goto nomem;
    memset(s->vocab, 0, 5 * V * sizeof *s->vocab);
    s->sys_uni = s->vocab;
    s->ref_uni = s->vocab + V;
    s->model_left = s->vocab + 2 * V;
    s->peer_left = s->vocab + 3 * V;
    s->seen = s->vocab + 4 * V;
    s->seen_stamp = 0;

    const rtext *sys = &s->texts[0];
    const uint32_t *st = s->tok + sys->tok_start;
    const size_t sn = sys->tok_end - sys->tok_start;
    for (size_t i = 0; i < sn; i++)
        s->sys_uni[st[i]]++;
    if (!fill_bigrams(&s->sys2, st, sn) || !fill_skip(&s->syssu, st, sn, s->opt.max_skip))
        goto nomem;
    const long sys_bigrams = sn > 0 ? (long)sn - 1 : 0;
    const long sys_su = (long)su_count(sn, s->opt.max_skip);

    for (size_t k = 0; k < reference_count; k++) {
        const rtext *ref = &s->texts[k + 1];
        const uint32_t *rt = s->tok + ref->tok_start;
        const size_t rn = ref->tok_end - ref->tok_start;
        rcount *c = &s->counts[k * PRECIS_ROUGE_METRIC_COUNT];

        for (size_t i = 0; i < rn; i++)
            s->ref_uni[rt[i]]++;

        /* ROUGE-L first: it needs the reference unigram counts intact. */
        for (size_t i = 0; i < rn; i++)
            s->model_left[rt[i]] = s->ref_uni[rt[i]];
        for (size_t i = 0; i < sn; i++)
            s->peer_left[st[i]] = s->sys_uni[st[i]];
        long lhits, lbase;
        if (!lcs_hits(s, sys, ref, &lhits, &lbase))
            goto nomem;
        c[PRECIS_ROUGE_L] = (rcount){lhits, lbase, (long)sn,
                                     lbase > 0 ? (double)lhits / (double)lbase : 0.0};
        for (size_t i = 0; i < rn; i++)
            s->model_left[rt[i]] = 0;

        /* ROUGE-1, emptying ref_uni on the way. */
        long hits = 0;
        for (size_t i = 0; i < rn; i++) {
            uint32_t t = rt[i];
            if (s->ref_uni[t]) {
                hits += s->ref_uni[t] < s->sys_uni[t] ? s->ref_uni[t] : s->sys_uni[t];
                s->ref_uni[t] = 0;
            }
        }
        c[PRECIS_ROUGE_1] = (rcount){hits, (long)rn, (long)sn, ratio_score(hits, (long)rn)};

        if (!fill_bigrams(&s->ref2, rt, rn))
            goto nomem;
        hits = bag_hits(&s->ref2, &s->sys2);
        long rb = rn > 0 ? (long)rn - 1 : 0;
        c[PRECIS_ROUGE_2] = (rcount){hits, rb, sys_bigrams, ratio_score(hits, rb)};

        if (!fill_skip(&s->refsu, rt, rn, s->opt.max_skip))
            goto nomem;
        hits = bag_hits(&s->refsu, &s->syssu);
        long rs = (long)su_count(rn, s->opt.max_skip);
        c[PRECIS_ROUGE_SU4] = (rcount){hits, rs, sys_su, ratio_score(hits, rs)};
    }

    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        long hits = 0, rc = 0, sc = 0;
        if (s->opt.best_reference) {
            /* -f B: the first reference with the strictly best score. */
            double best = -1;
            for (size_t k = 0; k < reference_count; k++) {
                const rcount *c = &s->counts[k * PRECIS_ROUGE_METRIC_COUNT + (size_t)m];
                if (c->score > best) {
                    best = c->score;
                    hits = c->hits;
                    rc = c->ref_count;
                    sc = c->sys_count;
                }
            }
        } else {
            for (size_t k = 0; k < reference_count; k++) {
                const rcount *c = &s->counts[k * PRECIS_ROUGE_METRIC_COUNT + (size_t)m];
                hits += c->hits;
                rc += c->ref_count;
                sc += c->sys_count;
            }
        }
        final_score(&out->metric[m], hits, rc, sc, s->opt.alpha);
    }
    return PRECIS_OK;

nomem:
    return PRECIS_FAIL(err, PRECIS_E_NOMEM, "rouge", 0, "out of memory while scoring");
}

/* ------------------------------------------------------------------ */
/* Averages and bootstrap confidence intervals                         */
/* ------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

precis_status precis_rouge_aggregate(const precis_rouge_result *items, size_t count,
                                     const precis_rouge_options *options,
                                     precis_rouge_average *out, precis_error *err)
{
    precis_rouge_options o;
    if (!out || (count && !items))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "rouge", 0, "missing argument");
    precis_status st = rouge_options_from_caller(options, &o, err);
    if (st == PRECIS_OK)
        st = check_options(&o, err);
    if (st != PRECIS_OK)
        return st;
    memset(out, 0, sizeof *out);
    out->count = count;

    enum { K = PRECIS_ROUGE_METRIC_COUNT * 3 }; /* R, P, F of each metric */
    const size_t R = (size_t)o.resamples;
    double *samples = malloc(R * K * sizeof *samples);
    double *values = malloc((count ? count : 1) * K * sizeof *values);
    if (!samples || !values) {
        free(samples);
        free(values);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, "rouge", 0, "out of memory");
    }
    for (size_t i = 0; i < count; i++)
        for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
            values[i * K + (size_t)m * 3 + 0] = items[i].metric[m].r;
            values[i * K + (size_t)m * 3 + 1] = items[i].metric[m].p;
            values[i * K + (size_t)m * 3 + 2] = items[i].metric[m].f;
        }

    /* ROUGE's bootstrapResampling: resample r draws `count` items with
     * srand(r); int(rand(count)); the same draws serve every metric. */
    for (size_t r = 0; r < R; r++) {
        double sum[K] = {0};
        rouge_rand48 g;
        rouge_drand48_seed(&g, (uint32_t)r);
        for (size_t j = 0; j < count; j++) {
            size_t idx = (size_t)((double)count * rouge_drand48_next(&g));
            if (idx >= count) /* cannot happen: drand48 < 1 */
                idx = count - 1;
            for (int k = 0; k < K; k++)
                sum[k] += values[idx * K + (size_t)k];
        }
        for (int k = 0; k < K; k++)
            samples[(size_t)k * R + r] = count ? sum[k] / (double)count : 0.0;
    }

    /* computeAverages: bounds interpolated between neighbouring ranks. */
    const double delta = (double)R * ((100 - o.confidence) / 2.0) / 100.0;
    const long ci_ua = (long)((double)R - delta - 1);
    const long ci_la = (long)delta;
    const double ci_r = (double)R - delta - 1 - (double)ci_ua;
    for (int k = 0; k < K; k++) {
        double *a = samples + (size_t)k * R;
        qsort(a, R, sizeof *a, cmp_double);
        double total = 0, plain = 0;
        for (size_t r = 0; r < R; r++)
            total += a[r];
        for (size_t i = 0; i < count; i++)
            plain += values[i * K + (size_t)k];
#define AT(i) ((i) >= 0 && (size_t)(i) < R ? a[(i)] : 0.0) /* Perl: undef is 0 */
        precis_rouge_interval iv;
        iv.average = rouge_round5(total / (double)R);
        iv.low = rouge_round5(AT(ci_la) + (AT(ci_la + 1) - AT(ci_la)) * ci_r);
        iv.high = rouge_round5(AT(ci_ua) + (AT(ci_ua + 1) - AT(ci_ua)) * ci_r);
        iv.mean = count ? rouge_round5(plain / (double)count) : 0.0;
#undef AT
        precis_rouge_metric_average *ma = &out->metric[k / 3];
        if (k % 3 == 0)
            ma->r = iv;
        else if (k % 3 == 1)
            ma->p = iv;
        else
            ma->f = iv;
    }
    free(samples);
    free(values);
    return PRECIS_OK;
}

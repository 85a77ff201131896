/*
 * cluster.c: incremental story clustering of a stream of articles
 * (precis_stories_*, include/precis_stories.h).
 *
 * Single pass.  An article becomes a vector: the tf-idf weights of its
 * stems (stopwords out, the shipped IDF in, the title's terms counted
 * title_weight times), its `terms` heaviest kept, L2-normalised.  A story
 * is the sum of its articles' vectors (its centroid).  The article joins
 * the live story whose centroid has the largest cosine with it, when that
 * cosine reaches the threshold; else it opens a story.
 *
 * Near-duplicates first (copy_threshold): before the centroid search, the
 * article's MinHash signature is looked up among the articles of the live
 * stories (copies.c).  A syndicated copy or trimmed reprint of one of them
 * joins that article's story and its vector is left out of the centroid,
 * so a wire story printed twenty times weighs once and cannot drift into
 * another story than its original.  Every article with prose is then
 * filed in that index under its story; a flush forgets the story's
 * articles, a merge moves them.
 *
 * Finding the story must not cost more as stories pile up: an inverted
 * index maps each of a story's `story_terms` heaviest centroid terms to the
 * stories that hold it, with the term's weight in the story's normalised
 * centroid.  The article's terms walk their posting lists and sum the
 * products per story: the cosine over the indexed terms, which hold most of
 * a centroid's weight.  A posting list longer than POSTINGS_MAX is a term
 * every story shares: it decides nothing and is not walked.  So an article
 * costs its terms times bounded lists, not the number of stories.
 *
 * When stories are flushed, one whose centroid is close to another live
 * story's (merge_threshold) joins it first: two stories opened for one
 * event before either had its vocabulary become one.
 *
 * Memory follows the live stories.  With a window, a story whose last
 * article is older than the window goes quiet; precis_stories_flush takes
 * quiet stories out (their postings too).  max_live bounds the live stories
 * even without times: past it the least recently updated one is flushed
 * early, and the next flush says so.  A story's centroid keeps at most
 * CENTROID_MAX terms (the lightest dropped), so a story of a thousand
 * articles costs no more than one of fifty.
 *
 * Terms are 64-bit hashes of stems: no vocabulary grows with the stream.
 */
#include "precis_stories.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clean.h"
#include "copies.h"
#include "error.h"
#include "sized.h"
#include "hash.h"
#include "segment.h"
#include "token.h"

#define CANDIDATES_MAX 64 /* stories a merge compares */
#define POSTINGS_MAX 500
#define CENTROID_MAX 200

typedef struct term_weight64 {
    uint64_t key;
    double weight;
    uint32_t idf_slot;  /* article scratch only: where its idf is */
} term_weight64;

typedef struct story {
    uint64_t id;            /* 0: the slot is free */
    double first_seen, last_seen;
    uint64_t last_article;  /* stream position of its last article */
    char **articles;
    size_t count, cap;
    term_weight64 *centroid; /* sorted by key, sums of article vectors */
    size_t nterms;
    double norm;
    uint64_t *indexed;      /* keys of its postings */
    size_t nindexed;
} story;

typedef struct posting_list {
    uint64_t key;           /* 0: free slot (keys are never 0, see term_key) */
    uint32_t *slots;
    float *weights;         /* the term's weight in each story's normalised
                               centroid, as of the story's last article */
    size_t count, cap;
} posting_list;

/* A story's running score for the article being placed. */
typedef struct accumulator {
    uint32_t slot;          /* story slot + 1; 0: empty */
    double score;
} accumulator;

struct precis_stories {
    precis_stories_options o;
    const precis_model *model;
    tokenizer tok;
    story *slots;
    size_t nslots, live;
    uint32_t *free_slots;
    size_t nfree;
    posting_list *index;    /* open addressing on key */
    size_t index_cap, index_used;
    uint64_t next_id, articles;
    /* stories taken out early by max_live, handed out by the next flush */
    precis_story *pending;
    size_t npending, pending_cap;
    size_t early_flushes;
    /* scratch for one article */
    term_weight64 *vec;
    size_t nvec, vec_cap;
    double *idf;            /* per occurrence of the article being read */
    size_t nidf, idf_cap;
    accumulator *acc;       /* open addressing, acc_cap a power of two */
    size_t acc_cap;
    uint32_t *acc_used;     /* the entries filled for this article */
    size_t nacc;
    arena scratch;          /* clean-up and segmentation of one article */
    span_list paras;
    seg_list segs;
    copy_index copies;      /* signatures of the live stories' articles */
};

/* ---- options ------------------------------------------------------- */

void precis_stories_options_init_sized(precis_stories_options *options, size_t size)
{
    if (!options)
        return;
    precis_stories_options o;
    memset(&o, 0, sizeof o);
    o.size = sizeof o;
    o.threshold = 0.25;
    o.window = 0;
    o.max_live = 200000;
    o.terms = 25;
    o.story_terms = 120;
    o.title_weight = 2;
    o.merge_threshold = 0.35;
    /* as precis_dedup's threshold: src/stories/dedup.c says why */
    o.copy_threshold = 0.5;
    sized_store(options, &o, sizeof o, size);
}

static precis_status options_check(const precis_stories_options *o, precis_error *err)
{
    if (!(o->threshold > 0 && o->threshold <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "the story threshold must be within (0, 1]");
    if (!(o->window >= 0) || !isfinite(o->window))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "the window must be a finite number of seconds, 0 or more");
    if (o->max_live == 0 || o->terms == 0 || o->story_terms == 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "max_live, terms and story_terms must be at least 1");
    if (!(o->merge_threshold > 0 && o->merge_threshold <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "the merge threshold must be within (0, 1]");
    if (!(o->title_weight >= 0) || !isfinite(o->title_weight))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "the title weight must be a finite number, 0 or more");
    if (!(o->copy_threshold >= 0 && o->copy_threshold <= 1))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "the copy threshold must be 0 (no near-duplicate check) or within "
                           "(0, 1]");
    return PRECIS_OK;
}

precis_status precis_stories_new(const precis_model *model, const precis_stories_options *options,
                                 precis_stories **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_stories_new: NULL argument");
    precis_stories *s = calloc(1, sizeof *s);
    if (!s)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    precis_stories_options_init(&s->o);
    if (options && !sized_load(&s->o, sizeof s->o, options)) {
        free(s);
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_stories_options.size is not set");
    }
    precis_status st = options_check(&s->o, err);
    if (st != PRECIS_OK) {
        free(s);
        return st;
    }
    if (tokenizer_init(&s->tok, model) < 0) {
        free(s);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "cannot create the stemmer");
    }
    s->model = model;
    s->next_id = 1;
    arena_init(&s->scratch);
    copies_init(&s->copies, s->o.copy_threshold);
    *out = s;
    return PRECIS_OK;
}

static void story_release(story *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->articles[i]);
    free(t->articles);
    free(t->centroid);
    free(t->indexed);
    memset(t, 0, sizeof *t);
}

void precis_stories_free(precis_stories *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nslots; i++)
        story_release(&s->slots[i]);
    free(s->slots);
    free(s->free_slots);
    for (size_t i = 0; i < s->npending; i++) {
        for (size_t k = 0; k < s->pending[i].count; k++)
            free(s->pending[i].articles[k]);
        free(s->pending[i].articles);
    }
    free(s->pending);
    for (size_t i = 0; i < s->index_cap; i++) {
        free(s->index[i].slots);
        free(s->index[i].weights);
    }
    free(s->index);
    free(s->vec);
    free(s->idf);
    free(s->acc);
    free(s->acc_used);
    arena_release(&s->scratch);
    copies_release(&s->copies);
    tokenizer_release(&s->tok);
    free(s);
}

size_t precis_stories_live(const precis_stories *s)
{
    return s ? s->live : 0;
}

size_t precis_stories_articles(const precis_stories *s)
{
    return s ? (size_t)s->articles : 0;
}

/* ---- article vectors ------------------------------------------------ */

static uint64_t term_key(const char *stem, size_t len)
{
    uint64_t k = hash_bytes(stem, len);
    return k ? k : 1;
}

typedef struct vector_ctx {
    precis_stories *s;
    double factor;
    int failed;
} vector_ctx;

/* Adds one occurrence of a stem (unsorted; merged below). */
static int add_token(void *ctx, const token *tok)
{
    vector_ctx *v = ctx;
    precis_stories *s = v->s;
    if (tok->stopword)
        return 0;
    if (s->nvec == s->vec_cap) {
        size_t cap = s->vec_cap ? s->vec_cap * 2 : 256;
        term_weight64 *grown = realloc(s->vec, cap * sizeof *grown);
        if (!grown) {
            v->failed = 1;
            return 1;
        }
        s->vec = grown;
        s->vec_cap = cap;
    }
    /* the count now (the title's words count title_weight times); the idf
     * is applied once per term after the counts are summed */
    s->vec[s->nvec].key = term_key(tok->stem, tok->stem_len);
    s->vec[s->nvec].weight = v->factor;
    if (s->nidf == s->idf_cap) {
        size_t cap = s->idf_cap ? s->idf_cap * 2 : 256;
        double *grown = realloc(s->idf, cap * sizeof *grown);
        if (!grown) {
            v->failed = 1;
            return 1;
        }
        s->idf = grown;
        s->idf_cap = cap;
    }
    s->idf[s->nidf++] = precis_model_idf(s->model, tok->stem, tok->stem_len);
    s->vec[s->nvec].idf_slot = (uint32_t)(s->nidf - 1);
    s->nvec++;
    return 0;
}

/* The article's prose only: the clean-up's paragraphs, without the
 * sentences it calls chrome.  A crawl notice or a tweet-location blurb that
 * a scraper kept in a hundred pages would otherwise be a story of its own
 * gathering all of them.  Bounded like the summarizer: at most
 * PRECIS_MAX_SENTENCES_PER_ARTICLE sentences are read. */
static int tokenize_prose(precis_stories *s, const char *text, size_t len, vector_ctx *v)
{
    arena_reset(&s->scratch);
    s->paras.items = NULL;
    s->paras.count = s->paras.cap = 0;
    s->segs.items = NULL;
    s->segs.count = s->segs.cap = 0;
    s->segs.full = 0;
    s->segs.max = PRECIS_MAX_SENTENCES_PER_ARTICLE;
    size_t dropped = 0;
    int stopped = 0;
    long n = clean_paragraphs_bounded(&s->scratch, text, len, PRECIS_MARKUP_PLAIN,
                                      PRECIS_MAX_SENTENCES_PER_ARTICLE + 1, &s->paras, &dropped,
                                      &stopped);
    if (n < 0)
        return -1;
    for (long p = 0; p < n && !s->segs.full; p++) {
        size_t first = s->segs.count;
        if (segment_paragraph(&s->scratch, text, s->paras.items[p], &s->segs) < 0)
            return -1;
        /* a paragraph that holds a page notice is the notice: "These crawls
         * are part of ..." goes on for three sentences no rule knows */
        int notice = 0;
        for (size_t i = first; i < s->segs.count && !notice; i++) {
            /* each sentence's verdict once: the flags field carries it */
            junk_kind kind = clean_sentence_kind(text + s->segs.items[i].start,
                                                 s->segs.items[i].end - s->segs.items[i].start);
            s->segs.items[i].flags = kind == JUNK_NONE ? 0 : 1;
            notice = kind == JUNK_CHROME;
        }
        for (size_t i = first; i < s->segs.count && !notice; i++)
            if (!s->segs.items[i].flags)
                tokenize(&s->tok, text + s->segs.items[i].start,
                         s->segs.items[i].end - s->segs.items[i].start, add_token, v);
    }
    return 0;
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const term_weight64 *)a)->key, y = ((const term_weight64 *)b)->key;
    return x < y ? -1 : x > y;
}

static int by_weight_desc(const void *a, const void *b)
{
    double x = ((const term_weight64 *)a)->weight, y = ((const term_weight64 *)b)->weight;
    if (x != y)
        return x > y ? -1 : 1;
    return by_key(a, b); /* deterministic */
}

/* The article's vector in s->vec[0, s->nvec): summed per term, the
 * heaviest `keep` kept, sorted by key, L2-normalised.  0, or -1 when out
 * of memory. */
static int article_vector(precis_stories *s, const char *title, const char *text, size_t len)
{
    s->nvec = 0;
    s->nidf = 0;
    vector_ctx v = {s, 1.0, 0};
    if (title && *title && s->o.title_weight > 0) {
        v.factor = s->o.title_weight;
        tokenize(&s->tok, title, strlen(title), add_token, &v);
    }
    v.factor = 1.0;
    if (tokenize_prose(s, text, len, &v) < 0 || v.failed)
        return -1;
    if (s->nvec == 0)
        return 0; /* no prose: a story of its own, that nothing joins */
    qsort(s->vec, s->nvec, sizeof *s->vec, by_key);
    size_t n = 0;
    for (size_t i = 0; i < s->nvec; i++) {
        if (n && s->vec[n - 1].key == s->vec[i].key)
            s->vec[n - 1].weight += s->vec[i].weight;
        else
            s->vec[n++] = s->vec[i];
    }
    /* sublinear counts: the tenth "bridge" says less than the first */
    for (size_t i = 0; i < n; i++)
        s->vec[i].weight = log1p(s->vec[i].weight) * s->idf[s->vec[i].idf_slot];
    if (n > s->o.terms) {
        qsort(s->vec, n, sizeof *s->vec, by_weight_desc);
        n = s->o.terms;
        qsort(s->vec, n, sizeof *s->vec, by_key);
    }
    double norm = 0;
    for (size_t i = 0; i < n; i++)
        norm += s->vec[i].weight * s->vec[i].weight;
    norm = sqrt(norm);
    for (size_t i = 0; i < n && norm > 0; i++)
        s->vec[i].weight /= norm;
    s->nvec = n;
    return 0;
}

/* ---- the index ------------------------------------------------------- */

static posting_list *index_find(precis_stories *s, uint64_t key, int add)
{
    if (add && (s->index_used + 1) * 2 > s->index_cap) {
        size_t cap = s->index_cap ? s->index_cap * 2 : 4096;
        posting_list *grown = calloc(cap, sizeof *grown);
        if (!grown)
            return NULL;
        for (size_t i = 0; i < s->index_cap; i++) {
            if (!s->index[i].key)
                continue;
            size_t h = s->index[i].key & (cap - 1);
            while (grown[h].key)
                h = (h + 1) & (cap - 1);
            grown[h] = s->index[i];
        }
        free(s->index);
        s->index = grown;
        s->index_cap = cap;
    }
    if (!s->index_cap)
        return NULL;
    size_t h = key & (s->index_cap - 1);
    while (s->index[h].key) {
        if (s->index[h].key == key)
            return &s->index[h];
        h = (h + 1) & (s->index_cap - 1);
    }
    if (!add)
        return NULL;
    s->index[h].key = key;
    s->index_used++;
    return &s->index[h];
}

static int posting_add(precis_stories *s, uint64_t key, uint32_t slot, float weight)
{
    posting_list *p = index_find(s, key, 1);
    if (!p)
        return -1;
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 4;
        uint32_t *grown = realloc(p->slots, cap * sizeof *grown);
        if (!grown)
            return -1;
        p->slots = grown;
        float *w = realloc(p->weights, cap * sizeof *w);
        if (!w)
            return -1;
        p->weights = w;
        p->cap = cap;
    }
    p->slots[p->count] = slot;
    p->weights[p->count++] = weight;
    return 0;
}

/* Posting lists keep their keys once made (an open-addressing table cannot
 * drop one cheaply); an emptied list keeps no memory. */
static void posting_remove(precis_stories *s, uint64_t key, uint32_t slot)
{
    posting_list *p = index_find(s, key, 0);
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        if (p->slots[i] == slot) {
            p->count--;
            p->slots[i] = p->slots[p->count];
            p->weights[i] = p->weights[p->count];
            break;
        }
    if (p->count == 0) {
        free(p->slots);
        free(p->weights);
        p->slots = NULL;
        p->weights = NULL;
        p->cap = 0;
    }
}

/* Re-indexes a story under its story_terms heaviest centroid terms. */
static int story_reindex(precis_stories *s, uint32_t slot)
{
    story *t = &s->slots[slot];
    for (size_t i = 0; i < t->nindexed; i++)
        posting_remove(s, t->indexed[i], slot);
    size_t n = t->nterms < s->o.story_terms ? t->nterms : s->o.story_terms;
    term_weight64 *top = malloc((t->nterms ? t->nterms : 1) * sizeof *top);
    uint64_t *keys = realloc(t->indexed, (n ? n : 1) * sizeof *keys);
    if (!top || !keys) {
        free(top);
        if (keys)
            t->indexed = keys;
        t->nindexed = 0;
        return -1;
    }
    t->indexed = keys;
    memcpy(top, t->centroid, t->nterms * sizeof *top);
    qsort(top, t->nterms, sizeof *top, by_weight_desc);
    t->nindexed = 0;
    for (size_t i = 0; i < n; i++) {
        if (posting_add(s, top[i].key, slot, (float)(top[i].weight / t->norm)) < 0) {
            free(top);
            return -1;
        }
        t->indexed[t->nindexed++] = top[i].key;
    }
    free(top);
    return 0;
}

/* ---- stories --------------------------------------------------------- */

/* Adds the article vector to the story's centroid (sorted merge), keeping
 * at most CENTROID_MAX terms. */
static int centroid_add(story *t, const term_weight64 *vec, size_t n)
{
    term_weight64 *merged = malloc((t->nterms + n + 1) * sizeof *merged);
    if (!merged)
        return -1;
    size_t i = 0, j = 0, m = 0;
    while (i < t->nterms || j < n) {
        if (j == n || (i < t->nterms && t->centroid[i].key < vec[j].key))
            merged[m++] = t->centroid[i++];
        else if (i == t->nterms || vec[j].key < t->centroid[i].key)
            merged[m++] = vec[j++];
        else {
            merged[m] = t->centroid[i++];
            merged[m++].weight += vec[j++].weight;
        }
    }
    if (m > CENTROID_MAX) {
        qsort(merged, m, sizeof *merged, by_weight_desc);
        m = CENTROID_MAX;
        qsort(merged, m, sizeof *merged, by_key);
    }
    free(t->centroid);
    t->centroid = merged;
    t->nterms = m;
    double norm = 0;
    for (size_t k = 0; k < m; k++)
        norm += merged[k].weight * merged[k].weight;
    t->norm = sqrt(norm);
    return 0;
}

static double dot_sorted(const term_weight64 *a, size_t na, const term_weight64 *b, size_t nb)
{
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].key < b[j].key)
            i++;
        else if (b[j].key < a[i].key)
            j++;
        else
            dot += a[i++].weight * b[j++].weight;
    }
    return dot;
}

static int story_push_article(story *t, const char *id)
{
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4;
        char **grown = realloc(t->articles, cap * sizeof *grown);
        if (!grown)
            return -1;
        t->articles = grown;
        t->cap = cap;
    }
    char *copy = strdup(id);
    if (!copy)
        return -1;
    t->articles[t->count++] = copy;
    return 0;
}

static void touch(story *t, double time, uint64_t position)
{
    t->last_article = position;
    if (isnan(time))
        return;
    if (isnan(t->first_seen) || time < t->first_seen)
        t->first_seen = time;
    if (isnan(t->last_seen) || time > t->last_seen)
        t->last_seen = time;
}

static long open_story(precis_stories *s)
{
    uint32_t slot;
    if (s->nfree) {
        slot = s->free_slots[--s->nfree];
    } else {
        story *grown = realloc(s->slots, (s->nslots + 1) * sizeof *grown);
        if (!grown)
            return -1;
        s->slots = grown;
        slot = (uint32_t)s->nslots++;
        uint32_t *fs = realloc(s->free_slots, s->nslots * sizeof *fs);
        if (!fs)
            return -1;
        s->free_slots = fs;
    }
    story *t = &s->slots[slot];
    memset(t, 0, sizeof *t);
    t->id = s->next_id++;
    t->first_seen = t->last_seen = NAN;
    s->live++;
    return (long)slot;
}

/* The accumulator of a story slot, made when new; the table holds at most
 * half its size (it grows with the number of stories one article meets). */
static accumulator *acc_find(precis_stories *s, uint32_t slot)
{
    if ((s->nacc + 1) * 2 > s->acc_cap) {
        size_t cap = s->acc_cap ? s->acc_cap * 2 : 1024;
        accumulator *grown = calloc(cap, sizeof *grown);
        uint32_t *used = malloc(cap * sizeof *used);
        if (!grown || !used) {
            free(grown);
            free(used);
            return NULL;
        }
        size_t n = 0;
        for (size_t i = 0; i < s->nacc; i++) {
            const accumulator *a = &s->acc[s->acc_used[i]];
            size_t h = (a->slot * 2654435761u) & (cap - 1);
            while (grown[h].slot)
                h = (h + 1) & (cap - 1);
            grown[h] = *a;
            used[n++] = (uint32_t)h;
        }
        free(s->acc);
        free(s->acc_used);
        s->acc = grown;
        s->acc_used = used;
        s->acc_cap = cap;
    }
    size_t h = ((slot + 1) * 2654435761u) & (s->acc_cap - 1);
    while (s->acc[h].slot && s->acc[h].slot != slot + 1)
        h = (h + 1) & (s->acc_cap - 1);
    if (!s->acc[h].slot) {
        s->acc[h].slot = slot + 1;
        s->acc[h].score = 0;
        s->acc_used[s->nacc++] = (uint32_t)h;
    }
    return &s->acc[h];
}

/* The live story with the largest cosine at or above the threshold, -1
 * when none, -2 when out of memory. */
static long best_story(precis_stories *s)
{
    /* the cosine of the article with every story that shares an indexed
     * term, summed posting by posting (the classic inverted-index cosine,
     * over each story's story_terms heaviest terms, which hold most of its
     * weight); stories in an accumulator table keyed by slot */
    s->nacc = 0;
    for (size_t k = 0; k < s->nvec; k++) {
        posting_list *p = index_find(s, s->vec[k].key, 0);
        if (!p || p->count > POSTINGS_MAX)
            continue;
        for (size_t i = 0; i < p->count; i++) {
            accumulator *a = acc_find(s, p->slots[i]);
            if (!a)
                return -2;
            a->score += s->vec[k].weight * p->weights[i];
        }
    }
    long best = -1;
    double best_cos = s->o.threshold;
    for (size_t i = 0; i < s->nacc; i++) {
        const accumulator *a = &s->acc[s->acc_used[i]];
        uint32_t slot = a->slot - 1;
        if (a->score > best_cos ||
            (a->score == best_cos && best >= 0 && s->slots[slot].id < s->slots[best].id) ||
            (a->score == best_cos && best < 0)) {
            best_cos = a->score;
            best = (long)slot;
        }
    }
    for (size_t i = 0; i < s->nacc; i++)
        s->acc[s->acc_used[i]].slot = 0;
    return best;
}

/* Past max_live: the least recently updated story goes out early. */
static void make_room(precis_stories *s);

precis_status precis_stories_add(precis_stories *s, const char *id, const char *title,
                                 const char *text, size_t len, double time, uint64_t *story_id,
                                 precis_error *err)
{
    if (story_id)
        *story_id = 0;
    if (!s || (!text && len))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_stories_add: NULL argument");
    char number[32];
    if (!id) {
        snprintf(number, sizeof number, "%llu", (unsigned long long)s->articles + 1);
        id = number;
    }
    if (article_vector(s, title, text ? text : "", len) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    /* an article without prose is a story of its own (article_vector):
     * not checked for copies, nor filed as one */
    int check_copies = s->o.copy_threshold > 0 && s->nvec;
    if (check_copies && copies_sign(&s->copies, text ? text : "", len) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    long slot = check_copies ? copies_find(&s->copies) : -1;
    int copy = slot >= 0;
    if (!copy)
        slot = s->nvec ? best_story(s) : -1;
    if (slot == -2)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    if (slot < 0) {
        if (s->live >= s->o.max_live)
            make_room(s);
        slot = open_story(s);
        if (slot < 0)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    story *t = &s->slots[slot];
    /* a copy joins as precis_stories_join does: its vector stays out */
    int add_vector = s->nvec && !copy;
    if (story_push_article(t, id) < 0 || (add_vector && centroid_add(t, s->vec, s->nvec) < 0) ||
        (add_vector && story_reindex(s, (uint32_t)slot) < 0) ||
        (check_copies && copies_add(&s->copies, (uint32_t)slot, s->articles + 1) < 0))
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    s->articles++;
    touch(t, time, s->articles);
    if (story_id)
        *story_id = t->id;
    return PRECIS_OK;
}

precis_status precis_stories_join(precis_stories *s, const char *id, uint64_t story_id,
                                  double time, precis_error *err)
{
    if (!s || !id)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_stories_join: NULL argument");
    for (size_t i = 0; i < s->nslots; i++) {
        story *t = &s->slots[i];
        if (t->id != story_id)
            continue;
        if (story_push_article(t, id) < 0)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
        s->articles++;
        touch(t, time, s->articles);
        return PRECIS_OK;
    }
    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                       "story %llu is not live (flushed, or never opened)",
                       (unsigned long long)story_id);
}

/* ---- flushing ------------------------------------------------------- */

typedef struct early_list {
    precis_story *items;
    size_t count, cap;
} early_list;

/* Moves a live story into an output story (its article ids change hands). */
static void take_story(precis_stories *s, uint32_t slot, precis_story *out)
{
    story *t = &s->slots[slot];
    out->id = t->id;
    out->count = t->count;
    out->articles = t->articles;
    out->first_seen = t->first_seen;
    out->last_seen = t->last_seen;
    t->articles = NULL;
    t->count = t->cap = 0;
    for (size_t i = 0; i < t->nindexed; i++)
        posting_remove(s, t->indexed[i], slot);
    copies_drop_story(&s->copies, slot);
    story_release(t);
    s->free_slots[s->nfree++] = slot;
    s->live--;
}

static void make_room(precis_stories *s)
{
    long oldest = -1;
    for (size_t i = 0; i < s->nslots; i++)
        if (s->slots[i].id &&
            (oldest < 0 || s->slots[i].last_article < s->slots[oldest].last_article))
            oldest = (long)i;
    if (oldest < 0)
        return;
    if (s->npending == s->pending_cap) {
        size_t cap = s->pending_cap ? s->pending_cap * 2 : 16;
        precis_story *grown = realloc(s->pending, cap * sizeof *grown);
        if (!grown)
            return; /* the story stays live: one over the cap, not lost */
        s->pending = grown;
        s->pending_cap = cap;
    }
    take_story(s, (uint32_t)oldest, &s->pending[s->npending++]);
    s->early_flushes++;
}

/* A story is quiet when its last article is older than the window (only
 * stories with times can be), or when everything is flushed. */
static int is_quiet(const precis_stories *s, const story *t, double now, int all)
{
    return all || (s->o.window > 0 && !isnan(now) && !isnan(t->last_seen) &&
                   t->last_seen + s->o.window < now);
}

/* The live story (other than `slot`) whose centroid is closest to slot's,
 * found through the index like an article's, or -1 below the threshold. */
static long nearest_story(precis_stories *s, uint32_t slot, double threshold, double *cos_out)
{
    const story *t = &s->slots[slot];
    uint32_t cand[CANDIDATES_MAX];
    size_t ncand = 0;
    for (size_t k = 0; k < t->nindexed && ncand < CANDIDATES_MAX; k++) {
        posting_list *p = index_find(s, t->indexed[k], 0);
        if (!p || p->count > POSTINGS_MAX)
            continue;
        for (size_t i = 0; i < p->count && ncand < CANDIDATES_MAX; i++) {
            size_t c = 0;
            while (c < ncand && cand[c] != p->slots[i])
                c++;
            if (c == ncand && p->slots[i] != slot)
                cand[ncand++] = p->slots[i];
        }
    }
    long best = -1;
    double best_cos = threshold;
    for (size_t c = 0; c < ncand; c++) {
        const story *u = &s->slots[cand[c]];
        if (t->norm <= 0 || u->norm <= 0)
            continue;
        double cs = dot_sorted(t->centroid, t->nterms, u->centroid, u->nterms) / (t->norm * u->norm);
        if (cs > best_cos || (cs == best_cos && best >= 0 && u->id < s->slots[best].id)) {
            best_cos = cs;
            best = (long)cand[c];
        }
    }
    *cos_out = best_cos;
    return best;
}

/* Moves story `from` into story `into`: its articles, its vector. */
static int merge_story(precis_stories *s, uint32_t from, uint32_t into)
{
    story *f = &s->slots[from], *t = &s->slots[into];
    /* first, so that its failure leaves both stories as they were */
    if (copies_move_story(&s->copies, from, into) < 0)
        return -1;
    for (size_t i = 0; i < f->count; i++)
        if (story_push_article(t, f->articles[i]) < 0)
            return -1;
    if (centroid_add(t, f->centroid, f->nterms) < 0 || story_reindex(s, into) < 0)
        return -1;
    if (!isnan(f->first_seen))
        touch(t, f->first_seen, t->last_article);
    if (!isnan(f->last_seen))
        touch(t, f->last_seen, t->last_article);
    if (f->last_article > t->last_article)
        t->last_article = f->last_article;
    for (size_t i = 0; i < f->nindexed; i++)
        posting_remove(s, f->indexed[i], from);
    story_release(f);
    s->free_slots[s->nfree++] = from;
    s->live--;
    return 0;
}

/* Before quiet stories go: one that is close to another live story (two
 * stories opened for one event before either had its vocabulary) joins it
 * (`merge_threshold`, on the centroids' cosine). */
static int merge_quiet(precis_stories *s, double now, int all)
{
    if (s->o.merge_threshold >= 1)
        return 0;
    for (size_t i = 0; i < s->nslots; i++) {
        if (!s->slots[i].id || !is_quiet(s, &s->slots[i], now, all))
            continue;
        double cs;
        long into = nearest_story(s, (uint32_t)i, s->o.merge_threshold, &cs);
        if (into >= 0 && merge_story(s, (uint32_t)i, (uint32_t)into) < 0)
            return -1;
    }
    return 0;
}

static int story_order(const void *a, const void *b)
{
    uint64_t x = ((const precis_story *)a)->id, y = ((const precis_story *)b)->id;
    return x < y ? -1 : x > y;
}

precis_status precis_stories_flush(precis_stories *s, double now, int all,
                                   precis_story_list **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!s || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_stories_flush: NULL argument");
    if (merge_quiet(s, now, all) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    precis_story_list *l = calloc(1, sizeof *l);
    if (!l)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    size_t n = s->npending;
    for (size_t i = 0; i < s->nslots; i++)
        n += s->slots[i].id && is_quiet(s, &s->slots[i], now, all);
    l->stories = calloc(n ? n : 1, sizeof *l->stories);
    char warning[256] = "";
    if (s->early_flushes)
        snprintf(warning, sizeof warning,
                 "%zu stories went quiet early: more than %zu stories were live (max_live)\n",
                 s->early_flushes, s->o.max_live);
    l->warnings = strdup(warning);
    if (!l->stories || !l->warnings) {
        precis_story_list_free(l);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    s->early_flushes = 0;
    if (s->npending)
        memcpy(l->stories, s->pending, s->npending * sizeof *l->stories);
    l->count = s->npending;
    s->npending = 0;
    if (all)
        copies_clear(&s->copies); /* every story goes: no need to unfile them one by one */
    for (size_t i = 0; i < s->nslots; i++)
        if (s->slots[i].id && is_quiet(s, &s->slots[i], now, all))
            take_story(s, (uint32_t)i, &l->stories[l->count++]);
    qsort(l->stories, l->count, sizeof *l->stories, story_order);
    *out = l;
    return PRECIS_OK;
}

void precis_story_list_free(precis_story_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->count; i++) {
        for (size_t k = 0; k < l->stories[i].count; k++)
            free(l->stories[i].articles[k]);
        free(l->stories[i].articles);
    }
    free(l->stories);
    free(l->warnings);
    free(l);
}

/*
 * workset.h: the working set of one call, what the steps share while a
 * cluster of articles is being summarized: the articles (borrowed), their
 * sentences with vectors, tokens and concepts, the vocabulary, and LexRank's
 * similarity matrix.  Everything here lives in the summarizer's arena and
 * dies at the next call.  (The input is a precis_cluster; this is what
 * summarizing makes of it, hence the other name.)
 */
#ifndef PRECIS_WORKSET_H
#define PRECIS_WORKSET_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "precis.h"

enum {
    SENT_JUNK = 1u << 8,      /* caption, tweet, link ... (clean_sentence_kind) */
    SENT_TOO_LONG = 1u << 9,  /* run-on text, never a summary sentence */
    SENT_TOO_SHORT = 1u << 10, /* fewer words than a useful sentence */
    SENT_DANGLING = 1u << 11,  /* opens with "He", "But", "This"...: needs context */
    SENT_QUOTE_IN = 1u << 12,  /* opens inside a quotation begun before it */
    SENT_QUOTE_OUT = 1u << 13, /* ends inside a quotation that goes on after it */
    SENT_OFF_TOPIC = 1u << 14, /* its article is not about the cluster's story */
    SENT_DEFINITE = 1u << 15,  /* opens "The <noun>": refers back unless the brief
                                  already mentions the noun (sentence.definite) */
    SENT_QUESTION = 1u << 16,  /* asks rather than tells ("Could this be ...?") */
    SENT_LIST_ITEM = 1u << 17, /* an item of a list ("-- Stock more vehicles ...") */
    SENT_FRAGMENT = 1u << 18,  /* cased text, yet it opens in lower case: the rest of
                                  a sentence split in the wrong place */
    SENT_COPY = 1u << 19       /* its article is a near copy of another one, and
                                  the options collapse copies */
};

/* A term with its weight in a sentence vector (term ids sorted). */
typedef struct term_weight {
    uint32_t term;
    float weight;
} term_weight;

/* A person named in a sentence (text/people.c): by the full name
 * (introducer MENTION_FULL) or by the surname alone, then introducer is the
 * nearest earlier sentence of the article that gives the full name, or
 * MENTION_NO_INTRODUCER. */
#define MENTION_FULL UINT32_MAX
#define MENTION_NO_INTRODUCER (UINT32_MAX - 1)
typedef struct mention {
    uint32_t person;
    uint32_t introducer;
} mention;

typedef struct sentence {
    uint32_t article;
    uint32_t index;        /* among the article's sentences, from 0 */
    uint32_t rank;         /* among the article's selectable sentences, from 0 */
    size_t start, end;     /* bytes in the article */
    unsigned flags;        /* SEG_* and SENT_* */
    uint32_t words;        /* white-space words, as budgets count them */
    uint32_t bytes;        /* bytes with white space runs counted as one */
    term_weight *vec;      /* tf-idf of content terms, L2-normalised */
    uint32_t nvec;
    uint32_t content_tokens;
    float stop_ratio;      /* stopwords among its tokens */
    float prob_all;        /* mean p(in a written summary) over all its tokens */
    float quoted;          /* share of its letters inside quotation marks */
    uint32_t *tokens;      /* term ids of all its words, stopwords included */
    uint32_t ntokens;
    uint32_t *concepts;    /* distinct pairs of consecutive content terms */
    uint32_t nconcepts;
    uint32_t definite[2];  /* SENT_DEFINITE: the term ids of the words after
                              "The" (UINT32_MAX: none), either one already in
                              the brief is the antecedent */
    mention *mentions;     /* people it names (text/people.c) */
    uint32_t nmentions;
    double centroid, lexrank, position, summary_words, learned, importance, score;
} sentence;

typedef struct workset {
    const precis_article *articles;
    size_t narticles;
    sentence *sents;
    size_t nsents;
    uint32_t nterms;       /* vocabulary size of the workset */
    float *idf;            /* per term id */
    float *sprob;          /* per term id: p(in a written summary) */
    const unsigned char *stop; /* per term id: a stopword */
    const char *const *stems;  /* per term id */
    const uint32_t *stem_lens;
    double *importance;    /* per term id: p(in the summary), word_importance.c */
    uint32_t nconcepts;    /* concept ids run from 0 to nconcepts - 1 */
    uint32_t npeople;      /* person ids run from 0 to npeople - 1 */
    /* LexRank's similarity matrix, when computed: sentence -> node index
     * (UINT32_MAX when not a node), nnodes x nnodes cosines */
    uint32_t *node_of;
    const double *sim;
    size_t nnodes;
    const precis_model *model;
    /* per article read: what became of it so far (the summary's article
     * notes; USED is set when the summary is built) */
    precis_article_note *notes;
    size_t lexrank_capped_from; /* sentences LexRank could have taken, when
                                   more than LEXRANK_MAX_NODES; else 0 */
    int quadratic_features_skipped; /* over FEATURES_QUADRATIC_LIMIT sentences:
                                       two features of the learned scorer
                                       read 0 (feature_set.c) */
} workset;

/* 1 when a sentence may appear in a summary. */
static inline int sentence_selectable(const sentence *s)
{
    return !(s->flags & (SENT_JUNK | SENT_TOO_LONG | SENT_TOO_SHORT | SENT_OFF_TOPIC | SENT_COPY |
                         SENT_QUESTION | SENT_LIST_ITEM | SENT_FRAGMENT |
                         1u /* SEG_NO_FINAL_PUNCT */));
}

/* Cosine of two L2-normalised sparse vectors. */
double sentence_cosine(const sentence *a, const sentence *b);

/* What the readability rules ask of a sentence (select/units.c, the ILP's
 * rows, the reading order and the diagnostics all ask the same): whether
 * its vector holds a content term; whether it names a person in full;
 * whether it names the antecedent of ref's "The <noun>" (one of
 * ref->definite). */
int sentence_has_term(const sentence *s, uint32_t term);
int sentence_names_in_full(const sentence *s, uint32_t person);
int sentence_names_antecedent(const sentence *s, const sentence *ref);

/* 1 when sentence j can stand before s in a brief's reading order: it
 * comes from another article (whose block can move up, select.c) or
 * earlier in s's own. */
static inline int sentence_can_precede(const sentence *j, const sentence *s)
{
    return j->article != s->article || j->index < s->index;
}

/* A need of sentence s that sentence t meets or not (the units of
 * select/units.c, the reading order of select.c): a person's full name
 * (arg: the person), the antecedent of "The <noun>" (arg unused). */
typedef int (*sentence_need_fn)(const sentence *t, const sentence *s, uint32_t arg);

static inline int sentence_gives_full_name(const sentence *t, const sentence *s, uint32_t person)
{
    (void)s;
    return sentence_names_in_full(t, person);
}

static inline int sentence_gives_antecedent(const sentence *t, const sentence *s, uint32_t unused)
{
    (void)unused;
    return sentence_names_antecedent(t, s);
}

/* The cosine of sentences i and j of the cluster, from LexRank's matrix
 * when both are in it. */
static inline double workset_cosine(const workset *c, size_t i, size_t j)
{
    if (c->sim && c->node_of[i] != UINT32_MAX && c->node_of[j] != UINT32_MAX)
        return c->sim[(size_t)c->node_of[i] * c->nnodes + c->node_of[j]];
    return sentence_cosine(&c->sents[i], &c->sents[j]);
}

#endif

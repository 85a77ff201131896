/*
 * readability.c: what a reader trips over in a brief, counted sentence by
 * sentence (precis_readability, documented in include/precis.h and
 * docs/QUALITY.md).
 *
 * Every count reads the brief in its reading order against the articles'
 * own analysis, the one the selection used: quotation links and pronoun
 * speakers (text/quotes.c), people and their introductions
 * (text/people.c), the clean-up's chrome rules (text/clean.c), datelines
 * (text/segment.c) and dangling openers (score/feature_set.c).  So a
 * method that ignores those rules (lead, random, the concept methods) is
 * measured by the same yardstick as the default that obeys them; what the
 * detectors miss, every method gets away with alike.
 */
#include "readability.h"

#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "feature_set.h"
#include "segment.h"

/* The brief's sentence before (after) position i is the article's sentence
 * before (after) the one at i. */
static int follows_in_brief(const workset *c, const uint32_t *order, size_t i)
{
    if (i == 0)
        return 0;
    const sentence *s = &c->sents[order[i]], *p = &c->sents[order[i - 1]];
    return p->article == s->article && p->index + 1 == s->index;
}

static int is_quote_shard(const workset *c, const uint32_t *order, size_t count, size_t i)
{
    const sentence *s = &c->sents[order[i]];
    int has_before = follows_in_brief(c, order, i);
    if ((s->flags & SENT_QUOTE_IN) && !has_before)
        return 1;
    if ((s->flags & SENT_QUOTE_OUT) && !(i + 1 < count && follows_in_brief(c, order, i + 1)))
        return 1;
    /* a quote given to "he" or "she" needs the sentence that named them */
    if ((s->flags & SENT_DANGLING) && !has_before && s->index > 0) {
        const char *text = c->articles[s->article].text + s->start;
        if (!sentence_starts_dangling(text, s->end - s->start))
            return 1;
    }
    return 0;
}

/* "The move ..." with no earlier brief sentence naming the move. */
static int definite_without_antecedent(const workset *c, const uint32_t *order, size_t i)
{
    const sentence *s = &c->sents[order[i]];
    if (!(s->flags & SENT_DEFINITE))
        return 0;
    for (size_t j = 0; j < i; j++)
        if (sentence_names_antecedent(&c->sents[order[j]], s))
            return 0;
    return 1;
}

static int is_dangling(const workset *c, const uint32_t *order, size_t i)
{
    const sentence *s = &c->sents[order[i]];
    const char *text = c->articles[s->article].text + s->start;
    return s->index > 0 && !follows_in_brief(c, order, i) &&
           (sentence_starts_dangling(text, s->end - s->start) ||
            definite_without_antecedent(c, order, i));
}

/* Counts the sentences naming someone by surname whom no earlier brief
 * sentence (nor this one) names in full.  introduced: npeople bytes. */
static size_t count_unintroduced(const workset *c, const uint32_t *order, size_t count,
                                 unsigned char *introduced)
{
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        const sentence *s = &c->sents[order[i]];
        int bare = 0;
        for (uint32_t k = 0; k < s->nmentions; k++)
            if (s->mentions[k].introducer == MENTION_FULL)
                introduced[s->mentions[k].person] = 1;
        for (uint32_t k = 0; k < s->nmentions; k++)
            bare |= !introduced[s->mentions[k].person];
        n += (size_t)bare;
    }
    return n;
}

int readability_count(const workset *c, const uint32_t *order, size_t count,
                      precis_readability *out)
{
    memset(out, 0, sizeof *out);
    out->sentences = count;
    if (!count)
        return 0;
    unsigned char *introduced = calloc(c->npeople ? c->npeople : 1, 1);
    uint32_t *per_article = calloc(c->narticles ? c->narticles : 1, sizeof *per_article);
    if (!introduced || !per_article) {
        free(introduced);
        free(per_article);
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        const sentence *s = &c->sents[order[i]];
        const char *text = c->articles[s->article].text + s->start;
        size_t len = s->end - s->start;
        int shard = is_quote_shard(c, order, count, i);
        int chrome = clean_sentence_kind(text, len) != JUNK_NONE ||
                     clean_paragraph_kind(text, len) != JUNK_NONE;
        const precis_article *art = &c->articles[s->article];
        int dateline = segment_dateline_cased(text, len,
                                              segment_text_is_cased(art->text, art->len)) > 0;
        int dangling = is_dangling(c, order, i);
        out->quote_shards += (size_t)shard;
        out->chrome += (size_t)chrome;
        out->datelines += (size_t)dateline;
        out->dangling += (size_t)dangling;
        if (i == 0)
            out->opens_badly = shard || chrome || dateline || dangling;
        if (per_article[s->article]++ == 0)
            out->articles_used++;
        if (per_article[s->article] > out->top_article)
            out->top_article = per_article[s->article];
    }
    out->unintroduced = count_unintroduced(c, order, count, introduced);
    free(introduced);
    free(per_article);
    return 0;
}

/*
 * off_topic.c: articles that are not about the cluster's story.
 *
 * A scraped cluster can hold a page that is about something else: a
 * generic explainer, an advertorial, a page of another story that the
 * crawler filed here.  Its sentences read well and may score well on
 * their own, so they must go before scoring.
 *
 * Each article is a vector: the sum of its selectable sentences' tf-idf
 * vectors.  An article whose cosine with the sum of all the other articles
 * is below OFF_TOPIC_SIMILARITY shares almost no weighted vocabulary with
 * them; its sentences are marked SENT_OFF_TOPIC and the summary names it in
 * a warning.  Only with OFF_TOPIC_MIN_ARTICLES articles or more that hold
 * prose: with two, neither can be told to be the odd one out.
 *
 * One pass over the sentences with two dense arrays over the vocabulary
 * (the cluster's sum, one article's scratch): linear in the cluster.
 */
#include "off_topic.h"

#include <math.h>
#include <stdlib.h>

/* Adds the article's selectable sentence vectors into v (dense). */
static void article_add(const workset *c, size_t first, size_t end, float *v)
{
    for (size_t i = first; i < end; i++) {
        const sentence *s = &c->sents[i];
        if (!sentence_selectable(s))
            continue;
        for (uint32_t k = 0; k < s->nvec; k++)
            v[s->vec[k].term] += s->vec[k].weight;
    }
}

/* Sum of squares, and dot product with `total`, of the article's vector
 * held in `art` (only its own terms are visited). */
static void article_norms(const workset *c, size_t first, size_t end, const float *art,
                          const float *total, double *self, double *dot, unsigned char *seen)
{
    *self = *dot = 0;
    for (size_t i = first; i < end; i++) {
        const sentence *s = &c->sents[i];
        if (!sentence_selectable(s))
            continue;
        for (uint32_t k = 0; k < s->nvec; k++) {
            uint32_t t = s->vec[k].term;
            if (seen[t])
                continue;
            seen[t] = 1;
            *self += (double)art[t] * art[t];
            *dot += (double)art[t] * total[t];
        }
    }
}

int off_topic_mark(workset *c, off_topic_fn report, void *ctx)
{
    if (c->narticles < OFF_TOPIC_MIN_ARTICLES || c->nterms == 0)
        return 0;
    float *total = calloc(c->nterms, sizeof *total);
    float *art = calloc(c->nterms, sizeof *art);
    unsigned char *seen = calloc(c->nterms, 1);
    size_t *start = malloc((c->narticles + 1) * sizeof *start);
    if (!total || !art || !seen || !start) {
        free(total);
        free(art);
        free(seen);
        free(start);
        return -1;
    }
    /* each article's first sentence (sentences are stored article by article) */
    for (size_t a = 0, i = 0; a <= c->narticles; a++) {
        while (i < c->nsents && c->sents[i].article < a)
            i++;
        start[a] = i;
    }
    size_t with_prose = 0;
    double total_sq = 0;
    for (size_t a = 0; a < c->narticles; a++)
        article_add(c, start[a], start[a + 1], total);
    for (uint32_t t = 0; t < c->nterms; t++)
        total_sq += (double)total[t] * total[t];
    for (size_t a = 0; a < c->narticles; a++) {
        size_t n = 0;
        for (size_t i = start[a]; i < start[a + 1]; i++)
            n += sentence_selectable(&c->sents[i]);
        with_prose += n > 0;
    }
    if (with_prose >= OFF_TOPIC_MIN_ARTICLES) {
        for (size_t a = 0; a < c->narticles; a++) {
            size_t first = start[a], end = start[a + 1];
            article_add(c, first, end, art);
            double self, dot;
            article_norms(c, first, end, art, total, &self, &dot, seen);
            /* the others: total - art */
            double others_sq = total_sq - 2 * dot + self;
            double cross = dot - self;
            double cosine = self > 0 && others_sq > 1e-12 ? cross / sqrt(self * others_sq) : 1.0;
            /* back to zero for the next article: only its own terms */
            for (size_t i = first; i < end; i++)
                for (uint32_t k = 0; k < c->sents[i].nvec; k++) {
                    art[c->sents[i].vec[k].term] = 0;
                    seen[c->sents[i].vec[k].term] = 0;
                }
            size_t prose = 0;
            for (size_t i = first; i < end; i++)
                prose += sentence_selectable(&c->sents[i]);
            if (self > 0 && prose >= OFF_TOPIC_MIN_SENTENCES && cosine < OFF_TOPIC_SIMILARITY) {
                for (size_t i = first; i < end; i++)
                    c->sents[i].flags |= SENT_OFF_TOPIC;
                if (report)
                    report(ctx, a, cosine);
            }
        }
    }
    free(total);
    free(art);
    free(seen);
    free(start);
    return 0;
}

/*
 * feature_set.c: what the learned scorer knows about a sentence.
 *
 * Each candidate sentence gets a fixed vector of features, each scaled to
 * roughly [0, 1]: where it stands (lead rank, relative position, article
 * order), how long it is, how central it is (centroid, LexRank), how much
 * the other articles repeat its words (multi-document support: the facts
 * several outlets report are the facts a summary keeps), how rare its words
 * are, and surface cues (quotes, numbers, a dangling opener such as "But" or
 * "He").  The learned scorer (score.c) is a logistic model over them,
 * trained with `precis train` against the greedy ROUGE oracle's choices.
 * Names are part of the weights file format: never rename one, append.
 */
#include "feature_set.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const dangling_openers[] = {
    "he", "she", "it", "they", "his", "her", "its", "their", "this", "that", "these", "those",
    "but", "and", "however", "also", "so", "yet", "still", "meanwhile", "then",
    "him", "them", "instead", "thus", "nevertheless", "moreover", "furthermore", NULL};

/* Lower-cased first word of the sentence, letters only. */
static size_t first_word(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0, n = 0;
    while (i < len && !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    while (i < len && n + 1 < cap && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        out[n++] = (char)(s[i++] | 32);
    out[n] = '\0';
    return n;
}

int sentence_starts_dangling(const char *s, size_t len)
{
    char w[16];
    size_t n = first_word(s, len, w, sizeof w);
    if (n == 0 || n >= sizeof w - 1)
        return 0;
    for (const char *const *d = dangling_openers; *d; d++)
        if (!strcmp(*d, w))
            return 1;
    return 0;
}

static int starts_with_quote(const char *s, size_t len)
{
    if (len && (s[0] == '"' || s[0] == '\'' || s[0] == '`'))
        return 1;
    size_t n;
    return len && text_is_open_quote(text_decode(s, len, &n));
}

static int has_quote(const char *s, size_t len)
{
    /* bytes, decoding only where a curly quote may start (its lead byte) */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t n;
        if (c == '"')
            return 1;
        if (c == 0xE2) {
            int32_t q = text_decode(s + i, len - i, &n);
            if (q == 0x201C || q == 0x201D)
                return 1;
        }
    }
    return 0;
}

static int has_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

static int by_centroid_desc(const void *pa, const void *pb, void *ctx)
{
    const workset *c = ctx;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    double ca = c->sents[a].centroid, cb = c->sents[b].centroid;
    if (ca != cb)
        return ca > cb ? -1 : 1;
    return a < b ? -1 : a > b;
}

int features_compute(arena *a, const workset *c, double *feats)
{
    size_t n = c->nsents;
    memset(feats, 0, n * FEATURE_COUNT * sizeof *feats);
    /* per article: selectable sentences; per term: which articles use it */
    uint32_t *article_sel = arena_array(a, c->narticles + 1, sizeof *article_sel);
    uint32_t *term_articles = arena_array(a, c->nterms + 1, sizeof *term_articles);
    uint32_t *term_last = arena_array(a, c->nterms + 1, sizeof *term_last);
    uint32_t *crank = arena_array(a, n + 1, sizeof *crank);
    if (!article_sel || !term_articles || !term_last || !crank)
        return -1;
    size_t selectable = 0;
    double max_centroid = 1e-12, max_lexrank = 1e-12;
    for (size_t s = 0; s < n; s++) {
        const sentence *x = &c->sents[s];
        if (!sentence_selectable(x))
            continue;
        article_sel[x->article]++;
        selectable++;
        if (x->centroid > max_centroid)
            max_centroid = x->centroid;
        if (x->lexrank > max_lexrank)
            max_lexrank = x->lexrank;
    }
    for (uint32_t t = 0; t < c->nterms; t++)
        term_last[t] = UINT32_MAX;
    for (size_t s = 0; s < n; s++) {
        const sentence *x = &c->sents[s];
        if (x->flags & (SENT_JUNK | SENT_TOO_LONG))
            continue;
        for (uint32_t k = 0; k < x->nvec; k++) {
            uint32_t t = x->vec[k].term;
            if (term_last[t] != x->article) {
                term_last[t] = x->article;
                term_articles[t]++;
            }
        }
    }
    int quadratic = n <= FEATURES_QUADRATIC_LIMIT;
    /* centroid rank among selectable sentences (ties by position) */
    uint32_t *order = arena_array(a, n + 1, sizeof *order);
    if (!order)
        return -1;
    size_t nsel = 0;
    for (size_t s = 0; s < n; s++)
        if (sentence_selectable(&c->sents[s]))
            order[nsel++] = (uint32_t)s;
    qsort_r(order, nsel, sizeof *order, by_centroid_desc, (void *)c);
    for (size_t r = 0; r < nsel; r++)
        crank[order[r]] = (uint32_t)r;
    double other_articles = c->narticles > 1 ? (double)(c->narticles - 1) : 1.0;
    for (size_t s = 0; s < n; s++) {
        const sentence *x = &c->sents[s];
        if (!sentence_selectable(x))
            continue;
        double *f = feats + s * FEATURE_COUNT;
        const char *text = c->articles[x->article].text + x->start;
        size_t len = x->end - x->start;
        double idf_sum = 0, support = 0, weight_sum = 0, prob = 0, prob_support = 0;
        for (uint32_t k = 0; k < x->nvec; k++) {
            uint32_t t = x->vec[k].term;
            double w = x->vec[k].weight;
            idf_sum += c->idf[t];
            prob += c->sprob[t];
            prob_support += c->sprob[t] * (double)(term_articles[t] - 1) / other_articles;
            support += w * (double)(term_articles[t] - 1) / other_articles;
            weight_sum += w;
        }
        double support_max = 0;
        for (size_t k = 0; quadratic && k < n; k++) {
            const sentence *y = &c->sents[k];
            if (y->article == x->article || (y->flags & (SENT_JUNK | SENT_TOO_LONG)))
                continue;
            double sim = workset_cosine(c, s, k);
            if (sim > support_max)
                support_max = sim;
        }
        double lead = 1.0 / (1.0 + x->rank);
        double sup = weight_sum > 0 ? support / weight_sum : 0;
        f[FEAT_BIAS] = 1;
        f[FEAT_LEAD_INVERSE] = lead;
        f[FEAT_LEAD_FIRST] = x->rank == 0;
        f[FEAT_LEAD_SECOND] = x->rank == 1;
        f[FEAT_RELATIVE_POSITION] =
            article_sel[x->article] > 1 ? (double)x->rank / (double)(article_sel[x->article] - 1) : 0;
        f[FEAT_ARTICLE_ORDER] = 1.0 / (1.0 + x->article);
        f[FEAT_ARTICLE_SHARE] = selectable ? (double)article_sel[x->article] / (double)selectable : 0;
        f[FEAT_LENGTH] = x->words > 60 ? 1.5 : x->words / 40.0;
        f[FEAT_LENGTH_SHORT] = x->words < 10;
        f[FEAT_LENGTH_LONG] = x->words > 35;
        f[FEAT_CENTROID] = x->centroid / max_centroid;
        f[FEAT_LEXRANK] = x->lexrank / max_lexrank;
        f[FEAT_CENTROID_RANK] = quadratic ? 1.0 / (1.0 + crank[s]) : 0;
        f[FEAT_IDF_MEAN] = x->nvec ? idf_sum / x->nvec / 10.0 : 0;
        f[FEAT_SUPPORT] = sup;
        f[FEAT_SUPPORT_MAX] = support_max;
        f[FEAT_QUOTE_START] = starts_with_quote(text, len);
        f[FEAT_QUOTE_INSIDE] = has_quote(text, len);
        f[FEAT_HAS_NUMBER] = has_digit(text, len);
        f[FEAT_DANGLING_START] = sentence_starts_dangling(text, len);
        f[FEAT_CLUSTER_SIZE] = log1p((double)selectable) / 5.0;
        f[FEAT_ARTICLES] = log1p((double)c->narticles) / 3.0;
        f[FEAT_QUESTION] = len > 0 && memchr(text, '?', len) != NULL;
        f[FEAT_LEAD_X_CENTROID] = lead * f[FEAT_CENTROID];
        f[FEAT_LEAD_X_SUPPORT] = lead * sup;
        f[FEAT_WORD_PROB] = x->nvec ? prob / x->nvec : 0;
        f[FEAT_WORD_PROB_SUPPORT] = x->nvec ? prob_support / x->nvec : 0;
        f[FEAT_WORD_PROB_X_LEAD] = lead * f[FEAT_WORD_PROB];
        f[FEAT_STOP_RATIO] = x->stop_ratio;
        f[FEAT_PROB_ALL] = x->prob_all;
        f[FEAT_PROB_ALL_X_LEAD] = lead * x->prob_all;
        f[FEAT_WORD_PROB_SQ] = f[FEAT_WORD_PROB] * f[FEAT_WORD_PROB];
        if (c->importance) {
            double content = 0;
            for (uint32_t k = 0; k < x->nvec; k++)
                content += c->importance[x->vec[k].term];
            f[FEAT_IMPORTANCE] = x->importance;
            f[FEAT_IMPORTANCE_CONTENT] = x->nvec ? content / x->nvec : 0;
            f[FEAT_IMPORTANCE_X_LEAD] = lead * x->importance;
        }
    }
    return 0;
}

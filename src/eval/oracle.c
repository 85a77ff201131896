/*
 * oracle.c: the greedy extractive oracle, an upper bound for evaluation.
 *
 * Given the reference summaries, repeatedly add the candidate sentence that
 * most raises ROUGE-1 + ROUGE-2 recall (summed over the references, each
 * normalised by the reference's size), among those that fit the budget,
 * until no sentence raises it.  Tokens are ROUGE-1.5.5's (ASCII lower case,
 * anything but [a-z0-9] separates; -m stems and -s drops stopwords as the
 * scorer does), so the oracle optimises what the scorer measures.  Bigrams
 * are counted inside sentences only, a slight underestimate of ROUGE-2 across
 * sentence joins.  The candidates are the summarizer's own (clean-up and
 * segmentation included), so the bound is for this candidate set.
 */
#include "oracle.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "idmap.h"
#include "rouge.h"
#include "select.h"

/* Dense id of a 64-bit gram key (0 is not a key: it counts as 1, as it
 * always has). */
static long map_id(idmap *m, uint64_t key)
{
    return idmap_id(m, key ? key : 1);
}

/* Grams of one text: unigram ids and bigram ids. */
typedef struct grams {
    uint32_t *uni, *bi;
    size_t nuni, nbi;
} grams;

typedef struct gram_ctx {
    arena *a;
    idmap unis, bis;
    int stem, stopwords;
} gram_ctx;

static int text_grams(gram_ctx *g, const char *text, size_t len, grams *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = len / 2 + 2;
    out->uni = arena_array(g->a, cap, sizeof *out->uni);
    out->bi = arena_array(g->a, cap, sizeof *out->bi);
    if (!out->uni || !out->bi)
        return -1;
    char tok[64], stem_buf[64];
    size_t i = 0;
    long prev = -1;
    while (i < len) {
        while (i < len && !((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
                            (text[i] >= '0' && text[i] <= '9')))
            i++;
        size_t n = 0;
        while (i < len && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
                           (text[i] >= '0' && text[i] <= '9'))) {
            char c = text[i++];
            if (n < sizeof tok)
                tok[n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        if (n == 0)
            break;
        if (g->stopwords && rouge_is_stopword(tok, n))
            continue;
        const char *t = tok;
        size_t tlen = n;
        if (g->stem)
            t = rouge_morph_stem(tok, n, stem_buf, &tlen);
        long id = map_id(&g->unis, hash_bytes(t, tlen));
        if (id < 0)
            return -1;
        if (out->nuni < cap)
            out->uni[out->nuni++] = (uint32_t)id;
        if (prev >= 0 && out->nbi < cap) {
            long bid = map_id(&g->bis, ((uint64_t)prev << 32 | (uint64_t)id) + 1);
            if (bid < 0)
                return -1;
            out->bi[out->nbi++] = (uint32_t)bid;
        }
        prev = id;
    }
    return 0;
}

/* Gain in clipped hits of adding `add` grams, per reference counts. */
static double gain(const uint32_t *ids, size_t n, const uint32_t *ref, const uint32_t *have,
                   uint32_t *scratch)
{
    double hits = 0;
    for (size_t i = 0; i < n; i++)
        scratch[ids[i]] = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = ids[i];
        uint32_t before = have[id] + scratch[id];
        scratch[id]++;
        if (before < ref[id])
            hits += 1;
    }
    return hits;
}

int oracle_select(arena *a, const workset *c, const precis_options *o,
                  size_t (*cost)(const workset *, const sentence *), const char *const *refs,
                  size_t nrefs, int stem, int stopwords, selection *out, double *density)
{
    memset(out, 0, sizeof *out);
    out->sents = arena_array(a, c->nsents + 1, sizeof *out->sents);
    if (!out->sents)
        return -1;
    gram_ctx g = {.a = a, .stem = stem, .stopwords = stopwords};
    if (idmap_init(&g.unis, a, 4096) < 0 || idmap_init(&g.bis, a, 8192) < 0)
        return -1;
    grams *ref_grams = arena_array(a, nrefs + 1, sizeof *ref_grams);
    grams *cand = arena_array(a, c->nsents + 1, sizeof *cand);
    uint32_t *idx = arena_array(a, c->nsents + 1, sizeof *idx);
    if (!ref_grams || !cand || !idx)
        return -1;
    for (size_t r = 0; r < nrefs; r++)
        if (text_grams(&g, refs[r], strlen(refs[r]), &ref_grams[r]) < 0)
            return -1;
    size_t ncand = 0;
    for (size_t s = 0; s < c->nsents; s++) {
        const sentence *x = &c->sents[s];
        if (!sentence_selectable(x))
            continue;
        const char *text = c->articles[x->article].text + x->start;
        if (text_grams(&g, text, x->end - x->start, &cand[ncand]) < 0)
            return -1;
        idx[ncand++] = (uint32_t)s;
    }
    size_t nu = g.unis.count + 1, nb = g.bis.count + 1;
    uint32_t *ref_u = arena_array(a, nrefs * nu + 1, sizeof *ref_u);
    uint32_t *ref_b = arena_array(a, nrefs * nb + 1, sizeof *ref_b);
    uint32_t *have_u = arena_array(a, nu, sizeof *have_u);
    uint32_t *have_b = arena_array(a, nb, sizeof *have_b);
    uint32_t *scratch = arena_array(a, nu > nb ? nu : nb, sizeof *scratch);
    double *norm_u = arena_array(a, nrefs + 1, sizeof *norm_u);
    double *norm_b = arena_array(a, nrefs + 1, sizeof *norm_b);
    unsigned char *taken = arena_alloc(a, ncand + 1);
    if (!ref_u || !ref_b || !have_u || !have_b || !scratch || !norm_u || !norm_b || !taken)
        return -1;
    for (size_t r = 0; r < nrefs; r++) {
        for (size_t i = 0; i < ref_grams[r].nuni; i++)
            ref_u[r * nu + ref_grams[r].uni[i]]++;
        for (size_t i = 0; i < ref_grams[r].nbi; i++)
            ref_b[r * nb + ref_grams[r].bi[i]]++;
        norm_u[r] = ref_grams[r].nuni ? 1.0 / (double)ref_grams[r].nuni : 0;
        norm_b[r] = ref_grams[r].nbi ? 1.0 / (double)ref_grams[r].nbi : 0;
    }
    if (density) {
        /* each candidate alone: its share of grams found in the references */
        for (size_t k = 0; k < ncand; k++) {
            double hits = 0;
            for (size_t r = 0; r < nrefs; r++) {
                hits += gain(cand[k].uni, cand[k].nuni, ref_u + r * nu, have_u, scratch);
                hits += gain(cand[k].bi, cand[k].nbi, ref_b + r * nb, have_b, scratch);
            }
            size_t total = (cand[k].nuni + cand[k].nbi) * (nrefs ? nrefs : 1);
            density[idx[k]] = total ? hits / (double)total : 0;
        }
    }
    size_t used = 0;
    for (;;) {
        size_t best = ncand;
        double best_gain = 1e-12;
        for (size_t k = 0; k < ncand; k++) {
            if (taken[k] || used + cost(c, &c->sents[idx[k]]) > o->budget)
                continue;
            double value = 0;
            for (size_t r = 0; r < nrefs; r++) {
                value += norm_u[r] * gain(cand[k].uni, cand[k].nuni, ref_u + r * nu, have_u, scratch);
                value += norm_b[r] * gain(cand[k].bi, cand[k].nbi, ref_b + r * nb, have_b, scratch);
            }
            if (value > best_gain) {
                best_gain = value;
                best = k;
            }
        }
        if (best == ncand)
            break;
        taken[best] = 1;
        used += cost(c, &c->sents[idx[best]]);
        for (size_t i = 0; i < cand[best].nuni; i++)
            have_u[cand[best].uni[i]]++;
        for (size_t i = 0; i < cand[best].nbi; i++)
            have_b[cand[best].bi[i]]++;
        out->sents[out->count++] = idx[best];
    }
    if (out->count > 1)
        order_for_reading(c, out->sents, out->count);
    return 0;
}

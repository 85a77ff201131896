/*
 * token.c: words and stems, see token.h.
 *
 * Stemming is Snowball's English algorithm from libstemmer (the stemmer
 * object is per tokenizer because libstemmer keeps state in it).  Word
 * boundaries are decided on Unicode classes from utf8proc, never on the C
 * locale, so the same bytes give the same tokens on every machine.
 */
#include "token.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "hash.h"
#include "model.h"
#include "text.h"

int tokenizer_init(tokenizer *t, const precis_model *model)
{
    memset(t, 0, sizeof *t);
    t->model = model;
    t->stemmer = sb_stemmer_new("english", "UTF_8");
    t->cache = calloc(TOKEN_CACHE_SLOTS, sizeof *t->cache);
    if (!t->stemmer || !t->cache) {
        tokenizer_release(t);
        return -1;
    }
    return 0;
}

void tokenizer_release(tokenizer *t)
{
    if (t->stemmer)
        sb_stemmer_delete(t->stemmer);
    t->stemmer = NULL;
    free(t->cache);
    t->cache = NULL;
}

static size_t cache_slot(const char *w, size_t len)
{
    return (size_t)hash_bytes(w, len) & (TOKEN_CACHE_SLOTS - 1);
}

/* Is the character at text[i] inside a word given its neighbours? */
static int joins_word(const char *text, size_t len, size_t i, int32_t c, int32_t prev)
{
    if (i + 1 >= len)
        return 0;
    size_t n;
    text_decode(text + i, len - i, &n);
    if (i + n >= len)
        return 0; /* the mark ends the text: nothing after it to join */
    int32_t after = text_decode(text + i + n, len - i - n, &n);
    int32_t folded = text_fold_punct(c);
    if (folded == '\'')
        return text_is_alnum(prev) && text_is_alnum(after) && !text_is_digit(after);
    if (c == '.')
        return text_is_alnum(prev) && text_is_alnum(after);
    if (c == ',')
        return text_is_digit(prev) && text_is_digit(after);
    return 0;
}

/* Hands the word in t->word[0..wlen), spanning text[start, end), to fn. */
static int emit(tokenizer *t, size_t start, size_t end, size_t wlen, token_fn fn, void *ctx)
{
    char *w = t->word;
    /* NFC only matters for decomposed input: compose when non-ASCII. */
    int ascii = 1;
    for (size_t i = 0; i < wlen; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = 0;
    if (!ascii) {
        utf8proc_uint8_t *composed = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)wlen,
                                          &composed, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (n > 0 && (size_t)n < sizeof t->word) {
            memcpy(w, composed, (size_t)n);
            wlen = (size_t)n;
        }
        free(composed);
    }
    /* Possessive: assad's -> assad */
    if (wlen > 2 && w[wlen - 2] == '\'' && w[wlen - 1] == 's')
        wlen -= 2;
    w[wlen] = '\0';
    token tok;
    tok.word = w;
    tok.word_len = wlen;
    tok.start = start;
    tok.end = end;
    tok.numeric = text_is_digit((unsigned char)w[0]);
    token_cache_entry *e = NULL;
    if (wlen < TOKEN_CACHE_WORD) {
        e = &t->cache[cache_slot(w, wlen)];
        if (e->word_len == wlen && !memcmp(e->word, w, wlen)) {
            tok.stopword = e->stopword;
            tok.stem = e->stem;
            tok.stem_len = e->stem_len;
            return fn(ctx, &tok);
        }
    }
    tok.stopword = wlen < 2 || model_is_stopword(t->model, w, wlen);
    const sb_symbol *stem = sb_stemmer_stem(t->stemmer, (const sb_symbol *)w, (int)wlen);
    if (stem) {
        tok.stem = (const char *)stem;
        tok.stem_len = (size_t)sb_stemmer_length(t->stemmer);
    } else {
        tok.stem = w;
        tok.stem_len = wlen;
    }
    if (e && tok.stem_len < TOKEN_CACHE_WORD) {
        e->word_len = (unsigned char)wlen;
        memcpy(e->word, w, wlen);
        e->stem_len = (unsigned char)tok.stem_len;
        memcpy(e->stem, tok.stem, tok.stem_len);
        e->stopword = (unsigned char)tok.stopword;
    }
    return fn(ctx, &tok);
}

int tokenize(tokenizer *t, const char *text, size_t len, token_fn fn, void *ctx)
{
    size_t i = 0;
    int32_t prev = ' ';
    size_t wstart = 0, wlen = 0;
    int in_word = 0;
    while (i < len) {
        size_t n;
        int32_t c = text_decode(text + i, len - i, &n);
        if (c == '&') {
            int32_t e;
            size_t elen = text_entity(text + i, len - i, &e);
            if (elen)
                n = elen, c = ' ';
        }
        int alnum = text_is_alnum(c);
        if (!alnum && in_word && joins_word(text, len, i, c, prev))
            alnum = 2; /* inner apostrophe, dot or digit comma */
        if (alnum) {
            if (!in_word) {
                in_word = 1;
                wstart = i;
                wlen = 0;
            }
            int32_t folded = alnum == 2 ? text_fold_punct(c) : text_tolower(c);
            if (folded == ',') {
                /* 45,000 -> 45000 */
            } else if (wlen + 4 < sizeof t->word - 1) {
                wlen += text_encode(folded, t->word + wlen);
            }
        } else if (in_word) {
            in_word = 0;
            int rc = emit(t, wstart, i, wlen, fn, ctx);
            if (rc)
                return rc;
        }
        prev = c;
        i += n;
    }
    if (in_word)
        return emit(t, wstart, len, wlen, fn, ctx);
    return 0;
}

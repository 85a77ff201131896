/*
 * summarize.c: the orchestrator, from articles to a summary.
 *
 *   clean_paragraphs -> segment_paragraph -> tokenize -> vocab (terms,
 *   concepts, vectors) -> score_cluster -> select_sentences -> precis_summary
 *
 * The steps live in their rooms (text/, score/, select/); this file prepares
 * the working set article by article, under the caps, runs the method,
 * builds the summary and says in its warnings which caps were hit.
 *
 * All intermediate data lives in the summarizer's arena, reset at the start
 * of every cluster; only the returned summary is malloc'd, so it outlives the
 * next call.  Work per article is bounded (MAX_SENTENCES_PER_ARTICLE), so a
 * 100 MB article costs one linear scan for clean-up plus bounded analysis,
 * and the summary says what was left unread.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "clean.h"
#include "error.h"
#include "feature_set.h"
#include "ilp.h"
#include "model.h"
#include "off_topic.h"
#include "syndicated.h"
#include "options.h"
#include "people.h"
#include "quotes.h"
#include "readability.h"
#include "score.h"
#include "segment.h"
#include "summarize_internal.h"
#include "text.h"
#include "token.h"
#include "vocab.h"
#include "workset.h"

#define MAX_SENTENCES_PER_ARTICLE PRECIS_MAX_SENTENCES_PER_ARTICLE
/* Longer sentences are run-on text (lists, scraped tables, no punctuation). */
#define MAX_SENTENCE_BYTES 2000
#define MAX_SENTENCE_WORDS 150
#define MIN_SENTENCE_WORDS 5

struct precis_summarizer {
    const precis_model *model;
    precis_options options;
    arena arena;
    tokenizer tok;
};

/* ---- summarizer ----------------------------------------------------- */

precis_status precis_summarizer_new(const precis_model *model, const precis_options *options,
                                    precis_summarizer **out, precis_error *err)
{
    if (!out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_summarizer_new: NULL argument");
    *out = NULL;
    if (!model)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "no model given");
    precis_options full; /* the caller's first options->size bytes, defaults after */
    precis_status st = options_from_caller(options, &full, err);
    if (st == PRECIS_OK)
        st = options_check(&full, err);
    if (st != PRECIS_OK)
        return st;
    options = &full;
    precis_summarizer *s = calloc(1, sizeof *s);
    if (!s)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    s->model = model;
    s->options = *options;
    arena_init(&s->arena);
    if (tokenizer_init(&s->tok, model) < 0) {
        free(s);
        return PRECIS_FAIL(err, PRECIS_E_INTERNAL, NULL, 0, "cannot create the English stemmer");
    }
    *out = s;
    return PRECIS_OK;
}

precis_status summarizer_set_options(precis_summarizer *s, const precis_options *options,
                                     precis_error *err)
{
    precis_options full;
    precis_status st = options_from_caller(options, &full, err);
    if (st == PRECIS_OK)
        st = options_check(&full, err);
    if (st == PRECIS_OK)
        s->options = full;
    return st;
}

void precis_summarizer_free(precis_summarizer *s)
{
    if (!s)
        return;
    tokenizer_release(&s->tok);
    arena_release(&s->arena);
    free(s);
}

/* ---- warnings: a growing malloc'd string -------------------------- */

typedef struct warnings {
    char *text;
    size_t len, cap;
    int failed;
} warnings;

static void warn(warnings *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(warnings *w, const char *fmt, ...)
{
    char line[600];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    /* a warning is one line: control characters (in a file name) escaped */
    char esc[4 * sizeof line];
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)line; *p; p++) {
        if (*p >= 0x20 && *p != 0x7f) {
            esc[k++] = (char)*p;
        } else {
            esc[k++] = '\\';
            if (*p == '\n' || *p == '\t' || *p == '\r') {
                esc[k++] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
            } else {
                esc[k++] = 'x';
                esc[k++] = "0123456789abcdef"[*p >> 4];
                esc[k++] = "0123456789abcdef"[*p & 15];
            }
        }
    }
    esc[k] = '\0';
    size_t add = k + 1;
    if (w->len + add + 1 > w->cap) {
        size_t cap = (w->cap + add + 1) * 2;
        char *grown = realloc(w->text, cap);
        if (!grown) {
            w->failed = 1;
            return;
        }
        w->text = grown;
        w->cap = cap;
    }
    memcpy(w->text + w->len, esc, add - 1);
    w->len += add - 1;
    w->text[w->len++] = '\n';
    w->text[w->len] = '\0';
}

/* ---- building the cluster ----------------------------------------- */

typedef struct term_collector {
    vocab *v;
    const precis_model *model;
    uint32_t *terms;
    size_t count, cap;
    arena *a;
    int failed;
    uint32_t tokens, stopwords; /* of the current sentence */
    double prob_all;            /* sum of p(in summary) over all its tokens */
    uint32_t *all;              /* every token's term id, stopwords included */
    size_t nall, all_cap;
} term_collector;

static int push_id(term_collector *tc, uint32_t **list, size_t *n, size_t *cap, uint32_t id)
{
    uint32_t *items = arena_reserve(tc->a, *list, *n, cap, sizeof *items, 64);
    if (!items) {
        tc->failed = 1;
        return -1;
    }
    *list = items;
    (*list)[(*n)++] = id;
    return 0;
}

static int collect_term(void *ctx, const token *tok)
{
    term_collector *tc = ctx;
    tc->tokens++;
    long id = vocab_id(tc->v, tc->model, tok->stem, tok->stem_len);
    if (id < 0) {
        tc->failed = 1;
        return 1;
    }
    tc->v->stop[id] = (unsigned char)tok->stopword;
    tc->prob_all += tc->v->sprob[id];
    if (push_id(tc, &tc->all, &tc->nall, &tc->all_cap, (uint32_t)id) < 0)
        return 1;
    if (tok->stopword) {
        tc->stopwords++;
        return 0;
    }
    return push_id(tc, &tc->terms, &tc->count, &tc->cap, (uint32_t)id) < 0;
}

/* Is the character at s[i] (of s[0..end)) white space as text_display folds
 * it?  *n is its length in bytes.  The budgets count words and bytes with
 * this one rule, so that a budget holds for the printed text. */
static int printed_space_at(const char *s, size_t i, size_t end, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    *n = 1;
    if (c < 0x80)
        return text_is_ascii_space(c);
    return text_is_space(text_decode(s + i, end - i, n));
}

/* Words and bytes as the printed sentence has them: white space (Unicode's,
 * NBSP included, as text_display folds it) separates words, runs count as
 * one byte.  Budgets count these, so a budget holds for the printed text. */
static void count_words_bytes(const char *s, size_t len, uint32_t *words, uint32_t *bytes)
{
    uint32_t w = 0, b = 0;
    int in_word = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        int space = printed_space_at(s, i, len, &n);
        if (!space) {
            if (!in_word)
                w++;
            b += (uint32_t)n;
        }
        in_word = !space;
        i += n;
    }
    *words = w;
    *bytes = b + (w ? w - 1 : 0);
}

typedef struct sentence_list {
    sentence *items;
    size_t count, cap;
} sentence_list;

static sentence *sentence_push(arena *a, sentence_list *l)
{
    sentence *items = arena_reserve(a, l->items, l->count, &l->cap, sizeof *items, 256);
    if (!items)
        return NULL;
    l->items = items;
    sentence *s = &l->items[l->count++];
    memset(s, 0, sizeof *s);
    return s;
}

/* A question in the article's own voice ("Could this be related to global
 * warming?"): a brief states, it does not ask.  A quoted question is a
 * quote, judged as one. */
static int is_question(const char *text, size_t len)
{
    size_t end = text_strip_closers(text, len);
    if (end == 0 || text[end - 1] != '?')
        return 0;
    return end == len; /* a closing quote after the mark: quoted */
}

/* The first word of the sentence (after quotes and brackets) is lower
 * case: "... (Long live the World Cup!) the crowd sang" split at "!)".  A
 * name such as "eBay" or "iPhone" has a capital inside. */
static int text_opens_lower(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && !((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
                        (text[i] >= '0' && text[i] <= '9') || (unsigned char)text[i] >= 0x80))
        i++;
    if (i == len || !(text[i] >= 'a' && text[i] <= 'z'))
        return 0;
    for (; i < len && text[i] != ' '; i++)
        if (text[i] >= 'A' && text[i] <= 'Z')
            return 0;
    return 1;
}

/* "No other injuries have been reported.", "Another 300 homes ...": other
 * than what the sentence before said.  (Kept out of the opener list of
 * feature_set.c, which the learned scorer was trained with.) */
static int opens_with_other(const char *text, size_t len)
{
    static const char *const others[] = {"No other ", "Other ", "Another ", "The other ",
                                         "Others ", NULL};
    for (const char *const *o = others; *o; o++)
        if (len > strlen(*o) && !strncasecmp(text, *o, strlen(*o)))
            return 1;
    return 0;
}

/* An item of a list: "-- Stock more vehicles ...", "- $6 million for ...",
 * "* ...", "• ...". Out of its list it reads as a fragment. */
static int is_list_item(const char *text, size_t len)
{
    if (len >= 2 && text[0] == '-' && (text[1] == '-' || text[1] == ' '))
        return 1;
    if (len >= 2 && text[0] == '*' && text[1] == ' ')
        return 1;
    return len >= 3 && !memcmp(text, "\xe2\x80\xa2", 3); /* • */
}

/* "The move has been criticized ...": a sentence after an article's first
 * that opens with "The" and a common noun refers back to what the sentence
 * before it said, unless the brief names that thing already.  The two words
 * after "The" (content words only) are what the brief must hold; a capital
 * ("The White House") is a name, not a reference. */
static const char *const back_nouns[] = {
    "move", "decision", "announcement", "incident", "attack", "attacks", "deal", "agreement",
    "plan", "proposal", "measure", "measures", "change", "changes", "report", "problem",
    "issue", "case", "effort", "action", "step", "development", "vote", "ruling", "protest",
    "protests", "blast", "explosion", "crash", "accident", "event", "meeting", "visit", "trip",
    "talks", "strike", "bill", "law", "policy", "program", "programme", "project", "study",
    "survey", "findings", "discovery", "group", "organization", "company", "firm", "center",
    "centre", "board", "committee", "agency", "panel", "official", "officials", "man", "woman",
    "boy", "girl", "victim", "victims", "suspect", "suspects", "couple", "family", "team",
    "pair", "two", "three", "latest", "same", "new", "other", "former", "banner", "idea",
    "scheme", "initiative", "campaign", "operation", "raid", "fire", "storm", "quake",
    "outbreak", "virus", "disease", "scandal", "dispute", "conflict", "crisis", "war",
    "fighting", "violence", "killings", "deaths", "death", "shooting", "bombing", "result",
    "results", "figures", "numbers", "number", "figure", "rate", "increase", "decline", "drop",
    "rise", "cut", "cuts", "lawsuit", "suit", "trial", "verdict", "sentence", "charges",
    "investigation", "probe", "inquiry", "system", "process", "practice", "trend", "region",
    "area", "site", "place", "building", "facility", "plant", "ship", "plane", "vehicle",
    "device", "drug", "treatment", "technique", "method", "approach", "book", "film", "show",
    "statement", "letter", "document", "documents", "memo", "order",
    /* roles, which name someone only once the brief has said who */
    "judge", "jury", "jurors", "prosecutor", "prosecutors", "defendant", "lawyer", "lawyers",
    "attorney", "spokesman", "spokeswoman", "spokesperson", "executive", "chief", "minister",
    "governor", "mayor", "senator", "director", "chairman", "officer", "driver", "pilot",
    "gunman", "teenager", "mother", "father", NULL};

static int back_noun(const char *w, size_t len)
{
    for (const char *const *b = back_nouns; *b; b++)
        if ((*b)[0] == (w[0] | 0x20) && strlen(*b) == len && !strncasecmp(*b, w, len))
            return 1;
    return 0;
}

static void mark_definite(sentence *s, const char *text, size_t len, const uint32_t *tokens,
                          size_t ntokens, const unsigned char *stop)
{
    if (len < 5 || (text[0] != 'T' && text[0] != 't') || memcmp(text + 1, "he ", 3) != 0 ||
        (text[4] >= 'A' && text[4] <= 'Z') || ntokens < 2)
        return;
    size_t w = 4, e = 4;
    while (e < len && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z')))
        e++;
    if (!back_noun(text + w, e - w))
        return;
    s->definite[0] = s->definite[1] = UINT32_MAX;
    for (size_t k = 1; k < 3 && k < ntokens; k++)
        if (!stop[tokens[k]])
            s->definite[k - 1] = tokens[k];
    if (s->definite[0] != UINT32_MAX || s->definite[1] != UINT32_MAX)
        s->flags |= SENT_DEFINITE;
}

/* Quotations over several sentences, and quotes whose speaker is a
 * pronoun or nobody: those read only after the sentence before them, like
 * "He said" (an article's first sentence has nothing before it to need).
 * WHOLE_QUOTE: the share of letters inside quotation marks above which no
 * attribution is left outside them. */
#define WHOLE_QUOTE 0.97f
static void mark_quotations(const char *text, sentence *sents, size_t n)
{
    quotes_mark_article(text, sents, n);
    for (size_t i = 0; i < n; i++) {
        sentence *s = &sents[i];
        if (!(s->flags & SENT_TOO_LONG))
            s->quoted = (float)quotes_share(text + s->start, s->end - s->start,
                                            (s->flags & SENT_QUOTE_IN) != 0);
        if (i == 0 || (s->flags & SENT_TOO_LONG))
            continue;
        /* a quote with no word outside its marks names no speaker: the
         * sentence before it does ("Lindqvist put it bluntly:"); a
         * quotation over several sentences names it in one of them */
        int chained = (s->flags & (SENT_QUOTE_IN | SENT_QUOTE_OUT)) != 0;
        if ((s->quoted >= WHOLE_QUOTE && !chained) ||
            quotes_pronoun_speaker(text + s->start, s->end - s->start,
                                   (s->flags & SENT_QUOTE_IN) != 0))
            s->flags |= SENT_DANGLING;
    }
}

/* Lists reused from article to article: a cluster of many small articles
 * costs its sentences, not a fresh set of lists per article. */
typedef struct article_scratch {
    span_list paras;
    seg_list segs;
    term_collector tc;
} article_scratch;

static precis_status add_article(precis_summarizer *sz, vocab *v, sentence_list *out,
                                 article_scratch *scratch, uint32_t index,
                                 const precis_article *art, precis_markup markup,
                                 size_t max_sentences, warnings *w, precis_error *err)
{
    arena *a = &sz->arena;
    const char *name = art->name ? art->name : "(article)";
    if (text_looks_binary(art->text, art->len))
        return PRECIS_FAIL(err, PRECIS_E_BINARY, name, 0,
                           "looks like a binary file, not text (NUL or control bytes)");
    size_t invalid = text_count_invalid(art->text, art->len);
    if (invalid)
        warn(w, "%s: %zu invalid UTF-8 sequence%s replaced by U+FFFD", name, invalid,
             invalid == 1 ? "" : "s");
    /* Every kept paragraph holds at least one sentence, so one paragraph
     * past the sentence cap is enough to know the cap is reached: clean-up
     * and segmentation stop there, and the rest of the article is never
     * analysed (bounded time and memory whatever its size). */
    size_t dropped = 0;
    int stopped = 0;
    long npara = clean_paragraphs_bounded(a, art->text, art->len, markup, max_sentences + 1,
                                          &scratch->paras, &dropped, &stopped);
    if (npara < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, name, 0, "out of memory");
    seg_list segs = scratch->segs;
    segs.count = 0;
    segs.full = 0;
    segs.max = max_sentences;
    precis_status st = PRECIS_OK;
    for (long p = 0; p < npara && !segs.full && st == PRECIS_OK; p++)
        if (segment_paragraph(a, art->text, scratch->paras.items[p], &segs) < 0)
            st = PRECIS_FAIL(err, PRECIS_E_NOMEM, name, 0, "out of memory");
    scratch->segs = segs;
    if (st != PRECIS_OK)
        return st;
    term_collector tc = scratch->tc;
    tc.v = v;
    tc.model = sz->model;
    tc.a = a;
    tc.failed = 0;
    int before_prose = 1;
    const int cased = segment_text_is_cased(art->text, art->len);
    for (size_t i = 0; i < segs.count; i++) {
        const seg_sentence *g = &segs.items[i];
        sentence *s = sentence_push(a, out);
        if (!s)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, name, 0, "out of memory");
        s->article = index;
        s->index = (uint32_t)i;
        s->start = g->start;
        s->end = g->end;
        s->flags = g->flags;
        /* the dateline opens the article's first sentence of prose, which
         * a caption, a byline or a headline may precede */
        if (before_prose && sz->options.drop_datelines)
            s->start += segment_dateline_cased(art->text + g->start, g->end - g->start, cased);
        else if (cased && sz->options.drop_datelines)
            /* after a caption the scraper kept as prose, or a digest's next
             * story ("NEW YORK -- Oct. 20, 1999 -- ADV.") */
            s->start += segment_dateline_strict(art->text + g->start, g->end - g->start);
        const char *text = art->text + s->start;
        size_t len = s->end - s->start;
        count_words_bytes(text, len, &s->words, &s->bytes);
        if (len > MAX_SENTENCE_BYTES || s->words > MAX_SENTENCE_WORDS) {
            s->flags |= SENT_TOO_LONG;
            before_prose = 0;
            continue; /* not analysed: bounded work on run-on text */
        }
        if (s->words < MIN_SENTENCE_WORDS)
            s->flags |= SENT_TOO_SHORT;
        /* a short paragraph's only sentence already had its verdict */
        int judged = (g->flags & SEG_WHOLE_PARAGRAPH) && s->words <= 80;
        if (!judged && clean_sentence_kind(text, len) != JUNK_NONE)
            s->flags |= SENT_JUNK;
        if (is_question(text, len))
            s->flags |= SENT_QUESTION;
        if (is_list_item(text, len))
            s->flags |= SENT_LIST_ITEM;
        if (cased && text_opens_lower(text, len))
            s->flags |= SENT_FRAGMENT;
        if (!(s->flags & (SENT_JUNK | SENT_TOO_SHORT | SEG_NO_FINAL_PUNCT)))
            before_prose = 0;
        /* an article's first sentence has no predecessor to need: a lede
         * that opens with "It" or "And" is a lede */
        if (i > 0 && (sentence_starts_dangling(text, len) || opens_with_other(text, len)))
            s->flags |= SENT_DANGLING;
        tc.count = 0;
        tc.nall = 0;
        tc.tokens = tc.stopwords = 0;
        tc.prob_all = 0;
        tokenize(&sz->tok, text, len, collect_term, &tc);
        s->stop_ratio = tc.tokens ? (float)tc.stopwords / (float)tc.tokens : 0;
        s->prob_all = tc.tokens ? (float)(tc.prob_all / tc.tokens) : 0;
        if (!tc.failed && tc.nall) {
            s->tokens = arena_array(a, tc.nall, sizeof *s->tokens);
            if (s->tokens) {
                memcpy(s->tokens, tc.all, tc.nall * sizeof *s->tokens);
                s->ntokens = (uint32_t)tc.nall;
            } else {
                tc.failed = 1;
            }
        }
        if (i > 0 && !tc.failed)
            mark_definite(s, text, len, tc.all, tc.nall, v->stop);
        if (tc.failed || vocab_concepts(a, v, s, tc.terms, tc.count) < 0 ||
            vocab_vector(a, s, tc.terms, tc.count, v) < 0)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, name, 0, "out of memory");
    }
    scratch->tc = tc;
    if (segs.count)
        mark_quotations(art->text, out->items + out->count - segs.count, segs.count);
    return PRECIS_OK;
}

/* ---- results -------------------------------------------------------- */

static size_t cost_words(const workset *c, const sentence *s)
{
    (void)c;
    return s->words;
}

static size_t cost_bytes(const workset *c, const sentence *s)
{
    (void)c;
    return s->bytes;
}

static size_t cost_sentences(const workset *c, const sentence *s)
{
    (void)c;
    (void)s;
    return 1;
}

/* End offset after the first `words` words of text[start, end). */
static size_t cut_after_words(const char *text, size_t start, size_t end, uint32_t words)
{
    uint32_t seen = 0;
    int in_word = 0;
    for (size_t i = start; i < end;) {
        size_t n;
        int space = printed_space_at(text, i, end, &n);
        if (!space && !in_word) {
            if (seen == words)
                return i;
            seen++;
        }
        in_word = !space;
        if (space && seen == words)
            return i;
        i += n;
    }
    return end;
}

/* End offset of the longest prefix of text[start, end) that costs at most
 * `bytes` as count_words_bytes counts them (a run of white space between
 * words is one byte): cut at a character boundary, never after white space.
 * A word may be cut, as ROUGE's -b and DUC's byte limits cut. */
static size_t cut_after_bytes(const char *text, size_t start, size_t end, uint32_t bytes)
{
    uint32_t used = 0;
    size_t kept = start;
    int in_word = 0, words = 0;
    for (size_t i = start; i < end;) {
        size_t n;
        int space = printed_space_at(text, i, end, &n);
        if (!space) {
            uint32_t need = (uint32_t)n + (!in_word && words ? 1 : 0);
            if (used + need > bytes)
                break;
            used += need;
            words += !in_word;
            kept = i + n;
        }
        in_word = !space;
        i += n;
    }
    return kept;
}

static precis_status build_summary(const workset *c, const selection *sel,
                                   precis_budget_unit unit, warnings *w, precis_summary **out,
                                   precis_error *err)
{
    precis_summary *sum = calloc(1, sizeof *sum);
    if (!sum)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    sum->sentences_seen = c->nsents;
    sum->picks = calloc(sel->count ? sel->count : 1, sizeof *sum->picks);
    if (!sum->picks) {
        precis_summary_free(sum);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < sel->count; i++) {
        const sentence *s = &c->sents[sel->sents[i]];
        const precis_article *art = &c->articles[s->article];
        precis_pick *p = &sum->picks[sum->count];
        p->article = s->article;
        p->sentence = s->index;
        p->start = s->start;
        p->end = s->end;
        p->score = s->score;
        uint32_t words = s->words;
        if (sel->cut_words && i == sel->cut_at) {
            if (unit == PRECIS_BUDGET_BYTES) {
                uint32_t bytes;
                p->end = cut_after_bytes(art->text, s->start, s->end, sel->cut_words);
                count_words_bytes(art->text + p->start, p->end - p->start, &words, &bytes);
                if (p->end == p->start)
                    continue; /* not even its first character fits */
            } else {
                p->end = cut_after_words(art->text, s->start, s->end, sel->cut_words);
                words = sel->cut_words;
            }
        }
        size_t len = p->end - p->start;
        p->text = malloc(3 * len + 1);
        if (!p->text) {
            precis_summary_free(sum);
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
        }
        text_display(art->text + p->start, len, p->text);
        sum->words += words;
        sum->count++;
    }
    if (w->failed) {
        precis_summary_free(sum);
        free(w->text);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    sum->warnings = w->text ? w->text : calloc(1, 1);
    w->text = NULL;
    if (!sum->warnings) {
        precis_summary_free(sum);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    *out = sum;
    return PRECIS_OK;
}

void precis_summary_free(precis_summary *summary)
{
    if (!summary)
        return;
    for (size_t i = 0; i < summary->count; i++)
        free(summary->picks[i].text);
    free(summary->picks);
    free(summary->warnings);
    free(summary->articles);
    free(summary);
}

const char *precis_article_status_name(precis_article_status status)
{
    static const char *const names[] = {
        [PRECIS_ARTICLE_UNUSED] = "unused",       [PRECIS_ARTICLE_USED] = "used",
        [PRECIS_ARTICLE_COPY] = "copy",           [PRECIS_ARTICLE_OFF_TOPIC] = "off_topic",
        [PRECIS_ARTICLE_NO_PROSE] = "no_prose",   [PRECIS_ARTICLE_NOT_READ] = "not_read",
    };
    if ((unsigned)status < sizeof names / sizeof names[0])
        return names[status];
    return "unknown";
}

/* The summary's article notes: the workset's, with USED for every article
 * a chosen sentence comes from.  Returns 0, or -1 when out of memory. */
static int attach_notes(const workset *c, precis_summary *sum)
{
    if (c->narticles == 0)
        return 0;
    sum->articles = malloc(c->narticles * sizeof *sum->articles);
    if (!sum->articles)
        return -1;
    memcpy(sum->articles, c->notes, c->narticles * sizeof *sum->articles);
    sum->narticles = c->narticles;
    for (size_t i = 0; i < sum->count; i++)
        if (sum->articles[sum->picks[i].article].status == PRECIS_ARTICLE_UNUSED)
            sum->articles[sum->picks[i].article].status = PRECIS_ARTICLE_USED;
    return 0;
}

static int has_text(const precis_article *articles, size_t count)
{
    for (size_t i = 0; i < count; i++)
        for (size_t k = 0; k < articles[i].len; k++) {
            unsigned char c = (unsigned char)articles[i].text[k];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return 1;
        }
    return 0;
}

typedef struct off_topic_ctx {
    const workset *c;
    warnings *w;
} off_topic_ctx;

static const char *article_name(const workset *c, size_t article)
{
    return c->articles[article].name ? c->articles[article].name : "(article)";
}

static void note_off_topic(void *ctx, size_t article, double similarity)
{
    off_topic_ctx *ot = ctx;
    if (ot->c->notes[article].status == PRECIS_ARTICLE_UNUSED)
        ot->c->notes[article].status = PRECIS_ARTICLE_OFF_TOPIC;
    warn(ot->w, "%s: left out: not about the story the other articles tell (similarity %.3f "
                "with them)",
         article_name(ot->c, article), similarity);
}

/* The bytes of article a that were read: up to the end of its last
 * sentence (an article cut at its sentence cap is compared as read). */
static size_t read_extent(const workset *c, size_t a, size_t *next)
{
    size_t end = 0;
    for (; *next < c->nsents && c->sents[*next].article == a; (*next)++)
        end = c->sents[*next].end;
    return end;
}

/* collapse_copies: the sentences of an article that is a near copy of
 * another give nothing (syndicated.c), and the summary says so. */
static precis_status collapse_copies(precis_summarizer *sz, workset *c, warnings *w,
                                     precis_error *err)
{
    size_t n = c->narticles ? c->narticles : 1;
    precis_article *read = arena_alloc(&sz->arena, n * sizeof *read);
    size_t *copy_of = arena_alloc(&sz->arena, n * sizeof *copy_of);
    double *similarity = arena_alloc(&sz->arena, n * sizeof *similarity);
    if (!read || !copy_of || !similarity)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    size_t next = 0;
    for (size_t a = 0; a < c->narticles; a++) {
        read[a] = c->articles[a];
        read[a].len = read_extent(c, a, &next);
    }
    precis_status st = syndicated_find(read, c->narticles, copy_of, similarity, err);
    if (st != PRECIS_OK)
        return st;
    for (size_t a = 0; a < c->narticles; a++) {
        if (copy_of[a] == SIZE_MAX || c->notes[a].status != PRECIS_ARTICLE_UNUSED)
            continue;
        c->notes[a] = (precis_article_note){PRECIS_ARTICLE_COPY, copy_of[a], similarity[a]};
        warn(w, "%s: collapsed: a near copy of %s (similarity %.3f)", article_name(c, a),
             article_name(c, copy_of[a]), similarity[a]);
    }
    for (size_t i = 0; i < c->nsents; i++)
        if (c->notes[c->sents[i].article].status == PRECIS_ARTICLE_COPY)
            c->sents[i].flags |= SENT_COPY;
    return PRECIS_OK;
}

/* An article with text but no sentence a brief may use (captions, links,
 * page chrome only) is named: it was read, and it gave nothing. */
static void note_no_prose(const workset *c, warnings *w)
{
    size_t i = 0;
    for (size_t a = 0; a < c->narticles; a++) {
        size_t prose = 0, seen = 0;
        for (; i < c->nsents && c->sents[i].article == a; i++, seen++)
            prose += !(c->sents[i].flags & (SENT_JUNK | SENT_TOO_LONG | SENT_TOO_SHORT | 1u));
        if (!prose && c->notes[a].status == PRECIS_ARTICLE_UNUSED)
            c->notes[a].status = PRECIS_ARTICLE_NO_PROSE;
        if (seen && !prose)
            warn(w, "%s: left out: no sentence of article prose (headlines, captions, links "
                    "or page chrome only)",
                 article_name(c, a));
    }
}

/* Clean-up, segmentation and vectors of every article, into *c. */
static precis_status prepare_workset(precis_summarizer *sz, const precis_article *articles,
                                     size_t count, precis_markup markup, workset *c, warnings *w,
                                     precis_error *err)
{
    if (count == 0 || !has_text(articles, count))
        return PRECIS_FAIL(err, PRECIS_E_EMPTY, NULL, 0, "no article text to summarize");
    arena_reset(&sz->arena);
    vocab v;
    sentence_list sents = {0};
    if (vocab_init(&v, &sz->arena) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    if (count > PRECIS_MAX_ARTICLES) {
        warn(w, "only the first %d of %zu articles were read (the limit of a cluster)",
             PRECIS_MAX_ARTICLES, count);
        count = PRECIS_MAX_ARTICLES;
    }
    article_scratch scratch = {0};
    size_t read = 0; /* articles read, in whole or in part */
    for (size_t i = 0; i < count; i++) {
        size_t room = PRECIS_MAX_SENTENCES - sents.count;
        if (room == 0) {
            warn(w, "only the first %zu of %zu articles were read: the cluster reached its limit "
                    "of %d sentences", i, count, PRECIS_MAX_SENTENCES);
            break;
        }
        size_t max = room < MAX_SENTENCES_PER_ARTICLE ? room : MAX_SENTENCES_PER_ARTICLE;
        precis_status st = add_article(sz, &v, &sents, &scratch, (uint32_t)i, &articles[i],
                                       markup, max, w, err);
        if (st != PRECIS_OK)
            return st;
        read = i + 1;
        if (!scratch.segs.full)
            continue;
        if (max == MAX_SENTENCES_PER_ARTICLE) { /* the article's own cap */
            warn(w, "%s: only the first %d sentences were read",
                 articles[i].name ? articles[i].name : "(article)", MAX_SENTENCES_PER_ARTICLE);
            continue;
        }
        warn(w, "only the first %zu of %zu articles were read, the last of them in part: the "
                "cluster reached its limit of %d sentences", i + 1, count, PRECIS_MAX_SENTENCES);
        break;
    }
    /* lead rank: position among the sentences a summary may use, so that
     * a headline or a caption does not push the real lead down */
    uint32_t rank = 0;
    for (size_t i = 0; i < sents.count; i++) {
        sentence *x = &sents.items[i];
        if (i == 0 || x->article != sents.items[i - 1].article)
            rank = 0;
        x->rank = rank;
        rank += sentence_selectable(x);
    }
    memset(c, 0, sizeof *c);
    c->articles = articles;
    c->narticles = count;
    c->sents = sents.items;
    c->nsents = sents.count;
    c->nterms = v.count;
    c->idf = v.idf;
    c->sprob = v.sprob;
    c->stop = v.stop;
    c->stems = v.stems;
    c->stem_lens = v.stem_lens;
    c->nconcepts = v.pairs.count;
    c->model = sz->model;
    c->notes = arena_alloc(&sz->arena, count * sizeof *c->notes);
    if (!c->notes)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    for (size_t a = 0; a < count; a++)
        c->notes[a] = (precis_article_note){a < read ? PRECIS_ARTICLE_UNUSED
                                                     : PRECIS_ARTICLE_NOT_READ, 0, 0};
    if (sz->options.collapse_copies) {
        precis_status st = collapse_copies(sz, c, w, err);
        if (st != PRECIS_OK)
            return st;
    }
    off_topic_ctx ot = {c, w};
    if (off_topic_mark(c, note_off_topic, &ot) < 0 || people_mark(&sz->arena, c) < 0)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    note_no_prose(c, w);
    return PRECIS_OK;
}

precis_status summarizer_prepare(precis_summarizer *sz, const precis_article *articles,
                                 size_t count, precis_markup markup, workset *c,
                                 precis_error *err)
{
    warnings w = {0};
    precis_status st = prepare_workset(sz, articles, count, markup, c, &w, err);
    free(w.text);
    return st;
}

struct tokenizer *summarizer_tokenizer(precis_summarizer *sz)
{
    return &sz->tok;
}

arena *summarizer_arena(precis_summarizer *sz)
{
    return &sz->arena;
}

const precis_options *summarizer_options(const precis_summarizer *sz)
{
    return &sz->options;
}

cost_fn summarizer_cost(const precis_options *o)
{
    return o->budget_unit == PRECIS_BUDGET_BYTES       ? cost_bytes
           : o->budget_unit == PRECIS_BUDGET_SENTENCES ? cost_sentences
                                                       : cost_words;
}

/* The caps that kept scoring and selection bounded, said in warnings. */
static void note_limits(const workset *c, const selection *sel, warnings *w)
{
    if (c->lexrank_capped_from)
        warn(w, "LexRank used the %d most salient of %zu sentences (its limit)",
             LEXRANK_MAX_NODES, c->lexrank_capped_from);
    if (c->quadratic_features_skipped)
        warn(w, "the learned scorer left out its two pairwise features (centroid rank, "
                "support): the cluster has over %d sentences (their limit)",
             FEATURES_QUADRATIC_LIMIT);
    if (sel->notes & SELECT_NOTE_ILP_TOO_LARGE)
        warn(w, "the cluster is too large for the exact ILP (over %d candidate sentences or "
                "%d concepts): greedy concept selection used",
             ILP_MAX_SENTENCES, ILP_MAX_CONCEPTS);
    if (sel->notes & SELECT_NOTE_ILP_NODES_BEST)
        warn(w, "the ILP search stopped after %d subproblems: the best solution found is used, "
                "it may not be optimal", ILP_MAX_NODES);
    if (sel->notes & SELECT_NOTE_ILP_NODES_GREEDY)
        warn(w, "the ILP search stopped after %d subproblems with no solution: greedy concept "
                "selection used", ILP_MAX_NODES);
    if (sel->notes & SELECT_NOTE_ILP_TIME_BEST)
        warn(w, "the ILP search stopped after %d ms: the best solution found is used, it may "
                "not be optimal", ILP_MAX_MILLISECONDS);
    if (sel->notes & SELECT_NOTE_ILP_FAILED)
        warn(w, "the ILP solver (GLPK) failed on this cluster: greedy concept selection used");
    if (sel->notes & SELECT_NOTE_ILP_TIME_GREEDY)
        warn(w, "the ILP search stopped after %d ms with no solution: greedy concept selection "
                "used", ILP_MAX_MILLISECONDS);
}

/* A brief under half its budget says why: the articles hold too little
 * prose, or what is left could not be taken (near copies of chosen
 * sentences, openers without their antecedent, sentences too long for the
 * rest of the budget).  Sentence budgets are counts, not lengths: silent. */
static void note_short_brief(const workset *c, const selection *sel, const precis_options *o,
                             cost_fn cost, warnings *w)
{
    if (o->budget_unit == PRECIS_BUDGET_SENTENCES || sel->count == 0)
        return;
    size_t used = 0, prose = 0;
    for (size_t i = 0; i < sel->count; i++)
        used += cost(c, &c->sents[sel->sents[i]]);
    if (used * 2 >= o->budget)
        return;
    for (size_t i = 0; i < c->nsents; i++)
        if (sentence_selectable(&c->sents[i]))
            prose += cost(c, &c->sents[i]);
    const char *unit = o->budget_unit == PRECIS_BUDGET_BYTES ? "bytes" : "words";
    if (prose * 2 < o->budget)
        warn(w, "the brief has %zu of the %zu %s asked: the articles hold only %zu %s of "
                "prose that a brief may use",
             used, o->budget, unit, prose, unit);
    else
        warn(w, "the brief has %zu of the %zu %s asked: the other sentences repeat chosen ones, "
                "open without their antecedent (\"He said\") or do not fit what is left",
             used, o->budget, unit);
}

/* Prepare, choose (the summarizer's method, or the oracle when references
 * are given), and build the summary. */
static precis_status summarize_cluster(precis_summarizer *sz, const precis_article *articles,
                                       size_t count, precis_markup markup,
                                       const char *const *references, size_t nreferences,
                                       int stem, int remove_stopwords, precis_summary **out,
                                       precis_error *err)
{
    warnings w = {0};
    workset c;
    precis_status st = prepare_workset(sz, articles, count, markup, &c, &w, err);
    if (st != PRECIS_OK) {
        free(w.text);
        return st;
    }
    selection sel = {0};
    cost_fn cost = summarizer_cost(&sz->options);
    int rc = references
                 ? oracle_select(&sz->arena, &c, &sz->options, cost, references, nreferences, stem,
                                 remove_stopwords, &sel, NULL)
                 : (score_cluster(&sz->arena, &c, &sz->options) < 0
                        ? -1
                        : select_sentences(&sz->arena, &c, &sz->options, cost, &sel));
    if (rc < 0) {
        free(w.text);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    note_limits(&c, &sel, &w);
    if (sel.count == 0 && !references) {
        /* the budget, not the text, may be what left nothing */
        size_t candidates = 0, shortest = 0;
        for (size_t i = 0; i < c.nsents; i++) {
            if (!sentence_selectable(&c.sents[i]))
                continue;
            size_t need = cost(&c, &c.sents[i]);
            if (!candidates++ || need < shortest)
                shortest = need;
        }
        const precis_options *o = &sz->options;
        const char *unit = o->budget_unit == PRECIS_BUDGET_BYTES       ? "bytes"
                           : o->budget_unit == PRECIS_BUDGET_SENTENCES ? "sentences"
                                                                       : "words";
        if (!candidates)
            warn(&w, "no sentence of article prose found: every line is boilerplate, a headline "
                     "or a fragment; the summary is empty");
        else if (shortest > o->budget)
            warn(&w, "no sentence fits the budget of %zu %s (the shortest of the %zu candidate "
                     "sentences has %zu); the summary is empty%s", o->budget, unit, candidates,
                 shortest, o->truncate ? "" : " (--truncate cuts one to fit)");
        else
            warn(&w, "no sentence could be chosen within the budget of %zu %s (near copies, or "
                     "openers such as \"He said\" whose sentence before did not fit); the summary "
                     "is empty", o->budget, unit);
    } else if (!references) {
        note_short_brief(&c, &sel, &sz->options, cost, &w);
    }
    st = build_summary(&c, &sel, sz->options.budget_unit, &w, out, err);
    if (st == PRECIS_OK && sz->options.diagnostics) {
        if (readability_count(&c, sel.sents, sel.count, &(*out)->readability) < 0) {
            precis_summary_free(*out);
            *out = NULL;
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
        }
        (*out)->has_readability = 1;
    }
    if (st == PRECIS_OK && (sz->options.diagnostics || sz->options.collapse_copies) &&
        attach_notes(&c, *out) < 0) {
        precis_summary_free(*out);
        *out = NULL;
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    }
    return st;
}

precis_status precis_summarize(precis_summarizer *sz, const precis_article *articles, size_t count,
                               precis_markup markup, precis_summary **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!sz || !out || (count && !articles))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_summarize: NULL argument");
    return summarize_cluster(sz, articles, count, markup, NULL, 0, 0, 0, out, err);
}

precis_status precis_summarize_oracle(precis_summarizer *sz, const precis_article *articles,
                                      size_t count, precis_markup markup,
                                      const char *const *references, size_t nreferences,
                                      int stem, int remove_stopwords, precis_summary **out,
                                      precis_error *err)
{
    if (out)
        *out = NULL;
    if (!sz || !out || (count && !articles) || (nreferences && !references))
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_summarize_oracle: NULL argument");
    if (nreferences == 0)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "the oracle needs reference summaries");
    return summarize_cluster(sz, articles, count, markup, references, nreferences, stem,
                             remove_stopwords, out, err);
}

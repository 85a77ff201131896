/*
 * quotes.c: which sentences a quotation ties together, and which quotes
 * name their speaker only by a pronoun.
 *
 * A reader cannot use half a quotation: "Every week we delay is a risk,"
 * said the mayor.  is fine, but  Every week we delay is a risk."  without
 * the sentence that opened the quote is a shard.  So each sentence records
 * whether it opens inside a quotation begun before it (SENT_QUOTE_IN) and
 * whether it ends inside one that goes on after it (SENT_QUOTE_OUT); the
 * selection takes such chains whole or not at all (select/units.c).
 *
 * Quotation marks are followed through an article's sentences:
 *
 *   - curly and guillemet marks say which way they go (“ „ « open, ” »
 *     close), and so does the DUC newswire's `` (open);
 *   - a straight " opens when no quotation is open and closes one that is,
 *     and so does DUC's '' (it closes, but some stories open with it too);
 *   - single quotes are left alone: ’ is far more often an apostrophe;
 *   - a paragraph starts outside any quotation, except that news style
 *     continues a quotation over a paragraph break by opening the next
 *     paragraph with a quote mark and leaving the previous one unclosed;
 *   - a quotation left open where neither a sentence nor such a paragraph
 *     follows is a stray mark (a typo, a lost closing quote), not a
 *     quotation: the sentences it would have chained stay free;
 *   - a sentence that opens with a closing mark while a quotation is open
 *     holds the previous sentence's closer, which tokenized text puts
 *     after the stop ("... scandal . " rhimes has ..."): the quotation
 *     ended with the previous sentence.
 *
 * Speakers: a quote closed by a pronoun attribution (`"...," he said.`,
 * `said she`) names nobody; it reads only after the sentence that named
 * the speaker, so it is marked dangling, like an opener "He said".
 */
#include "quotes.h"

#include <string.h>

#include "segment.h"
#include "text.h"

/* How a character at s[i] moves the quotation state: 1 opens, -1 closes,
 * 2 toggles (straight "), 0 nothing.  *size is its length in bytes. */
static int quote_mark_at(const char *s, size_t len, size_t i, size_t *size)
{
    unsigned char c = (unsigned char)s[i];
    *size = 1;
    if (c == '"')
        return 2;
    if (c == '`' && i + 1 < len && s[i + 1] == '`') {
        *size = 2;
        return 1;
    }
    if (c == '\'' && i + 1 < len && s[i + 1] == '\'') {
        /* DUC's closing pair, which some stories also use to open a quote
         * (''Every teacher ...''): it goes the way a straight quote does */
        *size = 2;
        return 2;
    }
    if (c == 0xE2 || c == 0xC2) {
        int32_t q = text_decode(s + i, len - i, size);
        if (q == 0x201C || q == 0x201E || q == 0x00AB)
            return 1;
        if (q == 0x201D || q == 0x00BB)
            return -1;
    }
    return 0;
}

/* The quotation state after the text, starting from `open`; *opened is
 * set when a quotation opens that is still open at the end. */
static int follow_quotes(const char *s, size_t len, int open, int *opened)
{
    *opened = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        int m = quote_mark_at(s, len, i, &n);
        if (m == 1 || (m == 2 && !open)) {
            open = 1;
            *opened = 1;
        } else if (m == -1 || m == 2) {
            open = 0;
            *opened = 0;
        }
        i += n ? n : 1;
    }
    return open;
}

static int starts_with_quote_mark(const char *s, size_t len)
{
    size_t n;
    int m = len ? quote_mark_at(s, len, 0, &n) : 0;
    return m == 1 || m == 2;
}

/* Length of a closing mark that opens the sentence and belongs to the one
 * before: "... scandal . " rhimes has ..." in tokenized text, where the
 * stop came before the closing quote.  A straight quote counts only when
 * followed by a space (else it opens a new quotation). */
static size_t leading_closer(const char *s, size_t len)
{
    size_t n;
    int m = len ? quote_mark_at(s, len, 0, &n) : 0;
    if (m == -1)
        return n;
    if (m == 2 && n < len && (s[n] == ' ' || s[n] == '\t' || s[n] == '\n'))
        return n;
    return 0;
}

/* Undoes the chain of a stray mark: sentences first..last of one article
 * were linked by a quotation that never closed. */
static void unchain(sentence *sents, size_t first, size_t last)
{
    for (size_t j = first; j <= last; j++) {
        if (j > first)
            sents[j].flags &= ~(unsigned)SENT_QUOTE_IN;
        sents[j].flags &= ~(unsigned)SENT_QUOTE_OUT;
    }
}

void quotes_mark_article(const char *text, sentence *sents, size_t n)
{
    int open = 0;          /* inside a quotation after the last sentence */
    size_t opened_at = 0;  /* the sentence that opened it */
    for (size_t i = 0; i < n; i++) {
        sentence *s = &sents[i];
        const char *t = text + s->start;
        size_t len = s->end - s->start;
        size_t skip = open ? leading_closer(t, len) : 0;
        if (skip) {
            /* the previous sentence's closing mark, cut off by the
             * segmentation of tokenized text: the quotation ended there */
            open = 0;
            t += skip;
            len -= skip;
        }
        if (open && (s->flags & SEG_PARAGRAPH_START)) {
            if (starts_with_quote_mark(t, len)) {
                /* the quotation goes on in this paragraph */
                sents[i - 1].flags |= SENT_QUOTE_OUT;
                s->flags |= SENT_QUOTE_IN;
            } else {
                unchain(sents, opened_at, i - 1);
            }
            open = 0;
        } else if (open) {
            sents[i - 1].flags |= SENT_QUOTE_OUT;
            s->flags |= SENT_QUOTE_IN;
        }
        int opened;
        open = follow_quotes(t, len, open, &opened);
        if (opened)
            opened_at = i;
    }
    if (open)
        unchain(sents, opened_at, n - 1);
}

/* ---- pronoun speakers ---------------------------------------------- */

static const char *const pronouns[] = {"he", "she", "they", NULL};
static const char *const speech_verbs[] = {
    "said", "says", "added", "adds", "told", "asked", "explained", "continued", "wrote",
    "noted", "recalled", "insisted", "replied", "argued", "stated", "declared", "warned",
    "conceded", "acknowledged", "admitted", "recalls", "explains", "notes", NULL};

static int word_in(const char *w, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == len && !memcmp(*list, w, len))
            return 1;
    return 0;
}

/* The next ASCII word at or after *i (lower-cased into buf), stopping at a
 * sentence stop; 0 when none. */
static size_t next_word(const char *s, size_t len, size_t *i, char *buf, size_t cap)
{
    size_t j = *i;
    while (j < len && !((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z'))) {
        if (s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == ';')
            return 0;
        j++;
    }
    size_t n = 0;
    while (j < len && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z'))) {
        if (n < cap)
            buf[n++] = (char)(s[j] | 0x20);
        j++;
    }
    *i = j;
    return n <= cap ? n : 0;
}

int quotes_pronoun_speaker(const char *s, size_t len, int starts_inside)
{
    /* after each closing mark: `," he said` or `," said she` */
    int open = starts_inside;
    for (size_t i = 0; i < len;) {
        size_t n;
        int m = quote_mark_at(s, len, i, &n);
        i += n ? n : 1;
        if (m == 1 || (m == 2 && !open)) {
            open = 1;
            continue;
        }
        if (!(m == -1 || m == 2))
            continue;
        open = 0;
        char a[16], b[16];
        size_t j = i;
        size_t la = next_word(s, len, &j, a, sizeof a);
        size_t lb = la ? next_word(s, len, &j, b, sizeof b) : 0;
        if (!la || !lb)
            continue;
        if ((word_in(a, la, pronouns) && word_in(b, lb, speech_verbs)) ||
            (word_in(a, la, speech_verbs) && word_in(b, lb, pronouns)))
            return 1;
    }
    return 0;
}

double quotes_share(const char *s, size_t len, int starts_inside)
{
    int open = starts_inside;
    size_t inside = 0, letters = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        int m = quote_mark_at(s, len, i, &n);
        if (m == 1 || (m == 2 && !open))
            open = 1;
        else if (m == -1 || m == 2)
            open = 0;
        else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                 (unsigned char)s[i] >= 0xC0) {
            letters++;
            inside += (size_t)open;
        }
        i += n ? n : 1;
    }
    return letters ? (double)inside / (double)letters : 0.0;
}

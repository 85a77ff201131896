/*
 * segment.c: sentence boundaries that hold on news text.
 *
 * A boundary candidate is a run of terminators (. ! ? …) followed by the
 * closers that belong to the sentence (closing quotes, brackets, DUC's ''),
 * then white space.  The candidate is rejected when the next word starts in
 * lower case, or when the word before the stop is an abbreviation:
 *
 *   - titles and fixed abbreviations never end a sentence (Mr., Gen., No. 2,
 *     e.g., Sept. 11, John F. Kennedy);
 *   - ambiguous ones (U.S., a.m., Inc., Jr., Calif.) end it only when the
 *     next word is a typical sentence opener ("... in the U.S. The army").
 *
 * Decimal points and dotted names (3.5%, pic.twitter.com) are not followed
 * by space and so are never candidates.  ASCII double quotes are paired by
 * parity inside the sentence, which also handles tokenized text where a
 * closing quote stands after a space ("... sales . " said the publisher").
 * Text without final punctuation (headlines, datelines on their own line,
 * a truncated last sentence) ends at the paragraph and is flagged.
 */
#include "segment.h"

#include <string.h>
#include <strings.h>

#include "text.h"

static int in_list(const char *word, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == len && !memcmp(*list, word, len))
            return 1;
    return 0;
}

/* Never sentence-final (compared in lower case, without the dot). */
static const char *const fixed_abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "rev", "st", "mt", "ft", "hon", "pres", "supt", "det",
    "insp", "cpl", "pvt", "brig", "gens", "sens", "reps", "messrs", "mmes", "atty",
    "vs", "v", "e.g", "i.e", "cf", "approx", "dept", "univ", "assn", "ave", "blvd",
    "sgts", "cmdrs", "lts", "reps", "fr", "msgr", "sr", "gen", "pfc", "spc", "rt", "no",
    "nos", "vol", "fig", "pp", "p", "art", "sec", "ch", "est", "ext", "op", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL};

/* Sentence-final only before a typical sentence opener. */
static const char *const ambiguous_abbrevs[] = {
    "inc", "corp", "co", "ltd", "jr", "bros", "etc", "llc", "plc", "calif", "ariz",
    "fla", "mass", "wash", "ill", "mich", "conn", "colo", "penn", "tenn", "tex", "va",
    "ga", "ala", "ark", "del", "ind", "kan", "ky", "la", "md", "minn", "miss", "mo",
    "mont", "neb", "nev", "okla", "ore", "pa", "wis", "wyo", "al", "ph.d", NULL};

static const char *const sentence_openers[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
    "their", "our", "this", "that", "these", "those", "there", "but", "and", "in", "on",
    "at", "as", "after", "before", "when", "while", "if", "for", "with", "by", "from",
    "to", "some", "many", "most", "one", "both", "all", "yet", "so", "still", "however",
    "meanwhile", "also", "officials", "police", "according", "what", "why", "how",
    "who", "under", "during", "since", "last", "on", "among", "despite", "now", "then",
    "earlier", "later", "more", "other", "such", "each", "no", "not", "my", "your", NULL};

static int is_terminator(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* Lower-cased copy of the word that ends at `end` (exclusive), without
 * leading quotes or brackets; returns its length (0 if none or too long). */
static size_t word_before(const char *text, size_t start, size_t end, char *buf, size_t cap)
{
    size_t b = end;
    while (b > start && !text_is_ascii_space((unsigned char)text[b - 1]))
        b--;
    while (b < end && (text[b] == '"' || text[b] == '(' || text[b] == '[' || text[b] == '\'' ||
                       text[b] == '`'))
        b++;
    /* curly opening quote */
    size_t n;
    int32_t open = b < end ? text_decode(text + b, end - b, &n) : 0;
    if (open == 0x201C || open == 0x2018)
        b += n;
    size_t len = end - b;
    if (len == 0 || len >= cap)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[b + i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[len] = '\0';
    return len;
}

static size_t word_at(const char *text, size_t pos, size_t end, char *buf, size_t cap)
{
    size_t e = pos;
    while (e < end && !text_is_ascii_space((unsigned char)text[e]) && text[e] != ',' &&
           text[e] != '.' && text[e] != ';' && text[e] != ':')
        e++;
    size_t len = e - pos;
    if (len == 0 || len >= cap)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[pos + i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[len] = '\0';
    return len;
}

static int push(arena *a, seg_list *out, const char *text, size_t start, size_t end)
{
    while (end > start && text_is_ascii_space((unsigned char)text[end - 1]))
        end--;
    if (end <= start)
        return 0;
    if (out->max && out->count >= out->max) {
        out->full = 1;
        return 0;
    }
    seg_sentence *items = arena_reserve(a, out->items, out->count, &out->cap, sizeof *items, 64);
    if (!items)
        return -1;
    out->items = items;
    unsigned flags = 0;
    /* Look at the last character that is not a closer: a sentence without
     * a stop (a headline, a fragment, "said:" introducing what follows) is
     * flagged. */
    size_t k = text_strip_closers(text + start, end - start);
    size_t n;
    if (k == 0 || !text_is_terminal(text_decode_last(text + start, k, &n)))
        flags |= SEG_NO_FINAL_PUNCT;
    out->items[out->count].start = start;
    out->items[out->count].end = end;
    out->items[out->count].flags = flags;
    out->count++;
    return 0;
}

static int split_paragraph(arena *a, const char *text, text_span para, seg_list *out);

/* Is the candidate stop at [stop, after_terminators) a real boundary, given
 * that the next sentence would start at `next`? */
static int is_boundary(const char *text, size_t sent_start, size_t stop, size_t run_len,
                       int32_t stop_char, size_t next, size_t end)
{
    size_t n;
    int32_t nc = text_decode(text + next, end - next, &n);
    if (text_is_lower(nc))
        return 0;
    if (stop_char != '.' || run_len != 1)
        return 1;
    char prev[32], following[32];
    size_t plen = word_before(text, sent_start, stop, prev, sizeof prev);
    if (plen == 0)
        return 1; /* tokenized text: " . " */
    if (plen == 1 && (text_is_upper((unsigned char)text[stop - 1]) ||
                      text_is_lower((unsigned char)text[stop - 1])))
        return 0; /* an initial: John F. Kennedy, lower-cased "loretta e. Lynch" */
    if (in_list(prev, plen, fixed_abbrevs))
        return 0;
    int dotted = memchr(prev, '.', plen) != NULL && plen <= 6;
    if (dotted || in_list(prev, plen, ambiguous_abbrevs)) {
        size_t flen = word_at(text, next, end, following, sizeof following);
        return flen > 0 && in_list(following, flen, sentence_openers);
    }
    return 1;
}

int segment_paragraph(arena *a, const char *text, text_span para, seg_list *out)
{
    size_t before = out->count;
    int rc = split_paragraph(a, text, para, out);
    if (rc == 0 && out->count > before)
        out->items[before].flags |= SEG_PARAGRAPH_START;
    if (rc == 0 && out->count == before + 1 && !out->full)
        out->items[before].flags |= SEG_WHOLE_PARAGRAPH;
    return rc;
}

static int split_paragraph(arena *a, const char *text, text_span para, seg_list *out)
{
    size_t end = para.end;
    size_t i = para.start;
    while (i < end && text_is_ascii_space((unsigned char)text[i]))
        i++;
    size_t sent_start = i;
    int quotes = 0; /* ASCII double quotes seen in this sentence */
    while (i < end) {
        size_t n;
        int32_t c = text_decode(text + i, end - i, &n);
        if (c == '"') {
            quotes++;
            i += n;
            continue;
        }
        if (!is_terminator(c)) {
            i += n;
            continue;
        }
        size_t stop = i;
        size_t run_len = 0;
        size_t j = i;
        while (j < end) {
            size_t m;
            int32_t d = text_decode(text + j, end - j, &m);
            if (!is_terminator(d))
                break;
            j += m;
            run_len++;
        }
        /* Closers that belong to this sentence. */
        size_t k = j;
        for (;;) {
            if (k >= end)
                break;
            size_t m;
            int32_t d = text_decode(text + k, end - k, &m);
            if (d == '"' && (quotes & 1)) {
                quotes++;
                k += m;
            } else if (d == 0x201D || d == 0x2019 || d == ')' || d == ']' || d == '\'') {
                k += m;
            } else if (d == ' ' && k + 2 < end && text[k + 1] == '"' && (quotes & 1) &&
                       (k + 2 == end || text_is_ascii_space((unsigned char)text[k + 2]))) {
                quotes++; /* tokenized closing quote: ' . " ' */
                k += 2;
            } else {
                break;
            }
        }
        if (k < end && !text_is_ascii_space((unsigned char)text[k]) && (unsigned char)text[k] != 0xC2) {
            i = j; /* 3.5, U.S.A, a dotted host name: not a stop */
            continue;
        }
        size_t next = k;
        while (next < end) {
            size_t m;
            int32_t d = text_decode(text + next, end - next, &m);
            if (!text_is_space(d))
                break;
            next += m;
        }
        if (next >= end)
            break;
        if (is_boundary(text, sent_start, stop, run_len, c, next, end)) {
            if (push(a, out, text, sent_start, k) < 0)
                return -1;
            if (out->full)
                return 0;
            sent_start = next;
            quotes = 0;
        }
        i = next;
    }
    if (sent_start < end && push(a, out, text, sent_start, end) < 0)
        return -1;
    return 0;
}

/* ---- datelines ------------------------------------------------------- */

static const char *const not_a_place[] = {
    "the", "a", "an", "but", "and", "or", "so", "he", "she", "it", "they", "we", "i", "this",
    "that", "in", "on", "at", "as", "if", "when", "while", "after", "before", "for", "with",
    "his", "her", "their", "its", "our", "one", "some", "many", "most", "all", NULL};

/* 1 when s[0, len) holds a word that a place or a source tag never has:
 * "It's quite a scientific expedition -- testing ..." is prose. */
static int holds_prose_word(const char *s, size_t len)
{
    static const char *const prose[] = {"a", "an", "the", "is", "was", "are", "it's", "quite",
                                        "very", NULL};
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i == start)
            break;
        for (const char *const *w = prose; *w; w++)
            if (strlen(*w) == i - start && !strncasecmp(*w, s + start, i - start))
                return 1;
    }
    return 0;
}

/* A dash standing alone: " - ", " -- ", " — ", " – ", " _ "; its length. */
static size_t dash_at(const char *s, size_t len)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '_') && s[1] == ' ')
        return 1;
    if (len >= 3 && s[0] == '-' && s[1] == '-' && s[2] == ' ')
        return 2;
    size_t n;
    int32_t c = len > 0 ? text_decode(s, len, &n) : 0;
    if ((c == 0x2014 || c == 0x2013) && n < len && s[n] == ' ')
        return n; /* an em or en dash */
    return 0;
}

int segment_text_is_cased(const char *text, size_t len)
{
    /* capitals inside sentences: "... said Mayor Ana Lindqvist" */
    size_t n = 0, end = len < 4096 ? len : 4096;
    for (size_t i = 2; i < end && n < 3; i++)
        if (text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] == ' ' && text[i - 2] >= 'a' &&
            text[i - 2] <= 'z')
            n++;
    return n >= 3;
}

/* In cased text a place is capitalized: "Greenhouse gas emissions - blamed
 * for ..." is prose.  Words inside brackets (the agency) are not checked. */
static int prefix_capitalized(const char *s, size_t len)
{
    int depth = 0, word_start = 1;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '(')
            depth++;
        else if (c == ')' && depth)
            depth--;
        if (c == ' ' || c == ',' || c == '(' || c == ')') {
            word_start = 1;
            continue;
        }
        if (word_start && !depth && c >= 'a' && c <= 'z')
            return 0;
        word_start = 0;
    }
    return 1;
}

size_t segment_dateline_cased(const char *s, size_t len, int cased)
{
    size_t n = segment_dateline(s, len);
    if (n && cased && s[0] != '(' && !prefix_capitalized(s, n))
        return 0;
    return n;
}

size_t segment_dateline_strict(const char *s, size_t len)
{
    size_t n = segment_dateline_cased(s, len, 1);
    if (!n)
        return 0;
    size_t caps = 0, i = 0;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        caps++, i++;
    int word_ends = i == n || s[i] == ' ' || s[i] == ',';
    return (caps >= 2 && word_ends) || memchr(s, '(', n) ? n : 0;
}

size_t segment_dateline(const char *s, size_t len)
{
    /* "( cnn ) ..." / "(CNN) ...": a source tag alone */
    size_t i = 0;
    if (len > 4 && s[0] == '(') {
        const char *close = memchr(s, ')', len < 40 ? len : 40);
        if (close) {
            i = (size_t)(close - s) + 1;
            while (i < len && s[i] == ' ')
                i++;
            size_t d = dash_at(s + i, len - i);
            if (d) {
                i += d;
                while (i < len && s[i] == ' ')
                    i++;
            }
            return i < len ? i : 0;
        }
    }
    /* "BEIRUT — ", "Ann arbor, mi - ", "Washington ( ap ) — ": a few words
     * and an optional source tag before a dash, at most 60 bytes */
    size_t words = 0;
    int in_word = 0;
    char first[16];
    size_t flen = 0;
    for (i = 0; i < len && i < 60; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            size_t d = dash_at(s + i + 1, len - i - 1);
            if (d && words >= 1) {
                first[flen] = '\0';
                for (const char *const *w = not_a_place; *w; w++)
                    if (!strcmp(*w, first))
                        return 0;
                if (holds_prose_word(s, i))
                    return 0;
                i += 1 + d;
                while (i < len && s[i] == ' ')
                    i++;
                return i < len ? i : 0;
            }
            in_word = 0;
            continue;
        }
        if (c == ':' || c == ';' || c == '"' || c == '?' || c == '!')
            return 0;
        if (!in_word) {
            words++;
            in_word = 1;
            if (words > 5)
                return 0;
        }
        if (words == 1 && flen + 1 < sizeof first)
            first[flen++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return 0;
}


/*
 * rouge_porter.c: the Porter stemmer exactly as ROUGE-1.5.5 runs it.
 *
 * ROUGE-1.5.5.pl carries Martin Porter's regular-expression version of the
 * 1980 algorithm, and its results depend on how those expressions define
 * consonants and vowels, which is not quite the paper's definition:
 *
 *   c = [^aeiou]   v = [aeiouy]   C = c[^aeiouy]*   V = v[aeiou]*
 *   m>0:  ^C?VC      m=1:  ^C?VC V?$      m>1:  ^C?VCVC      vowel: ^C?v
 *   *o (cvc):  ^C v [^aeiouwxy]$
 *
 * (an initial 'y' is upper-cased first so that it counts as a consonant).
 * Rather than re-deriving the measure m, this file evaluates those patterns
 * with a tiny backtracking matcher over the units C, V and v, so the
 * stemmer agrees with the Perl one on every input, digits and odd 'y's
 * included.  The units' character classes are disjoint where one unit ends
 * and the next begins, so backtracking is shallow: matching is linear in
 * practice.
 *
 * The steps follow the paper (1a, 1b, 1c, 2, 3, 4, 5a, 5b) with ROUGE's
 * changes: step 2 maps `bli` -> `ble` and `logi` -> `log` (Porter's own
 * later revisions), and step 4 is ROUGE's "CYL 02/14/2004" rewrite: first
 * the longest of `al ance ence er ic able ible ant ement ou ism ate iti ous
 * ive ize` is removed when m>1, then `ment` is tried on the result, then
 * `ent` (or, failing that suffix, `sion`/`tion` -> `s`/`t`) on that result.
 * So `settlement` gives `settlem` and `sentimental` gives `sentim`.
 *
 * Suffix rules are alternations anchored at the end of the word; a regex
 * engine takes the leftmost match, which is the longest listed suffix that
 * the word ends with, and when its condition fails no shorter suffix is
 * tried.  ends_longest() does the same.
 */
#include "rouge.h"

#include <stdbool.h>
#include <string.h>

/* ---- character classes ------------------------------------------------ */

static bool in_aeiou(char ch)
{
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

static bool in_aeiouy(char ch)
{
    return in_aeiou(ch) || ch == 'y';
}

static bool in_set(const char *set, char ch)
{
    return memchr(set, ch, strlen(set)) != NULL;
}

/* ---- pattern matcher -------------------------------------------------- */

enum unit {
    U_C,     /* [^aeiou][^aeiouy]*   consonant sequence */
    U_C_OPT, /* (C)?                                    */
    U_V,     /* [aeiouy][aeiou]*     vowel sequence     */
    U_V_OPT, /* (V)?                                    */
    U_VOWEL, /* [aeiouy]             one vowel          */
    U_LAST   /* [^aeiouwxy]          the last of *o     */
};

/* Whether units pat[0..n) match w[pos..) (up to the end when `anchored`). */
static bool match(const char *w, size_t len, size_t pos, const unsigned char *pat,
                  size_t n, bool anchored)
{
    if (n == 0)
        return !anchored || pos == len;
    switch (pat[0]) {
    case U_C_OPT: /* absent, else present */
        if (match(w, len, pos, pat + 1, n - 1, anchored))
            return true;
        /* fall through */
    case U_C: {
        if (pos >= len || in_aeiou(w[pos]))
            return false;
        size_t end = pos + 1;
        while (end < len && !in_aeiouy(w[end]))
            end++;
        for (size_t e = end; e > pos; e--)
            if (match(w, len, e, pat + 1, n - 1, anchored))
                return true;
        return false;
    }
    case U_V_OPT:
        if (match(w, len, pos, pat + 1, n - 1, anchored))
            return true;
        /* fall through */
    case U_V: {
        if (pos >= len || !in_aeiouy(w[pos]))
            return false;
        size_t end = pos + 1;
        while (end < len && in_aeiou(w[end]))
            end++;
        for (size_t e = end; e > pos; e--)
            if (match(w, len, e, pat + 1, n - 1, anchored))
                return true;
        return false;
    }
    case U_VOWEL:
        return pos < len && in_aeiouy(w[pos]) && match(w, len, pos + 1, pat + 1, n - 1, anchored);
    case U_LAST:
        return pos < len && !in_set("aeiouwxy", w[pos]) &&
               match(w, len, pos + 1, pat + 1, n - 1, anchored);
    }
    return false;
}

static const unsigned char pat_mgr0[] = {U_C_OPT, U_V, U_C};
static const unsigned char pat_meq1[] = {U_C_OPT, U_V, U_C, U_V_OPT};
static const unsigned char pat_mgr1[] = {U_C_OPT, U_V, U_C, U_V, U_C};
static const unsigned char pat_vowel[] = {U_C_OPT, U_VOWEL};
static const unsigned char pat_cvc[] = {U_C, U_VOWEL, U_LAST};

#define MATCH(w, len, pat, anchored) match((w), (len), 0, (pat), sizeof(pat), (anchored))

static bool m_gt0(const char *w, size_t len) { return MATCH(w, len, pat_mgr0, false); }
static bool m_eq1(const char *w, size_t len) { return MATCH(w, len, pat_meq1, true); }
static bool m_gt1(const char *w, size_t len) { return MATCH(w, len, pat_mgr1, false); }
static bool has_vowel(const char *w, size_t len) { return MATCH(w, len, pat_vowel, false); }
static bool is_cvc(const char *w, size_t len) { return MATCH(w, len, pat_cvc, true); }

/* ---- suffixes --------------------------------------------------------- */

static bool ends(const char *w, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return n <= len && memcmp(w + len - n, suffix, n) == 0;
}

typedef struct rule {
    const char *suffix;
    const char *replacement;
} rule;

/* The longest rule whose suffix ends the word, or NULL. */
static const rule *ends_longest(const char *w, size_t len, const rule *rules, size_t n)
{
    const rule *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (ends(w, len, rules[i].suffix) &&
            (!best || strlen(rules[i].suffix) > strlen(best->suffix)))
            best = &rules[i];
    return best;
}

/* Replaces the rule's suffix when the remaining stem satisfies `cond`. */
static size_t apply(char *w, size_t len, const rule *r, bool (*cond)(const char *, size_t))
{
    size_t stem = len - strlen(r->suffix);
    if (!cond(w, stem))
        return len;
    size_t n = strlen(r->replacement);
    memcpy(w + stem, r->replacement, n);
    return stem + n;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const rule step2_rules[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},  {"anci", "ance"},
    {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},    {"entli", "ent"},
    {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
    {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},  {"biliti", "ble"},
    {"logi", "log"},
};

static const rule step3_rules[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},
};

static const rule step4_rules[] = {
    {"al", ""},  {"ance", ""}, {"ence", ""}, {"er", ""},  {"ic", ""},   {"able", ""},
    {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""}, {"ism", ""},  {"ate", ""},
    {"iti", ""}, {"ous", ""},  {"ive", ""},  {"ize", ""},
};

/* ---- the steps -------------------------------------------------------- */

static size_t step1ab(char *w, size_t len)
{
    /* 1a: sses -> ss, ies -> i, s -> "" (but not after another s) */
    if (ends(w, len, "sses") || ends(w, len, "ies"))
        len -= 2;
    else if (len >= 2 && w[len - 1] == 's' && w[len - 2] != 's')
        len -= 1;

    /* 1b */
    if (ends(w, len, "eed")) {
        if (m_gt0(w, len - 3))
            len -= 1;
        return len;
    }
    size_t stem = len;
    if (ends(w, len, "ed"))
        stem = len - 2;
    else if (ends(w, len, "ing"))
        stem = len - 3;
    if (stem == len || !has_vowel(w, stem))
        return len;
    len = stem;
    if (ends(w, len, "at") || ends(w, len, "bl") || ends(w, len, "iz")) {
        w[len++] = 'e';
    } else if (len >= 2 && w[len - 1] == w[len - 2] && !in_set("aeiouylsz", w[len - 1])) {
        len -= 1;
    } else if (is_cvc(w, len)) {
        w[len++] = 'e';
    }
    return len;
}

static size_t step1c(char *w, size_t len)
{
    if (len >= 1 && w[len - 1] == 'y' && has_vowel(w, len - 1))
        w[len - 1] = 'i';
    return len;
}

static size_t step4(char *w, size_t len)
{
    const rule *r = ends_longest(w, len, step4_rules, COUNT(step4_rules));
    if (r)
        len = apply(w, len, r, m_gt1);
    if (ends(w, len, "ment") && m_gt1(w, len - 4))
        len -= 4;
    if (ends(w, len, "ent")) {
        if (m_gt1(w, len - 3))
            len -= 3;
    } else if (ends(w, len, "sion") || ends(w, len, "tion")) {
        if (m_gt1(w, len - 3))
            len -= 3;
    }
    return len;
}

static size_t step5(char *w, size_t len)
{
    if (ends(w, len, "e")) {
        size_t stem = len - 1;
        if (m_gt1(w, stem) || (m_eq1(w, stem) && !is_cvc(w, stem)))
            len = stem;
    }
    if (ends(w, len, "ll") && m_gt1(w, len))
        len -= 1;
    return len;
}

size_t rouge_porter_stem(char *w, size_t len)
{
    if (len < 3)
        return len;
    /* An initial y is a consonant: 'Y' is outside both vowel classes. */
    bool initial_y = w[0] == 'y';
    if (initial_y)
        w[0] = 'Y';

    len = step1ab(w, len);
    len = step1c(w, len);
    const rule *r = ends_longest(w, len, step2_rules, COUNT(step2_rules));
    if (r)
        len = apply(w, len, r, m_gt0);
    r = ends_longest(w, len, step3_rules, COUNT(step3_rules));
    if (r)
        len = apply(w, len, r, m_gt0);
    len = step4(w, len);
    len = step5(w, len);

    if (initial_y)
        w[0] = 'y';
    return len;
}

/*
 * clean.c: from scraped page text to article paragraphs.
 *
 * News pages mix the article with captions, photo credits, embedded tweets,
 * "Related Articles" lists, cross links and share buttons.  A summarizer that
 * keeps them picks them: captions restate the story in few words and score
 * high.  Clean-up works in three passes, all on spans of the original bytes:
 *
 *   1. regions: the whole text, or for SGML only the <TEXT> elements;
 *   2. paragraphs: hard-wrapped newswire (most lines end mid-sentence) is
 *      joined at indentation and blank lines, other text has one paragraph
 *      per line;
 *   3. verdicts: each short paragraph is matched against the markers of
 *      junk (clean_paragraph_kind); a little context is kept so that the
 *      headlines under "Related Articles" and the fragment lines around a
 *      tweet go with them.
 *
 * Long paragraphs are never dropped whole (a Multi-News article is a single
 * line); their sentences get a second, sentence-level verdict from the
 * summarizer through clean_sentence_kind.
 */
#include "clean.h"

#include <stdint.h>
#include <string.h>

#include "text.h"

/* Paragraphs longer than this many words are prose even if they mention a
 * photo or a tweet. */
#define JUNK_PARAGRAPH_MAX_WORDS 80
/* A headline under "Related Articles" is short and unpunctuated. */
#define HEADLINE_MAX_WORDS 20

static unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Case-insensitive (ASCII) search of needle in s[0..len). */
static const char *find_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || n > len)
        return NULL;
    unsigned char first = ascii_lower((unsigned char)needle[0]);
    for (size_t i = 0; i + n <= len; i++) {
        if (ascii_lower((unsigned char)s[i]) != first)
            continue;
        size_t k = 1;
        while (k < n && ascii_lower((unsigned char)s[i + k]) == (unsigned char)needle[k])
            k++;
        if (k == n)
            return s + i;
    }
    return NULL;
}

/* The verdicts below read a lower-cased copy of the text, so that each
 * marker is one memmem (glibc's is vectorised) instead of a byte loop. */
#define VERDICT_MAX_BYTES 4096

static size_t lower_copy(const char *s, size_t len, char *out)
{
    if (len > VERDICT_MAX_BYTES)
        len = VERDICT_MAX_BYTES;
    for (size_t i = 0; i < len; i++)
        out[i] = (char)ascii_lower((unsigned char)s[i]);
    return len;
}

static const char *find_lc(const char *lower, size_t len, const char *needle)
{
    return memmem(lower, len, needle, strlen(needle));
}

/*
 * Which pairs of consecutive bytes a lower-cased text holds, hashed into
 * 4,096 bits.  A sentence is checked against some 150 markers; most of them
 * cannot be in it, and a marker whose first, middle or last pair is absent
 * is skipped without a search (a third of the time of a summary went to
 * those searches).  The filter only ever says "absent" for a pair the text
 * does not hold, so every marker that is there is still searched and found:
 * the verdicts are the same, only faster.
 */
typedef struct pair_filter {
    uint64_t bits[64];
} pair_filter;

static unsigned pair_bit(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 131u + b) & 4095u;
}

static void pair_filter_build(pair_filter *f, const char *s, size_t len)
{
    memset(f->bits, 0, sizeof f->bits);
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned bit = pair_bit((unsigned char)s[i], (unsigned char)s[i + 1]);
        f->bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
    }
}

static int pair_present(const pair_filter *f, const char *p)
{
    unsigned bit = pair_bit((unsigned char)p[0], (unsigned char)p[1]);
    return (f->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* 0 when the needle cannot be in the filtered text, 1 when it may be. */
static int pair_filter_may_hold(const pair_filter *f, const char *needle, size_t n)
{
    if (!f || n < 2)
        return 1;
    return pair_present(f, needle) && pair_present(f, needle + n - 2) &&
           pair_present(f, needle + (n - 2) / 2);
}

/* 1 when lower[0, len) holds one of the needles; f (may be NULL) is the pair
 * filter of a text that holds lower[0, len). */
static int contains_any(const char *lower, size_t len, const char *const *needles,
                        const pair_filter *f)
{
    for (; *needles; needles++) {
        size_t n = strlen(*needles);
        if (n <= len && pair_filter_may_hold(f, *needles, n) &&
            memmem(lower, len, *needles, n))
            return 1;
    }
    return 0;
}

static int starts_with_lc(const char *lower, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return n <= len && !memcmp(lower, prefix, n);
}

static void trim(const char *s, size_t *start, size_t *end)
{
    while (*start < *end) {
        size_t n;
        int32_t c = text_decode(s + *start, *end - *start, &n);
        if (!text_is_space(c))
            break;
        *start += n;
    }
    while (*end > *start) {
        size_t n;
        int32_t c = text_decode_last(s + *start, *end - *start, &n);
        if (!(c < 0x80 ? text_is_ascii_space((unsigned char)c) : c == 0xA0))
            break;
        *end -= n;
    }
}

/* Words (white-space separated) in s, counting no further than limit. */
static size_t count_words(const char *s, size_t len, size_t limit)
{
    size_t words = 0;
    int in_word = 0;
    for (size_t i = 0; i < len && words <= limit; i++) {
        unsigned char c = (unsigned char)s[i];
        int space = text_is_ascii_space(c);
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* Does the text end a sentence (a stop before its closing quotes)? */
static int ends_with_terminal(const char *s, size_t len)
{
    len = text_strip_closers(s, len);
    size_t n;
    return len > 0 && text_is_terminal(text_decode_last(s, len, &n));
}

static const char *const social_markers[] = {
    "pic.twitter.com", "twitter.com/", "instagram.com/p/", "a post shared by",
    "t.co/", "facebook.com/", NULL};

static const char *const caption_markers[] = {
    "(ap photo", "ap photo/", "photos / ap", "photo / ap", "image copyright",
    "image caption", "getty images", "(photo by", "photo credit", "photograph:",
    "/ reuters)", "reuters/", "(reuters photo", "afp photo", "(afp", "photo:",
    "file photo", "photo provided by", "(photo:", "/ afp", "epa/", "(epa",
    "caption:", "hide caption", "toggle caption", NULL};

static const char *const contributor_markers[] = {
    "contributed to this report", "contributed reporting", "contributed to this story",
    "reporting by ", "editing by ", "writing by ", "additional reporting", NULL};

/* Site chrome: these phrases mark a short line as page furniture. */
static const char *const chrome_markers[] = {
    "share this", "all rights reserved", "click here", "terms of use", "privacy policy",
    "enable javascript", "sign up for", "subscribe to", "follow us on", "skip to",
    "this material may not be published", "close video", "watch video", "share on facebook",
    "email this", "print this", "click to", "copyright ©", "(c) copyright",
    /* a wire's release advisory: "NEW YORK -- Oct. 20, 1999 -- ADV. FOR SUN." */
    " -- adv.", "adv. for ", NULL};

/* Weaker markers, trusted only on very short lines ("Advertisement"). */
static const char *const short_chrome_markers[] = {
    "advertisement", "subscribe", "newsletter", "comments", "sponsored", "log in",
    "read more", "cookie", "share", "tweet", "email", "print", "loading", NULL};

static const char *const related_headings[] = {
    "related articles", "related stories", "related", "related coverage", "related content",
    "read more", "more from", "recommended", "you may also like", "most read",
    "trending", "more stories", "related links", "see also", "more on this", "popular",
    "read next", "what to read next", NULL};

/* Notices about the page rather than the story: update notes, crawl and
 * archive notices, follow plugs, tweet-embed text.  Trusted in sentences of
 * up to NOTICE_MAX_WORDS words (a crawl notice is a long sentence). */
#define NOTICE_MAX_WORDS 40
static const char *const notice_markers[] = {
    "these crawls are part of", "donating their crawl data", "crawl data to the internet archive",
    "this story has been updated", "this article has been updated", "this post has been updated",
    "this story was updated", "this article was updated", "editor's note:",
    "editor\xe2\x80\x99s note:", "as an interest to stay up to date", "tweet with a location",
    "add location information to your tweets", "you can add location information",
    "delete your tweet location history", "added to the wayback machine",
    /* more notices of the web archive and of site plugins, each the whole
     * text of many "articles" in the Multi-News crawl */
    "focused crawls are collections", "the seed for this crawl was", "the seed for wide0",
    "this is a set of web collections curated", "this will appear next to all of your comments",
    "the interactive transcript could not be loaded", "this copy is for your personal, non-commercial use",
    NULL};

/* Notices recognised by how they open: "Update: ...", "Correction: ...". */
static const char *const notice_prefixes[] = {
    "update:", "updated:", "update (", "correction:", NULL};

/* Cross links inside the body, in brackets that close the sentence:
 * "(See the 10 best ...)", "(Read more: ...)". */
static const char *const bracket_link_prefixes[] = {
    "(see ", "(read more", "(read: ", "(related:", "(watch:", NULL};

/* Figure captions: "Fig. 3: ...", "Figure 2: ...". */
static const char *const figure_prefixes[] = {"fig. ", "figure ", NULL};

/* The prefix of `prefixes` that s starts with, or NULL. */
static const char *starts_with_any(const char *lower, size_t len, const char *const *prefixes)
{
    for (; *prefixes; prefixes++)
        if (starts_with_lc(lower, len, *prefixes))
            return *prefixes;
    return NULL;
}

/* "1 of 12", "3 of 20": a gallery counter on its own. */
static int is_gallery_counter(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || len - i < 5 || memcmp(s + i, " of ", 4))
        return 0;
    size_t j = i + 4;
    if (j >= len)
        return 0;
    while (j < len && s[j] >= '0' && s[j] <= '9')
        j++;
    return j == len && s[len - 1] >= '0' && s[len - 1] <= '9';
}

/* A page notice: update notes, archive notices, follow plugs, in-body cross
 * links in brackets, gallery counters and figure captions. */
static int is_page_notice(const char *lower, size_t len, size_t words, const pair_filter *f)
{
    if (words <= NOTICE_MAX_WORDS && contains_any(lower, len, notice_markers, f))
        return 1;
    if (starts_with_any(lower, len, notice_prefixes))
        return 1;
    if (starts_with_any(lower, len, bracket_link_prefixes)) /* the bracket ends it */
        return lower[len - 1 - (len > 1 && lower[len - 1] == '.')] == ')';
    const char *fig = starts_with_any(lower, len, figure_prefixes);
    if (fig) /* a number, then a colon soon after */
        return len > strlen(fig) && lower[strlen(fig)] >= '0' && lower[strlen(fig)] <= '9' &&
               memchr(lower, ':', len < 16 ? len : 16) != NULL;
    return is_gallery_counter(lower, len);
}

static const char *const link_prefixes[] = {
    "see ", "read ", "watch ", "related:", "listen:", "more:", "click ", "also:",
    "read more", "watch:", NULL};

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", NULL};

/* "— Name (@handle) June 25, 2018": the signature line of an embedded tweet. */
static int looks_like_tweet_signature(const char *s, size_t len)
{
    const char *at = find_lc(s, len, "(@");
    if (!at)
        return 0;
    const char *rest = at + 2;
    size_t rest_len = len - (size_t)(rest - s);
    const char *close = memchr(rest, ')', rest_len);
    if (!close)
        return 0;
    size_t after = rest_len - (size_t)(close + 1 - rest);
    return contains_any(close + 1, after, months, NULL);
}

static size_t count_hashtags(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == ',') &&
            ((s[i + 1] >= 'A' && s[i + 1] <= 'Z') || (s[i + 1] >= 'a' && s[i + 1] <= 'z')))
            n++;
    return n;
}

/* "... in Daraa. (Nabaa)" or "... June 20, 2018 [Anadolu]": a caption with
 * its credit in brackets at the very end. */
static int ends_with_bracket_credit(const char *s, size_t len)
{
    if (len < 4)
        return 0;
    char close = s[len - 1];
    char open = close == ')' ? '(' : close == ']' ? '[' : 0;
    if (!open)
        return 0;
    size_t i = len - 1;
    while (i > 0 && s[i - 1] != open && len - i < 40)
        i--;
    if (i == 0 || s[i - 1] != open)
        return 0;
    size_t inner_words = count_words(s + i, len - 1 - i, 5);
    if (inner_words == 0 || inner_words > 3)
        return 0;
    /* The credit stands after the caption's own end, or after a date. */
    size_t before = i - 1;
    while (before > 0 && s[before - 1] == ' ')
        before--;
    if (close == ']')
        return 1;
    return before > 0 && (s[before - 1] == '.' || (s[before - 1] >= '0' && s[before - 1] <= '9'));
}

static int is_related_heading(const char *s, size_t len)
{
    /* Strip a trailing colon: "Related:" */
    while (len > 0 && (s[len - 1] == ':' || s[len - 1] == ' '))
        len--;
    for (const char *const *h = related_headings; *h; h++)
        if (strlen(*h) == len && starts_with_lc(s, len, *h))
            return 1;
    return 0;
}

/* 1 when a word of four letters or more ends in "ed": a caption is in the
 * present tense ("drops", "carry"), a report of the past is not. */
static int has_past_tense(const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        int letter = i < len && s[i] >= 'a' && s[i] <= 'z';
        if (letter)
            continue;
        if (i - start >= 4 && s[i - 2] == 'e' && s[i - 1] == 'd')
            return 1;
        start = i + 1;
    }
    return 0;
}

/* "A helicopter drops water on the fire near Portville, Ore., on Aug. 11,
 * 2025.": a photo caption, which ends on the picture's full date and is in
 * the present tense.  News prose that ends on a date with its year ("The
 * law takes effect on Jan. 1, 2026.", "The gauge recorded ... on Aug. 11,
 * 2025.") says something will, would or did happen: such verbs keep it. */
static int is_dated_caption(const char *s, size_t len)
{
    static const char *const caption_months[] = {
        " jan. ", " feb. ", " aug. ", " sept. ", " sep. ", " oct. ", " nov. ", " dec. ",
        " january ", " february ", " march ", " april ", " may ", " june ", " july ",
        " august ", " september ", " october ", " november ", " december ", NULL};
    static const char *const tellers[] = {
        " said", " says", " will ", " would ", " takes effect", " took ", " was ", " were ",
        " had ", " has ", " have ", NULL};
    /* ", 2025." at the end: a comma, four digits, a stop */
    if (len < 24 || s[len - 1] != '.' || s[len - 7] != ',' || s[len - 6] != ' ')
        return 0;
    for (size_t i = len - 5; i < len - 1; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    /* the month and day just before: " on aug. 11, 2025." */
    size_t from = len > 30 ? len - 30 : 0;
    int month = 0;
    for (const char *const *m = caption_months; *m && !month; m++) {
        size_t ml = strlen(*m);
        for (size_t i = from; i + ml <= len - 7 && !month; i++)
            month = !memcmp(s + i, *m, ml);
    }
    return month && !contains_any(s, len, tellers, NULL) && !has_past_tense(s, len);
}

static junk_kind sentence_kind_lower(const char *s, size_t len)
{
    pair_filter filter;
    pair_filter_build(&filter, s, len);
    const pair_filter *f = &filter;
    if (contains_any(s, len, social_markers, f) || looks_like_tweet_signature(s, len) ||
        count_hashtags(s, len) >= 2)
        return JUNK_SOCIAL;
    if (contains_any(s, len, caption_markers, f) || ends_with_bracket_credit(s, len) ||
        is_dated_caption(s, len))
        return JUNK_CAPTION;
    if (contains_any(s, len, contributor_markers, f))
        return JUNK_CONTRIBUTOR;
    size_t words = count_words(s, len, 16);
    if (words <= 15 && contains_any(s, len, chrome_markers, f))
        return JUNK_CHROME;
    if (words <= 4 && contains_any(s, len, short_chrome_markers, f))
        return JUNK_CHROME;
    /* "Copyright 2025 Pacific Slope Herald." */
    if (words <= 10 && (starts_with_lc(s, len, "copyright ") || starts_with_lc(s, len, "© ")))
        return JUNK_CHROME;
    if (is_page_notice(s, len, count_words(s, len, NOTICE_MAX_WORDS + 1), f))
        return JUNK_CHROME;
    if (words <= 25 && len > 4 && contains_any(s, len < 12 ? len : 12, link_prefixes, f) &&
        memchr(s, ':', len < 60 ? len : 60) && !ends_with_terminal(s, len))
        return JUNK_LINK;
    if (is_related_heading(s, len))
        return JUNK_RELATED;
    return JUNK_NONE;
}

/* "CLOSE Watch the moment ...": the caption of an embedded video player,
 * which opens with the player's CLOSE button in capitals ("Close to 100
 * people" is prose, hence the case). */
static int is_video_blurb(const char *s, size_t len)
{
    return len > 6 && !memcmp(s, "CLOSE ", 6);
}

/* "POL-TICKER _ A brief roundup ...", "CUBA-ELIAN _ MIAMI _ As both ...":
 * a wire digest's story slug (capitals, digits and hyphens, one of them at
 * least) before the wire's underscore dash: an item of the day's budget, not
 * a story. */
static int is_budget_slug(const char *s, size_t len)
{
    size_t i = 0;
    int hyphen = 0;
    while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
                       s[i] == '-')) {
        hyphen |= s[i] == '-';
        i++;
    }
    return i >= 4 && hyphen && i + 3 <= len && !memcmp(s + i, " _ ", 3);
}

junk_kind clean_sentence_kind(const char *s, size_t len)
{
    if (is_video_blurb(s, len) || is_budget_slug(s, len))
        return JUNK_CHROME;
    char lower[VERDICT_MAX_BYTES];
    len = lower_copy(s, len, lower);
    return sentence_kind_lower(lower, len);
}

/* "Residents load horses into trailers ... Photo by Rosa Lindgren": a
 * paragraph that ends on a credit of a few words without a stop is a
 * caption, its description included (lower-cased text). */
static int ends_with_photo_credit(const char *lower, size_t len)
{
    static const char *const credits[] = {"photo by ", "photo: ", "photograph by ",
                                          "photos by ", "image: ", NULL};
    while (len && (lower[len - 1] == ' ' || lower[len - 1] == '\n'))
        len--;
    if (!len || ends_with_terminal(lower, len))
        return 0;
    size_t from = len > 60 ? len - 60 : 0;
    for (size_t i = from; i < len; i++) {
        if (i > 0 && lower[i - 1] != ' ')
            continue;
        for (const char *const *c = credits; *c; c++)
            if (starts_with_lc(lower + i, len - i, *c) && count_words(lower + i, len - i, 9) <= 8)
                return 1;
    }
    return 0;
}

junk_kind clean_paragraph_kind(const char *s, size_t len)
{
    if (count_words(s, len, JUNK_PARAGRAPH_MAX_WORDS) > JUNK_PARAGRAPH_MAX_WORDS)
        return JUNK_NONE;
    if (is_video_blurb(s, len) || is_budget_slug(s, len))
        return JUNK_CHROME;
    char lower[VERDICT_MAX_BYTES];
    len = lower_copy(s, len, lower);
    for (const char *const *p = link_prefixes; *p; p++) {
        /* "See Syria Daily: Claims — ..." */
        if (starts_with_lc(lower, len, *p) && memchr(lower, ':', len < 80 ? len : 80) &&
            !ends_with_terminal(lower, len))
            return JUNK_LINK;
    }
    if (ends_with_photo_credit(lower, len))
        return JUNK_CAPTION;
    return sentence_kind_lower(lower, len);
}

/* ---- regions and paragraphs ------------------------------------------ */

static int span_push(arena *a, span_list *l, size_t start, size_t end)
{
    text_span *items = arena_reserve(a, l->items, l->count, &l->cap, sizeof *items, 32);
    if (!items)
        return -1;
    l->items = items;
    l->items[l->count].start = start;
    l->items[l->count].end = end;
    l->count++;
    return 0;
}

static const char *find_tag(const char *s, size_t len, const char *tag)
{
    return find_ci(s, len, tag);
}

/* The paragraphs kept so far, and the verdict context that runs across
 * them (a "Related Articles" heading, an embedded tweet). */
typedef struct cleaner {
    arena *a;
    const char *text;
    span_list *kept;
    size_t max_kept;
    size_t dropped;
    int in_related, after_social;
    int full; /* max_kept paragraphs kept: the rest of the text is not read */
} cleaner;

/* Gives one paragraph its verdict, in context, and keeps it if it is prose. */
static int paragraph_found(cleaner *cl, size_t start, size_t end)
{
    const char *p = cl->text + start;
    size_t plen = end - start;
    junk_kind kind = clean_paragraph_kind(p, plen);
    int headline = !ends_with_terminal(p, plen) &&
                   count_words(p, plen, HEADLINE_MAX_WORDS) <= HEADLINE_MAX_WORDS;
    if (kind == JUNK_NONE && headline && (cl->in_related || cl->after_social))
        kind = cl->in_related ? JUNK_RELATED : JUNK_SOCIAL;
    cl->in_related = kind == JUNK_RELATED || (cl->in_related && kind != JUNK_NONE);
    cl->after_social = kind == JUNK_SOCIAL;
    if (kind != JUNK_NONE) {
        cl->dropped++;
        return 0;
    }
    if (span_push(cl->a, cl->kept, start, end) < 0)
        return -1;
    cl->full = cl->kept->count >= cl->max_kept;
    return 0;
}

typedef struct line_info {
    size_t start, end; /* trimmed */
    int indented;
    int blank;
} line_info;

/* A line holding only markup such as <P> or </P> separates paragraphs. */
static int is_markup_line(const char *s, size_t len)
{
    return len >= 3 && s[0] == '<' && s[len - 1] == '>' && !memchr(s + 1, '<', len - 2);
}

/* Reads the line at *pos (< end) into *l and moves *pos past it. */
static void next_line(const char *text, size_t end, size_t *pos, line_info *l)
{
    size_t at = *pos;
    const char *nl = memchr(text + at, '\n', end - at);
    size_t line_end = nl ? (size_t)(nl - text) : end;
    l->start = at;
    l->end = line_end;
    l->indented = at < line_end && (text[at] == '\t' ||
                  (line_end - at >= 2 && text[at] == ' ' && text[at + 1] == ' '));
    trim(text, &l->start, &l->end);
    l->blank = l->start == l->end || is_markup_line(text + l->start, l->end - l->start);
    *pos = nl ? line_end + 1 : end;
}

/* Hard-wrapped text: most lines stop mid-sentence and none is very long.
 * One pass over the region's lines, counting: nothing is stored. */
static int looks_wrapped(const char *text, text_span region)
{
    size_t content = 0, open_ended = 0, long_lines = 0;
    size_t pos = region.start;
    while (pos < region.end) {
        line_info l;
        next_line(text, region.end, &pos, &l);
        if (l.blank)
            continue;
        content++;
        size_t len = l.end - l.start;
        if (len > 110)
            long_lines++;
        if (!ends_with_terminal(text + l.start, len))
            open_ended++;
    }
    return content >= 3 && long_lines * 10 < content && open_ended * 10 >= content * 4;
}

/* Joins the region's lines into paragraphs and hands each to the cleaner,
 * until it is full. */
static int region_paragraphs(cleaner *cl, text_span region)
{
    int wrapped = looks_wrapped(cl->text, region);
    size_t para_start = 0, para_end = 0;
    int open = 0;
    size_t pos = region.start;
    while (pos < region.end && !cl->full) {
        line_info l;
        next_line(cl->text, region.end, &pos, &l);
        int breaks = l.blank || !wrapped || l.indented;
        if (open && breaks) {
            if (paragraph_found(cl, para_start, para_end) < 0)
                return -1;
            open = 0;
            if (cl->full)
                return 0;
        }
        if (l.blank)
            continue;
        if (!open) {
            para_start = l.start;
            open = 1;
        }
        para_end = l.end;
    }
    if (open && !cl->full && paragraph_found(cl, para_start, para_end) < 0)
        return -1;
    return 0;
}

/* The <TEXT> element contents of SGML input, each handed to
 * region_paragraphs as it is found (the whole input if it has no <TEXT> and
 * no <DOC>: plain text given as SGML). */
static int sgml_paragraphs(cleaner *cl, size_t len)
{
    const char *text = cl->text;
    size_t pos = 0;
    int found = 0;
    while (pos < len && !cl->full) {
        const char *open = find_tag(text + pos, len - pos, "<text>");
        if (!open)
            break;
        size_t start = (size_t)(open - text) + 6;
        const char *close = find_tag(text + start, len - start, "</text>");
        size_t end = close ? (size_t)(close - text) : len;
        if (region_paragraphs(cl, (text_span){start, end}) < 0)
            return -1;
        found = 1;
        pos = close ? end + 7 : len;
    }
    if (!found && !find_tag(text, len, "<doc>"))
        return region_paragraphs(cl, (text_span){0, len});
    return 0;
}

long clean_paragraphs_bounded(arena *a, const char *text, size_t len, precis_markup markup,
                              size_t max_paragraphs, span_list *kept, size_t *dropped,
                              int *stopped)
{
    cleaner cl = {.a = a, .text = text, .kept = kept, .max_kept = max_paragraphs};
    kept->count = 0;
    *dropped = 0;
    *stopped = 0;
    if (max_paragraphs == 0)
        return 0;
    int rc = markup == PRECIS_MARKUP_SGML ? sgml_paragraphs(&cl, len)
                                          : region_paragraphs(&cl, (text_span){0, len});
    if (rc < 0)
        return -1;
    *dropped = cl.dropped;
    *stopped = cl.full;
    return (long)kept->count;
}

long clean_paragraphs(arena *a, const char *text, size_t len, precis_markup markup,
                      text_span **paragraphs, size_t *dropped)
{
    int stopped;
    span_list kept = {0};
    long n = clean_paragraphs_bounded(a, text, len, markup, SIZE_MAX, &kept, dropped, &stopped);
    *paragraphs = kept.items;
    return n;
}

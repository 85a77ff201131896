/*
 * people.c: who the articles name, and where each sentence names them by
 * the full name or by the surname alone.
 *
 * News introduces a person once ("Mayor Ana Lindqvist") and then says
 * "Lindqvist" or "Ms. Lindqvist".  A brief that picks the later sentence
 * alone names somebody the reader has never met.  So every sentence lists
 * its mentions of people, each either full (a given name, or an initial,
 * before the surname) or bare (the surname alone, or after a title), and a
 * bare mention points at the nearest earlier sentence of its article that
 * gives the full name: the one to bring along (select/units.c).
 *
 * What counts as a person, in cased text: a capitalized word that the
 * cluster gives at least once after a given name ("Ana Lindqvist") and at
 * least once with a person's evidence: a personal title before it (Mr.,
 * Mrs., Ms., Dr., Sen., Gov., President ...) or a verb of speech beside it
 * ("Lindqvist said", "said Lindqvist").  Capitalized words that often
 * start a place or an organization ("New", "North", "United") are never
 * given names, and all-capital words (datelines, acronyms) never names.
 * The test is built to be sure rather than complete: it misses people the
 * cluster names only by surname, roles ("the spokesman"), and everything
 * in lower-cased text such as the Multi-News release.
 *
 * Two passes over the cluster's sentences: the first gathers what each
 * capitalized word is seen as (hash table keyed on its bytes), the second
 * writes the mentions of the words found to be people.
 */
#include "people.h"

#include <string.h>

#include "hash.h"
#include "text.h"

/* A word as the scanner sees it: bytes in the article, what stands before
 * it, whether a capitalized word follows it. */
typedef enum word_before {
    BEFORE_OTHER = 0,  /* a lower-case word, punctuation or the start */
    BEFORE_NAME,       /* a capitalized word that may be a given name */
    BEFORE_HONORIFIC,  /* Mr., Mrs., Ms., Miss, Dr. */
    BEFORE_ROLE,       /* a title that says who: President, Sen., Judge ... */
    BEFORE_SAID        /* "said", "says" ... */
} word_before;

typedef struct name_word {
    const char *s;
    size_t len;          /* without a possessive 's */
    word_before before;
    int capital_next;    /* a capitalized word follows: not a surname here */
    int word_next;       /* any word follows directly (no punctuation) */
    int said_next;       /* a verb of speech follows */
    int listed;          /* a title, an institution or never a given name:
                            not a surname */
} name_word;

static const char *const honorifics[] = {
    "Dr", "Miss", "Mme", "Mr", "Mrs", "Ms", NULL};

/* Titles that tell the reader who is meant ("President Clinton"): such a
 * mention introduces the person as well as a given name does. */
static const char *const roles[] = {
    "Adm", "Ambassador", "Bishop", "Capt", "Captain", "Cardinal", "Chairman", "Chairwoman",
    "Chancellor", "Chief", "Coach", "Col", "Colonel", "Commissioner", "Councillor",
    "Councilman", "Councilwoman", "Dame", "Dean", "Det", "Detective", "Director", "Father",
    "Gen", "General", "Gov", "Governor", "Imam", "Inspector", "Judge", "King", "Lady",
    "Lieutenant", "Lord", "Lt", "Maj", "Mayor", "Minister", "Officer", "Pope", "Premier",
    "Pres", "President", "Prince", "Princess", "Prof", "Professor", "Queen", "Rabbi", "Rep",
    "Representative", "Rev", "Secretary", "Sen", "Senator", "Sergeant", "Sgt", "Sheikh",
    "Sheriff", "Sir", "Superintendent", "Supt", NULL};

/* Capitalized words that are never a given name: sentence openers, place
 * and organization prefixes, days and months. */
static const char *const not_given_names[] = {
    "A", "According", "Acting", "After", "Also", "American", "An", "And", "April", "As",
    "Associated", "At", "August", "Before", "British", "But", "By", "Cape", "Central", "City",
    "County", "Daily", "December", "Democrat", "Democratic", "Democrats", "Deputy", "District",
    "East", "Eastern", "February", "Federal", "For", "Former", "Fort", "Friday", "From",
    "Great", "Greater", "He", "Her", "High", "His", "I", "If", "In", "It", "Its", "January",
    "July", "June", "Lake", "Las", "Los", "Lower", "March", "May", "Monday", "Mount",
    "National", "New", "News", "North", "Northern", "November", "Now", "October", "Of", "Old",
    "On", "Or", "Police", "Port", "Post", "Press", "Prime", "Republican", "Republicans",
    "Reuters", "Saint", "San", "Santa", "Saturday", "September", "She", "So", "South",
    "Southern", "St", "State", "Still", "Sunday", "Supreme", "That", "The", "Their", "Then",
    "There", "These", "They", "This", "Those", "Thursday", "Times", "To", "Tuesday", "Under",
    "United", "Upper", "Vice", "We", "Wednesday", "West", "Western", "When", "While", "With",
    "Yet", NULL};

/* Words that end the names of institutions and places, never a person's
 * surname: "Justice Department", "Labor Statistics". */
static const char *const institutions[] = {
    "Act", "Administration", "Agency", "Airlines", "Airport", "Army", "Association",
    "Authority", "Avenue", "Award", "Bank", "Bay", "Bill", "Board", "Bridge", "Bureau", "Canal",
    "Center", "Centre", "Church", "City", "Club", "Coast", "College", "Commission", "Committee",
    "Company", "Congress", "Corporation", "Council", "County", "Court", "Cup", "Department",
    "Force", "Foundation", "Fund", "Games", "Group", "Guard", "Gulf", "Hall", "Hospital",
    "House", "Industries", "Institute", "Island", "Journal", "Kingdom", "Lake", "Law", "League",
    "Media", "Ministry", "Motors", "Mountains", "Museum", "Nation", "Nations", "Navy",
    "Network", "News", "Ocean", "Office", "Park", "Party", "Plan", "Police", "Post", "Press",
    "Prize", "Program", "Project", "Province", "Region", "Republic", "Reservation", "River",
    "Road", "School", "Sea", "Senate", "Service", "Services", "Square", "States", "Station",
    "Statistics", "Street", "Team", "Times", "Tower", "Union", "University", "Valley", NULL};

static const char *const speech[] = {
    "added", "argued", "asked", "declared", "explained", "insisted", "noted", "recalled",
    "replied", "said", "says", "stated", "testified", "told", "warned", "wrote", NULL};

/* The lists above are in byte order (kept so by hand: tests/cli/test_layout.sh
 * checks it), so that every word of the cluster costs a binary search. */
static int word_cmp(const char *w, size_t len, const char *entry)
{
    /* byte order, as memcmp then length would give, in one pass: most
     * comparisons end at the first byte */
    size_t i = 0;
    for (; i < len && entry[i]; i++)
        if (w[i] != entry[i])
            return (unsigned char)w[i] < (unsigned char)entry[i] ? -1 : 1;
    if (i < len)
        return 1;            /* the entry is a prefix of the word */
    return entry[i] ? -1 : 0; /* the word is a prefix of the entry, or equal */
}

static int in_sorted(const char *w, size_t len, const char *const *list, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = word_cmp(w, len, list[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Whether the word is in one of the sorted lists (a static array). */
#define in_list(w, len, list) in_sorted((w), (len), (list), sizeof(list) / sizeof *(list) - 1)

/* Length of the word at s[i] (letters and digits, with inner ' - . ’
 * between letters), 0 when s[i] does not start one. */
static int ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The code point at s[0] and its length: ASCII without a call (most of
 * every article), the rest decoded. */
static int32_t char_at(const char *s, size_t len, size_t *n)
{
    if ((unsigned char)s[0] < 0x80) {
        *n = 1;
        return (unsigned char)s[0];
    }
    return text_decode(s, len, n);
}

static int is_alnum_char(int32_t c)
{
    return c < 0x80 ? ascii_alnum((unsigned char)c) : text_is_alnum(c);
}

static size_t word_length(const char *s, size_t len, size_t i)
{
    size_t j = i, n;
    while (j < len) {
        if (ascii_alnum((unsigned char)s[j])) {
            j++;
            continue;
        }
        int32_t c = char_at(s + j, len - j, &n);
        if (c >= 0x80 && text_is_alnum(c)) {
            j += n;
            continue;
        }
        if (j > i && (c == '\'' || c == '-' || c == 0x2019) && j + n < len) {
            size_t m;
            if (is_alnum_char(char_at(s + j + n, len - j - n, &m))) {
                j += n;
                continue;
            }
        }
        break;
    }
    return j - i;
}

static int is_capitalized(const char *w, size_t len)
{
    size_t n;
    if (!len || (w[0] >= 'a' && w[0] <= 'z') || !text_is_upper(char_at(w, len, &n)))
        return 0;
    /* all capitals (AP, WASHINGTON) are not names */
    for (size_t i = n; i < len;) {
        if (w[i] >= 'a' && w[i] <= 'z')
            return 1;
        int32_t c = char_at(w + i, len - i, &n);
        if (c >= 0x80 && text_is_lower(c))
            return 1;
        i += n;
    }
    return 0;
}

/* Drops a possessive ending: Lindqvist's, Lindqvist’s. */
static size_t without_possessive(const char *w, size_t len)
{
    if (len > 2 && w[len - 1] == 's' && w[len - 2] == '\'')
        return len - 2;
    if (len > 4 && w[len - 1] == 's' && !memcmp(w + len - 4, "\xE2\x80\x99", 3))
        return len - 4;
    return len;
}

/* Calls fn on every capitalized word of s, with what stands before it and
 * whether a capitalized word or a verb of speech follows it. */
typedef int (*word_fn)(void *ctx, const name_word *w);

/* A title or a word that is never a given name ("Monday's"): checked on
 * the word without its possessive. */
static int listed_word(const char *w, size_t len)
{
    return in_list(w, len, honorifics) || in_list(w, len, roles) ||
           in_list(w, len, not_given_names);
}

static int scan_words(const char *s, size_t len, word_fn fn, void *ctx)
{
    word_before before = BEFORE_OTHER;
    name_word pending = {0};
    int have_pending = 0;
    for (size_t i = 0; i < len;) {
        size_t wl = word_length(s, len, i);
        if (!wl) {
            size_t n;
            int32_t c = char_at(s + i, len - i, &n);
            /* a title's dot, a given name's initial dot keep the chain */
            if (c != '.' && !text_is_space(c))
                before = BEFORE_OTHER;
            if (c != '.' && !text_is_space(c) && have_pending) {
                if (fn(ctx, &pending) < 0)
                    return -1;
                have_pending = 0;
            }
            i += n ? n : 1;
            continue;
        }
        const char *w = s + i;
        int cap = is_capitalized(w, wl);
        int upper = w[0] >= 'A' && w[0] <= 'Z';
        /* each list is searched once per word */
        int said = !cap && !upper && in_list(w, wl, speech);
        int not_given = (cap || upper) && in_list(w, wl, not_given_names);
        int honorific = cap && !not_given && in_list(w, wl, honorifics);
        int role = cap && !not_given && !honorific && in_list(w, wl, roles);
        if (have_pending) {
            pending.capital_next = cap && !not_given;
            pending.word_next = 1;
            pending.said_next = said;
            if (fn(ctx, &pending) < 0)
                return -1;
            have_pending = 0;
        }
        if (cap) {
            pending.s = w;
            pending.len = without_possessive(w, wl);
            pending.before = before;
            pending.capital_next = pending.said_next = pending.word_next = 0;
            pending.listed = honorific || role || not_given ||
                             (pending.len != wl && listed_word(w, pending.len)) ||
                             in_list(w, pending.len, institutions);
            have_pending = 1;
        }
        if (!cap && !upper)
            before = said ? BEFORE_SAID : BEFORE_OTHER;
        else if (not_given)
            before = BEFORE_OTHER;
        else if (wl == 1 && upper)
            before = BEFORE_NAME; /* an initial: J. Smith, John F. Kennedy */
        else if (!cap)
            before = BEFORE_OTHER;
        else if (honorific)
            before = BEFORE_HONORIFIC;
        else if (role)
            before = BEFORE_ROLE;
        else
            before = BEFORE_NAME;
        i += wl;
    }
    if (have_pending && fn(ctx, &pending) < 0)
        return -1;
    return 0;
}

/* ---- the table of capitalized words ---------------------------------- */

typedef struct name_entry {
    const char *s;
    uint32_t len;
    uint8_t full;      /* seen after a given name */
    uint8_t evidence;  /* seen after a title or beside a verb of speech */
    uint32_t person;   /* id + 1 once found to be a person, else 0 */
} name_entry;

typedef struct name_table {
    arena *a;
    name_entry *slots;
    size_t cap, count;
} name_table;

static name_entry *table_find(name_table *t, const char *s, size_t len, int add)
{
    if (add && (t->count + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        name_entry *slots = arena_array(t->a, cap, sizeof *slots);
        if (!slots)
            return NULL;
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i].s)
                continue;
            size_t h = hash_bytes(t->slots[i].s, t->slots[i].len) & (cap - 1);
            while (slots[h].s)
                h = (h + 1) & (cap - 1);
            slots[h] = t->slots[i];
        }
        t->slots = slots;
        t->cap = cap;
    }
    if (!t->cap)
        return NULL;
    size_t h = hash_bytes(s, len) & (t->cap - 1);
    while (t->slots[h].s) {
        if (t->slots[h].len == len && !memcmp(t->slots[h].s, s, len))
            return &t->slots[h];
        h = (h + 1) & (t->cap - 1);
    }
    if (!add)
        return NULL;
    t->slots[h].s = s;
    t->slots[h].len = (uint32_t)len;
    t->count++;
    return &t->slots[h];
}

static int surname_candidate(const name_word *w)
{
    return !w->capital_next && w->len >= 2 && !w->listed;
}

/* A full mention: a given name (or a title that says who) before it. */
static int introduces(const name_word *w)
{
    return w->before == BEFORE_NAME || w->before == BEFORE_ROLE;
}

static int gather(void *ctx, const name_word *w)
{
    name_table *t = ctx;
    if (!surname_candidate(w))
        return 0;
    name_entry *e = table_find(t, w->s, w->len, 1);
    if (!e)
        return -1;
    if (introduces(w))
        e->full = 1;
    /* "said Garcia." but not "said Indian leaders" */
    if (w->before == BEFORE_HONORIFIC || w->before == BEFORE_ROLE || w->said_next ||
        (w->before == BEFORE_SAID && !w->word_next))
        e->evidence = 1;
    return 0;
}

/* ---- mentions ---------------------------------------------------------- */

typedef struct mention_ctx {
    name_table *t;
    mention buf[PEOPLE_MAX_MENTIONS];
    size_t n;
} mention_ctx;

static int collect(void *ctx, const name_word *w)
{
    mention_ctx *m = ctx;
    if (!surname_candidate(w) || m->n == PEOPLE_MAX_MENTIONS)
        return 0;
    name_entry *e = table_find(m->t, w->s, w->len, 0);
    if (!e || !e->person)
        return 0;
    uint32_t person = e->person - 1;
    for (size_t i = 0; i < m->n; i++)
        if (m->buf[i].person == person) {
            if (introduces(w))
                m->buf[i].introducer = MENTION_FULL;
            return 0;
        }
    m->buf[m->n].person = person;
    m->buf[m->n].introducer = introduces(w) ? MENTION_FULL : MENTION_NO_INTRODUCER;
    m->n++;
    return 0;
}

static const char *sentence_text(const workset *c, const sentence *s, size_t *len)
{
    *len = s->end - s->start;
    return c->articles[s->article].text + s->start;
}

/* A bare mention's introducer: the nearest earlier sentence of the same
 * article with the person's full name. */
static void link_introducers(workset *c)
{
    for (size_t i = 0; i < c->nsents; i++) {
        sentence *s = &c->sents[i];
        for (uint32_t k = 0; k < s->nmentions; k++) {
            mention *m = &s->mentions[k];
            if (m->introducer == MENTION_FULL)
                continue;
            for (size_t j = i; j-- > 0 && c->sents[j].article == s->article;) {
                const sentence *p = &c->sents[j];
                int found = 0;
                for (uint32_t q = 0; q < p->nmentions && !found; q++)
                    found = p->mentions[q].person == m->person &&
                            p->mentions[q].introducer == MENTION_FULL;
                if (found) {
                    m->introducer = (uint32_t)j;
                    break;
                }
            }
        }
    }
}

int people_mark(arena *a, workset *c)
{
    name_table t = {a, NULL, 0, 0};
    size_t len;
    for (size_t i = 0; i < c->nsents; i++) {
        const char *s = sentence_text(c, &c->sents[i], &len);
        if (!(c->sents[i].flags & SENT_TOO_LONG) && scan_words(s, len, gather, &t) < 0)
            return -1;
    }
    uint32_t people = 0;
    for (size_t i = 0; i < t.cap; i++)
        if (t.slots[i].s && t.slots[i].full && t.slots[i].evidence)
            t.slots[i].person = ++people;
    c->npeople = people;
    if (!people)
        return 0;
    mention_ctx m = {&t, {{0, 0}}, 0};
    for (size_t i = 0; i < c->nsents; i++) {
        sentence *s = &c->sents[i];
        if (s->flags & SENT_TOO_LONG)
            continue;
        const char *text = sentence_text(c, s, &len);
        m.n = 0;
        if (scan_words(text, len, collect, &m) < 0)
            return -1;
        if (!m.n)
            continue;
        s->mentions = arena_array(a, m.n, sizeof *s->mentions);
        if (!s->mentions)
            return -1;
        memcpy(s->mentions, m.buf, m.n * sizeof *s->mentions);
        s->nmentions = (uint32_t)m.n;
    }
    link_introducers(c);
    return 0;
}

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
} name_word;

static const char *const honorifics[] = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Mme", NULL};

/* Titles that tell the reader who is meant ("President Clinton"): such a
 * mention introduces the person as well as a given name does. */
static const char *const roles[] = {
    "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
    "Adm", "Maj", "Rev", "Prof", "Sir", "Dame", "Lord", "Lady", "Judge",
    "President", "Senator", "Governor", "Mayor", "General", "Secretary", "Minister",
    "Chancellor", "Premier", "Ambassador", "Chairman", "Chairwoman", "Director", "Detective",
    "Officer", "Sheriff", "Coach", "Pope", "King", "Queen", "Prince", "Princess", "Father",
    "Bishop", "Cardinal", "Rabbi", "Imam", "Sheikh", "Chief", "Commissioner", "Superintendent",
    "Inspector", "Sergeant", "Captain", "Colonel", "Lieutenant", "Representative",
    "Councilman", "Councilwoman", "Councillor", "Dean", "Professor", "Pres", "Supt", "Det", NULL};

/* Capitalized words that are never a given name: sentence openers, place
 * and organization prefixes, days and months. */
static const char *const not_given_names[] = {
    "The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "If", "When", "While", "After",
    "Before", "For", "With", "By", "From", "To", "Of", "He", "She", "It", "They", "We", "I",
    "His", "Her", "Its", "Their", "This", "That", "These", "Those", "There", "Then", "So",
    "Yet", "Also", "Still", "Now", "New", "North", "South", "East", "West", "Northern",
    "Southern", "Eastern", "Western", "Central", "United", "Great", "Upper", "Lower", "Greater",
    "Los", "Las", "San", "Santa", "Saint", "St", "Fort", "Mount", "Lake", "Port", "Cape", "Old",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Democrat", "Democrats", "Republican", "Republicans", "Democratic",
    "National", "American", "British", "Former", "Federal", "State", "City", "County",
    "Supreme", "High", "District", "Police", "Vice", "Prime", "Deputy", "Acting", "Associated",
    "Press", "Reuters", "Sunday", "Daily", "Times", "Post", "News", "According", "Under",
    NULL};

/* Words that end the names of institutions and places, never a person's
 * surname: "Justice Department", "Labor Statistics". */
static const char *const institutions[] = {
    "Department", "Statistics", "Service", "Services", "Bureau", "Agency", "Office", "Council",
    "Committee", "Commission", "Association", "Institute", "University", "College", "School",
    "Center", "Centre", "House", "Senate", "Congress", "Court", "Party", "Ministry", "Company",
    "Corporation", "Group", "Foundation", "Fund", "Bank", "Hospital", "Church", "Street",
    "Avenue", "Road", "Park", "River", "Island", "Valley", "Airport", "Station", "Board",
    "Authority", "Administration", "Force", "Army", "Navy", "Guard", "Police", "Reservation",
    "Nation", "Nations", "Union", "Republic", "Kingdom", "States", "Times", "Post", "Journal",
    "News", "Press", "Network", "Act", "Bill", "Law", "Program", "Project", "Plan", "Club",
    "Museum", "Hall", "Square", "Bridge", "Tower", "County", "City", "Province", "Region",
    "Coast", "Mountains", "Lake", "Sea", "Ocean", "Bay", "Gulf", "Canal", "Prize", "Award",
    "Games", "Cup", "League", "Team", "Industries", "Motors", "Airlines", "Media", NULL};

static const char *const speech[] = {
    "said", "says", "told", "added", "asked", "explained", "wrote", "noted", "recalled",
    "insisted", "replied", "argued", "stated", "declared", "warned", "testified", NULL};

static int in_list(const char *w, size_t len, const char *const *list)
{
    /* called for every word of the cluster: the first byte rejects most */
    for (; *list; list++)
        if ((*list)[0] == w[0] && strlen(*list) == len && !memcmp(*list, w, len))
            return 1;
    return 0;
}

/* Length of the word at s[i] (letters and digits, with inner ' - . ’
 * between letters), 0 when s[i] does not start one. */
static size_t word_length(const char *s, size_t len, size_t i)
{
    size_t j = i, n;
    while (j < len) {
        int32_t c = text_decode(s + j, len - j, &n);
        if (text_is_alnum(c)) {
            j += n;
            continue;
        }
        if (j > i && (c == '\'' || c == '-' || c == 0x2019) && j + n < len) {
            size_t m;
            if (text_is_alnum(text_decode(s + j + n, len - j - n, &m))) {
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
    if (!len || !text_is_upper(text_decode(w, len, &n)))
        return 0;
    /* all capitals (AP, WASHINGTON) are not names */
    for (size_t i = n; i < len;) {
        int32_t c = text_decode(w + i, len - i, &n);
        if (text_is_lower(c))
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

static int scan_words(const char *s, size_t len, word_fn fn, void *ctx)
{
    word_before before = BEFORE_OTHER;
    name_word pending = {0};
    int have_pending = 0;
    for (size_t i = 0; i < len;) {
        size_t wl = word_length(s, len, i);
        if (!wl) {
            size_t n;
            int32_t c = text_decode(s + i, len - i, &n);
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
        if (have_pending) {
            pending.capital_next = cap && !in_list(w, wl, not_given_names);
            pending.word_next = 1;
            pending.said_next = !cap && in_list(w, wl, speech);
            if (fn(ctx, &pending) < 0)
                return -1;
            have_pending = 0;
        }
        if (cap) {
            pending.s = w;
            pending.len = without_possessive(w, wl);
            pending.before = before;
            pending.capital_next = pending.said_next = pending.word_next = 0;
            have_pending = 1;
        }
        int upper = w[0] >= 'A' && w[0] <= 'Z';
        if (!cap && !upper)
            before = in_list(w, wl, speech) ? BEFORE_SAID : BEFORE_OTHER;
        else if (in_list(w, wl, not_given_names))
            before = BEFORE_OTHER;
        else if (wl == 1 && upper)
            before = BEFORE_NAME; /* an initial: J. Smith, John F. Kennedy */
        else if (!cap)
            before = BEFORE_OTHER;
        else if (in_list(w, wl, honorifics))
            before = BEFORE_HONORIFIC;
        else if (in_list(w, wl, roles))
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
    return !w->capital_next && w->len >= 2 && !in_list(w->s, w->len, honorifics) &&
           !in_list(w->s, w->len, roles) && !in_list(w->s, w->len, not_given_names) &&
           !in_list(w->s, w->len, institutions);
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

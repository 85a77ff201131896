/*
 * units.c: the sentences a candidate brings with it, so that a brief never
 * holds half a quotation or a person nobody introduced.
 *
 * A sentence cannot always stand alone:
 *
 *   - one that opens inside a quotation needs the sentence before it, one
 *     that ends inside a quotation the sentence after it (text/quotes.c):
 *     a quotation comes whole or not at all;
 *   - a dangling opener ("He said", "But") or a quote given to a pronoun
 *     needs the sentence before it (when the dangling rule is hard), and so
 *     does "The move ..." unless the brief already names the move;
 *   - one that names a person by surname needs a sentence that gives the
 *     full name: one already chosen, or the nearest earlier sentence of its
 *     own article that does (text/people.c).
 *
 * Those needs are followed until nothing more is needed; the result is the
 * candidate's unit, taken as a whole.  A unit that would need a sentence
 * that is not a candidate (a caption, a run-on sentence, a chosen near
 * copy), or more than UNIT_MAX sentences, cannot be taken now; a surname
 * with no introducer in its article may become usable once another pick
 * introduces the person.
 */
#include "units.h"

#include "selection.h"

static int unit_has(const unit *u, uint32_t sid)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->ids[i] == sid)
            return 1;
    return 0;
}

/* Adds sentence sid to the unit unless chosen or already in it: 0, or -1
 * when it cannot join (not a candidate, or the unit is full). */
static int need(const workset *c, const selection *sel, unit *u, uint32_t sid)
{
    if (sel->taken[sid] || unit_has(u, sid))
        return 0;
    if (!sentence_selectable(&c->sents[sid]) || u->n == UNIT_MAX)
        return -1;
    u->ids[u->n++] = sid;
    return 0;
}

static int can_precede(const sentence *j, const sentence *s);

static int names_in_full(const sentence *s, uint32_t person)
{
    for (uint32_t k = 0; k < s->nmentions; k++)
        if (s->mentions[k].person == person && s->mentions[k].introducer == MENTION_FULL)
            return 1;
    return 0;
}

/* 1 when a chosen sentence or a member of the unit names the person in
 * full and can stand before `named` in the reading order ("Hall said"
 * cannot lean on "Jim Hall" three sentences later in the same article). */
static int introduced(const workset *c, const selection *sel, const unit *u, uint32_t person,
                      const sentence *named)
{
    if (sel->introduced && sel->introduced[person])
        for (size_t i = 0; i < sel->count; i++) {
            const sentence *s = &c->sents[sel->sents[i]];
            if (can_precede(s, named) && names_in_full(s, person))
                return 1;
        }
    for (size_t i = 0; i < u->n; i++) {
        const sentence *s = &c->sents[u->ids[i]];
        if (s != named && can_precede(s, named) && names_in_full(s, person))
            return 1;
    }
    return 0;
}

/* 1 when sentence j can stand before s in the reading order: from another
 * article (whose block can move up, select.c), or earlier in s's own. */
static int can_precede(const sentence *j, const sentence *s)
{
    return j->article != s->article || j->index < s->index;
}

/* 1 when the sentence's vector holds the term. */
static int sentence_has_term(const sentence *s, uint32_t term)
{
    size_t lo = 0, hi = s->nvec;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->vec[mid].term < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nvec && s->vec[lo].term == term;
}

/* "The move ...": 1 when a chosen sentence or another member of the unit
 * names one of the words after "The". */
static int antecedent_present(const workset *c, const selection *sel, const unit *u,
                              const sentence *s)
{
    for (int k = 0; k < 2; k++) {
        uint32_t t = s->definite[k];
        if (t == UINT32_MAX)
            continue;
        for (size_t i = 0; i < sel->count; i++)
            if (can_precede(&c->sents[sel->sents[i]], s) &&
                sentence_has_term(&c->sents[sel->sents[i]], t))
                return 1;
        for (size_t i = 0; i < u->n; i++)
            if (&c->sents[u->ids[i]] != s && can_precede(&c->sents[u->ids[i]], s) &&
                sentence_has_term(&c->sents[u->ids[i]], t))
                return 1;
    }
    return 0;
}

/* The needs of one member. */
static int member_needs(const workset *c, const selection *sel, int dangling_hard, unit *u,
                        uint32_t sid)
{
    const sentence *s = &c->sents[sid];
    int before = s->index > 0 && ((s->flags & SENT_QUOTE_IN) ||
                                  (dangling_hard && (s->flags & SENT_DANGLING)) ||
                                  (dangling_hard && (s->flags & SENT_DEFINITE) &&
                                   !antecedent_present(c, sel, u, s)));
    if (before && need(c, sel, u, sid - 1) < 0)
        return -1;
    if (s->flags & SENT_QUOTE_OUT) {
        if (sid + 1 >= c->nsents || c->sents[sid + 1].article != s->article)
            return -1;
        if (need(c, sel, u, sid + 1) < 0)
            return -1;
    }
    for (uint32_t k = 0; k < s->nmentions; k++) {
        const mention *m = &s->mentions[k];
        if (m->introducer == MENTION_FULL || introduced(c, sel, u, m->person, s))
            continue;
        if (m->introducer == MENTION_NO_INTRODUCER || need(c, sel, u, m->introducer) < 0)
            return -1;
    }
    return 0;
}

int unit_build(const workset *c, const selection *sel, uint32_t sid, int dangling_hard, unit *u)
{
    u->n = 0;
    if (need(c, sel, u, sid) < 0)
        return -1;
    /* the list grows while it is walked: every member's needs are met */
    for (size_t i = 0; i < u->n; i++)
        if (member_needs(c, sel, dangling_hard, u, u->ids[i]) < 0)
            return -1;
    return 0;
}

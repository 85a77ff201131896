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

int unit_has(const unit *u, uint32_t sid)
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

/* 1 when another member of the unit, or (chosen_too) a chosen sentence,
 * meets the need and can stand before s in the reading order ("Hall
 * said" cannot lean on "Jim Hall" three sentences later in its article). */
static int met_before(const workset *c, const selection *sel, const unit *u, const sentence *s,
                      int chosen_too, sentence_need_fn met, uint32_t arg)
{
    for (size_t i = 0; chosen_too && i < sel->count; i++) {
        const sentence *t = &c->sents[sel->sents[i]];
        if (sentence_can_precede(t, s) && met(t, s, arg))
            return 1;
    }
    for (size_t i = 0; i < u->n; i++) {
        const sentence *t = &c->sents[u->ids[i]];
        if (t != s && sentence_can_precede(t, s) && met(t, s, arg))
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
                                   !met_before(c, sel, u, s, 1, sentence_gives_antecedent, 0)));
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
        /* the chosen sentences are looked at only when one of them names
         * the person in full (sel->introduced, kept by selection_take) */
        int chosen = sel->introduced && sel->introduced[m->person];
        if (m->introducer == MENTION_FULL ||
            met_before(c, sel, u, s, chosen, sentence_gives_full_name, m->person))
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

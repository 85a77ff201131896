/*
 * ilp.c: Gillick & Favre's concept ILP, solved exactly with GLPK.
 *
 *   maximise   sum_i w_i c_i  +  eps * sum_j score_j s_j
 *   subject to sum_j len_j s_j <= budget
 *              c_i <= sum_{j contains i} s_j          (a concept counts once,
 *                                                      if a chosen sentence has it)
 *              s_a + s_b <= 1   for near-duplicates a, b (cosine above the limit)
 *              s_j <= s_p       when j opens with "He"/"But"... and p precedes it
 *   s_j, c_i binary.
 *
 * Concepts are the pairs of consecutive content terms of select.c, weighted
 * by the number of articles using them.  The salience term (ilp_salience
 * times the sentence's score, scaled to 1) breaks ties between equal
 * coverings in favour of central, early sentences, or, set higher, mixes
 * the scorer into the objective.  GLPK
 * is deterministic for a given problem.  Its running time is bounded three
 * ways, and the selection records (in its notes, which become warnings)
 * whichever bound was hit:
 *   - clusters above ILP_MAX_SENTENCES candidates or ILP_MAX_CONCEPTS
 *     concepts are left to the greedy selection;
 *   - branch and bound stops after ILP_MAX_NODES subproblems, a count, so
 *     the answer does not depend on the machine: the best integer solution
 *     found is used, or the greedy one when there is none yet;
 *   - a wall-clock limit (ILP_MAX_MILLISECONDS) is the last guard against a
 *     subproblem that is slow in itself; only it depends on the machine.
 * Should GLPK fail (selecting nothing is always feasible, so any failure is
 * the solver's), the greedy selection answers, and the notes say so.
 * Every near-duplicate pair gets its constraint: the matrix is sized from
 * the pairs, counted first.
 */
#include "ilp.h"

#include <glpk.h>
#include <string.h>

#include "concepts.h"

/* Index of the candidate just before `s` in its article, or -1. */
static long predecessor(const workset *c, const uint32_t *cand, size_t ncand, size_t k)
{
    const sentence *s = &c->sents[cand[k]];
    for (size_t i = 0; i < ncand; i++) {
        const sentence *p = &c->sents[cand[i]];
        if (p->article == s->article && p->index + 1 == s->index)
            return (long)i;
    }
    return -1;
}

static long successor(const workset *c, const uint32_t *cand, size_t ncand, size_t k)
{
    const sentence *s = &c->sents[cand[k]];
    for (size_t i = 0; i < ncand; i++) {
        const sentence *p = &c->sents[cand[i]];
        if (p->article == s->article && p->index == s->index + 1)
            return (long)i;
    }
    return -1;
}

/* The rows that keep a brief readable (select/units.c says why), each
 *   s_k - sum of the sentences that satisfy the need <= 0:
 * the rest of a quotation (before and after), the antecedent of "The
 * move ..." (the sentence before, or any that names the noun), a person's
 * introduction (any sentence with the full name).  With rows NULL only
 * counts: *nrows rows, *nentries matrix entries. */
typedef struct need_rows {
    glp_prob *lp;      /* NULL: count only */
    int *ia, *ja;
    double *ar;
    size_t ne;         /* entries written or counted */
    size_t nrows;
} need_rows;

static void need_row(need_rows *nr, size_t k, const long *others, size_t nothers)
{
    nr->nrows++;
    int r = 0;
    if (nr->lp) {
        r = glp_add_rows(nr->lp, 1);
        glp_set_row_bnds(nr->lp, r, GLP_UP, 0.0, 0.0);
    }
    nr->ne++;
    if (nr->lp)
        nr->ia[nr->ne] = r, nr->ja[nr->ne] = (int)k + 1, nr->ar[nr->ne] = 1.0;
    for (size_t i = 0; i < nothers; i++) {
        nr->ne++;
        if (nr->lp)
            nr->ia[nr->ne] = r, nr->ja[nr->ne] = (int)others[i] + 1, nr->ar[nr->ne] = -1.0;
    }
}

static void readability_rows(const workset *c, const uint32_t *cand, size_t ncand,
                             long *others, need_rows *nr)
{
    for (size_t k = 0; k < ncand; k++) {
        const sentence *s = &c->sents[cand[k]];
        long p = predecessor(c, cand, ncand, k), n = successor(c, cand, ncand, k);
        if (s->flags & SENT_QUOTE_IN)
            need_row(nr, k, &p, p >= 0);
        if (s->flags & SENT_QUOTE_OUT)
            need_row(nr, k, &n, n >= 0);
        if ((s->flags & SENT_DEFINITE) && s->index > 0) {
            size_t m = 0;
            if (p >= 0)
                others[m++] = p;
            for (size_t j = 0; j < ncand; j++)
                if (j != k && (long)j != p && sentence_can_precede(&c->sents[cand[j]], s) &&
                    sentence_names_antecedent(&c->sents[cand[j]], s))
                    others[m++] = (long)j;
            need_row(nr, k, others, m);
        }
        for (uint32_t q = 0; q < s->nmentions; q++) {
            if (s->mentions[q].introducer == MENTION_FULL)
                continue;
            size_t m = 0;
            for (size_t j = 0; j < ncand; j++)
                if (j != k && sentence_can_precede(&c->sents[cand[j]], s) &&
                    sentence_names_in_full(&c->sents[cand[j]], s->mentions[q].person))
                    others[m++] = (long)j;
            need_row(nr, k, others, m);
        }
    }
}

typedef struct dup_pair {
    uint32_t a, b; /* candidate indices, a < b */
} dup_pair;

typedef struct pair_list {
    dup_pair *items;
    size_t count, cap;
} pair_list;

static int pair_push(arena *a, pair_list *l, uint32_t x, uint32_t y)
{
    dup_pair *items = arena_reserve(a, l->items, l->count, &l->cap, sizeof *items, 64);
    if (!items)
        return -1;
    l->items = items;
    l->items[l->count].a = x;
    l->items[l->count].b = y;
    l->count++;
    return 0;
}

/* GLPK's branch and bound calls this at every subproblem it picks: past
 * the node limit it stops, keeping the best integer solution so far. */
typedef struct node_limit {
    int max_nodes;
    int nodes;
    int hit;
} node_limit;

static void stop_at_node_limit(glp_tree *tree, void *info)
{
    node_limit *limit = info;
    if (glp_ios_reason(tree) != GLP_ISELECT)
        return;
    int active, current, total;
    glp_ios_tree_size(tree, &active, &current, &total);
    limit->nodes = total;
    if (total > limit->max_nodes) {
        limit->hit = 1;
        glp_ios_terminate(tree);
    }
}

int ilp_select(arena *a, const workset *c, const precis_options *o,
               size_t (*cost)(const workset *, const sentence *), selection *out,
               const uint32_t *cand, size_t ncand)
{
    if (ncand == 0)
        return 0;
    if (ncand > ILP_MAX_SENTENCES) {
        out->notes |= SELECT_NOTE_ILP_TOO_LARGE;
        return 1;
    }
    double *weight = concept_weights(a, c);
    uint32_t *col_of = arena_array(a, c->nconcepts + 1, sizeof *col_of);
    if (!weight || !col_of)
        return -1;
    /* columns: sentences 1..ncand, then the concepts they hold with weight */
    int nconc = 0;
    for (size_t k = 0; k < ncand; k++) {
        const sentence *s = &c->sents[cand[k]];
        for (uint32_t i = 0; i < s->nconcepts; i++) {
            uint32_t id = s->concepts[i];
            if (weight[id] > 0 && !col_of[id])
                col_of[id] = (uint32_t)(ncand + (size_t)++nconc);
        }
    }
    if (nconc > ILP_MAX_CONCEPTS) {
        out->notes |= SELECT_NOTE_ILP_TOO_LARGE;
        return 1;
    }
    /* The near-duplicate pairs first, so that the matrix is sized exactly
     * and no constraint is ever left out. */
    pair_list dups = {0};
    for (size_t k = 0; k < ncand; k++)
        for (size_t m = k + 1; m < ncand; m++)
            if (sentence_cosine(&c->sents[cand[k]], &c->sents[cand[m]]) > o->duplicate_similarity &&
                pair_push(a, &dups, (uint32_t)k, (uint32_t)m) < 0)
                return -1;
    /* constraint entries, 1-based as GLPK wants them: the budget row, the
     * coverage rows, two per duplicate pair, two per dangling opener */
    long *others = arena_array(a, ncand + 1, sizeof *others);
    if (!others)
        return -1;
    need_rows counted = {0};
    if (o->dangling_penalty >= 1)
        readability_rows(c, cand, ncand, others, &counted);
    size_t cap = ncand + (size_t)nconc + 2 * dups.count + 2 * ncand + counted.ne;
    for (size_t k = 0; k < ncand; k++)
        cap += c->sents[cand[k]].nconcepts;
    int *ia = arena_array(a, cap + 1, sizeof *ia);
    int *ja = arena_array(a, cap + 1, sizeof *ja);
    double *ar = arena_array(a, cap + 1, sizeof *ar);
    if (!ia || !ja || !ar)
        return -1;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    int ncols = (int)ncand + nconc;
    glp_add_cols(lp, ncols);
    double max_score = 1e-12;
    for (size_t k = 0; k < ncand; k++)
        if (c->sents[cand[k]].score > max_score)
            max_score = c->sents[cand[k]].score;
    for (int j = 1; j <= ncols; j++)
        glp_set_col_kind(lp, j, GLP_BV);
    for (size_t k = 0; k < ncand; k++)
        glp_set_obj_coef(lp, (int)k + 1,
                         o->ilp_salience * c->sents[cand[k]].score / max_score);
    for (uint32_t id = 0; id < c->nconcepts; id++)
        if (col_of[id])
            glp_set_obj_coef(lp, (int)col_of[id], weight[id]);
    size_t ne = 0;
    int row = glp_add_rows(lp, 1); /* the budget */
    glp_set_row_bnds(lp, row, GLP_UP, 0.0, (double)o->budget);
    for (size_t k = 0; k < ncand; k++) {
        ne++;
        ia[ne] = row, ja[ne] = (int)k + 1, ar[ne] = (double)cost(c, &c->sents[cand[k]]);
    }
    /* coverage: c_i - sum_j s_j <= 0, one row per concept column */
    int first_cover = nconc > 0 ? glp_add_rows(lp, nconc) : 0;
    for (int r = 0; r < nconc; r++) {
        glp_set_row_bnds(lp, first_cover + r, GLP_UP, 0.0, 0.0);
        ne++;
        ia[ne] = first_cover + r, ja[ne] = (int)ncand + 1 + r, ar[ne] = 1.0;
    }
    for (size_t k = 0; k < ncand; k++) {
        const sentence *s = &c->sents[cand[k]];
        for (uint32_t i = 0; i < s->nconcepts; i++) {
            uint32_t colm = col_of[s->concepts[i]];
            if (!colm)
                continue;
            ne++;
            ia[ne] = first_cover + (int)(colm - ncand - 1), ja[ne] = (int)k + 1, ar[ne] = -1.0;
        }
    }
    /* near-duplicates and dangling openers, in candidate order */
    size_t next_dup = 0;
    for (size_t k = 0; k < ncand; k++) {
        const sentence *s = &c->sents[cand[k]];
        for (; next_dup < dups.count && dups.items[next_dup].a == k; next_dup++) {
            int r = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, r, GLP_UP, 0.0, 1.0);
            ne++;
            ia[ne] = r, ja[ne] = (int)k + 1, ar[ne] = 1.0;
            ne++;
            ia[ne] = r, ja[ne] = (int)dups.items[next_dup].b + 1, ar[ne] = 1.0;
        }
        if ((s->flags & SENT_DANGLING) && o->dangling_penalty >= 1) {
            long p = predecessor(c, cand, ncand, k);
            int r = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, r, GLP_UP, 0.0, 0.0); /* s_j - s_p <= 0 */
            ne++;
            ia[ne] = r, ja[ne] = (int)k + 1, ar[ne] = 1.0;
            if (p >= 0) {
                ne++;
                ia[ne] = r, ja[ne] = (int)p + 1, ar[ne] = -1.0;
            }
        }
    }
    if (o->dangling_penalty >= 1) {
        need_rows nr = {lp, ia, ja, ar, ne, 0};
        readability_rows(c, cand, ncand, others, &nr);
        ne = nr.ne;
    }
    glp_load_matrix(lp, (int)ne, ia, ja, ar);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    node_limit limit = {ILP_MAX_NODES, 0, 0};
    parm.cb_func = stop_at_node_limit;
    parm.cb_info = &limit;
    parm.tm_lim = ILP_MAX_MILLISECONDS;
    int rc = glp_intopt(lp, &parm);
    int status = glp_mip_status(lp);
    int stopped = rc == GLP_ESTOP || rc == GLP_ETMLIM;
    if ((rc != 0 && !stopped) || (status != GLP_OPT && status != GLP_FEAS)) {
        glp_delete_prob(lp);
        if (!stopped) {
            /* selecting nothing is always feasible, so this is the solver
             * failing: the greedy answer, said, rather than no summary */
            out->notes |= SELECT_NOTE_ILP_FAILED;
            return 1;
        }
        /* stopped before any integer solution: the greedy answer */
        out->notes |= rc == GLP_ETMLIM ? SELECT_NOTE_ILP_TIME_GREEDY : SELECT_NOTE_ILP_NODES_GREEDY;
        return 1;
    }
    if (stopped)
        out->notes |= rc == GLP_ETMLIM ? SELECT_NOTE_ILP_TIME_BEST : SELECT_NOTE_ILP_NODES_BEST;
    unsigned notes = out->notes;
    memset(out, 0, sizeof *out);
    out->notes = notes;
    out->sents = arena_array(a, ncand + 1, sizeof *out->sents);
    if (!out->sents) {
        glp_delete_prob(lp);
        return -1;
    }
    for (size_t k = 0; k < ncand; k++)
        if (glp_mip_col_val(lp, (int)k + 1) > 0.5)
            out->sents[out->count++] = cand[k];
    glp_delete_prob(lp);
    return 0;
}

/*
 * syndicated.c: the articles of a cluster that are near copies of another
 * one (a wire story and its reprints), for the collapse_copies option.
 *
 * A scraped cluster often holds one agency story three times, each outlet
 * with a new first line or the last paragraphs trimmed.  Their sentences
 * are the same facts, so the brief should draw on one copy, and a reader
 * should see that the others were set aside and why.
 *
 * The work is precis_dedup's (stories/dedup.c), with its defaults chosen
 * for news: word 5-shingles, the larger of Jaccard and containment at 0.5
 * or more.  A cluster is small, so the exact mode compares every pair of
 * shingle sets: no estimate, no missed pair.  Past SYNDICATED_EXACT_MAX
 * articles the signatures and LSH banding take over, so the cost stays
 * near-linear whatever the cluster's size.  In each group of copies the
 * representative (the text with the most shingles: the original a trimmed
 * reprint was cut from) is kept; every other member is a copy of it.
 */
#include "syndicated.h"

#include <stdint.h>

#include "error.h"
#include "precis_stories.h"

/* Above this many articles, candidate pairs come from LSH banding. */
#define SYNDICATED_EXACT_MAX 200

static precis_status group_copies(precis_dedup *d, size_t count, size_t *copy_of,
                                  double *similarity, precis_error *err)
{
    precis_dedup_groups *g = NULL;
    precis_status st = precis_dedup_find(d, &g, err);
    if (st != PRECIS_OK)
        return st;
    for (size_t i = 0; i < count; i++) {
        copy_of[i] = SIZE_MAX;
        similarity[i] = 0;
    }
    for (size_t k = 0; k < g->count; k++) {
        const precis_dedup_group *grp = &g->groups[k];
        for (size_t m = 0; m < grp->count; m++) {
            size_t index = grp->members[m].index;
            if (index == grp->representative)
                continue;
            copy_of[index] = grp->representative;
            similarity[index] = grp->members[m].similarity;
        }
    }
    precis_dedup_groups_free(g);
    return PRECIS_OK;
}

precis_status syndicated_find(const precis_article *articles, size_t count, size_t *copy_of,
                              double *similarity, precis_error *err)
{
    precis_dedup_options o;
    precis_dedup_options_init(&o);
    o.exact = count <= SYNDICATED_EXACT_MAX;
    precis_dedup *d = NULL;
    precis_status st = precis_dedup_new(&o, &d, err);
    for (size_t i = 0; st == PRECIS_OK && i < count; i++)
        st = precis_dedup_add(d, articles[i].text, articles[i].len, NULL, err);
    if (st == PRECIS_OK)
        st = group_copies(d, count, copy_of, similarity, err);
    precis_dedup_free(d);
    return st;
}

/*
 * story_briefs.c: `precis cluster --summarize`, a brief for each story as it
 * is written (story_briefs.h).
 *
 * The story list names its articles by id; the texts are kept here, from
 * the moment an article is read until its story is written, so memory
 * follows the live stories (with --window) or the input (without).  A story
 * is briefed the way `precis summarize` briefs a cluster, after its
 * near-duplicates are collapsed: a syndicated copy would otherwise count
 * its facts twice and fill the brief with them (the representative, the
 * longest copy, stays).
 */
#include "story_briefs.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct stored {
    char *id;
    char *text;
    size_t len;
    struct stored *next; /* same slot: another id, or the same id again */
} stored;

int text_store_init(text_store *t)
{
    t->cap = 4096;
    t->count = 0;
    t->slots = calloc(t->cap, sizeof *t->slots);
    return t->slots ? 0 : -1;
}

void text_store_free(text_store *t)
{
    for (size_t i = 0; i < t->cap; i++)
        for (stored *s = t->slots[i], *next; s; s = next) {
            next = s->next;
            free(s->id);
            free(s->text);
            free(s);
        }
    free(t->slots);
    t->slots = NULL;
}

int text_store_put(text_store *t, const char *id, const char *text, size_t len)
{
    stored *s = calloc(1, sizeof *s);
    if (!s || !(s->id = strdup(id)) || !(s->text = malloc(len + 1))) {
        if (s)
            free(s->id);
        free(s);
        return -1;
    }
    memcpy(s->text, text, len);
    s->text[len] = '\0';
    s->len = len;
    /* appended at the end of its chain: the same id taken in input order */
    stored **at = &t->slots[cli_hash(id) & (t->cap - 1)];
    while (*at)
        at = &(*at)->next;
    *at = s;
    t->count++;
    return 0;
}

/* Takes the first stored text of `id` out of the store (NULL when none). */
static stored *text_store_take(text_store *t, const char *id)
{
    for (stored **at = &t->slots[cli_hash(id) & (t->cap - 1)]; *at; at = &(*at)->next)
        if (!strcmp((*at)->id, id)) {
            stored *s = *at;
            *at = s->next;
            t->count--;
            return s;
        }
    return NULL;
}

/* The story's articles without their near-copies: keep[i] is 1 for the
 * representatives and the articles with no copy. */
static int collapse_copies(stored **arts, size_t n, unsigned char *keep, precis_error *err)
{
    precis_dedup *d = NULL;
    if (precis_dedup_new(NULL, &d, err) != PRECIS_OK)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (precis_dedup_add(d, arts[i]->text, arts[i]->len, NULL, err) != PRECIS_OK) {
            precis_dedup_free(d);
            return -1;
        }
    precis_dedup_groups *g = NULL;
    if (precis_dedup_find(d, &g, err) != PRECIS_OK) {
        precis_dedup_free(d);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        keep[i] = g->groups[g->group_of[i]].representative == i;
    precis_dedup_groups_free(g);
    precis_dedup_free(d);
    return 0;
}

/* The story's JSON line with "brief" (the summary's JSON object) and
 * "copies_collapsed" before its closing brace. */
static char *join_json(const char *story, const char *brief, size_t collapsed)
{
    size_t sl = strlen(story), bl = strlen(brief);
    char *out = malloc(sl + bl + 64);
    if (!out || sl == 0)
        return free(out), NULL;
    memcpy(out, story, sl - 1);
    int n = snprintf(out + sl - 1, bl + 64, ",\"copies_collapsed\":%zu,\"brief\":%s}", collapsed,
                     brief);
    return n < 0 ? (free(out), NULL) : out;
}

int story_brief_json(precis_summarizer *sz, text_store *t, const precis_story *story,
                     const char *story_json, char **out, precis_error *err)
{
    *out = NULL;
    size_t n = story->count;
    stored **arts = calloc(n ? n : 1, sizeof *arts);
    unsigned char *keep = calloc(n ? n : 1, 1);
    precis_article *kept = calloc(n ? n : 1, sizeof *kept);
    int rc = -1;
    if (!arts || !keep || !kept) {
        PRECIS_FAIL_CLI(err, PRECIS_E_NOMEM, "", "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (!(arts[i] = text_store_take(t, story->articles[i]))) {
            PRECIS_FAIL_CLI(err, PRECIS_E_INTERNAL, "", "article '%s' of story %llu was not kept",
                            story->articles[i], (unsigned long long)story->id);
            goto done;
        }
    if (collapse_copies(arts, n, keep, err) < 0)
        goto done;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (keep[i])
            kept[m++] = (precis_article){arts[i]->id, arts[i]->text, arts[i]->len};
    precis_summary *sum = NULL;
    precis_cluster cluster = {NULL, kept, m, PRECIS_MARKUP_PLAIN, NULL, 0, NULL};
    precis_status st = precis_summarize(sz, kept, m, PRECIS_MARKUP_PLAIN, &sum, err);
    if (st == PRECIS_E_EMPTY) {
        /* a story of empty texts gets an empty brief, said in it */
        *out = join_json(story_json, "{\"summary\":\"\",\"words\":0,\"sentences\":[],"
                                     "\"warnings\":[\"no article text to summarize\"]}",
                         n - m);
    } else if (st == PRECIS_OK) {
        char *brief = NULL;
        if (precis_summary_to_json(sum, &cluster, NULL, &brief, err) == PRECIS_OK)
            *out = join_json(story_json, brief, n - m);
        precis_string_free(brief);
    }
    precis_summary_free(sum);
    if (!*out && (st == PRECIS_OK || st == PRECIS_E_EMPTY))
        PRECIS_FAIL_CLI(err, PRECIS_E_NOMEM, "", "out of memory");
    rc = *out ? 0 : -1;
done:
    for (size_t i = 0; arts && i < n; i++)
        if (arts[i]) {
            free(arts[i]->id);
            free(arts[i]->text);
            free(arts[i]);
        }
    free(arts);
    free(keep);
    free(kept);
    return rc;
}

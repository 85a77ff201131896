/*
 * fuzz_stream.c: one line of an article stream through
 * precis_stream_article_parse (and so precis_parse_time), then what
 * `precis dedup` and `precis cluster` do with the article: a near-duplicate
 * signature and a place in a story.
 *
 * Why: the stream is written by crawlers and feeds: any id, a text with NUL
 * bytes and invalid UTF-8, dates in every shape a feed invents.  A parsed
 * article promises an id, a text of `len` bytes, and a time that is NAN
 * exactly when there is no date.
 *
 * Input layout: the line itself (without its newline).
 */
#include "fuzz_common.h"

#include <math.h>

#include "precis_stories.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_error err;
    precis_stream_article a;
    if (precis_stream_article_parse((const char *)data, size, "fuzz.jsonl", 1, &a, &err) !=
        PRECIS_OK) {
        FUZZ_CHECK(a.id == NULL && a.text == NULL, "a failed parse left an article behind");
        return 0;
    }
    FUZZ_CHECK(a.id && a.id[0] && a.text, "a parsed article without id or text");
    FUZZ_CHECK(isnan(a.time) == (a.date == NULL), "time and date disagree");
    precis_dedup *d = NULL;
    FUZZ_CHECK(precis_dedup_new(NULL, &d, &err) == PRECIS_OK, "precis_dedup_new: %s", err.message);
    FUZZ_CHECK(precis_dedup_add(d, a.text, a.len, NULL, &err) == PRECIS_OK &&
                   precis_dedup_add(d, a.text, a.len, NULL, &err) == PRECIS_OK,
               "precis_dedup_add: %s", err.message);
    precis_dedup_groups *g = NULL;
    FUZZ_CHECK(precis_dedup_find(d, &g, &err) == PRECIS_OK, "precis_dedup_find: %s", err.message);
    FUZZ_CHECK(g->texts == 2 && g->group_of[0] < g->count && g->group_of[1] < g->count,
               "every text in a group");
    precis_dedup_groups_free(g);
    precis_dedup_free(d);
    precis_stories *s = NULL;
    FUZZ_CHECK(precis_stories_new(fuzz_model(), NULL, &s, &err) == PRECIS_OK,
               "precis_stories_new: %s", err.message);
    uint64_t story = 0;
    FUZZ_CHECK(precis_stories_add(s, a.id, a.title, a.text, a.len, a.time, &story, &err) ==
                   PRECIS_OK && story == 1,
               "precis_stories_add: %s", err.message);
    precis_story_list *l = NULL;
    FUZZ_CHECK(precis_stories_flush(s, NAN, 1, &l, &err) == PRECIS_OK && l->count == 1 &&
                   l->stories[0].count == 1,
               "precis_stories_flush");
    char *json = NULL;
    FUZZ_CHECK(precis_story_to_json(&l->stories[0], &json, &err) == PRECIS_OK,
               "precis_story_to_json: %s", err.message);
    precis_string_free(json);
    precis_story_list_free(l);
    precis_stories_free(s);
    precis_stream_article_clear(&a);
    return 0;
}

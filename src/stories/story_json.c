/*
 * story_json.c: a story as one JSON line (precis_story_to_json): its id,
 * size, article ids in the order they came, and the times of its first and
 * last article as ISO 8601 UTC when the stream had dates; and a group of
 * near copies as one JSON line (precis_dedup_group_to_json), as `precis
 * dedup` prints it and the server answers.
 */
#include "precis_stories.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "error.h"

/* seconds since 1970 -> "YYYY-MM-DDTHH:MM:SSZ" */
static json_t *iso_time(double seconds)
{
    time_t t = (time_t)floor(seconds);
    struct tm tm;
    char buf[32];
    if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
        return json_null();
    return json_string(buf);
}

precis_status precis_story_to_json(const precis_story *story, char **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!story || !out)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_story_to_json: NULL argument");
    json_t *root = json_object();
    json_t *ids = json_array();
    int bad = !root || !ids;
    bad = bad || json_object_set_new(root, "story", json_integer((json_int_t)story->id)) < 0;
    bad = bad || json_object_set_new(root, "size", json_integer((json_int_t)story->count)) < 0;
    for (size_t i = 0; !bad && i < story->count; i++)
        bad = json_array_append_new(ids, json_string(story->articles[i])) < 0;
    bad = bad || json_object_set(root, "articles", ids) < 0;
    if (!bad && !isnan(story->first_seen))
        bad = json_object_set_new(root, "first_seen", iso_time(story->first_seen)) < 0 ||
              json_object_set_new(root, "last_seen", iso_time(story->last_seen)) < 0;
    char *text = bad ? NULL : json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(ids);
    json_decref(root);
    if (!text)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    *out = text;
    return PRECIS_OK;
}

precis_status precis_dedup_group_to_json(const precis_dedup_groups *groups, size_t index,
                                         const char *const *ids, char **out, precis_error *err)
{
    if (out)
        *out = NULL;
    if (!groups || !ids || !out || index >= groups->count)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0,
                           "precis_dedup_group_to_json: NULL argument or no such group");
    const precis_dedup_group *g = &groups->groups[index];
    json_t *root = json_object(), *members = json_array(), *sims = json_array();
    int bad = !root || !members || !sims;
    for (size_t k = 0; !bad && k < g->count; k++) {
        bad |= json_array_append_new(members, json_string(ids[g->members[k].index])) < 0;
        bad |= json_array_append_new(sims, json_real(g->members[k].similarity)) < 0;
    }
    bad = bad || json_object_set_new(root, "group", json_integer((json_int_t)index + 1)) < 0 ||
          json_object_set(root, "members", members) < 0 ||
          json_object_set_new(root, "representative", json_string(ids[g->representative])) < 0 ||
          json_object_set(root, "similarities", sims) < 0;
    char *text = bad ? NULL : json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(members);
    json_decref(sims);
    json_decref(root);
    if (!text)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, NULL, 0, "out of memory");
    *out = text;
    return PRECIS_OK;
}

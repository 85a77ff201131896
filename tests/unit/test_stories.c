/*
 * test_stories.c: story clustering of a stream (precis_stories_*): articles
 * of one event join one story and other events open their own, a window
 * makes stories go quiet and hands them out, max_live bounds the live
 * stories with a warning, every article comes back exactly once; a
 * near-duplicate joins its original's story and its words count once,
 * and the copy index follows flushes and merges; ISO 8601 times and the
 * stream's JSON lines.  Articles written for the project.
 */
#include "test_util.h"

#include <math.h>

#include "precis_stories.h"

static const char *const bridge[] = {
    "The Millbrook city council voted 7 to 2 to close the Alder Street bridge over the Kettle "
    "river after inspectors found corrosion in its steel floor beams.",
    "Millbrook will close the Alder Street bridge on Monday: the council vote followed a state "
    "inspection that found corroded floor beams and a cracked pier on the Kettle river crossing.",
    "Merchants near the Alder Street bridge in Millbrook fear the closure of the corroded Kettle "
    "river crossing will cost them customers for years.",
};
static const char *const strike[] = {
    "Train drivers and conductors at Lakeshore Regional Rail begin a 48-hour strike on Thursday "
    "after pay talks with the union collapsed.",
    "Lakeshore Regional Rail expects to run 30 of its 340 weekday trains during the 48-hour "
    "strike by drivers and conductors over pay and staffing.",
};
static const char *const fire[] = {
    "The Cedar Hollow wildfire near Portville grew to 14,200 acres overnight as firefighters "
    "tried to hold a line east of the town.",
    "Firefighters fought the Cedar Hollow fire east of Portville for a second night; the blaze "
    "has burned 14,200 acres and 23 homes.",
};

/* A wire story and its reprints: a few words changed, cut short, and run
 * together with an unrelated item (the wire story is all contained in it). */
static const char wire[] =
    "The Harlow county board of health closed the public beach at Mirror Lake on Friday after "
    "water samples taken on Wednesday showed high levels of toxic blue-green algae. Dogs and "
    "swimmers should stay out of the water until two samples in a row come back clean, the "
    "board said in a statement. The beach draws about 4,000 visitors on a summer weekend, and "
    "the closure comes days before the lake's annual regatta, which organizers said would go "
    "ahead on the far shore if the algae do not spread there.";
static const char wire_edited[] =
    "The Harlow county health board closed the public beach at Mirror Lake on Friday after "
    "water samples taken on Wednesday showed high levels of toxic blue-green algae. Dogs and "
    "swimmers should stay out of the water until two samples in a row come back clean, the "
    "board said in a statement. The beach draws about 4,000 visitors on a summer weekend, and "
    "the closure comes days before the lake's yearly regatta, which organizers said would go "
    "ahead on the far shore if the algae do not spread there.";
static const char wire_trimmed[] =
    "The Harlow county board of health closed the public beach at Mirror Lake on Friday after "
    "water samples taken on Wednesday showed high levels of toxic blue-green algae. Dogs and "
    "swimmers should stay out of the water until two samples in a row come back clean, the "
    "board said in a statement.";

typedef struct stream {
    precis_model *model;
    precis_stories *stories;
} stream;

static void open_stream(stream *s, const precis_stories_options *o)
{
    precis_error err;
    assert_int_equal(precis_model_new(&s->model, &err), PRECIS_OK);
    assert_int_equal(precis_stories_new(s->model, o, &s->stories, &err), PRECIS_OK);
}

static void close_stream(stream *s)
{
    precis_stories_free(s->stories);
    precis_model_free(s->model);
}

static uint64_t add(stream *s, const char *id, const char *text, double time)
{
    precis_error err;
    uint64_t story = 0;
    assert_int_equal(precis_stories_add(s->stories, id, NULL, text, strlen(text), time, &story, &err),
                     PRECIS_OK);
    return story;
}

static void test_one_event_one_story(void **state)
{
    (void)state;
    stream s;
    open_stream(&s, NULL);
    /* interleaved, as a stream brings them */
    uint64_t b0 = add(&s, "b0", bridge[0], NAN);
    uint64_t s0 = add(&s, "s0", strike[0], NAN);
    uint64_t f0 = add(&s, "f0", fire[0], NAN);
    uint64_t b1 = add(&s, "b1", bridge[1], NAN);
    uint64_t s1 = add(&s, "s1", strike[1], NAN);
    uint64_t f1 = add(&s, "f1", fire[1], NAN);
    uint64_t b2 = add(&s, "b2", bridge[2], NAN);
    assert_true(b0 != s0 && b0 != f0 && s0 != f0);
    assert_int_equal(b1, b0);
    assert_int_equal(b2, b0);
    assert_int_equal(s1, s0);
    assert_int_equal(f1, f0);
    assert_int_equal(b0, 1); /* numbered in the order they open */
    assert_int_equal(precis_stories_live(s.stories), 3);
    precis_error err;
    precis_story_list *l = NULL;
    assert_int_equal(precis_stories_flush(s.stories, NAN, 1, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 3);
    assert_int_equal(l->stories[0].count, 3);
    assert_string_equal(l->stories[0].articles[0], "b0");
    assert_string_equal(l->stories[0].articles[2], "b2");
    assert_int_equal(precis_stories_live(s.stories), 0);
    char *json = NULL;
    assert_int_equal(precis_story_to_json(&l->stories[1], &json, &err), PRECIS_OK);
    assert_string_equal(json, "{\"story\":2,\"size\":2,\"articles\":[\"s0\",\"s1\"]}");
    precis_string_free(json);
    precis_story_list_free(l);
    close_stream(&s);
}

static void test_a_window_hands_out_quiet_stories(void **state)
{
    (void)state;
    precis_stories_options o;
    precis_stories_options_init(&o);
    o.window = 3600;
    stream s;
    open_stream(&s, &o);
    double t0 = 1700000000;
    add(&s, "b0", bridge[0], t0);
    add(&s, "s0", strike[0], t0 + 60);
    add(&s, "b1", bridge[1], t0 + 1800);
    precis_error err;
    precis_story_list *l = NULL;
    /* at +50 min nothing is quiet; at +61 min 40 s the strike (its only
     * article at +1 min) is, the bridge (last article at +30 min) is not */
    assert_int_equal(precis_stories_flush(s.stories, t0 + 3000, 0, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 0);
    precis_story_list_free(l);
    assert_int_equal(precis_stories_flush(s.stories, t0 + 3700, 0, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 1);
    assert_string_equal(l->stories[0].articles[0], "s0");
    char *json = NULL;
    assert_int_equal(precis_story_to_json(&l->stories[0], &json, &err), PRECIS_OK);
    assert_non_null(strstr(json, "\"first_seen\":\"2023-11-14T22:14:20Z\""));
    precis_string_free(json);
    precis_story_list_free(l);
    /* a late article of the bridge story after it went quiet opens a new
     * story: the old one was handed out */
    assert_int_equal(precis_stories_flush(s.stories, t0 + 9000, 0, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 1);
    assert_int_equal(l->stories[0].count, 2);
    precis_story_list_free(l);
    assert_int_equal(precis_stories_live(s.stories), 0);
    uint64_t late = add(&s, "b2", bridge[2], t0 + 9100);
    assert_int_equal(late, 3);
    close_stream(&s);
}

static void test_max_live_bounds_the_stories_and_says_so(void **state)
{
    (void)state;
    precis_stories_options o;
    precis_stories_options_init(&o);
    o.max_live = 2;
    stream s;
    open_stream(&s, &o);
    add(&s, "b0", bridge[0], NAN);
    add(&s, "s0", strike[0], NAN);
    add(&s, "f0", fire[0], NAN); /* the bridge story goes out early */
    assert_int_equal(precis_stories_live(s.stories), 2);
    precis_error err;
    precis_story_list *l = NULL;
    assert_int_equal(precis_stories_flush(s.stories, NAN, 1, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 3);
    assert_non_null(strstr(l->warnings, "went quiet early"));
    size_t articles = 0;
    for (size_t i = 0; i < l->count; i++)
        articles += l->stories[i].count;
    assert_int_equal(articles, 3);
    precis_story_list_free(l);
    close_stream(&s);
}

/* Options that make the vector search join nothing but identical vectors
 * and never merge: whatever joins a story then joins it as a copy. */
static void copies_only(precis_stories_options *o)
{
    precis_stories_options_init(o);
    o->threshold = 1;
    o->merge_threshold = 1;
}

static precis_story_list *flush_all(stream *s)
{
    precis_error err;
    precis_story_list *l = NULL;
    assert_int_equal(precis_stories_flush(s->stories, NAN, 1, &l, &err), PRECIS_OK);
    return l;
}

static void test_a_copy_joins_its_original(void **state)
{
    (void)state;
    precis_stories_options o;
    copies_only(&o);
    stream s;
    open_stream(&s, &o);
    uint64_t w = add(&s, "wire", wire, NAN);
    add(&s, "b0", bridge[0], NAN);
    add(&s, "s0", strike[0], NAN);
    /* after unrelated articles, the reprints find the wire story */
    assert_int_equal(add(&s, "edited", wire_edited, NAN), w);
    assert_int_equal(add(&s, "trimmed", wire_trimmed, NAN), w);
    assert_int_not_equal(add(&s, "f0", fire[0], NAN), w);
    precis_story_list *l = flush_all(&s);
    assert_int_equal(l->count, 4);
    assert_int_equal(l->stories[0].count, 3);
    assert_string_equal(l->stories[0].articles[1], "edited"); /* in the order they came */
    precis_story_list_free(l);
    /* everything flushed: the next reprint opens a story, the one after
     * finds it */
    uint64_t again = add(&s, "trimmed again", wire_trimmed, NAN);
    assert_int_equal(again, 5);
    assert_int_equal(add(&s, "wire again", wire, NAN), again);
    close_stream(&s);

    /* without the check the reprints' vectors differ from the original's:
     * at a threshold of 1 each opens a story of its own */
    o.copy_threshold = 0;
    open_stream(&s, &o);
    w = add(&s, "wire", wire, NAN);
    assert_int_not_equal(add(&s, "edited", wire_edited, NAN), w);
    assert_int_not_equal(add(&s, "trimmed", wire_trimmed, NAN), w);
    close_stream(&s);
}

static void test_a_copy_adds_no_words_to_its_story(void **state)
{
    (void)state;
    /* the wire story with a strike item run on after it: a copy (the wire
     * story is contained in it), whose strike words must stay out of the
     * beach story's vector */
    char combined[2048];
    snprintf(combined, sizeof combined, "%s %s %s", wire, strike[0], strike[1]);
    precis_stories_options o;
    precis_stories_options_init(&o);
    o.merge_threshold = 1;
    stream s;
    open_stream(&s, &o);
    uint64_t w = add(&s, "wire", wire, NAN);
    assert_int_equal(add(&s, "combined", combined, NAN), w);
    /* the next strike article finds no strike words in the beach story */
    assert_int_not_equal(add(&s, "s1", strike[1], NAN), w);
    close_stream(&s);

    /* without the check the combined page joins by its vector, and brings
     * the strike into the beach story, where the strike article follows */
    o.copy_threshold = 0;
    open_stream(&s, &o);
    w = add(&s, "wire", wire, NAN);
    assert_int_equal(add(&s, "combined", combined, NAN), w);
    assert_int_equal(add(&s, "s1", strike[1], NAN), w);
    close_stream(&s);
}

static void test_a_flushed_story_takes_no_copies(void **state)
{
    (void)state;
    precis_stories_options o;
    copies_only(&o);
    o.window = 3600;
    stream s;
    open_stream(&s, &o);
    double t0 = 1700000000;
    uint64_t w = add(&s, "wire", wire, t0);
    assert_int_equal(add(&s, "edited", wire_edited, t0 + 60), w);
    precis_error err;
    precis_story_list *l = NULL;
    assert_int_equal(precis_stories_flush(s.stories, t0 + 7200, 0, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 1);
    precis_story_list_free(l);
    /* the story is gone, its articles out of the copy index: a late reprint
     * opens a story, and the next one finds that one */
    uint64_t late = add(&s, "trimmed", wire_trimmed, t0 + 7300);
    assert_int_equal(late, w + 1);
    assert_int_equal(add(&s, "edited again", wire_edited, t0 + 7400), late);
    assert_int_equal(precis_stories_live(s.stories), 1);
    l = flush_all(&s);
    assert_int_equal(l->count, 1);
    assert_int_equal(l->stories[0].id, late);
    assert_int_equal(l->stories[0].count, 2);
    precis_story_list_free(l);
    close_stream(&s);
}

static void test_a_merge_moves_the_copies(void **state)
{
    (void)state;
    precis_stories_options o;
    precis_stories_options_init(&o);
    o.threshold = 1;           /* two bridge articles open two stories ... */
    o.merge_threshold = 0.05;  /* ... that become one when the first goes quiet */
    o.window = 3600;
    stream s;
    open_stream(&s, &o);
    double t0 = 1700000000;
    char bridge_wire[1024];
    snprintf(bridge_wire, sizeof bridge_wire, "%s %s", bridge[0], wire);
    uint64_t first = add(&s, "b0", bridge_wire, t0);
    uint64_t second = add(&s, "b1", bridge[1], t0 + 1800);
    assert_int_not_equal(first, second);
    precis_error err;
    precis_story_list *l = NULL;
    assert_int_equal(precis_stories_flush(s.stories, t0 + 4000, 0, &l, &err), PRECIS_OK);
    assert_int_equal(l->count, 0); /* merged into the live one, not written */
    precis_story_list_free(l);
    assert_int_equal(precis_stories_live(s.stories), 1);
    /* a reprint of the first story's article finds it in the second */
    assert_int_equal(add(&s, "reprint", wire, t0 + 4100), second);
    l = flush_all(&s);
    assert_int_equal(l->count, 1);
    assert_int_equal(l->stories[0].count, 3);
    precis_story_list_free(l);
    close_stream(&s);
}

static void test_bad_options_are_refused(void **state)
{
    (void)state;
    precis_model *model;
    precis_error err;
    assert_int_equal(precis_model_new(&model, &err), PRECIS_OK);
    precis_stories_options o;
    precis_stories_options_init(&o);
    o.threshold = 0;
    precis_stories *s = NULL;
    assert_int_equal(precis_stories_new(model, &o, &s, &err), PRECIS_E_ARGUMENT);
    assert_null(s);
    precis_stories_options_init(&o);
    o.window = -1;
    assert_int_equal(precis_stories_new(model, &o, &s, &err), PRECIS_E_ARGUMENT);
    static const double bad_copies[] = {-0.1, 1.5, NAN};
    for (size_t i = 0; i < sizeof bad_copies / sizeof *bad_copies; i++) {
        precis_stories_options_init(&o);
        o.copy_threshold = bad_copies[i];
        assert_int_equal(precis_stories_new(model, &o, &s, &err), PRECIS_E_ARGUMENT);
        assert_non_null(strstr(err.message, "copy threshold"));
    }
    precis_stories_options_init(&o);
    o.copy_threshold = 0; /* off */
    assert_int_equal(precis_stories_new(model, &o, &s, &err), PRECIS_OK);
    precis_stories_free(s);
    /* a caller compiled before copy_threshold gets the check, by default */
    precis_stories_options old;
    precis_stories_options_init_sized(&old, offsetof(precis_stories_options, copy_threshold));
    assert_int_equal(old.size, offsetof(precis_stories_options, copy_threshold));
    assert_int_equal(precis_stories_new(model, &old, &s, &err), PRECIS_OK);
    precis_stories_free(s);
    precis_model_free(model);
}

static void test_iso_times(void **state)
{
    (void)state;
    precis_error err;
    double t;
    assert_int_equal(precis_parse_time("1970-01-01", &t, &err), PRECIS_OK);
    assert_true(t == 0);
    assert_int_equal(precis_parse_time("2024-02-29T12:30:00Z", &t, &err), PRECIS_OK);
    assert_true(t == 1709209800);
    assert_int_equal(precis_parse_time("2024-02-29 14:30:00+02:00", &t, &err), PRECIS_OK);
    assert_true(t == 1709209800);
    assert_int_equal(precis_parse_time("2024-02-29T07:30-0500", &t, &err), PRECIS_OK);
    assert_true(t == 1709209800);
    static const char *const bad[] = {"2023-02-29", "2024-13-01", "2024-01-01T25:00", "yesterday",
                                      "2024-01-01T10:00:00 UTC", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(precis_parse_time(bad[i], &t, &err), PRECIS_E_FORMAT);
}

static void test_stream_article_lines(void **state)
{
    (void)state;
    precis_error err;
    precis_stream_article a;
    const char *good = "{\"id\": 17, \"title\": \"Bridge closes\", \"text\": \"The council voted.\", "
                       "\"date\": \"2024-05-01\"}";
    assert_int_equal(precis_stream_article_parse(good, strlen(good), "in.jsonl", 3, &a, &err),
                     PRECIS_OK);
    assert_string_equal(a.id, "17");
    assert_string_equal(a.title, "Bridge closes");
    assert_int_equal(a.len, 18);
    assert_true(a.time == 1714521600);
    precis_stream_article_clear(&a);
    static const char *const bad[] = {
        "{\"text\": \"no id\"}", "{\"id\": \"\", \"text\": \"empty id\"}", "{\"id\": \"a\"}",
        "{\"id\": \"a\", \"text\": 3}", "{\"id\": \"a\", \"text\": \"x\", \"date\": \"May 1\"}",
        "{\"id\": \"a\", \"id\": \"b\", \"text\": \"x\"}", "[1, 2]", "{\"id\": \"a\", \"text\""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(precis_stream_article_parse(bad[i], strlen(bad[i]), "in.jsonl", 9, &a, &err),
                         PRECIS_E_FORMAT);
        assert_int_equal(err.line, 9);
        assert_null(a.id);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_event_one_story),
        cmocka_unit_test(test_a_window_hands_out_quiet_stories),
        cmocka_unit_test(test_max_live_bounds_the_stories_and_says_so),
        cmocka_unit_test(test_a_copy_joins_its_original),
        cmocka_unit_test(test_a_copy_adds_no_words_to_its_story),
        cmocka_unit_test(test_a_flushed_story_takes_no_copies),
        cmocka_unit_test(test_a_merge_moves_the_copies),
        cmocka_unit_test(test_bad_options_are_refused),
        cmocka_unit_test(test_iso_times),
        cmocka_unit_test(test_stream_article_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

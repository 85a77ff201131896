/*
 * test_segment.c: clean-up and sentence segmentation on real news text.
 */
#include "test_util.h"

#include "arena.h"
#include "clean.h"
#include "segment.h"

typedef struct split_result {
    arena a;
    char **text;
    unsigned *flags;
    size_t count;
} split_result;

static void split(split_result *r, const char *text, size_t len, precis_markup markup)
{
    arena_init(&r->a);
    text_span *paras = NULL;
    size_t dropped = 0;
    long n = clean_paragraphs(&r->a, text, len, markup, &paras, &dropped);
    assert_true(n >= 0);
    seg_list segs = {0};
    for (long p = 0; p < n; p++)
        assert_int_equal(segment_paragraph(&r->a, text, paras[p], &segs), 0);
    r->count = segs.count;
    r->text = arena_array(&r->a, segs.count + 1, sizeof *r->text);
    r->flags = arena_array(&r->a, segs.count + 1, sizeof *r->flags);
    for (size_t i = 0; i < segs.count; i++) {
        r->text[i] = arena_strndup(&r->a, text + segs.items[i].start,
                                   segs.items[i].end - segs.items[i].start);
        r->flags[i] = segs.items[i].flags;
    }
}

static void expect_sentences(const char *text, const char *const *expected)
{
    split_result r;
    split(&r, text, strlen(text), PRECIS_MARKUP_PLAIN);
    size_t n = 0;
    while (expected[n])
        n++;
    if (r.count != n) {
        for (size_t i = 0; i < r.count; i++)
            print_message("  got [%zu] <%s>\n", i, r.text[i]);
    }
    assert_int_equal(r.count, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(r.text[i], expected[i]);
    arena_release(&r.a);
}

static void titles_and_initials_do_not_end_sentences(void **state)
{
    (void)state;
    expect_sentences("Mr. Smith met Gen. Augusto Pinochet in London. John F. Kennedy was "
                     "shot in Dallas. Dr. Jones, Sen. Ted Cruz and Lt. Col. Sam Vance spoke.",
                     (const char *const[]){"Mr. Smith met Gen. Augusto Pinochet in London.",
                                           "John F. Kennedy was shot in Dallas.",
                                           "Dr. Jones, Sen. Ted Cruz and Lt. Col. Sam Vance spoke.",
                                           NULL});
}

static void numbers_and_abbreviations_stay_inside(void **state)
{
    (void)state;
    expect_sentences("The U.S. Army said 3.5% of its 1,000 troops cost $1.2 billion. "
                     "They left at 9 a.m. Tuesday and No. 2 stayed until Sept. 11. "
                     "Shares of Apple Inc. rose.",
                     (const char *const[]){
                         "The U.S. Army said 3.5% of its 1,000 troops cost $1.2 billion.",
                         "They left at 9 a.m. Tuesday and No. 2 stayed until Sept. 11.",
                         "Shares of Apple Inc. rose.", NULL});
}

static void ambiguous_abbreviation_ends_before_an_opener(void **state)
{
    (void)state;
    expect_sentences("The troops returned to the U.S. The army said so.",
                     (const char *const[]){"The troops returned to the U.S.",
                                           "The army said so.", NULL});
}

static void quotes_and_brackets_after_the_stop_belong_to_the_sentence(void **state)
{
    (void)state;
    expect_sentences("“Nothing can justify his killing,” said Ghanem Tayara. “It is beyond "
                     "comprehension.” He left. \"We simply cannot receive more.\" She said (it "
                     "was late.) Then it ended.",
                     (const char *const[]){"“Nothing can justify his killing,” said Ghanem Tayara.",
                                           "“It is beyond comprehension.”", "He left.",
                                           "\"We simply cannot receive more.\"",
                                           "She said (it was late.)", "Then it ended.", NULL});
}

static void ellipses_question_and_exclamation_marks(void **state)
{
    (void)state;
    expect_sentences("Closing the border violates its obligations…. The rest waited... Why? "
                     "Nobody knew! It ended.",
                     (const char *const[]){"Closing the border violates its obligations….",
                                           "The rest waited...", "Why?", "Nobody knew!",
                                           "It ended.", NULL});
}

static void datelines_stay_with_their_sentence(void **state)
{
    (void)state;
    expect_sentences("BEIRUT — Syrian forces advanced on Tuesday. LONDON (AP) _ A lawmaker "
                     "backed Spanish requests.",
                     (const char *const[]){"BEIRUT — Syrian forces advanced on Tuesday.",
                                           "LONDON (AP) _ A lawmaker backed Spanish requests.",
                                           NULL});
}

static void tokenized_lowercased_text_as_in_multi_news(void **state)
{
    (void)state;
    expect_sentences("readers snapped up copies in the u.s. after it was released . \" we are "
                     "seeing record sales , \" said sonny mehta . Mr. Obama in washington said "
                     "8.2 % of people ( ap ) agree . Attorney general loretta e. Lynch spoke at n. "
                     "Villere street. The end came.",
                     (const char *const[]){
                         "readers snapped up copies in the u.s. after it was released .",
                         "\" we are seeing record sales , \" said sonny mehta .",
                         "Mr. Obama in washington said 8.2 % of people ( ap ) agree .",
                         "Attorney general loretta e. Lynch spoke at n. Villere street.",
                         "The end came.", NULL});
}

static void headlines_are_sentences_flagged_without_final_punctuation(void **state)
{
    (void)state;
    const char *text = "Trapping the Civilians\n\nThe Jordanian Government said on Monday that "
                       "it will not accept any people.\n\nAmnesty International responded in a "
                       "statement:\n";
    split_result r;
    split(&r, text, strlen(text), PRECIS_MARKUP_PLAIN);
    assert_int_equal(r.count, 3);
    assert_string_equal(r.text[0], "Trapping the Civilians");
    assert_true(r.flags[0] & SEG_NO_FINAL_PUNCT);
    assert_false(r.flags[1] & SEG_NO_FINAL_PUNCT);
    /* "responded in a statement:" introduces what follows: no final stop */
    assert_string_equal(r.text[2], "Amnesty International responded in a statement:");
    assert_true(r.flags[2] & SEG_NO_FINAL_PUNCT);
    arena_release(&r.a);
}

static void hard_wrapped_sgml_is_joined_into_paragraphs(void **state)
{
    (void)state;
    const char *doc =
        "<DOC>\n<DOCNO> APW19981017.0151 </DOCNO>\n<HEADER>\nw2985 &Cx1f; wstm-\n</HEADER>\n"
        "<BODY>\n<TEXT>\n"
        "\t   LONDON (AP) _ An influential lawmaker from the governing Labor\n"
        "Party on Saturday backed Spanish requests to question former\n"
        "Chilean dictator Gen. Augusto Pinochet, in London for back surgery,\n"
        "on allegations of genocide and terrorism.\n"
        "\t   ``Clearly, the Spanish authorities have every right to try and\n"
        "investigate these matters further.''\n"
        "</TEXT>\n</BODY>\n</DOC>\n";
    split_result r;
    split(&r, doc, strlen(doc), PRECIS_MARKUP_SGML);
    assert_int_equal(r.count, 2);
    assert_true(strstr(r.text[0], "LONDON (AP) _ An influential") == r.text[0]);
    assert_true(strstr(r.text[0], "genocide and terrorism.") != NULL);
    assert_true(strstr(r.text[1], "``Clearly") == r.text[1]);
    assert_true(strstr(r.text[1], "further.''") != NULL);
    arena_release(&r.a);
}

/* ---- clean-up on the bundled seed articles ---------------------------- */

static char *read_example(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "examples/daraa/%s", name);
    char *text = test_read_file(path, len);
    assert_non_null(text);
    return text;
}

static int any_sentence_contains(const split_result *r, const char *needle)
{
    for (size_t i = 0; i < r->count; i++)
        if (strstr(r->text[i], needle))
            return 1;
    return 0;
}

static void seed_captions_and_tweets_are_removed(void **state)
{
    (void)state;
    size_t len;
    char *text = read_example("001_119253a322498d90.txt", &len);
    split_result r;
    split(&r, text, len, PRECIS_MARKUP_PLAIN);
    assert_false(any_sentence_contains(&r, "Photos / AP"));
    assert_false(any_sentence_contains(&r, "This photo provided by"));
    assert_false(any_sentence_contains(&r, "pic.twitter.com"));
    assert_false(any_sentence_contains(&r, "#Daraa"));
    assert_false(any_sentence_contains(&r, "No deterrent"));
    assert_true(any_sentence_contains(&r, "The statement said it was \"critical for Russia"));
    assert_true(any_sentence_contains(&r, "King Abdullah of Jordan is in Washington"));
    arena_release(&r.a);
    free(text);
}

static void seed_video_caption_and_contributor_line_are_removed(void **state)
{
    (void)state;
    size_t len;
    char *text = read_example("000_424f73fbbff911b5.txt", &len);
    split_result r;
    split(&r, text, len, PRECIS_MARKUP_PLAIN);
    assert_false(any_sentence_contains(&r, "(Nabaa)"));
    assert_false(any_sentence_contains(&r, "contributed to this report"));
    assert_true(any_sentence_contains(&r, "King Abdullah\xc2\xa0II of Jordan"));
    arena_release(&r.a);
    free(text);
}

static void seed_cross_links_and_related_articles_are_removed(void **state)
{
    (void)state;
    size_t len;
    char *text = read_example("002_e0ea39413d814194.txt", &len);
    split_result r;
    split(&r, text, len, PRECIS_MARKUP_PLAIN);
    assert_false(any_sentence_contains(&r, "See Syria Daily"));
    assert_true(any_sentence_contains(&r, "Trapping the Civilians"));
    arena_release(&r.a);
    free(text);

    text = read_example("003_701a64f51c75c631.txt", &len);
    split(&r, text, len, PRECIS_MARKUP_PLAIN);
    assert_false(any_sentence_contains(&r, "[Anadolu]"));
    assert_false(any_sentence_contains(&r, "Related Articles"));
    assert_false(any_sentence_contains(&r, "Hajj virtues"));
    assert_true(any_sentence_contains(&r, "Iranian-backed armed groups are also believed"));
    arena_release(&r.a);
    free(text);
}

static void sentence_verdicts_catch_junk_inside_long_prose(void **state)
{
    (void)state;
    const char *junk[] = {
        "( ap photo/evan vucci )",
        "Image copyright Getty Images Image caption Smoke over the city",
        "— Rami Abdulrahman (@rami) June 25, 2018",
        "The fall of the town In #Daraa has opened the path for #Russia air support.",
        "Reuters reporting by Tom Perry; editing by Mark Heinrich.",
        "Advertisement",
        NULL};
    for (int i = 0; junk[i]; i++) {
        if (clean_sentence_kind(junk[i], strlen(junk[i])) == JUNK_NONE)
            fail_msg("not recognised as junk: %s", junk[i]);
    }
    const char *prose[] = {
        "He declined to make comments on the subscription service.",
        "The group said on Twitter that the town had fallen.",
        "Relief workers said hospitals also had been targeted.",
        NULL};
    for (int i = 0; prose[i]; i++) {
        if (clean_sentence_kind(prose[i], strlen(prose[i])) != JUNK_NONE)
            fail_msg("prose taken for junk: %s", prose[i]);
    }
}

static void a_place_in_cased_text_is_capitalized(void **state)
{
    (void)state;
    /* DUC 2006 D0641E: an appositive dash, not a dateline */
    const char *prose = "Greenhouse gas emissions - blamed for global warming - may raise "
                        "the sea level.";
    const char *dated = "PORTVILLE, Ore. (Local Wire) — Crews held the line on Monday.";
    const char *lower = "Ann arbor, mi - while monogamous relationships last.";
    assert_int_equal(segment_dateline_cased(prose, strlen(prose), 1), 0);
    assert_string_equal(dated + segment_dateline_cased(dated, strlen(dated), 1),
                        "Crews held the line on Monday.");
    /* lower-cased text (Multi-News) keeps the looser test */
    assert_string_equal(lower + segment_dateline_cased(lower, strlen(lower), 0),
                        "while monogamous relationships last.");
    assert_true(segment_dateline_strict(dated, strlen(dated)) > 0);
    const char *agency = "Washington (AP) — House lawmakers issued a report.";
    const char *titled = "Northbridge — The council voted on Monday.";
    assert_string_equal(agency + segment_dateline_strict(agency, strlen(agency)),
                        "House lawmakers issued a report.");
    assert_int_equal(segment_dateline_strict(titled, strlen(titled)), 0);
    const char *cased_article = "The council voted on Monday, said Mayor Ana Lindqvist of Millbrook.";
    const char *lower_article = "the council voted on monday, said mayor ana lindqvist of millbrook.";
    assert_true(segment_text_is_cased(cased_article, strlen(cased_article)));
    assert_false(segment_text_is_cased(lower_article, strlen(lower_article)));
}

static void datelines_and_source_tags_are_recognised(void **state)
{
    (void)state;
    const struct {
        const char *text;
        const char *rest; /* what remains, NULL when nothing is dropped */
    } cases[] = {
        {"BEIRUT — Syrian government forces advanced.", "Syrian government forces advanced."},
        {"LONDON (AP) _ An influential lawmaker spoke.", "An influential lawmaker spoke."},
        {"( cnn ) -- former nbc news anchor tom brokaw is ill.", "former nbc news anchor tom brokaw is ill."},
        {"( cnn ) micheal brown stared at the letter.", "micheal brown stared at the letter."},
        {"Ann arbor, mi - while monogamous relationships last.", "while monogamous relationships last."},
        {"Washington ( ap ) — house lawmakers have issued a report.", "house lawmakers have issued a report."},
        {"But Jordan - already home to refugees - said no.", NULL},
        {"The seed for wide00014 was: - slash pages.", NULL},
        {"The president said the army - not the police - would act.", NULL},
        {"Syrian forces advanced on Tuesday.", NULL},
        /* a few words before a dash, but prose (DUC 2006, D0622D) */
        {"It's quite a scientific expedition -- testing birds along the coast.", NULL},
        {"Rescue crews were very close -- within a mile -- by noon.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].text);
        size_t cut = segment_dateline(cases[i].text, len);
        if (!cases[i].rest) {
            if (cut != 0)
                fail_msg("dropped %zu bytes of: %s", cut, cases[i].text);
        } else {
            assert_string_equal(cases[i].text + cut, cases[i].rest);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(titles_and_initials_do_not_end_sentences),
        cmocka_unit_test(numbers_and_abbreviations_stay_inside),
        cmocka_unit_test(ambiguous_abbreviation_ends_before_an_opener),
        cmocka_unit_test(quotes_and_brackets_after_the_stop_belong_to_the_sentence),
        cmocka_unit_test(ellipses_question_and_exclamation_marks),
        cmocka_unit_test(datelines_stay_with_their_sentence),
        cmocka_unit_test(tokenized_lowercased_text_as_in_multi_news),
        cmocka_unit_test(headlines_are_sentences_flagged_without_final_punctuation),
        cmocka_unit_test(hard_wrapped_sgml_is_joined_into_paragraphs),
        cmocka_unit_test(seed_captions_and_tweets_are_removed),
        cmocka_unit_test(seed_video_caption_and_contributor_line_are_removed),
        cmocka_unit_test(seed_cross_links_and_related_articles_are_removed),
        cmocka_unit_test(sentence_verdicts_catch_junk_inside_long_prose),
        cmocka_unit_test(datelines_and_source_tags_are_recognised),
        cmocka_unit_test(a_place_in_cased_text_is_capitalized),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

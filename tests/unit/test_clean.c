/*
 * test_clean.c: page chrome that scrapers keep (issue #13's list), each
 * line written here in the shape news sites give it, is left out; prose
 * that shares its words is kept.
 */
#include "test_util.h"

#include "clean.h"

static void test_page_notices_are_chrome(void **state)
{
    (void)state;
    static const char *const chrome[] = {
        "CLOSE Watch the moment the flood wall gave way in the harbour district.",
        "This story has been updated to include a statement from the mayor.",
        "Update: The council postponed the vote until Thursday.",
        "Editor's note: An earlier version misspelled the engineer's name.",
        "Editor\xe2\x80\x99s note: This article was first published in 2017.",
        "Add Flood Defences as an interest to stay up to date on the latest news.",
        "(See the 10 best bridges in the country.)",
        "(Read more: How the city paid for the repairs)",
        "These crawls are part of an effort to archive pages as they are created and archive "
        "the pages that they refer to.",
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
        "Archive.",
        "Tweet with a location You can add location information to your Tweets, such as your "
        "city or precise location.",
        "Focused crawls are collections of frequently-updated webcrawl data from narrow (as "
        "opposed to broad or wide) web crawls, often focused on a single domain or subdomain.",
        "The seed for this crawl was a list of every host in the Wayback Machine.",
        "This will appear next to all of your comments This will NOT appear anywhere on "
        "Newsday.com",
        "The interactive transcript could not be loaded.",
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
        "1 of 12",
        "Fig. 3: The river level at the harbour gauge since 1990.",
        "A helicopter drops water on the flood wall near Northbridge, on Aug. 11, 2025.",
        "Residents carry sandbags along the harbour road in Northbridge, Monday, March 3, 2025.",
        "NORTHBRIDGE -- March 3, 2025 -- ADV.",
        "Copyright 2025 Northbridge Harbour Gazette.",
        /* a wire digest's budget lines (DUC 2006, D0647B, in this shape) */
        "FLOOD-WALL _ A roundup of the day's repairs, from staff and wire reports.",
        "HARBOUR-REPAIRS _ NORTHBRIDGE _ As the council weighs the bill, the mayor flies to "
        "the capital.",
    };
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
        if (clean_sentence_kind(chrome[i], strlen(chrome[i])) == JUNK_NONE)
            fail_msg("kept as prose: %s", chrome[i]);
}

static void test_a_caption_paragraph_with_its_credit_is_chrome(void **state)
{
    (void)state;
    const char *caption = "Residents stack sandbags along the harbour road as the river rises. "
                          "Photo by Rosa Lindgren";
    const char *prose = "The council thanked the photographer. A photo by Rosa Lindgren of the "
                        "flooded pier won a regional prize this year.";
    assert_int_equal(clean_paragraph_kind(caption, strlen(caption)), JUNK_CAPTION);
    assert_int_equal(clean_paragraph_kind(prose, strlen(prose)), JUNK_NONE);
}

static void test_prose_with_the_same_words_is_kept(void **state)
{
    (void)state;
    static const char *const prose[] = {
        "Close to 100 people were evacuated from the harbour district on Monday.",
        "The council said it would update residents on the repairs every week.",
        "The engineer's note to the council warned that the supports were corroded.",
        "One of 12 pumps failed during the storm, the water board said.",
        "Residents said they would follow the council's decision closely.",
        "NORTHBRIDGE _ The council voted on Monday to rebuild the flood wall.",
        "A-ROAD traffic was diverted for most of the day.",
        "Copyright lawyers for the photographer said the council had used the picture without "
        "paying for it.",
        "The new flood wall will be finished by Jan. 1, 2027.",
        "The harbour gauge recorded the highest water on Aug. 11, 2025.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++)
        if (clean_sentence_kind(prose[i], strlen(prose[i])) != JUNK_NONE)
            fail_msg("dropped as chrome: %s", prose[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_notices_are_chrome),
        cmocka_unit_test(test_prose_with_the_same_words_is_kept),
        cmocka_unit_test(test_a_caption_paragraph_with_its_credit_is_chrome),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

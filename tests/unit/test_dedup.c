/*
 * test_dedup.c: near-duplicate detection (precis_dedup_*, issue #14).  Two
 * stories, each with copies of the kinds a news stream carries (a
 * syndicated copy with a few words changed, a reprint trimmed to its first
 * two thirds, a copy with a new first line), beside other outlets' own
 * reports of the same events, which must stay apart, and an empty text.
 * The grouping is asserted in full, in the LSH mode and the exact mode, and
 * again with the texts added in another order.
 */
#include "test_util.h"

#include <math.h>

#include "precis_stories.h"

/* A wire story. */
static const char strike[] =
    "HALDEN, Norway - Dockworkers at the port of Halden walked off the job on Tuesday after "
    "talks over night-shift pay collapsed, leaving at least fourteen container ships waiting "
    "at anchor outside the harbour.\n\n"
    "The strike was called by the Harbour Workers' Federation, which represents about 1,900 "
    "crane operators, lashers and checkers. Union leaders said the port operator had refused "
    "to restore a bonus for work between midnight and six in the morning that was cut during "
    "the pandemic.\n\n"
    "\"We kept this port running through two winters of lockdown, and we were thanked with a "
    "pay cut,\" said Ingrid Solberg, the federation's chairwoman, speaking to reporters at the "
    "main gate. \"Nobody here wants a long fight, but we will not go back for less than we "
    "earned before.\"\n\n"
    "Halden Port Authority said in a statement that its offer of a four percent rise over two "
    "years was fair and that the bonus had been replaced by a new allowance. A spokeswoman for "
    "the authority said the two sides had not scheduled further talks.\n\n"
    "Shipping agents warned that the stoppage could spread delays to ferries and to the fruit "
    "terminal, which handles most of the region's imports of bananas and citrus. The last "
    "strike at the port, in 2016, lasted nine days and cost local hauliers an estimated 30 "
    "million crowns.\n\n"
    "Police said the picket line outside the terminal was peaceful on Tuesday evening.\n";

/* Another outlet's report of the same strike, in its own words. */
static const char strike_other[] =
    "Container traffic at Halden ground to a halt this week as harbour staff began an "
    "open-ended stoppage over pay for overnight shifts.\n\n"
    "More than a dozen vessels were held offshore by Tuesday night, according to the harbour "
    "master's daily list, and freight forwarders said cargo was being diverted to Gothenburg "
    "and Aarhus.\n\n"
    "The dispute centres on an allowance for shifts worked after midnight, which management "
    "scrapped three years ago to save money when volumes fell. Workers' representatives say "
    "the replacement payment is worth barely half the old one.\n\n"
    "Management has put a rise of four per cent across two years on the table. Union "
    "officials called the proposal an insult and said members voted overwhelmingly to stop "
    "work.\n\n"
    "Retailers in the region said supermarket shelves could run short of fresh fruit within "
    "a week if the ships are not unloaded.\n";

/* A second event. */
static const char fire[] =
    "A wildfire driven by strong southerly winds forced the closure of the coastal highway "
    "between Marlow Bay and Pine Hollow on Sunday, and about 2,300 residents were told to "
    "leave their homes before nightfall.\n\n"
    "The fire began shortly after noon in dry scrubland near a quarry road and had burned "
    "roughly 1,200 hectares by late afternoon, the county fire service said. More than 250 "
    "firefighters, backed by four water-bombing aircraft, were working to keep the flames "
    "away from the outskirts of Pine Hollow.\n\n"
    "\"The wind is the problem. It keeps changing direction and throwing embers hundreds of "
    "metres ahead of the front,\" said fire chief Daniel Okafor. He said no homes had been "
    "lost so far but that two barns and a sawmill had been destroyed.\n\n"
    "An evacuation centre was opened at the Marlow Bay sports hall, where volunteers handed "
    "out blankets and hot meals. Officials asked drivers to stay away from the area so that "
    "fire engines could move freely.\n\n"
    "Forecasters expect the wind to ease on Monday evening, with light rain possible by "
    "Wednesday.\n";

/* Another outlet's report of the fire. */
static const char fire_other[] =
    "Thousands of people fled their homes along the coast on Sunday as a fast-moving blaze "
    "tore through scrub and farmland north of Pine Hollow.\n\n"
    "Firefighters said gusting winds had carried sparks across the main road, which was shut "
    "in both directions for most of the day. Aircraft dropped water on the fire until "
    "darkness fell.\n\n"
    "Residents described a sky turned orange by smoke. \"We grabbed the dog and the photo "
    "albums and drove,\" said one woman who spent the night at a sports hall in Marlow Bay.\n\n"
    "The cause of the fire is under investigation. The county has seen almost no rain since "
    "the start of June, and authorities had banned open fires in parks and campsites last "
    "week.\n";

/* ------------------------------------------------------------------ */
/* Making the copies                                                   */
/* ------------------------------------------------------------------ */

/* s with the first `from` replaced by `to` (malloc'd). */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    assert_non_null(at);
    size_t head = (size_t)(at - s), fl = strlen(from), tl = strlen(to), sl = strlen(s);
    char *out = malloc(sl - fl + tl + 1);
    assert_non_null(out);
    memcpy(out, s, head);
    memcpy(out + head, to, tl);
    memcpy(out + head + tl, at + fl, sl - head - fl + 1);
    return out;
}

/* (a) the syndicated copy: three edits, one of them two words shorter, so
 * the original keeps the most shingles. */
static char *syndicated(const char *s)
{
    char *a = replace(s, "walked off the job", "walked out");
    char *b = replace(a, "fourteen", "14");
    char *c = replace(b, "A spokeswoman", "A spokesperson");
    free(a);
    free(b);
    return c;
}

/* (b) the reprint trimmed by a third: the first two thirds, cut at a
 * space. */
static char *trimmed(const char *s)
{
    size_t cut = strlen(s) * 2 / 3;
    while (cut > 0 && s[cut] != ' ')
        cut--;
    char *out = malloc(cut + 1);
    assert_non_null(out);
    memcpy(out, s, cut);
    out[cut] = '\0';
    return out;
}

/* (c) the copy with a new first line. */
static char *updated(const char *s)
{
    static const char line[] = "UPDATED 5:40 PM\n";
    char *out = malloc(sizeof line + strlen(s));
    assert_non_null(out);
    memcpy(out, line, sizeof line - 1);
    strcpy(out + sizeof line - 1, s);
    return out;
}

/* The test cluster, in the order of adding, and the expected grouping. */
enum { STRIKE, STRIKE_OTHER, STRIKE_SYN, FIRE, EMPTY, STRIKE_TRIM, FIRE_OTHER, FIRE_UPD, NTEXTS };

typedef struct corpus {
    const char *text[NTEXTS];
    char *owned[3];
} corpus;

static void corpus_init(corpus *c)
{
    c->owned[0] = syndicated(strike);
    c->owned[1] = trimmed(strike);
    c->owned[2] = updated(fire);
    c->text[STRIKE] = strike;
    c->text[STRIKE_OTHER] = strike_other;
    c->text[STRIKE_SYN] = c->owned[0];
    c->text[FIRE] = fire;
    c->text[EMPTY] = "";
    c->text[STRIKE_TRIM] = c->owned[1];
    c->text[FIRE_OTHER] = fire_other;
    c->text[FIRE_UPD] = c->owned[2];
}

static void corpus_release(corpus *c)
{
    for (int i = 0; i < 3; i++)
        free(c->owned[i]);
}

static const size_t expected_group_of[NTEXTS] = {0, 1, 0, 2, 3, 0, 4, 2};
static const size_t expected_representative[5] = {STRIKE, STRIKE_OTHER, FIRE_UPD, EMPTY,
                                                  FIRE_OTHER};

/* Groups texts[order[0]], texts[order[1]], ... (order NULL: as given). */
static precis_dedup_groups *group_texts(const char *const *texts, const size_t *order, size_t n,
                                        const precis_dedup_options *o)
{
    precis_error err;
    precis_dedup *d = NULL;
    assert_int_equal(precis_dedup_new(o, &d, &err), PRECIS_OK);
    for (size_t i = 0; i < n; i++) {
        const char *t = texts[order ? order[i] : i];
        size_t index = 99;
        assert_int_equal(precis_dedup_add(d, t, strlen(t), &index, &err), PRECIS_OK);
        assert_int_equal(index, i);
    }
    precis_dedup_groups *g = NULL;
    assert_int_equal(precis_dedup_find(d, &g, &err), PRECIS_OK);
    assert_non_null(g);
    precis_dedup_free(d);
    return g;
}

static precis_dedup_groups *group_corpus(const corpus *c, const size_t *order, int exact)
{
    precis_dedup_options o;
    precis_dedup_options_init(&o);
    o.exact = exact;
    return group_texts(c->text, order, NTEXTS, &o);
}

/* The invariants of any result: each text in exactly one group, groups in
 * the order of their smallest index, members in index order, the
 * representative a member with the most... similarity 1. */
static void assert_well_formed(const precis_dedup_groups *g)
{
    size_t seen = 0;
    for (size_t k = 0; k < g->count; k++) {
        const precis_dedup_group *grp = &g->groups[k];
        assert_true(grp->count >= 1);
        if (k > 0)
            assert_true(grp->members[0].index > g->groups[k - 1].members[0].index);
        int has_rep = 0;
        for (size_t m = 0; m < grp->count; m++) {
            const precis_dedup_member *mem = &grp->members[m];
            assert_true(mem->index < g->texts);
            assert_int_equal(g->group_of[mem->index], k);
            if (m > 0)
                assert_true(mem->index > grp->members[m - 1].index);
            assert_true(mem->similarity >= 0.0 && mem->similarity <= 1.0);
            if (mem->index == grp->representative) {
                has_rep = 1;
                assert_true(mem->similarity == 1.0);
            }
        }
        assert_true(has_rep);
        seen += grp->count;
    }
    assert_int_equal(seen, g->texts);
}

static const precis_dedup_member *member_of(const precis_dedup_groups *g, size_t index)
{
    const precis_dedup_group *grp = &g->groups[g->group_of[index]];
    for (size_t m = 0; m < grp->count; m++)
        if (grp->members[m].index == index)
            return &grp->members[m];
    fail_msg("text %zu is not in its group", index);
    return NULL;
}

static void assert_expected_grouping(const precis_dedup_groups *g)
{
    assert_well_formed(g);
    assert_int_equal(g->texts, NTEXTS);
    assert_int_equal(g->count, 5);
    for (size_t i = 0; i < NTEXTS; i++)
        assert_int_equal(g->group_of[i], expected_group_of[i]);
    for (size_t k = 0; k < g->count; k++)
        assert_int_equal(g->groups[k].representative, expected_representative[k]);
    /* copies at or above the threshold, their representative's group */
    assert_true(member_of(g, STRIKE_SYN)->similarity >= 0.7);
    assert_true(member_of(g, STRIKE_SYN)->similarity < 1.0);
    assert_true(member_of(g, STRIKE_TRIM)->similarity >= 0.7);
    assert_true(member_of(g, FIRE)->similarity >= 0.7);
    /* the copies of the strike, and of the fire (the joined pairs) */
    assert_int_equal(g->pairs_found, 4);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void test_copies_grouped_by_lsh(void **state)
{
    (void)state;
    corpus c;
    corpus_init(&c);
    precis_dedup_groups *g = group_corpus(&c, NULL, 0);
    assert_expected_grouping(g);
    /* LSH found the candidates, far fewer than the 21 pairs of texts */
    assert_true(g->pairs_checked >= 4 && g->pairs_checked < 21);
    precis_dedup_groups_free(g);
    corpus_release(&c);
}

static void test_copies_grouped_exactly(void **state)
{
    (void)state;
    corpus c;
    corpus_init(&c);
    precis_dedup_groups *g = group_corpus(&c, NULL, 1);
    assert_expected_grouping(g);
    /* every pair of the seven texts that have words */
    assert_int_equal(g->pairs_checked, 21);
    /* the trimmed reprint is all inside the original */
    assert_true(member_of(g, STRIKE_TRIM)->similarity == 1.0);
    precis_dedup_groups_free(g);
    corpus_release(&c);
}

static void test_the_two_modes_agree(void **state)
{
    (void)state;
    corpus c;
    corpus_init(&c);
    precis_dedup_groups *lsh = group_corpus(&c, NULL, 0);
    precis_dedup_groups *exact = group_corpus(&c, NULL, 1);
    assert_int_equal(lsh->count, exact->count);
    for (size_t i = 0; i < NTEXTS; i++)
        assert_int_equal(lsh->group_of[i], exact->group_of[i]);
    for (size_t k = 0; k < lsh->count; k++)
        assert_int_equal(lsh->groups[k].representative, exact->groups[k].representative);
    /* the estimates are near the exact values */
    for (size_t i = 0; i < NTEXTS; i++)
        assert_true(fabs(member_of(lsh, i)->similarity - member_of(exact, i)->similarity) < 0.15);
    precis_dedup_groups_free(lsh);
    precis_dedup_groups_free(exact);
    corpus_release(&c);
}

/* Adding the texts in another order gives the same groups, up to the
 * renumbering: same partition, same representatives, same similarities. */
static void check_order(int exact)
{
    static const size_t order[NTEXTS] = {FIRE_UPD, EMPTY, FIRE_OTHER, STRIKE_SYN,
                                         STRIKE, STRIKE_TRIM, FIRE, STRIKE_OTHER};
    size_t new_index[NTEXTS];
    for (size_t p = 0; p < NTEXTS; p++)
        new_index[order[p]] = p;
    corpus c;
    corpus_init(&c);
    precis_dedup_groups *a = group_corpus(&c, NULL, exact);
    precis_dedup_groups *b = group_corpus(&c, order, exact);
    assert_well_formed(b);
    assert_int_equal(a->count, b->count);
    assert_int_equal(a->pairs_checked, b->pairs_checked);
    assert_int_equal(a->pairs_found, b->pairs_found);
    for (size_t i = 0; i < NTEXTS; i++) {
        for (size_t j = 0; j < NTEXTS; j++)
            assert_int_equal(a->group_of[i] == a->group_of[j],
                             b->group_of[new_index[i]] == b->group_of[new_index[j]]);
        size_t rep_a = a->groups[a->group_of[i]].representative;
        size_t rep_b = b->groups[b->group_of[new_index[i]]].representative;
        assert_int_equal(new_index[rep_a], rep_b);
        assert_true(member_of(a, i)->similarity == member_of(b, new_index[i])->similarity);
    }
    /* and the same again: nothing depends on the run */
    precis_dedup_groups *again = group_corpus(&c, order, exact);
    for (size_t i = 0; i < NTEXTS; i++) {
        assert_int_equal(again->group_of[i], b->group_of[i]);
        assert_true(member_of(again, i)->similarity == member_of(b, i)->similarity);
    }
    precis_dedup_groups_free(a);
    precis_dedup_groups_free(b);
    precis_dedup_groups_free(again);
    corpus_release(&c);
}

static void test_the_order_of_adding_does_not_matter(void **state)
{
    (void)state;
    check_order(0);
    check_order(1);
}

static void test_bad_options_are_refused(void **state)
{
    (void)state;
    struct {
        unsigned shingle, hashes, bands;
        double threshold;
        const char *says;
    } bad[] = {
        {0, 128, 32, 0.7, "shingle"},    {5, 0, 32, 0.7, "hashes"},
        {5, 128, 0, 0.7, "bands"},       {5, 128, 3, 0.7, "must divide"},
        {5, 128, 256, 0.7, "must divide"}, {5, 128, 32, 0.0, "threshold"},
        {5, 128, 32, 1.5, "threshold"},  {5, 128, 32, -0.2, "threshold"},
        {5, 128, 32, NAN, "threshold"},  {5, 100000, 100, 0.7, "hashes"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        precis_dedup_options o;
        precis_dedup_options_init(&o);
        o.shingle = bad[i].shingle;
        o.hashes = bad[i].hashes;
        o.bands = bad[i].bands;
        o.threshold = bad[i].threshold;
        precis_error err;
        memset(&err, 0, sizeof err);
        precis_dedup *d = (precis_dedup *)&o; /* must come back NULL */
        assert_int_equal(precis_dedup_new(&o, &d, &err), PRECIS_E_ARGUMENT);
        assert_null(d);
        assert_int_equal(err.status, PRECIS_E_ARGUMENT);
        if (!strstr(err.message, bad[i].says))
            fail_msg("case %zu: \"%s\" does not say \"%s\"", i, err.message, bad[i].says);
    }
    /* options never initialised */
    precis_dedup_options zero;
    memset(&zero, 0, sizeof zero);
    precis_dedup *d = NULL;
    assert_int_equal(precis_dedup_new(&zero, &d, NULL), PRECIS_E_ARGUMENT);
    assert_null(d);
    /* no options: the defaults; a caller's error record may be NULL */
    assert_int_equal(precis_dedup_new(NULL, &d, NULL), PRECIS_OK);
    assert_int_equal(precis_dedup_add(d, NULL, 3, NULL, NULL), PRECIS_E_ARGUMENT);
    assert_int_equal(precis_dedup_add(d, NULL, 0, NULL, NULL), PRECIS_OK); /* empty */
    assert_int_equal(precis_dedup_find(d, NULL, NULL), PRECIS_E_ARGUMENT);
    precis_dedup_free(d);
    assert_int_equal(precis_dedup_add(NULL, "x", 1, NULL, NULL), PRECIS_E_ARGUMENT);
    precis_dedup_free(NULL);
    precis_dedup_groups_free(NULL);
}

static void test_defaults(void **state)
{
    (void)state;
    precis_dedup_options o;
    precis_dedup_options_init(&o);
    assert_int_equal(o.size, sizeof o);
    assert_int_equal(o.shingle, 5);
    assert_int_equal(o.hashes, 128);
    assert_int_equal(o.bands, 64);
    assert_true(o.threshold == 0.5);
    assert_int_equal(o.exact, 0);
    assert_true(o.seed == 1);
    /* a caller compiled with a shorter struct: only its bytes are written */
    unsigned char raw[sizeof o];
    memset(raw, 0xAB, sizeof raw);
    size_t shorter = offsetof(precis_dedup_options, threshold);
    precis_dedup_options_init_sized((precis_dedup_options *)raw, shorter);
    for (size_t i = shorter; i < sizeof raw; i++)
        assert_int_equal(raw[i], 0xAB);
}

/* Ties go to the smallest index; the most shingles win; groups in the
 * order of their smallest index, members in index order, whatever the
 * order of the joins. */
static void test_group_order_and_representatives(void **state)
{
    (void)state;
    const char *texts[] = {
        "The council approved the budget for the new library on Thursday night.",
        "Heavy snow closed three mountain passes and stranded dozens of lorries overnight.",
        "The council approved the budget for the new library on Thursday night.",
        "heavy SNOW closed three mountain passes and stranded dozens of lorries overnight!",
        "A local bakery won the regional prize for its rye bread this spring.",
        "Heavy snow closed three mountain passes and stranded dozens of lorries overnight, "
        "police said.",
    };
    for (int exact = 0; exact <= 1; exact++) {
        precis_dedup_options o;
        precis_dedup_options_init(&o);
        o.exact = exact;
        precis_dedup_groups *g = group_texts(texts, NULL, 6, &o);
        assert_well_formed(g);
        assert_int_equal(g->count, 3);
        /* {0, 2}: identical, the tie goes to 0 */
        assert_int_equal(g->groups[0].count, 2);
        assert_int_equal(g->groups[0].members[0].index, 0);
        assert_int_equal(g->groups[0].members[1].index, 2);
        assert_int_equal(g->groups[0].representative, 0);
        assert_true(g->groups[0].members[1].similarity == 1.0);
        /* {1, 3, 5}: case and punctuation do not matter; 5 is the longest */
        assert_int_equal(g->groups[1].count, 3);
        assert_int_equal(g->groups[1].members[0].index, 1);
        assert_int_equal(g->groups[1].members[1].index, 3);
        assert_int_equal(g->groups[1].members[2].index, 5);
        assert_int_equal(g->groups[1].representative, 5);
        assert_int_equal(g->group_of[4], 2);
        assert_int_equal(g->groups[2].representative, 4);
        precis_dedup_groups_free(g);
    }
}

/* Texts shorter than a shingle are one shingle of all their words; words
 * are compared lower-cased, with typographic apostrophes folded. */
static void test_short_texts_and_normalization(void **state)
{
    (void)state;
    const char *texts[] = {
        "Breaking news tonight",
        "Assad\xE2\x80\x99s forces pushed south",
        "BREAKING -- news, tonight!",
        "Breaking news today",
        "ASSAD'S FORCES PUSHED SOUTH",
        "Assad forces pushed south",
        " \n\t ",
        "\xFF\xFE",
    };
    precis_dedup_groups *g = group_texts(texts, NULL, 8, NULL);
    assert_well_formed(g);
    assert_int_equal(g->group_of[0], g->group_of[2]);
    assert_int_not_equal(g->group_of[0], g->group_of[3]);
    assert_int_equal(g->group_of[1], g->group_of[4]);
    assert_true(member_of(g, 4)->similarity == 1.0);
    assert_int_not_equal(g->group_of[1], g->group_of[5]);
    /* no words: each its own group */
    assert_int_equal(g->groups[g->group_of[6]].count, 1);
    assert_int_equal(g->groups[g->group_of[7]].count, 1);
    assert_int_equal(g->count, 6);
    precis_dedup_groups_free(g);
}

/* Several empty texts are never grouped with each other. */
static void test_empty_texts_stay_apart(void **state)
{
    (void)state;
    const char *texts[] = {"", "", "..."};
    for (int exact = 0; exact <= 1; exact++) {
        precis_dedup_options o;
        precis_dedup_options_init(&o);
        o.exact = exact;
        precis_dedup_groups *g = group_texts(texts, NULL, 3, &o);
        assert_well_formed(g);
        assert_int_equal(g->count, 3);
        assert_int_equal(g->pairs_checked, 0);
        precis_dedup_groups_free(g);
    }
    /* and nothing at all gives no group */
    precis_dedup_groups *none = group_texts(texts, NULL, 0, NULL);
    assert_int_equal(none->count, 0);
    assert_int_equal(none->texts, 0);
    precis_dedup_groups_free(none);
}

/* A bucket of more than 32 texts (dedup.c's DEDUP_BUCKET_ANCHORS) pairs
 * each member with its first 32 members only: 300 copies of one
 * boilerplate line make 32 * 299 - 32 * 31 / 2 pairs, not 300 * 299 / 2,
 * each counted once though the copies share all 32 bands, and still one
 * group. */
static void test_huge_buckets_are_capped(void **state)
{
    (void)state;
    enum { COPIES = 300, ANCHORS = 32 };
    const char *texts[COPIES];
    for (size_t i = 0; i < COPIES; i++)
        texts[i] = "Subscribe now to keep reading this article and support local journalism.";
    precis_dedup_groups *g = group_texts(texts, NULL, COPIES, NULL);
    assert_int_equal(g->count, 1);
    assert_int_equal(g->groups[0].count, COPIES);
    assert_int_equal(g->groups[0].representative, 0);
    assert_int_equal(g->pairs_checked, ANCHORS * (COPIES - 1) - ANCHORS * (ANCHORS - 1) / 2);
    assert_int_equal(g->pairs_found, g->pairs_checked);
    precis_dedup_groups_free(g);
}

/* The seed changes the hash functions, not the result on clear copies. */
static void test_other_seeds_same_groups(void **state)
{
    (void)state;
    corpus c;
    corpus_init(&c);
    for (uint64_t seed = 2; seed < 6; seed++) {
        precis_dedup_options o;
        precis_dedup_options_init(&o);
        o.seed = seed;
        precis_dedup_groups *g = group_texts(c.text, NULL, NTEXTS, &o);
        assert_well_formed(g);
        for (size_t i = 0; i < NTEXTS; i++)
            assert_int_equal(g->group_of[i], expected_group_of[i]);
        precis_dedup_groups_free(g);
    }
    corpus_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copies_grouped_by_lsh),
        cmocka_unit_test(test_copies_grouped_exactly),
        cmocka_unit_test(test_the_two_modes_agree),
        cmocka_unit_test(test_the_order_of_adding_does_not_matter),
        cmocka_unit_test(test_bad_options_are_refused),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_group_order_and_representatives),
        cmocka_unit_test(test_short_texts_and_normalization),
        cmocka_unit_test(test_empty_texts_stay_apart),
        cmocka_unit_test(test_huge_buckets_are_capped),
        cmocka_unit_test(test_other_seeds_same_groups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

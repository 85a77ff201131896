/*
 * test_eval_io.c: the evaluation API (precis_eval.h, issue #12 item 2):
 * reference names of the DUC 2003/2004, 2005 and 2006/2007 schemes matched
 * to cluster folders and system files, items paired by id and by name with
 * one set of rules (every item paired, an id once, "summary" xor
 * "summaries", no key twice), ROUGE's item order, the averages and their
 * two renderings, and input-format detection.
 */
#include "test_util.h"

#include <jansson.h>
#include <unistd.h>

#include "precis_eval.h"

/* ---- scratch files ---------------------------------------------------- */

static char *scratch_dir(void)
{
    char *dir = strdup("/tmp/precis_eval_io_XXXXXX");
    assert_non_null(dir);
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

static char *sub_dir(const char *dir, const char *name)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", dir, name);
    assert_int_equal(mkdir(path, 0777), 0);
    return path;
}

static void remove_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* ---- names -------------------------------------------------------------- */

static void reference_names_match_items_by_the_documented_rules(void **state)
{
    (void)state;
    static const struct {
        const char *item, *reference;
        int match;
    } cases[] = {
        /* 1. the same name; 2. the base, or the base and a separator */
        {"d061.txt", "d061.txt", 1},
        {"d061.txt", "d061", 1},
        {"d061.txt", "d061.A.txt", 1},
        {"d061.txt", "d061_2.txt", 1},
        {"d061.txt", "d061-2", 1},
        {"d061.txt", "d0611.txt", 0},  /* no separator after the base */
        {"d061.txt", "D061.A.txt", 0}, /* bytes as they are: case matters */
        {"d061", "d061.A", 1},
        /* 3. DUC 2003 and 2004: folder d30003t, models D30003.M.100.T.<author> */
        {"d30003t", "D30003.M.100.T.B.html", 1},
        {"d30001t", "D30001.M.100.T.A", 1},
        {"D30003T", "d30003.m.100.t.b.html", 1},
        {"d30003t", "D30005.M.100.T.B.html", 0},
        {"d30003t", "D300031.M.100.T.A.html", 0},
        {"d30003t.txt", "D30003.M.100.T.B.html", 1}, /* a saved file with an extension */
        {"D30003", "D30003.M.100.T.B.html", 1},      /* bench/run.sh's names: rule 2 */
        /* DUC 2005: folder d301i, models D301.M.250.I.A */
        {"d301i", "D301.M.250.I.A", 1},
        {"d301i", "D301.M.250.J.A", 0},
        /* DUC 2006 and 2007: folder D0601A, models D0601.M.250.A.A; peers */
        {"D0601A", "D0601.M.250.A.A", 1},
        {"d0601a", "D0601.M.250.A.J", 1},
        {"D0601A", "D0601.M.250.B.A", 0},
        {"D0602B", "D0601.M.250.A.A", 0},
        {"D0601.M.250.A.24", "D0601.M.250.A.A", 1},
        {"D0601.M.250.A.24", "D0602.M.250.B.A", 0},
        /* not a DUC summary name: no field M, a length that is no number */
        {"d30003t", "D30003.X.100.T.A", 0},
        {"d30003t", "D30003.M.abc.T.A", 0},
        {"d30003t", "D30003.M.100.T", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = precis_eval_name_match(cases[i].item, cases[i].reference);
        if (got != cases[i].match)
            fail_msg("%s ~ %s: %d, wanted %d", cases[i].item, cases[i].reference, got,
                     cases[i].match);
    }
    assert_int_equal(precis_eval_name_match(NULL, "x"), 0);
}

/* ---- items in memory, ROUGE's order ---------------------------------------- */

static void items_are_kept_in_rouge_order_and_ids_are_unique(void **state)
{
    (void)state;
    precis_eval_items *items = NULL;
    precis_error err = {0};
    assert_int_equal(precis_eval_items_new(&items, &err), PRECIS_OK);
    const char *refs[] = {"ref one", "ref two"};
    /* "a-b." sorts before "a." ('-' < '.'), though "a" < "a-b" */
    assert_int_equal(precis_eval_items_add(items, "a", "sys a", refs, 1, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_add(items, "b", NULL, refs, 2, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_add(items, "a-b", "sys a-b", refs, 2, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_count(items), 3);
    assert_string_equal(precis_eval_items_id(items, 0), "a-b");
    assert_string_equal(precis_eval_items_id(items, 1), "a");
    assert_string_equal(precis_eval_items_id(items, 2), "b");
    assert_null(precis_eval_items_id(items, 3));
    assert_null(precis_eval_items_system(items, 2));
    assert_int_equal(precis_eval_items_reference_count(items, 2), 2);
    assert_string_equal(precis_eval_items_references(items, 2)[1], "ref two");
    size_t at = 99;
    assert_int_equal(precis_eval_items_find(items, "a", &at, &err), PRECIS_OK);
    assert_int_equal(at, 1);
    assert_int_equal(precis_eval_items_find(items, "c", &at, &err), PRECIS_E_MISMATCH);
    assert_int_equal(precis_eval_items_find(items, "c", &at, NULL), PRECIS_E_MISMATCH);
    assert_int_equal(precis_eval_items_add(items, "a", "again", refs, 1, &err), PRECIS_E_FORMAT);
    assert_non_null(strstr(err.message, "duplicate id 'a'"));
    assert_int_equal(precis_eval_items_count(items), 3);
    /* an item without a system summary cannot be scored */
    precis_eval_scores *scores = NULL;
    assert_int_equal(precis_eval_items_score(items, NULL, &scores, &err), PRECIS_E_MISMATCH);
    assert_null(scores);
    precis_eval_items_free(items);
    precis_eval_items_free(NULL);
}

/* ---- files and folders ---------------------------------------------------- */

static void folders_pair_each_reference_with_its_best_item(void **state)
{
    (void)state;
    char *dir = scratch_dir();
    char *sys = sub_dir(dir, "sys"), *ref = sub_dir(dir, "ref");
    write_file(sys, "d061.txt", "the cat sat on the mat\n");  /* base d061 */
    write_file(sys, "d061.A.txt", "a dog barked\n");          /* base d061.A: longer */
    write_file(sys, "D0601A", "the cat sat\n");   /* a DUC 2006 folder name */
    write_file(sys, ".hidden", "skipped\n");
    write_file(ref, "d061.B", "the cat lay on the mat\n");
    write_file(ref, "d061.A.1", "a dog\n");
    write_file(ref, "D0601.M.250.A.A", "the cat\n");
    write_file(ref, "D0601.M.250.A.B", "a cat sat\n");
    const char *refs[] = {ref};
    precis_eval_items *items = NULL;
    precis_error err = {0};
    assert_int_equal(precis_eval_items_read_files(sys, refs, 1, &items, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_count(items), 3);
    size_t at;
    assert_int_equal(precis_eval_items_find(items, "d061.txt", &at, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_reference_count(items, at), 1);
    assert_string_equal(precis_eval_items_references(items, at)[0], "the cat lay on the mat\n");
    assert_string_equal(precis_eval_items_system(items, at), "the cat sat on the mat\n");
    assert_int_equal(precis_eval_items_find(items, "d061.A.txt", &at, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_reference_count(items, at), 1);
    assert_string_equal(precis_eval_items_references(items, at)[0], "a dog\n");
    assert_int_equal(precis_eval_items_find(items, "D0601A", &at, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_reference_count(items, at), 2);
    precis_eval_items_free(items);

    /* a reference that matches no item is an error, never a skip */
    write_file(ref, "zz", "stray\n");
    items = NULL;
    assert_int_equal(precis_eval_items_read_files(sys, refs, 1, &items, &err), PRECIS_E_MISMATCH);
    assert_null(items);
    assert_non_null(strstr(err.source, "/zz"));
    assert_non_null(strstr(err.message, "no system summary in"));
    /* ... and so is an item without a reference */
    char zz[512];
    snprintf(zz, sizeof zz, "%s/zz", ref);
    assert_int_equal(unlink(zz), 0);
    write_file(sys, "lonely", "x\n");
    assert_int_equal(precis_eval_items_read_files(sys, refs, 1, &items, &err), PRECIS_E_MISMATCH);
    assert_string_equal(err.message, "no reference for system file 'lonely'");
    /* a folder of system summaries needs folders of references */
    char file_ref[512];
    snprintf(file_ref, sizeof file_ref, "%s/d061.B", ref);
    const char *file_refs[] = {file_ref};
    assert_int_equal(precis_eval_items_read_files(sys, file_refs, 1, &items, &err),
                     PRECIS_E_ARGUMENT);
    /* one system file takes reference files whatever their names */
    char one[512];
    snprintf(one, sizeof one, "%s/lonely", sys);
    assert_int_equal(precis_eval_items_read_files(one, file_refs, 1, &items, &err), PRECIS_OK);
    assert_string_equal(precis_eval_items_id(items, 0), "lonely");
    assert_int_equal(precis_eval_items_reference_count(items, 0), 1);
    precis_eval_items_free(items);
    remove_tree(dir);
    free(sys);
    free(ref);
    free(dir);
}

static void duc_cluster_folders_get_their_models(void **state)
{
    (void)state;
    char *dir = scratch_dir();
    char *models = sub_dir(dir, "models");
    write_file(models, "D30003.M.100.T.A.html", "one\n");
    write_file(models, "D30003.M.100.T.B.html", "two\n");
    write_file(models, "D0601.M.250.A.C", "three\n");
    write_file(models, "d301.m.250.i.d", "four\n");
    const char *ids[] = {"d30003t", "D0601A", "d301i"};
    precis_eval_items *items = NULL;
    precis_error err = {0};
    assert_int_equal(precis_eval_items_read_references(ids, 3, models, &items, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_count(items), 3);
    size_t at;
    assert_int_equal(precis_eval_items_find(items, "d30003t", &at, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_reference_count(items, at), 2);
    assert_string_equal(precis_eval_items_references(items, at)[1], "two\n");
    assert_null(precis_eval_items_system(items, at));
    assert_int_equal(precis_eval_items_find(items, "D0601A", &at, &err), PRECIS_OK);
    assert_string_equal(precis_eval_items_references(items, at)[0], "three\n");
    assert_int_equal(precis_eval_items_find(items, "d301i", &at, &err), PRECIS_OK);
    assert_string_equal(precis_eval_items_references(items, at)[0], "four\n");
    precis_eval_items_free(items);

    /* a cluster without models, a model without its cluster */
    const char *more[] = {"d30003t", "D0601A", "d301i", "d30005t"};
    assert_int_equal(precis_eval_items_read_references(more, 4, models, &items, &err),
                     PRECIS_E_MISMATCH);
    assert_string_equal(err.message, "no reference summary for 'd30005t'");
    assert_int_equal(precis_eval_items_read_references(ids, 2, models, &items, &err),
                     PRECIS_E_MISMATCH);
    assert_non_null(strstr(err.source, "d301.m.250.i.d"));
    assert_string_equal(err.message, "this reference matches none of the 2 items");
    remove_tree(dir);
    free(models);
    free(dir);
}

/* ---- JSON lines ---------------------------------------------------------- */

/* Reads system and reference lines written to two scratch files. */
static precis_status read_jsonl(const char *sys_lines, const char *ref_lines,
                                precis_eval_items **items, precis_error *err)
{
    char *dir = scratch_dir();
    char sys[512], ref[512];
    snprintf(sys, sizeof sys, "%s/sys.jsonl", dir);
    snprintf(ref, sizeof ref, "%s/ref.jsonl", dir);
    write_file(dir, "sys.jsonl", sys_lines);
    write_file(dir, "ref.jsonl", ref_lines);
    precis_status st = precis_eval_items_read_jsonl(sys, ref, items, err);
    remove_tree(dir);
    free(dir);
    return st;
}

static void json_lines_follow_one_set_of_rules(void **state)
{
    (void)state;
    precis_eval_items *items = NULL;
    precis_error err = {0};
    assert_int_equal(read_jsonl("{\"id\": \"x\", \"summary\": [\"a b\", \"c d\"]}\n\n"
                                "{\"id\": 7, \"summary\": \"e f\"}\n",
                                "{\"id\": 7, \"summary\": \"e g\"}\n"
                                "{\"id\": \"x\", \"summary\": null, \"summaries\": [\"a\", [\"b\", \"c\"]]}\n",
                                &items, &err),
                     PRECIS_OK);
    assert_int_equal(precis_eval_items_count(items), 2);
    assert_string_equal(precis_eval_items_id(items, 0), "7");
    assert_string_equal(precis_eval_items_system(items, 1), "a b\nc d\n"); /* one per line */
    assert_int_equal(precis_eval_items_reference_count(items, 1), 2);
    assert_string_equal(precis_eval_items_references(items, 1)[1], "b\nc\n");
    precis_eval_items_free(items);

    items = NULL;
    assert_int_equal(read_jsonl("{\"id\": \"x\", \"summary\": \"a\"}\n",
                                "{\"id\": \"x\", \"summary\": \"a\", \"summaries\": [\"b\"]}\n",
                                &items, &err),
                     PRECIS_E_FORMAT);
    assert_null(items);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.message, "give \"summary\" or \"summaries\", not both");
    assert_int_equal(read_jsonl("{\"id\": \"x\", \"summary\": \"a\", \"summary\": \"b\"}\n",
                                "{\"id\": \"x\", \"summary\": \"a\"}\n", &items, &err),
                     PRECIS_E_FORMAT);
    assert_non_null(strstr(err.message, "duplicate object key"));
    assert_int_equal(read_jsonl("{\"id\": \"x\", \"summary\": \"a\"}\n{\"id\": \"x\", \"summary\": \"b\"}\n",
                                "{\"id\": \"x\", \"summary\": \"a\"}\n", &items, &err),
                     PRECIS_E_FORMAT);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.message, "duplicate id 'x' (first on line 1)");
    assert_int_equal(read_jsonl("{\"id\": \"x\", \"summary\": \"a\"}\n",
                                "{\"id\": \"x\", \"summary\": \"a\"}\n{\"id\": \"y\", \"summary\": \"b\"}\n",
                                &items, &err),
                     PRECIS_E_MISMATCH);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "id 'y' has no system summary in"));
    assert_int_equal(read_jsonl("{\"id\": \"x\"}\n", "{\"id\": \"x\", \"summary\": \"a\"}\n",
                                &items, &err),
                     PRECIS_E_FORMAT);
    assert_string_equal(err.message, "missing \"summary\"");
    assert_int_equal(read_jsonl("", "", &items, &err), PRECIS_E_EMPTY);
}

/* ---- scores, averages, rendering ---------------------------------------- */

/* The pair of tests/cli/test_rouge.sh, computed by hand there. */
static const char expected_table[] =
    "---------------------------------------------\n"
    "ROUGE-1 Average_R: 0.83333 (95%-conf.int. 0.83333 - 0.83333)\n"
    "ROUGE-1 Average_P: 0.83333 (95%-conf.int. 0.83333 - 0.83333)\n"
    "ROUGE-1 Average_F: 0.83333 (95%-conf.int. 0.83333 - 0.83333)\n"
    "---------------------------------------------\n"
    "ROUGE-2 Average_R: 0.60000 (95%-conf.int. 0.60000 - 0.60000)\n"
    "ROUGE-2 Average_P: 0.60000 (95%-conf.int. 0.60000 - 0.60000)\n"
    "ROUGE-2 Average_F: 0.60000 (95%-conf.int. 0.60000 - 0.60000)\n"
    "---------------------------------------------\n"
    "ROUGE-L Average_R: 0.83333 (95%-conf.int. 0.83333 - 0.83333)\n"
    "ROUGE-L Average_P: 0.83333 (95%-conf.int. 0.83333 - 0.83333)\n"
    "ROUGE-L Average_F: 0.83333 (95%-conf.int. 0.83333 - 0.83333)\n"
    "---------------------------------------------\n"
    "ROUGE-SU4 Average_R: 0.70000 (95%-conf.int. 0.70000 - 0.70000)\n"
    "ROUGE-SU4 Average_P: 0.70000 (95%-conf.int. 0.70000 - 0.70000)\n"
    "ROUGE-SU4 Average_F: 0.70000 (95%-conf.int. 0.70000 - 0.70000)\n";

static void one_item_renders_the_hand_computed_table(void **state)
{
    (void)state;
    precis_eval_items *items = NULL;
    precis_eval_scores *scores = NULL;
    precis_error err = {0};
    const char *ref = "the cat lay on the mat\n";
    assert_int_equal(precis_eval_items_new(&items, &err), PRECIS_OK);
    assert_int_equal(precis_eval_items_add(items, "d1\xff", "the cat sat on the mat\n", &ref, 1,
                                           &err),
                     PRECIS_OK);
    assert_int_equal(precis_eval_items_score(items, NULL, &scores, &err), PRECIS_OK);
    char *text = NULL, *json = NULL;
    assert_int_equal(precis_eval_render_text(scores, 0, &text, &err), PRECIS_OK);
    assert_string_equal(text, expected_table);
    free(text);
    assert_int_equal(precis_eval_render_text(scores, PRECIS_EVAL_RENDER_PER_ITEM, &text, &err),
                     PRECIS_OK);
    assert_non_null(strstr(text, ".............................................\n"
                                 "ROUGE-2 Eval d1\xff R:0.60000 P:0.60000 F:0.60000\n"));
    free(text);

    const char *context[] = {"method", "lead \"quoted\"", "budget", "100 words"};
    assert_int_equal(precis_eval_render_json(scores, context, 2, PRECIS_EVAL_RENDER_PER_ITEM,
                                             &json, &err),
                     PRECIS_OK);
    json_error_t jerr;
    json_t *root = json_loads(json, 0, &jerr);
    if (!root)
        fail_msg("not JSON (%s): %s", jerr.text, json);
    const char *order[] = {"method", "budget", "items", "flags", "confidence", "ROUGE-1",
                           "ROUGE-2", "ROUGE-L", "ROUGE-SU4", "per_item"};
    size_t k = 0;
    const char *key;
    json_t *value;
    json_object_foreach(root, key, value) {
        assert_true(k < sizeof order / sizeof order[0]);
        assert_string_equal(key, order[k++]);
    }
    assert_int_equal(k, sizeof order / sizeof order[0]);
    assert_string_equal(json_string_value(json_object_get(root, "method")), "lead \"quoted\"");
    assert_int_equal(json_integer_value(json_object_get(root, "items")), 1);
    assert_string_equal(json_string_value(json_object_get(root, "flags")),
                        "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0");
    json_t *su4 = json_object_get(json_object_get(root, "ROUGE-SU4"), "p");
    assert_true(json_real_value(json_object_get(su4, "mean")) == 0.7);
    json_t *item = json_array_get(json_object_get(root, "per_item"), 0);
    /* the invalid byte of the id became U+FFFD */
    assert_string_equal(json_string_value(json_object_get(item, "id")), "d1\xEF\xBF\xBD");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(item, "ROUGE-SU4"), "hits")),
                     14);
    json_decref(root);
    free(json);
    precis_eval_scores_free(scores);
    precis_eval_items_free(items);
}

/* The figures do not depend on whether a summary comes as a list of
 * sentences or as one text with a sentence per line (what precis rouge read
 * before and what both commands read now), nor on the order results came. */
static void averages_follow_rouge_order_whatever_the_order_added(void **state)
{
    (void)state;
    precis_rouge_options opt;
    precis_rouge_options_init(&opt);
    opt.byte_limit = 20;
    precis_error err = {0};
    precis_rouge *rouge = NULL;
    assert_int_equal(precis_rouge_new(&opt, &rouge, &err), PRECIS_OK);
    assert_non_null(rouge);
    const char *ids[] = {"b", "a-b", "a", "c.1", "c"};
    const char *sys[] = {"the cat sat", "a dog barked at the cat", "", "one two three four",
                         "x y z"};
    const char *refs[] = {"the cat lay\non the mat\n", "a dog\n\nbarked\n", "the mat\n",
                          "one two\nthree\n", "x\ny\nz w\n"};
    precis_rouge_result by_text[5], by_sentence[5];
    for (int i = 0; i < 5; i++) {
        assert_int_equal(precis_eval_score_texts(rouge, sys[i], &refs[i], 1, &by_text[i], &err),
                         PRECIS_OK);
        /* the same reference as separate sentences */
        char copy[64];
        snprintf(copy, sizeof copy, "%s", refs[i]);
        const char *sentences[8];
        size_t n = 0;
        for (char *save = NULL, *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
            sentences[n++] = t;
        precis_rouge_text rt = {sentences, n};
        assert_int_equal(precis_rouge_score(rouge, &sys[i], 1, &rt, 1, &by_sentence[i], &err),
                         PRECIS_OK);
        assert_memory_equal(&by_text[i], &by_sentence[i], sizeof by_text[i]);
    }
    precis_rouge_free(rouge);

    precis_eval_scores *scores = NULL;
    assert_int_equal(precis_eval_scores_new(&scores, &err), PRECIS_OK);
    for (int i = 0; i < 5; i++)
        assert_int_equal(precis_eval_scores_add(scores, ids[i], &by_text[i], "data.jsonl", i + 1,
                                                &err),
                         PRECIS_OK);
    assert_null(precis_eval_scores_averages(scores));
    char *text = NULL;
    assert_int_equal(precis_eval_render_text(scores, 0, &text, &err), PRECIS_E_ARGUMENT);
    assert_int_equal(precis_eval_scores_average(scores, &opt, &err), PRECIS_OK);
    /* "<id>.": "a-b." < "a." < "b." < "c.." < "c.1." */
    const char *rouge_order[] = {"a-b", "a", "b", "c", "c.1"};
    const int from[] = {1, 2, 0, 4, 3};
    precis_rouge_result sorted[5];
    for (int i = 0; i < 5; i++) {
        assert_string_equal(precis_eval_scores_id(scores, (size_t)i), rouge_order[i]);
        sorted[i] = by_text[from[i]];
    }
    precis_rouge_average want;
    assert_int_equal(precis_rouge_aggregate(sorted, 5, &opt, &want, &err), PRECIS_OK);
    assert_memory_equal(precis_eval_scores_averages(scores), &want, sizeof want);

    /* an id twice is an error naming both lines */
    assert_int_equal(precis_eval_scores_add(scores, "b", &by_text[0], "data.jsonl", 9, &err),
                     PRECIS_OK);
    assert_int_equal(precis_eval_scores_average(scores, &opt, &err), PRECIS_E_FORMAT);
    assert_int_equal(err.line, 9);
    assert_string_equal(err.message, "duplicate id 'b' (first on line 1)");
    precis_eval_scores_free(scores);

    assert_int_equal(precis_eval_scores_new(&scores, &err), PRECIS_OK);
    assert_int_equal(precis_eval_scores_average(scores, NULL, &err), PRECIS_E_EMPTY);
    precis_eval_scores_free(scores);
    precis_eval_scores_free(NULL);
}

/* ---- input formats --------------------------------------------------------- */

static void input_formats_are_told_by_paths_then_first_bytes(void **state)
{
    (void)state;
    char *dir = scratch_dir();
    char *duc = sub_dir(dir, "duc");
    char *c1 = sub_dir(duc, "d30003t");
    char *arts = sub_dir(dir, "articles");
    write_file(c1, "APW1", "<DOC><TEXT>x</TEXT></DOC>\n");
    write_file(arts, "a.txt", "An article.\n");
    char *sub = sub_dir(arts, "more"); /* a folder of articles with a sub-folder */
    const char *p[1];
    p[0] = duc;
    assert_int_equal(precis_input_format_detect(p, 1), PRECIS_INPUT_DUC);
    p[0] = arts;
    assert_int_equal(precis_input_format_detect(p, 1), PRECIS_INPUT_TEXT);
    p[0] = "clusters.jsonl.xz";
    assert_int_equal(precis_input_format_detect(p, 1), PRECIS_INPUT_JSONL);
    p[0] = "notes.txt";
    assert_int_equal(precis_input_format_detect(p, 1), PRECIS_INPUT_AUTO);
    p[0] = "-";
    assert_int_equal(precis_input_format_detect(p, 1), PRECIS_INPUT_AUTO);
    assert_int_equal(precis_input_format_detect(NULL, 0), PRECIS_INPUT_AUTO);
    const char *two[] = {"a.jsonl", "b.jsonl"};
    assert_int_equal(precis_input_format_detect(two, 2), PRECIS_INPUT_TEXT);

    assert_int_equal(precis_input_format_sniff(" \n\t{\"id\"", 7, 0), PRECIS_INPUT_JSONL);
    assert_int_equal(precis_input_format_sniff("\r\n The", 6, 0), PRECIS_INPUT_TEXT);
    assert_int_equal(precis_input_format_sniff(" \n", 2, 0), PRECIS_INPUT_AUTO);
    assert_int_equal(precis_input_format_sniff("", 0, 0), PRECIS_INPUT_AUTO);
    /* fed a byte at a time, with the count of white space before it */
    assert_int_equal(precis_input_format_sniff("{", 1, 5000), PRECIS_INPUT_JSONL);
    assert_int_equal(precis_input_format_sniff(" ", 1, PRECIS_INPUT_SNIFF_MAX - 2),
                     PRECIS_INPUT_AUTO);
    assert_int_equal(precis_input_format_sniff(" ", 1, PRECIS_INPUT_SNIFF_MAX - 1),
                     PRECIS_INPUT_TEXT);
    assert_int_equal(precis_input_format_sniff("{", 1, PRECIS_INPUT_SNIFF_MAX - 1),
                     PRECIS_INPUT_JSONL);

    precis_input_format f = PRECIS_INPUT_TEXT;
    precis_error err = {0};
    assert_int_equal(precis_input_format_parse("duc", &f, &err), PRECIS_OK);
    assert_int_equal(f, PRECIS_INPUT_DUC);
    assert_int_equal(precis_input_format_parse("xml", &f, &err), PRECIS_E_ARGUMENT);
    assert_int_equal(f, PRECIS_INPUT_DUC);
    for (int k = PRECIS_INPUT_AUTO; k <= PRECIS_INPUT_DUC; k++) {
        assert_int_equal(precis_input_format_parse(precis_input_format_name((precis_input_format)k),
                                                   &f, NULL),
                         PRECIS_OK);
        assert_int_equal(f, k);
    }
    remove_tree(dir);
    free(sub);
    free(arts);
    free(c1);
    free(duc);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_names_match_items_by_the_documented_rules),
        cmocka_unit_test(items_are_kept_in_rouge_order_and_ids_are_unique),
        cmocka_unit_test(folders_pair_each_reference_with_its_best_item),
        cmocka_unit_test(duc_cluster_folders_get_their_models),
        cmocka_unit_test(json_lines_follow_one_set_of_rules),
        cmocka_unit_test(one_item_renders_the_hand_computed_table),
        cmocka_unit_test(averages_follow_rouge_order_whatever_the_order_added),
        cmocka_unit_test(input_formats_are_told_by_paths_then_first_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * cmd_rouge.c: `precis rouge`, ROUGE-1.5.5 scores for system summaries.
 *
 * A thin loop over the evaluation API (precis_eval.h): the library reads
 * and pairs the items (files, folders, or two JSON-lines files), scores them
 * in ROUGE's order, averages them and renders ROUGE's table or the JSON
 * object; the command parses its options and writes the string.  The rules
 * (every item paired, an id once, names matched byte for byte but for the
 * DUC cluster code) are the library's, shared with `precis eval`.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "precis_eval.h"

static const char help_text[] =
    "usage: precis rouge [options] SYSTEM REFERENCE...\n"
    "       precis rouge [options] --jsonl SYSTEM.jsonl REFERENCES.jsonl\n"
    "\n"
    "Scores system summaries against reference summaries exactly as ROUGE-1.5.5\n"
    "does with -n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 (plus -m, -s, -l, -b\n"
    "below), and prints the ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 averages of\n"
    "recall, precision and F with their 95% bootstrap confidence intervals, the\n"
    "numbers ROUGE-1.5.5 prints.\n"
    "\n"
    "Files and folders: a summary file holds one sentence per line (64 MB at most).\n"
    "  SYSTEM a file      one item, scored against every REFERENCE; a REFERENCE\n"
    "                     folder contributes its files whose names match SYSTEM's.\n"
    "  SYSTEM a folder    one item per file (hidden files are skipped); each\n"
    "                     REFERENCE is a folder and gives every item at least one\n"
    "                     reference; every reference file must match an item.\n"
    "  Matching: reference file R matches system file S (whose base name B is S\n"
    "  without its last extension) when R is S or B, or R starts with B followed\n"
    "  by '.', '_' or '-' (d061.txt matches d061.txt, d061.A.txt, d061_2.txt;\n"
    "  D0601.M.250.A.24 matches D0601.M.250.A.A), or R is a DUC summary\n"
    "  <set>.M.<length>.<X>.<author> and S (or B) is its cluster folder <set><X>\n"
    "  in any case (d30003t: D30003.M.100.T.B.html; D0601A: D0601.M.250.A.A).\n"
    "  Names are compared byte for byte otherwise.  A reference matching several\n"
    "  system files goes to the best match (the same name, the longest B, then\n"
    "  the DUC folder name).\n"
    "\n"
    "JSON lines (--jsonl): one object per line, matched by \"id\" (a string or an\n"
    "  integer).  System lines carry \"summary\"; reference lines carry \"summary\"\n"
    "  (one reference) or \"summaries\" (a list of references), never both.  A\n"
    "  summary is a string with one sentence per line, or a list of sentences.\n"
    "  A key twice in one object is an error.  .gz and .xz files are read\n"
    "  directly.  Every id must be in both files, once.\n"
    "\n"
    "Output: ROUGE-1.5.5's table (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-SU4, each\n"
    "  \"Average_R/P/F: value (95%-conf.int. low - high)\"); --json prints the same\n"
    "  figures as one line: {\"items\", \"flags\", \"confidence\", \"ROUGE-1\": {\"r\":\n"
    "  {\"average\", \"low\", \"high\", \"mean\"}, \"p\", \"f\"}, ..., \"per_item\"?}.\n"
    "  `precis eval` prints the same table and keys.\n"
    "\n"
    "options:\n"
    "  -m              stem (WordNet exceptions + ROUGE's Porter stemmer)\n"
    "  -s              remove stop words (ROUGE's SMART list)\n"
    "  -l N            use the first N words of each summary\n"
    "  -b N            use the first N bytes of each summary\n"
    "  --flags STRING  ROUGE-1.5.5 flags, e.g. \"-c 90 -f B -m\" (before -m/-s/-l/-b)\n"
    "  --jsonl         the two inputs are JSON-lines files\n"
    "  --json          print one JSON object instead of ROUGE's table\n"
    "  --per-item      also print each item's scores (ROUGE's -d)\n"
    "  -h, --help      this help\n"
    "\n"
    "An empty system summary scores 0 and counts in the averages.\n"
    "Exit status: 0 success, 1 bad input (the message names file and line),\n"
    "2 usage error, 3 I/O or system error.\n";

int cmd_rouge(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_JSONL, OPT_PER_ITEM, OPT_FLAGS };
    static const struct option longopts[] = {
        {"json", no_argument, 0, OPT_JSON},
        {"jsonl", no_argument, 0, OPT_JSONL},
        {"per-item", no_argument, 0, OPT_PER_ITEM},
        {"flags", required_argument, 0, OPT_FLAGS},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int json = 0, jsonl = 0, per_item = 0, stem = 0, stop = 0;
    long words = -1, bytes = -1;
    const char *flags = NULL;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "msl:b:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': stem = 1; break;
        case 's': stop = 1; break;
        case 'l':
        case 'b': {
            long v = cli_parse_count(optarg);
            if (v <= 0)
                return cli_usage_error("rouge ", "-%c needs a whole number from 1 to %ld, not '%s'",
                                       c, LONG_MAX, optarg);
            *(c == 'l' ? &words : &bytes) = v;
            break;
        }
        case OPT_JSON: json = 1; break;
        case OPT_JSONL: jsonl = 1; break;
        case OPT_PER_ITEM: per_item = 1; break;
        case OPT_FLAGS: flags = optarg; break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            if (optopt)
                return cli_usage_error("rouge ", "option '%s' needs a value or is unknown",
                                       argv[optind - 1]);
            return cli_usage_error("rouge ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (words > 0 && bytes > 0)
        return cli_usage_error("rouge ", "give -l or -b, not both");

    precis_rouge_options opt;
    precis_rouge_options_init(&opt);
    if (flags) {
        precis_error err;
        memset(&err, 0, sizeof err);
        if (precis_rouge_options_parse(flags, &opt, &err) != PRECIS_OK)
            return cli_usage_error("rouge ", "--flags: %s", err.message);
        /* strtol's overflow value: the number did not fit */
        if (opt.word_limit == LONG_MAX || opt.byte_limit == LONG_MAX)
            return cli_usage_error("rouge ", "--flags: -%c is too large",
                                   opt.word_limit == LONG_MAX ? 'l' : 'b');
    }
    if (stem)
        opt.stem = 1;
    if (stop)
        opt.remove_stopwords = 1;
    if (words > 0) {
        opt.word_limit = words;
        opt.byte_limit = 0;
    }
    if (bytes > 0) {
        opt.byte_limit = bytes;
        opt.word_limit = 0;
    }

    char **paths = argv + optind;
    int npaths = argc - optind;
    if (jsonl ? npaths != 2 : npaths < 2)
        return cli_usage_error("rouge ", jsonl ? "--jsonl needs SYSTEM.jsonl and REFERENCES.jsonl"
                                               : "need a SYSTEM and at least one REFERENCE");

    precis_error err = {0};
    precis_eval_items *items = NULL;
    precis_eval_scores *scores = NULL;
    char *out = NULL;
    precis_status st =
        jsonl ? precis_eval_items_read_jsonl(paths[0], paths[1], &items, &err)
              : precis_eval_items_read_files(paths[0], (const char *const *)paths + 1,
                                             (size_t)npaths - 1, &items, &err);
    if (st == PRECIS_OK)
        st = precis_eval_items_score(items, &opt, &scores, &err);
    unsigned render = per_item ? PRECIS_EVAL_RENDER_PER_ITEM : 0;
    if (st == PRECIS_OK)
        st = json ? precis_eval_render_json(scores, NULL, 0, render, &out, &err)
                  : precis_eval_render_text(scores, render, &out, &err);
    int rc = st == PRECIS_OK ? 0 : cli_report(&err);
    if (!rc) {
        fputs(out, stdout);
        if (json)
            putchar('\n');
        rc = cli_check_output();
    }
    precis_string_free(out);
    precis_eval_scores_free(scores);
    precis_eval_items_free(items);
    return rc;
}

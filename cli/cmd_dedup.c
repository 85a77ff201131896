/*
 * cmd_dedup.c: `precis dedup`, near-duplicate groups of a set of articles
 * (the library's precis_dedup_*, include/precis_stories.h).
 *
 * Input as `precis cluster` reads it (article_input.c).  Output: one JSON
 * line per group of two or more copies {"group", "members", "representative",
 * "similarities"} (--all adds the singletons), or with --annotate every
 * input article as {"id", "group", "representative"}.  The library keeps a
 * signature per article; this command keeps the ids, to name them.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_input.h"
#include "cli.h"

static const char help_text[] =
    "usage: precis dedup [options] [FILE.jsonl[.gz|.xz] | FOLDER | -]\n"
    "\n"
    "Finds near-duplicate articles (syndicated copies, trimmed reprints):\n"
    "MinHash signatures over word shingles, LSH banding, each candidate pair\n"
    "verified.  Input lines are JSON objects {\"id\", \"text\", ...}; a folder\n"
    "gives one article per file.  Output: one JSON line per group of copies\n"
    "{\"group\", \"members\", \"representative\", \"similarities\"}.\n"
    "\n"
    "options:\n"
    "  --exact             compare every pair on exact shingle sets (ground\n"
    "                      truth; quadratic, for small inputs)\n"
    "  --threshold X       similarity to call two articles copies: the larger\n"
    "                      of Jaccard and containment (default 0.5)\n"
    "  --shingle N         words per shingle (default 5)\n"
    "  --hashes N          MinHash values per article (default 128)\n"
    "  --bands N           LSH bands, dividing --hashes (default 64)\n"
    "  --all               also print the articles that have no copy\n"
    "  --annotate          one line per input article: {\"id\", \"group\",\n"
    "                      \"representative\"}\n"
    "  --skip-bad          report a bad line and go on\n"
    "  --quiet             no warnings on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage error, 3 system error.\n";

typedef struct dedup_run {
    precis_dedup *dedup;
    char **ids;
    size_t count, cap;
} dedup_run;

static int add_article(void *ctx, precis_stream_article *a, const char *source, long line)
{
    dedup_run *r = ctx;
    precis_error err = {0};
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        char **grown = realloc(r->ids, cap * sizeof *grown);
        if (!grown) {
            PRECIS_FAIL_CLI(&err, PRECIS_E_NOMEM, source, "out of memory");
            return cli_report(&err);
        }
        r->ids = grown;
        r->cap = cap;
    }
    if (!(r->ids[r->count] = strdup(a->id))) {
        PRECIS_FAIL_CLI(&err, PRECIS_E_NOMEM, source, "out of memory");
        return cli_report(&err);
    }
    r->count++;
    if (precis_dedup_add(r->dedup, a->text, a->len, NULL, &err) != PRECIS_OK) {
        err.line = line;
        return cli_report(&err);
    }
    return EXIT_OK;
}

static int print_json(json_t *root)
{
    char *text = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    if (!text) {
        precis_error err = {0};
        PRECIS_FAIL_CLI(&err, PRECIS_E_NOMEM, "", "out of memory");
        return cli_report(&err);
    }
    int bad = fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF;
    free(text);
    return bad ? cli_check_output() : EXIT_OK;
}

static int print_group(const dedup_run *r, const precis_dedup_groups *g, size_t index)
{
    precis_error err = {0};
    char *text = NULL;
    if (precis_dedup_group_to_json(g, index, (const char *const *)r->ids, &text, &err) !=
        PRECIS_OK)
        return cli_report(&err);
    int bad = fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF;
    precis_string_free(text);
    return bad ? cli_check_output() : EXIT_OK;
}

static int print_groups(const dedup_run *r, const precis_dedup_groups *g, int all, int annotate)
{
    int rc = EXIT_OK;
    if (annotate) {
        for (size_t i = 0; i < g->texts && rc == EXIT_OK; i++) {
            const precis_dedup_group *grp = &g->groups[g->group_of[i]];
            json_t *root = json_pack("{s:s, s:I, s:s}", "id", r->ids[i], "group",
                                     (json_int_t)g->group_of[i] + 1, "representative",
                                     r->ids[grp->representative]);
            rc = print_json(root);
        }
        return rc;
    }
    for (size_t i = 0; i < g->count && rc == EXIT_OK; i++)
        if (all || g->groups[i].count > 1)
            rc = print_group(r, g, i);
    return rc;
}

int cmd_dedup(int argc, char **argv)
{
    enum { OPT_EXACT = 256, OPT_THRESHOLD, OPT_SHINGLE, OPT_HASHES, OPT_BANDS, OPT_ALL,
           OPT_ANNOTATE, OPT_SKIP_BAD, OPT_QUIET };
    static const struct option longopts[] = {
        {"exact", no_argument, 0, OPT_EXACT},
        {"threshold", required_argument, 0, OPT_THRESHOLD},
        {"shingle", required_argument, 0, OPT_SHINGLE},
        {"hashes", required_argument, 0, OPT_HASHES},
        {"bands", required_argument, 0, OPT_BANDS},
        {"all", no_argument, 0, OPT_ALL},
        {"annotate", no_argument, 0, OPT_ANNOTATE},
        {"skip-bad", no_argument, 0, OPT_SKIP_BAD},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    precis_dedup_options o;
    precis_dedup_options_init(&o);
    int all = 0, annotate = 0, skip_bad = 0, quiet = 0;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        double v;
        long n;
        switch (c) {
        case OPT_EXACT:
            o.exact = 1;
            break;
        case OPT_THRESHOLD:
            if (cli_parse_number(optarg, &v) < 0 || !(v > 0 && v <= 1))
                return cli_usage_error("dedup ", "--threshold needs a number above 0 and at "
                                       "most 1, not '%s'", optarg);
            o.threshold = v;
            break;
        case OPT_SHINGLE:
        case OPT_HASHES:
        case OPT_BANDS:
            if ((n = cli_parse_count(optarg)) <= 0 || n > 1000000)
                return cli_usage_error("dedup ", "--%s needs a whole number of 1 or more, not "
                                       "'%s'", c == OPT_SHINGLE ? "shingle" : c == OPT_HASHES
                                                                              ? "hashes"
                                                                              : "bands",
                                       optarg);
            if (c == OPT_SHINGLE)
                o.shingle = (unsigned)n;
            else if (c == OPT_HASHES)
                o.hashes = (unsigned)n;
            else
                o.bands = (unsigned)n;
            break;
        case OPT_ALL:
            all = 1;
            break;
        case OPT_ANNOTATE:
            annotate = 1;
            break;
        case OPT_SKIP_BAD:
            skip_bad = 1;
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            return cli_usage_error("dedup ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("dedup ", "give one input (a file, a folder or -)");
    precis_error err = {0};
    dedup_run r = {0};
    if (precis_dedup_new(&o, &r.dedup, &err) != PRECIS_OK)
        return err.status == PRECIS_E_ARGUMENT ? cli_usage_error("dedup ", "%s", err.message)
                                               : cli_report(&err);
    article_reader reader = {optind < argc ? argv[optind] : "-", skip_bad, quiet, add_article, &r,
                             0};
    int rc = cli_read_articles(&reader);
    precis_dedup_groups *groups = NULL;
    if (rc == EXIT_OK && precis_dedup_find(r.dedup, &groups, &err) != PRECIS_OK)
        rc = cli_report(&err);
    if (rc == EXIT_OK)
        rc = print_groups(&r, groups, all, annotate);
    if (rc == EXIT_OK && reader.skipped && !quiet)
        cli_warn("%zu line%s skipped (--skip-bad)", reader.skipped,
                 reader.skipped == 1 ? "" : "s");
    precis_dedup_groups_free(groups);
    for (size_t i = 0; i < r.count; i++)
        free(r.ids[i]);
    free(r.ids);
    precis_dedup_free(r.dedup);
    return rc;
}

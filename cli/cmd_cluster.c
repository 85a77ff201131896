/*
 * cmd_cluster.c: `precis cluster`, a stream of articles grouped into
 * stories (the library's precis_stories_*, include/precis_stories.h).
 *
 * Input: JSON lines {"id", "text", "title"?, "date"?} from a file (plain,
 * .gz or .xz), standard input, or a folder of plain-text files (one article
 * each, its id the file name).  Output: one JSON line per story, every
 * article in exactly one story.  With --window, stories are written as they
 * go quiet, so an endless input (tail -f) gives output as it goes and
 * memory follows the live stories; without it, when the input ends.
 *
 * Ids must be unique (a duplicate is an error naming both lines, unless
 * --allow-duplicate-ids); bad lines stop the run with file and line, or are
 * reported and skipped with --skip-bad.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_input.h"
#include "cli.h"
#include "precis_stories.h"
#include "story_briefs.h"

static const char help_text[] =
    "usage: precis cluster [options] [FILE.jsonl[.gz|.xz] | FOLDER | -]\n"
    "\n"
    "Groups a stream of articles into stories: each article joins the most\n"
    "similar live story or opens a new one.  Input lines are JSON objects\n"
    "{\"id\", \"text\", \"title\"?, \"date\"?} (date: ISO 8601); a folder gives one\n"
    "article per file.  Output: one JSON line per story\n"
    "{\"story\", \"size\", \"articles\", \"first_seen\"?, \"last_seen\"?}.\n"
    "\n"
    "options:\n"
    "  --threshold X       cosine to join a story (default 0.25)\n"
    "  --merge X           when stories are written, one whose centroid has this\n"
    "                      cosine with a live story's joins it (default 0.35; 1: never)\n"
    "  --copies X          near-duplicates first: an article this similar to one of\n"
    "                      a live story (as precis dedup: the larger of Jaccard and\n"
    "                      containment of their shingles) joins that story and its\n"
    "                      words count once (default 0.5)\n"
    "  --no-copies         no near-duplicate check: every article by its words\n"
    "  --window SECONDS    a story goes quiet this long after its last article\n"
    "                      and is written out (needs dates; suffixes m, h, d)\n"
    "  --max-live N        most live stories (default 200000)\n"
    "  --title-weight X    weight of title words (default 2)\n"
    "  --summarize         add each story's brief (\"brief\": the JSON of precis\n"
    "                      summarize --json), its near-copies collapsed first\n"
    "  --words N, --method NAME, --set KEY=VALUE ...  the brief's options, as in\n"
    "                      precis summarize (default 100 words)\n"
    "  --skip-bad          report a bad line and go on\n"
    "  --allow-duplicate-ids  accept an id twice (each occurrence is an article)\n"
    "  --quiet             no warnings on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage error, 3 system error.\n";

/* ---- ids seen ---------------------------------------------------------- */

typedef struct id_set {
    char **ids;
    long *lines;
    size_t cap, count;
} id_set;

/* Adds id; *first_line receives the line of an earlier copy (then 1 is
 * returned), -1 when out of memory, 0 when new. */
static int id_set_add(id_set *s, const char *id, long line, long *first_line)
{
    if ((s->count + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        char **ids = calloc(cap, sizeof *ids);
        long *lines = calloc(cap, sizeof *lines);
        if (!ids || !lines) {
            free(ids);
            free(lines);
            return -1;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->ids[i])
                continue;
            size_t h = cli_hash(s->ids[i]) & (cap - 1);
            while (ids[h])
                h = (h + 1) & (cap - 1);
            ids[h] = s->ids[i];
            lines[h] = s->lines[i];
        }
        free(s->ids);
        free(s->lines);
        s->ids = ids;
        s->lines = lines;
        s->cap = cap;
    }
    size_t h = cli_hash(id) & (s->cap - 1);
    while (s->ids[h]) {
        if (!strcmp(s->ids[h], id)) {
            *first_line = s->lines[h];
            return 1;
        }
        h = (h + 1) & (s->cap - 1);
    }
    if (!(s->ids[h] = strdup(id)))
        return -1;
    s->lines[h] = line;
    s->count++;
    return 0;
}

static void id_set_free(id_set *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->ids[i]);
    free(s->ids);
    free(s->lines);
}

/* ---- the run ----------------------------------------------------------- */

typedef struct cluster_run {
    precis_stories *stories;
    precis_summarizer *summarizer; /* --summarize: briefs, else NULL */
    text_store texts;              /* --summarize: the texts of live stories */
    int skip_bad, allow_duplicates, quiet;
    id_set seen;
    double latest;          /* the latest date seen */
    size_t skipped;
} cluster_run;

static int write_stories(cluster_run *r, double now, int all)
{
    precis_error err = {0};
    precis_story_list *l = NULL;
    if (precis_stories_flush(r->stories, now, all, &l, &err) != PRECIS_OK)
        return cli_report(&err);
    if (!r->quiet && l->warnings[0])
        cli_warn("%.*s", (int)strcspn(l->warnings, "\n"), l->warnings);
    int rc = EXIT_OK;
    for (size_t i = 0; i < l->count && rc == EXIT_OK; i++) {
        char *json = NULL;
        if (precis_story_to_json(&l->stories[i], &json, &err) != PRECIS_OK) {
            rc = cli_report(&err);
            break;
        }
        char *with_brief = NULL;
        if (r->summarizer && story_brief_json(r->summarizer, &r->texts, &l->stories[i], json,
                                              &with_brief, &err) < 0) {
            precis_string_free(json);
            rc = cli_report(&err);
            break;
        }
        const char *line = with_brief ? with_brief : json;
        if (fputs(line, stdout) == EOF || fputc('\n', stdout) == EOF)
            rc = cli_check_output();
        free(with_brief);
        precis_string_free(json);
    }
    precis_story_list_free(l);
    if (rc == EXIT_OK && fflush(stdout) != 0)
        rc = cli_check_output();
    return rc;
}

/* One article: checked, clustered, and with a window the stories its date
 * made quiet written out. */
static int add_article(void *ctx, precis_stream_article *a, const char *source, long line)
{
    cluster_run *r = ctx;
    precis_error err = {0};
    if (!r->allow_duplicates) {
        long first = 0;
        int dup = id_set_add(&r->seen, a->id, line, &first);
        if (dup < 0) {
            PRECIS_FAIL_CLI(&err, PRECIS_E_NOMEM, source, "out of memory");
            return cli_report(&err);
        }
        if (dup) {
            cli_warn("%s:%ld: duplicate id '%s' (first on line %ld); --allow-duplicate-ids "
                     "accepts it", source, line, a->id, first);
            if (!r->skip_bad)
                return EXIT_INPUT;
            r->skipped++;
            return EXIT_OK;
        }
    }
    if (a->len == 0 && !r->quiet)
        cli_warn("%s:%ld: article '%s' has an empty text: a story of its own", source, line,
                 a->id);
    if (r->summarizer && text_store_put(&r->texts, a->id, a->text, a->len) < 0) {
        PRECIS_FAIL_CLI(&err, PRECIS_E_NOMEM, source, "out of memory");
        return cli_report(&err);
    }
    if (precis_stories_add(r->stories, a->id, a->title, a->text, a->len, a->time, NULL, &err) !=
        PRECIS_OK) {
        if (!err.source[0])
            snprintf(err.source, sizeof err.source, "%s", source);
        err.line = line;
        return cli_report(&err);
    }
    if (!isnan(a->time) && (isnan(r->latest) || a->time > r->latest)) {
        r->latest = a->time;
        return write_stories(r, r->latest, 0);
    }
    return EXIT_OK;
}

/* "3600", "90m", "6h", "2d" -> seconds; -1 when not one. */
static double parse_duration(const char *text)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || !isfinite(v) || v < 0)
        return -1;
    double unit = 1;
    if (*end == 'm')
        unit = 60, end++;
    else if (*end == 'h')
        unit = 3600, end++;
    else if (*end == 'd')
        unit = 86400, end++;
    else if (*end == 's')
        end++;
    return *end ? -1 : v * unit;
}

int cmd_cluster(int argc, char **argv)
{
    enum { OPT_THRESHOLD = 256, OPT_MERGE, OPT_WINDOW, OPT_MAX_LIVE, OPT_TITLE, OPT_SKIP_BAD, OPT_DUPS,
           OPT_QUIET, OPT_SUMMARIZE, OPT_COPIES, OPT_NO_COPIES };
    static const struct option longopts[] = {
        CLI_SUMMARY_OPTIONS,
        {"summarize", no_argument, 0, OPT_SUMMARIZE},
        {"threshold", required_argument, 0, OPT_THRESHOLD},
        {"merge", required_argument, 0, OPT_MERGE},
        {"copies", required_argument, 0, OPT_COPIES},
        {"no-copies", no_argument, 0, OPT_NO_COPIES},
        {"window", required_argument, 0, OPT_WINDOW},
        {"max-live", required_argument, 0, OPT_MAX_LIVE},
        {"title-weight", required_argument, 0, OPT_TITLE},
        {"skip-bad", no_argument, 0, OPT_SKIP_BAD},
        {"allow-duplicate-ids", no_argument, 0, OPT_DUPS},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    precis_stories_options o;
    precis_stories_options_init(&o);
    precis_options so;
    precis_options_init(&so);
    int budget_set = 0, summarize = 0;
    cluster_run r = {0};
    r.latest = NAN;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        double v;
        long n;
        int src = cli_summary_option("cluster ", c, optarg, &so, &budget_set);
        if (src >= 0) {
            if (src)
                return src;
            continue;
        }
        switch (c) {
        case OPT_SUMMARIZE:
            summarize = 1;
            break;
        case OPT_THRESHOLD:
            if (cli_parse_number(optarg, &v) < 0 || !(v > 0 && v <= 1))
                return cli_usage_error("cluster ", "--threshold needs a number above 0 and at "
                                       "most 1, not '%s'", optarg);
            o.threshold = v;
            break;
        case OPT_MERGE:
            if (cli_parse_number(optarg, &v) < 0 || !(v > 0 && v <= 1))
                return cli_usage_error("cluster ", "--merge needs a number above 0 and at most "
                                       "1, not '%s'", optarg);
            o.merge_threshold = v;
            break;
        case OPT_COPIES:
            if (cli_parse_number(optarg, &v) < 0 || !(v > 0 && v <= 1))
                return cli_usage_error("cluster ", "--copies needs a number above 0 and at most "
                                       "1 (--no-copies turns the check off), not '%s'", optarg);
            o.copy_threshold = v;
            break;
        case OPT_NO_COPIES:
            o.copy_threshold = 0; /* the library's "off" */
            break;
        case OPT_WINDOW:
            if ((v = parse_duration(optarg)) < 0)
                return cli_usage_error("cluster ", "--window needs a duration (3600, 90m, 6h, "
                                       "2d), not '%s'", optarg);
            o.window = v;
            break;
        case OPT_MAX_LIVE:
            if ((n = cli_parse_count(optarg)) <= 0)
                return cli_usage_error("cluster ", "--max-live needs a whole number of 1 or "
                                       "more, not '%s'", optarg);
            o.max_live = (size_t)n;
            break;
        case OPT_TITLE:
            if (cli_parse_number(optarg, &v) < 0 || v < 0)
                return cli_usage_error("cluster ", "--title-weight needs a number of 0 or more, "
                                       "not '%s'", optarg);
            o.title_weight = v;
            break;
        case OPT_SKIP_BAD:
            r.skip_bad = 1;
            break;
        case OPT_DUPS:
            r.allow_duplicates = 1;
            break;
        case OPT_QUIET:
            r.quiet = 1;
            break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            return cli_usage_error("cluster ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("cluster ", "give one input (a file, a folder or -)");
    const char *path = optind < argc ? argv[optind] : "-";
    if (!summarize && budget_set)
        return cli_usage_error("cluster ", "--words, --bytes and --sentences set the brief of "
                               "--summarize");
    if (summarize) {
        int orc = cli_check_options("cluster ", &so);
        if (orc)
            return orc;
    }
    precis_error err = {0};
    precis_model *model = NULL;
    if (precis_model_new(&model, &err) != PRECIS_OK)
        return cli_report(&err);
    if (precis_stories_new(model, &o, &r.stories, &err) != PRECIS_OK ||
        (summarize && (precis_summarizer_new(model, &so, &r.summarizer, &err) != PRECIS_OK ||
                       text_store_init(&r.texts) < 0))) {
        if (summarize && !err.message[0])
            PRECIS_FAIL_CLI(&err, PRECIS_E_NOMEM, "", "out of memory");
        precis_summarizer_free(r.summarizer);
        precis_stories_free(r.stories);
        precis_model_free(model);
        return cli_report(&err);
    }
    article_reader reader = {path, r.skip_bad, r.quiet, add_article, &r, 0};
    int rc = cli_read_articles(&reader);
    r.skipped += reader.skipped;
    if (rc == EXIT_OK)
        rc = write_stories(&r, NAN, 1);
    if (rc == EXIT_OK && r.skipped && !r.quiet)
        cli_warn("%zu line%s skipped (--skip-bad)", r.skipped, r.skipped == 1 ? "" : "s");
    id_set_free(&r.seen);
    if (r.summarizer)
        text_store_free(&r.texts);
    precis_summarizer_free(r.summarizer);
    precis_stories_free(r.stories);
    precis_model_free(model);
    return rc;
}

/*
 * cmd_summarize.c: `precis summarize`.
 *
 * One cluster (files, a folder, stdin) prints text or one JSON object.
 * Batches (JSON lines, a DUC root) print one JSON line per cluster, in input
 * order.  Batches run in windows: the main thread reads a window of raw
 * items, worker threads (one summarizer each, one shared model) parse and
 * summarize them, the main thread writes the window's results in order.
 * Memory is bounded by the window, and the output does not depend on the
 * number of threads.
 *
 * What an input holds is the library's decision (precis_input_format_detect
 * on the paths; for one file or standard input, precis_input_format_sniff on
 * its first bytes: '{' is JSON lines).  The command opens the input once,
 * reads those bytes and hands them to the reader with the stream
 * (precis_cluster_read_stream, batch_settings.stream):
 * a pipe, a FIFO or a process substitution can be neither reopened nor
 * rewound, and leading white space stays part of an article's offsets.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "precis_io.h"

typedef struct settings {
    precis_options options;
    precis_input_format format;
    int json;
    int skip_bad;
    long threads;
    int quiet;
} settings;

static const char help_text[] =
    "usage: precis summarize [options] [FILE | FOLDER | -]...\n"
    "\n"
    "Summarizes a cluster of news articles about one event.\n"
    "  files or one folder    one article per file: one cluster, text output\n"
    "  - or nothing           standard input (one article, or JSON lines)\n"
    "  a .jsonl(.xz|.gz) file one cluster per line -> one JSON line per cluster\n"
    "  a DUC root folder      one cluster per sub-folder of SGML documents\n"
    "\n"
    "options:\n"
    "  --words N           budget in words (default 100)\n"
    "  --bytes N           budget in bytes\n"
    "  --sentences N       budget in sentences\n"
    "  --truncate          cut the last sentence to fill a --words or --bytes\n"
    "                      budget exactly (bytes: at a character, as ROUGE -b)\n"
    "  --method NAME       default, centroid, lexrank, learned, concepts, ilp,\n"
    "                      lead, lead-first, random\n"
    "  --redundancy X      MMR redundancy trade-off in [0,1] (default 0.3)\n"
    "  --seed N            seed of the random baseline\n"
    "  --set KEY=VALUE     tuning: redundancy, duplicate_similarity, position_weight,\n"
    "                      centroid_weight, lexrank_weight, summary_word_weight,\n"
    "                      learned_weight, importance_weight, dangling_penalty,\n"
    "                      ilp_salience, quote_penalty, article_share,\n"
    "                      content_redundancy, content_duplicate, concept_weight\n"
    "  --collapse-copies   an article that is a near copy of another (a syndicated\n"
    "                      reprint) gives no sentence; its note and a warning say so\n"
    "  --json              JSON with attribution (sentence offsets, scores)\n"
    "  --diagnostics       readability counts of each brief (quotation shards,\n"
    "                      people named before introduced, chrome, datelines,\n"
    "                      dangling openers, the most used article's share): a\n"
    "                      \"readability\" object in JSON, else a line on stderr\n"
    "  --input-format F    auto (default), text, jsonl, duc\n"
    "  --threads N         batch worker threads (default: all cores)\n"
    "  --skip-bad          batch: report a bad JSON line and go on\n"
    "  --quiet             no warnings, no progress line on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage error, 3 system error.\n";

/* ---- detection ------------------------------------------------------ */

/* One file or standard input whose format is told by its first bytes.  It
 * is opened once: the bytes read to decide are handed to the reader with
 * the stream (a pipe or a FIFO can be neither reopened nor rewound). */
typedef struct sniffed {
    FILE *stream;     /* NULL: nothing opened (the library opens the paths) */
    const char *name; /* the path, "-" for standard input */
    char *head;       /* the bytes read: leading white space and one more byte */
    size_t head_len;
} sniffed;

/* Reads the stream's first bytes into in->head, one at a time, until the
 * library tells its format (leading white space and one byte more; a stream
 * that ends first is text): 0, or -1 when out of memory. */
static int sniff(sniffed *in, precis_input_format *format)
{
    size_t cap = 0;
    *format = PRECIS_INPUT_AUTO;
    while (*format == PRECIS_INPUT_AUTO) {
        int c = getc(in->stream);
        if (c == EOF) {
            *format = PRECIS_INPUT_TEXT;
            break;
        }
        if (in->head_len == cap) {
            cap = cap ? cap * 2 : 256;
            char *grown = realloc(in->head, cap);
            if (!grown)
                return -1;
            in->head = grown;
        }
        in->head[in->head_len] = (char)c;
        *format = precis_input_format_sniff(in->head + in->head_len, 1, in->head_len);
        in->head_len++;
    }
    return 0;
}

/* ---- one cluster ---------------------------------------------------- */

static void print_warnings(const settings *st, const precis_summary *sum)
{
    if (st->quiet || !sum->warnings || !sum->warnings[0])
        return;
    const char *p = sum->warnings;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        cli_warn("warning: %.*s", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

/* The readability counts of a text brief, one line on standard error. */
static void print_readability(const precis_readability *r)
{
    cli_warn("readability: %zu sentences, %zu quotation shards, %zu people named before "
             "introduced, %zu chrome, %zu datelines, %zu dangling openers, %zu from the most "
             "used of %zu articles%s",
             r->sentences, r->quote_shards, r->unintroduced, r->chrome, r->datelines,
             r->dangling, r->top_article, r->articles_used,
             r->opens_badly ? "; the first sentence is one of those" : "");
}

static int summarize_one(const settings *st, const precis_model *model, char **paths, int n,
                         const sniffed *in)
{
    const char *dash = "-";
    const char *const *list = n ? (const char *const *)paths : &dash;
    precis_error err = {0};
    precis_cluster *cluster = NULL;
    precis_status rs = in->stream ? precis_cluster_read_stream(in->stream, in->name, in->head,
                                                               in->head_len, &cluster, &err)
                                  : precis_cluster_read_files(list, n ? (size_t)n : 1, &cluster,
                                                              &err);
    if (rs != PRECIS_OK)
        return cli_report(&err);
    if (cluster->warnings && !st->quiet) { /* folder entries that are not articles */
        const char *p = cluster->warnings;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            cli_warn("%.*s", (int)len, p);
            p += len + (nl ? 1 : 0);
        }
    }
    if (cli_check_compressed(cluster, &err) < 0) {
        precis_cluster_free(cluster);
        return cli_report(&err);
    }
    precis_summarizer *sz = NULL;
    precis_summary *sum = NULL;
    int rc = EXIT_OK;
    if (precis_summarizer_new(model, &st->options, &sz, &err) != PRECIS_OK ||
        precis_summarize(sz, cluster->articles, cluster->count, cluster->markup, &sum,
                         &err) != PRECIS_OK) {
        if (!err.source[0] && n == 1)
            snprintf(err.source, sizeof err.source, "%s", paths[0]);
        rc = cli_report(&err);
    } else {
        print_warnings(st, sum);
        char *out = NULL;
        if ((st->json ? precis_summary_to_json(sum, cluster, NULL, &out, &err)
                      : precis_summary_to_text(sum, &out, &err)) != PRECIS_OK) {
            rc = cli_report(&err);
        } else {
            fputs(out, stdout);
            if (st->json)
                fputc('\n', stdout);
            else if (sum->has_readability && !st->quiet)
                print_readability(&sum->readability);
            precis_string_free(out);
        }
    }
    precis_summary_free(sum);
    precis_summarizer_free(sz);
    precis_cluster_free(cluster);
    return rc;
}

/* ---- batches ---------------------------------------------------------- */

typedef struct summarize_ctx {
    const settings *st;
    const precis_model *model;
    const char *source;
} summarize_ctx;

typedef struct summarize_result {
    char *json;
    char *warnings;
} summarize_result;

static void *summarize_thread_new(void *ctx, precis_error *err)
{
    summarize_ctx *c = ctx;
    precis_summarizer *s = NULL;
    precis_summarizer_new(c->model, &c->st->options, &s, err);
    return s;
}

static void summarize_thread_free(void *ctx, void *state)
{
    (void)ctx;
    precis_summarizer_free(state);
}

static void summarize_discard(void *ctx, void *result)
{
    (void)ctx;
    summarize_result *r = result;
    if (r) {
        precis_string_free(r->json);
        free(r->warnings);
        free(r);
    }
}

static void summarize_process(void *ctx, void *state, precis_cluster *cluster, batch_job *job)
{
    summarize_ctx *c = ctx;
    precis_summary *sum = NULL;
    precis_status s = precis_summarize(state, cluster->articles, cluster->count, cluster->markup,
                                       &sum, &job->err);
    if (s != PRECIS_OK) {
        /* name the input line (JSONL) or the cluster folder (DUC) */
        char msg[sizeof job->err.message];
        snprintf(msg, sizeof msg, "cluster %.64s: %.400s", cluster->id ? cluster->id : "?",
                 job->err.message);
        memcpy(job->err.message, msg, sizeof msg);
        snprintf(job->err.source, sizeof job->err.source, "%s", c->source);
        job->err.line = job->line;
        job->failed = 1;
        return;
    }
    summarize_result *r = calloc(1, sizeof *r);
    if (r) {
        precis_summary_to_json(sum, cluster, cluster->id ? cluster->id : "", &r->json, NULL);
        if (sum->warnings[0])
            r->warnings = strdup(sum->warnings);
    }
    if (!r || !r->json) {
        summarize_discard(ctx, r);
        job->err.status = PRECIS_E_NOMEM;
        snprintf(job->err.message, sizeof job->err.message, "out of memory");
        job->failed = 1;
    } else {
        job->result = r;
    }
    precis_summary_free(sum);
}

static int summarize_emit(void *ctx, batch_job *job)
{
    summarize_ctx *c = ctx;
    summarize_result *r = job->result;
    if (r->warnings && !c->st->quiet) {
        const char *p = r->warnings;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            if (job->line)
                cli_warn("warning: %s:%ld: %.*s", c->source, job->line, (int)n, p);
            else
                cli_warn("warning: %.*s", (int)n, p);
            p += n + (nl ? 1 : 0);
        }
    }
    fputs(r->json, stdout);
    fputc('\n', stdout);
    summarize_discard(ctx, r);
    /* a failed write stops the batch at once */
    return ferror(stdout) ? cli_check_output() : 0;
}

static int summarize_batch(const settings *st, const precis_model *model,
                           precis_input_format format, const char *path, const sniffed *in)
{
    summarize_ctx ctx = {st, model, strcmp(path, "-") ? path : "(stdin)"};
    batch_ops ops = {&ctx, summarize_thread_new, summarize_thread_free, summarize_process,
                     summarize_emit, summarize_discard};
    batch_settings bs = {.kind = format == PRECIS_INPUT_JSONL ? BATCH_JSONL : BATCH_DUC,
                         .path = path, .threads = st->threads, .skip_bad = st->skip_bad,
                         .stream = in->stream, .head = in->head, .head_len = in->head_len,
                         .quiet = st->quiet, .progress = !st->quiet,
                         .writes_stdout = 1};
    int rc = batch_run(&bs, &ops);
    int wrc = cli_check_output();
    return rc ? rc : wrc;
}

/* ---- arguments -------------------------------------------------------- */

int cmd_summarize(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_FORMAT, OPT_THREADS, OPT_SKIP_BAD, OPT_QUIET, OPT_DIAGNOSTICS };
    static const struct option longopts[] = {
        CLI_SUMMARY_OPTIONS,
        {"json", no_argument, 0, OPT_JSON},
        {"diagnostics", no_argument, 0, OPT_DIAGNOSTICS},
        {"input-format", required_argument, 0, OPT_FORMAT},
        {"threads", required_argument, 0, OPT_THREADS},
        {"skip-bad", no_argument, 0, OPT_SKIP_BAD},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    settings st = {.format = PRECIS_INPUT_AUTO};
    precis_options_init(&st.options);
    int budget_set = 0;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        int rc = cli_summary_option("summarize ", c, optarg, &st.options, &budget_set);
        if (rc >= 0) {
            if (rc)
                return rc;
            continue;
        }
        switch (c) {
        case OPT_JSON:
            st.json = 1;
            break;
        case OPT_DIAGNOSTICS:
            st.options.diagnostics = 1;
            break;
        case OPT_FORMAT: {
            precis_error ferr = {0};
            if (precis_input_format_parse(optarg, &st.format, &ferr) != PRECIS_OK)
                return cli_usage_error("summarize ", "%s", ferr.message);
            break;
        }
        case OPT_THREADS:
            if ((st.threads = cli_parse_threads("summarize ", optarg)) < 0)
                return EXIT_USAGE;
            break;
        case OPT_SKIP_BAD:
            st.skip_bad = 1;
            break;
        case OPT_QUIET:
            st.quiet = 1;
            break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            if (optopt)
                return cli_usage_error("summarize ", "option '%s' needs a value or is unknown",
                                       argv[optind - 1]);
            return cli_usage_error("summarize ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    int orc = cli_check_options("summarize ", &st.options);
    if (orc)
        return orc;
    char **paths = argv + optind;
    int npaths = argc - optind;
    precis_input_format format = st.format;
    if ((format == PRECIS_INPUT_JSONL || format == PRECIS_INPUT_DUC) && npaths > 1)
        return cli_usage_error("summarize ", "a batch input is one file or folder, got %d", npaths);
    if (format == PRECIS_INPUT_DUC && npaths == 0)
        return cli_usage_error("summarize ", "--input-format duc needs the root folder");
    sniffed in = {0};
    if (format == PRECIS_INPUT_AUTO)
        format = precis_input_format_detect((const char *const *)paths, (size_t)npaths);
    if (format == PRECIS_INPUT_AUTO) {
        /* one file or standard input: its first bytes tell, read from the
         * stream that is then read on */
        int std_in = npaths == 0 || !strcmp(paths[0], "-");
        in.name = std_in ? "-" : paths[0];
        in.stream = std_in ? stdin : fopen(paths[0], "rb");
        if (!in.stream) {
            format = PRECIS_INPUT_TEXT; /* unopenable: the reader reports it */
        } else if (sniff(&in, &format) < 0) {
            if (in.stream != stdin)
                fclose(in.stream);
            free(in.head);
            fprintf(stderr, "precis: out of memory\n");
            return EXIT_SYSTEM;
        }
    }

    precis_error err = {0};
    precis_model *model = NULL;
    int rc;
    if (precis_model_new(&model, &err) != PRECIS_OK)
        rc = cli_report(&err);
    else if (format == PRECIS_INPUT_TEXT)
        rc = summarize_one(&st, model, paths, npaths, &in);
    else
        rc = summarize_batch(&st, model, format, npaths ? paths[0] : "-", &in);
    precis_model_free(model);
    if (in.stream && in.stream != stdin)
        fclose(in.stream);
    free(in.head);
    return rc;
}

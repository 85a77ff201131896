/*
 * cmd_train.c: `precis train`, fit the learned scorer's weights.
 *
 * Every cluster of a JSONL training set (references in "summary") becomes
 * rows of sentence features labelled by the greedy ROUGE oracle
 * (precis_training_rows); rows are gathered in input order, whatever the
 * thread count, then one logistic regression is fitted.  The weights come
 * out as data/weights.tsv expects them: `feature<TAB>weight`, sorted.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "precis_train.h"
#include "progress.h"

static const char help_text[] =
    "usage: precis train [options] TRAIN.jsonl[.xz|.gz] > data/weights.tsv\n"
    "\n"
    "Fits the weights of the learned sentence scorer (--method learned) on a\n"
    "JSONL training set with reference summaries, labelling each candidate\n"
    "sentence by the share of its n-grams found in the references (or by\n"
    "whether the greedy ROUGE-1+2 oracle picks it).\n"
    "\n"
    "options:\n"
    "  --words N       the budget the oracle labels under (default 230)\n"
    "  --l2 X          L2 regularisation (default 1.0)\n"
    "  --iterations N  Newton steps at most (default 25)\n"
    "  --limit N       use the first N clusters only\n"
    "  --threads N     worker threads (default: all cores)\n"
    "  --target T      density (default): the share of a sentence's n-grams found\n"
    "                  in the references; oracle: 1 when the oracle picks it;\n"
    "                  words: the word-importance model (data/word_weights.tsv)\n"
    "  --quiet         no progress line on stderr\n"
    "  -h, --help      this help\n";

typedef struct train_ctx {
    const precis_model *model;
    precis_options options;
    double *x;
    double *y;
    size_t rows, cap, clusters, limit;
    int density; /* fit the density target instead of oracle picks */
    int words;   /* fit the word-importance model */
    size_t without_refs; /* clusters (within --limit) with no reference summary */
} train_ctx;

/* The result of a cluster that has no reference summary (not rows). */
static char no_references;

static void *train_thread_new(void *vctx, precis_error *err)
{
    train_ctx *ctx = vctx;
    precis_summarizer *s = NULL;
    precis_summarizer_new(ctx->model, &ctx->options, &s, err);
    return s;
}

static void train_thread_free(void *vctx, void *state)
{
    (void)vctx;
    precis_summarizer_free(state);
}

static void train_discard(void *vctx, void *result)
{
    (void)vctx;
    if (result != &no_references)
        precis_rows_free(result);
}

static void train_process(void *vctx, void *state, precis_cluster *cluster, batch_job *job)
{
    train_ctx *ctx = vctx;
    precis_rows *rows = NULL;
    if (ctx->limit && job->index >= ctx->limit) {
        job->result = NULL; /* past --limit: skipped */
        return;
    }
    if (cluster->nreferences == 0) {
        job->result = &no_references; /* nothing to learn from: counted, skipped */
        return;
    }
    precis_status st =
        ctx->words
            ? precis_training_word_rows(state, cluster->articles, cluster->count, cluster->markup,
                                        (const char *const *)cluster->references,
                                        cluster->nreferences, &rows, &job->err)
            : precis_training_rows(state, cluster->articles, cluster->count, cluster->markup,
                                   (const char *const *)cluster->references, cluster->nreferences,
                                   1, &rows, &job->err);
    if (st == PRECIS_E_EMPTY)
        return; /* an empty cluster has no candidates */
    if (st != PRECIS_OK) {
        job->failed = 1;
        job->err.line = job->line;
        return;
    }
    job->result = rows;
}

static int train_emit(void *vctx, batch_job *job)
{
    train_ctx *ctx = vctx;
    if (job->result == &no_references) {
        ctx->without_refs++;
        return 0;
    }
    precis_rows *rows = job->result;
    if (!rows || (ctx->limit && ctx->clusters >= ctx->limit)) {
        precis_rows_free(rows);
        return 0;
    }
    size_t f = rows->features;
    if (ctx->rows + rows->count > ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap : 1 << 16;
        while (cap < ctx->rows + rows->count)
            cap *= 2;
        double *x = realloc(ctx->x, cap * f * sizeof *x);
        if (x)
            ctx->x = x;
        double *y = x ? realloc(ctx->y, cap * sizeof *y) : NULL;
        if (!y) {
            precis_rows_free(rows);
            cli_warn("out of memory");
            return EXIT_SYSTEM;
        }
        ctx->y = y;
        ctx->cap = cap;
    }
    memcpy(ctx->x + ctx->rows * f, rows->x, rows->count * f * sizeof *rows->x);
    for (size_t r = 0; r < rows->count; r++)
        ctx->y[ctx->rows + r] = ctx->density ? rows->density[r] : rows->y[r];
    ctx->rows += rows->count;
    ctx->clusters++;
    precis_rows_free(rows);
    return 0;
}

typedef struct named_weight {
    const char *name;
    double weight;
} named_weight;

static int by_name(const void *a, const void *b)
{
    return strcmp(((const named_weight *)a)->name, ((const named_weight *)b)->name);
}

int cmd_train(int argc, char **argv)
{
    enum { OPT_WORDS = 256, OPT_L2, OPT_ITERATIONS, OPT_LIMIT, OPT_THREADS, OPT_TARGET, OPT_QUIET };
    static const struct option longopts[] = {
        {"words", required_argument, 0, OPT_WORDS},
        {"l2", required_argument, 0, OPT_L2},
        {"iterations", required_argument, 0, OPT_ITERATIONS},
        {"limit", required_argument, 0, OPT_LIMIT},
        {"threads", required_argument, 0, OPT_THREADS},
        {"target", required_argument, 0, OPT_TARGET},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    train_ctx ctx = {.density = 1};
    precis_options_init(&ctx.options);
    ctx.options.budget = 230;
    double l2 = 1.0;
    long iterations = 25, threads = 0;
    int quiet = 0;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        long v;
        switch (c) {
        case OPT_WORDS:
            v = cli_parse_count(optarg);
            if (v <= 0)
                return cli_usage_error("train ", "--words needs a whole number from 1 to %ld, "
                                                 "not '%s'", LONG_MAX, optarg);
            ctx.options.budget = (size_t)v;
            break;
        case OPT_L2:
            if (cli_parse_number(optarg, &l2) < 0 || l2 < 0)
                return cli_usage_error("train ", "--l2 needs a finite number of 0 or more, not '%s'",
                                       optarg);
            break;
        case OPT_ITERATIONS:
            iterations = cli_parse_count(optarg);
            if (iterations <= 0 || iterations > INT_MAX)
                return cli_usage_error("train ", "--iterations needs a whole number from 1 to %d, "
                                                 "not '%s'", INT_MAX, optarg);
            break;
        case OPT_LIMIT:
            v = cli_parse_count(optarg);
            if (v <= 0)
                return cli_usage_error("train ", "--limit needs a whole number from 1 to %ld, "
                                                 "not '%s'", LONG_MAX, optarg);
            ctx.limit = (size_t)v;
            break;
        case OPT_THREADS:
            if ((threads = cli_parse_threads("train ", optarg)) < 0)
                return EXIT_USAGE;
            break;
        case OPT_TARGET:
            if (!strcmp(optarg, "density"))
                ctx.density = 1;
            else if (!strcmp(optarg, "oracle"))
                ctx.density = 0;
            else if (!strcmp(optarg, "words"))
                ctx.words = 1;
            else
                return cli_usage_error("train ", "--target is density, oracle or words");
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            return cli_usage_error("train ", "unknown option or missing value: '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("train ", "expected one TRAIN.jsonl file");
    precis_error err = {0};
    precis_model *model = NULL;
    if (precis_model_new(&model, &err) != PRECIS_OK)
        return cli_report(&err);
    ctx.model = model;
    batch_ops ops = {&ctx, train_thread_new, train_thread_free, train_process, train_emit,
                     train_discard};
    batch_settings bs = {.kind = BATCH_JSONL, .path = argv[optind], .threads = threads,
                         .progress = !quiet};
    int rc = batch_run(&bs, &ops);
    const char *source = strcmp(argv[optind], "-") ? argv[optind] : "(stdin)";
    if (rc == EXIT_OK && ctx.rows == 0) {
        if (ctx.without_refs && !ctx.clusters)
            cli_warn("%s: no cluster has reference summaries (\"summary\" or \"summaries\"): "
                     "nothing to train on", source);
        else
            cli_warn("%s: no training rows: no cluster has a sentence of article prose", source);
        rc = EXIT_INPUT;
    } else if (rc == EXIT_OK && ctx.without_refs) {
        cli_warn("warning: %s: %zu cluster%s without reference summaries skipped", source,
                 ctx.without_refs, ctx.without_refs == 1 ? "" : "s");
    }
    size_t f = ctx.words ? precis_word_feature_count() : precis_feature_count();
    double *w = calloc(f, sizeof *w);
    if (rc == EXIT_OK && !w) {
        cli_warn("out of memory");
        rc = EXIT_SYSTEM;
    }
    if (rc == EXIT_OK) {
        /* one library call with no items to count: the line says what runs */
        progress fit;
        progress_start(&fit, "rows", !quiet);
        progress_note(&fit, "fitting the weights on %zu rows of %zu clusters", ctx.rows,
                      ctx.clusters);
        precis_status fs = precis_fit_logistic(ctx.x, ctx.y, ctx.rows, f, l2, (int)iterations, w,
                                               &err);
        progress_finish(&fit);
        if (fs != PRECIS_OK)
            rc = cli_report(&err);
    }
    if (rc == EXIT_OK) {
        double positives = 0;
        for (size_t r = 0; r < ctx.rows; r++)
            positives += ctx.y[r];
        named_weight nw[256];
        if (f > 256)
            f = 256; /* the library has a few dozen features */
        for (size_t k = 0; k < f; k++)
            nw[k] = (named_weight){ctx.words ? precis_word_feature_name(k) : precis_feature_name(k),
                                   w[k]};
        qsort(nw, f, sizeof *nw, by_name);
        printf("# Weights of the %s (precis train).\n"
               "# Fitted by: precis train --target %s --words %zu --l2 %g --iterations %ld\n"
               "# on %zu clusters, %zu rows, mean target %.4f.\n",
               ctx.words ? "word-importance model" : "learned sentence scorer",
               ctx.words ? "words" : ctx.density ? "density" : "oracle", ctx.options.budget, l2,
               iterations,
               ctx.clusters, ctx.rows, ctx.rows ? positives / (double)ctx.rows : 0.0);
        for (size_t k = 0; k < f; k++)
            printf("%s\t%.6f\n", nw[k].name, nw[k].weight);
    }
    free(w);
    free(ctx.x);
    free(ctx.y);
    precis_model_free(model);
    return rc;
}

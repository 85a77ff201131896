/*
 * cmd_eval.c: `precis eval`, summarize a dataset and score it with ROUGE.
 *
 * The dataset streams through the batch runner (cli/batch.c): each worker
 * summarizes a cluster with the chosen method (or the oracle) and scores it
 * against the cluster's references with its own ROUGE scorer; the main
 * thread records the per-cluster scores, saves the summaries if asked,
 * and prints the averages with ROUGE-1.5.5's bootstrap intervals.
 *
 * What is not summarizing goes through the evaluation API (precis_eval.h),
 * the one `precis rouge` uses: DUC references matched to cluster folders by
 * name (precis_eval_items_read_references), each summary scored as a saved
 * file would be (precis_eval_score_texts), the scores put in ROUGE's order
 * and averaged (precis_eval_scores), the table and JSON rendered by the
 * library with the same labels and keys.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "precis_eval.h"

static const char help_text[] =
    "usage: precis eval [options] DATASET [MODELS_DIR]\n"
    "\n"
    "Summarizes every cluster of a dataset and scores the summaries with ROUGE\n"
    "(as ROUGE-1.5.5 does).\n"
    "  DATASET             JSON lines (.jsonl, .xz, .gz) with references in \"summary\"\n"
    "                      or \"summaries\", or a DUC root folder of cluster folders\n"
    "  MODELS_DIR          DUC reference summaries, matched to cluster folders by\n"
    "                      name as `precis rouge` matches them: D30003.M.100.T.B.html\n"
    "                      to d30003t, D0601.M.250.A.A to D0601A (any case), d061.txt\n"
    "                      or d061.A.txt to d061; every cluster needs one and every\n"
    "                      file must match a cluster\n"
    "\n"
    "options:\n"
    "  --method NAME       default, centroid, lexrank, learned, concepts, ilp,\n"
    "                      lead, lead-first, random, oracle\n"
    "  --words N | --bytes N | --sentences N   budget (default 100 words)\n"
    "  --collapse-copies   an article that is a near copy of another (a syndicated\n"
    "                      reprint) gives no sentence; its note and a warning say so\n"
    "  --truncate          cut the last sentence to fill a --words or --bytes budget\n"
    "  --redundancy X      MMR trade-off in [0,1]\n"
    "  --seed N            seed of the random baseline\n"
    "  --set KEY=VALUE     tuning: redundancy, duplicate_similarity, position_weight,\n"
    "                      centroid_weight, lexrank_weight, summary_word_weight,\n"
    "                      learned_weight, importance_weight, dangling_penalty,\n"
    "                      ilp_salience, quote_penalty, article_share,\n"
    "                      content_redundancy, content_duplicate, concept_weight\n"
    "  --rouge FLAGS       ROUGE-1.5.5 flags, e.g. \"-m -l 230\" (default \"-m\")\n"
    "  --format F          jsonl or duc (default: a folder is duc)\n"
    "  --save DIR          write each summary to DIR/<id>, one sentence per line\n"
    "                      ('/' is '_'; an id whose name another id took gets\n"
    "                      <name>~2, ~3..., with a warning)\n"
    "  --threads N         worker threads (default: all cores)\n"
    "  --json              print the table as JSON, with the keys of `precis rouge\n"
    "                      --json` plus \"method\" and \"budget\"\n"
    "  --quiet             no progress line\n"
    "  -h, --help          this help\n";

/* The briefs' readability counts, summed in input order. */
typedef struct readability_totals {
    size_t briefs, sentences, quote_shards, unintroduced, chrome, datelines, dangling;
    size_t opens_badly;
    double top_share; /* sum over briefs of top_article / sentences */
} readability_totals;

typedef struct eval_ctx {
    const precis_model *model;
    precis_options options;
    int oracle;
    precis_rouge_options rouge;
    const char *source;
    const char *save_dir;
    precis_eval_items *duc_refs; /* DUC: the references of each cluster folder */
    precis_eval_scores *scores;  /* every cluster's, put in ROUGE's order at the end */
    readability_totals readability;
    /* --save: the file names written in this run (a hash set), so that two
     * ids that map to one name ("a/b", "a_b") get two files */
    struct saved_name *saved;
    size_t nsaved, saved_cap;
    size_t *slots; /* index + 1 into saved, 0 free */
    size_t nslots;
} eval_ctx;

typedef struct saved_name {
    char *name;
    char *id;
    long line;
} saved_name;

typedef struct eval_thread {
    precis_summarizer *summarizer;
    precis_rouge *rouge;
} eval_thread;

typedef struct eval_result {
    precis_rouge_result score;
    precis_readability readability;
    char *id;
    char *text; /* the summary, one sentence per line */
} eval_result;

/* ---- per cluster ------------------------------------------------------ */

static void *eval_thread_new(void *vctx, precis_error *err)
{
    eval_ctx *ctx = vctx;
    eval_thread *t = calloc(1, sizeof *t);
    if (!t) {
        PRECIS_FAIL_CLI(err, PRECIS_E_NOMEM, "", "out of memory");
        return NULL;
    }
    if (precis_summarizer_new(ctx->model, &ctx->options, &t->summarizer, err) != PRECIS_OK ||
        precis_rouge_new(&ctx->rouge, &t->rouge, err) != PRECIS_OK) {
        precis_summarizer_free(t->summarizer);
        free(t);
        return NULL;
    }
    return t;
}

static void eval_thread_free(void *vctx, void *state)
{
    (void)vctx;
    eval_thread *t = state;
    if (!t)
        return;
    precis_summarizer_free(t->summarizer);
    precis_rouge_free(t->rouge);
    free(t);
}

static void eval_discard(void *vctx, void *result)
{
    (void)vctx;
    eval_result *r = result;
    if (!r)
        return;
    free(r->id);
    precis_string_free(r->text);
    free(r);
}

static void fail_job(batch_job *job, const eval_ctx *ctx, const char *id, precis_status status,
                     const char *what)
{
    char message[sizeof job->err.message];
    snprintf(message, sizeof message, "cluster %.64s: %.400s", id ? id : "?", what);
    job->failed = 1;
    job->err.status = status;
    job->err.line = job->line;
    snprintf(job->err.source, sizeof job->err.source, "%s", ctx->source);
    memcpy(job->err.message, message, sizeof message);
}

static void eval_process(void *vctx, void *state, precis_cluster *cluster, batch_job *job)
{
    eval_ctx *ctx = vctx;
    eval_thread *t = state;
    const char *const *ref_texts = (const char *const *)cluster->references;
    size_t nrefs = cluster->nreferences;
    if (ctx->duc_refs) {
        size_t at;
        if (precis_eval_items_find(ctx->duc_refs, cluster->id ? cluster->id : "", &at, NULL) !=
            PRECIS_OK) {
            fail_job(job, ctx, cluster->id, PRECIS_E_MISMATCH, "no reference summary");
            return;
        }
        ref_texts = precis_eval_items_references(ctx->duc_refs, at);
        nrefs = precis_eval_items_reference_count(ctx->duc_refs, at);
    }
    if (nrefs == 0) {
        fail_job(job, ctx, cluster->id, PRECIS_E_MISMATCH,
                 "no reference summary (\"summary\" or \"summaries\")");
        return;
    }
    precis_summary *sum = NULL;
    precis_status st;
    if (ctx->oracle)
        st = precis_summarize_oracle(t->summarizer, cluster->articles, cluster->count,
                                     cluster->markup, ref_texts, nrefs, ctx->rouge.stem,
                                     ctx->rouge.remove_stopwords, &sum, &job->err);
    else
        st = precis_summarize(t->summarizer, cluster->articles, cluster->count, cluster->markup,
                              &sum, &job->err);
    if (st == PRECIS_E_EMPTY) {
        /* an empty cluster gets an empty summary: scored 0 and counted */
        st = PRECIS_OK;
        sum = calloc(1, sizeof *sum);
        if (!sum)
            st = PRECIS_E_NOMEM;
    }
    if (st != PRECIS_OK) {
        fail_job(job, ctx, cluster->id, st, job->err.message);
        return;
    }
    eval_result *r = calloc(1, sizeof *r);
    char *text = NULL;
    if (!r || precis_summary_to_text(sum, &text, NULL) != PRECIS_OK) {
        fail_job(job, ctx, cluster->id, PRECIS_E_NOMEM, "out of memory");
    } else if (precis_eval_score_texts(t->rouge, text, ref_texts, nrefs, &r->score, &job->err) !=
               PRECIS_OK) {
        fail_job(job, ctx, cluster->id, job->err.status, job->err.message);
    } else if (!(r->id = strdup(cluster->id ? cluster->id : ""))) {
        fail_job(job, ctx, cluster->id, PRECIS_E_NOMEM, "out of memory");
    } else {
        r->text = text;
        r->readability = sum->readability;
        text = NULL;
        job->result = r;
        r = NULL;
    }
    precis_string_free(text);
    eval_discard(ctx, r);
    precis_summary_free(sum);
}

/* The saved file name `name` of this run, or NULL. */
static const saved_name *find_saved(const eval_ctx *ctx, const char *name)
{
    if (!ctx->nslots)
        return NULL;
    for (size_t at = cli_hash(name) & (ctx->nslots - 1); ctx->slots[at];
         at = (at + 1) & (ctx->nslots - 1))
        if (!strcmp(ctx->saved[ctx->slots[at] - 1].name, name))
            return &ctx->saved[ctx->slots[at] - 1];
    return NULL;
}

/* Records that `name` holds the summary of `id`: 0, or -1 out of memory. */
static int add_saved(eval_ctx *ctx, const char *name, const char *id, long line)
{
    if (ctx->nsaved == ctx->saved_cap) {
        size_t cap = ctx->saved_cap ? ctx->saved_cap * 2 : 256;
        saved_name *grown = realloc(ctx->saved, cap * sizeof *grown);
        if (!grown)
            return -1;
        ctx->saved = grown;
        ctx->saved_cap = cap;
    }
    if ((ctx->nsaved + 1) * 2 > ctx->nslots) {
        size_t n = ctx->nslots ? ctx->nslots * 2 : 512;
        size_t *slots = calloc(n, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < ctx->nsaved; i++) {
            size_t at = cli_hash(ctx->saved[i].name) & (n - 1);
            while (slots[at])
                at = (at + 1) & (n - 1);
            slots[at] = i + 1;
        }
        free(ctx->slots);
        ctx->slots = slots;
        ctx->nslots = n;
    }
    saved_name *e = &ctx->saved[ctx->nsaved];
    e->name = strdup(name);
    e->id = strdup(id);
    e->line = line;
    if (!e->name || !e->id) {
        free(e->name);
        free(e->id);
        return -1;
    }
    size_t at = cli_hash(name) & (ctx->nslots - 1);
    while (ctx->slots[at])
        at = (at + 1) & (ctx->nslots - 1);
    ctx->slots[at] = ++ctx->nsaved;
    return 0;
}

static void free_saved(eval_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nsaved; i++) {
        free(ctx->saved[i].name);
        free(ctx->saved[i].id);
    }
    free(ctx->saved);
    free(ctx->slots);
}

static int save_summary(eval_ctx *ctx, const eval_result *r, size_t index, long line)
{
    char path[4096], name[256];
    size_t k = 0;
    /* a file name that stays inside DIR and is not hidden ("..", ".x") */
    if (r->id[0] == '.')
        name[k++] = '_';
    for (const char *p = r->id; *p && k + 1 < sizeof name; p++)
        name[k++] = (*p == '/' || *p == '\\') ? '_' : *p;
    name[k] = '\0';
    if (!k)
        snprintf(name, sizeof name, "%zu", index);
    /* a name another id of this run already wrote gets "~2", "~3", ...: no
     * summary is overwritten (one id twice is reported after the run) */
    const saved_name *held = find_saved(ctx, name);
    if (held && strcmp(held->id, r->id)) {
        char base[sizeof name];
        memcpy(base, name, sizeof name);
        for (unsigned n = 2; find_saved(ctx, name); n++) {
            char suffix[16];
            int slen = snprintf(suffix, sizeof suffix, "~%u", n);
            size_t blen = strlen(base);
            if (blen + (size_t)slen >= sizeof name)
                blen = sizeof name - 1 - (size_t)slen;
            snprintf(name, sizeof name, "%.*s%s", (int)blen, base, suffix);
        }
        char at[32] = "", held_at[32] = "";
        if (line > 0)
            snprintf(at, sizeof at, ":%ld", line);
        if (held->line > 0)
            snprintf(held_at, sizeof held_at, " (line %ld)", held->line);
        cli_warn("warning: %s%s: cluster '%s' is saved as %s/%s: %s/%s holds cluster '%s'%s",
                 ctx->source, at, r->id, ctx->save_dir, name, ctx->save_dir, held->name,
                 held->id, held_at);
    }
    if (!held || strcmp(held->id, r->id)) {
        if (add_saved(ctx, name, r->id, line) < 0) {
            cli_warn("out of memory");
            return EXIT_SYSTEM;
        }
    }
    size_t dlen = strlen(ctx->save_dir);
    snprintf(path, sizeof path, dlen && ctx->save_dir[dlen - 1] == '/' ? "%s%s" : "%s/%s",
             ctx->save_dir, name); /* no doubled '/', as the library joins paths */
    FILE *f = fopen(path, "wb");
    if (!f || fputs(r->text, f) < 0 || fclose(f) != 0) {
        cli_warn("%s: cannot write: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    return 0;
}

static void add_readability(readability_totals *t, const precis_readability *r)
{
    t->briefs++;
    t->sentences += r->sentences;
    t->quote_shards += r->quote_shards;
    t->unintroduced += r->unintroduced;
    t->chrome += r->chrome;
    t->datelines += r->datelines;
    t->dangling += r->dangling;
    t->opens_badly += (size_t)r->opens_badly;
    if (r->sentences)
        t->top_share += (double)r->top_article / (double)r->sentences;
}

static double percent(size_t part, size_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static void print_readability(const readability_totals *t)
{
    printf("---------------------------------------------\n"
           "Readability (precis's counts, lower bounds: docs/QUALITY.md), %zu sentences in "
           "%zu briefs\n",
           t->sentences, t->briefs);
    printf("quotation shards:               %6zu  %5.2f%% of sentences\n", t->quote_shards,
           percent(t->quote_shards, t->sentences));
    printf("people named before introduced: %6zu  %5.2f%%\n", t->unintroduced,
           percent(t->unintroduced, t->sentences));
    printf("chrome:                         %6zu  %5.2f%%\n", t->chrome,
           percent(t->chrome, t->sentences));
    printf("datelines:                      %6zu  %5.2f%%\n", t->datelines,
           percent(t->datelines, t->sentences));
    printf("dangling openers:               %6zu  %5.2f%%\n", t->dangling,
           percent(t->dangling, t->sentences));
    printf("briefs opening with one:        %6zu  %5.2f%% of briefs\n", t->opens_badly,
           percent(t->opens_badly, t->briefs));
    printf("most used article's share:              %5.2f%% of a brief's sentences (mean)\n",
           t->briefs ? 100.0 * t->top_share / (double)t->briefs : 0.0);
}

/* The counts as a JSON object's members (no braces), into buf. */
static void readability_json_members(const readability_totals *t, char *buf, size_t size)
{
    snprintf(buf, size,
             "\"readability\": {\"briefs\": %zu, \"sentences\": %zu, \"quote_shards\": %zu, "
             "\"unintroduced\": %zu, \"chrome\": %zu, \"datelines\": %zu, \"dangling\": %zu, "
             "\"opens_badly\": %zu, \"top_article_share\": %.4f}",
             t->briefs, t->sentences, t->quote_shards, t->unintroduced, t->chrome, t->datelines,
             t->dangling, t->opens_badly, t->briefs ? t->top_share / (double)t->briefs : 0.0);
}

static int eval_emit(void *vctx, batch_job *job)
{
    eval_ctx *ctx = vctx;
    eval_result *r = job->result;
    precis_error err = {0};
    int rc = 0;
    if (precis_eval_scores_add(ctx->scores, r->id, &r->score, ctx->source, job->line, &err) !=
        PRECIS_OK) {
        eval_discard(ctx, r);
        return cli_report(&err);
    }
    add_readability(&ctx->readability, &r->readability);
    if (ctx->save_dir)
        rc = save_summary(ctx, r, job->index, job->line);
    eval_discard(ctx, r);
    return rc;
}

/* ---- arguments ---------------------------------------------------------- */

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int cmd_eval(int argc, char **argv)
{
    enum { OPT_ROUGE = 256, OPT_FORMAT, OPT_SAVE, OPT_THREADS, OPT_JSON, OPT_QUIET };
    static const struct option longopts[] = {
        CLI_SUMMARY_OPTIONS,
        {"rouge", required_argument, 0, OPT_ROUGE},
        {"format", required_argument, 0, OPT_FORMAT},
        {"save", required_argument, 0, OPT_SAVE},
        {"threads", required_argument, 0, OPT_THREADS},
        {"json", no_argument, 0, OPT_JSON},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    eval_ctx ctx = {0};
    precis_options_init(&ctx.options);
    ctx.options.diagnostics = 1; /* the readability counts beside ROUGE */
    precis_rouge_options_init(&ctx.rouge);
    const char *flags = "-m", *format = NULL;
    long threads = 0;
    int json = 0, quiet = 0, budget_set = 0;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == CLI_OPT_METHOD && !strcmp(optarg, "oracle")) {
            ctx.oracle = 1; /* an evaluation method, not a summarizer's */
            continue;
        }
        int rc = cli_summary_option("eval ", c, optarg, &ctx.options, &budget_set);
        if (rc >= 0) {
            if (rc)
                return rc;
            continue;
        }
        switch (c) {
        case OPT_ROUGE:
            flags = optarg;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "jsonl") && strcmp(optarg, "duc"))
                return cli_usage_error("eval ", "unknown format '%s' (jsonl or duc)", optarg);
            format = optarg;
            break;
        case OPT_SAVE:
            ctx.save_dir = optarg;
            break;
        case OPT_THREADS:
            if ((threads = cli_parse_threads("eval ", optarg)) < 0)
                return EXIT_USAGE;
            break;
        case OPT_JSON:
            json = 1;
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            return cli_usage_error("eval ", "unknown option or missing value: '%s'", argv[optind - 1]);
        }
    }
    int orc = cli_check_options("eval ", &ctx.options);
    if (orc)
        return orc;
    if (ctx.oracle && ctx.options.truncate)
        return cli_usage_error("eval ", "--truncate does not apply to --method oracle (it "
                                        "picks whole sentences)");
    precis_error err = {0};
    if (precis_rouge_options_parse(flags, &ctx.rouge, &err) != PRECIS_OK)
        return cli_usage_error("eval ", "--rouge: %s", err.message);
    if (ctx.rouge.word_limit == LONG_MAX || ctx.rouge.byte_limit == LONG_MAX)
        return cli_usage_error("eval ", "--rouge: -%c is too large",
                               ctx.rouge.word_limit == LONG_MAX ? 'l' : 'b');
    int nargs = argc - optind;
    if (nargs < 1 || nargs > 2)
        return cli_usage_error("eval ", "expected DATASET [MODELS_DIR]");
    const char *dataset = argv[optind];
    int duc = format ? !strcmp(format, "duc") : is_dir(dataset);
    if (duc && nargs != 2)
        return cli_usage_error("eval ", "a DUC dataset needs MODELS_DIR with the reference summaries");
    if (!duc && nargs != 1)
        return cli_usage_error("eval ", "a JSONL dataset holds its references; no MODELS_DIR");
    if (ctx.save_dir && !is_dir(ctx.save_dir) && mkdir(ctx.save_dir, 0777) != 0) {
        cli_warn("%s: cannot create folder: %s", ctx.save_dir, strerror(errno));
        return EXIT_SYSTEM;
    }
    ctx.source = strcmp(dataset, "-") ? dataset : "(stdin)";
    if (duc) {
        /* the cluster folders, each with its references from MODELS_DIR */
        char **clusters = NULL;
        size_t nclusters = 0;
        precis_status st = precis_duc_list(dataset, &clusters, &nclusters, &err);
        if (st == PRECIS_OK)
            st = precis_eval_items_read_references((const char *const *)clusters, nclusters,
                                                   argv[optind + 1], &ctx.duc_refs, &err);
        precis_duc_list_free(clusters, nclusters);
        if (st != PRECIS_OK)
            return cli_report(&err);
    }
    precis_model *model = NULL;
    if (precis_eval_scores_new(&ctx.scores, &err) != PRECIS_OK ||
        precis_model_new(&model, &err) != PRECIS_OK) {
        precis_eval_items_free(ctx.duc_refs);
        precis_eval_scores_free(ctx.scores);
        return cli_report(&err);
    }
    ctx.model = model;
    batch_ops ops = {&ctx, eval_thread_new, eval_thread_free, eval_process, eval_emit, eval_discard};
    batch_settings bs = {.kind = duc ? BATCH_DUC : BATCH_JSONL, .path = dataset, .threads = threads,
                         .progress = !quiet && isatty(STDERR_FILENO)};
    int rc = batch_run(&bs, &ops);
    char *out = NULL;
    if (rc == EXIT_OK && precis_eval_scores_average(ctx.scores, &ctx.rouge, &err) != PRECIS_OK)
        rc = cli_report(&err);
    if (rc == EXIT_OK) {
        /* the table (or JSON) of `precis rouge`, under a title line */
        char budget[64];
        snprintf(budget, sizeof budget, "%zu %s", ctx.options.budget,
                 cli_budget_unit(ctx.options.budget_unit));
        const char *method = ctx.oracle ? "oracle" : precis_method_name(ctx.options.method);
        const char *context[] = {"method", method, "budget", budget};
        precis_status st = json ? precis_eval_render_json(ctx.scores, context, 2, 0, &out, &err)
                                : precis_eval_render_text(ctx.scores, 0, &out, &err);
        if (st != PRECIS_OK) {
            rc = cli_report(&err);
        } else if (json) {
            /* the readability counts join the rendered object as a last member */
            char members[512];
            readability_json_members(&ctx.readability, members, sizeof members);
            size_t len = strlen(out);
            while (len && out[len - 1] != '}')
                len--;
            if (len && len > 1) {
                size_t body = len - 1;
                while (body && (out[body - 1] == ' ' || out[body - 1] == '\n'))
                    body--;
                printf("%.*s,\n  %s\n}\n", (int)body, out, members);
            } else {
                printf("%s\n", out);
            }
        } else {
            printf("precis eval: method %s, %zu clusters, budget %s, ROUGE %s\n", method,
                   precis_eval_scores_count(ctx.scores), budget, flags);
            fputs(out, stdout);
            print_readability(&ctx.readability);
        }
    }
    precis_string_free(out);
    precis_eval_items_free(ctx.duc_refs);
    precis_eval_scores_free(ctx.scores);
    free_saved(&ctx);
    precis_model_free(model);
    return rc;
}

/*
 * cmd_eval.c: `precis eval`, summarize a dataset and score it with ROUGE.
 *
 * The dataset streams through the batch runner (cli/batch.c): each worker
 * summarizes a cluster with the chosen method (or the oracle) and scores it
 * against the cluster's references with its own ROUGE scorer; the main
 * thread keeps the per-cluster scores in input order, saves the summaries
 * if asked, and prints the averages with ROUGE-1.5.5's bootstrap intervals.
 * Summaries are scored exactly as `precis rouge` scores saved files: one
 * sentence per line, references split at their line breaks.
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

#define METHOD_ORACLE (-2)

static const char help_text[] =
    "usage: precis eval [options] DATASET [MODELS_DIR]\n"
    "\n"
    "Summarizes every cluster of a dataset and scores the summaries with ROUGE\n"
    "(as ROUGE-1.5.5 does).\n"
    "  DATASET             JSON lines (.jsonl, .xz, .gz) with references in \"summary\"\n"
    "                      or \"summaries\", or a DUC root folder of cluster folders\n"
    "  MODELS_DIR          DUC reference summaries: files whose names start with the\n"
    "                      cluster id (without the folder's trailing 't'), any case\n"
    "\n"
    "options:\n"
    "  --method NAME       default, centroid, lexrank, learned, concepts, ilp,\n"
    "                      lead, lead-first, random, oracle\n"
    "  --words N | --bytes N | --sentences N   budget (default 100 words)\n"
    "  --truncate          cut the last sentence to fill a --words or --bytes budget\n"
    "  --redundancy X      MMR trade-off in [0,1]\n"
    "  --seed N            seed of the random baseline\n"
    "  --set KEY=VALUE     tuning: redundancy, duplicate_similarity, position_weight,\n"
    "                      centroid_weight, lexrank_weight\n"
    "  --rouge FLAGS       ROUGE-1.5.5 flags, e.g. \"-m -l 230\" (default \"-m\")\n"
    "  --format F          jsonl or duc (default: a folder is duc)\n"
    "  --save DIR          write each summary to DIR/<id>, one sentence per line\n"
    "                      ('/' is '_'; an id whose name another id took gets\n"
    "                      <name>~2, ~3..., with a warning)\n"
    "  --threads N         worker threads (default: all cores)\n"
    "  --json              print the table as JSON\n"
    "  --quiet             no progress line\n"
    "  -h, --help          this help\n";

typedef struct reference_set {
    char *id;       /* lower-cased cluster id without trailing 't' */
    char **texts;   /* one reference per file */
    size_t count;
} reference_set;

typedef struct eval_ctx {
    const precis_model *model;
    precis_options options;
    int oracle;
    precis_rouge_options rouge;
    const char *source;
    const char *save_dir;
    reference_set *duc_refs;
    size_t nduc_refs;
    /* results in input order, with ROUGE's sort keys (id + ".") */
    precis_rouge_result *results;
    char **keys;
    const char **sorted_keys; /* keys in sorted order, after sort_results */
    size_t nresults, cap;
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
    char *id;
    char *text; /* the summary, one sentence per line */
} eval_result;

/* ---- DUC references ------------------------------------------------- */

static void duc_key(const char *id, char *out, size_t cap)
{
    size_t n = strlen(id);
    if (n > 1 && (id[n - 1] == 't' || id[n - 1] == 'T'))
        n--;
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (id[i] >= 'A' && id[i] <= 'Z') ? (char)(id[i] + 32) : id[i];
    out[n] = '\0';
}

static int load_duc_references(eval_ctx *ctx, const char *docs_root, const char *models_dir,
                               precis_error *err)
{
    char **clusters = NULL;
    size_t nclusters = 0;
    if (precis_duc_list(docs_root, &clusters, &nclusters, err) != PRECIS_OK)
        return -1;
    const char *models_list[1] = {models_dir};
    precis_cluster *models = NULL;
    /* read every model file once, as a "cluster" of files named by file name */
    if (precis_cluster_read_files(models_list, 1, &models, err) != PRECIS_OK) {
        for (size_t i = 0; i < nclusters; i++)
            free(clusters[i]);
        free(clusters);
        return -1;
    }
    ctx->duc_refs = calloc(nclusters, sizeof *ctx->duc_refs);
    int rc = ctx->duc_refs ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < nclusters; i++) {
        reference_set *set = &ctx->duc_refs[ctx->nduc_refs++];
        char key[256];
        duc_key(clusters[i], key, sizeof key);
        set->id = strdup(key);
        set->texts = calloc(models->count + 1, sizeof *set->texts);
        if (!set->id || !set->texts) {
            rc = -1;
            break;
        }
        size_t klen = strlen(key);
        for (size_t m = 0; m < models->count; m++) {
            char name[256];
            duc_key(models->articles[m].name, name, sizeof name);
            /* the id must be followed by a separator: d30003 not d300031 */
            if (strncmp(name, key, klen) || (name[klen] && name[klen] != '.' && name[klen] != '_' &&
                                              name[klen] != '-'))
                continue;
            set->texts[set->count] = strndup(models->articles[m].text, models->articles[m].len);
            if (!set->texts[set->count]) {
                rc = -1;
                break;
            }
            set->count++;
        }
        if (rc == 0 && set->count == 0) {
            PRECIS_FAIL_CLI(err, PRECIS_E_MISMATCH, models_dir,
                            "no reference summary for cluster %s (expected files named %s.*)",
                            clusters[i], key);
            rc = -2;
        }
    }
    if (rc == -1)
        PRECIS_FAIL_CLI(err, PRECIS_E_NOMEM, models_dir, "out of memory");
    for (size_t i = 0; i < nclusters; i++)
        free(clusters[i]);
    free(clusters);
    precis_cluster_free(models);
    return rc;
}

static void free_duc_references(eval_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nduc_refs; i++) {
        for (size_t k = 0; k < ctx->duc_refs[i].count; k++)
            free(ctx->duc_refs[i].texts[k]);
        free(ctx->duc_refs[i].texts);
        free(ctx->duc_refs[i].id);
    }
    free(ctx->duc_refs);
    ctx->duc_refs = NULL;
    ctx->nduc_refs = 0;
}

static const reference_set *find_duc_references(const eval_ctx *ctx, const char *id)
{
    char key[256];
    duc_key(id, key, sizeof key);
    for (size_t i = 0; i < ctx->nduc_refs; i++)
        if (!strcmp(ctx->duc_refs[i].id, key))
            return &ctx->duc_refs[i];
    return NULL;
}

/* ---- per cluster ------------------------------------------------------ */

static void *eval_thread_new(void *vctx, precis_error *err)
{
    eval_ctx *ctx = vctx;
    eval_thread *t = calloc(1, sizeof *t);
    if (!t) {
        PRECIS_FAIL_CLI(err, PRECIS_E_NOMEM, "", "out of memory");
        return NULL;
    }
    t->summarizer = precis_summarizer_new(ctx->model, &ctx->options, err);
    t->rouge = t->summarizer ? precis_rouge_new(&ctx->rouge, err) : NULL;
    if (!t->rouge) {
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
    free(r->text);
    free(r);
}

/* Splits a text into its non-empty lines (pointers into a copy). */
static char **split_lines(const char *text, size_t *count, char **storage)
{
    char *copy = strdup(text);
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    char **lines = calloc(n + 1, sizeof *lines);
    if (!copy || !lines) {
        free(copy);
        free(lines);
        return NULL;
    }
    size_t k = 0;
    for (char *save = NULL, *tok = strtok_r(copy, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
        size_t len = strlen(tok);
        if (len && tok[len - 1] == '\r')
            tok[--len] = '\0';
        if (len)
            lines[k++] = tok;
    }
    *count = k;
    *storage = copy;
    return lines;
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
        const reference_set *set = find_duc_references(ctx, cluster->id);
        if (!set) {
            fail_job(job, ctx, cluster->id, PRECIS_E_MISMATCH, "no reference summary");
            return;
        }
        ref_texts = (const char *const *)set->texts;
        nrefs = set->count;
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
    char *text = precis_summary_to_text(sum);
    size_t nsys = 0;
    char *sys_store = NULL;
    char **sys = text ? split_lines(text, &nsys, &sys_store) : NULL;
    precis_rouge_text *refs = calloc(nrefs, sizeof *refs);
    char **ref_store = calloc(nrefs, sizeof *ref_store);
    int ok = r && text && sys && refs && ref_store;
    for (size_t i = 0; ok && i < nrefs; i++) {
        size_t n = 0;
        char **lines = split_lines(ref_texts[i], &n, &ref_store[i]);
        if (!lines) {
            ok = 0;
            break;
        }
        refs[i].sentences = (const char *const *)lines;
        refs[i].count = n;
    }
    if (ok && precis_rouge_score(t->rouge, (const char *const *)sys, nsys, refs, nrefs, &r->score,
                                 &job->err) != PRECIS_OK) {
        fail_job(job, ctx, cluster->id, job->err.status, job->err.message);
        ok = -1;
    }
    if (ok == 1) {
        r->id = strdup(cluster->id ? cluster->id : "");
        r->text = text;
        text = NULL;
        job->result = r;
        r = NULL;
    } else if (ok == 0) {
        fail_job(job, ctx, cluster->id, PRECIS_E_NOMEM, "out of memory");
    }
    for (size_t i = 0; refs && ref_store && i < nrefs; i++) {
        free((void *)refs[i].sentences);
        free(ref_store[i]);
    }
    free(refs);
    free(ref_store);
    free(sys);
    free(sys_store);
    free(text);
    eval_discard(ctx, r);
    precis_summary_free(sum);
}

static int compare_keys(const void *a, const void *b, void *keys)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(((char **)keys)[i], ((char **)keys)[j]);
    return c ? c : (i < j ? -1 : i > j);
}

static size_t name_hash(const char *s)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The saved file name `name` of this run, or NULL. */
static const saved_name *find_saved(const eval_ctx *ctx, const char *name)
{
    if (!ctx->nslots)
        return NULL;
    for (size_t at = name_hash(name) & (ctx->nslots - 1); ctx->slots[at];
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
            size_t at = name_hash(ctx->saved[i].name) & (n - 1);
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
    size_t at = name_hash(name) & (ctx->nslots - 1);
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
    snprintf(path, sizeof path, "%s/%s", ctx->save_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fputs(r->text, f) < 0 || fclose(f) != 0) {
        cli_warn("%s: cannot write: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    return 0;
}

static int eval_emit(void *vctx, batch_job *job)
{
    eval_ctx *ctx = vctx;
    eval_result *r = job->result;
    int rc = 0;
    if (ctx->nresults == ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap * 2 : 1024;
        precis_rouge_result *grown = realloc(ctx->results, cap * sizeof *grown);
        if (grown)
            ctx->results = grown;
        char **keys = grown ? realloc(ctx->keys, cap * sizeof *keys) : NULL;
        if (!keys) {
            fprintf(stderr, "precis: out of memory\n");
            eval_discard(ctx, r);
            return EXIT_SYSTEM;
        }
        ctx->keys = keys;
        ctx->cap = cap;
    }
    size_t idlen = strlen(r->id);
    char *key = malloc(idlen + 2);
    if (!key) {
        fprintf(stderr, "precis: out of memory\n");
        eval_discard(ctx, r);
        return EXIT_SYSTEM;
    }
    memcpy(key, r->id, idlen);
    memcpy(key + idlen, ".", 2);
    ctx->keys[ctx->nresults] = key;
    ctx->results[ctx->nresults++] = r->score;
    if (ctx->save_dir)
        rc = save_summary(ctx, r, job->index, job->line);
    eval_discard(ctx, r);
    return rc;
}

/* ROUGE-1.5.5 averages its items in the order of its sorted "<id>.<system>"
 * keys (the bootstrap draws by position), and so does `precis rouge`:
 * sorting the same way makes eval and rouge print the same figures. */
static int sort_results(eval_ctx *ctx)
{
    size_t n = ctx->nresults;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    precis_rouge_result *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!order || !sorted) {
        free(order);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, compare_keys, ctx->keys);
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys) {
        free(order);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        sorted[i] = ctx->results[order[i]];
        keys[i] = ctx->keys[order[i]];
    }
    free(ctx->results);
    ctx->results = sorted;
    ctx->sorted_keys = keys;
    free(order);
    return 0;
}

/* The first id (as its sort key) that two items share, or NULL. */
static const char *duplicate_key(const eval_ctx *ctx)
{
    for (size_t i = 1; i < ctx->nresults; i++)
        if (!strcmp(ctx->sorted_keys[i - 1], ctx->sorted_keys[i]))
            return ctx->sorted_keys[i];
    return NULL;
}

/* ---- the table ----------------------------------------------------------- */

/* Prints s as a JSON string: --rouge flags may hold tabs, quotes, backslashes. */
static void print_json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void print_table(const eval_ctx *ctx, const precis_rouge_average *avg, const char *method,
                        const char *budget, const char *flags, int json)
{
    if (json) {
        printf("{\"method\":\"%s\",\"budget\":\"%s\",\"rouge\":", method, budget);
        print_json_string(flags);
        printf(",\"clusters\":%zu", avg->count);
        for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
            const precis_rouge_metric_average *a = &avg->metric[m];
            printf(",\"%s\":{", precis_rouge_metric_name((precis_rouge_metric)m));
            const precis_rouge_interval *iv[3] = {&a->r, &a->p, &a->f};
            const char *names[3] = {"r", "p", "f"};
            for (int k = 0; k < 3; k++)
                printf("%s\"%s\":{\"average\":%.5f,\"low\":%.5f,\"high\":%.5f,\"mean\":%.5f}",
                       k ? "," : "", names[k], iv[k]->average, iv[k]->low, iv[k]->high, iv[k]->mean);
            printf("}");
        }
        printf("}\n");
        return;
    }
    printf("precis eval: method %s, %zu clusters, budget %s, ROUGE %s\n", method, avg->count,
           budget, flags);
    static const char letters[3] = {'R', 'P', 'F'};
    for (int m = 0; m < PRECIS_ROUGE_METRIC_COUNT; m++) {
        const precis_rouge_metric_average *a = &avg->metric[m];
        const precis_rouge_interval *iv[3] = {&a->r, &a->p, &a->f};
        printf("---------------------------------------------\n");
        for (int k = 0; k < 3; k++)
            printf("%s Average_%c: %.5f (%d%%-conf.int. %.5f - %.5f)\n",
                   precis_rouge_metric_name((precis_rouge_metric)m), letters[k], iv[k]->average,
                   ctx->rouge.confidence, iv[k]->low, iv[k]->high);
    }
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
    eval_ctx ctx = {.options = precis_options_default()};
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
        int rc = load_duc_references(&ctx, dataset, argv[optind + 1], &err);
        if (rc < 0) {
            int code = cli_report(&err);
            free_duc_references(&ctx);
            return code;
        }
    }
    precis_model *model = precis_model_new(&err);
    if (!model)
        return cli_report(&err);
    ctx.model = model;
    batch_ops ops = {&ctx, eval_thread_new, eval_thread_free, eval_process, eval_emit, eval_discard};
    batch_settings bs = {.kind = duc ? BATCH_DUC : BATCH_JSONL, .path = dataset, .threads = threads,
                         .progress = !quiet && isatty(STDERR_FILENO)};
    int rc = batch_run(&bs, &ops);
    if (rc == EXIT_OK) {
        precis_rouge_average avg;
        const char *dup = NULL;
        if (sort_results(&ctx) < 0) {
            fprintf(stderr, "precis: out of memory\n");
            rc = EXIT_SYSTEM;
        } else if ((dup = duplicate_key(&ctx)) != NULL) {
            cli_warn("%s: id '%.*s' appears more than once: its scores (and any --save file) "
                     "would be ambiguous", ctx.source, (int)strlen(dup) - 1, dup);
            rc = EXIT_INPUT;
        } else if (precis_rouge_aggregate(ctx.results, ctx.nresults, &ctx.rouge, &avg, &err) !=
                   PRECIS_OK) {
            rc = cli_report(&err);
        } else {
            char budget[64];
            snprintf(budget, sizeof budget, "%zu %s", ctx.options.budget,
                     cli_budget_unit(ctx.options.budget_unit));
            print_table(&ctx, &avg, ctx.oracle ? "oracle" : precis_method_name(ctx.options.method),
                        budget, flags, json);
        }
    }
    free_duc_references(&ctx);
    for (size_t i = 0; i < ctx.nresults; i++)
        free(ctx.keys[i]);
    free(ctx.keys);
    free(ctx.sorted_keys);
    free(ctx.results);
    free_saved(&ctx);
    precis_model_free(model);
    return rc;
}

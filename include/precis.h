/*
 * precis.h: the one public header of libprecis.
 *
 * precis turns a cluster of news articles about one event into a short,
 * non-redundant extractive summary whose every sentence points back to the
 * article and byte range it came from.
 *
 * The header reads in the order a user needs it:
 *   1. version and status codes, the error record
 *   2. options (a struct plus a defaults function)
 *   3. the model: read-only language data, shared by all threads
 *   4. the summarizer: per-thread working state, reused across clusters
 *   5. summaries: the result object and its free function
 *   6. inputs: clusters from files, folders, JSON lines; a line reader
 *   7. output: JSON and text renderings of a summary
 *   8. ROUGE scoring (ROUGE-1.5.5 compatible)
 *
 * Ownership, stated once: every object returned by a *_new or produced by a
 * call into an out-pointer is owned by the caller and released with its
 * matching *_free, which accepts NULL.  Input buffers are only borrowed for
 * the duration of a call.  The library never prints and keeps no global
 * mutable state: distinct summarizers may run in distinct threads at once,
 * sharing one model.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h> /* FILE: the stream readers of section 6 */

/*
 * Exports.  Every function of the public headers (this one and any other
 * under include/) is declared with PRECIS_API, and the library is compiled
 * with -fvisibility=hidden: the functions so marked, all named precis_*, are
 * the only symbols libprecis.so exports.  A function declared without it is
 * internal (still linkable from libprecis.a, which the command and the unit
 * tests use), so a new public declaration must carry it;
 * tests/install/test_install.sh checks that the exported symbols are
 * exactly the functions the installed headers declare.
 */
#ifndef PRECIS_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define PRECIS_API __attribute__((visibility("default")))
#else
#define PRECIS_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* 1. Version, status codes, errors                                    */
/* ------------------------------------------------------------------ */

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0
#define PRECIS_VERSION_STRING "0.1.0"

/* MAJOR * 10000 + MINOR * 100 + PATCH (0.1.0 is 100), for #if tests. */
#define PRECIS_VERSION_NUMBER \
    (PRECIS_VERSION_MAJOR * 10000 + PRECIS_VERSION_MINOR * 100 + PRECIS_VERSION_PATCH)

/* Returns PRECIS_VERSION_STRING of the library actually linked. */
PRECIS_API const char *precis_version(void);
/* Returns PRECIS_VERSION_NUMBER of the library actually linked (a program
 * built against an older header may run with a newer libprecis.so.0). */
PRECIS_API int precis_version_number(void);

/* Status codes.  Values are stable: they never change once published. */
typedef enum precis_status {
    PRECIS_OK = 0,
    PRECIS_E_NOMEM = 1,    /* an allocation failed */
    PRECIS_E_IO = 2,       /* a file could not be opened, read or written */
    PRECIS_E_FORMAT = 3,   /* malformed input: bad JSON line, bad SGML ... */
    PRECIS_E_EMPTY = 4,    /* no article text at all */
    PRECIS_E_BINARY = 5,   /* input looks like a binary file */
    PRECIS_E_ARGUMENT = 6, /* an option or argument is out of range */
    PRECIS_E_MISMATCH = 7, /* evaluation: system and reference items differ */
    PRECIS_E_INTERNAL = 8  /* a bug: please report it */
} precis_status;

/* One-line English name of a status code ("out of memory", ...). */
PRECIS_API const char *precis_status_name(precis_status status);

/*
 * The detail of a failure.  Every call that can fail takes a
 * `precis_error *` (NULL is allowed) and fills it when it returns anything
 * but PRECIS_OK.  `source` names the input (file name, cluster id), `line` is
 * 1-based or 0 when it does not apply, `where` is the C file:line that
 * detected the problem (for bug reports).
 */
typedef struct precis_error {
    precis_status status;
    long line;
    char source[256];
    char message[512];
    const char *where;
} precis_error;

/* ------------------------------------------------------------------ */
/* 2. Options                                                          */
/* ------------------------------------------------------------------ */

typedef enum precis_budget_unit {
    PRECIS_BUDGET_WORDS = 0,     /* whitespace-separated words */
    PRECIS_BUDGET_BYTES = 1,     /* bytes of the sentences, no separators */
    PRECIS_BUDGET_SENTENCES = 2  /* whole sentences */
} precis_budget_unit;

typedef enum precis_method {
    PRECIS_METHOD_DEFAULT = 0, /* centroid + LexRank + position + summary words
                                  + the learned scorer, MMR (docs/QUALITY.md) */
    PRECIS_METHOD_CENTROID = 1,
    PRECIS_METHOD_LEXRANK = 2,
    PRECIS_METHOD_LEAD = 3,       /* round robin: first sentences, second ... */
    PRECIS_METHOD_LEAD_FIRST = 4, /* the first article's sentences */
    PRECIS_METHOD_RANDOM = 5,     /* seeded random order */
    PRECIS_METHOD_LEARNED = 6,    /* logistic scorer trained on Multi-News */
    PRECIS_METHOD_CONCEPTS = 7,   /* bigram concept coverage (submodular) */
    PRECIS_METHOD_ILP = 8         /* bigram concept coverage, exact ILP (GLPK) */
} precis_method;

typedef struct precis_options {
    precis_method method;
    precis_budget_unit budget_unit;
    size_t budget;        /* default 100 (words) */
    int truncate;         /* 1: cut the last sentence to fill the budget */
    double redundancy;    /* MMR trade-off in [0,1]; 0 ignores redundancy */
    double duplicate_similarity; /* never pick two sentences above this cosine */
    double position_weight;      /* weight of the lead-position prior */
    double centroid_weight;
    double lexrank_weight;
    double summary_word_weight;  /* how summary-like the words are (data) */
    double learned_weight;       /* the learned scorer's share in the default mix */
    double importance_weight;    /* mean word importance's share in the default mix */
    double ilp_salience;         /* ILP method: weight of the sentence scores
                                    beside the concepts (0.01) */
    int drop_datelines;          /* 1: an article's first sentence loses its
                                    dateline ("BEIRUT — ", "( cnn ) -- ") */
    double dangling_penalty;     /* MMR penalty of "He said"/"But" openers whose
                                    preceding sentence is not chosen; 1 or more
                                    (the default) never picks them */
    uint64_t seed;        /* for PRECIS_METHOD_RANDOM */
} precis_options;

/* Sane defaults: default method, 100 words, no truncation, redundancy 0.3,
 * duplicate similarity 0.5, weights position 1, centroid 1, LexRank 1,
 * summary words 0.5, learned 4, importance 0, datelines dropped, dangling
 * openers never picked without their preceding sentence. */
PRECIS_API precis_options precis_options_default(void);

/* Sets one option by name from a string, with the checks of section 9's
 * precis_settings_set (which lists the keys; all but "markup" apply here):
 * PRECIS_E_ARGUMENT and a message naming the key for a bad key or value,
 * which leaves *options untouched. */
PRECIS_API precis_status precis_options_set(precis_options *options, const char *key,
                                            const char *value, precis_error *err);

/* Name <-> method ("default", "centroid", "lexrank", "lead", "lead-first",
 * "random", "learned", "concepts", "ilp").  precis_method_parse returns -1 for an
 * unknown name. */
PRECIS_API const char *precis_method_name(precis_method method);
PRECIS_API int precis_method_parse(const char *name);

/* ------------------------------------------------------------------ */
/* 3. The model: read-only language data                               */
/* ------------------------------------------------------------------ */

/*
 * Background statistics from the Multi-News train split (document
 * frequencies, how often a word reaches a written summary), the stopword
 * list and the learned weights.  They are compiled into the library, so
 * creating the model cannot fail for lack of files and costs microseconds.
 * One model may be shared by any number of summarizers in any number of
 * threads.
 */
typedef struct precis_model precis_model;

PRECIS_API precis_model *precis_model_new(precis_error *err);
PRECIS_API void precis_model_free(precis_model *model);

/* Inverse document frequency of an already stemmed, case-folded term. */
PRECIS_API double precis_model_idf(const precis_model *model, const char *stem, size_t len);

/* ------------------------------------------------------------------ */
/* 4. The summarizer                                                   */
/* ------------------------------------------------------------------ */

/* One article of a cluster.  `text` need not be NUL-terminated nor valid
 * UTF-8; `name` is used in results and messages (may be NULL). */
typedef struct precis_article {
    const char *name;
    const char *text;
    size_t len;
} precis_article;

/* Whether the article's bytes are plain text or the DUC/TAC SGML layout
 * (only <TEXT> parts are article text). */
typedef enum precis_markup {
    PRECIS_MARKUP_PLAIN = 0,
    PRECIS_MARKUP_SGML = 1
} precis_markup;

/* Limits that bound the work and memory of one call whatever the input;
 * each one that is reached is named in the summary's warnings.  An article
 * is read up to its PRECIS_MAX_SENTENCES_PER_ARTICLE-th sentence (the rest of
 * its text is never analysed), a cluster up to PRECIS_MAX_ARTICLES articles
 * and PRECIS_MAX_SENTENCES sentences in all (later articles are not read). */
#define PRECIS_MAX_SENTENCES_PER_ARTICLE 2000
#define PRECIS_MAX_ARTICLES 100000
#define PRECIS_MAX_SENTENCES 200000
/* Files and streams are read up to this many bytes per article (the rest is
 * left unread and the cluster's warnings say so): 2,000 sentences of news
 * never need more, and memory stays flat whatever the file's size. */
#define PRECIS_MAX_ARTICLE_BYTES ((size_t)32 << 20)

/* Per-thread working state: an arena reused across clusters, a stemmer.
 * Not to be used by two threads at once. */
typedef struct precis_summarizer precis_summarizer;

PRECIS_API precis_summarizer *precis_summarizer_new(const precis_model *model,
                                         const precis_options *options,
                                         precis_error *err);
PRECIS_API void precis_summarizer_free(precis_summarizer *s);

/* ------------------------------------------------------------------ */
/* 5. Summaries                                                        */
/* ------------------------------------------------------------------ */

/* One chosen sentence.  input[start, end) of article `article` are exactly
 * the sentence's original bytes; `text` is those bytes with white space runs
 * folded to one space, HTML entities decoded and invalid UTF-8 replaced by
 * U+FFFD, ready to print. */
typedef struct precis_pick {
    size_t article;        /* index into the articles passed in */
    size_t sentence;       /* index of the sentence within its article */
    size_t start, end;     /* byte offsets into that article's text */
    double score;
    char *text;
} precis_pick;

typedef struct precis_summary {
    size_t count;
    precis_pick *picks;      /* in reading order */
    size_t words;            /* words in the summary */
    size_t sentences_seen;   /* sentences in the cluster after clean-up */
    /* Warnings such as "invalid UTF-8 replaced" or "all lines are
     * boilerplate", one per line, NUL-terminated ("" when none). */
    char *warnings;
} precis_summary;

/*
 * Summarize one cluster.  On success *out holds a summary (possibly with no
 * sentence, then with a warning) that the caller frees with
 * precis_summary_free.  Fails with PRECIS_E_EMPTY when no article has any
 * text, PRECIS_E_BINARY when an article looks binary.
 */
PRECIS_API precis_status precis_summarize(precis_summarizer *s,
                               const precis_article *articles, size_t count,
                               precis_markup markup,
                               precis_summary **out, precis_error *err);

PRECIS_API void precis_summary_free(precis_summary *summary);

/*
 * The greedy extractive oracle (for evaluation): from the same candidate
 * sentences, repeatedly takes the one that most raises ROUGE-1 + ROUGE-2
 * recall against the references (texts, one sentence per line), within the
 * summarizer's budget.  `stem` and `remove_stopwords` follow ROUGE's -m and
 * -s.  Fails with PRECIS_E_ARGUMENT without references.
 */
PRECIS_API precis_status precis_summarize_oracle(precis_summarizer *s,
                                      const precis_article *articles, size_t count,
                                      precis_markup markup,
                                      const char *const *references, size_t nreferences,
                                      int stem, int remove_stopwords,
                                      precis_summary **out, precis_error *err);

/*
 * Training the learned scorer (`precis train`).  For one cluster with
 * reference summaries, the features of every candidate sentence and whether
 * the greedy ROUGE oracle (with ROUGE's -m stemming when `stem`) picks it
 * under the summarizer's budget.  Rows are feature-major: x[r * features + k].
 */
typedef struct precis_rows {
    size_t count, features;
    double *x;
    unsigned char *y;   /* 1 when the oracle picks the sentence */
    double *density;    /* share of its unigrams + bigrams in the references */
} precis_rows;

PRECIS_API precis_status precis_training_rows(precis_summarizer *s, const precis_article *articles,
                                   size_t count, precis_markup markup,
                                   const char *const *references, size_t nreferences, int stem,
                                   precis_rows **out, precis_error *err);
PRECIS_API void precis_rows_free(precis_rows *rows);

PRECIS_API size_t precis_feature_count(void);
PRECIS_API const char *precis_feature_name(size_t k); /* NULL past the last feature */

/* Rows of the word-importance model: one per stem of the cluster, labelled
 * 1 when a reference summary uses it (`precis train --target words`). */
PRECIS_API precis_status precis_training_word_rows(precis_summarizer *s, const precis_article *articles,
                                        size_t count, precis_markup markup,
                                        const char *const *references, size_t nreferences,
                                        precis_rows **out, precis_error *err);
PRECIS_API size_t precis_word_feature_count(void);
PRECIS_API const char *precis_word_feature_name(size_t k);

/* L2-regularised logistic regression by Newton's method on labels (or soft
 * labels) y in [0, 1]: fills weights[features].  Deterministic for a given
 * row order. */
PRECIS_API precis_status precis_fit_logistic(const double *x, const double *y, size_t rows,
                                  size_t features, double l2, int iterations, double *weights,
                                  precis_error *err);

/* ------------------------------------------------------------------ */
/* 6. Inputs: clusters from files, folders and JSON lines               */
/* ------------------------------------------------------------------ */

/* One cluster as read from an input: the articles (with the bytes that
 * offsets refer to), and reference summaries when the input has them. */
typedef struct precis_cluster {
    char *id;                 /* JSONL "id", DUC folder name, or NULL */
    precis_article *articles; /* names and texts owned by the cluster */
    size_t count;
    precis_markup markup;
    char **references;        /* reference summaries, one sentence a line */
    size_t nreferences;
    /* What reading left out, one line each, NUL-terminated, or NULL: folder
     * entries that are not articles ("DIR/NAME: skipped: dangling symbolic
     * link", "... skipped: a FIFO", "... skipped: a folder"), files cut at
     * PRECIS_MAX_ARTICLE_BYTES ("FILE: only the first 32 MB were read").
     * The library never prints: the caller shows them;
     * precis_summary_to_json lists them first among its "warnings". */
    char *warnings;
} precis_cluster;

PRECIS_API void precis_cluster_free(precis_cluster *cluster);

/*
 * One JSON line of a batch: Hugging Face's multi_news schema
 * {"id","document","summary"?} with articles joined by "|||||", or
 * {"id","documents":[...]}; references from "summary" (string) or
 * "summaries" (array of strings).  "NEWLINE_CHAR" becomes a line break
 * padded with spaces to the same length, so offsets still index the
 * article's text in the JSON string.  Articles are named by their index.
 * `source` and `line` are used in error messages.
 */
PRECIS_API precis_status precis_cluster_parse_json(const char *text, size_t len, const char *source,
                                        long line, precis_cluster **out, precis_error *err);

/* Reads files as the articles of one cluster (one article per file, named
 * by the file's base name).  A path that is a folder contributes its
 * regular files, sorted by name, each opened without blocking (a FIFO or a
 * device in a folder never hangs the call); its other entries (sub-folders,
 * FIFOs, dangling or looping symbolic links) are skipped and listed in the
 * cluster's `warnings`.  "-" reads standard input.  Files holding <DOC> and
 * <TEXT> are read as SGML. */
PRECIS_API precis_status precis_cluster_read_files(const char *const *paths, size_t count,
                                        precis_cluster **out, precis_error *err);

/* One article from a stream the caller opened, for inputs that cannot be
 * reopened or rewound (a pipe, a FIFO, standard input): `head` holds the
 * `head_len` bytes the caller already read from `file` (to detect the
 * format), which come first.  `name` is the path used in messages, and the
 * article is named by its base name ("-" or NULL: standard input).  The
 * stream stays open: the caller closes it. */
PRECIS_API precis_status precis_cluster_read_stream(FILE *file, const char *name, const void *head,
                                         size_t head_len, precis_cluster **out,
                                         precis_error *err);

/* Lists the cluster folders of a DUC/TAC root (sorted by name); the caller
 * frees each name and the array with free(). */
PRECIS_API precis_status precis_duc_list(const char *root, char ***names, size_t *count,
                              precis_error *err);

/* A line reader over a file or "-" (stdin), with .gz and .xz files
 * decompressed on the fly.  Lines are returned without their newline, valid
 * until the next call.  Memory is the longest line read plus 1 MB; a line
 * of more than PRECIS_MAX_LINE_BYTES bytes (not counting its newline) is an
 * error, found without buffering more than that. */
#define PRECIS_MAX_LINE_BYTES ((size_t)256 << 20)

typedef struct precis_lines precis_lines;

PRECIS_API precis_status precis_lines_open(const char *path, precis_lines **out, precis_error *err);
/* The same reader over a stream the caller opened (see
 * precis_cluster_read_stream): `head` holds the bytes already read from it,
 * which come first; `name` is used in messages ("-" or NULL: "(stdin)").
 * precis_lines_close leaves the stream open. */
PRECIS_API precis_status precis_lines_open_stream(FILE *file, const char *name, const void *head,
                                       size_t head_len, precis_lines **out, precis_error *err);
/* 1: a line, 0: end of input, -1: error (err filled). */
PRECIS_API int precis_lines_next(precis_lines *r, const char **line, size_t *len, precis_error *err);
/* After precis_lines_next returned -1: 1 when the error concerned that line
 * alone (a line over PRECIS_MAX_LINE_BYTES, counted as read), so the next
 * call goes on after it; 0 when the input itself failed (read error,
 * corrupt or truncated compressed data, no memory): every later call then
 * fails with the same error. */
PRECIS_API int precis_lines_resumable(const precis_lines *r);
PRECIS_API long precis_lines_number(const precis_lines *r);
PRECIS_API void precis_lines_close(precis_lines *r);

/* ------------------------------------------------------------------ */
/* 7. Output                                                           */
/* ------------------------------------------------------------------ */

/* The summary as one line of JSON (no newline), malloc'd, NULL when out
 * of memory: {"id"?, "summary": "one sentence per line", "words": N,
 * "sentences": [{"article", "name"?, "sentence", "start", "end", "score",
 * "text"}], "warnings"?: [...]}.  `id` may be NULL (then omitted).  A
 * sentence's "text" is exactly the article's bytes [start, end) when the
 * cluster is given and those bytes are valid UTF-8 (else the printable
 * form); "summary" holds the printable forms.  "warnings" lists the
 * cluster's warnings (what reading left out), then the summary's. */
PRECIS_API char *precis_summary_to_json(const precis_summary *summary, const precis_cluster *cluster,
                             const char *id);

/* The summary as text, one sentence per line, malloc'd. */
PRECIS_API char *precis_summary_to_text(const precis_summary *summary);

/* ------------------------------------------------------------------ */
/* 8. ROUGE (ROUGE-1.5.5 compatible)                                   */
/* ------------------------------------------------------------------ */
/* PRECIS-ROUGE-API-BEGIN (section owned by src/rouge.c) */
/*
 * An exact reimplementation of the official Perl ROUGE-1.5.5 scorer for the
 * four numbers news summarization papers report: ROUGE-1, ROUGE-2, ROUGE-L
 * (summary-level union LCS) and ROUGE-SU4, as
 *     ROUGE-1.5.5.pl -n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 [-m] [-s] [-l N | -b N]
 * computes them: same tokens (ASCII only, bytes), same Porter stemmer and
 * WordNet exceptions, same length cuts and quirks, same rounding.  Every
 * per-pair value matches ROUGE's to the fifth decimal (the test suite checks
 * 270 vectors produced by the Perl script).
 *
 * Summaries are lists of sentences, one line each as ROUGE reads them: a
 * '\n' inside a sentence starts a new line and empty lines are skipped.
 * Bytes are taken as they are (no trimming, no Unicode handling).
 */

typedef enum precis_rouge_metric {
    PRECIS_ROUGE_1 = 0,   /* unigram overlap */
    PRECIS_ROUGE_2 = 1,   /* bigram overlap */
    PRECIS_ROUGE_L = 2,   /* union longest common subsequence, per sentence */
    PRECIS_ROUGE_SU4 = 3, /* skip bigrams (gap <= max_skip) plus unigrams */
    PRECIS_ROUGE_METRIC_COUNT = 4
} precis_rouge_metric;

/* "ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4". */
PRECIS_API const char *precis_rouge_metric_name(precis_rouge_metric metric);

typedef struct precis_rouge_options {
    int stem;             /* -m: WordNet exceptions, then ROUGE's Porter stemmer */
    int remove_stopwords; /* -s: drop the SMART stop words before stemming */
    long word_limit;      /* -l N: keep the first N words of each summary; 0 = all */
    long byte_limit;      /* -b N: keep the first N bytes; 0 = all; not with -l */
    int max_skip;         /* -2 N: largest gap of a skip bigram (4); < 0: no limit */
    double alpha;         /* -p: F = PR / ((1-alpha)P + alpha R); 0.5 */
    int best_reference;   /* -f B: score against the best reference, not all (-f A) */
    int confidence;       /* -c: confidence level of the intervals in percent (95) */
    int resamples;        /* -r: bootstrap resamples (1000) */
} precis_rouge_options;

/* -n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0: no stemming, no stop word
 * removal, no length limit. */
PRECIS_API precis_rouge_options precis_rouge_options_default(void);

/*
 * Reads a ROUGE-1.5.5 command-line flag string ("-m -s -l 230", "-b 665",
 * "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -m") on top of the defaults.
 * Accepted: -m -s -l -b -2 -u -c -r -f -p, -n 2 and -t 0 only, and -a -d -v
 * -e DIR which do not change scores.  Anything else, or a bad value, fails
 * with PRECIS_E_ARGUMENT and leaves *out untouched.
 */
PRECIS_API precis_status precis_rouge_options_parse(const char *flags, precis_rouge_options *out,
                                         precis_error *err);

/* Writes the options as ROUGE-1.5.5 flags into buf (snprintf semantics);
 * returns the length the full string needs. */
PRECIS_API size_t precis_rouge_options_format(const precis_rouge_options *options, char *buf, size_t size);

/* One metric's score for one system summary. */
typedef struct precis_rouge_metric_score {
    double r, p, f;  /* recall, precision, F in 0..1, rounded to 5 decimals
                        as ROUGE prints them (F is computed from rounded R, P) */
    long hits;       /* clipped matches, summed over the references */
    long ref_count;  /* grams of the references (the recall denominator) */
    long sys_count;  /* grams of the system, once per reference (precision's) */
} precis_rouge_metric_score;

typedef struct precis_rouge_result {
    precis_rouge_metric_score metric[PRECIS_ROUGE_METRIC_COUNT]; /* by precis_rouge_metric */
} precis_rouge_result;

/* One reference summary: `count` NUL-terminated sentences (may be 0). */
typedef struct precis_rouge_text {
    const char *const *sentences;
    size_t count;
} precis_rouge_text;

/*
 * The scorer: options plus caches (each distinct token is normalised once)
 * and scratch buffers reused from call to call.  Not for two threads at
 * once; create one per thread.  Fails with PRECIS_E_ARGUMENT on
 * inconsistent options.  options may be NULL for the defaults.
 */
typedef struct precis_rouge precis_rouge;

PRECIS_API precis_rouge *precis_rouge_new(const precis_rouge_options *options, precis_error *err);
PRECIS_API void precis_rouge_free(precis_rouge *rouge);

/*
 * Scores one system summary (system_count sentences, possibly none: it then
 * scores 0) against reference_count >= 1 references, filling *out.
 * Fails with PRECIS_E_ARGUMENT (no reference, NULL sentence) or
 * PRECIS_E_NOMEM.
 */
PRECIS_API precis_status precis_rouge_score(precis_rouge *rouge,
                                 const char *const *system, size_t system_count,
                                 const precis_rouge_text *references, size_t reference_count,
                                 precis_rouge_result *out, precis_error *err);

/* An average over items with its bootstrap confidence interval. */
typedef struct precis_rouge_interval {
    double average;   /* what ROUGE-1.5.5 prints as Average_X: the mean of the
                         bootstrap resample means (close to, not always equal
                         to, the plain mean) */
    double low, high; /* the confidence interval, as ROUGE-1.5.5 prints it */
    double mean;      /* the plain mean of the items */
} precis_rouge_interval;

typedef struct precis_rouge_metric_average {
    precis_rouge_interval r, p, f;
} precis_rouge_metric_average;

typedef struct precis_rouge_average {
    size_t count; /* items averaged */
    precis_rouge_metric_average metric[PRECIS_ROUGE_METRIC_COUNT];
} precis_rouge_average;

/*
 * Averages per-item results as ROUGE-1.5.5 does (-t 0): options->resamples
 * bootstrap resamples, resample i drawn with Perl's srand(i) and rand()
 * (reproduced exactly, so the output is deterministic), and the
 * options->confidence interval read from the sorted resample means.  All
 * values are rounded to 5 decimals.  ROUGE orders items by the string
 * "<eval id>.<system id>"; pass them in that order to get ROUGE's exact
 * numbers (any order gives the same plain mean).  options may be NULL.
 */
PRECIS_API precis_status precis_rouge_aggregate(const precis_rouge_result *items, size_t count,
                                     const precis_rouge_options *options,
                                     precis_rouge_average *out, precis_error *err);
/* PRECIS-ROUGE-API-END */

/* ------------------------------------------------------------------ */
/* 9. The one-call entry                                               */
/* ------------------------------------------------------------------ */
#ifndef PRECIS_API
#define PRECIS_API
#endif
/*
 * Texts in; a summary with attribution, and its JSON, out: what an HTTP
 * server, a Python binding or any program that holds articles in memory
 * needs, with no file, model or summarizer to manage.
 *
 * Settings are an opaque object set by name from strings, so that new
 * settings never change a binary's view of a struct:
 *   words | bytes | sentences   N   the budget (default: 100 words)
 *   truncate                    true|false
 *   method                      default, centroid, lexrank, learned, concepts,
 *                               ilp, lead, lead-first, random
 *   seed                        N (the random baseline)
 *   markup                      plain (default) | sgml (DUC/TAC <TEXT> parts)
 *   drop_datelines              true|false
 *   redundancy, duplicate_similarity, position_weight, centroid_weight,
 *   lexrank_weight, summary_word_weight, dangling_penalty, learned_weight,
 *   importance_weight, ilp_salience   numbers, as `precis summarize --set`
 * A bad key or value fails with PRECIS_E_ARGUMENT and a message naming it;
 * the settings keep their previous value.  NULL settings mean the defaults.
 */
typedef struct precis_settings precis_settings;

PRECIS_API precis_status precis_settings_new(precis_settings **out, precis_error *err);
PRECIS_API precis_status precis_settings_copy(const precis_settings *settings,
                                              precis_settings **out, precis_error *err);
PRECIS_API void precis_settings_free(precis_settings *settings);
PRECIS_API precis_status precis_settings_set(precis_settings *settings, const char *key,
                                             const char *value, precis_error *err);
/* The settings as options, for the lower-level calls of section 4. */
PRECIS_API precis_status precis_settings_options(const precis_settings *settings,
                                                 precis_options *out, precis_error *err);

/*
 * Summarizes `count` articles: texts[i] of lens[i] bytes (lens NULL: each
 * text is NUL-terminated), named names[i] (names NULL, or an entry NULL:
 * "0", "1", ... as the articles of a JSON line are named).  `id` (may be
 * NULL) is the cluster's id in the JSON.  Fills *summary (free with
 * precis_summary_free) and/or *json (one line of JSON, byte for byte what
 * `precis summarize --json` prints for the same articles as one JSON line;
 * free with precis_string_free); either pointer may be NULL, not both.
 * The texts are only borrowed during the call.
 *
 * Thread-safe and re-entrant: the model is created once per process and
 * shared read-only; each call has its own working state.
 */
PRECIS_API precis_status precis_summarize_texts(const precis_settings *settings,
                                                const char *id, const char *const *texts,
                                                const size_t *lens, const char *const *names,
                                                size_t count, precis_summary **summary,
                                                char **json, precis_error *err);

/*
 * The same through an engine: one model and a pool of summarizers reused
 * from call to call (no set-up per call), for servers and bindings that
 * summarize many clusters.  Any number of threads may call
 * precis_engine_summarize_texts on one engine at once.
 */
typedef struct precis_engine precis_engine;

PRECIS_API precis_status precis_engine_new(precis_engine **out, precis_error *err);
PRECIS_API void precis_engine_free(precis_engine *engine);
PRECIS_API precis_status precis_engine_summarize_texts(precis_engine *engine,
                                                       const precis_settings *settings,
                                                       const char *id, const char *const *texts,
                                                       const size_t *lens,
                                                       const char *const *names, size_t count,
                                                       precis_summary **summary, char **json,
                                                       precis_error *err);

/* Frees a string the library returned (JSON, text). */
PRECIS_API void precis_string_free(char *text);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_H */

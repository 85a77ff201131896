/*
 * precis_eval.h: evaluation in libprecis, on top of precis.h: the ROUGE-1.5.5
 * scorer, the greedy extractive oracle, and evaluation I/O.  Everything
 * `precis rouge` and `precis eval` do besides summarizing and printing lives
 * here, once, so that any other caller (a server, a binding) reads, pairs,
 * orders, scores and renders exactly as they do.  (What an input holds,
 * precis_input_format, is in precis_io.h.)
 *
 * The header reads in the order a user needs it:
 *   1. ROUGE (ROUGE-1.5.5 compatible) and the oracle
 *   2. items: system and reference summaries read from JSON lines, files and
 *      folders (DUC/TAC naming included), paired by id or by file name
 *   3. scores: per-item ROUGE results in ROUGE-1.5.5's order, their
 *      bootstrap averages
 *   4. rendering: ROUGE-1.5.5's table and one JSON object, as strings
 *
 * Conventions (those of precis.h): objects are opaque, made by a *_new or
 * *_read call and released by their *_free (which accepts NULL); every call
 * that can fail returns a precis_status and fills the `precis_error *` it is
 * given (NULL allowed); the strings of section 4 are the caller's, released
 * with precis_string_free; strings returned by accessors are borrowed and
 * live as long as their object.  The library
 * never prints.  Calls on a const object may run in several threads at once;
 * a non-const object is for one thread at a time.
 *
 * Vocabulary: the labels and keys are ROUGE-1.5.5's own.  A metric is
 * "ROUGE-1", "ROUGE-2", "ROUGE-L" or "ROUGE-SU4" (precis_rouge_metric_name),
 * and its figures "Average_R", "Average_P", "Average_F" with their
 * "95%-conf.int.".  One scored pair of a system summary with its references
 * is an item (ROUGE-1.5.5's "Eval"), named by its id.
 */
#ifndef PRECIS_EVAL_H
#define PRECIS_EVAL_H

#include <stddef.h>

#include "precis.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* 1. ROUGE (ROUGE-1.5.5 compatible) and the oracle                   */
/* ------------------------------------------------------------------ */
/* PRECIS-ROUGE-API-BEGIN (section owned by src/eval/rouge.c) */
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

/* Options of the ROUGE scorer.  Initialise with precis_rouge_options_init
 * (never by hand or with = {0}): it sets `size` and the defaults.  New
 * fields are only ever appended; the library reads (and precis_rouge_
 * options_parse writes) only the first `size` bytes (see precis.h). */
typedef struct precis_rouge_options {
    size_t size;          /* sizeof the struct as the caller was compiled */
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

/* Fills the first `size` bytes of *options with the defaults and sets
 * options->size = size: -n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0, no
 * stemming, no stop word removal, no length limit.  Call it through
 * precis_rouge_options_init, which passes the size the caller was compiled
 * with. */
PRECIS_API void precis_rouge_options_init_sized(precis_rouge_options *options, size_t size);
#define precis_rouge_options_init(o) precis_rouge_options_init_sized((o), sizeof *(o))

/*
 * Reads a ROUGE-1.5.5 command-line flag string ("-m -s -l 230", "-b 665",
 * "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -m") on top of the defaults
 * into *out, which precis_rouge_options_init prepared (its size).
 * Accepted: -m -s -l -b -2 -u -c -r -f -p, -n 2 and -t 0 only, and -a -d -v
 * -e DIR which do not change scores.  Anything else, or a bad value, fails
 * with PRECIS_E_ARGUMENT and leaves *out untouched.
 */
PRECIS_API precis_status precis_rouge_options_parse(const char *flags, precis_rouge_options *out,
                                         precis_error *err);

/* Writes the options as ROUGE-1.5.5 flags into buf (snprintf semantics);
 * returns the length the full string needs. */
PRECIS_API size_t precis_rouge_options_format(const precis_rouge_options *options, char *buf, size_t size);

/* One metric's score for one system summary (FROZEN, as part of
 * precis_rouge_result: this layout never changes). */
typedef struct precis_rouge_metric_score {
    double r, p, f;  /* recall, precision, F in 0..1, rounded to 5 decimals
                        as ROUGE prints them (F is computed from rounded R, P) */
    long hits;       /* clipped matches, summed over the references */
    long ref_count;  /* grams of the references (the recall denominator) */
    long sys_count;  /* grams of the system, once per reference (precision's) */
} precis_rouge_metric_score;

/* FROZEN: this layout never changes (results are passed in arrays); new
 * figures would come through new functions. */
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

PRECIS_API precis_status precis_rouge_new(const precis_rouge_options *options, precis_rouge **out,
                                          precis_error *err);
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

/* An average over items with its bootstrap confidence interval.  FROZEN,
 * as are precis_rouge_metric_average and precis_rouge_average: their layout
 * never changes; new figures would come through new functions. */
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

/* ------------------------------------------------------------------ */
/* 2. Items: system summaries paired with their references             */
/* ------------------------------------------------------------------ */

/*
 * A list of items, each an id, at most one system summary and any number of
 * reference summaries.  A summary is one text, one sentence per line, as
 * ROUGE-1.5.5 reads a summary file: its line breaks end sentences, empty
 * lines are skipped, every other byte is kept.  Items are kept in ROUGE's
 * order, by the string "<id>." (ROUGE-1.5.5 sorts its "<eval id>.<system
 * id>" keys; see precis_rouge_aggregate), and ids are unique.
 *
 * The readers apply one set of rules, the strictest that real data sets
 * pass, so that a partial average never passes for a complete one:
 *   - every system item has a reference and every reference an item: a
 *     lone one is an error naming it (file and line), never a silent skip;
 *   - an id appears once per file; in JSON lines a duplicated key within an
 *     object is an error; "summary" and "summaries" together are an error;
 *   - file names are compared byte for byte (case matters), except the
 *     cluster code of DUC/TAC names (precis_eval_name_match).
 */
typedef struct precis_eval_items precis_eval_items;

/* A summary file holds at most this many bytes (and no NUL byte). */
#define PRECIS_EVAL_MAX_SUMMARY_BYTES ((size_t)64 << 20)

/* An empty list, for items built in memory (precis_eval_items_add). */
PRECIS_API precis_status precis_eval_items_new(precis_eval_items **out, precis_error *err);
PRECIS_API void precis_eval_items_free(precis_eval_items *items);

/*
 * Adds item `id` with its system summary (NULL: none yet) and `count`
 * references (copied).  Fails with PRECIS_E_FORMAT when the id is already
 * there.  Cheapest when ids come in ROUGE's order.
 */
PRECIS_API precis_status precis_eval_items_add(precis_eval_items *items, const char *id,
                                               const char *system,
                                               const char *const *references, size_t count,
                                               precis_error *err);

/*
 * Two JSON-lines files (.gz and .xz read directly), matched by "id" (a
 * string or an integer).  A system line carries "summary"; a reference line
 * "summary" (one reference) or "summaries" (a list of references), not both.
 * A summary is a string with one sentence per line or a list of sentence
 * strings.  Blank lines are skipped.  Every id must be in both files, once
 * in each (PRECIS_E_MISMATCH, PRECIS_E_FORMAT, naming file and line).
 */
PRECIS_API precis_status precis_eval_items_read_jsonl(const char *system_path,
                                                      const char *references_path,
                                                      precis_eval_items **out,
                                                      precis_error *err);

/*
 * Summary files and folders, as `precis rouge SYSTEM REFERENCE...` reads
 * them (regular files only, hidden ones skipped, at most
 * PRECIS_EVAL_MAX_SUMMARY_BYTES each, no NUL byte):
 *   - `system` a file: one item named by the file's base name; a REFERENCE
 *     file is one of its references, a REFERENCE folder gives it its files
 *     whose names match the item's (at least one per folder);
 *   - `system` a folder: one item per file, named by the file name; every
 *     REFERENCE must be a folder (else PRECIS_E_ARGUMENT), each of its files
 *     goes to the item whose name it matches best (precis_eval_name_match:
 *     the exact name, then the longest base, then the DUC code; the first
 *     item in name order on a tie), and every item gets at least one
 *     reference from every folder.
 */
PRECIS_API precis_status precis_eval_items_read_files(const char *system,
                                                      const char *const *references,
                                                      size_t count, precis_eval_items **out,
                                                      precis_error *err);

/*
 * Items `ids` (no system summary: the caller makes them, as `precis eval`
 * does for a DUC root's cluster folders) with their references: the files of
 * `references_dir`, each given to the id it matches best as above.  Every
 * id gets at least one reference and every file goes to an id.
 */
PRECIS_API precis_status precis_eval_items_read_references(const char *const *ids, size_t count,
                                                           const char *references_dir,
                                                           precis_eval_items **out,
                                                           precis_error *err);

/*
 * Whether a reference file named `reference` belongs to the item named
 * `item` (a system file's name, or a DUC cluster folder's).  It does when
 *   1. it is the item's name, or
 *   2. it is the item's base B (the name without its last extension), or B
 *      followed by '.', '_' or '-' and anything (d061.txt: d061.A.txt,
 *      d061_2.txt; D0601.M.250.A.24: D0601.M.250.A.A), or
 *   3. it is a DUC/TAC summary name "<set>.M.<length>.<X>.<author>[.ext]"
 *      and the item is that cluster's folder "<set><X>", compared without
 *      regard to ASCII case: d30003t and D30003.M.100.T.B.html (DUC 2003,
 *      2004), d301i and D301.M.250.I.A (DUC 2005), D0601A and D0601.M.250.A.A
 *      (DUC 2006, 2007).
 * Rules 1 and 2 compare bytes as they are.  Returns 1 or 0.
 */
PRECIS_API int precis_eval_name_match(const char *item, const char *reference);

PRECIS_API size_t precis_eval_items_count(const precis_eval_items *items);
/* Accessors of item `index` (0 .. count-1, in ROUGE's order); NULL or 0
 * past the end.  precis_eval_items_system is NULL for an item without one. */
PRECIS_API const char *precis_eval_items_id(const precis_eval_items *items, size_t index);
PRECIS_API const char *precis_eval_items_system(const precis_eval_items *items, size_t index);
PRECIS_API size_t precis_eval_items_reference_count(const precis_eval_items *items,
                                                    size_t index);
/* The item's references: reference_count texts. */
PRECIS_API const char *const *precis_eval_items_references(const precis_eval_items *items,
                                                           size_t index);

/* The index of item `id` into *index; PRECIS_E_MISMATCH when there is none. */
PRECIS_API precis_status precis_eval_items_find(const precis_eval_items *items, const char *id,
                                                size_t *index, precis_error *err);

/* ------------------------------------------------------------------ */
/* 3. Scores and averages                                              */
/* ------------------------------------------------------------------ */

/*
 * Scores one system summary against `count` >= 1 references, all texts with
 * one sentence per line, as precis_eval_items_score does for every item
 * (precis_rouge_score on each text taken as one sentence: the scorer splits
 * lines as ROUGE-1.5.5 reads a file).  `system` may be empty: it scores 0.
 */
PRECIS_API precis_status precis_eval_score_texts(precis_rouge *rouge, const char *system,
                                                 const char *const *references, size_t count,
                                                 precis_rouge_result *out, precis_error *err);

/*
 * Per-item ROUGE results with their ids and, once averaged, the averages and
 * the options they were computed with: what the renderings of section 4
 * print.
 */
typedef struct precis_eval_scores precis_eval_scores;

PRECIS_API precis_status precis_eval_scores_new(precis_eval_scores **out, precis_error *err);
PRECIS_API void precis_eval_scores_free(precis_eval_scores *scores);

/* Records item `id`'s result.  `source` and `line` (0: none) name where the
 * item came from, for the duplicate-id error of precis_eval_scores_average. */
PRECIS_API precis_status precis_eval_scores_add(precis_eval_scores *scores, const char *id,
                                                const precis_rouge_result *result,
                                                const char *source, long line,
                                                precis_error *err);

/*
 * Puts the items in ROUGE's order ("<id>.", ties in the order added) and
 * averages them as ROUGE-1.5.5 does (precis_rouge_aggregate with `options`,
 * NULL for the defaults).  Fails with PRECIS_E_FORMAT when two items share
 * an id (their figures would be ambiguous), PRECIS_E_EMPTY without items.
 */
PRECIS_API precis_status precis_eval_scores_average(precis_eval_scores *scores,
                                                    const precis_rouge_options *options,
                                                    precis_error *err);

/*
 * Scores every item with a scorer made from `options` (NULL: defaults) and
 * averages them: a new scores object in *out.  Every item needs a system
 * summary and a reference (PRECIS_E_MISMATCH), and there must be one
 * (PRECIS_E_EMPTY).
 */
PRECIS_API precis_status precis_eval_items_score(const precis_eval_items *items,
                                                 const precis_rouge_options *options,
                                                 precis_eval_scores **out, precis_error *err);

PRECIS_API size_t precis_eval_scores_count(const precis_eval_scores *scores);
/* Item `index`'s id and result (NULL past the end); in ROUGE's order once
 * averaged, else in the order added. */
PRECIS_API const char *precis_eval_scores_id(const precis_eval_scores *scores, size_t index);
PRECIS_API const precis_rouge_result *precis_eval_scores_result(const precis_eval_scores *scores,
                                                                size_t index);
/* The averages, or NULL before precis_eval_scores_average succeeded. */
PRECIS_API const precis_rouge_average *precis_eval_scores_averages(
    const precis_eval_scores *scores);

/* ------------------------------------------------------------------ */
/* 4. Rendering                                                        */
/* ------------------------------------------------------------------ */

/* Also each item's figures (ROUGE-1.5.5's -d). */
#define PRECIS_EVAL_RENDER_PER_ITEM 1u

/*
 * ROUGE-1.5.5's table of averaged scores, byte for byte what the Perl
 * script prints, into *out (free with precis_string_free):
 *     ---------------------------------------------
 *     ROUGE-1 Average_R: 0.48697 (95%-conf.int. 0.48411 - 0.48966)
 *     ROUGE-1 Average_P: ...
 *     ROUGE-1 Average_F: ...
 * for ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-SU4, every line ending in '\n'; with
 * PRECIS_EVAL_RENDER_PER_ITEM each metric's block goes on with a line of
 * dots and "ROUGE-1 Eval <id> R:0.83333 P:0.83333 F:0.83333" per item.
 * PRECIS_E_ARGUMENT before precis_eval_scores_average.
 */
PRECIS_API precis_status precis_eval_render_text(const precis_eval_scores *scores,
                                                 unsigned flags, char **out, precis_error *err);

/*
 * The same as one line of JSON (no newline), into *out (free with
 * precis_string_free):
 *     {<context>, "items": N, "flags": "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5
 *      -t 0 -m -l 230", "confidence": 95,
 *      "ROUGE-1": {"r": {"average", "low", "high", "mean"}, "p": {...},
 *                  "f": {...}}, "ROUGE-2": ..., "ROUGE-L": ..., "ROUGE-SU4": ...,
 *      "per_item": [{"id", "ROUGE-1": {"r", "p", "f", "hits", "ref_count",
 *                    "sys_count"}, ...}]}
 * "per_item" only with PRECIS_EVAL_RENDER_PER_ITEM.  Figures carry ROUGE's
 * 5 decimals.  `context` holds `ncontext` pairs of strings (key, value)
 * written first, e.g. {"method", "default", "budget", "230 words"}; NULL
 * when ncontext is 0.  Strings that are not valid UTF-8 (file names) get
 * U+FFFD in place of their bad bytes.
 */
PRECIS_API precis_status precis_eval_render_json(const precis_eval_scores *scores,
                                                 const char *const *context, size_t ncontext,
                                                 unsigned flags, char **out, precis_error *err);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_EVAL_H */

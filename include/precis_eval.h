/*
 * precis_eval.h: evaluation I/O of libprecis, on top of the ROUGE scorer of
 * precis.h.  Everything `precis rouge` and `precis eval` do besides summarizing
 * and printing lives here, once, so that any other caller (a server, a
 * binding) reads, pairs, orders, scores and renders exactly as they do.
 *
 * The header reads in the order a user needs it:
 *   1. input formats: what a path (or the first bytes of a stream) holds
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

#include "precis.h"

#ifndef PRECIS_API
#define PRECIS_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* 1. Input formats                                                    */
/* ------------------------------------------------------------------ */

/* What an input holds (`precis summarize --input-format`, `precis eval
 * --format`).  Values are stable. */
typedef enum precis_input_format {
    PRECIS_INPUT_AUTO = 0,  /* not known yet: the first bytes tell */
    PRECIS_INPUT_TEXT = 1,  /* one cluster: articles in files or a folder */
    PRECIS_INPUT_JSONL = 2, /* a batch: one cluster per JSON line */
    PRECIS_INPUT_DUC = 3    /* a batch: a DUC/TAC root of cluster folders */
} precis_input_format;

/* "auto", "text", "jsonl", "duc". */
PRECIS_API const char *precis_input_format_name(precis_input_format format);

/* The format named `name` ("auto", "text", "jsonl", "duc") into *out;
 * PRECIS_E_ARGUMENT for any other name. */
PRECIS_API precis_status precis_input_format_parse(const char *name, precis_input_format *out,
                                                   precis_error *err);

/*
 * The format of inputs as far as their paths tell, without reading a byte:
 *   - one folder: PRECIS_INPUT_DUC when it holds sub-folders and no regular
 *     file (a DUC/TAC root), else PRECIS_INPUT_TEXT (a folder of articles);
 *   - one file named *.jsonl, *.jsonl.xz, *.jsonl.gz, *.json.xz, *.json.gz:
 *     PRECIS_INPUT_JSONL;
 *   - several paths: PRECIS_INPUT_TEXT (one article each);
 *   - no path, "-" (standard input) or any other single file:
 *     PRECIS_INPUT_AUTO: its first bytes decide (precis_input_format_sniff).
 * A path that cannot be examined is left to the reader to report.
 */
PRECIS_API precis_input_format precis_input_format_detect(const char *const *paths, size_t count);

/* Bytes of leading white space after which a stream is text. */
#define PRECIS_INPUT_SNIFF_MAX ((size_t)1 << 20)

/*
 * The format that the first bytes of a stream show: PRECIS_INPUT_JSONL when
 * the first byte that is not white space (' ', '\t', '\r', '\n') is '{',
 * PRECIS_INPUT_TEXT when it is any other byte or when PRECIS_INPUT_SNIFF_MAX
 * bytes of white space come first; PRECIS_INPUT_AUTO while every byte seen is
 * white space (read more and call again; a stream that ends there is text).
 * `bytes` holds the `len` bytes that follow the stream's first `offset`
 * bytes, which earlier calls found to be white space: give the whole head
 * at once (offset 0), or each new piece as it is read.  Reading only what
 * decides lets the caller hand those bytes, with the stream, to the reader
 * (precis_cluster_read_stream, precis_lines_open_stream).
 */
PRECIS_API precis_input_format precis_input_format_sniff(const void *bytes, size_t len,
                                                         size_t offset);

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

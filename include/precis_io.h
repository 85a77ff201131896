/*
 * precis_io.h: reading inputs for libprecis (on top of precis.h).
 *
 * What a program that summarizes files, folders, streams or batches of JSON
 * lines needs besides the core API: clusters read from JSON lines, files,
 * folders and streams, the list of a DUC/TAC root's cluster folders, a line
 * reader over plain, .gz and .xz files, and the detection of what an input
 * holds (`precis summarize --input-format`).  A program that already holds
 * its articles in memory needs none of it (precis.h's precis_summarize_texts).
 *
 * The header reads in the order a user needs it:
 *   1. input formats: what a path (or the first bytes of a stream) holds
 *   2. clusters from JSON lines, files, folders and streams; DUC/TAC roots
 *   3. the line reader
 *
 * Conventions are those of precis.h: the caller owns what a call returns and
 * frees it with the matching *_free; every call that can fail returns a
 * precis_status and fills the `precis_error *` it is given (NULL allowed).
 */
#ifndef PRECIS_IO_H
#define PRECIS_IO_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* 1. Input formats                                                   */
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
/* 2. Clusters from JSON lines, files, folders and streams            */
/* ------------------------------------------------------------------ */

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

/* Lists the cluster folders of a DUC/TAC root (sorted by name) into *names
 * and *count; the caller frees them with precis_duc_list_free. */
PRECIS_API precis_status precis_duc_list(const char *root, char ***names, size_t *count,
                              precis_error *err);
/* Frees the `count` names of precis_duc_list and their array (NULL allowed). */
PRECIS_API void precis_duc_list_free(char **names, size_t count);

/* ------------------------------------------------------------------ */
/* 3. The line reader                                                 */
/* ------------------------------------------------------------------ */

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
 * precis_lines_free leaves the stream open. */
PRECIS_API precis_status precis_lines_open_stream(FILE *file, const char *name, const void *head,
                                       size_t head_len, precis_lines **out, precis_error *err);
/* The next line into *line and *len: PRECIS_OK with *line == NULL at the
 * end of input; on an error its status (err filled) and *line == NULL. */
PRECIS_API precis_status precis_lines_next(precis_lines *r, const char **line, size_t *len,
                                           precis_error *err);
/* After precis_lines_next failed: 1 when the error concerned that line
 * alone (a line over PRECIS_MAX_LINE_BYTES, counted as read), so the next
 * call goes on after it; 0 when the input itself failed (read error,
 * corrupt or truncated compressed data, no memory): every later call then
 * fails with the same error. */
PRECIS_API int precis_lines_resumable(const precis_lines *r);
PRECIS_API long precis_lines_number(const precis_lines *r);
PRECIS_API void precis_lines_free(precis_lines *r);

#ifdef __cplusplus
}
#endif
#endif /* PRECIS_IO_H */

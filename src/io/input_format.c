/*
 * input_format.c: what an input holds (precis_eval.h, section 1), decided
 * once for every caller (`precis summarize`, `precis eval`, a server).
 *
 * The decision has two steps so that an input is read only once.  The
 * paths alone tell a folder (a DUC/TAC root when it holds sub-folders and no
 * regular file, else a folder of articles), a JSON-lines file by its name,
 * and several files (one article each).  One other file, or standard input,
 * is told by its first bytes: the caller opens the stream, reads the leading
 * white space and one byte more, asking precis_input_format_sniff as the
 * bytes come, and hands those bytes with the stream to the reader (a pipe
 * or a FIFO can be neither reopened nor rewound).  The sniffer is stateless:
 * it is told how many bytes before the new ones were white space, so feeding
 * a byte at a time costs a constant per byte.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "paths.h"
#include "precis_io.h"

static const char *const format_names[] = {
    [PRECIS_INPUT_AUTO] = "auto",
    [PRECIS_INPUT_TEXT] = "text",
    [PRECIS_INPUT_JSONL] = "jsonl",
    [PRECIS_INPUT_DUC] = "duc",
};

const char *precis_input_format_name(precis_input_format format)
{
    if ((unsigned)format < sizeof format_names / sizeof format_names[0])
        return format_names[format];
    return "unknown";
}

precis_status precis_input_format_parse(const char *name, precis_input_format *out,
                                        precis_error *err)
{
    for (unsigned f = 0; name && f < sizeof format_names / sizeof format_names[0]; f++)
        if (!strcmp(name, format_names[f])) {
            if (out)
                *out = (precis_input_format)f;
            return PRECIS_OK;
        }
    return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, "", 0,
                       "unknown input format '%s' (auto, text, jsonl or duc)", name ? name : "");
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static int jsonl_name(const char *p)
{
    return ends_with(p, ".jsonl") || ends_with(p, ".jsonl.xz") || ends_with(p, ".jsonl.gz") ||
           ends_with(p, ".json.xz") || ends_with(p, ".json.gz");
}

static int is_dir(const char *path)
{
    return strcmp(path, "-") && path_is_dir(path);
}

/* Whether a folder holds a regular (non-hidden) file, following links. */
static int has_regular_file(const char *dir)
{
    char **names = NULL;
    size_t n = 0;
    if (folder_list(dir, FOLDER_REGULAR, &names, &n, NULL) != PRECIS_OK)
        return 0;
    folder_names_free(names, n);
    return n > 0;
}

/* A folder with sub-folders and no files is a DUC root; a folder of
 * articles with a sub-folder is a folder of articles (the reader skips the
 * sub-folder with a warning). */
static int looks_like_duc_root(const char *path)
{
    char **names = NULL;
    size_t n = 0;
    if (precis_duc_list(path, &names, &n, NULL) != PRECIS_OK)
        return 0;
    precis_duc_list_free(names, n);
    return n > 0 && !has_regular_file(path);
}

precis_input_format precis_input_format_detect(const char *const *paths, size_t count)
{
    if (count == 0 || !paths)
        return PRECIS_INPUT_AUTO; /* standard input */
    if (count > 1)
        return PRECIS_INPUT_TEXT;
    if (!paths[0] || !strcmp(paths[0], "-"))
        return PRECIS_INPUT_AUTO;
    if (is_dir(paths[0]))
        return looks_like_duc_root(paths[0]) ? PRECIS_INPUT_DUC : PRECIS_INPUT_TEXT;
    if (jsonl_name(paths[0]))
        return PRECIS_INPUT_JSONL;
    return PRECIS_INPUT_AUTO;
}

precis_input_format precis_input_format_sniff(const void *bytes, size_t len, size_t offset)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; p && i < len; i++) {
        if (!(p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
            return p[i] == '{' ? PRECIS_INPUT_JSONL : PRECIS_INPUT_TEXT;
        if (offset + i + 1 >= PRECIS_INPUT_SNIFF_MAX)
            return PRECIS_INPUT_TEXT;
    }
    return offset + len >= PRECIS_INPUT_SNIFF_MAX ? PRECIS_INPUT_TEXT : PRECIS_INPUT_AUTO;
}

/*
 * lines.c: a streaming line reader over plain, gzip and xz files.
 *
 * Batch inputs are large (Multi-News train is 300 MB uncompressed), so they
 * are read a block at a time and never held whole.  The compression is
 * recognised by the file's magic bytes, not its name, and "-" is stdin.
 *
 * An input that cannot be reopened or rewound (a pipe, a FIFO, a process
 * substitution) is read once: precis_lines_open_stream takes a stream the
 * caller opened and the bytes it already read from it to detect the format;
 * those bytes come first, then the rest of the stream.
 */
#include <errno.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "error.h"

#define BLOCK (1 << 16)
/* One JSON line may hold a whole cluster, but not more than this. */
#define MAX_LINE ((size_t)256 * 1024 * 1024)

typedef enum { SRC_PLAIN, SRC_GZIP, SRC_XZ } source_kind;

struct precis_lines {
    FILE *file;
    int owns_file;
    source_kind kind;
    char *name;
    unsigned char *head;      /* bytes the caller read before handing the stream over */
    size_t head_len, head_pos;
    z_stream gz;
    lzma_stream xz;
    unsigned char in[BLOCK];
    size_t in_len;            /* raw bytes buffered for sniffing (plain) */
    int in_eof;
    char *buf;                /* decoded bytes */
    size_t buf_len, buf_pos, buf_cap;
    int eof;
    char *line;
    size_t line_cap;
    long number;
};

/* Up to n bytes: first the caller's head bytes, then the stream (fread:
 * fewer than n only at the end of input or on an error). */
static size_t src_read(precis_lines *r, void *dst, size_t n)
{
    size_t got = 0;
    if (r->head_pos < r->head_len) {
        got = r->head_len - r->head_pos < n ? r->head_len - r->head_pos : n;
        memcpy(dst, r->head + r->head_pos, got);
        r->head_pos += got;
        if (r->head_pos == r->head_len) {
            free(r->head);
            r->head = NULL;
            r->head_len = r->head_pos = 0;
        }
    }
    if (got < n)
        got += fread((char *)dst + got, 1, n - got, r->file);
    return got;
}

/* Sniffs the compression from the first block and sets up the decoder. */
static precis_status lines_start(precis_lines *r, const char *path, precis_error *err)
{
    struct stat sb;
    if (fstat(fileno(r->file), &sb) == 0 && S_ISDIR(sb.st_mode))
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "is a folder, not a file of JSON lines");
    r->buf_cap = BLOCK * 4;
    r->buf = malloc(r->buf_cap);
    if (!r->buf)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "out of memory");
    r->in_len = src_read(r, r->in, sizeof r->in);
    if (r->in_len < sizeof r->in)
        r->in_eof = 1;
    if (ferror(r->file))
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "read error");
    if (r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b) {
        r->kind = SRC_GZIP;
        if (inflateInit2(&r->gz, 15 + 32) != Z_OK)
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "cannot start gzip decoder");
        r->gz.next_in = r->in;
        r->gz.avail_in = (uInt)r->in_len;
    } else if (r->in_len >= 6 && !memcmp(r->in, "\xfd" "7zXZ\0", 6)) {
        r->kind = SRC_XZ;
        lzma_stream init = LZMA_STREAM_INIT;
        r->xz = init;
        if (lzma_stream_decoder(&r->xz, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
            r->kind = SRC_PLAIN;
            return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "cannot start xz decoder");
        }
        r->xz.next_in = r->in;
        r->xz.avail_in = r->in_len;
    } else {
        r->kind = SRC_PLAIN;
        memcpy(r->buf, r->in, r->in_len);
        r->buf_len = r->in_len;
    }
    return PRECIS_OK;
}

precis_status precis_lines_open_stream(FILE *file, const char *name, const void *head,
                                       size_t head_len, precis_lines **out, precis_error *err)
{
    *out = NULL;
    const char *shown = !name || !strcmp(name, "-") ? "(stdin)" : name;
    if (!file)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, shown, 0, "no stream to read");
    precis_lines *r = calloc(1, sizeof *r);
    if (!r)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, shown, 0, "out of memory");
    r->file = file;
    r->name = strdup(shown);
    if (head_len > 0) {
        r->head = malloc(head_len);
        if (r->head) {
            memcpy(r->head, head, head_len);
            r->head_len = head_len;
        }
    }
    if (!r->name || (head_len > 0 && !r->head)) {
        precis_lines_close(r);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, shown, 0, "out of memory");
    }
    precis_status st = lines_start(r, shown, err);
    if (st != PRECIS_OK) {
        precis_lines_close(r);
        return st;
    }
    *out = r;
    return PRECIS_OK;
}

precis_status precis_lines_open(const char *path, precis_lines **out, precis_error *err)
{
    *out = NULL;
    if (!strcmp(path, "-"))
        return precis_lines_open_stream(stdin, "-", NULL, 0, out, err);
    FILE *f = fopen(path, "rb");
    if (!f)
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "cannot open: %s", strerror(errno));
    precis_status st = precis_lines_open_stream(f, path, NULL, 0, out, err);
    if (st != PRECIS_OK)
        fclose(f);
    else
        (*out)->owns_file = 1;
    return st;
}

/* Refills r->buf (after moving unread bytes to the front); 0 ok, -1 error. */
static int refill(precis_lines *r, precis_error *err)
{
    if (r->buf_pos > 0) {
        memmove(r->buf, r->buf + r->buf_pos, r->buf_len - r->buf_pos);
        r->buf_len -= r->buf_pos;
        r->buf_pos = 0;
    }
    if (r->buf_cap - r->buf_len < BLOCK) {
        char *grown = realloc(r->buf, r->buf_cap * 2);
        if (!grown) {
            PRECIS_FAIL(err, PRECIS_E_NOMEM, r->name, r->number + 1, "out of memory");
            return -1;
        }
        r->buf = grown;
        r->buf_cap *= 2;
    }
    size_t room = r->buf_cap - r->buf_len;
    if (r->kind == SRC_PLAIN) {
        size_t got = src_read(r, r->buf + r->buf_len, room);
        r->buf_len += got;
        if (got == 0) {
            if (ferror(r->file)) {
                PRECIS_FAIL(err, PRECIS_E_IO, r->name, r->number + 1, "read error");
                return -1;
            }
            r->eof = 1;
        }
        return 0;
    }
    for (;;) {
        int need_input = r->kind == SRC_GZIP ? r->gz.avail_in == 0 : r->xz.avail_in == 0;
        if (need_input && !r->in_eof) {
            r->in_len = src_read(r, r->in, sizeof r->in);
            if (r->in_len < sizeof r->in)
                r->in_eof = 1;
            if (ferror(r->file)) {
                PRECIS_FAIL(err, PRECIS_E_IO, r->name, r->number + 1, "read error");
                return -1;
            }
            if (r->kind == SRC_GZIP) {
                r->gz.next_in = r->in;
                r->gz.avail_in = (uInt)r->in_len;
            } else {
                r->xz.next_in = r->in;
                r->xz.avail_in = r->in_len;
            }
        }
        size_t produced;
        if (r->kind == SRC_GZIP) {
            r->gz.next_out = (unsigned char *)r->buf + r->buf_len;
            r->gz.avail_out = (uInt)room;
            int rc = inflate(&r->gz, Z_NO_FLUSH);
            produced = room - r->gz.avail_out;
            if (rc == Z_STREAM_END) {
                /* concatenated gzip members */
                if (r->gz.avail_in > 0 || !r->in_eof)
                    inflateReset(&r->gz);
                else
                    r->eof = 1;
            } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && r->gz.avail_in == 0 && !r->in_eof)) {
                if (rc == Z_BUF_ERROR && r->in_eof) {
                    PRECIS_FAIL(err, PRECIS_E_FORMAT, r->name, r->number + 1,
                                "truncated gzip data");
                } else {
                    PRECIS_FAIL(err, PRECIS_E_FORMAT, r->name, r->number + 1,
                                "corrupt gzip data");
                }
                return -1;
            }
        } else {
            r->xz.next_out = (uint8_t *)r->buf + r->buf_len;
            r->xz.avail_out = room;
            lzma_ret rc = lzma_code(&r->xz, r->in_eof && r->xz.avail_in == 0 ? LZMA_FINISH
                                                                             : LZMA_RUN);
            produced = room - r->xz.avail_out;
            if (rc == LZMA_STREAM_END) {
                r->eof = 1;
            } else if (rc != LZMA_OK && !(rc == LZMA_BUF_ERROR && produced)) {
                PRECIS_FAIL(err, PRECIS_E_FORMAT, r->name, r->number + 1,
                            rc == LZMA_BUF_ERROR ? "truncated xz data" : "corrupt xz data");
                return -1;
            }
        }
        r->buf_len += produced;
        if (produced > 0 || r->eof)
            return 0;
    }
}

int precis_lines_next(precis_lines *r, const char **line, size_t *len, precis_error *err)
{
    size_t scanned = r->buf_pos;
    for (;;) {
        char *nl = memchr(r->buf + scanned, '\n', r->buf_len - scanned);
        if (nl || (r->eof && r->buf_len > r->buf_pos)) {
            size_t end = nl ? (size_t)(nl - r->buf) : r->buf_len;
            size_t n = end - r->buf_pos;
            if (n > 0 && r->buf[r->buf_pos + n - 1] == '\r')
                n--;
            if (n + 1 > r->line_cap) {
                char *grown = realloc(r->line, n + 1);
                if (!grown) {
                    PRECIS_FAIL(err, PRECIS_E_NOMEM, r->name, r->number + 1, "out of memory");
                    return -1;
                }
                r->line = grown;
                r->line_cap = n + 1;
            }
            memcpy(r->line, r->buf + r->buf_pos, n);
            r->line[n] = '\0';
            r->buf_pos = nl ? end + 1 : r->buf_len;
            r->number++;
            *line = r->line;
            *len = n;
            return 1;
        }
        if (r->eof)
            return 0;
        if (r->buf_len - r->buf_pos > MAX_LINE) {
            PRECIS_FAIL(err, PRECIS_E_FORMAT, r->name, r->number + 1, "line longer than %zu MB",
                        MAX_LINE >> 20);
            return -1;
        }
        scanned = r->buf_len - r->buf_pos;
        if (refill(r, err) < 0)
            return -1;
    }
}

long precis_lines_number(const precis_lines *r)
{
    return r ? r->number : 0;
}

void precis_lines_close(precis_lines *r)
{
    if (!r)
        return;
    if (r->kind == SRC_GZIP)
        inflateEnd(&r->gz);
    else if (r->kind == SRC_XZ)
        lzma_end(&r->xz);
    if (r->owns_file && r->file)
        fclose(r->file);
    free(r->head);
    free(r->buf);
    free(r->line);
    free(r->name);
    free(r);
}

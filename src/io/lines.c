/*
 * lines.c: a streaming line reader over plain, gzip and xz input.
 *
 * Batch inputs are large (Multi-News train is 300 MB uncompressed), so they
 * are read a chunk at a time and never held whole.  The compression is
 * recognised by the input's magic bytes, not its name, and "-" is stdin.
 *
 * An input that cannot be reopened or rewound (a pipe, a FIFO, a process
 * substitution) is read once: precis_lines_open_stream takes a stream the
 * caller opened and the bytes it already read from it to detect the format;
 * those bytes come first, then the rest of the stream.
 *
 * Memory.  One buffer holds decoded bytes; a line is handed out in place (its
 * newline overwritten by a NUL), never copied.  Each read adds at most
 * READ_CHUNK bytes, so the buffer holds the current line plus one chunk, and
 * it shrinks back once a line longer than KEEP_CAP has been read.  A line of
 * more than PRECIS_MAX_LINE_BYTES bytes (not counting its newline) is an
 * error naming its number and the limit, detected as soon as that many bytes
 * plus one are buffered without a newline: the buffer never grows past the
 * limit plus one chunk.  The reader then discards the rest of that line as it
 * reads, without buffering it, so a caller that skips bad lines calls again
 * and goes on after it (precis_lines_resumable says which errors allow that).
 * Any other error (read error, corrupt or truncated compressed data, no
 * memory) is final: later calls fail again with the same error.
 */
#include <errno.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "error.h"
#include "precis_io.h"

#define BLOCK (1 << 16)
#define READ_CHUNK ((size_t)1 << 20)
#define INITIAL_CAP ((size_t)BLOCK * 4)
#define KEEP_CAP ((size_t)8 << 20)

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
    int streaming;            /* a pipe, FIFO or terminal: return what has come */
    int gz_between_members;   /* a gzip member ended; its successor has not begun */
    char *buf;                /* decoded bytes; buf_cap + 1 allocated (room for a NUL) */
    size_t buf_len, buf_pos, buf_cap;
    int eof;
    int skipping;             /* discarding the rest of an over-long line */
    int resumable;            /* the last error was an over-long line */
    int failed;               /* a final error, kept in `failure` */
    precis_error failure;
    long number;
};

/* Records a final error in r->failure and copies it to *err. */
#define LINES_FAIL(r, err, status, ...)                                                 \
    lines_failed((r), (err),                                                            \
                 PRECIS_FAIL(&(r)->failure, (status), (r)->name, (r)->number + 1, __VA_ARGS__))

static int lines_failed(precis_lines *r, precis_error *err, precis_status status)
{
    (void)status;
    r->failed = 1;
    if (err)
        *err = r->failure;
    return -1;
}

/* Up to n bytes of the caller's head bytes (those read before the reader
 * was made), released once all are taken. */
static size_t src_read_head(precis_lines *r, void *dst, size_t n)
{
    size_t got = r->head_len - r->head_pos < n ? r->head_len - r->head_pos : n;
    memcpy(dst, r->head + r->head_pos, got);
    r->head_pos += got;
    if (r->head_pos == r->head_len) {
        free(r->head);
        r->head = NULL;
        r->head_len = r->head_pos = 0;
    }
    return got;
}

/* Up to n bytes: first the caller's head bytes, then the stream.  A file
 * is read with fread (fewer than n only at its end or on an error).  A
 * pipe is read as lines come: whatever the head holds, or else up to the
 * end of the next line, so that `tail -f ... | precis cluster` sees each
 * line when it is written, not when 64 KB have gathered. */
static size_t src_read(precis_lines *r, void *dst, size_t n)
{
    size_t got = 0;
    if (r->streaming) {
        if (r->head_pos < r->head_len)
            return src_read_head(r, dst, n);
        unsigned char *out = dst;
        int c = 0;
        while (got < n && c != '\n' && (c = getc_unlocked(r->file)) != EOF)
            out[got++] = (unsigned char)c;
        return got;
    }
    if (r->head_pos < r->head_len)
        got = src_read_head(r, dst, n);
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
    r->buf_cap = INITIAL_CAP;
    r->buf = malloc(r->buf_cap + 1);
    if (!r->buf)
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, path, 0, "out of memory");
    r->streaming = fstat(fileno(r->file), &sb) == 0 && !S_ISREG(sb.st_mode);
    r->in_len = src_read(r, r->in, sizeof r->in);
    if (r->in_len < sizeof r->in && (!r->streaming || feof(r->file)))
        r->in_eof = 1;
    if (ferror(r->file))
        return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "read error: %s", strerror(errno));
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
        precis_lines_free(r);
        return PRECIS_FAIL(err, PRECIS_E_NOMEM, shown, 0, "out of memory");
    }
    precis_status st = lines_start(r, shown, err);
    if (st != PRECIS_OK) {
        precis_lines_free(r);
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

/* Moves unread bytes to the front of the buffer. */
static void compact(precis_lines *r)
{
    if (r->buf_pos > 0) {
        memmove(r->buf, r->buf + r->buf_pos, r->buf_len - r->buf_pos);
        r->buf_len -= r->buf_pos;
        r->buf_pos = 0;
    }
}

/* After a long line: gives the memory back (a failed shrink keeps the
 * bigger buffer, which is fine). */
static void shrink(precis_lines *r)
{
    if (r->buf_cap <= KEEP_CAP || r->buf_len - r->buf_pos > r->buf_cap / 4)
        return;
    compact(r);
    size_t cap = r->buf_len + READ_CHUNK;
    if (cap < INITIAL_CAP)
        cap = INITIAL_CAP;
    if (cap >= r->buf_cap)
        return;
    char *smaller = realloc(r->buf, cap + 1);
    if (smaller) {
        r->buf = smaller;
        r->buf_cap = cap;
    }
}

/* Reads more bytes into r->buf (after moving unread bytes to the front);
 * 0 ok (r->eof at the end of input), -1 error.  Called only while the unread
 * bytes are at most PRECIS_MAX_LINE_BYTES, so the buffer never grows past
 * the limit plus one chunk. */
static int refill(precis_lines *r, precis_error *err)
{
    compact(r);
    if (r->buf_cap - r->buf_len < BLOCK) {
        const size_t most = PRECIS_MAX_LINE_BYTES + 1 + READ_CHUNK;
        size_t cap = r->buf_cap * 2 < most ? r->buf_cap * 2 : most;
        if (cap > r->buf_cap) {
            char *grown = realloc(r->buf, cap + 1);
            if (!grown)
                return LINES_FAIL(r, err, PRECIS_E_NOMEM, "out of memory");
            r->buf = grown;
            r->buf_cap = cap;
        }
    }
    size_t room = r->buf_cap - r->buf_len;
    if (room > READ_CHUNK)
        room = READ_CHUNK;
    if (r->kind == SRC_PLAIN) {
        size_t got = src_read(r, r->buf + r->buf_len, room);
        r->buf_len += got;
        if (got == 0) {
            if (ferror(r->file))
                return LINES_FAIL(r, err, PRECIS_E_IO, "read error: %s", strerror(errno));
            r->eof = 1;
        }
        return 0;
    }
    for (;;) {
        int need_input = r->kind == SRC_GZIP ? r->gz.avail_in == 0 : r->xz.avail_in == 0;
        if (need_input && !r->in_eof) {
            r->in_len = src_read(r, r->in, sizeof r->in);
            if (r->in_len < sizeof r->in && (!r->streaming || feof(r->file)))
                r->in_eof = 1;
            if (ferror(r->file))
                return LINES_FAIL(r, err, PRECIS_E_IO, "read error: %s", strerror(errno));
            if (r->kind == SRC_GZIP) {
                r->gz.next_in = r->in;
                r->gz.avail_in = (uInt)r->in_len;
            } else {
                r->xz.next_in = r->in;
                r->xz.avail_in = r->in_len;
            }
        }
        size_t produced;
        if (r->kind == SRC_GZIP && r->gz_between_members && r->gz.avail_in == 0 && r->in_eof) {
            r->eof = 1; /* the last member ended exactly at the end of a read */
            return 0;
        }
        if (r->kind == SRC_GZIP) {
            r->gz.next_out = (unsigned char *)r->buf + r->buf_len;
            r->gz.avail_out = (uInt)room;
            int rc = inflate(&r->gz, Z_NO_FLUSH);
            produced = room - r->gz.avail_out;
            if (rc == Z_STREAM_END) {
                /* concatenated gzip members: another may follow */
                if (r->gz.avail_in > 0 || !r->in_eof) {
                    inflateReset(&r->gz);
                    r->gz_between_members = 1;
                } else {
                    r->eof = 1;
                }
            } else if (rc == Z_OK) {
                r->gz_between_members = 0;
            } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && r->gz.avail_in == 0 && !r->in_eof)) {
                if (rc == Z_BUF_ERROR && r->in_eof)
                    return LINES_FAIL(r, err, PRECIS_E_FORMAT, "truncated gzip data");
                return LINES_FAIL(r, err, PRECIS_E_FORMAT, "corrupt gzip data");
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
                return LINES_FAIL(r, err, PRECIS_E_FORMAT,
                                  rc == LZMA_BUF_ERROR ? "truncated xz data" : "corrupt xz data");
            }
        }
        r->buf_len += produced;
        if (produced > 0 || r->eof)
            return 0;
    }
}

/* 1: a line, 0: the end of input, -1: an error (err filled). */
static int lines_next(precis_lines *r, const char **line, size_t *len, precis_error *err)
{
    r->resumable = 0;
    if (r->failed) {
        if (err)
            *err = r->failure;
        return -1;
    }
    shrink(r);
    size_t scanned = 0; /* bytes after buf_pos known to hold no newline */
    for (;;) {
        char *from = r->buf + r->buf_pos;
        size_t unread = r->buf_len - r->buf_pos;
        if (r->skipping) {
            char *nl = memchr(from, '\n', unread);
            if (nl) {
                r->buf_pos = (size_t)(nl - r->buf) + 1;
                r->skipping = 0;
                continue;
            }
            r->buf_pos = r->buf_len;
            if (r->eof) {
                r->skipping = 0;
                return 0;
            }
            if (refill(r, err) < 0)
                return -1;
            continue;
        }
        char *nl = memchr(from + scanned, '\n', unread - scanned);
        size_t n = nl ? (size_t)(nl - from) : unread;
        if (n > PRECIS_MAX_LINE_BYTES) {
            /* over the limit: drop what is buffered of it, discard the rest
             * while reading on at the next call */
            r->number++;
            r->buf_pos = nl ? r->buf_pos + n + 1 : r->buf_len;
            r->skipping = !nl && !r->eof;
            shrink(r);
            r->resumable = 1;
            PRECIS_FAIL(err, PRECIS_E_FORMAT, r->name, r->number,
                        "line longer than the limit of %zu MB (%zu bytes)",
                        PRECIS_MAX_LINE_BYTES >> 20, (size_t)PRECIS_MAX_LINE_BYTES);
            return -1;
        }
        if (nl || (r->eof && unread > 0)) {
            r->buf_pos += nl ? n + 1 : n;
            if (n > 0 && from[n - 1] == '\r')
                n--;
            from[n] = '\0'; /* the newline, the '\r' or the spare byte past buf_cap */
            r->number++;
            *line = from;
            *len = n;
            return 1;
        }
        if (r->eof)
            return 0;
        scanned = unread;
        if (refill(r, err) < 0)
            return -1;
    }
}

precis_status precis_lines_next(precis_lines *r, const char **line, size_t *len,
                                precis_error *err)
{
    if (line)
        *line = NULL;
    if (len)
        *len = 0;
    if (!r || !line || !len)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_lines_next: NULL argument");
    precis_error local;
    precis_error *e = err ? err : &local;
    int rc = lines_next(r, line, len, e);
    if (rc < 0) {
        *line = NULL;
        *len = 0;
        return e->status != PRECIS_OK ? e->status : PRECIS_E_INTERNAL;
    }
    if (rc == 0) {
        *line = NULL; /* the end of input */
        *len = 0;
    }
    return PRECIS_OK;
}

int precis_lines_resumable(const precis_lines *r)
{
    return r && r->resumable;
}

long precis_lines_number(const precis_lines *r)
{
    return r ? r->number : 0;
}

void precis_lines_free(precis_lines *r)
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
    free(r->name);
    free(r);
}

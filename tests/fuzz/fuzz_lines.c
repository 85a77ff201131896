/*
 * fuzz_lines.c: the streaming line reader precis_lines_open/next/close over
 * plain, gzip and xz files (the batch input: JSONL, .jsonl.gz, .jsonl.xz).
 *
 * Why: batch files come from crawlers and downloads that may be cut short or
 * damaged; the reader sniffs the format from magic bytes, decodes a 64 KB
 * block at a time, follows concatenated gzip members and xz streams, and
 * carries partial lines across refills.  Each input is written to a memfd and
 * read through its /proc/self/fd path, as a file:
 *   - input starting with the gzip or xz magic is used raw (truncated,
 *     corrupt, or crafted streams; decompression bombs stay within libFuzzer's
 *     RSS limit);
 *   - any other input is read as plain text, then gzip'd and xz'd (as one
 *     member or stream, and as two concatenated), and the lines must
 *     reconstruct the input exactly ("\n" ends a line, one "\r" before it is
 *     dropped, a last line may lack its "\n");
 *   - a single-member copy cut short must end in an error, never in a quiet
 *     end of input (no silent loss);
 *   - from a hash of the input: the gzip (FNAME header) or xz (stream
 *     padding) file is padded to exactly 65536 bytes, one input block, or the
 *     text is repeated past 300 KB so lines straddle refills and the buffer
 *     grows.
 */
#include <lzma.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "fuzz_common.h"

#define BLOCK 65536

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int memfd = -1;
static char path[64];

static void write_file(const uint8_t *buf, size_t len)
{
    if (memfd < 0) {
        memfd = memfd_create("fuzz_lines", MFD_CLOEXEC);
        FUZZ_CHECK(memfd >= 0, "memfd_create failed");
        snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
    }
    FUZZ_CHECK(ftruncate(memfd, 0) == 0, "ftruncate failed");
    size_t done = 0;
    while (done < len) {
        ssize_t n = pwrite(memfd, buf + done, len - done, (off_t)done);
        FUZZ_CHECK(n > 0, "pwrite failed");
        done += (size_t)n;
    }
}

/* precis_lines_next as 1 (a line), 0 (the end of input) or -1 (an error,
 * which leaves *line NULL). */
static int next_line(precis_lines *r, const char **line, size_t *len, precis_error *err)
{
    precis_status st = precis_lines_next(r, line, len, err);
    if (st != PRECIS_OK) {
        FUZZ_CHECK(*line == NULL, "precis_lines_next failed with a line");
        return -1;
    }
    return *line ? 1 : 0;
}

/* Reads the file.  With `expect`, the lines must rebuild expect[0, elen)
 * exactly (on an error, a prefix of it).  `outcome` 1: the file is valid and
 * must be read to a clean end; -1: it is cut short and must end in an error;
 * 0: either. */
static void read_lines(const uint8_t *expect, size_t elen, const char *what, int outcome)
{
    precis_lines *r = NULL;
    precis_error err;
    precis_status st = precis_lines_open(path, &r, &err);
    FUZZ_CHECK(st == PRECIS_OK && r != NULL, "%s: precis_lines_open: %s", what, err.message);
    size_t pos = 0;
    long lines = 0;
    int rc;
    const char *line;
    size_t len;
    while ((rc = next_line(r, &line, &len, &err)) == 1) {
        lines++;
        FUZZ_CHECK(line[len] == '\0', "%s: line %ld not NUL-terminated", what, lines);
        if (!expect)
            continue;
        FUZZ_CHECK(pos + len <= elen && !memcmp(expect + pos, line, len),
                   "%s: line %ld (%zu bytes) is not the input at byte %zu", what, lines, len,
                   pos);
        pos += len;
        if (pos < elen && expect[pos] == '\r' && (pos + 1 == elen || expect[pos + 1] == '\n'))
            pos++;
        if (pos < elen) {
            FUZZ_CHECK(expect[pos] == '\n', "%s: line %ld ends at byte %zu, before no newline",
                       what, lines, pos);
            pos++;
        }
    }
    FUZZ_CHECK(precis_lines_number(r) == lines, "%s: %ld lines read, number says %ld", what,
               lines, precis_lines_number(r));
    if (rc == -1) {
        FUZZ_CHECK(err.message[0] != '\0' && (err.status == PRECIS_E_FORMAT ||
                                              err.status == PRECIS_E_IO),
                   "%s: error %d without a proper message", what, (int)err.status);
        /* a failed reader keeps failing rather than inventing lines */
        rc = next_line(r, &line, &len, &err);
        FUZZ_CHECK(rc != 1 || !expect || (pos + len <= elen && !memcmp(expect + pos, line, len)),
                   "%s: a line after an error that is not the input", what);
    } else if (expect) {
        FUZZ_CHECK(pos == elen, "%s: end of input after %zu of %zu bytes", what, pos, elen);
    }
    precis_lines_free(r);
    FUZZ_CHECK(outcome != 1 || rc == 0, "%s: a valid file ends in an error: %s", what,
               err.message);
    FUZZ_CHECK(outcome != -1 || rc == -1,
               "%s: a file cut short is read to a quiet end (%zu of %zu bytes)", what, pos,
               elen);
}

/* gzip of in[0, n) appended to out (capacity checked); with name_len > 0 the
 * header carries a file name of that many bytes. */
static size_t gzip_append(const uint8_t *in, size_t n, uint8_t *out, size_t cap, size_t name_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    FUZZ_CHECK(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK,
               "deflateInit2");
    char *name = NULL;
    gz_header h;
    if (name_len) {
        name = malloc(name_len + 1);
        FUZZ_CHECK(name != NULL, "out of memory");
        memset(name, 'n', name_len);
        name[name_len] = '\0';
        memset(&h, 0, sizeof h);
        h.name = (Bytef *)name;
        h.os = 3;
        FUZZ_CHECK(deflateSetHeader(&z, &h) == Z_OK, "deflateSetHeader");
    }
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    FUZZ_CHECK(rc == Z_STREAM_END, "deflate: %d", rc);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    free(name);
    return len;
}

static size_t xz_append(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
    size_t pos = 0;
    lzma_ret rc = lzma_easy_buffer_encode(0, LZMA_CHECK_CRC32, NULL, in, n, out, &pos, cap);
    FUZZ_CHECK(rc == LZMA_OK, "lzma_easy_buffer_encode: %d", (int)rc);
    return pos;
}

static uint64_t hash(const uint8_t *p, size_t n)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * UINT64_C(0x100000001b3);
    return h ^ (h >> 31);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if ((size >= 2 && data[0] == 0x1f && data[1] == 0x8b) ||
        (size >= 6 && !memcmp(data, "\xfd" "7zXZ\0", 6))) {
        write_file(data, size);
        read_lines(NULL, 0, "raw stream", 0);
        return 0;
    }
    uint64_t h = hash(data, size);
    const uint8_t *text = data;
    size_t n = size;
    uint8_t *big = NULL;
    if (h % 8 == 1 && size > 0) {
        size_t reps = 300000 / size + 1;
        big = malloc(reps * size);
        FUZZ_CHECK(big != NULL, "out of memory");
        for (size_t i = 0; i < reps; i++)
            memcpy(big + i * size, data, size);
        text = big;
        n = reps * size;
    }
    write_file(text, n);
    read_lines(text, n, "plain", 1);

    size_t cap = 2 * (compressBound((uLong)n) + lzma_stream_buffer_bound(n)) + 2 * BLOCK;
    uint8_t *z = malloc(cap);
    FUZZ_CHECK(z != NULL, "out of memory");
    size_t half = n / 2;

    /* gzip: one member, two members, cut short, padded to one block */
    size_t one = gzip_append(text, n, z, cap, 0);
    write_file(z, one);
    read_lines(text, n, "gzip", 1);
    size_t cut = (size_t)(h >> 8) % one;
    char what[64];
    if (cut >= 2) {
        write_file(z, cut);
        snprintf(what, sizeof what, "gzip cut to %zu of %zu bytes", cut, one);
        read_lines(text, n, what, -1);
    }
    if (h % 4 == 0 && one + 2 <= BLOCK) {
        size_t padded = gzip_append(text, n, z, cap, BLOCK - one - 1);
        FUZZ_CHECK(padded == BLOCK, "padded gzip of %zu bytes", padded);
        write_file(z, padded);
        read_lines(text, n, "gzip of exactly 65536 bytes", 1);
    }
    size_t two = gzip_append(text, half, z, cap, 0);
    two += gzip_append(text + half, n - half, z + two, cap - two, 0);
    write_file(z, two);
    read_lines(text, n, "gzip, two members", 1);

    /* xz: one stream, two streams, cut short, padded to one block */
    one = xz_append(text, n, z, cap);
    write_file(z, one);
    read_lines(text, n, "xz", 1);
    cut = (size_t)(h >> 24) % one;
    if (cut >= 6) {
        write_file(z, cut);
        snprintf(what, sizeof what, "xz cut to %zu of %zu bytes", cut, one);
        read_lines(text, n, what, -1);
    }
    if (h % 4 == 2 && one <= BLOCK) {
        memset(z + one, 0, BLOCK - one); /* stream padding: zeros, a multiple of 4 */
        write_file(z, BLOCK);
        read_lines(text, n, "xz padded to exactly 65536 bytes", 1);
    }
    two = xz_append(text, half, z, cap);
    two += xz_append(text + half, n - half, z + two, cap - two);
    write_file(z, two);
    read_lines(text, n, "xz, two streams", 1);

    free(z);
    free(big);
    return 0;
}

/*
 * text.c: UTF-8 decoding and character classes, see text.h.
 */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

int32_t text_decode(const char *s, size_t len, size_t *size)
{
    if (len == 0) { /* a caller's bug; never read past the end for it */
        *size = 1;
        return TEXT_REPLACEMENT;
    }
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *size = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          len > 4 ? 4 : (utf8proc_ssize_t)len, &cp);
    if (n <= 0) {
        *size = 1;
        return TEXT_REPLACEMENT;
    }
    *size = (size_t)n;
    return cp;
}

int32_t text_decode_last(const char *s, size_t len, size_t *size)
{
    size_t back = 1;
    while (back < len && back < 4 && ((unsigned char)s[len - back] & 0xC0) == 0x80)
        back++;
    size_t n;
    int32_t c = text_decode(s + len - back, back, &n);
    if (n == back) {
        *size = n;
        return c;
    }
    *size = 1;
    return (unsigned char)s[len - 1] < 0x80 ? (unsigned char)s[len - 1] : TEXT_REPLACEMENT;
}

size_t text_strip_closers(const char *s, size_t len)
{
    while (len > 0) {
        size_t n;
        int32_t c = text_decode_last(s, len, &n);
        if (c != '"' && c != '\'' && c != ')' && c != ']' && c != ' ' && c != 0x201D &&
            c != 0x2019)
            break;
        len -= n;
    }
    return len;
}

int text_is_terminal(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

int text_valid_utf8(const char *s, size_t len)
{
    return text_count_invalid(s, len) == 0;
}

size_t text_count_invalid(const char *s, size_t len)
{
    size_t bad = 0, i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n;
        int32_t c = text_decode(s + i, len - i, &n);
        if (c == TEXT_REPLACEMENT && n == 1)
            bad++;
        i += n;
    }
    return bad;
}

int text_is_space(int32_t c)
{
    if (c < 0x80)
        return text_is_ascii_space((unsigned char)c);
    if (c == 0xA0 || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000 || c == 0xFEFF)
        return 1;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

int text_is_alnum(int32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

int text_is_upper(int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

int text_is_lower(int32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int text_is_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

int32_t text_tolower(int32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return utf8proc_tolower(c);
}

int32_t text_fold_punct(int32_t c)
{
    switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0xFF02:
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x00B4: case 0x0060: case 0xFF07:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    default:
        return c;
    }
}

int text_is_open_quote(int32_t c)
{
    return c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x201E;
}

size_t text_encode(int32_t c, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char(c, (utf8proc_uint8_t *)out);
    if (n <= 0)
        return utf8proc_encode_char(TEXT_REPLACEMENT, (utf8proc_uint8_t *)out);
    return (size_t)n;
}

/* Control bytes are counted in the first 64 KB; a NUL byte anywhere makes
 * the buffer binary (one memchr over the whole of it: cheap), so no NUL ever
 * reaches a summary or its JSON as \u0000. */
int text_looks_binary(const char *s, size_t len)
{
    if (len > 0 && memchr(s, '\0', len))
        return 1;
    size_t probe = len < 65536 ? len : 65536;
    size_t control = 0;
    for (size_t i = 0; i < probe; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
            control++;
    }
    /* Text with a few stray control bytes is still text. */
    return probe > 0 && control * 20 > probe;
}

static const struct {
    const char *name;
    int32_t c;
} named_entities[] = {
    {"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},   {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"hellip", 0x2026}, {"eacute", 0xE9}, {"copy", 0xA9},   {"reg", 0xAE},
    {"pound", 0xA3},  {"euro", 0x20AC},  {"deg", 0xB0},     {"middot", 0xB7},
};

size_t text_entity(const char *s, size_t len, int32_t *c)
{
    if (len < 3 || s[0] != '&')
        return 0;
    size_t end = 1;
    while (end < len && end < 12 && s[end] != ';' && s[end] != '&' && !text_is_space((unsigned char)s[end]))
        end++;
    if (end >= len || s[end] != ';')
        return 0;
    if (s[1] == '#') {
        int32_t v = 0;
        size_t i = 2;
        int hex = i < end && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        if (i == end)
            return 0;
        for (; i < end; i++) {
            int d;
            char ch = s[i];
            if (ch >= '0' && ch <= '9')
                d = ch - '0';
            else if (hex && ch >= 'a' && ch <= 'f')
                d = ch - 'a' + 10;
            else if (hex && ch >= 'A' && ch <= 'F')
                d = ch - 'A' + 10;
            else
                return 0;
            v = v * (hex ? 16 : 10) + d;
            if (v > 0x10FFFF)
                return 0;
        }
        *c = utf8proc_codepoint_valid(v) && v != 0 ? v : TEXT_REPLACEMENT;
        return end + 1;
    }
    for (size_t k = 0; k < sizeof named_entities / sizeof named_entities[0]; k++) {
        size_t n = strlen(named_entities[k].name);
        if (n == end - 1 && !memcmp(s + 1, named_entities[k].name, n)) {
            *c = named_entities[k].c;
            return end + 1;
        }
    }
    return 0;
}

size_t text_display(const char *s, size_t len, char *out)
{
    size_t o = 0, i = 0;
    int pending_space = 0;
    while (i < len) {
        size_t n;
        int32_t c = text_decode(s + i, len - i, &n);
        if (c == '&') {
            int32_t e;
            size_t elen = text_entity(s + i, len - i, &e);
            if (elen) {
                c = e;
                n = elen;
            }
        }
        i += n;
        if (text_is_space(c) || c == 0 || (c < 0x20)) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space) {
            out[o++] = ' ';
            pending_space = 0;
        }
        o += text_encode(c, out + o);
    }
    out[o] = '\0';
    return o;
}

/*
 * text.h: locale-free character handling over UTF-8 bytes.
 *
 * precis never converts an article: every module reads the original bytes
 * and keeps byte offsets into them.  These helpers decode one character at a
 * time (invalid bytes decode as U+FFFD, one byte long), classify characters
 * with utf8proc's Unicode tables rather than <ctype.h>, and fold the
 * typographic variants of quotes, apostrophes and dashes that news sites mix
 * freely, so that "Assad’s" and "Assad's" match.
 */
#ifndef PRECIS_TEXT_H
#define PRECIS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFD

/* Decodes the character at s[0..len); sets *size to its byte length (>= 1).
 * Invalid or truncated sequences give TEXT_REPLACEMENT with *size 1. */
int32_t text_decode(const char *s, size_t len, size_t *size);
/* Decodes the character that ends at s[len) (len >= 1): steps back over up
 * to three continuation bytes; invalid sequences give TEXT_REPLACEMENT with
 * *size 1. */
int32_t text_decode_last(const char *s, size_t len, size_t *size);
/* The length of s[0..len) once the closers that may follow a sentence's
 * stop are stripped from its end: spaces, straight and curly closing quotes
 * (" ' ” ’), brackets.  "said.” " gives the length of "said.". */
size_t text_strip_closers(const char *s, size_t len);
/* 1 when c ends a sentence: . ! ? or the ellipsis character. */
int text_is_terminal(int32_t c);
/* 1 when s[0..len) is valid UTF-8. */
int text_valid_utf8(const char *s, size_t len);
/* Number of invalid sequences in s[0..len). */
size_t text_count_invalid(const char *s, size_t len);

/* The six ASCII white-space bytes (C's isspace in the C locale, Perl's \s):
 * the one byte-level test of the library. */
static inline int text_is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
int text_is_space(int32_t c);     /* Unicode white space incl. NBSP */
int text_is_alnum(int32_t c);     /* letters, digits, combining marks */
int text_is_upper(int32_t c);
int text_is_lower(int32_t c);
int text_is_digit(int32_t c);     /* ASCII 0-9 only */
int32_t text_tolower(int32_t c);

/* Folding for matching: curly quotes to ", apostrophes/primes to ',
 * dashes to -, else c unchanged. */
int32_t text_fold_punct(int32_t c);
int text_is_open_quote(int32_t c);   /* “ ‘ « */

/* Appends the UTF-8 encoding of c to out (4 bytes room); returns bytes. */
size_t text_encode(int32_t c, char *out);

/* Heuristic: a buffer with NUL bytes or many control characters is binary. */
int text_looks_binary(const char *s, size_t len);

/*
 * The printable form of an original span: white space runs folded to one
 * space, leading/trailing space trimmed, HTML entities (&amp; &quot; &#39;
 * &#x2019; ...) decoded, invalid UTF-8 replaced by U+FFFD.  Writes at most
 * 3 * len + 1 bytes into out (NUL-terminated); returns the length.
 */
size_t text_display(const char *s, size_t len, char *out);

/* Decodes an HTML entity starting at s[0] == '&'; returns its length in
 * bytes (0 if not an entity) and stores the character in *c. */
size_t text_entity(const char *s, size_t len, int32_t *c);

#endif

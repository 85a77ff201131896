/*
 * rouge.h: internals of the ROUGE-1.5.5 scorer shared by src/rouge.c,
 * src/rouge_porter.c and the unit tests (the public API is in precis_eval.h).
 *
 * These functions reproduce single steps of ROUGE-1.5.5.pl so that each one
 * can be tested on its own: the Porter stemmer as ROUGE patched it, the
 * "-m" token normalisation (WordNet exceptions, then Porter), the stop list
 * of "-s", and the drand48 generator behind Perl's rand() that drives the
 * bootstrap.
 */
#ifndef PRECIS_ROUGE_H
#define PRECIS_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "precis_eval.h"

/* The caller's ROUGE options as the library's struct: its first
 * options->size bytes over the defaults (a caller built against an older
 * header has fewer fields); NULL gives the defaults.  PRECIS_E_ARGUMENT when
 * the size was never set. */
precis_status rouge_options_from_caller(const precis_rouge_options *in, precis_rouge_options *out,
                                        precis_error *err);

/*
 * ROUGE-1.5.5's stem(): Porter (1980) as written in Martin Porter's Perl
 * version, with `bli`->`ble` and `logi`->`log` in step 2 and ROUGE's own
 * step 4 (see rouge_porter.c).  `w` holds `len` lowercase bytes; the stem is
 * written in place (it is never longer than the word) and its length
 * returned.  Words shorter than 3 bytes are returned unchanged.
 */
size_t rouge_porter_stem(char *w, size_t len);

/*
 * What "-m" does to one lowercase token: tokens of 3 bytes or less are kept,
 * a key of the WordNet exception list is replaced by its base form (and not
 * stemmed further), anything else goes through rouge_porter_stem().
 * Returns the normalised token and its length in *out_len: either the
 * exception list's string (read-only, static) or `buf`, which must have
 * room for `len` bytes.  Never NUL-terminates `buf`.
 */
const char *rouge_morph_stem(const char *tok, size_t len, char *buf, size_t *out_len);

/* The WordNet base form of tok[0..len) (NUL-terminated, static), or NULL. */
const char *rouge_exception_lookup(const char *tok, size_t len);

/* Whether tok[0..len) is in ROUGE's smart_common_words.txt. */
int rouge_is_stopword(const char *tok, size_t len);

/* Perl's drand48 (Perl >= 5.20 ships its own, identical on every
 * platform): srand(seed) then rand() yields rouge_drand48_next(). */
typedef struct rouge_rand48 {
    uint64_t x;
} rouge_rand48;

void rouge_drand48_seed(rouge_rand48 *r, uint32_t seed);
double rouge_drand48_next(rouge_rand48 *r);

/* Rounds like Perl's sprintf("%7.5f", v) read back as a number. */
double rouge_round5(double v);

#endif

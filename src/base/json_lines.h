/*
 * json_lines.h: a summary given in JSON as a list of sentence strings,
 * joined into the one-sentence-per-line text every reader works on.  Shared
 * by the cluster reader (io/formats.c) and the evaluation readers
 * (eval/eval_io.c), which report a bad element in their own words.
 */
#ifndef PRECIS_JSON_LINES_H
#define PRECIS_JSON_LINES_H

#include <jansson.h>
#include <stddef.h>

/* The strings of a JSON array, each followed by '\n', in one malloc'd
 * NUL-terminated text (*len bytes before the NUL).  NULL when an element is
 * not a string (*bad is its index) or when out of memory (*bad is
 * json_array_size(array)). */
char *json_join_lines(json_t *array, size_t *len, size_t *bad);

#endif

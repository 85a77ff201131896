/*
 * json_lines.c: joining a JSON list of sentences (json_lines.h).  Lengths
 * come from jansson, so a string holding a NUL byte (JSON_ALLOW_NUL) is
 * kept whole.
 */
#include "json_lines.h"

#include <stdlib.h>
#include <string.h>

char *json_join_lines(json_t *array, size_t *len, size_t *bad)
{
    size_t total = 0, i;
    json_t *s;
    json_array_foreach(array, i, s) {
        if (!json_is_string(s)) {
            *bad = i;
            return NULL;
        }
        total += json_string_length(s) + 1;
    }
    char *text = malloc(total + 1);
    if (!text) {
        *bad = json_array_size(array);
        return NULL;
    }
    size_t at = 0;
    json_array_foreach(array, i, s) {
        memcpy(text + at, json_string_value(s), json_string_length(s));
        at += json_string_length(s);
        text[at++] = '\n';
    }
    text[at] = '\0';
    *len = at;
    return text;
}

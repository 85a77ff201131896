/*
 * table.c: binary search in the compiled-in tables (see table.h).
 */
#include "table.h"

#include <string.h>

long table_lookup(const data_table *t, const char *word, size_t len)
{
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *key = table_key(t, mid);
        int cmp = strncmp(key, word, len);
        if (cmp == 0 && key[len] != '\0')
            cmp = 1;
        if (cmp == 0)
            return (long)mid;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

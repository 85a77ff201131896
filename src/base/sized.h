/*
 * sized.h: the structs a caller allocates and the library fills
 * (precis_options, precis_rouge_options, precis_dedup_options,
 * precis_stories_options) open with `size_t size`, the struct's size as the
 * caller was compiled.  The library writes and reads only that many bytes,
 * so a caller built against an older, shorter header keeps working, and
 * the fields it never saw keep their defaults.  One pair of helpers for
 * all of them.
 */
#ifndef PRECIS_SIZED_H
#define PRECIS_SIZED_H

#include <stddef.h>
#include <string.h>

/* Writes the first `size` bytes of `full` (full_size bytes) into the
 * caller's struct, and `size` into its size field. */
static inline void sized_store(void *out, const void *full, size_t full_size, size_t size)
{
    memcpy(out, full, size < full_size ? size : full_size);
    if (size >= sizeof size)
        memcpy(out, &size, sizeof size);
}

/* Copies the caller's struct `in` over `full`, which holds the defaults,
 * and sets full's size field to full_size: 1, or 0 (nothing copied) when
 * the caller's size field is not set. */
static inline int sized_load(void *full, size_t full_size, const void *in)
{
    size_t size;
    memcpy(&size, in, sizeof size);
    if (size < sizeof size)
        return 0;
    memcpy(full, in, size < full_size ? size : full_size);
    memcpy(full, &full_size, sizeof full_size);
    return 1;
}

#endif

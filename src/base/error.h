/*
 * error.h: filling a precis_error in one line per call site.
 *
 * PRECIS_FAIL(err, status, source, line, fmt, ...) records the failure with
 * the C location and evaluates to `status`, so call sites read
 *     return PRECIS_FAIL(err, PRECIS_E_IO, path, 0, "cannot open: %s", why);
 *
 * Internal: the functions below are not PRECIS_API, so libprecis.so does not
 * export them (the library is compiled with -fvisibility=hidden); the
 * modules of libprecis.a share them.
 */
#ifndef PRECIS_ERROR_H
#define PRECIS_ERROR_H

#include "precis.h"

#define PRECIS_STR2(x) #x
#define PRECIS_STR(x) PRECIS_STR2(x)
#define PRECIS_HERE __FILE__ ":" PRECIS_STR(__LINE__)

#define PRECIS_FAIL(err, status, source, line, ...) \
    precis_error_set((err), (status), (source), (line), PRECIS_HERE, __VA_ARGS__)

precis_status precis_error_set(precis_error *err, precis_status status,
                               const char *source, long line, const char *where,
                               const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif

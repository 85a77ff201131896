/*
 * error.c: status names and the error record (see error.h, precis.h).
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[] = {
    [PRECIS_OK] = "success",
    [PRECIS_E_NOMEM] = "out of memory",
    [PRECIS_E_IO] = "input/output error",
    [PRECIS_E_FORMAT] = "malformed input",
    [PRECIS_E_EMPTY] = "empty input",
    [PRECIS_E_BINARY] = "binary input",
    [PRECIS_E_ARGUMENT] = "invalid argument",
    [PRECIS_E_MISMATCH] = "mismatched items",
    [PRECIS_E_INTERNAL] = "internal error",
};

const char *precis_status_name(precis_status status)
{
    if ((unsigned)status < sizeof status_names / sizeof status_names[0])
        return status_names[status];
    return "unknown status";
}

const char *precis_version(void)
{
    return PRECIS_VERSION_STRING;
}

int precis_version_number(void)
{
    return PRECIS_VERSION_NUMBER;
}

precis_status precis_error_set(precis_error *err, precis_status status,
                               const char *source, long line, const char *where,
                               const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    err->line = line;
    err->where = where;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

/*
 * routes.h: what each URL of the server answers (routes.c), apart from
 * HTTP: a route takes the request body and fills a response.
 */
#ifndef PRECIS_SERVE_ROUTES_H
#define PRECIS_SERVE_ROUTES_H

#include <stddef.h>

#include "precis.h"

typedef enum route_id {
    ROUTE_PAGE,
    ROUTE_HEALTHZ,
    ROUTE_METRICS,
    ROUTE_VERSION,
    ROUTE_SUMMARIZE,
    ROUTE_ROUGE,
    ROUTE_DEDUP,
    ROUTE_CLUSTER,
    ROUTE_UNKNOWN, /* any other path: 404 */
    ROUTE_COUNT
} route_id;

/* A route's path and method ("GET" or "POST"). */
typedef struct route_info {
    const char *path;
    const char *method;
} route_info;

extern const route_info route_table[ROUTE_COUNT];

/* The route of a path (ROUTE_UNKNOWN when none). */
route_id route_find(const char *path);

/* An answer: status, content type, and a malloc'd body. */
typedef struct response {
    unsigned status;
    const char *content_type;
    char *body;
    size_t len;
} response;

/* Fills r with an error answer {"error": message, "status": reason};
 * returns 0, or -1 when out of memory (then r->body is NULL). */
int response_error(response *r, unsigned status, const char *message);

/* The reason phrase of a status ("bad request" ...). */
const char *status_reason(unsigned status);

/* Runs a POST route on its body (thread-safe: the engine is shared). */
void route_run(precis_engine *engine, route_id route, const char *body, size_t len,
               response *r);

#endif

/*
 * server.h: the HTTP side of `precis serve` (server.c): libmicrohttpd, the
 * routes, the work queue and the metrics put together.
 */
#ifndef PRECIS_SERVE_SERVER_H
#define PRECIS_SERVE_SERVER_H

#include <stddef.h>

typedef struct server_config {
    const char *host;   /* an IPv4 or IPv6 address to bind (127.0.0.1) */
    unsigned port;      /* 0: any free port (server_port says which) */
    unsigned threads;   /* worker threads running the library */
    size_t max_body;    /* bytes; a larger body is answered 413 */
    double timeout;     /* seconds: per request (504) and per idle read */
    size_t queue;       /* jobs queued or running at most (then 503) */
    size_t cache;       /* bytes of the answer cache (0: none) */
    int quiet;          /* 1: no access log */
} server_config;

typedef struct server server;

/* Binds and starts serving.  Returns 0, or -1 with a one-line reason in
 * message. */
int server_start(const server_config *config, server **out, char *message, size_t size);
unsigned server_port(const server *s);
/* Stops accepting, lets the requests in flight finish (each within its
 * time limit), then stops and frees everything. */
void server_stop(server *s);

/* The page served at GET / (generated from serve/page/index.html). */
extern const unsigned char serve_page_html[];
extern const size_t serve_page_html_len;

#endif

/*
 * server.c: libmicrohttpd's callbacks for `precis serve`.
 *
 * One exchange per request, created on the first call of the access
 * handler.  libmicrohttpd calls the handler again for each piece of the
 * body and once more when the body is complete:
 *
 *   first call   route and method checked (404, 405), then for a POST the
 *                content type (415) and an announced Content-Length over
 *                --max-body (413) are answered at once, before any byte of
 *                the body is read: a 1 GB announcement costs nothing
 *   body pieces  appended up to --max-body; past it the rest is read and
 *                dropped, and the answer is 413
 *   last call    a GET is answered on the spot (cheap and bounded); a POST
 *                is answered from the answer cache when it holds the same
 *                route and body (cache.c), else goes to the work queue
 *                (jobs.c, which fills the cache) and its connection is
 *                suspended until a worker or the watchdog resumes it; the
 *                handler is then called once more and sends the job's
 *                response
 *
 * When the exchange ends (answered, or the client went away) the completion
 * callback writes the access log line, counts it in the metrics and lets go
 * of the job.  Slow clients: libmicrohttpd closes a connection idle for
 * --timeout seconds (its read timeout), and its I/O threads never block on
 * one connection, so a slow sender holds no thread.  Headers past
 * MHD_CONNECTION_MEMORY get libmicrohttpd's own 431 answer, malformed
 * requests its 400.
 *
 * Nothing is ever read from disk: the page is compiled in (page.c).
 */
#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "jobs.h"
#include "metrics.h"
#include "precis.h"
#include "routes.h"

/* Memory libmicrohttpd gives a connection for its headers and buffers:
 * headers larger than this are refused (431). */
#define MHD_CONNECTION_MEMORY (64 * 1024)

static const char page_security_policy[] =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

struct server {
    server_config config;
    struct MHD_Daemon *daemon;
    precis_engine *engine;
    job_pool *jobs;
    answer_cache *cache;
    metrics *metrics;
    unsigned port;
};

typedef struct exchange {
    server *srv;
    struct MHD_Connection *conn;
    route_id route;
    char method[8];
    char path[128];
    struct timespec start;
    char *body;
    size_t len, cap;
    int too_large;
    job *job;
    uint64_t cache_key;  /* answer_cache_key of the route and body */
    int answered;
    unsigned status;
    size_t bytes;
} exchange;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* ---- answering --------------------------------------------------------- */

static enum MHD_Result send_bytes(exchange *x, unsigned status, const char *type,
                                  const void *data, size_t len, enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)data, mode);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (x->route == ROUTE_PAGE && status == 200) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_SECURITY_POLICY,
                                page_security_policy);
        MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    } else {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    }
    if (status == 405)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, route_table[x->route].method);
    enum MHD_Result ok = MHD_queue_response(x->conn, status, r);
    MHD_destroy_response(r);
    x->answered = 1;
    x->status = status;
    x->bytes = len;
    return ok;
}

static enum MHD_Result send_response(exchange *x, const response *r)
{
    static const char no_memory[] =
        "{\"error\":\"out of memory\",\"status\":\"service unavailable\"}";
    if (!r->body)
        return send_bytes(x, 503, "application/json", no_memory, sizeof no_memory - 1,
                          MHD_RESPMEM_PERSISTENT);
    return send_bytes(x, r->status, r->content_type, r->body, r->len, MHD_RESPMEM_MUST_COPY);
}

static enum MHD_Result send_error(exchange *x, unsigned status, const char *message)
{
    response r = {0};
    response_error(&r, status, message);
    enum MHD_Result ok = send_response(x, &r);
    free(r.body);
    return ok;
}

/* ---- GET routes -------------------------------------------------------- */

static enum MHD_Result answer_get(exchange *x)
{
    server *s = x->srv;
    switch (x->route) {
    case ROUTE_PAGE:
        return send_bytes(x, 200, "text/html; charset=utf-8", serve_page_html,
                          serve_page_html_len, MHD_RESPMEM_PERSISTENT);
    case ROUTE_HEALTHZ: {
        static const char ok[] = "{\"status\":\"ok\"}";
        return send_bytes(x, 200, "application/json", ok, sizeof ok - 1, MHD_RESPMEM_PERSISTENT);
    }
    case ROUTE_VERSION: {
        char text[160];
        int n = snprintf(text, sizeof text, "{\"version\":\"%s\",\"api\":\"v1\"}",
                         precis_version());
        return send_bytes(x, 200, "application/json", text, (size_t)n, MHD_RESPMEM_MUST_COPY);
    }
    case ROUTE_METRICS: {
        server_counts counts = {0};
        job_pool_counts(s->jobs, &counts.refused, &counts.expired);
        counts.queued = job_pool_pending(s->jobs);
        answer_cache_counts(s->cache, &counts.cache_hits, &counts.cache_misses);
        char *text = metrics_render(s->metrics, &counts);
        if (!text)
            return send_error(x, 503, "out of memory");
        enum MHD_Result ok = send_bytes(x, 200, "text/plain; version=0.0.4; charset=utf-8",
                                        text, strlen(text), MHD_RESPMEM_MUST_COPY);
        free(text);
        return ok;
    }
    default:
        return send_error(x, 404, "no such route");
    }
}

/* ---- the access handler ------------------------------------------------ */

static int is_json_type(const char *type)
{
    static const char want[] = "application/json";
    if (!type || strncasecmp(type, want, sizeof want - 1))
        return 0;
    char next = type[sizeof want - 1];
    return next == '\0' || next == ';' || next == ' ';
}

/* The first call: checks that need no body. */
static enum MHD_Result begin(exchange *x, const char *method)
{
    if (x->route == ROUTE_UNKNOWN)
        return send_error(x, 404, "no such route (GET /, /healthz, /metrics, /v1/version; "
                                  "POST /v1/summarize, /v1/rouge, /v1/dedup, /v1/cluster)");
    if (strcmp(method, route_table[x->route].method)) {
        char message[96];
        snprintf(message, sizeof message, "%s takes %s", route_table[x->route].path,
                 route_table[x->route].method);
        return send_error(x, 405, message);
    }
    if (strcmp(method, "POST"))
        return MHD_YES;
    const char *type = MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!is_json_type(type))
        return send_error(x, 415, "the body must be JSON (Content-Type: application/json)");
    const char *length = MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length && strtoull(length, NULL, 10) > x->srv->config.max_body) {
        char message[96];
        snprintf(message, sizeof message, "the body is over the limit of %zu bytes",
                 x->srv->config.max_body);
        return send_error(x, 413, message);
    }
    return MHD_YES;
}

static void append_body(exchange *x, const char *data, size_t size)
{
    if (x->too_large)
        return;
    if (x->len + size > x->srv->config.max_body) {
        x->too_large = 1;
        free(x->body);
        x->body = NULL;
        x->len = x->cap = 0;
        return;
    }
    if (x->len + size + 1 > x->cap) {
        size_t cap = x->cap ? x->cap : 4096;
        while (cap < x->len + size + 1)
            cap *= 2;
        char *grown = realloc(x->body, cap);
        if (!grown) {
            x->too_large = 1; /* answered 503 below */
            return;
        }
        x->body = grown;
        x->cap = cap;
    }
    memcpy(x->body + x->len, data, size);
    x->len += size;
}

static void job_ready(void *ctx)
{
    exchange *x = ctx;
    MHD_resume_connection(x->conn);
}

static enum MHD_Result submit(exchange *x)
{
    if (x->too_large) {
        char message[96];
        snprintf(message, sizeof message, "the body is over the limit of %zu bytes",
                 x->srv->config.max_body);
        return send_error(x, x->body ? 503 : 413, x->body ? "out of memory" : message);
    }
    response kept;
    const char *bytes = x->body ? x->body : "";
    if (x->srv->config.cache)
        x->cache_key = answer_cache_key(x->route, bytes, x->len);
    if (answer_cache_get(x->srv->cache, x->cache_key, x->route, bytes, x->len, &kept)) {
        enum MHD_Result ok = send_response(x, &kept);
        free(kept.body);
        return ok;
    }
    int full = 0;
    char *body = x->body;
    x->body = NULL;
    x->job = job_submit(x->srv->jobs, x->route, body ? body : calloc(1, 1), x->len, job_ready,
                        x, &full);
    if (!x->job)
        return send_error(x, 503, full ? "the server is saturated: try again shortly"
                                       : "out of memory");
    MHD_suspend_connection(x->conn);
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **state)
{
    server *s = cls;
    exchange *x = *state;
    if (!x) {
        if (!(x = calloc(1, sizeof *x)))
            return MHD_NO;
        x->srv = s;
        x->conn = conn;
        clock_gettime(CLOCK_MONOTONIC, &x->start);
        x->route = route_find(url);
        snprintf(x->method, sizeof x->method, "%s", method);
        snprintf(x->path, sizeof x->path, "%s", url);
        *state = x;
        metrics_begin(s->metrics);
        return begin(x, method);
    }
    if (x->answered) { /* answered on the first call: drop what follows */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size) {
        append_body(x, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (x->job) {
        size_t len;
        const char *body = job_body(x->job, &len);
        answer_cache_put(x->srv->cache, x->cache_key, x->route, body, len,
                         job_response(x->job));
        return send_response(x, job_response(x->job));
    }
    if (!strcmp(route_table[x->route].method, "GET"))
        return answer_get(x);
    return submit(x);
}

/* ---- the end of an exchange -------------------------------------------- */

static void log_access(const exchange *x, double seconds)
{
    char host[INET6_ADDRSTRLEN] = "-";
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(x->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info && info->client_addr) {
        const struct sockaddr *sa = info->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, host,
                      sizeof host);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
                      host, sizeof host);
    }
    /* the path as sent may hold anything: only printable ASCII is logged */
    char path[sizeof x->path];
    size_t i = 0;
    for (; x->path[i]; i++)
        path[i] = x->path[i] > ' ' && x->path[i] < 127 ? x->path[i] : '?';
    path[i] = '\0';
    fprintf(stderr, "%s \"%s %s\" %u %zu %.3f ms\n", host, x->method, path,
            x->answered ? x->status : 0, x->bytes, seconds * 1e3);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **state,
                         enum MHD_RequestTerminationCode code)
{
    server *s = cls;
    exchange *x = *state;
    if (!x)
        return;
    double seconds = seconds_since(&x->start);
    if (!s->config.quiet)
        log_access(x, seconds);
    metrics_end(s->metrics, x->route, x->answered ? x->status : 499, seconds);
    job_release(x->job);
    free(x->body);
    free(x);
    *state = NULL;
}

/* ---- start and stop ---------------------------------------------------- */

/* The address to bind into *addr; 0, or -1 when host is not an address. */
static int bind_address(const server_config *c, struct sockaddr_storage *addr, int *ipv6)
{
    memset(addr, 0, sizeof *addr);
    struct sockaddr_in *v4 = (struct sockaddr_in *)addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)addr;
    if (inet_pton(AF_INET, c->host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((unsigned short)c->port);
        *ipv6 = 0;
        return 0;
    }
    if (inet_pton(AF_INET6, c->host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((unsigned short)c->port);
        *ipv6 = 1;
        return 0;
    }
    return -1;
}

int server_start(const server_config *config, server **out, char *message, size_t size)
{
    *out = NULL;
    struct sockaddr_storage addr;
    int ipv6;
    if (bind_address(config, &addr, &ipv6) < 0) {
        snprintf(message, size, "--host needs an IPv4 or IPv6 address, not '%s'", config->host);
        return -1;
    }
    server *s = calloc(1, sizeof *s);
    precis_error err = {0};
    if (!s || !(s->metrics = metrics_new()) || !(s->cache = answer_cache_new(config->cache)) ||
        precis_engine_new(&s->engine, &err) != PRECIS_OK ||
        job_pool_new(config->threads, config->queue, config->timeout, s->engine, &s->jobs) < 0) {
        snprintf(message, size, "cannot start: %s",
                 err.message[0] ? err.message : "out of memory or threads");
        server_stop(s);
        return -1;
    }
    s->config = *config;
    unsigned io_threads = config->threads < 2 ? 1 : 2;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                     (ipv6 ? MHD_USE_IPv6 : 0);
    unsigned idle = config->timeout < 1 ? 1 : (unsigned)(config->timeout + 0.999);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)config->port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&addr, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_THREAD_POOL_SIZE, io_threads, MHD_OPTION_CONNECTION_TIMEOUT, idle,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MHD_CONNECTION_MEMORY,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)4096, MHD_OPTION_LISTEN_BACKLOG_SIZE,
        (unsigned)1024, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(message, size, "cannot listen on %s port %u (in use, or not an address of "
                                "this machine)", config->host, config->port);
        server_stop(s);
        return -1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : config->port;
    *out = s;
    return 0;
}

unsigned server_port(const server *s)
{
    return s->port;
}

void server_stop(server *s)
{
    if (!s)
        return;
    if (s->daemon) {
        MHD_socket listener = MHD_quiesce_daemon(s->daemon);
        /* every request in flight ends by its time limit (the watchdog
         * answers 504), so this wait is bounded */
        struct timespec start;
        clock_gettime(CLOCK_MONOTONIC, &start);
        while (metrics_in_flight(s->metrics) > 0 &&
               seconds_since(&start) < s->config.timeout + 2) {
            struct timespec pause = {0, 10 * 1000 * 1000};
            nanosleep(&pause, NULL);
        }
        MHD_stop_daemon(s->daemon);
        if (listener != MHD_INVALID_SOCKET)
            close(listener);
    }
    job_pool_free(s->jobs);
    answer_cache_free(s->cache);
    precis_engine_free(s->engine);
    metrics_free(s->metrics);
    free(s);
}

/*
 * metrics.c: what `GET /metrics` reports, in the Prometheus text format.
 *
 *   precis_http_requests_total{route,status}   counter
 *   precis_http_errors_total                   counter (status 400 and up)
 *   precis_http_request_duration_seconds       histogram, all routes
 *   precis_http_requests_in_flight             gauge
 *   precis_jobs_refused_total (503), precis_jobs_expired_total (504),
 *   precis_jobs_queued                         the work queue
 *   precis_cache_hits_total, precis_cache_misses_total   the answer cache
 *
 * Requests by route and status are a fixed table: the routes are known
 * and the statuses the server sends are few (STATUS_SLOTS distinct ones
 * per route, more fold into the last), so memory is constant whatever the
 * traffic.  One mutex guards it all: an update is a few additions, far
 * below the cost of any request.
 */
#include "metrics.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATUS_SLOTS 12

/* Upper bounds of the latency buckets, in seconds. */
static const double bucket_bounds[] = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02,
                                       0.05,   0.1,   0.2,   0.5,   1,    2.5, 5, 10};
#define BUCKETS (sizeof bucket_bounds / sizeof bucket_bounds[0])

struct metrics {
    pthread_mutex_t lock;
    unsigned statuses[ROUTE_COUNT][STATUS_SLOTS];
    unsigned long long counts[ROUTE_COUNT][STATUS_SLOTS];
    unsigned long long buckets[BUCKETS]; /* not cumulative; summed when rendered */
    unsigned long long observations, errors;
    double seconds;
    size_t in_flight;
};

metrics *metrics_new(void)
{
    metrics *m = calloc(1, sizeof *m);
    if (m)
        pthread_mutex_init(&m->lock, NULL);
    return m;
}

void metrics_free(metrics *m)
{
    if (!m)
        return;
    pthread_mutex_destroy(&m->lock);
    free(m);
}

void metrics_begin(metrics *m)
{
    pthread_mutex_lock(&m->lock);
    m->in_flight++;
    pthread_mutex_unlock(&m->lock);
}

void metrics_end(metrics *m, route_id route, unsigned status, double seconds)
{
    pthread_mutex_lock(&m->lock);
    if (m->in_flight)
        m->in_flight--;
    size_t slot = 0;
    while (slot < STATUS_SLOTS - 1 && m->statuses[route][slot] &&
           m->statuses[route][slot] != status)
        slot++;
    if (!m->statuses[route][slot])
        m->statuses[route][slot] = status;
    m->counts[route][slot]++;
    size_t b = 0;
    while (b < BUCKETS && seconds > bucket_bounds[b])
        b++;
    if (b < BUCKETS)
        m->buckets[b]++;
    m->observations++;
    m->seconds += seconds;
    m->errors += status >= 400;
    pthread_mutex_unlock(&m->lock);
}

size_t metrics_in_flight(metrics *m)
{
    pthread_mutex_lock(&m->lock);
    size_t n = m->in_flight;
    pthread_mutex_unlock(&m->lock);
    return n;
}

typedef struct out {
    char *data;
    size_t len, cap;
    int failed;
} out;

static void emit(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(out *o, const char *fmt, ...)
{
    if (o->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(o->data + o->len, o->cap - o->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            o->failed = 1;
            return;
        }
        if (o->len + (size_t)n < o->cap) {
            o->len += (size_t)n;
            return;
        }
        size_t cap = (o->cap + (size_t)n + 1) * 2;
        char *grown = realloc(o->data, cap);
        if (!grown) {
            o->failed = 1;
            return;
        }
        o->data = grown;
        o->cap = cap;
    }
}

char *metrics_render(metrics *m, const server_counts *x)
{
    out o = {malloc(4096), 0, 4096, 0};
    if (!o.data)
        return NULL;
    o.data[0] = '\0';
    pthread_mutex_lock(&m->lock);
    emit(&o, "# HELP precis_http_requests_total Requests answered, by route and status.\n"
             "# TYPE precis_http_requests_total counter\n");
    for (int r = 0; r < ROUTE_COUNT; r++)
        for (size_t s = 0; s < STATUS_SLOTS && m->statuses[r][s]; s++)
            emit(&o, "precis_http_requests_total{route=\"%s\",status=\"%u\"} %llu\n",
                 route_table[r].path, m->statuses[r][s], m->counts[r][s]);
    emit(&o, "# HELP precis_http_errors_total Requests answered with a status of 400 or more.\n"
             "# TYPE precis_http_errors_total counter\n"
             "precis_http_errors_total %llu\n", m->errors);
    emit(&o, "# HELP precis_http_request_duration_seconds Time from the request's first byte "
             "to its answer.\n"
             "# TYPE precis_http_request_duration_seconds histogram\n");
    unsigned long long cumulative = 0;
    for (size_t b = 0; b < BUCKETS; b++) {
        cumulative += m->buckets[b];
        emit(&o, "precis_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
             bucket_bounds[b], cumulative);
    }
    emit(&o, "precis_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
             "precis_http_request_duration_seconds_sum %.6f\n"
             "precis_http_request_duration_seconds_count %llu\n",
         m->observations, m->seconds, m->observations);
    emit(&o, "# HELP precis_http_requests_in_flight Requests being read, run or answered.\n"
             "# TYPE precis_http_requests_in_flight gauge\n"
             "precis_http_requests_in_flight %zu\n", m->in_flight);
    pthread_mutex_unlock(&m->lock);
    emit(&o, "# HELP precis_jobs_refused_total Requests refused with 503: the work queue "
             "was full.\n"
             "# TYPE precis_jobs_refused_total counter\n"
             "precis_jobs_refused_total %zu\n"
             "# HELP precis_jobs_expired_total Requests answered 504: past the time limit.\n"
             "# TYPE precis_jobs_expired_total counter\n"
             "precis_jobs_expired_total %zu\n"
             "# HELP precis_jobs_queued Jobs queued or running.\n"
             "# TYPE precis_jobs_queued gauge\n"
             "precis_jobs_queued %zu\n"
             "# HELP precis_cache_hits_total POST requests answered from the answer cache.\n"
             "# TYPE precis_cache_hits_total counter\n"
             "precis_cache_hits_total %zu\n"
             "# HELP precis_cache_misses_total POST requests the cache did not hold.\n"
             "# TYPE precis_cache_misses_total counter\n"
             "precis_cache_misses_total %zu\n",
         x->refused, x->expired, x->queued, x->cache_hits, x->cache_misses);
    if (o.failed) {
        free(o.data);
        return NULL;
    }
    return o.data;
}

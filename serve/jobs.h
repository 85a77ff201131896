/*
 * jobs.h: the server's work queue (jobs.c): POST bodies run by a fixed set
 * of worker threads, a bounded number at a time, each with a deadline.
 */
#ifndef PRECIS_SERVE_JOBS_H
#define PRECIS_SERVE_JOBS_H

#include <stddef.h>

#include "precis.h"
#include "routes.h"

typedef struct job job;
typedef struct job_pool job_pool;

/* Called once per job, from a worker or the watchdog thread, when its
 * response is ready (done or expired); never with the pool's lock held. */
typedef void (*job_ready_fn)(void *ctx);

/* A pool of `workers` threads taking at most `capacity` jobs at once (queued
 * or running), each answered with 504 when not done `timeout` seconds after
 * it was submitted.  Returns 0, or -1 when threads or memory are lacking. */
int job_pool_new(unsigned workers, size_t capacity, double timeout, precis_engine *engine,
                 job_pool **out);
/* Stops the threads (each finishes its job first); jobs still queued are
 * dropped.  Call after every connection that holds a job has ended. */
void job_pool_free(job_pool *pool);

/* Submits `route` on `body` (taken: freed with the job).  Returns the job
 * (held by the caller until job_release) or NULL: the pool is full (*full
 * set to 1: answer 503) or out of memory (body freed either way). */
job *job_submit(job_pool *pool, route_id route, char *body, size_t len, job_ready_fn ready,
                void *ctx, int *full);
/* The response of a job whose ready callback has run (504 when it
 * expired).  The body stays the job's. */
const response *job_response(const job *j);
void job_release(job *j);
/* The body the job was submitted with (the key of its answer). */
const char *job_body(const job *j, size_t *len);

/* Jobs queued or running now; jobs refused as the pool was full, and
 * answered 504, since the start. */
size_t job_pool_pending(job_pool *pool);
void job_pool_counts(job_pool *pool, size_t *refused, size_t *expired);

#endif

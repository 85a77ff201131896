/*
 * jobs.c: a bounded queue of POST bodies, run by worker threads, each job
 * with a deadline.
 *
 * Why not summarize in the HTTP threads: libmicrohttpd's few I/O threads
 * serve every connection, so one slow cluster would stall the others'
 * reads and writes.  The connection is suspended instead, its body handed
 * here, and resumed when the answer is ready.
 *
 * Bounds.  At most `capacity` jobs are queued or running: past it a
 * submission is refused at once (503), so a burst never grows memory or
 * waiting time without limit.  Each job has a deadline `timeout` seconds
 * after submission; the watchdog thread answers 504 for a job not done by
 * then and resumes its connection (deadlines on the monotonic clock, which
 * a change of the system's time does not move).  The library call cannot be interrupted,
 * so a worker still finishes an expired job and drops its result; the
 * client, though, gets its answer on time and no connection waits longer.
 *
 * States: QUEUED -> RUNNING -> DONE, or QUEUED/RUNNING -> EXPIRED.  The
 * thread that moves a job to DONE or EXPIRED (under the lock, so exactly
 * one) calls its ready callback, after unlocking.  Every job has the same
 * timeout, so deadlines come in submission order: the pending list is a
 * FIFO and the watchdog only ever looks at its head.  A job is freed when
 * both its holders let go: the pool (the worker done with it, or the
 * dropped queue) and the connection (job_release).
 */
#include "jobs.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE, JOB_EXPIRED } job_state;

struct job {
    job_pool *pool;
    route_id route;
    char *body;
    size_t len;
    response answer;
    job_state state;
    struct timespec deadline;
    job_ready_fn ready;
    void *ctx;
    int holders;                  /* 2 at submission: pool and connection */
    job *next_queued;             /* the workers' queue */
    job *prev_pending, *next_pending; /* not yet DONE or EXPIRED, oldest first */
};

struct job_pool {
    pthread_mutex_t lock;
    pthread_cond_t work;          /* a job was queued, or stopping */
    pthread_cond_t watch;         /* the pending list's head changed, or stopping */
    job *queue_head, *queue_tail;
    job *pending_head, *pending_tail;
    size_t pending;               /* jobs the pool holds (queued or running) */
    size_t capacity;
    double timeout;
    size_t refused, expired;
    int stopping;
    precis_engine *engine;
    pthread_t *threads;
    unsigned workers, started;
    pthread_t watchdog;
    int watchdog_started;
};

static void free_job(job *j)
{
    free(j->body);
    free(j->answer.body);
    free(j);
}

/* Drops one holder; the caller holds the lock.  Returns 1 when the job is
 * to be freed (after unlocking). */
static int let_go(job *j)
{
    return --j->holders == 0;
}

static void unlink_pending(job_pool *p, job *j)
{
    if (j->prev_pending)
        j->prev_pending->next_pending = j->next_pending;
    else
        p->pending_head = j->next_pending;
    if (j->next_pending)
        j->next_pending->prev_pending = j->prev_pending;
    else
        p->pending_tail = j->prev_pending;
    j->prev_pending = j->next_pending = NULL;
}

static int before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void *worker_main(void *arg)
{
    job_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->queue_head && !p->stopping)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->stopping)
            break;
        job *j = p->queue_head;
        p->queue_head = j->next_queued;
        if (!p->queue_head)
            p->queue_tail = NULL;
        if (j->state == JOB_QUEUED) {
            j->state = JOB_RUNNING;
            pthread_mutex_unlock(&p->lock);
            response r;
            route_run(p->engine, j->route, j->body, j->len, &r);
            pthread_mutex_lock(&p->lock);
            int finished = j->state == JOB_RUNNING;
            if (finished) {
                j->answer = r;
                j->state = JOB_DONE;
                unlink_pending(p, j);
                pthread_cond_signal(&p->watch);
            } else {
                free(r.body); /* expired while running: the client has its 504 */
            }
            p->pending--;
            int gone = let_go(j);
            pthread_mutex_unlock(&p->lock);
            if (finished)
                j->ready(j->ctx);
            if (gone)
                free_job(j);
            pthread_mutex_lock(&p->lock);
            continue;
        }
        /* expired in the queue */
        p->pending--;
        if (let_go(j)) {
            pthread_mutex_unlock(&p->lock);
            free_job(j);
            pthread_mutex_lock(&p->lock);
        }
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Answers 504 for every job past its deadline, oldest first. */
static void *watchdog_main(void *arg)
{
    job_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    while (!p->stopping) {
        job *j = p->pending_head;
        if (!j) {
            pthread_cond_wait(&p->watch, &p->lock);
            continue;
        }
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (before(&now, &j->deadline)) {
            pthread_cond_timedwait(&p->watch, &p->lock, &j->deadline);
            continue;
        }
        unlink_pending(p, j);
        j->state = JOB_EXPIRED;
        p->expired++;
        char message[128];
        snprintf(message, sizeof message, "the request took longer than the limit of %g s",
                 p->timeout);
        response_error(&j->answer, 504, message);
        pthread_mutex_unlock(&p->lock);
        j->ready(j->ctx);
        pthread_mutex_lock(&p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

int job_pool_new(unsigned workers, size_t capacity, double timeout, precis_engine *engine,
                 job_pool **out)
{
    *out = NULL;
    job_pool *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    p->threads = calloc(workers ? workers : 1, sizeof *p->threads);
    if (!p->threads) {
        free(p);
        return -1;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC); /* the deadlines' clock */
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->watch, &attr);
    pthread_condattr_destroy(&attr);
    p->capacity = capacity;
    p->timeout = timeout;
    p->engine = engine;
    p->workers = workers;
    for (; p->started < workers; p->started++)
        if (pthread_create(&p->threads[p->started], NULL, worker_main, p) != 0)
            break;
    if (p->started == workers)
        p->watchdog_started = pthread_create(&p->watchdog, NULL, watchdog_main, p) == 0;
    if (p->started < workers || !p->watchdog_started) {
        job_pool_free(p);
        return -1;
    }
    *out = p;
    return 0;
}

void job_pool_free(job_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stopping = 1;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->watch);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->started; i++)
        pthread_join(p->threads[i], NULL);
    if (p->watchdog_started)
        pthread_join(p->watchdog, NULL);
    while (p->queue_head) {
        job *j = p->queue_head;
        p->queue_head = j->next_queued;
        if (let_go(j))
            free_job(j);
    }
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->watch);
    pthread_mutex_destroy(&p->lock);
    free(p->threads);
    free(p);
}

job *job_submit(job_pool *p, route_id route, char *body, size_t len, job_ready_fn ready,
                void *ctx, int *full)
{
    *full = 0;
    job *j = calloc(1, sizeof *j);
    if (!j) {
        free(body);
        return NULL;
    }
    j->pool = p;
    j->route = route;
    j->body = body;
    j->len = len;
    j->ready = ready;
    j->ctx = ctx;
    j->holders = 2;
    j->state = JOB_QUEUED;
    clock_gettime(CLOCK_MONOTONIC, &j->deadline);
    double whole = (double)(time_t)p->timeout;
    j->deadline.tv_sec += (time_t)whole;
    j->deadline.tv_nsec += (long)((p->timeout - whole) * 1e9);
    if (j->deadline.tv_nsec >= 1000000000L) {
        j->deadline.tv_sec++;
        j->deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&p->lock);
    if (p->pending >= p->capacity || p->stopping) {
        p->refused++;
        pthread_mutex_unlock(&p->lock);
        *full = 1;
        free_job(j);
        return NULL;
    }
    p->pending++;
    if (p->queue_tail)
        p->queue_tail->next_queued = j;
    else
        p->queue_head = j;
    p->queue_tail = j;
    j->prev_pending = p->pending_tail;
    if (p->pending_tail)
        p->pending_tail->next_pending = j;
    else
        p->pending_head = j;
    p->pending_tail = j;
    pthread_cond_signal(&p->work);
    if (p->pending_head == j)
        pthread_cond_signal(&p->watch);
    pthread_mutex_unlock(&p->lock);
    return j;
}

const response *job_response(const job *j)
{
    return &j->answer;
}

const char *job_body(const job *j, size_t *len)
{
    *len = j->len;
    return j->body;
}

void job_release(job *j)
{
    if (!j)
        return;
    job_pool *p = j->pool;
    pthread_mutex_lock(&p->lock);
    int gone = let_go(j);
    pthread_mutex_unlock(&p->lock);
    if (gone)
        free_job(j);
}

size_t job_pool_pending(job_pool *p)
{
    pthread_mutex_lock(&p->lock);
    size_t n = p->pending;
    pthread_mutex_unlock(&p->lock);
    return n;
}

void job_pool_counts(job_pool *p, size_t *refused, size_t *expired)
{
    pthread_mutex_lock(&p->lock);
    *refused = p->refused;
    *expired = p->expired;
    pthread_mutex_unlock(&p->lock);
}

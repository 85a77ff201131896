/*
 * python_baseline.c: the library alone, the baseline of bench/python.sh.
 *
 * Reads a JSON-lines file of clusters, parses every line first
 * (precis_cluster_parse_json, untimed), then times what the Python binding's
 * precis.summarize does per cluster: precis_engine_summarize_texts with the
 * cluster's texts, names and id, asking for the summary and its JSON, both
 * freed at once.  THREADS threads take clusters from a shared counter, as a
 * thread pool would.  Prints "clusters seconds json_bytes" (the JSON bytes
 * tell that both sides did the same work).
 *
 * usage: python_baseline FILE.jsonl THREADS
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "precis.h"
#include "precis_io.h"

typedef struct job {
    precis_cluster *cluster;
    const char **texts;
    const char **names;
    size_t *lens;
} job;

typedef struct shared {
    precis_engine *engine;
    precis_settings *settings;
    job *jobs;
    size_t count;
    atomic_size_t next;
    atomic_size_t json_bytes;
    atomic_int failed;
} shared;

static void *worker(void *arg)
{
    shared *s = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        if (i >= s->count)
            return NULL;
        job *j = &s->jobs[i];
        precis_summary *sum = NULL;
        char *json = NULL;
        precis_error err;
        memset(&err, 0, sizeof err);
        const char *id = j->cluster->id ? j->cluster->id : "";
        if (precis_engine_summarize_texts(s->engine, s->settings, id, j->texts, j->lens,
                                          j->names, NULL, j->cluster->count, &sum, &json,
                                          &err) != PRECIS_OK) {
            fprintf(stderr, "cluster %zu: %s\n", i, err.message);
            atomic_store(&s->failed, 1);
        } else {
            atomic_fetch_add(&s->json_bytes, strlen(json));
        }
        precis_string_free(json);
        precis_summary_free(sum);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: python_baseline FILE.jsonl THREADS\n");
        return 2;
    }
    int threads = atoi(argv[2]);
    if (threads < 1 || threads > 64)
        return 2;
    precis_error err = {0};
    precis_lines *lines = NULL;
    if (precis_lines_open(argv[1], &lines, &err) != PRECIS_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    shared s = {0};
    size_t cap = 0;
    const char *line;
    size_t len;
    while (precis_lines_next(lines, &line, &len, &err) == PRECIS_OK && line) {
        if (len == 0)
            continue;
        if (s.count == cap) {
            cap = cap ? cap * 2 : 1024;
            s.jobs = realloc(s.jobs, cap * sizeof *s.jobs);
            if (!s.jobs)
                return 3;
        }
        job *j = &s.jobs[s.count];
        if (precis_cluster_parse_json(line, len, argv[1], precis_lines_number(lines),
                                      &j->cluster, &err) != PRECIS_OK) {
            fprintf(stderr, "%s:%ld: %s\n", argv[1], err.line, err.message);
            return 1;
        }
        size_t n = j->cluster->count;
        j->texts = calloc(n + 1, sizeof *j->texts);
        j->names = calloc(n + 1, sizeof *j->names);
        j->lens = calloc(n + 1, sizeof *j->lens);
        if (!j->texts || !j->names || !j->lens)
            return 3;
        for (size_t k = 0; k < n; k++) {
            j->texts[k] = j->cluster->articles[k].text;
            j->names[k] = j->cluster->articles[k].name;
            j->lens[k] = j->cluster->articles[k].len;
        }
        s.count++;
    }
    precis_lines_free(lines);
    if (precis_engine_new(&s.engine, &err) != PRECIS_OK ||
        precis_settings_new(&s.settings, &err) != PRECIS_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 3;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t tid[64];
    for (int t = 0; t < threads; t++)
        pthread_create(&tid[t], NULL, worker, &s);
    for (int t = 0; t < threads; t++)
        pthread_join(tid[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%zu %.6f %zu\n", s.count, seconds, (size_t)atomic_load(&s.json_bytes));
    for (size_t i = 0; i < s.count; i++) {
        precis_cluster_free(s.jobs[i].cluster);
        free(s.jobs[i].texts);
        free(s.jobs[i].names);
        free(s.jobs[i].lens);
    }
    free(s.jobs);
    precis_settings_free(s.settings);
    precis_engine_free(s.engine);
    return atomic_load(&s.failed) ? 1 : 0;
}

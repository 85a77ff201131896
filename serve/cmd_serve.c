/*
 * cmd_serve.c: `precis serve`, the command: options, signals, start and
 * drain.  The HTTP side is server.c.
 *
 * Signals: SIGINT and SIGTERM are blocked in every thread (the mask is set
 * before any thread starts and threads inherit it) and taken by sigwait in
 * the main thread, which then stops accepting, lets the requests in flight
 * finish and exits 0.  SIGPIPE is ignored: a client that hangs up is a
 * closed connection, not a dead server.
 */
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "server.h"

static const char help_text[] =
    "usage: precis serve [options]\n"
    "\n"
    "An HTTP JSON API and a web page (GET /) for summarizing articles.\n"
    "  POST /v1/summarize  {\"documents\": [...]} or {\"articles\": [{\"id\", \"text\",\n"
    "                      \"title\"?}]} plus settings (\"words\": 100, \"method\" ...):\n"
    "                      what `precis summarize --json` prints\n"
    "  POST /v1/rouge      {\"system\", \"references\": [...], \"flags\"?: \"-m\"}\n"
    "  POST /v1/dedup      {\"articles\": [...], \"threshold\"?, \"all\"? ...}\n"
    "  POST /v1/cluster    {\"articles\": [...], \"threshold\"?, \"window\"? ...}\n"
    "  GET /healthz, /metrics (Prometheus), /v1/version\n"
    "\n"
    "options:\n"
    "  --host ADDRESS      address to bind (default 127.0.0.1: this machine only)\n"
    "  --port N            port (default 8080; 0: any free port)\n"
    "  --threads N         worker threads (default: all cores)\n"
    "  --max-body SIZE     largest request body (default 10MB; suffixes KB, MB)\n"
    "  --timeout SECONDS   per-request time limit (504) and idle read limit\n"
    "                      (default 10s)\n"
    "  --queue N           requests queued or running at most, then 503 (default 256)\n"
    "  --cache SIZE        answers kept by request, for identical requests (default\n"
    "                      64MB; 0: none)\n"
    "  --quiet             no access log on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "SIGINT or SIGTERM: in-flight requests finish, then exit 0.\n";

/* "10MB", "512KB", "1048576" -> bytes; 0 when not one. */
static size_t parse_size(const char *text)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || !isfinite(v) || v <= 0)
        return 0;
    double unit = 1;
    if (!strcasecmp(end, "kb") || !strcasecmp(end, "k"))
        unit = 1024;
    else if (!strcasecmp(end, "mb") || !strcasecmp(end, "m"))
        unit = 1024 * 1024;
    else if (!strcasecmp(end, "gb") || !strcasecmp(end, "g"))
        unit = 1024.0 * 1024 * 1024;
    else if (*end && strcasecmp(end, "b"))
        return 0;
    double bytes = v * unit;
    return bytes >= 1 && bytes <= 4.0 * 1024 * 1024 * 1024 ? (size_t)bytes : 0;
}

/* "10", "10s", "500ms" -> seconds; -1 when not one. */
static double parse_seconds(const char *text)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || !isfinite(v) || v <= 0)
        return -1;
    if (!strcmp(end, "ms"))
        v /= 1000;
    else if (*end && strcmp(end, "s"))
        return -1;
    return v <= 86400 ? v : -1;
}

int cmd_serve(int argc, char **argv)
{
    enum { OPT_HOST = 256, OPT_PORT, OPT_THREADS, OPT_MAX_BODY, OPT_TIMEOUT, OPT_QUEUE,
           OPT_CACHE, OPT_QUIET };
    static const struct option longopts[] = {
        {"host", required_argument, 0, OPT_HOST},
        {"port", required_argument, 0, OPT_PORT},
        {"threads", required_argument, 0, OPT_THREADS},
        {"max-body", required_argument, 0, OPT_MAX_BODY},
        {"timeout", required_argument, 0, OPT_TIMEOUT},
        {"queue", required_argument, 0, OPT_QUEUE},
        {"cache", required_argument, 0, OPT_CACHE},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    server_config c = {"127.0.0.1", 8080, cores > 0 ? (unsigned)cores : 1, 10u << 20, 10, 256,
                       64u << 20, 0};
    opterr = 0;
    optind = 1;
    int opt;
    long n;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_HOST:
            c.host = optarg;
            break;
        case OPT_PORT:
            n = cli_parse_count(optarg);
            if (n < 0 || n > 65535)
                return cli_usage_error("serve ", "--port needs a number from 0 to 65535, not "
                                       "'%s'", optarg);
            c.port = (unsigned)n;
            break;
        case OPT_THREADS:
            n = cli_parse_threads("serve ", optarg);
            if (n < 0)
                return EXIT_USAGE;
            c.threads = (unsigned)n;
            break;
        case OPT_MAX_BODY:
            if (!(c.max_body = parse_size(optarg)))
                return cli_usage_error("serve ", "--max-body needs a size (10MB, 512KB, "
                                       "1048576), not '%s'", optarg);
            break;
        case OPT_TIMEOUT:
            if ((c.timeout = parse_seconds(optarg)) < 0)
                return cli_usage_error("serve ", "--timeout needs seconds (10, 2.5s, 500ms), "
                                       "not '%s'", optarg);
            break;
        case OPT_QUEUE:
            if ((n = cli_parse_count(optarg)) <= 0)
                return cli_usage_error("serve ", "--queue needs a whole number of 1 or more, "
                                       "not '%s'", optarg);
            c.queue = (size_t)n;
            break;
        case OPT_CACHE:
            if (!strcmp(optarg, "0"))
                c.cache = 0;
            else if (!(c.cache = parse_size(optarg)))
                return cli_usage_error("serve ", "--cache needs a size (64MB, 0), not '%s'",
                                       optarg);
            break;
        case OPT_QUIET:
            c.quiet = 1;
            break;
        case 'h':
            fputs(help_text, stdout);
            return EXIT_OK;
        default:
            return cli_usage_error("serve ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage_error("serve ", "takes no file: '%s'", argv[optind]);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    char message[256];
    server *s = NULL;
    if (server_start(&c, &s, message, sizeof message) < 0) {
        fprintf(stderr, "precis serve: %s\n", message);
        return EXIT_SYSTEM;
    }
    const char *open = strchr(c.host, ':') ? "[" : "", *close = strchr(c.host, ':') ? "]" : "";
    fprintf(stderr, "precis serve: listening on http://%s%s%s:%u/ (%u worker%s)\n", open,
            c.host, close, server_port(s), c.threads, c.threads == 1 ? "" : "s");
    fflush(stderr);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "precis serve: %s: finishing the requests in flight\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    server_stop(s);
    fprintf(stderr, "precis serve: stopped\n");
    return EXIT_OK;
}

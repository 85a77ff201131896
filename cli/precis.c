/*
 * precis.c: the command-line entry point, a thin dispatcher over the
 * subcommands (summarize, eval, rouge, train, dedup, cluster; serve execs
 * the precis-serve program of serve/).  What they share lives
 * beside it: messages.c (the one message writer), option_parsing.c (options
 * through the library's parser), streams.c (checked writes, the standard
 * streams, compressed input).  All work happens in libprecis.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: precis <command> [options] [inputs]\n"
    "\n"
    "commands:\n"
    "  summarize   summarize a cluster of articles (or a batch of clusters)\n"
    "  rouge       score summaries against references, as ROUGE-1.5.5 does\n"
    "  eval        summarize a dataset and score it with ROUGE\n"
    "  train       fit the learned scorer's weights on a training set\n"
    "  dedup       find near-duplicate articles (syndicated copies, reprints)\n"
    "  cluster     group a stream of articles into stories\n"
    "  serve       an HTTP JSON API and a web page\n"
    "\n"
    "precis <command> --help shows the options of a command.\n"
    "precis --version prints the version.\n";

/* `precis serve ARGS`: execs precis-serve from the folder of this program
 * (serve/main.c says why the server is a program of its own).  Returns only
 * when it cannot. */
static int exec_server(int argc, char **argv)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        fprintf(stderr, "precis: serve: cannot find the folder of precis: %s\n", strerror(errno));
        return EXIT_SYSTEM;
    }
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    static const char name[] = "precis-serve";
    if (!slash || (size_t)(slash - self) + sizeof name + 1 > sizeof self) {
        fprintf(stderr, "precis: serve: the path of precis is too long\n");
        return EXIT_SYSTEM;
    }
    memcpy(slash + 1, name, sizeof name);
    argv[0] = self; /* its messages say "precis serve" */
    (void)argc;
    execv(self, argv);
    fprintf(stderr, "precis: serve: cannot run %s: %s\n", self, strerror(errno));
    return EXIT_SYSTEM;
}

static int run_command(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("precis %s\n", precis_version());
        return EXIT_OK;
    }
    if (!strcmp(cmd, "summarize"))
        return cmd_summarize(argc - 1, argv + 1);
    if (!strcmp(cmd, "rouge"))
        return cmd_rouge(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval"))
        return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "train"))
        return cmd_train(argc - 1, argv + 1);
    if (!strcmp(cmd, "cluster"))
        return cmd_cluster(argc - 1, argv + 1);
    if (!strcmp(cmd, "dedup"))
        return cmd_dedup(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve"))
        return exec_server(argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    cli_reserve_standard_streams();
    return cli_finish_output(run_command(argc, argv));
}

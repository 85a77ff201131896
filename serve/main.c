/*
 * main.c: the `precis-serve` program, which `precis serve` runs.
 *
 * Why a program of its own: the server links libmicrohttpd, and through it
 * GnuTLS and seven more shared libraries that the dynamic loader would map
 * at every start of `precis`, a millisecond added to each one-cluster run
 * (4.7 ms instead of 3.7 ms for examples/daraa).  `precis serve ARGS` execs
 * `precis-serve ARGS` from the folder of the running `precis` (cli/precis.c),
 * so the command stays one, and only the server pays for its libraries.
 */
#include "cli.h"

int main(int argc, char **argv)
{
    cli_reserve_standard_streams();
    return cli_finish_output(cmd_serve(argc, argv));
}

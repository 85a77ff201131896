/* cmd_rouge.c: `precis rouge` (being written; see issue "precis eval"). */
#include "cli.h"

#include <stdio.h>

int cmd_rouge(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("precis: rouge: not built yet\n", stderr);
    return EXIT_USAGE;
}

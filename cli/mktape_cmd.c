/* vm390 mktape: create a tape image (placeholder until the tape formats land). */
#include <stdio.h>

#include "commands.h"

int cmd_mktape(int argc, char **argv)
{
    (void)argc, (void)argv;
    fprintf(stderr, "vm390 mktape: not available yet\n");
    return 2;
}

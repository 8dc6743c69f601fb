/* vm390: the command-line front end. */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *help;
} commands[] = {
    { "run", cmd_run, "run a guest program: vm390 run [options] IMAGE" },
    { "test", cmd_test, "run guest test cases: vm390 test [options] CASE.json|DIR ..." },
    { "insns", cmd_insns, "list the instruction table: vm390 insns [--missing]" },
    { "disasm", cmd_disasm, "disassemble a binary: vm390 disasm FILE [ADDR]" },
    { "mkdisk", cmd_mkdisk, "create a disk image: vm390 mkdisk [options] FILE TYPE [VOLSER]" },
    { "mktape", cmd_mktape, "create a tape image: vm390 mktape [options] FILE [VOLSER]" },
};

static void usage(FILE *f)
{
    fprintf(f, "usage: vm390 COMMAND [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\n'vm390 COMMAND --help' describes a command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "vm390: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}

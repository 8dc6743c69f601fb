/* The vm390 subcommands; each takes argv starting at its own name. */
#ifndef VM390_CLI_COMMANDS_H
#define VM390_CLI_COMMANDS_H

int cmd_run(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_insns(int argc, char **argv);
int cmd_disasm(int argc, char **argv);
int cmd_mkdisk(int argc, char **argv);
int cmd_mktape(int argc, char **argv);

#endif

/* vm390 mktape: create an AWSTAPE or HET tape image. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "devices/imgfile.h"
#include "devices/tape.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: vm390 mktape [options] FILE [VOLSER [OWNER]]\n"
               "Create a tape image: empty, or labelled like IEHINITT does (VOL1, a\n"
               "dummy HDR1 and a tape mark) when VOLSER is given.\n\n"
               "  -d, --no-compress  do not compress the label blocks (AWS format)\n"
               "  -z, --compress     compress them (HET format; the default for *.het)\n");
}

/* Errors come back in err and are printed once, by the command. */
static void quiet(const char *msg) { (void)msg; }

int cmd_mktape(int argc, char **argv)
{
    dev_log_sink(quiet);
    static const struct option opts[] = {
        { "compress", no_argument, NULL, 'z' }, { "no-compress", no_argument, NULL, 'd' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
    };
    int ch, compress = -1;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "zdh", opts, NULL)) != -1) {
        if (ch == 'h') {
            usage(stdout);
            return 0;
        }
        if (ch != 'z' && ch != 'd') {
            usage(stderr);
            return 2;
        }
        compress = ch == 'z';
    }
    int n = argc - optind;
    if (n < 1 || n > 3) {
        usage(stderr);
        return 2;
    }
    const char *file = argv[optind], *volser = n > 1 ? argv[optind + 1] : NULL;
    if (volser && strlen(volser) > 6) {
        fprintf(stderr, "vm390 mktape: volume serial '%s' is longer than 6 characters\n", volser);
        return 2;
    }
    size_t len = strlen(file);
    if (compress < 0)
        compress = len > 4 && !strcmp(file + len - 4, ".het");
    char err[512];
    if (!tape_image_create(file, volser, n > 2 ? argv[optind + 2] : NULL, compress, err, sizeof err)) {
        fprintf(stderr, "vm390 mktape: %s\n", err);
        return 1;
    }
    printf("%s: %s tape%s%s\n", file, compress ? "HET" : "AWS", volser ? ", volume " : " (empty)",
           volser ? volser : "");
    return 0;
}

/* vm390 mktape: create an AWSTAPE or HET tape image. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "devices/imgfile.h"
#include "devices/tape.h"
#include "devices/tape_image.h"
#include "ipl_text.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: vm390 mktape [options] FILE [VOLSER [OWNER]]\n"
               "       vm390 mktape [-d | -z] --ipl PROGRAM[@ADDR] FILE\n"
               "Create a tape image: empty, or labelled like IEHINITT does (VOL1, a\n"
               "dummy HDR1 and a tape mark) when VOLSER is given.\n\n"
               "  -d, --no-compress  do not compress the label blocks (AWS format)\n"
               "  -z, --compress     compress them (HET format; the default for *.het)\n"
               "  -i, --ipl PROGRAM[@ADDR]\n"
               "                     an IPL tape, unlabelled: the IPL record, a bootstrap\n"
               "                     that reads the program (a flat binary) to ADDR\n"
               "                     (hexadecimal, default 0) and starts it there, the\n"
               "                     program in 32 KiB blocks and a tape mark (docs/ipl.md)\n");
}

#define IPL_BLOCK 32768

/* The bootstrap: one READ per program block; returns its length. */
static uint32_t bootstrap(uint8_t *b, const struct ipl_prog *p)
{
    uint32_t n = (p->len + IPL_BLOCK - 1) / IPL_BLOCK;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off = i * IPL_BLOCK, len = p->len - off < IPL_BLOCK ? p->len - off : IPL_BLOCK;
        ipl_ccw(b + 8 * i, 0x02, p->addr + off, i + 1 < n ? IPL_CCW_CC : 0, (uint16_t)len);
    }
    return 8 * n;
}

/* IPL record, bootstrap, program blocks, tape mark. */
static bool write_ipl_tape(const char *file, const char *spec, bool compress, char *err,
                           size_t errlen)
{
    struct ipl_prog p;
    struct tape_image t;
    if (!ipl_prog_load(spec, &p, err, errlen))
        return false;
    uint32_t nblk = (p.len + IPL_BLOCK - 1) / IPL_BLOCK;
    uint8_t *boot = malloc(8 * (size_t)nblk), rec[24];
    bool ok = boot && tape_image_create(file, NULL, NULL, compress, err, errlen) &&
              tape_open(&t, file, false, IMG_SYNC_ALWAYS, err, errlen);
    if (ok) {
        t.compress = compress;
        uint32_t bootlen = bootstrap(boot, &p);
        ipl_record(&p, 0x02, (uint16_t)bootlen, rec);
        ok = tape_write(&t, rec, sizeof rec) == TAPE_OK && tape_write(&t, boot, bootlen) == TAPE_OK;
        for (uint32_t off = 0; ok && off < p.len; off += IPL_BLOCK)
            ok = tape_write(&t, p.data + off, p.len - off < IPL_BLOCK ? p.len - off : IPL_BLOCK) ==
                 TAPE_OK;
        ok = ok && tape_write_mark(&t) == TAPE_OK && tape_flush(&t);
        if (!ok)
            snprintf(err, errlen, "%s", t.err);
        tape_close(&t);
    } else if (!boot) {
        snprintf(err, errlen, "out of memory");
    }
    if (ok)
        printf("%s: IPL tape, program of %u bytes at %06X\n", file, p.len, p.addr);
    free(boot);
    ipl_prog_free(&p);
    return ok;
}

/* Errors come back in err and are printed once, by the command. */
static void quiet(const char *msg) { (void)msg; }

int cmd_mktape(int argc, char **argv)
{
    dev_log_sink(quiet);
    static const struct option opts[] = {
        { "compress", no_argument, NULL, 'z' }, { "no-compress", no_argument, NULL, 'd' },
        { "help", no_argument, NULL, 'h' }, { "ipl", required_argument, NULL, 'i' },
        { NULL, 0, NULL, 0 },
    };
    int ch, compress = -1;
    const char *ipl = NULL;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "zdhi:", opts, NULL)) != -1) {
        if (ch == 'h') {
            usage(stdout);
            return 0;
        }
        if (ch == 'i') {
            ipl = optarg;
            continue;
        }
        if (ch != 'z' && ch != 'd') {
            usage(stderr);
            return 2;
        }
        compress = ch == 'z';
    }
    int n = argc - optind;
    if (n < 1 || n > 3 || (ipl && n != 1)) {
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
    if (ipl) {
        if (write_ipl_tape(file, ipl, compress, err, sizeof err))
            return 0;
        fprintf(stderr, "vm390 mktape: %s\n", err);
        return 1;
    }
    if (!tape_image_create(file, volser, n > 2 ? argv[optind + 2] : NULL, compress, err, sizeof err)) {
        fprintf(stderr, "vm390 mktape: %s\n", err);
        return 1;
    }
    printf("%s: %s tape%s%s\n", file, compress ? "HET" : "AWS", volser ? ", volume " : " (empty)",
           volser ? volser : "");
    return 0;
}

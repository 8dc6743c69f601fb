/* vm390 mkdisk: create an empty Hercules-compatible disk image. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "devices/imgfile.h"
#include "devices/ckd.h"
#include "devices/ckd_image.h"
#include "devices/fba.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: vm390 mkdisk [options] FILE TYPE [VOLSER]\n"
            "Create an empty disk image in the Hercules format.\n\n"
            "  TYPE            CKD: ");
    for (int i = 0; ckd_model_at(i); i++)
        fprintf(f, "%s%s", i ? ", " : "", ckd_model_at(i)->name);
    fprintf(f, "\n                  FBA: ");
    for (int i = 0; fba_model_at(i); i++)
        fprintf(f, "%s%s", i ? ", " : "", fba_model_at(i)->name);
    fprintf(f, "\n"
               "  VOLSER          volume serial for the VOL1 label of a CKD volume (default\n"
               "                  VOL001); FBA images are created empty\n"
               "  -z, --compress  compressed image (CCKD / CFBA, zlib)\n"
               "  -c, --cyls N    cylinders instead of the model's size (CKD)\n"
               "  -b, --blocks N  512-byte blocks instead of the model's size (FBA)\n"
               "  -r, --raw       no IPL records and no volume label\n"
               "  -o, --owner X   owner field of the VOL1 label\n");
}

struct mkdisk {
    const char *file, *type, *volser, *owner;
    bool compress, raw;
    unsigned long cyls, blocks;
};

static bool parse_count(const char *s, unsigned long *out)
{
    char *end;
    *out = strtoul(s, &end, 0);
    return *s && !*end && *out > 0;
}

static int parse(int argc, char **argv, struct mkdisk *m)
{
    static const struct option opts[] = {
        { "compress", no_argument, NULL, 'z' }, { "cyls", required_argument, NULL, 'c' },
        { "blocks", required_argument, NULL, 'b' }, { "raw", no_argument, NULL, 'r' },
        { "owner", required_argument, NULL, 'o' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "zc:b:ro:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'z': m->compress = true; break;
        case 'r': m->raw = true; break;
        case 'o': m->owner = optarg; break;
        case 'c':
            if (!parse_count(optarg, &m->cyls))
                return 2;
            break;
        case 'b':
            if (!parse_count(optarg, &m->blocks))
                return 2;
            break;
        case 'h': usage(stdout); return 0;
        default: return 2;
        }
    }
    if (argc - optind < 2 || argc - optind > 3)
        return 2;
    m->file = argv[optind];
    m->type = argv[optind + 1];
    m->volser = argc - optind == 3 ? argv[optind + 2] : "VOL001";
    if (strlen(m->volser) > 6) {
        fprintf(stderr, "vm390 mkdisk: volume serial '%s' is longer than 6 characters\n", m->volser);
        return 2;
    }
    return -1;
}

static int make_ckd(const struct mkdisk *m, const struct ckd_model *model, char *err, size_t errlen)
{
    struct ckd_create c = { .devtype = model->devtype, .cyls = m->cyls ? m->cyls : model->cyls,
                            .compressed = m->compress, .volser = m->raw ? NULL : m->volser,
                            .owner = m->owner };
    if (!ckd_image_create(m->file, &c, err, errlen))
        return 1;
    printf("%s: %s, %u cylinders, %s\n", m->file, model->name, c.cyls,
           m->compress ? "compressed" : "plain");
    return 0;
}

static int make_fba(const struct mkdisk *m, const struct fba_model *model, char *err, size_t errlen)
{
    struct fba_create c = { .devtype = model->devtype,
                            .blocks = m->blocks ? m->blocks : model->blocks,
                            .compressed = m->compress };
    if (!fba_image_create(m->file, &c, err, errlen))
        return 1;
    printf("%s: %s, %u blocks, %s\n", m->file, model->name, c.blocks,
           m->compress ? "compressed" : "plain");
    return 0;
}

/* Errors come back in err and are printed once, by the command. */
static void quiet(const char *msg) { (void)msg; }

int cmd_mkdisk(int argc, char **argv)
{
    dev_log_sink(quiet);
    struct mkdisk m = { 0 };
    int rc = parse(argc, argv, &m);
    if (rc >= 0) {
        usage(rc ? stderr : stdout);
        return rc;
    }
    char err[512];
    const struct ckd_model *ckd = ckd_model_find(m.type);
    const struct fba_model *fba = fba_model_find(m.type);
    if (ckd && !m.blocks)
        rc = make_ckd(&m, ckd, err, sizeof err);
    else if (fba && !m.cyls)
        rc = make_fba(&m, fba, err, sizeof err);
    else {
        snprintf(err, sizeof err, "unknown disk type %s (or -c with FBA, -b with CKD)", m.type);
        rc = 2;
    }
    if (rc)
        fprintf(stderr, "vm390 mkdisk: %s\n", err);
    return rc;
}

/* vm390 mkdisk: create an empty Hercules-compatible disk image. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "devices/bytes.h"
#include "devices/ebcdic.h"
#include "devices/imgfile.h"
#include "devices/ckd.h"
#include "devices/ckd_image.h"
#include "devices/fba.h"
#include "ipl_text.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: vm390 mkdisk [options] FILE TYPE [VOLSER]\n"
            "       vm390 mkdisk --ipl PROGRAM[@ADDR] --update FILE\n"
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
               "  -o, --owner X   owner field of the VOL1 label\n"
               "  -i, --ipl PROGRAM[@ADDR]\n"
               "                  make the CKD volume IPL-able: IPL1 and IPL2 on track 0\n"
               "                  read the program (a flat binary, from cylinder 1 on) to\n"
               "                  ADDR (hexadecimal, default 0) and start it there; a\n"
               "                  program loaded at 0 starts with its own first 8 bytes\n"
               "                  as the PSW (docs/ipl.md)\n"
               "  -u, --update    put the IPL program on the existing volume FILE\n");
}

struct mkdisk {
    const char *file, *type, *volser, *owner, *ipl;
    bool compress, raw, update;
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
        { "ipl", required_argument, NULL, 'i' }, { "update", no_argument, NULL, 'u' },
        { NULL, 0, NULL, 0 },
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "zc:b:ro:hi:u", opts, NULL)) != -1) {
        switch (ch) {
        case 'i': m->ipl = optarg; break;
        case 'u': m->update = true; break;
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
        case 'h': return 0;   /* the caller prints the usage */
        default: return 2;
        }
    }
    if (m->update) {
        if (!m->ipl || argc - optind != 1)
            return 2;
        m->file = argv[optind];
        return -1;
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

/* ---- IPL program (docs/ipl.md) ---- */

#define IPL_RECLEN 4096         /* program records */
#define IPL_FIRST_CYL 1         /* the program starts at cylinder 1 head 0 */
#define IPL_TRACK_ARGS 8        /* seek BBCCHH and search CCHHR of a track */

/* Records of 4096 bytes a track holds (the capacity formula). */
static uint32_t recs_per_track(uint16_t devtype) { return devtype == 0x3380 ? 10 : 12; }

/* A track of program records from *off on; returns its length. */
static uint32_t program_track(uint8_t *t, uint32_t trk, uint32_t per, const struct ipl_prog *p,
                              uint32_t *off)
{
    uint32_t len = ckd_null_track(t, trk / 15, trk % 15, CKD_NULL_EMPTY);
    uint8_t *q = t + len - CKD_EOT_SIZE;
    for (uint32_t r = 1; r <= per && *off < p->len; r++) {
        uint32_t dl = p->len - *off < IPL_RECLEN ? p->len - *off : IPL_RECLEN;
        q = ckd_put_count(q, trk / 15, trk % 15, (uint8_t)r, 0, (uint16_t)dl);
        memcpy(q, p->data + *off, dl);
        q += dl;
        *off += dl;
    }
    memset(q, 0xFF, CKD_EOT_SIZE);
    return (uint32_t)(q + CKD_EOT_SIZE - t);
}

/* The bootstrap: per track SEEK, SEARCH ID EQUAL R1, TIC back to the
   search, READ DATA of each record; then the tracks' seek / search
   arguments.  Returns its length. */
static uint32_t bootstrap(uint8_t *b, const struct ipl_prog *p, uint32_t per, uint32_t ntracks)
{
    uint32_t base = ipl_boot_addr(p), nrec = (p->len + IPL_RECLEN - 1) / IPL_RECLEN;
    uint32_t args = (3 * ntracks + nrec) * 8, pos = 0, done = 0;
    for (uint32_t i = 0; i < ntracks; i++) {
        uint32_t trk = IPL_FIRST_CYL * 15 + i, arg = base + args + i * IPL_TRACK_ARGS;
        uint8_t *a = b + args + i * IPL_TRACK_ARGS;
        memset(a, 0, IPL_TRACK_ARGS);
        put_be16(a + 2, (uint16_t)(trk / 15));
        put_be16(a + 4, (uint16_t)(trk % 15));
        a[6] = 1;
        ipl_ccw(b + pos, 0x07, arg, IPL_CCW_CC, 6);
        ipl_ccw(b + pos + 8, 0x31, arg + 2, IPL_CCW_CC, 5);
        ipl_ccw(b + pos + 16, 0x08, base + pos + 8, 0, 0);
        pos += 24;
        for (uint32_t r = 0; r < per && done < nrec; r++, done++) {
            uint32_t off = done * IPL_RECLEN;
            uint32_t n = p->len - off < IPL_RECLEN ? p->len - off : IPL_RECLEN;
            ipl_ccw(b + pos, 0x06, p->addr + off, done + 1 < nrec ? IPL_CCW_CC : 0, (uint16_t)n);
            pos += 8;
        }
    }
    return args + ntracks * IPL_TRACK_ARGS;
}

/* Track 0 with IPL1 and IPL2 in place of the records 1 and 2 it had;
   R0 and the records after them (VOL1 ...) stay.  0 if it overflows. */
static uint32_t ipl_track0(uint8_t *out, const uint8_t *in, uint32_t size, const uint8_t *ipl1,
                           const uint8_t *boot, uint32_t bootlen)
{
    uint32_t off = CKD_HA_SIZE, o = CKD_HA_SIZE;
    memcpy(out, in, CKD_HA_SIZE);
    for (int written = 0; !ckd_is_eot(in + off) || written < 2;) {
        bool eot = ckd_is_eot(in + off);
        uint8_t r = eot ? 0xFF : in[off + 4];
        uint32_t n = eot ? 0 : CKD_COUNT_SIZE + in[off + 5] + be16(in + off + 6);
        if (r >= 1 && written < 2) {        /* our IPL1 and IPL2 come first */
            uint32_t dl = written ? bootlen : 24;
            if (o + CKD_COUNT_SIZE + 4 + dl + CKD_EOT_SIZE > size)
                return 0;
            uint8_t *q = ckd_put_count(out + o, 0, 0, (uint8_t)(written + 1), 4, (uint16_t)dl);
            ebcdic_from_ascii(q, written ? "IPL2" : "IPL1", 4);
            memcpy(q + 4, written ? boot : ipl1, dl);
            o += CKD_COUNT_SIZE + 4 + dl;
            written++;
            continue;
        }
        if (r != 1 && r != 2) {
            if (o + n + CKD_EOT_SIZE > size)
                return 0;
            memcpy(out + o, in + off, n);
            o += n;
        }
        off += n;
    }
    memset(out + o, 0xFF, CKD_EOT_SIZE);
    return o + CKD_EOT_SIZE;
}

static bool write_ipl(struct ckd_image *img, const struct ipl_prog *p, char *err, size_t errlen)
{
    uint32_t per = recs_per_track(img->devtype);
    uint32_t nrec = (p->len + IPL_RECLEN - 1) / IPL_RECLEN, ntracks = (nrec + per - 1) / per;
    if (IPL_FIRST_CYL * 15 + ntracks > img->tracks) {
        snprintf(err, errlen, "the program needs %u tracks from cylinder %d on; the volume has %u "
                 "cylinders", ntracks, IPL_FIRST_CYL, img->cyls);
        return false;
    }
    uint8_t *t = malloc(img->trksize), *u = malloc(img->trksize), *boot = malloc(img->trksize);
    bool ok = t && u && boot;
    uint32_t off = 0, len;
    for (uint32_t i = 0; ok && i < ntracks; i++)
        ok = ckd_image_write(img, IPL_FIRST_CYL * 15 + i, t,
                             program_track(t, IPL_FIRST_CYL * 15 + i, per, p, &off));
    uint32_t bootlen = ok ? bootstrap(boot, p, per, ntracks) : 0;
    uint8_t ipl1[24];
    ipl_record(p, 0x06, (uint16_t)bootlen, ipl1);
    ok = ok && ckd_image_read(img, 0, t, &len);
    uint32_t n = ok ? ipl_track0(u, t, img->trksize, ipl1, boot, bootlen) : 0;
    if (ok && !n)
        snprintf(err, errlen, "track 0 has no room for the bootstrap of %u bytes", bootlen);
    else if (!ok)
        snprintf(err, errlen, "%s", t && u && boot ? img->err : "out of memory");
    ok = ok && n && ckd_image_write(img, 0, u, n);
    free(t);
    free(u);
    free(boot);
    return ok;
}

/* Install the program of spec on the CKD volume in file. */
static int install_ipl(const char *file, const char *spec, char *err, size_t errlen)
{
    struct ipl_prog p;
    struct ckd_image img;
    if (!ipl_prog_load(spec, &p, err, errlen))
        return 1;
    bool ok = ckd_image_open(&img, file, false, IMG_SYNC_ALWAYS, err, errlen);
    if (ok) {
        ok = write_ipl(&img, &p, err, errlen);
        if (!ckd_image_close(&img) && ok) {
            snprintf(err, errlen, "%s: %s", file, img.err);
            ok = false;
        }
    }
    if (ok)
        printf("%s: IPL program of %u bytes at %06X\n", file, p.len, p.addr);
    ipl_prog_free(&p);
    return ok ? 0 : 1;
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
    const struct ckd_model *ckd = m.type ? ckd_model_find(m.type) : NULL;
    const struct fba_model *fba = m.type ? fba_model_find(m.type) : NULL;
    if (m.update)
        rc = install_ipl(m.file, m.ipl, err, sizeof err);
    else if (ckd && !m.blocks)
        rc = make_ckd(&m, ckd, err, sizeof err);
    else if (fba && !m.cyls)
        rc = make_fba(&m, fba, err, sizeof err);
    else {
        snprintf(err, sizeof err, "unknown disk type %s (or -c with FBA, -b with CKD)", m.type);
        rc = 2;
    }
    if (!rc && m.ipl && !m.update) {
        if (ckd)
            rc = install_ipl(m.file, m.ipl, err, sizeof err);
        else {
            snprintf(err, sizeof err, "--ipl needs a CKD volume");
            rc = 2;
        }
    }
    if (rc)
        fprintf(stderr, "vm390 mkdisk: %s\n", err);
    return rc;
}

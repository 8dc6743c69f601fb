/*
 * Interoperability with Hercules' image tools (Debian package hercules):
 * images written by Hercules are read through our device models, images
 * written by us are checked, converted and read by Hercules.
 *
 *   interop_tests CASE VM390
 *
 * Exit status 0 passed, 1 failed, 77 skipped (a tool is missing).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dat/storage.h"
#include "devices/ckd_image.h"
#include "devices/device.h"
#include "devices/ebcdic.h"
#include "devices/fba_image.h"
#include "devices/tape_image.h"
#include "tests/unit/devtest.h"

#define OK (US_CE | US_DE)
#define SKIP 77

static const char *vm390;
static int failures;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);          \
            failures++;                                                                        \
        }                                                                                      \
    } while (0)

/* ---- running tools ---- */

static bool have(const char *tool)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

/* Run a shell command in the scratch directory; its output (stdout and
   stderr) is returned (caller frees) and its exit status put in *rc. */
static char *run(int *rc, const char *fmt, ...)
{
    char cmd[2048], line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(cmd, sizeof cmd, "cd %s && (", devtest_dir());
    n += vsnprintf(cmd + n, sizeof cmd - n, fmt, ap);
    snprintf(cmd + n, sizeof cmd - n, ") 2>&1");
    va_end(ap);
    FILE *p = popen(cmd, "r");
    size_t len = 0, cap = 4096;
    char *out = malloc(cap);
    out[0] = '\0';
    while (p && fgets(line, sizeof line, p)) {
        size_t l = strlen(line);
        if (len + l + 1 > cap)
            out = realloc(out, cap = 2 * cap + l);
        memcpy(out + len, line, l + 1);
        len += l;
    }
    int status = p ? pclose(p) : -1;
    *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

/* A command that must succeed; its output is discarded. */
static void must(const char *what, const char *cmd)
{
    int rc;
    char *out = run(&rc, "%s", cmd);
    if (rc != 0) {
        fprintf(stderr, "%s failed (%d):\n%s\n", what, rc, out);
        failures++;
    }
    free(out);
}

/* cckdcdsk in read-only mode reports nothing for a sound image. */
static void cckdcdsk_clean(const char *file, int level)
{
    int rc;
    char *out = run(&rc, "cckdcdsk -ro -%d %s", level, file);
    if (rc != 0 || strstr(out, "HHCCU")) {
        fprintf(stderr, "cckdcdsk -%d %s:\n%s\n", level, file, out);
        failures++;
    }
    free(out);
}

static struct device *open_dev(const char *type, const char *file, const char *opts)
{
    char err[512], args[600];
    snprintf(args, sizeof args, "%s %s", devtest_path(file), opts ? opts : "");
    struct device *d = device_create(type, 0x0100, args, err, sizeof err);
    if (!d) {
        fprintf(stderr, "%s\n", err);
        failures++;
    }
    return d;
}

/* ---- CKD helpers ---- */

static uint8_t seek_arg[6];
static uint8_t *seek_to(uint16_t cyl, uint16_t head)
{
    memset(seek_arg, 0, sizeof seek_arg);
    put_be16(seek_arg + 2, cyl);
    put_be16(seek_arg + 4, head);
    return seek_arg;
}

/* Read the data of the record with key (EBCDIC) on a track, the classic
   way: SEEK, SEARCH KEY EQUAL, TIC *-8, READ DATA. */
static uint8_t read_keyed(struct device *d, uint16_t cyl, uint16_t head, const uint8_t *key,
                          uint32_t kl, uint8_t *data, uint32_t count)
{
    struct devtest_ccw p[] = { { 0x07, seek_to(cyl, head), 6 }, { 0x29, (void *)key, kl },
                               { 0x08, NULL, 1 }, { 0x06, data, count } };
    uint8_t st;
    devtest_chain(d, p, 4, &st, NULL);
    return st;
}

static void volser_is(struct device *d, const char *want)
{
    uint8_t key[4], vol1[80];
    char text[11] = { 0 };
    ebcdic_from_ascii(key, "VOL1", 4);
    CHECK(read_keyed(d, 0, 0, key, 4, vol1, 80) == OK);
    ascii_from_ebcdic(text, vol1, 10);
    CHECK(!strncmp(text, "VOL1", 4) && !strncmp(text + 4, want, 6));
}

/* Format track (cyl, head) with n records of dl bytes filled from fill,
   after R0, through Define Extent and Locate Record. */
static void format_track(struct device *d, uint16_t cyl, uint16_t head, int n, uint16_t dl,
                         uint8_t fill)
{
    uint8_t x[16] = { 0xC0, 0xC0 }, l[16] = { 0x03, 0, 0, (uint8_t)n };
    put_be16(x + 8, cyl);
    put_be16(x + 10, head);
    put_be16(x + 12, cyl);
    put_be16(x + 14, head);
    put_be16(l + 4, cyl);
    put_be16(l + 6, head);
    put_be16(l + 8, cyl);
    put_be16(l + 10, head);
    l[13] = 0xFF;
    struct devtest_ccw p[2 + 64] = { { 0x63, x, 16 }, { 0x47, l, 16 } };
    static uint8_t rec[64][8 + 8192];
    for (int i = 0; i < n; i++) {
        put_be16(rec[i], cyl);
        put_be16(rec[i] + 2, head);
        rec[i][4] = (uint8_t)(i + 1);
        rec[i][5] = 0;
        put_be16(rec[i] + 6, dl);
        for (uint32_t k = 0; k < dl; k++)
            rec[i][8 + k] = (uint8_t)(fill + i + k / 3);
        p[2 + i] = (struct devtest_ccw){ 0x1D, rec[i], 8u + dl };
    }
    uint8_t st;
    devtest_chain(d, p, 2 + n, &st, NULL);
    CHECK(st == OK);
}

/* Every track of a compressed image equals its slot in a plain image. */
static void same_tracks(const char *cckd_file, const char *ckd_file)
{
    struct ckd_image a;
    char err[512];
    if (!ckd_image_open(&a, devtest_path(cckd_file), true, IMG_SYNC_NONE, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        failures++;
        return;
    }
    uint8_t *d;
    size_t n;
    CHECK(devtest_read(devtest_path(ckd_file), &d, &n));
    CHECK(n == CKD_DEVHDR_SIZE + (size_t)a.tracks * a.trksize);
    uint8_t *t = malloc(a.trksize);
    for (uint32_t i = 0; i < a.tracks && n >= CKD_DEVHDR_SIZE + (size_t)(i + 1) * a.trksize; i++) {
        uint32_t len;
        CHECK(ckd_image_read(&a, i, t, &len));
        if (memcmp(t, d + CKD_DEVHDR_SIZE + (size_t)i * a.trksize, len)) {
            fprintf(stderr, "track %u differs between %s and %s\n", i, cckd_file, ckd_file);
            failures++;
        }
    }
    free(t);
    free(d);
    ckd_image_close(&a);
}

/* ---- cases ---- */

/* Hercules' dasdinit creates volumes our 3390 reads and writes; Hercules
   still reads them afterwards. */
static int ckd_dasdinit(void)
{
    if (!have("dasdinit") || !have("cckdcdsk") || !have("cckd2ckd"))
        return SKIP;
    must("dasdinit -z", "dasdinit -z h.cckd 3390 HERC01 5");
    must("dasdinit", "dasdinit h.ckd 3390 HERC02 5");
    struct device *d = open_dev("3390", "h.cckd", "sync=none");
    struct device *e = open_dev("3390", "h.ckd", "sync=none");
    if (!d || !e)
        return 1;
    volser_is(d, "HERC01");
    volser_is(e, "HERC02");
    for (int h = 0; h < 15; h++)
        format_track(d, 2, (uint16_t)h, 7, 4000, (uint8_t)h);
    format_track(e, 4, 14, 12, 4096, 0x40);
    device_destroy(d);
    device_destroy(e);
    cckdcdsk_clean("h.cckd", 2);
    must("cckd2ckd", "cckd2ckd h.cckd h2.ckd");
    same_tracks("h.cckd", "h2.ckd");
    must("ckd2cckd", "ckd2cckd h.ckd h2.cckd");
    same_tracks("h2.cckd", "h.ckd");
    return failures ? 1 : 0;
}

/* vm390 mkdisk images pass cckdcdsk; cckd2ckd turns the compressed one
   into the plain one byte for byte, also after many track rewrites. */
static int ckd_mkdisk(void)
{
    if (!have("cckdcdsk") || !have("cckd2ckd"))
        return SKIP;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s mkdisk -c 20 m.ckd 3390-1 MINE01 && %s mkdisk -z -c 20 m.cckd 3390-1 MINE01",
             vm390, vm390);
    must("vm390 mkdisk", cmd);
    cckdcdsk_clean("m.cckd", 3);
    must("cckd2ckd", "cckd2ckd m.cckd m2.ckd && cmp m.ckd m2.ckd");
    struct device *d = open_dev("3390", "m.cckd", "sync=none");
    if (!d)
        return 1;
    for (int round = 0; round < 6; round++)
        for (int h = 0; h < 15; h++)
            format_track(d, (uint16_t)(3 + round % 2), (uint16_t)h, 1 + (round + h) % 9,
                         (uint16_t)(500 + 700 * round), (uint8_t)(round * 16 + h));
    /* a copy taken while the image is open is what a crash leaves: Hercules
       repairs its header and sees the same tracks */
    must("copy", "cp m.cckd crash.cckd");
    device_destroy(d);
    must("cckdcdsk repair", "cckdcdsk -3 crash.cckd >/dev/null; cckd2ckd crash.cckd crash.ckd");
    same_tracks("m.cckd", "crash.ckd");
    cckdcdsk_clean("m.cckd", 3);
    must("cckd2ckd", "cckd2ckd m.cckd m3.ckd");
    same_tracks("m.cckd", "m3.ckd");

    /* a big-endian compressed image (cckdswap) is read and updated in its
       own byte order */
    must("cckdswap", "cp m.cckd be.cckd && cckdswap be.cckd");
    same_tracks("be.cckd", "m3.ckd");
    d = open_dev("3390", "be.cckd", "sync=none");
    if (!d)
        return 1;
    format_track(d, 7, 7, 3, 3000, 0x77);
    device_destroy(d);
    cckdcdsk_clean("be.cckd", 3);
    must("cckdswap back", "cckdswap be.cckd && cckd2ckd be.cckd be.ckd");
    same_tracks("be.cckd", "be.ckd");
    return failures ? 1 : 0;
}

/* A dataset loaded by dasdload is found through VOL1, the VTOC and its
   format-1 DSCB, rewritten through Locate Record, and read back by
   Hercules' dasdseq. */
static void dsname_key(uint8_t *key, const char *name)
{
    char text[45];
    snprintf(text, sizeof text, "%-44s", name);
    ebcdic_from_ascii(key, text, 44);
}

static int ckd_dasdload(void)
{
    if (!have("dasdload") || !have("dasdseq") || !have("cckdcdsk"))
        return SKIP;
    uint8_t block[4 * 80];
    char text[4 * 80 + 1];
    for (int i = 0; i < 4; i++)
        snprintf(text + 80 * i, 81, "RECORD %d FROM THE HOST%-57s", i + 1, "");
    ebcdic_from_ascii(block, text, sizeof block);
    CHECK(devtest_write(devtest_path("data.bin"), block, sizeof block));
    const char *ctl = "TEST01 3390-1 *\nMY.DATA SEQ data.bin TRK 1 0 0 PS FB 80 3120\n";
    CHECK(devtest_write(devtest_path("ctl.txt"), ctl, strlen(ctl)));
    must("dasdload", "dasdload -z ctl.txt vol.cckd 0");
    struct device *d = open_dev("3390", "vol.cckd", NULL);
    if (!d)
        return 1;
    uint8_t key[44], vol1[80], dscb[96];
    ebcdic_from_ascii(key, "VOL1", 4);
    CHECK(read_keyed(d, 0, 0, key, 4, vol1, sizeof vol1) == OK);
    uint16_t vcyl = be16(vol1 + 11), vhead = be16(vol1 + 13);
    dsname_key(key, "MY.DATA");
    CHECK(read_keyed(d, vcyl, vhead, key, 44, dscb, sizeof dscb) == OK);
    CHECK(dscb[0] == 0xF1);                         /* format-1 DSCB */
    const uint8_t *ext = dscb + 105 - 44;           /* first extent */
    uint16_t cyl = be16(ext + 2), head = be16(ext + 4);
    /* Define Extent over the data set, Locate Record to its R1, read, rewrite */
    uint8_t x[16] = { 0x80, 0xC0 }, l[16] = { 0x06, 0, 0, 1 }, back[4 * 80];
    memcpy(x + 8, ext + 2, 4);
    memcpy(x + 12, ext + 6, 4);
    put_be16(l + 4, cyl);
    put_be16(l + 6, head);
    put_be16(l + 8, cyl);
    put_be16(l + 10, head);
    l[12] = 1;
    l[13] = 0xFF;
    struct devtest_ccw r[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x86, back, sizeof back } };
    uint8_t st;
    devtest_chain(d, r, 3, &st, NULL);
    CHECK(st == OK && !memcmp(back, block, sizeof block));
    for (int i = 0; i < 4; i++)
        snprintf(text + 80 * i, 81, "RECORD %d REWRITTEN BY VM390%-52s", i + 1, "");
    ebcdic_from_ascii(block, text, sizeof block);
    l[0] = 0x01;                                    /* write data */
    l[1] = 0x80;                                    /* transfer length factor valid */
    put_be16(l + 14, sizeof block);
    struct devtest_ccw w[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x85, block, sizeof block } };
    devtest_chain(d, w, 3, &st, NULL);
    CHECK(st == OK);
    device_destroy(d);
    cckdcdsk_clean("vol.cckd", 2);
    must("dasdseq", "dasdseq vol.cckd MY.DATA");
    uint8_t *out;
    size_t n;
    CHECK(devtest_read(devtest_path("MY.DATA"), &out, &n));
    CHECK(n >= sizeof block && !memcmp(out, block, sizeof block));
    free(out);
    return failures ? 1 : 0;
}

/* FBA: Hercules' compressed 3370 written through our device and expanded
   by cfba2fba; our plain image compressed by fba2cfba and read by us. */
static int fba_images(void)
{
    if (!have("dasdinit") || !have("cfba2fba") || !have("fba2cfba") || !have("cckdcdsk"))
        return SKIP;
    must("dasdinit -z", "dasdinit -z f.cfba 3370 FBA001 3000");
    struct device *d = open_dev("3370", "f.cfba", "sync=none");
    if (!d)
        return 1;
    static uint8_t data[300 * 512];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i / 512 + i % 251);
    uint8_t x[16] = { 0xC0 }, l[8] = { 0x01 };
    put_be32(x + 12, 2999);
    put_be16(l + 2, 300);
    put_be32(l + 4, 100);
    struct devtest_ccw w[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x41, data, sizeof data } };
    uint8_t st;
    devtest_chain(d, w, 3, &st, NULL);
    CHECK(st == OK);
    device_destroy(d);
    cckdcdsk_clean("f.cfba", 3);
    must("cfba2fba", "cfba2fba f.cfba f.fba");
    uint8_t *img;
    size_t n;
    CHECK(devtest_read(devtest_path("f.fba"), &img, &n));
    CHECK(n == 3000 * 512 && !memcmp(img + 100 * 512, data, sizeof data));
    free(img);
    must("fba2cfba", "fba2cfba f.fba g.cfba");
    struct fba_image g;
    char err[512];
    static uint8_t back[300 * 512];
    CHECK(fba_image_open(&g, devtest_path("g.cfba"), true, IMG_SYNC_NONE, err, sizeof err));
    CHECK(g.blocks == 3000 && fba_image_read(&g, 100, 300, back));
    CHECK(!memcmp(back, data, sizeof data));
    fba_image_close(&g);
    return failures ? 1 : 0;
}

/* Tapes: hetinit's labels read through our 3480; blocks we write (HET and
   AWS) mapped by hetmap / tapemap and recompressed by hetupd. */
static const uint32_t sizes[] = { 80, 4000, 65535, 30000, 1 };

static void fill_block(uint8_t *b, uint32_t n, int i)
{
    for (uint32_t k = 0; k < n; k++)
        b[k] = i == 3 ? (uint8_t)(k * 2654435761u >> 24) : (uint8_t)('A' + (k + i) % 7);
}

static void write_blocks(const char *file, const char *opts)
{
    struct device *d = open_dev("3480", file, opts);
    if (!d)
        return;
    static uint8_t b[70000];
    for (int i = 0; i < 5; i++) {
        fill_block(b, sizes[i], i);
        CHECK(devtest_cmd(d, 0x01, b, sizes[i], false, NULL) == OK);
    }
    CHECK(devtest_cmd(d, 0x1F, NULL, 0, false, NULL) == OK);
    CHECK(devtest_cmd(d, 0x1F, NULL, 0, false, NULL) == OK);
    device_destroy(d);
}

static void read_blocks(const char *file)
{
    struct device *d = open_dev("3480", file, "ro");
    if (!d)
        return;
    static uint8_t b[70000], want[70000];
    for (int i = 0; i < 5; i++) {
        uint32_t res;
        fill_block(want, sizes[i], i);
        CHECK(devtest_cmd(d, 0x02, b, sizeof b, false, &res) == OK);
        if (res != sizeof b - sizes[i] || memcmp(b, want, sizes[i]))
            fprintf(stderr, "%s block %d: %u bytes, want %u\n", file, i, (unsigned)(sizeof b - res),
                    sizes[i]);
        CHECK(res == sizeof b - sizes[i] && !memcmp(b, want, sizes[i]));
    }
    CHECK(devtest_cmd(d, 0x02, b, sizeof b, false, NULL) == (OK | US_UE));
    device_destroy(d);
}

static int tapes(void)
{
    if (!have("hetinit") || !have("hetmap") || !have("tapemap") || !have("hetupd"))
        return SKIP;
    must("hetinit", "hetinit t.het TAPE01 OWNER1");
    struct device *d = open_dev("3480", "t.het", "ro");
    if (!d)
        return 1;
    uint8_t b[80];
    char text[81] = { 0 };
    CHECK(devtest_cmd(d, 0x02, b, 80, false, NULL) == OK);
    ascii_from_ebcdic(text, b, 80);
    CHECK(!strncmp(text, "VOL1TAPE01", 10));
    CHECK(devtest_cmd(d, 0x02, b, 80, false, NULL) == OK);
    CHECK(devtest_cmd(d, 0x02, b, 80, false, NULL) == (OK | US_UE));
    device_destroy(d);

    write_blocks("w.het", "sync=none");
    write_blocks("w.aws", "sync=none compress=no");
    const char *want = "File 1: Blocks=5, block size min=1, max=65535";
    int rc;
    char *out = run(&rc, "hetmap -t w.het");
    CHECK(rc == 0 && strstr(out, want));
    if (!strstr(out, want))
        fprintf(stderr, "hetmap:\n%s\n", out);
    free(out);
    out = run(&rc, "tapemap w.aws");
    CHECK(rc == 0 && strstr(out, want));
    free(out);
    /* Hercules rewrites our tapes: decompressed, compressed afresh, and
       cut into 4 KiB chunks */
    must("hetupd", "hetupd -d w.het u.aws && hetupd -z w.aws u.het && hetupd -d -c 4096 w.het c.het");
    read_blocks("u.aws");
    read_blocks("u.het");
    read_blocks("c.het");
    read_blocks("w.het");
    return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: interop_tests CASE VM390\n");
        return 2;
    }
    vm390 = argv[2];
    devtest_quiet();
    static const struct {
        const char *name;
        int (*fn)(void);
    } cases[] = {
        { "ckd-dasdinit", ckd_dasdinit }, { "ckd-mkdisk", ckd_mkdisk },
        { "ckd-dasdload", ckd_dasdload }, { "fba", fba_images }, { "tape", tapes },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (!strcmp(argv[1], cases[i].name)) {
            int rc = cases[i].fn();
            if (rc == SKIP)
                printf("skipped: a Hercules tool is not installed\n");
            else if (failures)
                fprintf(stderr, "last device message: %s\n", devtest_last_log());
            devtest_cleanup();
            return rc;
        }
    fprintf(stderr, "interop_tests: unknown case %s\n", argv[1]);
    return 2;
}

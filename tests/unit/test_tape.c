/*
 * 3480/3490 tape drives on AWS and HET images: blocks, tape marks,
 * spacing, load point and end of tape, sense, and the image layout
 * (6-byte chunk headers, HET zlib chunks).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "dat/storage.h"
#include "devices/device.h"
#include "devices/ebcdic.h"
#include "devices/tape.h"
#include "devices/tape_image.h"
#include "devtest.h"
#include "unit.h"

#define OK (US_CE | US_DE)

static struct device *drive(const char *type, const char *name, const char *extra)
{
    char err[512], args[600];
    remove(devtest_path(name));
    devtest_write(devtest_path(name), "", 0);
    snprintf(args, sizeof args, "%s sync=none %s", devtest_path(name), extra ? extra : "");
    struct device *d = device_create(type, 0x0580, args, err, sizeof err);
    if (!d)
        fprintf(stderr, "%s\n", err);
    return d;
}

static uint8_t cmd(struct device *d, uint8_t code, void *data, uint32_t count, uint32_t *res)
{
    return devtest_cmd(d, code, data, count, false, res);
}

static void sense(struct device *d, uint8_t *s)
{
    memset(s, 0xEE, 24);
    CU_ASSERT_EQUAL(cmd(d, 0x04, s, 24, NULL), OK);
}

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* Write 3 blocks and a tape mark, then read them back. */
static void test_write_read_aws(void)
{
    struct device *d = drive("3480", "a.aws", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    static uint8_t b1[100], b2[5], b3[65535], back[70000];
    memset(b1, 0x11, sizeof b1);
    memset(b2, 0x22, sizeof b2);
    for (size_t i = 0; i < sizeof b3; i++)
        b3[i] = (uint8_t)i;
    CU_ASSERT_EQUAL(cmd(d, 0x01, b1, sizeof b1, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x01, b2, sizeof b2, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x01, b3, sizeof b3, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x01, back, 65536, NULL), OK | US_UC);  /* longer than a block */
    CU_ASSERT_EQUAL(cmd(d, 0x1F, NULL, 0, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x07, NULL, 0, NULL), OK);
    uint32_t res;
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, sizeof back, &res), OK);
    CU_ASSERT_EQUAL(res, sizeof back - 100);
    CU_ASSERT_EQUAL(back[99], 0x11);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 3, &res), OK);    /* short count: 3 of 5 bytes */
    CU_ASSERT_EQUAL(res, 0);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, sizeof back, &res), OK);
    CU_ASSERT_EQUAL(res, sizeof back - sizeof b3);
    CU_ASSERT_EQUAL(memcmp(back, b3, sizeof b3), 0);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 10, &res), OK | US_UE);   /* the tape mark */
    CU_ASSERT_EQUAL(res, 10);
    uint8_t s[24];
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 10, NULL), OK | US_UC);   /* nothing recorded */
    sense(d, s);
    CU_ASSERT_EQUAL(s[0], 0x08);
    CU_ASSERT_EQUAL(s[3], 0x31);                /* tape void */
    device_destroy(d);

    /* the layout: 6-byte headers with this and the previous chunk's length */
    uint8_t *f;
    size_t n;
    CU_ASSERT_TRUE_FATAL(devtest_read(devtest_path("a.aws"), &f, &n));
    CU_ASSERT_EQUAL(n, 6 + 100 + 6 + 5 + 6 + 65535 + 6);
    CU_ASSERT_EQUAL(rd16(f), 100);
    CU_ASSERT_EQUAL(rd16(f + 2), 0);
    CU_ASSERT_EQUAL(f[4], 0xA0);                /* first and last chunk */
    uint8_t *c3 = f + 6 + 100 + 6 + 5;
    CU_ASSERT_EQUAL(rd16(c3), 65535);
    CU_ASSERT_EQUAL(rd16(c3 + 2), 5);
    uint8_t *tm = c3 + 6 + 65535;
    CU_ASSERT_EQUAL(rd16(tm), 0);
    CU_ASSERT_EQUAL(rd16(tm + 2), 65535);
    CU_ASSERT_EQUAL(tm[4], 0x40);
    free(f);
}

/* A block stored in several chunks (as Hercules writes with a smaller
   chunk size) reads as one, forward and backward. */
static void test_multi_chunk_block(void)
{
    uint8_t f[6 + 60 + 6 + 40 + 6 + 7];
    const uint8_t h1[6] = { 60, 0, 0, 0, 0x80, 0 }, h2[6] = { 40, 0, 60, 0, 0x20, 0 };
    const uint8_t h3[6] = { 7, 0, 40, 0, 0xA0, 0 };
    memcpy(f, h1, 6);
    memset(f + 6, 'a', 60);
    memcpy(f + 66, h2, 6);
    memset(f + 72, 'b', 40);
    memcpy(f + 112, h3, 6);
    memset(f + 118, 'c', 7);
    devtest_write(devtest_path("m.aws"), f, sizeof f);
    char err[256];
    struct device *d = device_create("3480", 1, devtest_path("m.aws"), err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t b[200];
    uint32_t res;
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, sizeof b, &res), OK);
    CU_ASSERT_EQUAL(res, sizeof b - 100);
    CU_ASSERT_EQUAL(b[59], 'a');
    CU_ASSERT_EQUAL(b[60], 'b');
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, sizeof b, &res), OK);
    CU_ASSERT_EQUAL(b[0], 'c');
    CU_ASSERT_EQUAL(cmd(d, 0x27, NULL, 0, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x0C, b, sizeof b, &res), OK);           /* back over both chunks */
    CU_ASSERT_EQUAL(res, sizeof b - 100);
    CU_ASSERT_EQUAL(b[99], 'b');
    device_destroy(d);
}

static void test_het_compression(void)
{
    struct device *d = drive("3490", "c.het", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    static uint8_t text[4000], back[4000];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = "ABCD"[i % 4];
    CU_ASSERT_EQUAL(cmd(d, 0x01, text, sizeof text, NULL), OK);
    device_destroy(d);
    uint8_t *f;
    size_t n;
    CU_ASSERT_TRUE_FATAL(devtest_read(devtest_path("c.het"), &f, &n));
    CU_ASSERT_EQUAL(f[4], 0xA1);                /* one chunk, zlib */
    uLongf out = sizeof back;
    CU_ASSERT_EQUAL(uncompress(back, &out, f + 6, rd16(f)), Z_OK);
    CU_ASSERT_EQUAL(out, sizeof text);
    CU_ASSERT_EQUAL(memcmp(back, text, sizeof text), 0);
    CU_ASSERT_TRUE(n < 200);
    free(f);
    /* read back through a drive */
    char err[256], args[512];
    snprintf(args, sizeof args, "%s ro", devtest_path("c.het"));
    d = device_create("3490", 1, args, err, sizeof err);
    uint32_t res;
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, sizeof back, &res), OK);
    CU_ASSERT_EQUAL(res, 0);
    CU_ASSERT_EQUAL(memcmp(back, text, sizeof text), 0);
    uint8_t s[32];
    CU_ASSERT_EQUAL(cmd(d, 0x01, text, 10, NULL), OK | US_UC);   /* file protected */
    memset(s, 0, sizeof s);
    CU_ASSERT_EQUAL(cmd(d, 0x04, s, 32, &res), OK);
    CU_ASSERT_EQUAL(res, 0);                    /* 3490 sense is 32 bytes */
    CU_ASSERT_EQUAL(s[0], 0x80);
    CU_ASSERT_EQUAL(s[1] & 0x02, 0x02);
    CU_ASSERT_EQUAL(s[3], 0x30);
    device_destroy(d);
}

static void test_spacing_and_load_point(void)
{
    struct device *d = drive("3480", "s.aws", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t b[10], s[24];
    /* file 1: blocks 1 2, TM; file 2: block 3, TM */
    for (int i = 1; i <= 3; i++) {
        memset(b, i, sizeof b);
        cmd(d, 0x01, b, sizeof b, NULL);
        if (i >= 2)
            cmd(d, 0x1F, NULL, 0, NULL);
    }
    cmd(d, 0x07, NULL, 0, NULL);
    sense(d, s);
    CU_ASSERT_EQUAL(s[1] & 0x08, 0x08);         /* at load point */
    CU_ASSERT_EQUAL(cmd(d, 0x27, NULL, 0, NULL), OK | US_UC);    /* backspace at load point */
    sense(d, s);
    CU_ASSERT_EQUAL(s[0], 0);
    CU_ASSERT_EQUAL(s[3], 0x39);
    CU_ASSERT_EQUAL(cmd(d, 0x3F, NULL, 0, NULL), OK);            /* past the first mark */
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, sizeof b, NULL), OK);
    CU_ASSERT_EQUAL(b[0], 3);
    CU_ASSERT_EQUAL(cmd(d, 0x37, NULL, 0, NULL), OK | US_UE);    /* spacing over a mark */
    CU_ASSERT_EQUAL(cmd(d, 0x2F, NULL, 0, NULL), OK);            /* back before it */
    CU_ASSERT_EQUAL(cmd(d, 0x27, NULL, 0, NULL), OK);            /* back over block 3 */
    CU_ASSERT_EQUAL(cmd(d, 0x27, NULL, 0, NULL), OK | US_UE);    /* back over mark 1 */
    CU_ASSERT_EQUAL(cmd(d, 0x0C, b, 4, NULL), OK);               /* read block 2 backward */
    CU_ASSERT_EQUAL(b[0], 2);
    CU_ASSERT_EQUAL(cmd(d, 0x0C, b, 10, NULL), OK);
    CU_ASSERT_EQUAL(b[9], 1);
    CU_ASSERT_EQUAL(cmd(d, 0x0C, b, 10, NULL), OK | US_UC);      /* at load point */
    /* read block id and locate block */
    uint8_t id[8];
    CU_ASSERT_EQUAL(cmd(d, 0x3F, NULL, 0, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x22, id, 8, NULL), OK);
    CU_ASSERT_EQUAL(be32(id), 3);               /* two blocks and a mark behind */
    CU_ASSERT_EQUAL(cmd(d, 0x07, NULL, 0, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x4F, id, 4, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, sizeof b, NULL), OK);
    CU_ASSERT_EQUAL(b[0], 3);
    device_destroy(d);
}

static void test_write_truncates(void)
{
    struct device *d = drive("3480", "t.aws", NULL);
    uint8_t b[10] = { 1 }, back[10];
    cmd(d, 0x01, b, 10, NULL);
    cmd(d, 0x01, b, 10, NULL);
    cmd(d, 0x01, b, 10, NULL);
    cmd(d, 0x07, NULL, 0, NULL);
    cmd(d, 0x37, NULL, 0, NULL);
    b[0] = 9;
    CU_ASSERT_EQUAL(cmd(d, 0x01, b, 10, NULL), OK);   /* overwrites block 2, drops block 3 */
    cmd(d, 0x07, NULL, 0, NULL);
    cmd(d, 0x37, NULL, 0, NULL);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 10, NULL), OK);
    CU_ASSERT_EQUAL(back[0], 9);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 10, NULL), OK | US_UC);
    device_destroy(d);
}

static void test_end_of_tape(void)
{
    struct device *d = drive("3480", "e.aws", "maxsize=4K");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t b[1000] = { 0 }, s[24];
    /* early warning at 2K: the third 1006-byte block passes it */
    CU_ASSERT_EQUAL(cmd(d, 0x01, b, sizeof b, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x01, b, sizeof b, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x01, b, sizeof b, NULL), OK | US_UE);
    CU_ASSERT_EQUAL(cmd(d, 0x1F, NULL, 0, NULL), OK | US_UE);
    CU_ASSERT_EQUAL(cmd(d, 0x01, b, sizeof b, NULL), OK | US_UE);  /* ends at 4030 */
    CU_ASSERT_EQUAL(cmd(d, 0x01, b, sizeof b, NULL), OK | US_UC);  /* would pass 4096 */
    sense(d, s);
    CU_ASSERT_EQUAL(s[0], 0x10);
    CU_ASSERT_EQUAL(s[3], 0x38);                /* physical end of tape */
    device_destroy(d);
    uint8_t *f;
    size_t n;
    devtest_read(devtest_path("e.aws"), &f, &n);
    CU_ASSERT_EQUAL(n, 4 * 1006 + 6);           /* nothing of the refused block */
    free(f);
}

static void test_unload_and_mount(void)
{
    struct device *d = drive("3480", "u.aws", NULL);
    uint8_t s[24];
    CU_ASSERT_EQUAL(cmd(d, 0x0F, NULL, 0, NULL), OK);
    CU_ASSERT_FALSE(tape_loaded(d));
    CU_ASSERT_EQUAL(cmd(d, 0x03, NULL, 0, NULL), OK | US_UC);
    sense(d, s);
    CU_ASSERT_EQUAL(s[0], 0x40);                /* intervention required */
    CU_ASSERT_EQUAL(s[3], 0x43);
    uint8_t id[8];
    CU_ASSERT_EQUAL(cmd(d, 0xE4, id, 8, NULL), OK);
    const uint8_t want[7] = { 0xFF, 0x34, 0x80, 0x01, 0x34, 0x80, 0x01 };
    CU_ASSERT_EQUAL(memcmp(id, want, 7), 0);
    char err[256];
    CU_ASSERT_TRUE(tape_mount(d, devtest_path("u.aws"), err, sizeof err));
    CU_ASSERT_EQUAL(cmd(d, 0x03, NULL, 0, NULL), OK);
    CU_ASSERT_FALSE(tape_mount(d, devtest_path("u.aws"), err, sizeof err));
    device_destroy(d);
    /* a drive created empty */
    d = device_create("3490", 2, "", err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_FALSE(tape_loaded(d));
    device_destroy(d);
}

/* A damaged header is reported with its offset; nothing is written. */
static void test_damaged_image(void)
{
    struct device *d = drive("3480", "d.aws", NULL);
    uint8_t b[50] = { 0 }, back[50];
    cmd(d, 0x01, b, 50, NULL);
    cmd(d, 0x01, b, 50, NULL);
    device_destroy(d);
    uint8_t bad[2] = { 0x33, 0x00 };            /* second header's previous length */
    devtest_patch(devtest_path("d.aws"), 56 + 2, bad, 2);
    uint64_t before = devtest_hash(devtest_path("d.aws"));
    char err[256], args[512];
    snprintf(args, sizeof args, "%s", devtest_path("d.aws"));
    d = device_create("3480", 1, args, err, sizeof err);
    devtest_quiet();
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 50, NULL), OK);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 50, NULL), OK | US_UC);
    CU_ASSERT_PTR_NOT_NULL(strstr(devtest_last_log(), "d.aws: offset 56"));
    device_destroy(d);
    CU_ASSERT_EQUAL(devtest_hash(devtest_path("d.aws")), before);
    /* a file cut inside a block */
    truncate(devtest_path("d.aws"), 80);
    d = device_create("3480", 1, args, err, sizeof err);
    cmd(d, 0x02, back, 50, NULL);
    CU_ASSERT_EQUAL(cmd(d, 0x02, back, 50, NULL), OK | US_UC);
    CU_ASSERT_PTR_NOT_NULL(strstr(devtest_last_log(), "runs past the end"));
    device_destroy(d);
}

static void test_labelled_tape(void)
{
    char err[256];
    remove(devtest_path("l.het"));
    CU_ASSERT_TRUE_FATAL(tape_image_create(devtest_path("l.het"), "TAPE01", "OWNER", true, err,
                                           sizeof err));
    char args[512];
    snprintf(args, sizeof args, "%s", devtest_path("l.het"));
    struct device *d = device_create("3480", 1, args, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t b[80];
    char text[81] = { 0 };
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, 80, NULL), OK);
    ascii_from_ebcdic(text, b, 80);
    CU_ASSERT_EQUAL(strncmp(text, "VOL1TAPE01", 10), 0);
    CU_ASSERT_EQUAL(strncmp(text + 41, "OWNER     ", 10), 0);
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, 80, NULL), OK);
    ascii_from_ebcdic(text, b, 80);
    CU_ASSERT_EQUAL(strncmp(text, "HDR10000", 8), 0);
    CU_ASSERT_EQUAL(cmd(d, 0x02, b, 80, NULL), OK | US_UE);
    device_destroy(d);
}

static void cleanup(void) { devtest_cleanup(); }

UNIT_SUITE(tape)
{
    UNIT_TEST(s, test_write_read_aws);
    UNIT_TEST(s, test_multi_chunk_block);
    UNIT_TEST(s, test_het_compression);
    UNIT_TEST(s, test_spacing_and_load_point);
    UNIT_TEST(s, test_write_truncates);
    UNIT_TEST(s, test_end_of_tape);
    UNIT_TEST(s, test_unload_and_mount);
    UNIT_TEST(s, test_damaged_image);
    UNIT_TEST(s, test_labelled_tape);
    UNIT_TEST(s, cleanup);
}

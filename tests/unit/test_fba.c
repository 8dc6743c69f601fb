/*
 * FBA devices (3370, 9336) on plain and compressed images: Define Extent,
 * Locate, Read, Write, characteristics and identification.
 */
#include <stdlib.h>
#include <string.h>

#include "dat/storage.h"
#include "devices/device.h"
#include "devices/fba.h"
#include "devices/fba_image.h"
#include "devtest.h"
#include "unit.h"

#define OK (US_CE | US_DE)

static struct device *open_fba(const char *type, const char *name, uint32_t blocks,
                               bool compressed, const char *extra)
{
    char err[512], args[600];
    struct fba_create c = { .devtype = 0x3370, .blocks = blocks, .compressed = compressed };
    remove(devtest_path(name));
    if (!fba_image_create(devtest_path(name), &c, err, sizeof err))
        return NULL;
    snprintf(args, sizeof args, "%s sync=none %s", devtest_path(name), extra ? extra : "");
    return device_create(type, 0x0200, args, err, sizeof err);
}

static void extent(uint8_t *p, uint8_t mask, uint32_t origin, uint32_t first, uint32_t last)
{
    memset(p, 0, 16);
    p[0] = mask;
    put_be32(p + 4, origin);
    put_be32(p + 8, first);
    put_be32(p + 12, last);
}

static void locate(uint8_t *p, uint8_t op, uint16_t count, uint32_t block)
{
    memset(p, 0, 8);
    p[0] = op;
    put_be16(p + 2, count);
    put_be32(p + 4, block);
}

static uint8_t sense0(struct device *d)
{
    uint8_t s[24];
    devtest_cmd(d, 0x04, s, sizeof s, false, NULL);
    return s[0];
}

static void write_read(bool compressed)
{
    struct device *d = open_fba("3370", compressed ? "a.cfba" : "a.fba", 1000, compressed, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    static uint8_t out[3 * 512], back[3 * 512];
    for (size_t i = 0; i < sizeof out; i++)
        out[i] = (uint8_t)(i * 7 + 1);
    uint8_t x[16], l[8];
    /* dataset blocks 100-199 start at device block 150; write dataset blocks 118-120 */
    extent(x, 0xC0, 150, 100, 199);
    locate(l, 0x01, 3, 118);
    struct devtest_ccw w[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x41, out, sizeof out } };
    uint8_t st;
    uint32_t res;
    CU_ASSERT_EQUAL(devtest_chain(d, w, 3, &st, &res), 2);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(res, 0);
    /* read them back as device blocks 168-170 through a whole-device extent */
    extent(x, 0x00, 0, 0, 999);
    locate(l, 0x06, 3, 168);
    struct devtest_ccw r[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x42, back, sizeof back } };
    CU_ASSERT_EQUAL(devtest_chain(d, r, 3, &st, &res), 2);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(memcmp(out, back, sizeof out), 0);
    device_destroy(d);
    /* and they are in the image: blocks 168-170 straddle block groups 1 (120-239) */
    struct fba_image img;
    char err[256];
    CU_ASSERT_TRUE_FATAL(fba_image_open(&img, devtest_path(compressed ? "a.cfba" : "a.fba"), true,
                                        IMG_SYNC_NONE, err, sizeof err));
    CU_ASSERT_EQUAL(img.blocks, 1000);
    memset(back, 0, sizeof back);
    CU_ASSERT_TRUE(fba_image_read(&img, 168, 3, back));
    CU_ASSERT_EQUAL(memcmp(out, back, sizeof out), 0);
    fba_image_close(&img);
}

static void test_write_read_plain(void) { write_read(false); }
static void test_write_read_compressed(void) { write_read(true); }

static void test_group_boundary_compressed(void)
{
    struct device *d = open_fba("9336", "g.cfba", 500, true, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    static uint8_t out[4 * 512], back[4 * 512];
    memset(out, 0x5A, sizeof out);
    uint8_t x[16], l[8], st;
    extent(x, 0xC0, 0, 0, 499);
    locate(l, 0x01, 4, 118);                    /* blocks 118-121 cross groups 0 and 1 */
    struct devtest_ccw w[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x41, out, sizeof out } };
    devtest_chain(d, w, 3, &st, NULL);
    CU_ASSERT_EQUAL(st, OK);
    locate(l, 0x06, 4, 118);
    struct devtest_ccw r[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x42, back, sizeof back } };
    devtest_chain(d, r, 3, &st, NULL);
    CU_ASSERT_EQUAL(memcmp(out, back, sizeof back), 0);
    device_destroy(d);
}

static void test_short_write_pads_block(void)
{
    struct device *d = open_fba("3370", "p.fba", 100, false, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t out[700], back[1024], x[16], l[8], st;
    uint32_t res;
    memset(out, 0xFF, sizeof out);
    extent(x, 0xC0, 0, 0, 99);
    locate(l, 0x01, 2, 10);
    struct devtest_ccw w[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x41, out, sizeof out } };
    devtest_chain(d, w, 3, &st, &res);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(res, 0);                    /* 1024 wanted, 700 given: incorrect length */
    locate(l, 0x06, 2, 10);
    struct devtest_ccw r[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x42, back, sizeof back } };
    devtest_chain(d, r, 3, &st, &res);
    CU_ASSERT_EQUAL(back[699], 0xFF);
    CU_ASSERT_EQUAL(back[700], 0x00);
    CU_ASSERT_EQUAL(back[1023], 0x00);
    device_destroy(d);
}

static void test_extent_and_mask_checks(void)
{
    struct device *d = open_fba("3370", "e.fba", 100, false, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t x[16], y[16], l[8], st;
    extent(x, 0x40, 0, 0, 49);                  /* writes inhibited */
    locate(l, 0x01, 1, 0);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x43, l, 8 } };
    devtest_chain(d, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    CU_ASSERT_EQUAL(sense0(d), 0x80);
    extent(x, 0x00, 0, 0, 49);
    locate(l, 0x06, 2, 49);                     /* block 50 is outside the extent */
    devtest_chain(d, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    extent(x, 0x00, 60, 0, 49);                 /* extent larger than the device allows */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x63, x, 16, false, NULL), OK | US_UC);
    extent(x, 0x00, 0, 0, 49);
    extent(y, 0x00, 0, 0, 49);
    struct devtest_ccw two[] = { { 0x63, x, 16 }, { 0x63, y, 16 } };
    devtest_chain(d, two, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);            /* one Define Extent per program */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x43, l, 8, false, NULL), OK | US_UC);    /* no extent */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x42, l, 8, false, NULL), OK | US_UC);    /* no locate */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x99, NULL, 0, false, NULL), OK | US_UC);
    CU_ASSERT_EQUAL(sense0(d), 0x80);
    device_destroy(d);
}

static void test_identification(void)
{
    struct device *d = open_fba("9336", "i.fba", 2000, false, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t id[16], rdc[40];
    uint32_t res;
    CU_ASSERT_EQUAL(devtest_cmd(d, 0xE4, id, sizeof id, false, &res), OK);
    CU_ASSERT_EQUAL(res, sizeof id - 7);
    const uint8_t want[7] = { 0xFF, 0x63, 0x10, 0x01, 0x93, 0x36, 0x00 };
    CU_ASSERT_EQUAL(memcmp(id, want, 7), 0);
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x64, rdc, sizeof rdc, false, &res), OK);
    CU_ASSERT_EQUAL(res, 8);
    CU_ASSERT_EQUAL(rdc[2], 0x21);              /* FBA device class */
    CU_ASSERT_EQUAL(rdc[3], 0x11);
    CU_ASSERT_EQUAL(be16(rdc + 4), 512);
    CU_ASSERT_EQUAL(be32(rdc + 6), 63);
    CU_ASSERT_EQUAL(be32(rdc + 10), 315);
    CU_ASSERT_EQUAL(be32(rdc + 14), 2000);      /* blocks of this image */
    device_destroy(d);
}

static void test_read_ipl(void)
{
    struct device *d = open_fba("3370", "ipl.fba", 100, false, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t block0[512], x[16], l[8], st, next[512];
    memset(block0, 0x42, sizeof block0);
    extent(x, 0xC0, 0, 0, 99);
    locate(l, 0x01, 1, 0);
    struct devtest_ccw w[] = { { 0x63, x, 16 }, { 0x43, l, 8 }, { 0x41, block0, 512 } };
    devtest_chain(d, w, 3, &st, NULL);
    uint8_t ipl[24];
    struct devtest_ccw p[] = { { 0x02, ipl, 24 }, { 0x42, next, 512 } };
    CU_ASSERT_EQUAL(devtest_chain(d, p, 2, &st, NULL), 1);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(ipl[0], 0x42);
    CU_ASSERT_EQUAL(next[0], 0x00);             /* the READ goes on with block 1 */
    device_destroy(d);
}

static void test_readonly_and_errors(void)
{
    struct device *d = open_fba("3370", "ro.fba", 100, false, "ro");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    uint8_t x[16], l[8], st;
    extent(x, 0xC0, 0, 0, 99);
    locate(l, 0x01, 1, 0);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x43, l, 8 } };
    devtest_chain(d, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    device_destroy(d);
    char err[256];
    devtest_write(devtest_path("odd.fba"), "12345", 5);
    devtest_quiet();
    CU_ASSERT_PTR_NULL(device_create("3370", 1, devtest_path("odd.fba"), err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "odd.fba"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "whole number of blocks"));
}

static void cleanup(void) { devtest_cleanup(); }

UNIT_SUITE(fba)
{
    UNIT_TEST(s, test_write_read_plain);
    UNIT_TEST(s, test_write_read_compressed);
    UNIT_TEST(s, test_group_boundary_compressed);
    UNIT_TEST(s, test_short_write_pads_block);
    UNIT_TEST(s, test_extent_and_mask_checks);
    UNIT_TEST(s, test_identification);
    UNIT_TEST(s, test_read_ipl);
    UNIT_TEST(s, test_readonly_and_errors);
    UNIT_TEST(s, cleanup);
}

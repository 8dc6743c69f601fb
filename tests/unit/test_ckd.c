/*
 * The CKD device, command by command, through device_ops on temporary
 * images.  Expected bytes come from the 3390 / 3990 definitions: SENSE ID
 * and RDC layouts, sense byte 0/1/7 meanings, the capacity formula.
 */
#include <stdlib.h>
#include <string.h>

#include "dat/storage.h"
#include "devices/ckd.h"
#include "devices/ckd_image.h"
#include "devices/device.h"
#include "devices/ebcdic.h"
#include "devtest.h"
#include "unit.h"

#define OK (US_CE | US_DE)

static struct device *dev;
static const char *volname;

/* A 10-cylinder 3390 volume (labelled unless volser is NULL). */
static struct device *open_volume(const char *name, bool compressed, const char *volser,
                                  const char *extra)
{
    char err[512], args[600];
    struct ckd_create c = { .devtype = 0x3390, .cyls = 10, .compressed = compressed,
                            .volser = volser };
    volname = name;
    remove(devtest_path(name));
    if (!ckd_image_create(devtest_path(name), &c, err, sizeof err))
        return NULL;
    snprintf(args, sizeof args, "%s sync=none %s", devtest_path(name), extra ? extra : "");
    return device_create("3390", 0x0190, args, err, sizeof err);
}

static void setup(void) { dev = open_volume("v.ckd", false, "TEST01", NULL); }
static void teardown(void)
{
    device_destroy(dev);
    dev = NULL;
}

/* One command as a channel program of its own. */
static uint8_t one(uint8_t code, void *data, uint32_t count, uint32_t *res)
{
    struct devtest_ccw p[] = { { code, data, count } };
    uint8_t st;
    devtest_chain(dev, p, 1, &st, res);
    return st;
}

static void sense(uint8_t *s)
{
    memset(s, 0xEE, 32);
    CU_ASSERT_EQUAL(one(0x04, s, 32, NULL), OK);
}

static uint8_t seek_arg[6];
static uint8_t *seek_to(uint16_t cyl, uint16_t head)
{
    memset(seek_arg, 0, 6);
    put_be16(seek_arg + 2, cyl);
    put_be16(seek_arg + 4, head);
    return seek_arg;
}

static void cchhr(uint8_t *p, uint16_t cyl, uint16_t head, uint8_t rec)
{
    put_be16(p, cyl);
    put_be16(p + 2, head);
    p[4] = rec;
}

/* Define Extent: mask, ECKD mode, whole volume unless a range is given. */
static void dx(uint8_t *p, uint8_t mask, uint16_t bc, uint16_t bh, uint16_t ec, uint16_t eh)
{
    memset(p, 0, 16);
    p[0] = mask;
    p[1] = 0xC0;
    put_be16(p + 8, bc);
    put_be16(p + 10, bh);
    put_be16(p + 12, ec);
    put_be16(p + 14, eh);
}

static void lr(uint8_t *p, uint8_t op, uint8_t count, uint16_t cyl, uint16_t head, uint8_t rec,
               uint16_t tlf)
{
    memset(p, 0, 16);
    p[0] = op;
    p[1] = tlf ? 0x80 : 0;
    p[3] = count;
    put_be16(p + 4, cyl);
    put_be16(p + 6, head);
    cchhr(p + 8, cyl, head, rec);
    p[13] = 0xFF;
    put_be16(p + 14, tlf);
}

/* The VOL1 label data of the test volume. */
static void expect_vol1(const uint8_t *data)
{
    char text[11] = { 0 };
    ascii_from_ebcdic(text, data, 10);
    CU_ASSERT_STRING_EQUAL(text, "VOL1TEST01");
}

/* ---- identification ---- */

static void test_sense_id(void)
{
    uint8_t b[32];
    uint32_t res;
    CU_ASSERT_EQUAL(one(0xE4, b, sizeof b, &res), OK);
    const uint8_t want[12] = { 0xFF, 0x39, 0x90, 0xC2, 0x33, 0x90, 0x02, 0x00,
                               0x40, 0xFA, 0x01, 0x00 };   /* CIW: RCD, 256 bytes */
    CU_ASSERT_EQUAL(memcmp(b, want, 12), 0);
    CU_ASSERT_EQUAL(res, 20);
}

static void test_rdc(void)
{
    uint8_t b[64];
    CU_ASSERT_EQUAL(one(0x64, b, sizeof b, NULL), OK);
    CU_ASSERT_EQUAL(be16(b), 0x3990);
    CU_ASSERT_EQUAL(be16(b + 3), 0x3390);
    CU_ASSERT_EQUAL(b[5], 0x02);
    CU_ASSERT_EQUAL(b[10], 0x20);
    CU_ASSERT_EQUAL(b[11], 0x26);
    CU_ASSERT_EQUAL(be16(b + 12), 10);
    CU_ASSERT_EQUAL(be16(b + 14), 15);
    CU_ASSERT_EQUAL(b[16], 224);
    CU_ASSERT_EQUAL(be16(b + 18), 58786);
    CU_ASSERT_EQUAL(be16(b + 20), 1428);
    const uint8_t factors[6] = { 2, 34, 19, 9, 6, 116 };
    CU_ASSERT_EQUAL(memcmp(b + 22, factors, 6), 0);
    CU_ASSERT_EQUAL(be16(b + 44), 57326);
    CU_ASSERT_EQUAL(b[48], 6);
    CU_ASSERT_EQUAL(be16(b + 49), 0x7708);
    CU_ASSERT_EQUAL(be32(b + 60), 10);
}

static void test_rcd_and_nop(void)
{
    uint8_t b[256];
    uint32_t res;
    CU_ASSERT_EQUAL(one(0xFA, b, sizeof b, &res), OK);
    CU_ASSERT_EQUAL(res, 0);
    char type[7] = { 0 };   /* the NED type field has six digits */
    ascii_from_ebcdic(type, b + 4, 6);
    CU_ASSERT_STRING_EQUAL(type, "003390");
    CU_ASSERT_EQUAL(one(0x03, NULL, 1, NULL), OK);
}

/* ---- classic search / read ---- */

static void test_search_id_read_kd(void)
{
    uint8_t id[5], kd[84];
    cchhr(id, 0, 0, 3);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x0E, kd, sizeof kd } };
    uint8_t st;
    uint32_t res;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, &res), 3);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(res, 0);
    char text[11] = { 0 };
    ascii_from_ebcdic(text, kd, 10);
    CU_ASSERT_STRING_EQUAL(text, "VOL1VOL1TE");      /* key VOL1, then the label */
}

static void test_search_id_not_found(void)
{
    uint8_t id[5], s[32];
    cchhr(id, 0, 0, 9);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x06, NULL, 0 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, NULL), 1);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0);
    CU_ASSERT_EQUAL(s[1], 0x08);                /* no record found */
    CU_ASSERT_EQUAL(be16(s + 29), 0);           /* cylinder 0 */
    CU_ASSERT_EQUAL(s[31], 0);                  /* head 0 */
}

static void test_search_key_read_data(void)
{
    uint8_t key[4], data[80];
    ebcdic_from_ascii(key, "VOL1", 4);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x29, key, 4 }, { 0x08, NULL, 1 },
                               { 0x06, data, sizeof data } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(st, OK);
    expect_vol1(data);
}

static void test_search_high(void)
{
    /* SEARCH ID HIGH with 0,0,1 is satisfied by record 2 first */
    uint8_t id[5], count[8];
    cchhr(id, 0, 0, 1);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x51, id, 5 }, { 0x08, NULL, 1 },
                               { 0x12, count, 8 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(count[4], 3);               /* search stopped at R2, READ COUNT gives R3 */
}

static void test_read_count_index(void)
{
    uint8_t c[6][8], s[32];
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x12, c[0], 8 }, { 0x12, c[1], 8 },
                               { 0x12, c[2], 8 }, { 0x12, c[3], 8 }, { 0x12, c[4], 8 },
                               { 0x12, c[5], 8 }, { 0x12, c[5], 8 } };
    uint8_t st;
    /* R1 R2 R3, index, R1 R2 R3 again, then the second index: no record found */
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 8, &st, NULL), 7);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    CU_ASSERT_EQUAL(c[0][4], 1);
    CU_ASSERT_EQUAL(c[2][4], 3);
    CU_ASSERT_EQUAL(c[3][4], 1);
    CU_ASSERT_EQUAL(c[0][5], 4);                /* key length */
    CU_ASSERT_EQUAL(be16(c[0] + 6), 24);        /* IPL1 data length */
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x08);
}

static void test_read_r0_ha_ckd(void)
{
    uint8_t r0[16], ha[5], ckd[100];
    struct devtest_ccw p[] = { { 0x07, seek_to(3, 7), 6 }, { 0x1A, ha, 5 }, { 0x16, r0, 16 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 3, &st, NULL), 2);
    CU_ASSERT_EQUAL(st, OK);
    const uint8_t want_ha[5] = { 0, 0, 3, 0, 7 };
    const uint8_t want_r0[16] = { 0, 3, 0, 7, 0, 0, 0, 8 };
    CU_ASSERT_EQUAL(memcmp(ha, want_ha, 5), 0);
    CU_ASSERT_EQUAL(memcmp(r0, want_r0, 16), 0);
    struct devtest_ccw q[] = { { 0x07, seek_to(0, 0), 6 }, { 0x1E, ckd, sizeof ckd } };
    uint32_t res;
    CU_ASSERT_EQUAL(devtest_chain(dev, q, 2, &st, &res), 1);
    CU_ASSERT_EQUAL(ckd[4], 1);                 /* IPL1: 8 + 4 + 24 bytes */
    CU_ASSERT_EQUAL(res, sizeof ckd - 36);
}

static void test_read_multiple_ckd(void)
{
    uint8_t b[400];
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x5E, b, sizeof b } };
    uint8_t st;
    uint32_t res;
    devtest_chain(dev, p, 2, &st, &res);
    CU_ASSERT_EQUAL(st, OK);
    /* R1 (36) + R2 (156) + R3 (92) bytes, R0 not included */
    CU_ASSERT_EQUAL(res, sizeof b - 284);
    CU_ASSERT_EQUAL(b[4], 1);
    CU_ASSERT_EQUAL(b[36 + 4], 2);
    CU_ASSERT_EQUAL(b[36 + 156 + 4], 3);
}

static void test_short_read_incorrect_length(void)
{
    uint8_t data[10];
    uint8_t id[5];
    cchhr(id, 0, 0, 3);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x06, data, sizeof data } };
    uint8_t st;
    uint32_t res;
    devtest_chain(dev, p, 4, &st, &res);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(res, 0);                    /* 80 offered, 10 taken: more data */
}

static void test_unpositioned_read_rejected(void)
{
    uint8_t data[8], s[32];
    CU_ASSERT_EQUAL(one(0x06, data, sizeof data, NULL), OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x80);
    CU_ASSERT_EQUAL(s[7], 0x02);                /* format 0, invalid sequence */
}

static void test_invalid_command(void)
{
    uint8_t s[32];
    CU_ASSERT_EQUAL(one(0x2B, NULL, 0, NULL), OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x80);
    CU_ASSERT_EQUAL(s[7], 0x01);
    CU_ASSERT_EQUAL(s[27], 0x80);
}

static void test_sense_clears(void)
{
    uint8_t s[32];
    one(0x2B, NULL, 0, NULL);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x80);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0);
    CU_ASSERT_EQUAL(s[7], 0);
}

static void test_multitrack_read(void)
{
    uint8_t s[32], c[8];
    /* track 0/14 holds only R0: READ COUNT MT goes on to cylinder 1 head 0
       when the volume allows; at the last head the cylinder ends */
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 14), 6 }, { 0x92, c, 8 } };
    uint8_t st;
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x20);                /* end of cylinder */
    /* from head 0 of an empty cylinder it would go on; the image ends the
       walk at head 14 with end of cylinder as well */
    struct devtest_ccw q[] = { { 0x07, seek_to(2, 13), 6 }, { 0x92, c, 8 } };
    devtest_chain(dev, q, 2, &st, NULL);
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x20);
    CU_ASSERT_EQUAL(s[31], 14);
}

/* ---- classic formatting and updates ---- */

static uint8_t record(uint8_t *buf, uint16_t cyl, uint16_t head, uint8_t rec, uint8_t kl,
                      uint16_t dl, uint8_t fill)
{
    cchhr(buf, cyl, head, rec);
    buf[5] = kl;
    put_be16(buf + 6, dl);
    memset(buf + 8, fill, kl + dl);
    return fill;
}

static void test_write_ckd_and_read_back(void)
{
    static uint8_t r1[8 + 4 + 100], r2[8 + 0 + 5000], back[5000];
    uint8_t id0[5], id2[5];
    record(r1, 1, 2, 1, 4, 100, 0x11);
    record(r2, 1, 2, 2, 0, 5000, 0x22);
    cchhr(id0, 1, 2, 0);
    cchhr(id2, 1, 2, 2);
    struct devtest_ccw p[] = { { 0x07, seek_to(1, 2), 6 }, { 0x31, id0, 5 }, { 0x08, NULL, 1 },
                               { 0x1D, r1, sizeof r1 }, { 0x1D, r2, sizeof r2 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 5, &st, NULL), 4);
    CU_ASSERT_EQUAL(st, OK);
    struct devtest_ccw q[] = { { 0x07, seek_to(1, 2), 6 }, { 0x31, id2, 5 }, { 0x08, NULL, 1 },
                               { 0x06, back, sizeof back } };
    CU_ASSERT_EQUAL(devtest_chain(dev, q, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(back[0], 0x22);
    CU_ASSERT_EQUAL(back[4999], 0x22);
    /* the data reached the image when the program ended */
    struct ckd_image img;
    char err[256];
    CU_ASSERT_TRUE_FATAL(ckd_image_open(&img, devtest_path(volname), true, IMG_SYNC_NONE, err, sizeof err));
    uint8_t *t = malloc(img.trksize);
    uint32_t len;
    CU_ASSERT_TRUE(ckd_image_read(&img, 1 * 15 + 2, t, &len));
    CU_ASSERT_EQUAL(len, 5 + 16 + sizeof r1 + sizeof r2 + 8);
    CU_ASSERT_EQUAL(memcmp(t + 21, r1, sizeof r1), 0);
    free(t);
    ckd_image_close(&img);
}

static void test_write_data_update(void)
{
    uint8_t id[5], data[80], back[80];
    cchhr(id, 0, 0, 3);
    memset(data, 0x5C, sizeof data);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x05, data, sizeof data } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(st, OK);
    struct devtest_ccw q[] = { { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x06, back, sizeof back } };
    devtest_chain(dev, q, 4, &st, NULL);
    CU_ASSERT_EQUAL(memcmp(back, data, 80), 0);
}

static void test_write_without_search_rejected(void)
{
    uint8_t r[16], s[32];
    record(r, 0, 1, 1, 0, 8, 0);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 1), 6 }, { 0x1D, r, sizeof r } };
    uint8_t st;
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x80);
    CU_ASSERT_EQUAL(s[7], 0x02);
}

/* 3390 capacity: twelve 4096-byte records fit a track, a thirteenth does not. */
static void test_track_capacity(void)
{
    static uint8_t r[13][8 + 4096];
    uint8_t ha[4] = { 0, 4, 0, 0 }, s[32];
    struct devtest_ccw p[16] = { { 0x07, seek_to(4, 0), 6 }, { 0x39, ha, 4 }, { 0x08, NULL, 1 } };
    uint8_t r0[16];
    record(r0, 4, 0, 0, 0, 8, 0);
    p[3] = (struct devtest_ccw){ 0x15, r0, sizeof r0 };
    for (int i = 0; i < 12; i++) {
        record(r[i], 4, 0, (uint8_t)(i + 1), 0, 4096, (uint8_t)i);
        p[4 + i] = (struct devtest_ccw){ 0x1D, r[i], sizeof r[i] };
    }
    uint8_t st;
    /* SEARCH HA needs the file mask to allow Write R0: Set File Mask X'C0' */
    uint8_t fm = 0xC0;
    struct devtest_ccw all[17];
    all[0] = (struct devtest_ccw){ 0x1F, &fm, 1 };
    memcpy(all + 1, p, sizeof p);
    all[3].count = 2;                           /* the TIC goes back to the search */
    CU_ASSERT_EQUAL(devtest_chain(dev, all, 17, &st, NULL), 16);
    CU_ASSERT_EQUAL(st, OK);
    uint8_t id[5];
    cchhr(id, 4, 0, 12);
    record(r[12], 4, 0, 13, 0, 4096, 12);
    struct devtest_ccw q[] = { { 0x07, seek_to(4, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x1D, r[12], sizeof r[12] } };
    CU_ASSERT_EQUAL(devtest_chain(dev, q, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x40);                /* invalid track format */
}

static void test_erase_and_write_ha(void)
{
    uint8_t id[5], c[8], fm = 0xC0, ha[5] = { 0, 0, 0, 0, 0 }, s[32];
    cchhr(id, 0, 0, 1);
    /* ERASE after R1 leaves R1 the last record of track 0 */
    struct devtest_ccw p[] = { { 0x1F, &fm, 1 }, { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 },
                               { 0x08, NULL, 2 }, { 0x11, c, 8 } };
    memset(c, 0, 8);
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 5, &st, NULL), 4);
    CU_ASSERT_EQUAL(st, OK);
    struct devtest_ccw q[] = { { 0x07, seek_to(0, 0), 6 }, { 0x12, c, 8 }, { 0x12, c, 8 } };
    devtest_chain(dev, q, 3, &st, NULL);
    CU_ASSERT_EQUAL(c[4], 1);                   /* after R1 comes the index: R1 again */
    /* WRITE HA erases everything after the home address, R0 included */
    struct devtest_ccw w[] = { { 0x1F, &fm, 1 }, { 0x07, seek_to(0, 1), 6 }, { 0x19, ha, 5 } };
    ha[4] = 1;
    CU_ASSERT_EQUAL(devtest_chain(dev, w, 3, &st, NULL), 2);
    CU_ASSERT_EQUAL(st, OK);
    uint8_t r0[16];
    struct devtest_ccw r[] = { { 0x07, seek_to(0, 1), 6 }, { 0x16, r0, 16 } };
    devtest_chain(dev, r, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x08);
}

static void test_write_kd_and_sectors(void)
{
    uint8_t id[5], kd[84], back[84], sector = 0xEE, one_byte = 0;
    cchhr(id, 0, 0, 3);
    memset(kd, 0x7E, sizeof kd);
    struct devtest_ccw p[] = { { 0x07, seek_to(0, 0), 6 }, { 0x23, &one_byte, 1 },
                               { 0x31, id, 5 }, { 0x08, NULL, 2 }, { 0x0D, kd, sizeof kd },
                               { 0x22, &sector, 1 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 6, &st, NULL), 5);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(sector, 0);
    struct devtest_ccw q[] = { { 0x07, seek_to(0, 0), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x0E, back, sizeof back } };
    devtest_chain(dev, q, 4, &st, NULL);
    CU_ASSERT_EQUAL(memcmp(back, kd, sizeof kd), 0);
}

static void test_seek_head_and_file_mask(void)
{
    uint8_t s[32], fm = 0x20;
    /* SEEK HEAD needs an earlier seek in the program */
    CU_ASSERT_EQUAL(one(0x1B, seek_to(0, 3), 6, NULL), OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x02);
    uint8_t to_head3[6] = { 0, 0, 0, 0, 0, 3 };
    struct devtest_ccw p[] = { { 0x07, seek_to(5, 0), 6 }, { 0x1B, to_head3, 6 },
                               { 0x1A, s, 5 } };
    uint8_t st;
    devtest_chain(dev, p, 3, &st, NULL);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(be16(s + 1), 5);            /* the cylinder stayed */
    CU_ASSERT_EQUAL(be16(s + 3), 3);
    CU_ASSERT_EQUAL(one(0x1F, &fm, 1, NULL), OK | US_UC);       /* reserved mask bit */
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x04);
    CU_ASSERT_EQUAL(one(0x07, seek_to(10, 0), 6, NULL), OK | US_UC);   /* no cylinder 10 */
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x04);
}

static void test_search_ha_multitrack(void)
{
    uint8_t ha[4] = { 0, 2, 0, 6 }, r0[16];
    /* SEARCH HA EQUAL MT from head 5 looks at head 6 */
    struct devtest_ccw p[] = { { 0x07, seek_to(2, 5), 6 }, { 0xB9, ha, 4 }, { 0x08, NULL, 1 },
                               { 0x16, r0, 16 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(be16(r0 + 2), 6);
}

/* ---- Define Extent / Locate Record ---- */

static void test_locate_read(void)
{
    uint8_t x[16], l[16], data[80];
    dx(x, 0x00, 0, 0, 0, 14);
    lr(l, 0x06, 1, 0, 0, 3, 0);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x86, data, sizeof data } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 3, &st, NULL), 2);
    CU_ASSERT_EQUAL(st, OK);
    expect_vol1(data);
}

static void test_locate_write_update(void)
{
    uint8_t x[16], l[16], data[80], back[80];
    memset(data, 0xC1, sizeof data);
    dx(x, 0x80, 0, 0, 0, 14);                   /* update writes only */
    lr(l, 0x01, 1, 0, 0, 3, 80);                /* write data, orient to R3's count */
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x85, data, 80 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 3, &st, NULL), 2);
    CU_ASSERT_EQUAL(st, OK);
    dx(x, 0x00, 0, 0, 0, 14);
    lr(l, 0x06, 1, 0, 0, 3, 0);
    struct devtest_ccw q[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x86, back, 80 } };
    devtest_chain(dev, q, 3, &st, NULL);
    CU_ASSERT_EQUAL(memcmp(back, data, 80), 0);
}

static void test_locate_outside_extent(void)
{
    uint8_t x[16], l[16], s[32];
    dx(x, 0x00, 0, 0, 0, 14);
    lr(l, 0x06, 1, 1, 0, 1, 0);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 } };
    uint8_t st;
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0);
    CU_ASSERT_EQUAL(s[1], 0x04);                /* file protected */
}

static void test_seek_outside_extent(void)
{
    uint8_t x[16], s[32];
    dx(x, 0x00, 2, 0, 3, 14);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x07, seek_to(4, 0), 6 } };
    uint8_t st;
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x04);
    /* a file mask inhibiting seeks rejects even a seek inside the extent */
    dx(x, 0x18, 2, 0, 3, 14);
    devtest_chain(dev, p, 2, &st, NULL);
    p[1].data = seek_to(2, 0);
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[1], 0x04);
}

static void test_define_extent_errors(void)
{
    uint8_t x[16], y[16], s[32], fm = 0;
    dx(x, 0x00, 0, 0, 9, 14);
    x[1] = 0x00;                                /* not ECKD mode */
    CU_ASSERT_EQUAL(one(0x63, x, 16, NULL), OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x04);                /* invalid parameter */
    dx(x, 0x00, 5, 0, 4, 0);                    /* end before begin */
    one(0x63, x, 16, NULL);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x04);
    CU_ASSERT_EQUAL(one(0x63, x, 10, NULL), OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x03);                /* count too small */
    /* a second, different Define Extent; Define Extent after Set File Mask */
    dx(x, 0x00, 0, 0, 9, 14);
    dx(y, 0x40, 0, 0, 9, 14);
    uint8_t st;
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x63, y, 16 } };
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x02);
    struct devtest_ccw q[] = { { 0x1F, &fm, 1 }, { 0x63, x, 16 } };
    devtest_chain(dev, q, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
}

static void test_locate_domain_rules(void)
{
    uint8_t x[16], l[16], d1[80], s[32];
    dx(x, 0x00, 0, 0, 9, 14);
    lr(l, 0x06, 2, 0, 0, 1, 0);
    /* a domain of two, but the program ends after one command */
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x86, d1, 24 } };
    uint8_t st;
    devtest_chain(dev, p, 3, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x81);                /* command reject, operation incomplete */
    /* a seek inside the domain is out of sequence */
    struct devtest_ccw q[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x07, seek_to(0, 0), 6 } };
    devtest_chain(dev, q, 3, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x02);
    /* Locate Record without Define Extent */
    CU_ASSERT_EQUAL(one(0x47, l, 16, NULL), OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[7], 0x02);
}

static void test_locate_format_write(void)
{
    static uint8_t r[3][8 + 1000];
    uint8_t x[16], l[16], back[1000];
    dx(x, 0xC0, 0, 0, 9, 14);
    lr(l, 0x03, 3, 5, 3, 0, 0);                 /* format write after R0 of 5/3 */
    for (int i = 0; i < 3; i++)
        record(r[i], 5, 3, (uint8_t)(i + 1), 0, 1000, (uint8_t)(0xA0 + i));
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x1D, r[0], sizeof r[0] },
                               { 0x1D, r[1], sizeof r[1] }, { 0x1D, r[2], sizeof r[2] } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 5, &st, NULL), 4);
    CU_ASSERT_EQUAL(st, OK);
    dx(x, 0x00, 0, 0, 9, 14);
    lr(l, 0x06, 1, 5, 3, 3, 0);
    struct devtest_ccw q[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x86, back, 1000 } };
    devtest_chain(dev, q, 3, &st, NULL);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(back[0], 0xA2);
}

static void test_write_ckd_next_track(void)
{
    static uint8_t r1[8 + 100], r2[8 + 100];
    uint8_t x[16], l[16], back[100];
    dx(x, 0xC0, 0, 0, 9, 14);
    lr(l, 0x03, 2, 6, 0, 0, 0);
    record(r1, 6, 0, 1, 0, 100, 0x31);
    record(r2, 6, 1, 1, 0, 100, 0x32);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0x1D, r1, sizeof r1 },
                               { 0x9D, r2, sizeof r2 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, NULL), 3);
    CU_ASSERT_EQUAL(st, OK);
    uint8_t id[5];
    cchhr(id, 6, 1, 1);
    struct devtest_ccw q[] = { { 0x07, seek_to(6, 1), 6 }, { 0x31, id, 5 }, { 0x08, NULL, 1 },
                               { 0x06, back, 100 } };
    devtest_chain(dev, q, 4, &st, NULL);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(back[0], 0x32);
}

static void test_read_track(void)
{
    uint8_t x[16], l[16], t1[400], t2[100];
    dx(x, 0x00, 0, 0, 9, 14);
    lr(l, 0x4C, 2, 0, 0, 0, 0);                 /* read tracks, orient to HA */
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 }, { 0xDE, t1, sizeof t1 },
                               { 0xDE, t2, sizeof t2 } };
    uint8_t st;
    uint32_t res;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 4, &st, &res), 3);
    CU_ASSERT_EQUAL(st, OK);
    /* track 0,1 is R0 (16 bytes) and the end marker */
    CU_ASSERT_EQUAL(res, sizeof t2 - 24);
    CU_ASSERT_EQUAL(be16(t2 + 2), 1);
    CU_ASSERT_EQUAL(t2[16], 0xFF);
    CU_ASSERT_EQUAL(t1[4], 0);                  /* track 0 starts with R0 */
}

static void test_readonly_volume(void)
{
    device_destroy(dev);
    dev = open_volume("r.ckd", false, "READ01", "ro");
    CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
    uint8_t x[16], l[16], s[32];
    dx(x, 0x80, 0, 0, 9, 14);
    lr(l, 0x01, 1, 0, 0, 3, 80);
    struct devtest_ccw p[] = { { 0x63, x, 16 }, { 0x47, l, 16 } };
    uint8_t st;
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x10);                /* equipment check */
    CU_ASSERT_EQUAL(s[1], 0x02);                /* write inhibited */
}

static void test_read_ipl(void)
{
    uint8_t ipl[24];
    struct devtest_ccw p[] = { { 0x02, ipl, 24 }, { 0x03, NULL, 1 } };
    uint8_t st;
    CU_ASSERT_EQUAL(devtest_chain(dev, p, 2, &st, NULL), 1);
    CU_ASSERT_EQUAL(st, OK);
    CU_ASSERT_EQUAL(ipl[1], 0x0A);              /* the label's disabled-wait PSW */
    CU_ASSERT_EQUAL(ipl[8], 0x03);
}

static void test_reserve_release_pgid(void)
{
    uint8_t s[32], pg[12] = { 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, back[12];
    CU_ASSERT_EQUAL(one(0xB4, s, 32, NULL), OK);
    CU_ASSERT_EQUAL(one(0xAF, pg, 12, NULL), OK);
    CU_ASSERT_EQUAL(one(0x34, back, 12, NULL), OK);
    CU_ASSERT_EQUAL(back[0] & 0x30, 0x30);      /* reserved to this path group */
    CU_ASSERT_EQUAL(memcmp(back + 1, pg + 1, 11), 0);
    CU_ASSERT_EQUAL(one(0x94, s, 32, NULL), OK);
    one(0x34, back, 12, NULL);
    CU_ASSERT_EQUAL(back[0], 0);
    /* RESERVE not first in the program */
    struct devtest_ccw p[] = { { 0x03, NULL, 1 }, { 0xB4, s, 32 } };
    uint8_t st;
    devtest_chain(dev, p, 2, &st, NULL);
    CU_ASSERT_EQUAL(st, OK | US_UC);
}

static void test_compressed_volume_commands(void)
{
    device_destroy(dev);
    dev = open_volume("v.cckd", true, "COMP01", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
    test_write_ckd_and_read_back();
}

static void test_state_round_trip(void)
{
    uint8_t buf[128];
    one(0x07, seek_to(7, 9), 6, NULL);
    one(0x2B, NULL, 0, NULL);                   /* leaves sense pending */
    size_t n = dev->ops->state_size(dev);
    CU_ASSERT_TRUE_FATAL(n <= sizeof buf);
    CU_ASSERT_TRUE(dev->ops->state_save(dev, buf, n));
    struct device *other = open_volume("w.ckd", false, "OTHER1", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(other);
    CU_ASSERT_TRUE(other->ops->state_load(other, buf, n));
    device_destroy(dev);
    dev = other;
    uint8_t s[32];
    sense(s);
    CU_ASSERT_EQUAL(s[0], 0x80);
    CU_ASSERT_EQUAL(be16(s + 29), 7);
    CU_ASSERT_EQUAL(s[31], 9);
}

static void test_create_errors(void)
{
    char err[256];
    devtest_quiet();
    CU_ASSERT_PTR_NULL(device_create("3390", 1, "/nonexistent/x.ckd", err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "/nonexistent/x.ckd"));
    CU_ASSERT_PTR_NULL(device_create("3390", 1, "x.ckd bogus=1", err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "bogus"));
    CU_ASSERT_PTR_NULL(device_create("3380", 1, devtest_path("v.ckd"), err, sizeof err));
    CU_ASSERT_PTR_NULL(device_create("3390", 1, "", err, sizeof err));
    /* the volume is open for writing: a second writer is refused, a reader not */
    CU_ASSERT_PTR_NULL(device_create("3390", 1, devtest_path("v.ckd"), err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "in use"));
    char args[512];
    snprintf(args, sizeof args, "%s ro", devtest_path("v.ckd"));
    struct device *reader = device_create("3390", 1, args, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL(reader);
    device_destroy(reader);
}

#define T(fn) UNIT_TEST(s, fn)
static void wrap_setup(void (*fn)(void))
{
    setup();
    fn();
    teardown();
}

#define CASE(name)                                                                             \
    static void run_##name(void) { wrap_setup(name); }
CASE(test_sense_id)
CASE(test_rdc)
CASE(test_rcd_and_nop)
CASE(test_search_id_read_kd)
CASE(test_search_id_not_found)
CASE(test_search_key_read_data)
CASE(test_search_high)
CASE(test_read_count_index)
CASE(test_read_r0_ha_ckd)
CASE(test_read_multiple_ckd)
CASE(test_short_read_incorrect_length)
CASE(test_unpositioned_read_rejected)
CASE(test_invalid_command)
CASE(test_sense_clears)
CASE(test_multitrack_read)
CASE(test_write_ckd_and_read_back)
CASE(test_write_data_update)
CASE(test_write_without_search_rejected)
CASE(test_track_capacity)
CASE(test_erase_and_write_ha)
CASE(test_write_kd_and_sectors)
CASE(test_seek_head_and_file_mask)
CASE(test_search_ha_multitrack)
CASE(test_locate_read)
CASE(test_locate_write_update)
CASE(test_locate_outside_extent)
CASE(test_seek_outside_extent)
CASE(test_define_extent_errors)
CASE(test_locate_domain_rules)
CASE(test_locate_format_write)
CASE(test_write_ckd_next_track)
CASE(test_read_track)
CASE(test_readonly_volume)
CASE(test_read_ipl)
CASE(test_reserve_release_pgid)
CASE(test_compressed_volume_commands)
CASE(test_state_round_trip)
CASE(test_create_errors)

static void cleanup(void) { devtest_cleanup(); }

UNIT_SUITE(ckd)
{
    T(run_test_sense_id);
    T(run_test_rdc);
    T(run_test_rcd_and_nop);
    T(run_test_search_id_read_kd);
    T(run_test_search_id_not_found);
    T(run_test_search_key_read_data);
    T(run_test_search_high);
    T(run_test_read_count_index);
    T(run_test_read_r0_ha_ckd);
    T(run_test_read_multiple_ckd);
    T(run_test_short_read_incorrect_length);
    T(run_test_unpositioned_read_rejected);
    T(run_test_invalid_command);
    T(run_test_sense_clears);
    T(run_test_multitrack_read);
    T(run_test_write_ckd_and_read_back);
    T(run_test_write_data_update);
    T(run_test_write_without_search_rejected);
    T(run_test_track_capacity);
    T(run_test_erase_and_write_ha);
    T(run_test_write_kd_and_sectors);
    T(run_test_seek_head_and_file_mask);
    T(run_test_search_ha_multitrack);
    T(run_test_locate_read);
    T(run_test_locate_write_update);
    T(run_test_locate_outside_extent);
    T(run_test_seek_outside_extent);
    T(run_test_define_extent_errors);
    T(run_test_locate_domain_rules);
    T(run_test_locate_format_write);
    T(run_test_write_ckd_next_track);
    T(run_test_read_track);
    T(run_test_readonly_volume);
    T(run_test_read_ipl);
    T(run_test_reserve_release_pgid);
    T(run_test_compressed_volume_commands);
    T(run_test_state_round_trip);
    T(run_test_create_errors);
    T(cleanup);
}

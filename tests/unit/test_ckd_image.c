/*
 * CKD and CCKD image files: creation, track round trips, space reuse,
 * split images, and the handling of damaged files (the layouts are those
 * of docs/formats.md).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dat/storage.h"
#include "devices/ckd_image.h"
#include "devices/ebcdic.h"
#include "devtest.h"
#include "unit.h"

#define TRK3390 56832   /* 5 + 8 + 8 + 8 + 56664 + 8 rounded up to 512 */

static bool create(const char *name, bool compressed, uint32_t cyls, const char *volser)
{
    char err[512];
    struct ckd_create c = { .devtype = 0x3390, .cyls = cyls, .compressed = compressed,
                            .volser = volser, .owner = "TEST" };
    bool ok = ckd_image_create(devtest_path(name), &c, err, sizeof err);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    return ok;
}

static bool open_img(struct ckd_image *img, const char *name, bool ro)
{
    char err[512];
    return ckd_image_open(img, devtest_path(name), ro, IMG_SYNC_NONE, err, sizeof err);
}

/* A track holding R0 and one record with the given data length. */
static uint32_t make_track(uint8_t *buf, uint32_t cyl, uint32_t head, uint16_t dl, uint8_t fill)
{
    uint32_t n = ckd_null_track(buf, cyl, head, CKD_NULL_EMPTY) - CKD_EOT_SIZE;
    uint8_t *p = buf + n;
    put_be16(p, (uint16_t)cyl);
    put_be16(p + 2, (uint16_t)head);
    p[4] = 1;
    p[5] = 0;
    put_be16(p + 6, dl);
    for (uint32_t i = 0; i < dl; i++)
        p[8 + i] = (uint8_t)(fill + i % 7);
    memset(p + 8 + dl, 0xFF, 8);
    return n + 8 + dl + 8;
}

static void test_slot_sizes(void)
{
    CU_ASSERT_EQUAL(ckd_slot_size(0x3390), TRK3390);
    CU_ASSERT_EQUAL(ckd_slot_size(0x3380), 47616);     /* 5+8+8+8+47476+8 -> 93*512 */
    CU_ASSERT_EQUAL(ckd_slot_size(0x3350), 0);
}

static void test_create_plain_layout(void)
{
    CU_ASSERT_TRUE_FATAL(create("p.ckd", false, 3, "VOL001"));
    uint8_t *d;
    size_t n;
    CU_ASSERT_TRUE_FATAL(devtest_read(devtest_path("p.ckd"), &d, &n));
    CU_ASSERT_EQUAL(n, 512 + 3 * 15 * TRK3390);
    CU_ASSERT_EQUAL(memcmp(d, "CKD_P370", 8), 0);
    CU_ASSERT_EQUAL(d[8], 15);                  /* heads, little-endian */
    CU_ASSERT_EQUAL(d[12] | d[13] << 8, TRK3390);
    CU_ASSERT_EQUAL(d[16], 0x90);
    /* track 1: HA 00 0000 0001, R0 count 0000 0001 00 00 0008, 8 zeros, EOT */
    const uint8_t t1[] = { 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0,
                           0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
    CU_ASSERT_EQUAL(memcmp(d + 512 + TRK3390, t1, sizeof t1), 0);
    free(d);
}

static void test_label_track(void)
{
    CU_ASSERT_TRUE_FATAL(create("l.ckd", false, 1, "ABC123"));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "l.ckd", true));
    uint8_t *buf = malloc(img.trksize);
    uint32_t len;
    CU_ASSERT_TRUE_FATAL(ckd_image_read(&img, 0, buf, &len));
    /* R1 IPL1 (key 4, data 24), R2 IPL2 (144), R3 VOL1 (80) after HA and R0 */
    uint32_t off = 5 + 8 + 8;
    const uint16_t dl[3] = { 24, 144, 80 };
    const char *keys[3] = { "IPL1", "IPL2", "VOL1" };
    for (int r = 0; r < 3; r++) {
        CU_ASSERT_EQUAL(buf[off + 4], r + 1);
        CU_ASSERT_EQUAL(buf[off + 5], 4);
        CU_ASSERT_EQUAL(be16(buf + off + 6), dl[r]);
        char key[5] = { 0 };
        ascii_from_ebcdic(key, buf + off + 8, 4);
        CU_ASSERT_STRING_EQUAL(key, keys[r]);
        if (r == 2) {
            char vol[11] = { 0 };
            ascii_from_ebcdic(vol, buf + off + 12, 10);
            CU_ASSERT_STRING_EQUAL(vol, "VOL1ABC123");
            CU_ASSERT_EQUAL(memcmp(buf + off + 12 + 11, "\0\0\0\1\1", 5), 0);
        }
        off += 8 + 4 + dl[r];
    }
    CU_ASSERT_TRUE(ckd_is_eot(buf + off));
    CU_ASSERT_EQUAL(len, off + 8);
    free(buf);
    ckd_image_close(&img);
}

/* The compressed image holds the same tracks as the plain one. */
static void test_compressed_same_tracks(void)
{
    CU_ASSERT_TRUE_FATAL(create("s.ckd", false, 2, "SAME01"));
    CU_ASSERT_TRUE_FATAL(create("s.cckd", true, 2, "SAME01"));
    struct ckd_image a, b;
    CU_ASSERT_TRUE_FATAL(open_img(&a, "s.ckd", true));
    CU_ASSERT_TRUE_FATAL(open_img(&b, "s.cckd", true));
    CU_ASSERT_TRUE(b.compressed);
    CU_ASSERT_EQUAL(b.cyls, 2);
    CU_ASSERT_EQUAL(b.tracks, 30);
    uint8_t *x = malloc(TRK3390), *y = malloc(TRK3390);
    for (uint32_t t = 0; t < 30; t++) {
        uint32_t lx, ly;
        CU_ASSERT_TRUE(ckd_image_read(&a, t, x, &lx));
        CU_ASSERT_TRUE(ckd_image_read(&b, t, y, &ly));
        CU_ASSERT_EQUAL(lx, ly);
        CU_ASSERT_EQUAL(memcmp(x, y, lx), 0);
    }
    free(x);
    free(y);
    ckd_image_close(&a);
    ckd_image_close(&b);
}

static void round_trip(bool compressed)
{
    const char *name = compressed ? "rt.cckd" : "rt.ckd";
    CU_ASSERT_TRUE_FATAL(create(name, compressed, 2, "RT0001"));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, name, false));
    uint8_t *buf = malloc(TRK3390), *back = malloc(TRK3390);
    uint32_t len = make_track(buf, 1, 14, 50000, 3), blen;
    CU_ASSERT_TRUE(ckd_image_write(&img, 29, buf, len));
    CU_ASSERT_TRUE(ckd_image_flush(&img));
    CU_ASSERT_TRUE(ckd_image_close(&img));
    CU_ASSERT_TRUE_FATAL(open_img(&img, name, true));
    CU_ASSERT_TRUE(ckd_image_read(&img, 29, back, &blen));
    CU_ASSERT_EQUAL(blen, len);
    CU_ASSERT_EQUAL(memcmp(buf, back, len), 0);
    /* a track of the wrong place is refused */
    CU_ASSERT_FALSE(ckd_image_write(&img, 28, buf, len));
    ckd_image_close(&img);
    free(buf);
    free(back);
}

static void test_round_trip_plain(void) { round_trip(false); }
static void test_round_trip_compressed(void) { round_trip(true); }

/* Rewriting tracks reuses freed space: the file does not keep growing. */
static void test_space_reuse(void)
{
    CU_ASSERT_TRUE_FATAL(create("sp.cckd", true, 1, NULL));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "sp.cckd", false));
    uint8_t *buf = malloc(TRK3390);
    uint64_t first = 0;
    for (int round = 0; round < 20; round++) {
        for (uint32_t t = 0; t < 15; t++) {
            /* random-looking data does not compress */
            uint32_t len = make_track(buf, 0, t, (uint16_t)(3000 + 100 * ((round + t) % 5)), 0);
            for (uint32_t i = 21 + 8; i < len - 8; i++)
                buf[i] = (uint8_t)(i * 2654435761u >> 13);
            CU_ASSERT_TRUE(ckd_image_write(&img, t, buf, len));
        }
        CU_ASSERT_TRUE(ckd_image_flush(&img));
        if (round == 1) {
            uint8_t *d;
            size_t n;
            devtest_read(devtest_path("sp.cckd"), &d, &n);
            first = n;
            free(d);
        }
    }
    CU_ASSERT_TRUE(ckd_image_close(&img));
    uint8_t *d;
    size_t n;
    devtest_read(devtest_path("sp.cckd"), &d, &n);
    CU_ASSERT_TRUE(n <= first + 15 * 3500);
    /* the clean close leaves the OPENED bit off and the size in the header */
    CU_ASSERT_EQUAL(d[512 + 3] & 0x80, 0);
    CU_ASSERT_EQUAL((size_t)(d[524] | d[525] << 8 | d[526] << 16 | (uint32_t)d[527] << 24), n);
    free(d);
    free(buf);
    CU_ASSERT_TRUE(open_img(&img, "sp.cckd", true));
    ckd_image_close(&img);
}

/* A crash after a flush: a copy of the file taken while the image is
   still open (its header says "opened", its free chain is stale) holds
   every track written before the flush. */
static void test_crash_consistency(void)
{
    CU_ASSERT_TRUE_FATAL(create("cr.cckd", true, 2, NULL));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "cr.cckd", false));
    uint8_t *buf = malloc(TRK3390), *back = malloc(TRK3390);
    for (int round = 0; round < 3; round++)
        for (uint32_t t = 0; t < 30; t++) {
            uint32_t len = make_track(buf, t / 15, t % 15, (uint16_t)(1000 + 37 * t + round), (uint8_t)t);
            CU_ASSERT_TRUE(ckd_image_write(&img, t, buf, len));
        }
    CU_ASSERT_TRUE(ckd_image_flush(&img));
    uint8_t *d;
    size_t n;
    CU_ASSERT_TRUE_FATAL(devtest_read(devtest_path("cr.cckd"), &d, &n));
    CU_ASSERT_NOT_EQUAL(d[512 + 3] & 0x80, 0);  /* still marked open */
    devtest_write(devtest_path("copy.cckd"), d, n);
    free(d);
    ckd_image_close(&img);
    struct ckd_image copy;
    CU_ASSERT_TRUE_FATAL(open_img(&copy, "copy.cckd", true));
    for (uint32_t t = 0; t < 30; t++) {
        uint32_t len = make_track(buf, t / 15, t % 15, (uint16_t)(1000 + 37 * t + 2), (uint8_t)t), blen;
        CU_ASSERT_TRUE(ckd_image_read(&copy, t, back, &blen));
        CU_ASSERT_EQUAL(blen, len);
        CU_ASSERT_EQUAL(memcmp(buf, back, len), 0);
    }
    ckd_image_close(&copy);
    free(buf);
    free(back);
}

/* A split plain image: name_1.ckd holds cylinders 0-1, name_2.ckd cylinder 2. */
static void test_split_image(void)
{
    CU_ASSERT_TRUE_FATAL(create("whole.ckd", false, 3, "SPLIT1"));
    uint8_t *d;
    size_t n;
    CU_ASSERT_TRUE_FATAL(devtest_read(devtest_path("whole.ckd"), &d, &n));
    size_t cyl = 15 * (size_t)TRK3390;
    uint8_t *a = malloc(512 + 2 * cyl), *b = malloc(512 + cyl);
    memcpy(a, d, 512 + 2 * cyl);
    a[17] = 1;                  /* file 1 of several */
    a[18] = 1;                  /* high cylinder 1 */
    memcpy(b, d, 512);
    memcpy(b + 512, d + 512 + 2 * cyl, cyl);
    b[17] = 2;
    b[18] = 0;                  /* last file */
    devtest_write(devtest_path("vol_1.ckd"), a, 512 + 2 * cyl);
    devtest_write(devtest_path("vol_2.ckd"), b, 512 + cyl);
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "vol_1.ckd", false));
    CU_ASSERT_EQUAL(img.nfiles, 2);
    CU_ASSERT_EQUAL(img.cyls, 3);
    uint8_t *buf = malloc(TRK3390);
    uint32_t len = make_track(buf, 2, 4, 1000, 9);
    CU_ASSERT_TRUE(ckd_image_write(&img, 34, buf, len));
    ckd_image_close(&img);
    uint8_t *back;
    size_t bn;
    devtest_read(devtest_path("vol_2.ckd"), &back, &bn);
    CU_ASSERT_EQUAL(memcmp(back + 512 + 4 * TRK3390, buf, len), 0);
    free(back);
    /* a missing second file is an error naming it */
    remove(devtest_path("vol_2.ckd"));
    devtest_quiet();
    CU_ASSERT_FALSE(open_img(&img, "vol_1.ckd", true));
    free(buf);
    free(a);
    free(b);
    free(d);
}

static void test_truncated_plain(void)
{
    CU_ASSERT_TRUE_FATAL(create("t.ckd", false, 2, NULL));
    truncate(devtest_path("t.ckd"), 512 + 20 * TRK3390);
    struct ckd_image img;
    char err[512];
    devtest_quiet();
    CU_ASSERT_FALSE(ckd_image_open(&img, devtest_path("t.ckd"), true, IMG_SYNC_NONE, err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "t.ckd"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "offset"));
}

static void test_bad_header(void)
{
    devtest_write(devtest_path("junk.ckd"), "NOTACKD!", 8);
    struct ckd_image img;
    char err[512];
    devtest_quiet();
    CU_ASSERT_FALSE(ckd_image_open(&img, devtest_path("junk.ckd"), true, IMG_SYNC_NONE, err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "junk.ckd"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "truncated"));
}

/* A damaged track is reported with its file offset, and is not written. */
static void test_corrupt_track_plain(void)
{
    CU_ASSERT_TRUE_FATAL(create("c.ckd", false, 1, NULL));
    /* R1 with data length X'FF00' at byte 21 of track 2 runs past the slot */
    const uint8_t junk[8] = { 0, 0, 0, 2, 1, 0, 0xFF, 0 };
    long at = 512 + 2 * TRK3390 + 21;
    devtest_patch(devtest_path("c.ckd"), at, junk, sizeof junk);
    uint64_t before = devtest_hash(devtest_path("c.ckd"));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "c.ckd", false));
    uint8_t *buf = malloc(TRK3390);
    uint32_t len;
    devtest_quiet();
    CU_ASSERT_FALSE(ckd_image_read(&img, 2, buf, &len));
    char want[64];
    snprintf(want, sizeof want, "offset %ld", at);
    CU_ASSERT_PTR_NOT_NULL(strstr(img.err, want));
    CU_ASSERT_PTR_NOT_NULL(strstr(img.err, "c.ckd"));
    ckd_image_close(&img);
    CU_ASSERT_EQUAL(devtest_hash(devtest_path("c.ckd")), before);
    free(buf);
}

static uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

/* Level-2 entries that point outside the file, or images that do not
   decompress, are errors naming the offset; the file is left alone. */
static void test_corrupt_compressed(void)
{
    CU_ASSERT_TRUE_FATAL(create("cc.cckd", true, 1, "BAD001"));
    uint8_t *d;
    size_t n;
    CU_ASSERT_TRUE_FATAL(devtest_read(devtest_path("cc.cckd"), &d, &n));
    uint32_t l2 = rd32(d + 1024);           /* level-2 table of tracks 0-255 */
    uint32_t pos0 = rd32(d + l2);           /* track 0 image */
    CU_ASSERT_TRUE(pos0 >= 1024 + 4);
    free(d);

    /* track 0's stored image claims zlib but holds garbage */
    uint8_t bad[4] = { 0x01, 0, 0, 0 };
    devtest_patch(devtest_path("cc.cckd"), pos0, bad, 1);
    devtest_patch(devtest_path("cc.cckd"), pos0 + 5, "garbage!", 8);
    uint64_t before = devtest_hash(devtest_path("cc.cckd"));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "cc.cckd", true));
    uint8_t *buf = malloc(TRK3390);
    uint32_t len;
    devtest_quiet();
    CU_ASSERT_FALSE(ckd_image_read(&img, 0, buf, &len));
    char want[64];
    snprintf(want, sizeof want, "offset %u", pos0);
    CU_ASSERT_PTR_NOT_NULL(strstr(img.err, want));
    CU_ASSERT_PTR_NOT_NULL(strstr(img.err, "zlib"));
    ckd_image_close(&img);
    CU_ASSERT_EQUAL(devtest_hash(devtest_path("cc.cckd")), before);

    /* track 0's entry points far beyond the end of the file */
    uint8_t far[4] = { 0, 0, 0, 0x70 };
    devtest_patch(devtest_path("cc.cckd"), l2, far, 4);
    char err[512];
    CU_ASSERT_FALSE(ckd_image_open(&img, devtest_path("cc.cckd"), false, IMG_SYNC_NONE, err, sizeof err));
    snprintf(want, sizeof want, "offset %u", l2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want));
    free(buf);
}

static void test_readonly_refuses_writes(void)
{
    CU_ASSERT_TRUE_FATAL(create("ro.cckd", true, 1, NULL));
    uint64_t before = devtest_hash(devtest_path("ro.cckd"));
    struct ckd_image img;
    CU_ASSERT_TRUE_FATAL(open_img(&img, "ro.cckd", true));
    uint8_t *buf = malloc(TRK3390);
    uint32_t len = make_track(buf, 0, 3, 100, 1);
    devtest_quiet();
    CU_ASSERT_FALSE(ckd_image_write(&img, 3, buf, len));
    ckd_image_close(&img);
    CU_ASSERT_EQUAL(devtest_hash(devtest_path("ro.cckd")), before);
    free(buf);
}

static void test_null_formats(void)
{
    uint8_t buf[64];
    uint32_t n = ckd_null_track(buf, 7, 3, CKD_NULL_EOF);
    CU_ASSERT_EQUAL(n, 37);                     /* HA, R0 + data, R1 EOF count, EOT */
    CU_ASSERT_EQUAL(buf[21 + 4], 1);
    CU_ASSERT_EQUAL(be16(buf + 21 + 6), 0);
    CU_ASSERT_EQUAL(ckd_null_format(buf, n, 7, 3), CKD_NULL_EOF);
    n = ckd_null_track(buf, 7, 3, CKD_NULL_EMPTY);
    CU_ASSERT_EQUAL(n, 29);
    CU_ASSERT_EQUAL(ckd_null_format(buf, n, 7, 3), CKD_NULL_EMPTY);
    CU_ASSERT_EQUAL(ckd_null_format(buf, n, 7, 4), -1);
}

static void cleanup(void) { devtest_cleanup(); }

UNIT_SUITE(ckd_image)
{
    UNIT_TEST(s, test_slot_sizes);
    UNIT_TEST(s, test_null_formats);
    UNIT_TEST(s, test_create_plain_layout);
    UNIT_TEST(s, test_label_track);
    UNIT_TEST(s, test_compressed_same_tracks);
    UNIT_TEST(s, test_round_trip_plain);
    UNIT_TEST(s, test_round_trip_compressed);
    UNIT_TEST(s, test_space_reuse);
    UNIT_TEST(s, test_crash_consistency);
    UNIT_TEST(s, test_split_image);
    UNIT_TEST(s, test_truncated_plain);
    UNIT_TEST(s, test_bad_header);
    UNIT_TEST(s, test_corrupt_track_plain);
    UNIT_TEST(s, test_corrupt_compressed);
    UNIT_TEST(s, test_readonly_refuses_writes);
    UNIT_TEST(s, cleanup);
}

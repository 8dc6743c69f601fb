/* The 1403 printer and 3525 punch: carriage control and card output. */
#include <stdlib.h>
#include <string.h>

#include "devices/device.h"
#include "devices/ebcdic.h"
#include "devtest.h"
#include "unit.h"

#define OK (US_CE | US_DE)

static struct device *open_ur(const char *type, const char *name, const char *extra)
{
    char err[256], args[512];
    remove(devtest_path(name));
    snprintf(args, sizeof args, "%s sync=none %s", devtest_path(name), extra ? extra : "");
    return device_create(type, 0x000E, args, err, sizeof err);
}

static uint8_t line(struct device *d, uint8_t code, const char *text)
{
    uint8_t buf[200];
    size_t n = strlen(text);
    ebcdic_from_ascii(buf, text, n);
    return devtest_cmd(d, code, buf, (uint32_t)n, false, NULL);
}

static char *contents(const char *name)
{
    uint8_t *d;
    size_t n;
    if (!devtest_read(devtest_path(name), &d, &n))
        return NULL;
    char *s = realloc(d, n + 1);
    s[n] = '\0';
    return s;
}

static void test_printer_carriage(void)
{
    struct device *d = open_ur("1403", "p.txt", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(line(d, 0x09, "HELLO   "), OK);          /* write, space 1 */
    CU_ASSERT_EQUAL(line(d, 0x11, "TWO"), OK);               /* write, space 2 */
    CU_ASSERT_EQUAL(line(d, 0x01, "OVER"), OK);              /* write, no space */
    CU_ASSERT_EQUAL(line(d, 0x89, "PRINTED"), OK);           /* write, skip to channel 1 */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x1B, NULL, 1, false, NULL), OK);   /* space 3 now */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x8B, NULL, 1, false, NULL), OK);   /* skip to 1 now */
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x03, NULL, 1, false, NULL), OK);
    char *s = contents("p.txt");
    CU_ASSERT_STRING_EQUAL(s, "HELLO\nTWO\n\nOVER\rPRINTED\n\f\n\n\n\n\f");
    free(s);
    uint8_t sense = 0xFF;
    CU_ASSERT_EQUAL(devtest_cmd(d, 0xE4, NULL, 7, false, NULL), OK | US_UC);
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x04, &sense, 1, false, NULL), OK);
    CU_ASSERT_EQUAL(sense, 0x80);
    /* more than 132 print positions: the rest is not printed */
    uint8_t wide[140];
    memset(wide, 0xC1, sizeof wide);
    uint32_t res;
    CU_ASSERT_EQUAL(devtest_cmd(d, 0x09, wide, sizeof wide, false, &res), OK);
    CU_ASSERT_EQUAL(res, 8);
    device_destroy(d);
    s = contents("p.txt");
    CU_ASSERT_EQUAL(strlen(s), 30 + 133);
    free(s);
}

static void test_printer_appends(void)
{
    struct device *d = open_ur("1403", "a.txt", NULL);
    line(d, 0x09, "ONE");
    device_destroy(d);
    char err[256];
    d = device_create("1403", 0x0E, devtest_path("a.txt"), err, sizeof err);
    line(d, 0x09, "TWO");
    device_destroy(d);
    char *s = contents("a.txt");
    CU_ASSERT_STRING_EQUAL(s, "ONE\nTWO\n");
    free(s);
}

static void test_punch_cards(void)
{
    struct device *d = open_ur("3525", "c.txt", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(line(d, 0x01, "//JOB CARD"), OK);
    CU_ASSERT_EQUAL(line(d, 0x41, "SECOND CARD, STACKER 2"), OK);
    device_destroy(d);
    char *s = contents("c.txt");
    CU_ASSERT_STRING_EQUAL(s, "//JOB CARD\nSECOND CARD, STACKER 2\n");
    free(s);
    d = open_ur("3525", "r.bin", "raw");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    line(d, 0x01, "ABC");
    device_destroy(d);
    uint8_t *card;
    size_t n;
    devtest_read(devtest_path("r.bin"), &card, &n);
    CU_ASSERT_EQUAL(n, 80);
    CU_ASSERT_EQUAL(card[0], 0xC1);             /* EBCDIC A */
    CU_ASSERT_EQUAL(card[79], 0x40);            /* short write: the rest stays blank */
    free(card);
    char err[256];
    CU_ASSERT_PTR_NULL(device_create("1403", 1, "x.txt raw", err, sizeof err));
}

static void cleanup(void) { devtest_cleanup(); }

UNIT_SUITE(printer)
{
    UNIT_TEST(s, test_printer_carriage);
    UNIT_TEST(s, test_printer_appends);
    UNIT_TEST(s, test_punch_cards);
    UNIT_TEST(s, cleanup);
}

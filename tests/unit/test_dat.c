/* DAT and prefixing, checked against the table formats of SA22-7201 ch. 3. */
#include "dat/dat.h"
#include "unit.h"

#define CR0_ESA 0x00B000E0u

static struct mainstor *ms;

/* A segment table at 0x20000 (STL 0 = 16 entries) with entry 1 pointing
   to a page table at 0x21000 (PTL 15); page 5 of segment 1 maps to 0x30000. */
static void build_tables(void)
{
    ms = storage_create(1 << 20);
    for (int i = 0; i < 16; i++)
        put_be32(ms->mem + 0x20000 + 4 * i, STE_INVALID);
    put_be32(ms->mem + 0x20004, 0x21000 | 0xF);
    for (int i = 0; i < 256; i++)
        put_be32(ms->mem + 0x21000 + 4 * i, PTE_INVALID);
    put_be32(ms->mem + 0x21000 + 5 * 4, 0x30000);
    put_be32(ms->mem + 0x21000 + 6 * 4, 0x31000 | PTE_PROTECT);
    put_be32(ms->mem + 0x21000 + 7 * 4, 0x32000 | 0x100);   /* bit 23 on */
}

static void test_translate_valid(void)
{
    build_tables();
    struct dat_result r;
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00105ABC, &r), 0);
    CU_ASSERT_EQUAL(r.real, 0x30ABC);
    CU_ASSERT_FALSE(r.protect);
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00106000, &r), 0);
    CU_ASSERT_TRUE(r.protect);
    storage_destroy(ms);
}

static void test_translate_exceptions(void)
{
    build_tables();
    struct dat_result r;
    /* segment 0 is invalid; segment 16 is beyond STL 0 */
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00000000, &r), PGM_SEGMENT_TRANSLATION);
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x01000000, &r), PGM_SEGMENT_TRANSLATION);
    /* page 4 of segment 1 is invalid */
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00104000, &r), PGM_PAGE_TRANSLATION);
    /* a PTE with bit 23 on is a format error */
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00107000, &r), PGM_TRANSLATION_SPEC);
    /* CR0 bits 8-12 other than B'10110' */
    CU_ASSERT_EQUAL(dat_translate(ms, 0, 0x000000E0, 0x20000, 0x00105000, &r), PGM_TRANSLATION_SPEC);
    /* a page table length that excludes the page: PTL 0 covers pages 0-15 only */
    put_be32(ms->mem + 0x20004, 0x21000 | 0x0);
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00115000, &r), PGM_PAGE_TRANSLATION);
    /* a segment table outside storage */
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x7FF00000, 0x00100000, &r), PGM_ADDRESSING);
    storage_destroy(ms);
}

static void test_common_segment_private_space(void)
{
    build_tables();
    struct dat_result r;
    put_be32(ms->mem + 0x20004, 0x21000 | STE_COMMON | 0xF);
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000, 0x00105000, &r), 0);
    CU_ASSERT_TRUE(r.common);
    CU_ASSERT_EQUAL(dat_translate(ms, 0, CR0_ESA, 0x20000 | STD_PRIVATE, 0x00105000, &r),
                    PGM_TRANSLATION_SPEC);
    storage_destroy(ms);
}

static void test_prefixing(void)
{
    /* real page 0 and the prefix page trade places; others are unchanged */
    CU_ASSERT_EQUAL(prefix_real_to_abs(0x00000123, 0x4000), 0x4123);
    CU_ASSERT_EQUAL(prefix_real_to_abs(0x00004123, 0x4000), 0x0123);
    CU_ASSERT_EQUAL(prefix_real_to_abs(0x00005123, 0x4000), 0x5123);
    CU_ASSERT_EQUAL(prefix_real_to_abs(0x00000FFF, 0), 0x0FFF);
}

UNIT_SUITE(dat)
{
    UNIT_TEST(s, test_translate_valid);
    UNIT_TEST(s, test_translate_exceptions);
    UNIT_TEST(s, test_common_segment_private_space);
    UNIT_TEST(s, test_prefixing);
}

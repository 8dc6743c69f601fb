/*
 * Storage access: key-controlled and fetch protection, low-address
 * protection, reference/change recording, TLB key tagging, page-crossing
 * operands (SA22-7201 chapter 3, "Protection" and "Storage keys").
 */
#include <setjmp.h>

#include "cpu/access.h"
#include "cpu/interrupt.h"
#include "cpu/machine.h"
#include "unit.h"

static struct machine *m;
static struct cpu *c;
static jmp_buf jb;
static uint32_t psw_key_under_test;

/* The PSW of the access under test (an interruption replaces it). */
static void arm(void)
{
    cpu_set_psw(c, 0x00080000u | psw_key_under_test << 20, 0x80001000u);
    c->ilc = 4;
    put_be16(m->ms->mem + LC_PGM_CODE, 0);
}

static void setup(uint32_t key)
{
    m = machine_create(1 << 20, 1);
    c = m->cpu[0];
    c->jmp = &jb;
    /* program new PSW: a valid disabled wait, so the interruption loads it */
    put_be32(m->ms->mem + LC_PGM_NEW, 0x000A0000);
    psw_key_under_test = key;
}

static uint16_t last_code(void)
{
    return be16(m->ms->mem + LC_PGM_CODE);
}

/* Run an access; returns the program-interruption code, 0 if none. */
#define TRY(stmt) (arm(), setjmp(jb) ? last_code() : ((stmt), 0))

static void test_key_protection(void)
{
    setup(5);
    m->ms->skey[0x10] = 0x30 | SKEY_F;        /* frame X'10000': key 3, fetch-protected */
    m->ms->skey[0x11] = 0x30;                 /* X'11000': key 3, no fetch protection */
    m->ms->skey[0x12] = 0x50;                 /* X'12000': key 5 */
    CU_ASSERT_EQUAL(TRY(vfetch4(c, 0x10000, 0)), PGM_PROTECTION);
    CU_ASSERT_EQUAL(TRY(vfetch4(c, 0x11000, 0)), 0);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x11000, 0, 1)), PGM_PROTECTION);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x12000, 0, 1)), 0);
    machine_destroy(m);
}

static void test_key_zero_and_tag(void)
{
    setup(0);
    m->ms->skey[0x10] = 0x30 | SKEY_F;
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x10000, 0, 7)), 0);   /* key 0 may do anything */
    /* The TLB entry made with key 0 must not serve key 5. */
    psw_key_under_test = 5;
    CU_ASSERT_EQUAL(TRY(vfetch4(c, 0x10000, 0)), PGM_PROTECTION);
    machine_destroy(m);
}

static void test_reference_and_change(void)
{
    setup(0);
    CU_ASSERT_EQUAL(m->ms->skey[0x20] & (SKEY_R | SKEY_C), 0);
    CU_ASSERT_EQUAL(TRY(vfetch1(c, 0x20010, 0)), 0);
    CU_ASSERT_EQUAL(m->ms->skey[0x20] & (SKEY_R | SKEY_C), SKEY_R);
    CU_ASSERT_EQUAL(TRY(vstore1(c, 0x20010, 0, 1)), 0);
    CU_ASSERT_EQUAL(m->ms->skey[0x20] & (SKEY_R | SKEY_C), SKEY_R | SKEY_C);
    machine_destroy(m);
}

static void test_low_address_protection(void)
{
    setup(0);
    c->cr[0] |= 0x10000000u;                  /* CR0 bit 3 */
    cpu_tlb_purge(c);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x100, 0, 1)), PGM_PROTECTION);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x1FC, 0, 1)), PGM_PROTECTION);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x200, 0, 1)), 0);  /* 512 and up are not protected */
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x100, 0, 1)), PGM_PROTECTION);  /* never cached */
    CU_ASSERT_EQUAL(TRY(vfetch4(c, 0x100, 0)), 0);
    machine_destroy(m);
}

static void test_addressing_and_crossing(void)
{
    setup(0);
    uint32_t last = (1u << 20) - 2;           /* 2 bytes before the end of storage */
    m->ms->mem[last] = 0xAA;
    m->ms->mem[last + 1] = 0xBB;
    CU_ASSERT_EQUAL(TRY(vfetch4(c, 1u << 20, 0)), PGM_ADDRESSING_EXC);
    /* a 4-byte store half outside storage changes nothing */
    CU_ASSERT_EQUAL(TRY(vstore4(c, last, 0, 0x11223344)), PGM_ADDRESSING_EXC);
    CU_ASSERT_EQUAL(m->ms->mem[last], 0xAA);
    CU_ASSERT_EQUAL(m->ms->mem[last + 1], 0xBB);
    /* a page-crossing store inside storage lands in both pages */
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x30FFE, 0, 0x11223344)), 0);
    CU_ASSERT_EQUAL(be32(m->ms->mem + 0x30FFE), 0x11223344);
    machine_destroy(m);
}

static void test_prefix_in_real_access(void)
{
    setup(0);
    c->prefix = 0x8000;
    cpu_tlb_purge(c);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x10, 0, 0xCAFE)), 0);   /* real 10 = absolute 8010 */
    CU_ASSERT_EQUAL(be32(m->ms->mem + 0x8010), 0xCAFE);
    CU_ASSERT_EQUAL(TRY(vstore4(c, 0x8010, 0, 0xBEEF)), 0);  /* real 8010 = absolute 10 */
    CU_ASSERT_EQUAL(be32(m->ms->mem + 0x10), 0xBEEF);
    machine_destroy(m);
}

UNIT_SUITE(access)
{
    UNIT_TEST(s, test_key_protection);
    UNIT_TEST(s, test_key_zero_and_tag);
    UNIT_TEST(s, test_reference_and_change);
    UNIT_TEST(s, test_low_address_protection);
    UNIT_TEST(s, test_addressing_and_crossing);
    UNIT_TEST(s, test_prefix_in_real_access);
}

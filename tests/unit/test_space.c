/* Moves with explicit access keys and spaces (SA22-7201 chapter 10,
   MVCK, MVCSK, MVCDK, MVCP, MVCS) against storage-key protection
   (chapter 3, "Key-Controlled Protection"). */
#include <string.h>

#include "cpu/interrupt.h"
#include "dat/dat.h"
#include "harness.h"
#include "unit.h"

#define PSW_KEY0 0x00080000u
#define PSW_DAT_KEY0 0x04080000u
#define DST 0x40000u
#define SRC 0x50000u

static struct machine *m;
static struct cpu *c;

static void setup(void)
{
    m = harness_machine(1);
    c = m->cpu[0];
    memcpy(m->ms->mem + SRC, "SOURCE-BYTES....", 16);
}

static void set_key(uint32_t abs, uint8_t key)
{
    m->ms->skey[abs >> PAGE_SHIFT] = key;
}

static uint32_t psw_with_key(uint32_t w0, unsigned key)
{
    return w0 | key << 20;
}

/* Run a move whose operands are 0(B=5) and 0(B=6), with its registers. */
static uint16_t exec_move(const uint8_t *insn, uint32_t w0, uint32_t gr0, uint32_t gr1,
                          uint32_t gr3, uint32_t op1, uint32_t op2)
{
    c->gr[0] = gr0;
    c->gr[1] = gr1;
    c->gr[3] = gr3;
    c->gr[5] = op1;
    c->gr[6] = op2;
    return harness_exec(c, w0, insn);
}

/* MVCK 0(R1=1,B=5),0(B=6),R3=3: GR1 = true length, GR3 = key. */
static uint16_t mvck(uint32_t w0, uint32_t len, unsigned key)
{
    static const uint8_t insn[] = { 0xD9, 0x13, 0x50, 0x00, 0x60, 0x00 };
    return exec_move(insn, w0, 0, len, key << 4, DST, SRC);
}

static void test_mvck_source_key(void)
{
    setup();
    set_key(SRC, 0x28);                   /* key 2, fetch-protected */
    CU_ASSERT_EQUAL(mvck(PSW_KEY0, 8, 1), PGM_PROTECTION);
    CU_ASSERT_EQUAL(m->ms->mem[DST], 0);  /* suppressed */
    CU_ASSERT_EQUAL(mvck(PSW_KEY0, 8, 2), 0);
    CU_ASSERT_EQUAL(c->cc, 0);
    CU_ASSERT_EQUAL(memcmp(m->ms->mem + DST, "SOURCE-B", 8), 0);
    CU_ASSERT_EQUAL(mvck(PSW_KEY0, 4, 0), 0);   /* key 0 matches every key */
    machine_destroy(m);
}

static void test_mvck_destination_uses_psw_key(void)
{
    setup();
    set_key(DST, 0x30);                   /* key 3 */
    /* the R3 key is for the source only: the PSW key must match DST */
    CU_ASSERT_EQUAL(mvck(psw_with_key(PSW_KEY0, 2), 4, 3), PGM_PROTECTION);
    CU_ASSERT_EQUAL(mvck(psw_with_key(PSW_KEY0, 3), 4, 2), 0);
    /* the change bit is recorded for the destination, the reference bit
       for the source */
    CU_ASSERT_EQUAL(m->ms->skey[DST >> PAGE_SHIFT] & (SKEY_R | SKEY_C), SKEY_R | SKEY_C);
    CU_ASSERT_EQUAL(m->ms->skey[SRC >> PAGE_SHIFT] & (SKEY_R | SKEY_C), SKEY_R);
    machine_destroy(m);
}

static void test_mvck_protection_keeps_cc(void)
{
    setup();
    set_key(SRC, 0x28);
    c->cc = 2;
    CU_ASSERT_EQUAL(mvck(PSW_KEY0 | 0x2000u, 300, 1), PGM_PROTECTION);
    /* the old PSW keeps CC 2: the length's CC 3 is set only on completion */
    CU_ASSERT_EQUAL((be32(m->ms->mem + LC_PGM_OLD) >> 12) & 3, 2);
    CU_ASSERT_EQUAL(mvck(PSW_KEY0, 300, 2), 0);
    CU_ASSERT_EQUAL(c->cc, 3);
    machine_destroy(m);
}

/* MVCSK/MVCDK 0(B=5),0(B=6) with GR0 = length - 1, GR1 = key. */
static uint16_t mvc_key(uint8_t op2, uint32_t w0, unsigned len, unsigned key)
{
    const uint8_t insn[] = { 0xE5, op2, 0x50, 0x00, 0x60, 0x00 };
    return exec_move(insn, w0, len - 1, key << 4, 0, DST, SRC);
}

static void test_mvcsk_and_mvcdk_keys(void)
{
    setup();
    set_key(SRC, 0x48);                   /* key 4, fetch-protected */
    set_key(DST, 0x50);                   /* key 5 */
    uint32_t psw = psw_with_key(PSW_KEY0, 5);
    CU_ASSERT_EQUAL(mvc_key(0x0E, psw, 6, 3), PGM_PROTECTION);   /* MVCSK */
    CU_ASSERT_EQUAL(mvc_key(0x0E, psw, 6, 4), 0);
    CU_ASSERT_EQUAL(memcmp(m->ms->mem + DST, "SOURCE", 6), 0);
    psw = psw_with_key(PSW_KEY0, 4);
    CU_ASSERT_EQUAL(mvc_key(0x0F, psw, 3, 4), PGM_PROTECTION);   /* MVCDK */
    CU_ASSERT_EQUAL(mvc_key(0x0F, psw, 3, 5), 0);
    /* in the problem state the key must be in the PSW-key mask */
    c->cr[3] = 0x04000000u;               /* key 5 only */
    psw = psw_with_key(PSW_KEY0, 4) | PSW_PROBLEM;
    CU_ASSERT_EQUAL(mvc_key(0x0F, psw, 3, 5), 0);
    CU_ASSERT_EQUAL(mvc_key(0x0F, psw, 3, 4), PGM_PRIVILEGED);
    machine_destroy(m);
}

/* Primary space: one to one.  Secondary space: page X'60000' is real
   X'70000', everything else one to one. */
#define PSTO 0x10000u
#define SSTO 0x12000u
#define SHARED 0x60000u
#define SFRAME 0x70000u

static void build_spaces(void)
{
    uint8_t *mem = m->ms->mem;
    for (uint32_t i = 0; i < 256; i++) {
        put_be32(mem + 0x11000 + 4 * i, i << 12);
        put_be32(mem + 0x13000 + 4 * i, i << 12);
    }
    put_be32(mem + 0x13000 + 4 * (SHARED >> 12), SFRAME);
    for (uint32_t i = 0; i < 16; i++) {
        put_be32(mem + PSTO + 4 * i, STE_INVALID);
        put_be32(mem + SSTO + 4 * i, STE_INVALID);
    }
    put_be32(mem + PSTO, 0x11000 | 0xF);
    put_be32(mem + SSTO, 0x13000 | 0xF);
    c->cr[0] = 0x04B000E0u;               /* secondary-space control on */
    c->cr[1] = PSTO;
    c->cr[7] = SSTO;
    c->cr[13] = PSTO;
    memcpy(m->ms->mem + SFRAME, "SECONDARY-SPACE!", 16);
}

/* MVCP (to_primary) or MVCS 0(R1=1,B=5),0(B=6),R3=3: 8 bytes. */
static uint16_t move_space(bool to_primary, uint32_t w0, uint32_t op1, uint32_t op2, unsigned key)
{
    const uint8_t insn[] = { to_primary ? 0xDA : 0xDB, 0x13, 0x50, 0x00, 0x60, 0x00 };
    return exec_move(insn, w0, 0, 8, key << 4, op1, op2);
}

static void test_mvcp_secondary_key(void)
{
    setup();
    build_spaces();
    set_key(SFRAME, 0x68);                /* key 6, fetch-protected */
    CU_ASSERT_EQUAL(move_space(true, PSW_DAT_KEY0, DST, SHARED, 7), PGM_PROTECTION);
    CU_ASSERT_EQUAL(move_space(true, PSW_DAT_KEY0, DST, SHARED, 6), 0);
    CU_ASSERT_EQUAL(memcmp(m->ms->mem + DST, "SECONDAR", 8), 0);
    machine_destroy(m);
}

static void test_mvcs_secondary_key(void)
{
    setup();
    build_spaces();
    set_key(SFRAME, 0x60);                /* key 6 */
    set_key(SRC, 0x18);                   /* key 1, fetch-protected */
    uint32_t psw = psw_with_key(PSW_DAT_KEY0, 1);
    /* the secondary (first) operand is stored with the R3 key */
    CU_ASSERT_EQUAL(move_space(false, psw, SHARED, SRC, 1), PGM_PROTECTION);
    CU_ASSERT_EQUAL(move_space(false, psw, SHARED, SRC, 6), 0);
    CU_ASSERT_EQUAL(memcmp(m->ms->mem + SFRAME, "SOURCE-B", 8), 0);
    /* the primary (second) operand is fetched with the PSW key */
    psw = psw_with_key(PSW_DAT_KEY0, 2);
    CU_ASSERT_EQUAL(move_space(false, psw, SHARED, SRC, 6), PGM_PROTECTION);
    machine_destroy(m);
}

UNIT_SUITE(space)
{
    UNIT_TEST(s, test_mvck_source_key);
    UNIT_TEST(s, test_mvck_destination_uses_psw_key);
    UNIT_TEST(s, test_mvck_protection_keeps_cc);
    UNIT_TEST(s, test_mvcsk_and_mvcdk_keys);
    UNIT_TEST(s, test_mvcp_secondary_key);
    UNIT_TEST(s, test_mvcs_secondary_key);
}

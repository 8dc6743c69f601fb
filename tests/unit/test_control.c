/*
 * Control helpers: the CPU ID formats, PER ranges, key-controlled
 * protection with its overrides, the machine-check interruption and the
 * priority of restart (SA22-7201 chapters 3, 4, 6 and 10).
 */
#include "cpu/access.h"
#include "cpu/control.h"
#include "cpu/interrupt.h"
#include "cpu/machine.h"
#include "cpu/per.h"
#include "unit.h"

static struct machine *new_machine(int ncpu)
{
    struct machine *m = machine_create(1 << 20, ncpu);
    m->cpuid = (struct cpuid_config){ .version = 0xAA, .serial = 0x666666, .model = 0x4444,
                                      .lpar = -1, .format = 0 };
    return m;
}

static void test_cpuid_formats(void)
{
    struct machine *m = new_machine(2);
    struct cpu *c1 = m->cpu[1];
    /* basic mode: the first digit of the serial is the CPU address */
    CU_ASSERT_EQUAL(cpuid_value(m->cpu[0]), UINT64_C(0xAA06666644440000));
    CU_ASSERT_EQUAL(cpuid_value(c1), UINT64_C(0xAA16666644440000));
    /* LPAR format 0: CPU address, then the partition number */
    m->cpuid.lpar = 3;
    CU_ASSERT_EQUAL(cpuid_value(c1), UINT64_C(0xAA13666644440000));
    /* LPAR format 1: two digits of partition number, bit 48 on */
    m->cpuid.format = 1;
    m->cpuid.lpar = 0x2B;
    CU_ASSERT_EQUAL(cpuid_value(c1), UINT64_C(0xAA2B666644448000));
    machine_destroy(m);
}

static void test_facility_list(void)
{
    struct machine *m = new_machine(1);
    CU_ASSERT_EQUAL(cpuid_facility_list(m), 0x80008800u);
    machine_set_facilities(m, FAC_BFP);
    CU_ASSERT_EQUAL(cpuid_facility_list(m), 0);
    machine_destroy(m);
}

static void test_per_ranges(void)
{
    static const struct {
        uint32_t cr10, cr11, addr, len;
        bool hit;
    } cases[] = {
        { 0x1000, 0x1FFF, 0x1000, 1, true },
        { 0x1000, 0x1FFF, 0x1FFF, 1, true },
        { 0x1000, 0x1FFF, 0x0FFF, 1, false },
        { 0x1000, 0x1FFF, 0x2000, 1, false },
        /* a store that ends at the start or begins at the end hits */
        { 0x1000, 0x1FFF, 0x0FFC, 5, true },
        { 0x1000, 0x1FFF, 0x0FFC, 4, false },
        { 0x1000, 0x1FFF, 0x1FFF, 8, true },
        /* start above end: the range wraps around the top of storage */
        { 0x7FFFF000, 0x0FFF, 0x7FFFFFFF, 1, true },
        { 0x7FFFF000, 0x0FFF, 0, 1, true },
        { 0x7FFFF000, 0x0FFF, 0x1000, 1, false },
        { 0x7FFFF000, 0x0FFF, 0x7FFFEFFF, 1, false },
        { 0x7FFFF000, 0x0FFF, 0x7FFFEFF8, 16, true },
        { 0x7FFFF000, 0x0FFF, 0x2000, 16, false },
        /* bit 0 of CR10 and CR11 is not part of the address */
        { 0x80001000, 0x80001000, 0x1000, 1, true },
    };
    struct machine *m = new_machine(1);
    struct cpu *c = m->cpu[0];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        c->cr[10] = cases[i].cr10;
        c->cr[11] = cases[i].cr11;
        CU_ASSERT_EQUAL(per_range_hit(c, cases[i].addr, cases[i].len), cases[i].hit);
        if (cases[i].len == 1)
            CU_ASSERT_EQUAL(per_in_range(c, cases[i].addr), cases[i].hit);
    }
    machine_destroy(m);
}

static void test_key_protection(void)
{
    struct machine *m = new_machine(1);
    struct cpu *c = m->cpu[0];
    c->cr[0] = 0x000000E0;
    /* key 0 and a matching key may do anything */
    CU_ASSERT_TRUE(access_key_allows(c, 0x5000, 0x38, 0, ACC_STORE));
    CU_ASSERT_TRUE(access_key_allows(c, 0x5000, 0x38, 3, ACC_STORE));
    /* other keys: fetch unless fetch protected, never store */
    CU_ASSERT_TRUE(access_key_allows(c, 0x5000, 0x30, 2, ACC_FETCH));
    CU_ASSERT_FALSE(access_key_allows(c, 0x5000, 0x30, 2, ACC_STORE));
    CU_ASSERT_FALSE(access_key_allows(c, 0x5000, 0x38, 2, ACC_FETCH));
    /* fetch-protection override: only effective addresses 0-2047 */
    c->cr[0] |= 0x02000000;
    CU_ASSERT_TRUE(access_key_allows(c, 0x07FF, 0x38, 2, ACC_FETCH));
    CU_ASSERT_FALSE(access_key_allows(c, 0x0800, 0x38, 2, ACC_FETCH));
    CU_ASSERT_FALSE(access_key_allows(c, 0x07FF, 0x38, 2, ACC_STORE));
    /* storage-protection override: key-9 storage is open to all keys */
    c->cr[0] = 0x010000E0;
    CU_ASSERT_TRUE(access_key_allows(c, 0x5000, 0x98, 2, ACC_STORE));
    CU_ASSERT_TRUE(access_key_allows(c, 0x5000, 0x98, 2, ACC_FETCH));
    CU_ASSERT_FALSE(access_key_allows(c, 0x5000, 0x88, 2, ACC_STORE));
    /* low-address protection: stores to 0-511 in real or public spaces */
    c->cr[0] = 0x100000E0;
    CU_ASSERT_TRUE(access_low_address_protected(c, 511, TLB_REAL));
    CU_ASSERT_FALSE(access_low_address_protected(c, 512, TLB_REAL));
    c->cr[1] = 0x00008100;    /* private space */
    CU_ASSERT_FALSE(access_low_address_protected(c, 0, TLB_PRIMARY));
    machine_destroy(m);
}

/* A CPU with its new PSWs at the usual places, all disabled waits with
   an address naming the interruption. */
static struct cpu *interruption_cpu(struct machine *m)
{
    struct cpu *c = m->cpu[0];
    uint8_t *lc = m->ms->mem;
    put_be64(lc + LC_RESTART_NEW, UINT64_C(0x000A00000000AAAA));
    put_be64(lc + LC_EXT_NEW, UINT64_C(0x000A00000000EEEE));
    put_be64(lc + LC_MCK_NEW, UINT64_C(0x000A00000000CCCC));
    c->state = CPU_OPERATING;
    return c;
}

static void test_machine_check(void)
{
    struct machine *m = new_machine(1);
    struct cpu *c = interruption_cpu(m);
    uint8_t *lc = m->ms->mem;
    cpu_set_psw(c, 0x000C0000, 0x80001000);          /* machine checks enabled */
    c->gr[7] = 0x77777777;
    c->cr[14] = 0xC2000000;                          /* external damage only */
    /* a recovery report is held while its subclass mask is off */
    cpu_machine_check(c, MCIC_SR);
    CU_ASSERT_FALSE(cpu_interrupt_pending(c));
    c->cr[14] |= 0x08000000;
    CU_ASSERT_TRUE(cpu_interrupt_pending(c));
    /* PSW bit 13 off: not even system damage is taken */
    cpu_set_psw(c, 0x00080000, 0x80001000);
    cpu_machine_check(c, MCIC_SD);
    CU_ASSERT_FALSE(cpu_interrupt_pending(c));
    cpu_set_psw(c, 0x000C0000, 0x80001000);
    CU_ASSERT_TRUE(cpu_take_interrupt(c));
    /* both conditions in the MCIC, with the validity bits */
    uint64_t mcic = be64(lc + LC_MCK_CODE);
    CU_ASSERT_EQUAL(mcic & (MCIC_SD | MCIC_SR), MCIC_SD | MCIC_SR);
    CU_ASSERT_TRUE((mcic & (UINT64_C(1) << (63 - 28))) != 0);   /* GRs valid */
    CU_ASSERT_EQUAL(be64(lc + LC_MCK_OLD), UINT64_C(0x000C000080001000));
    CU_ASSERT_EQUAL(be32(lc + 0x180 + 7 * 4), 0x77777777u);  /* GR save area */
    CU_ASSERT_EQUAL(be32(lc + 0x1C0 + 14 * 4), 0xCA000000u); /* CR save area */
    CU_ASSERT_EQUAL(c->ia, 0xCCCCu);
    CU_ASSERT_EQUAL(c->mck_pending, 0);
    machine_destroy(m);
}

static void test_restart_after_external(void)
{
    struct machine *m = new_machine(1);
    struct cpu *c = interruption_cpu(m);
    uint8_t *lc = m->ms->mem;
    /* an enabled clock-comparator interruption and a restart are both
       pending: restart has the lowest priority, so the external
       interruption is taken first and restart finds its new PSW */
    c->cr[0] = 0x000008E0;
    c->ckc = 0;
    cpu_set_psw(c, 0x01080000, 0x80002000);
    cpu_post_event(c, EV_RESTART);
    CU_ASSERT_EQUAL(cpu_run(c), CPU_EXIT_DISABLED_WAIT);
    CU_ASSERT_EQUAL(be64(lc + LC_EXT_OLD), UINT64_C(0x0108000080002000));
    CU_ASSERT_EQUAL(be16(lc + LC_EXT_CODE), 0x1004);
    CU_ASSERT_EQUAL(be64(lc + LC_RESTART_OLD), UINT64_C(0x000A00000000EEEE));
    CU_ASSERT_EQUAL(c->ia, 0xAAAAu);
    machine_destroy(m);
}

static void test_psw_format(void)
{
    struct machine *m = new_machine(1);
    struct cpu *c = m->cpu[0];
    uint8_t psw[8];
    /* a valid PSW is stored back as loaded */
    cpu_set_psw(c, 0x070D3000, 0x80012344);
    CU_ASSERT_FALSE(c->psw_bad);
    cpu_store_psw(c, psw);
    CU_ASSERT_EQUAL(be64(psw), UINT64_C(0x070D300080012344));
    /* bit 12 zero, bits 24-31 nonzero, 24-bit address above 16M */
    cpu_set_psw(c, 0x00000000, 0x80000000);
    CU_ASSERT_TRUE(c->psw_bad);
    cpu_set_psw(c, 0x00080001, 0x80000000);
    CU_ASSERT_TRUE(c->psw_bad);
    cpu_set_psw(c, 0x00080000, 0x01000000);
    CU_ASSERT_TRUE(c->psw_bad);
    /* an invalid PSW is stored exactly as introduced */
    cpu_store_psw(c, psw);
    CU_ASSERT_EQUAL(be64(psw), UINT64_C(0x0008000001000000));
    CU_ASSERT_TRUE(c->events & EV_PSW_INVALID);
    machine_destroy(m);
}

UNIT_SUITE(control)
{
    UNIT_TEST(s, test_cpuid_formats);
    UNIT_TEST(s, test_facility_list);
    UNIT_TEST(s, test_per_ranges);
    UNIT_TEST(s, test_key_protection);
    UNIT_TEST(s, test_machine_check);
    UNIT_TEST(s, test_restart_after_external);
    UNIT_TEST(s, test_psw_format);
}

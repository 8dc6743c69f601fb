/* SIGNAL PROCESSOR and store status without CPU threads (SA22-7201
   chapter 4): CPU 1 never runs on its own, so orders that must wait for
   an instruction boundary of an operating CPU stay pending (busy), and
   the test honours them by running CPU 1 itself. */
#include <string.h>

#include "cpu/interrupt.h"
#include "cpu/sigp.h"
#include "harness.h"
#include "unit.h"

#define PSW_SUPER 0x00080000u

static struct machine *m;
static struct cpu *c0, *c1;

static void setup(void)
{
    m = harness_machine(2);
    c0 = m->cpu[0];
    c1 = m->cpu[1];
}

/* SIGP R1,R3=6,order: GR6 = CPU address, parameter in GR(R1|1).
   Returns the condition code. */
static unsigned sigp(unsigned r1, uint16_t cpu, uint8_t order)
{
    const uint8_t insn[] = { 0xAE, (uint8_t)(r1 << 4 | 6), 0x00, order };
    c0->gr[6] = cpu;
    CU_ASSERT_EQUAL(harness_exec(c0, PSW_SUPER, insn), 0);
    return c0->cc;
}

static void test_store_status_layout(void)
{
    setup();
    for (int i = 0; i < 16; i++) {
        c1->gr[i] = 0x10000000u + (uint32_t)i;
        c1->ar[i] = 0xA0000000u + (uint32_t)i;
        c1->cr[i] = 0xC0000000u + (uint32_t)i;
        c1->fpr[i] = 0xF000000000000000u + (uint64_t)i;
    }
    c1->prefix = 0x7000;
    c1->ckc = 0x1122334455667788u;
    cpu_set_psw(c1, 0x070D2000u, 0x80123456u);
    cpu_store_status(c1, 0x8000);
    const uint8_t *p = m->ms->mem + 0x8000;
    CU_ASSERT_EQUAL(be64(p + 224), 0x1122334455667788u);
    CU_ASSERT_EQUAL(be32(p + 256), 0x070D2000u);
    CU_ASSERT_EQUAL(be32(p + 260), 0x80123456u);
    CU_ASSERT_EQUAL(be32(p + 264), 0x7000u);
    for (int i = 0; i < 16; i++) {
        CU_ASSERT_EQUAL(be32(p + 288 + 4 * i), 0xA0000000u + (uint32_t)i);
        CU_ASSERT_EQUAL(be32(p + 384 + 4 * i), 0x10000000u + (uint32_t)i);
        CU_ASSERT_EQUAL(be32(p + 448 + 4 * i), 0xC0000000u + (uint32_t)i);
    }
    for (int i = 0; i < 4; i++)   /* FPRs 0, 2, 4, 6 */
        CU_ASSERT_EQUAL(be64(p + 352 + 8 * i), 0xF000000000000000u + 2 * (uint64_t)i);
    CU_ASSERT_EQUAL(p[215], 0);   /* nothing below the CPU timer */
    machine_destroy(m);
}

static void test_not_operational(void)
{
    setup();
    c0->gr[4] = 0x12345678;
    CU_ASSERT_EQUAL(sigp(4, 2, 0x01), 3);        /* no CPU 2 */
    CU_ASSERT_EQUAL(sigp(4, 0x0102, 0x01), 3);   /* CPU 258: none either */
    c1->online = false;
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 3);
    CU_ASSERT_EQUAL(c0->gr[4], 0x12345678u);     /* no status stored */
    c1->online = true;
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000040u);     /* the whole register */
    machine_destroy(m);
}

static void test_parameter_register(void)
{
    setup();
    c0->gr[4] = 0x30000;   /* R1 even: the parameter is in R1 + 1 */
    c0->gr[5] = 0x20000;
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0D), 0);
    CU_ASSERT_EQUAL(c1->prefix, 0x20000u);
    c0->gr[5] = 0x21FFF;   /* R1 odd: R1 itself; bits 20-31 ignored */
    CU_ASSERT_EQUAL(sigp(5, 1, 0x0D), 0);
    CU_ASSERT_EQUAL(c1->prefix, 0x21000u);
    machine_destroy(m);
}

static void test_restart_busy_and_reset(void)
{
    setup();
    uint8_t *lc1 = m->ms->mem + 0x20000;
    c0->gr[5] = 0x20000;
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0D), 0);
    put_be32(lc1 + LC_RESTART_NEW, 0x00080000u);
    put_be32(lc1 + LC_RESTART_NEW + 4, 0x80001000u);
    cpu_set_psw(c1, 0x00080000u, 0x80000444u);
    /* a stopped CPU: started with the restart interruption at once */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x06), 0);
    CU_ASSERT_EQUAL(c1->state, CPU_OPERATING);
    CU_ASSERT_EQUAL(c1->ia, 0x1000u);
    CU_ASSERT_EQUAL(be32(lc1 + LC_RESTART_OLD + 4), 0x80000444u);
    /* an operating CPU takes it at its next instruction boundary; until
       then it is busy to every order but the resets */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x06), 0);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 2);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x03), 2);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0C), 0);        /* CPU reset: accepted */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x05), 2);
    CU_ASSERT_EQUAL(cpu_run(c1), CPU_EXIT_STOPPED);  /* CPU 1 honours it */
    CU_ASSERT_EQUAL(c1->state, CPU_STOPPED);
    CU_ASSERT_EQUAL(c1->ia, 0x1000u);            /* the restart was dropped */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000040u);
    machine_destroy(m);
}

static void test_stop_and_store_status_pending(void)
{
    setup();
    cpu_set_psw(c1, 0x00080000u, 0x80000500u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x04), 0);        /* start */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 0);        /* operating */
    c1->gr[9] = 0x99999999u;
    CU_ASSERT_EQUAL(sigp(4, 1, 0x09), 0);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0E), 2);        /* busy stopping */
    CU_ASSERT_EQUAL(cpu_run(c1), CPU_EXIT_STOPPED);
    CU_ASSERT_EQUAL(be32(m->ms->mem + 384 + 4 * 9), 0x99999999u);
    CU_ASSERT_EQUAL(be32(m->ms->mem + 260), 0x80000500u);
    machine_destroy(m);
}

/* CPU 1 operating, enabled for external calls (CR0 bit 18), with one
   pending; its external new PSW addresses X'7000'. */
static void operating_with_external_call(void)
{
    uint8_t *lc1 = m->ms->mem;
    put_be32(lc1 + LC_EXT_NEW, 0x00080000u);
    put_be32(lc1 + LC_EXT_NEW + 4, 0x80007000u);
    c1->cr[0] |= 0x00002000u;
    cpu_set_psw(c1, 0x01080000u, 0x80000600u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x04), 0);        /* start */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x02), 0);        /* external call */
}

static void test_stop_takes_interruptions_first(void)
{
    setup();
    operating_with_external_call();
    CU_ASSERT_EQUAL(sigp(4, 1, 0x05), 0);        /* stop */
    CU_ASSERT_EQUAL(cpu_run(c1), CPU_EXIT_STOPPED);
    CU_ASSERT_EQUAL(be16(m->ms->mem + LC_EXT_CODE), 0x1202);
    CU_ASSERT_EQUAL(be32(m->ms->mem + LC_EXT_OLD + 4), 0x80000600u);
    CU_ASSERT_EQUAL(c1->ia, 0x7000u);            /* stopped in the handler */
    machine_destroy(m);
}

static void test_reset_does_not_wait_for_interruptions(void)
{
    setup();
    operating_with_external_call();
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0C), 0);        /* CPU reset */
    CU_ASSERT_EQUAL(cpu_run(c1), CPU_EXIT_STOPPED);
    CU_ASSERT_EQUAL(c1->ia, 0x600u);             /* none taken, and the */
    CU_ASSERT_EQUAL(c1->ext_pending, 0u);        /* call is gone */
    machine_destroy(m);
}

static void test_pending_signals(void)
{
    setup();
    CU_ASSERT_EQUAL(sigp(4, 1, 0x02), 0);        /* external call */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x02), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000080u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x03), 0);        /* emergency signals */
    CU_ASSERT_EQUAL(sigp(4, 1, 0x03), 0);
    CU_ASSERT_EQUAL(c1->emergency_from, 1u);     /* one per sender */
    CU_ASSERT_EQUAL(c1->extcall_from, 0);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x000000C0u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0C), 0);        /* CPU reset clears them */
    CU_ASSERT_EQUAL(c1->emergency_from, 0u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000040u);
    machine_destroy(m);
}

static void test_check_stop(void)
{
    setup();
    c1->state = CPU_CHECKSTOP;
    CU_ASSERT_EQUAL(sigp(4, 1, 0x01), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000010u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x03), 1);
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000010u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x04), 1);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x12), 1);        /* invalid order first */
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000002u);
    CU_ASSERT_EQUAL(sigp(4, 1, 0x0B), 0);        /* initial CPU reset */
    CU_ASSERT_EQUAL(c1->state, CPU_STOPPED);
    machine_destroy(m);
}

static void test_self(void)
{
    setup();
    c0->gr[5] = 0x20000;
    CU_ASSERT_EQUAL(sigp(4, 0, 0x0D), 1);        /* the issuer operates */
    CU_ASSERT_EQUAL(c0->gr[4], 0x00000200u);
    CU_ASSERT_EQUAL(sigp(4, 0, 0x01), 0);
    CU_ASSERT_EQUAL(sigp(4, 0, 0x05), 0);        /* stop: at the boundary */
    CU_ASSERT_EQUAL(c0->state, CPU_OPERATING);   /* after SIGP, where the */
    c0->icount_limit = UINT64_MAX;               /* harness had it leave */
    CU_ASSERT_EQUAL(cpu_run(c0), CPU_EXIT_STOPPED);
    CU_ASSERT_EQUAL(c0->state, CPU_STOPPED);
    CU_ASSERT_EQUAL(c0->ia, HARNESS_INSN + 4);
    machine_destroy(m);
}

UNIT_SUITE(sigp)
{
    UNIT_TEST(s, test_store_status_layout);
    UNIT_TEST(s, test_not_operational);
    UNIT_TEST(s, test_parameter_register);
    UNIT_TEST(s, test_restart_busy_and_reset);
    UNIT_TEST(s, test_stop_and_store_status_pending);
    UNIT_TEST(s, test_stop_takes_interruptions_first);
    UNIT_TEST(s, test_reset_does_not_wait_for_interruptions);
    UNIT_TEST(s, test_pending_signals);
    UNIT_TEST(s, test_check_stop);
    UNIT_TEST(s, test_self);
}

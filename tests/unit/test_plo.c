/* PERFORM LOCKED OPERATION under host concurrency: two CPUs on their own
   threads update a pair of counters with DOUBLE COMPARE AND SWAP; the
   interlock must make every update of the pair atomic. */
#include "cpu/insn.h"
#include "cpu/machine.h"
#include "unit.h"

#define ITERATIONS 1000000
#define COUNTERS   0x2000

/* Each CPU, GR9 times: load both counters, then PLO DCS (GR0 = 8) with
   both incremented, retrying while a comparison fails; then wait. */
static const uint8_t program[] = {
    0x58, 0x20, 0xA0, 0x00,              /* 1000 L    2,0(10)           */
    0x58, 0x40, 0xA0, 0x04,              /* 1004 L    4,4(10)           */
    0x18, 0x32,                          /* 1008 LR   3,2               */
    0xA7, 0x3A, 0x00, 0x01,              /* 100A AHI  3,1               */
    0x18, 0x54,                          /* 100E LR   5,4               */
    0xA7, 0x5A, 0x00, 0x01,              /* 1010 AHI  5,1               */
    0xEE, 0x24, 0xA0, 0x00, 0xA0, 0x04,  /* 1014 PLO  2,0(10),4,4(10)   */
    0xA7, 0x64, 0xFF, 0xF7,              /* 101A BRC  6,1008            */
    0xA7, 0x96, 0xFF, 0xF1,              /* 101E BRCT 9,1000            */
    0x82, 0x00, 0x10, 0x28,              /* 1022 LPSW X'1028'           */
    0x07, 0x00,                          /* 1026 pad                    */
    0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,   /* disabled wait  */
};

static void test_dcs_pair_is_atomic(void)
{
    struct machine *m = machine_create(1 << 20, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    __builtin_memcpy(m->ms->mem + 0x1000, program, sizeof program);
    for (int i = 0; i < 2; i++) {
        struct cpu *c = m->cpu[i];
        c->gr[0] = 8;                    /* DCS */
        c->gr[1] = COUNTERS;             /* lock token */
        c->gr[9] = ITERATIONS;
        c->gr[10] = COUNTERS;
        cpu_set_psw(c, 0x00080000u, 0x80001000u);
        machine_start_cpu(m, c);
    }
    machine_start(m);
    CU_ASSERT_TRUE(machine_wait_quiet(m, 60000));
    CU_ASSERT_EQUAL(be32(m->ms->mem + COUNTERS), 2 * ITERATIONS);
    CU_ASSERT_EQUAL(be32(m->ms->mem + COUNTERS + 4), 2 * ITERATIONS);
    machine_destroy(m);
}

UNIT_SUITE(plo)
{
    UNIT_TEST(s, test_dcs_pair_is_atomic);
}

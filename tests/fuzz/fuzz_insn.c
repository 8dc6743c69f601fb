/*
 * libFuzzer target: random instruction streams on a one-CPU machine.
 *
 * The input's first 16 bytes pick the start state (PSW bits, control
 * registers); the rest is loaded at X'1000' and executed for a bounded
 * number of instructions.  Every interruption's new PSW points at a
 * one-instruction handler that resumes the old PSW, so execution goes on
 * past exceptions.  AddressSanitizer and the guard areas around guest
 * storage turn any host access outside the guest's storage into a crash.
 */
#include <stdint.h>
#include <string.h>

#include "cpu/interrupt.h"
#include "cpu/machine.h"

#define STORAGE (256u * 1024)
#define CODE_AT 0x1000u
#define MAX_INSNS 20000u

static struct machine *m;

/* New PSW of each interruption class -> "LPSW old PSW" at `handler`. */
static void install_handlers(uint8_t *mem)
{
    static const struct { uint32_t new_psw, old_psw, handler; } classes[] = {
        { LC_EXT_NEW, LC_EXT_OLD, 0x200 }, { LC_SVC_NEW, LC_SVC_OLD, 0x204 },
        { LC_PGM_NEW, LC_PGM_OLD, 0x208 }, { LC_MCK_NEW, LC_MCK_OLD, 0x20C },
        { LC_IO_NEW, LC_IO_OLD, 0x210 },
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        put_be32(mem + classes[i].new_psw, 0x00080000u);
        put_be32(mem + classes[i].new_psw + 4, 0x80000000u | classes[i].handler);
        put_be32(mem + classes[i].handler, 0x82000000u | classes[i].old_psw);   /* LPSW */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 16)
        return 0;
    if (!m)
        m = machine_create(STORAGE, 1);
    machine_clear_reset(m);
    struct cpu *c = m->cpu[0];
    uint8_t *mem = m->ms->mem;
    install_handlers(mem);
    size_t code = size - 16 < STORAGE - CODE_AT ? size - 16 : STORAGE - CODE_AT;
    memcpy(mem + CODE_AT, data + 16, code);

    /* Start state: DAT, key, problem state, AS, amode, program mask from
       the header; CR0/CR1/CR7/CR13 random, so DAT walks random tables. */
    uint32_t w0 = PSW_ESA | (be32(data) & (PSW_DAT | PSW_KEY | PSW_PROBLEM | PSW_AS | PSW_PM));
    uint32_t w1 = (data[4] & 0x80 ? PSW_AMODE31 : 0) | CODE_AT;
    c->cr[0] = be32(data + 4) | 0x00B00000u;
    c->cr[1] = c->cr[7] = c->cr[13] = be32(data + 8) & 0x0003F07Fu;
    c->prefix = (data[12] & 1) ? 0x2000 : 0;
    for (int r = 0; r < 16; r++)
        c->gr[r] = (uint32_t)data[13 + (r % 3)] << (r % 24);
    c->exit_on_wait = true;
    c->icount_limit = c->icount + MAX_INSNS;
    cpu_tlb_purge(c);
    cpu_set_psw(c, w0, w1);
    c->state = CPU_OPERATING;
    cpu_run(c);
    return 0;
}

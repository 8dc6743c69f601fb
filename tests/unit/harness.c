/* Single-instruction execution for unit tests (harness.h). */
#include "harness.h"

#include <string.h>

#include "cpu/insn.h"
#include "cpu/interrupt.h"

#define PGM_HANDLER 0x3000u

struct machine *harness_machine(int ncpu)
{
    struct machine *m = machine_create(1u << 20, ncpu);
    if (m)
        machine_clear_reset(m);
    return m;
}

uint16_t harness_exec(struct cpu *c, uint32_t w0, const uint8_t *insn)
{
    uint8_t *lc = c->ms->mem + c->prefix;
    put_be32(lc + LC_PGM_NEW, 0x00080000u);
    put_be32(lc + LC_PGM_NEW + 4, 0x80000000u | PGM_HANDLER);
    put_be16(lc + LC_PGM_CODE, 0);
    memcpy(c->ms->mem + HARNESS_INSN, insn, insn_length(insn[0]));
    cpu_set_psw(c, w0, 0x80000000u | HARNESS_INSN);
    c->pgm_seen = false;   /* each call is a fresh start, not a loop */
    c->state = CPU_OPERATING;
    c->quiet = false;      /* running, as on its thread */
    c->icount_limit = c->icount + 1;
    cpu_run(c);
    c->quiet = true;
    return c->ia == PGM_HANDLER ? be16(lc + LC_PGM_CODE) : 0;
}

/* CPU creation, resets and TLB purging. */
#include "cpu.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"

struct cpu *cpu_create(struct machine *m, uint16_t cpuad)
{
    struct cpu *c = aligned_alloc(64, (sizeof(struct cpu) + 63) & ~(size_t)63);
    if (!c)
        return NULL;
    memset(c, 0, sizeof *c);
    c->m = m;
    c->ms = m->ms;
    c->cpuad = cpuad;
    c->icount_limit = UINT64_MAX;
    c->state = CPU_STOPPED;
    c->quiet = true;
    cpu_initial_reset(c);
    return c;
}

void cpu_destroy(struct cpu *c)
{
    free(c);
}

void cpu_tlb_purge(struct cpu *c)
{
    for (int i = 0; i <= TLB_NSPACES; i++)
        tlb_flush_set(&c->tlb[i]);
    cpu_ifetch_invalidate(c);
}

void cpu_tlb_purge_all(struct cpu *c)
{
    struct machine *m = c->m;
    cpu_tlb_purge(c);
    for (int i = 0; i < m->ncpu; i++)
        if (m->cpu[i] && m->cpu[i] != c)
            cpu_post_event(m->cpu[i], EV_TLB_FLUSH);
    /* A CPU that is executing must have purged before we go on; one that
       waits or is stopped purges before its next instruction anyway. */
    for (int i = 0; i < m->ncpu; i++) {
        struct cpu *o = m->cpu[i];
        if (!o || o == c)
            continue;
        while ((__atomic_load_n(&o->events, __ATOMIC_ACQUIRE) & EV_TLB_FLUSH) &&
               __atomic_load_n(&o->executing, __ATOMIC_ACQUIRE))
            sched_yield();
    }
}

void cpu_reset(struct cpu *c)
{
    c->ext_pending = 0;
    c->emergency_from = 0;
    c->per_pending = 0;
    c->ex_active = false;
    c->pgm_loop = false;
    c->pgm_seen = false;
    cpu_clear_event(c, EV_RESTART | EV_PSW_INVALID | EV_STOP | EV_CHECK_INTR);
    c->state = CPU_STOPPED;
    cpu_tlb_purge(c);
}

void cpu_initial_reset(struct cpu *c)
{
    cpu_reset(c);
    memset(c->cr, 0, sizeof c->cr);
    c->cr[0] = 0x000000E0u;
    c->cr[14] = 0xC2000000u;
    c->prefix = 0;
    c->ckc = 0;
    c->cpu_timer_deadline = 0;
    c->fpc = 0;
    c->ia = 0;
    c->cc = 0;
    c->pswm = 0;
    c->amask = 0x00FFFFFFu;
    c->psw_bad = false;
    if (c->m->disp_super)
        cpu_psw_changed(c);
    cpu_clear_event(c, EV_WAIT | EV_CHECK_INTR);
}

/* The ESA/390 PSW: loading, storing, format checks and derived state. */
#include "access.h"
#include "cpu.h"
#include "insn.h"
#include "machine.h"

/* Word 0 bits that must be zero: 0, 2-4 and 24-31. */
#define PSW_W0_ZERO 0xB80000FFu

static bool psw_format_ok(uint32_t w0, uint32_t w1)
{
    if ((w0 & PSW_W0_ZERO) || !(w0 & PSW_ESA))
        return false;
    /* In the 24-bit addressing mode bits 33-39 must be zero. */
    if (!(w1 & PSW_AMODE31) && (w1 & 0x7F000000u))
        return false;
    return true;
}

void cpu_set_psw(struct cpu *c, uint32_t w0, uint32_t w1)
{
    c->cc = (w0 >> 12) & 3;
    c->pswm = w0 & ~PSW_CC;
    c->amask = (w1 & PSW_AMODE31) ? 0x7FFFFFFFu : 0x00FFFFFFu;
    c->ia = w1 & 0x7FFFFFFFu;
    c->psw_bad = !psw_format_ok(w0, w1);
    if (c->psw_bad) {
        /* Early exception: recognized before the next instruction; the
           PSW is stored exactly as it was introduced. */
        c->psw_bad_w0 = w0;
        c->psw_bad_w1 = w1;
        c->ia &= c->amask;
        cpu_post_event(c, EV_PSW_INVALID);
    } else {
        cpu_clear_event(c, EV_PSW_INVALID);
    }
    cpu_psw_changed(c);
}

void cpu_load_psw(struct cpu *c, const uint8_t psw[8])
{
    cpu_set_psw(c, be32(psw), be32(psw + 4));
}

uint32_t cpu_psw_word1(const struct cpu *c)
{
    return c->ia | (c->amask == 0x7FFFFFFFu ? PSW_AMODE31 : 0);
}

void cpu_store_psw(const struct cpu *c, uint8_t psw[8])
{
    if (c->psw_bad) {
        put_be32(psw, c->psw_bad_w0);
        put_be32(psw + 4, c->psw_bad_w1);
        return;
    }
    put_be32(psw, c->pswm | (uint32_t)c->cc << 12);
    put_be32(psw + 4, cpu_psw_word1(c));
}

void cpu_psw_changed(struct cpu *c)
{
    struct machine *m = c->m;
    c->key_tag = (c->pswm & PSW_KEY) >> 16;
    c->disp = (c->pswm & PSW_PROBLEM) ? m->disp_problem : m->disp_super;
    c->tlb_insn = &c->tlb[access_space(c, 0, ACC_IFETCH)];
    /* In AR mode the space depends on each access: use the empty set so
       that every operand access takes the slow path. */
    bool ar_mode = (c->pswm & PSW_DAT) && (c->pswm & PSW_AS) == AS_AR;
    c->tlb_opnd = &c->tlb[ar_mode ? TLB_NSPACES : access_space(c, 0, ACC_FETCH)];
    cpu_ifetch_invalidate(c);
    uint32_t ev = EV_CHECK_INTR;
    if (c->pswm & PSW_WAIT)
        ev |= EV_WAIT;
    else
        cpu_clear_event(c, EV_WAIT);
    if ((c->pswm & PSW_PER) && (c->cr[9] & 0xF0000000u)) {
        /* Stores must now be seen one by one: drop the store entries. */
        if (!(c->events & EV_PER))
            cpu_tlb_purge(c);
        ev |= EV_PER;
    } else {
        cpu_clear_event(c, EV_PER);
    }
    cpu_post_event(c, ev);
}

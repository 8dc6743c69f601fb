/* Control instructions: PSW, control registers, TLB, clock. */
#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"


/* Which TLB spaces depend on which control register. */
static void control_registers_changed(struct cpu *c, uint16_t changed)
{
    if (changed & (1u << 0)) {
        cpu_tlb_purge(c);
    } else {
        if (changed & (1u << 1))
            tlb_flush_set(&c->tlb[TLB_PRIMARY]);
        if (changed & (1u << 7))
            tlb_flush_set(&c->tlb[TLB_SECONDARY]);
        if (changed & (1u << 13))
            tlb_flush_set(&c->tlb[TLB_HOME]);
        cpu_ifetch_invalidate(c);
    }
    cpu_psw_changed(c);   /* interruption subclass masks, PER controls */
}

void op_LPSW(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint64_t psw = vfetch8(c, ea, BASE(ip + 2));
    cpu_set_psw(c, (uint32_t)(psw >> 32), (uint32_t)psw);
}

void op_LCTL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip);
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    unsigned n = ((r3 - r1) & 15) + 1;
    uint8_t buf[64];
    vfetch_bytes(c, ea, BASE(ip + 2), buf, n * 4);
    uint16_t changed = 0;
    for (unsigned i = 0; i < n; i++) {
        int r = (r1 + (int)i) & 15;
        uint32_t v = be32(buf + 4 * i);
        if (c->cr[r] != v)
            changed |= (uint16_t)(1u << r);
        c->cr[r] = v;
    }
    if (changed)
        control_registers_changed(c, changed);
}

void op_STCTL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip);
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    unsigned n = ((r3 - r1) & 15) + 1;
    uint8_t buf[64];
    for (unsigned i = 0; i < n; i++)
        put_be32(buf + 4 * i, c->cr[(r1 + (int)i) & 15]);
    vstore_bytes(c, ea, BASE(ip + 2), buf, n * 4);
}

void op_PTLB(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    cpu_tlb_purge(c);
}

void op_STCK(struct cpu *c, const uint8_t *ip)
{
    vstore8(c, addr_bd(c, ip + 2), BASE(ip + 2), machine_tod(c->m));
    c->cc = 0;
}

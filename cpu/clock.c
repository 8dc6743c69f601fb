/*
 * TOD clock, clock comparator and CPU timer instructions: SET CLOCK,
 * STORE CLOCK (EXTENDED), SET/STORE CLOCK COMPARATOR, SET/STORE CPU TIMER.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"
#include "timer.h"

/* The doubleword operand of the clock instructions that must be aligned. */
static uint32_t aligned_operand(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    return ea;
}

/* A timer was set: waiting CPUs must recompute their deadlines, and an
   interruption may now be pending. */
static void timers_changed(struct cpu *c)
{
    machine_kick(c->m);
}

void op_SCK(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = aligned_operand(c, ip);
    machine_set_tod(c->m, vfetch8(c, ea, BASE(ip + 2)));
    timers_changed(c);
    c->cc = 0;
}

void op_STCK(struct cpu *c, const uint8_t *ip)
{
    vstore8(c, addr_bd(c, ip + 2), BASE(ip + 2), machine_tod(c->m));
    c->cc = 0;
}

/* STORE CLOCK EXTENDED: a zero epoch byte, the 64-bit TOD value, zeros in
   the bits below it (the value is unique already) and a zero programmable
   field. */
void op_STCKE(struct cpu *c, const uint8_t *ip)
{
    uint8_t b[16] = { 0 };
    put_be64(b + 1, machine_tod(c->m));
    vstore_bytes(c, addr_bd(c, ip + 2), BASE(ip + 2), b, sizeof b);
    c->cc = 0;
}

void op_SCKC(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = aligned_operand(c, ip);
    c->ckc = vfetch8(c, ea, BASE(ip + 2));
    timers_changed(c);
}

void op_STCKC(struct cpu *c, const uint8_t *ip)
{
    vstore8(c, aligned_operand(c, ip), BASE(ip + 2), c->ckc);
}

void op_SPT(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = aligned_operand(c, ip);
    timer_set_cpu_timer(c, (int64_t)vfetch8(c, ea, BASE(ip + 2)));
    timers_changed(c);
}

void op_STPT(struct cpu *c, const uint8_t *ip)
{
    vstore8(c, aligned_operand(c, ip), BASE(ip + 2), (uint64_t)timer_get_cpu_timer(c));
}

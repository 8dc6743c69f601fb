/*
 * Control instructions: control registers, prefix, DIAGNOSE, MONITOR CALL,
 * TRACE, TRAP and the service call (SA22-7201 chapter 10).
 */
#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"

#define CR0_LOW_ADDRESS_PROTECTION 0x10000000u
#define CR12_EXPLICIT_TRACE        0x00000001u
#define CR12_ENTRY_ADDRESS         0x7FFFFFFCu

void cpu_control_registers_changed(struct cpu *c, uint16_t changed)
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

/* The word-aligned storage operand of LCTL and STCTL and the number of
   control registers R1 through R3 (wrapping from 15 to 0). */
static uint32_t ctl_operand(struct cpu *c, const uint8_t *ip, unsigned *n)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    *n = ((R3(ip) - R1(ip)) & 15) + 1;
    return ea;
}

void op_LCTL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    unsigned n;
    uint32_t ea = ctl_operand(c, ip, &n);
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
        cpu_control_registers_changed(c, changed);
}

void op_STCTL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    unsigned n;
    uint32_t ea = ctl_operand(c, ip, &n);
    uint8_t buf[64];
    for (unsigned i = 0; i < n; i++)
        put_be32(buf + 4 * i, c->cr[(r1 + (int)i) & 15]);
    vstore_bytes(c, ea, BASE(ip + 2), buf, n * 4);
}

/* ---- prefix ---- */

void op_SPX(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint32_t prefix = vfetch4(c, ea, BASE(ip + 2)) & 0x7FFFF000u;
    /* The new prefix area must exist, or the operation is suppressed. */
    if (!storage_valid(c->ms, prefix, PAGE_SIZE))
        cpu_program_check(c, PGM_ADDRESSING_EXC);
    c->prefix = prefix;
    /* Real-to-absolute mappings changed: every TLB entry may be stale. */
    cpu_tlb_purge(c);
}

void op_STPX(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    vstore4(c, ea, BASE(ip + 2), c->prefix);
}

/* ---- DIAGNOSE and the service call: model-dependent ---- */

/* The model has no diagnose functions of its own; a tool (hypervisor
   interface, test runner) may install some.  Anything else is treated as
   an invalid DIAGNOSE code: specification exception. */
void op_DIAG(struct cpu *c, const uint8_t *ip)
{
    struct machine *m = c->m;
    uint32_t code = addr_bd(c, ip + 2);
    if (m->hooks.diagnose && m->hooks.diagnose(m->hooks.ctx, c, code, R1(ip), R3(ip)))
        return;
    cpu_program_check(c, PGM_SPECIFICATION);
}

/* No service processor is attached: the service-call facility answers
   "not operational" (CC 3) to every command. */
void op_SERVC(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    c->cc = 3;
}

/* ---- MONITOR CALL ---- */

void op_MC(struct cpu *c, const uint8_t *ip)
{
    unsigned cls = ip[1];
    if (cls > 15)
        cpu_program_check(c, PGM_SPECIFICATION);
    /* Monitor masks are CR8 bits 16-31, one per class. */
    if (!(c->cr[8] & (0x8000u >> cls)))
        return;
    uint8_t *lc = real_ptr(c, 0, PAGE_SIZE);
    put_be16(lc + LC_MONITOR_CLASS, (uint16_t)cls);
    put_be32(lc + LC_MONITOR_CODE, addr_bd(c, ip + 2));
    cpu_program_check(c, PGM_MONITOR_EVENT);
}

/* ---- TRACE ---- */

/* Store a trace entry of `len` bytes at the address in CR12 and advance
   CR12.  An entry may not cross a 4K boundary (trace-table exception);
   it is a real address, subject to low-address protection. */
static void trace_store_entry(struct cpu *c, const uint8_t *entry, uint32_t len)
{
    uint32_t at = c->cr[12] & CR12_ENTRY_ADDRESS;
    if ((at & ~PAGE_MASK) + len > PAGE_SIZE)
        cpu_program_check(c, PGM_TRACE_TABLE);
    if (at < 512 && (c->cr[0] & CR0_LOW_ADDRESS_PROTECTION))
        cpu_program_check(c, PGM_PROTECTION);
    uint8_t *p = real_ptr(c, at, len);
    __builtin_memcpy(p, entry, len);
    storage_mark_change(c->ms, (uint64_t)(p - c->ms->mem));
    c->cr[12] = (c->cr[12] & ~CR12_ENTRY_ADDRESS) | ((at + len) & CR12_ENTRY_ADDRESS);
}

void op_TRACE(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip);
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    if (!(c->cr[12] & CR12_EXPLICIT_TRACE))
        return;
    uint32_t operand = vfetch4(c, ea, BASE(ip + 2));
    if (operand & 0x80000000u)
        return;   /* bit 0 of the operand suppresses the entry */
    unsigned n = ((unsigned)(r3 - r1) & 15) + 1;
    uint8_t entry[12 + 64];
    uint64_t tod = machine_tod(c->m);
    entry[0] = (uint8_t)(0x70 | (n - 1));
    entry[1] = 0;
    for (int i = 0; i < 6; i++)          /* TOD clock bits 16-63 */
        entry[2 + i] = (uint8_t)(tod >> (40 - 8 * i));
    put_be32(entry + 8, operand);
    for (unsigned i = 0; i < n; i++)
        put_be32(entry + 12 + 4 * i, c->gr[(r1 + (int)i) & 15]);
    trace_store_entry(c, entry, 12 + 4 * n);
}

/* ---- TRAP ---- */

#define CR2_DUCT_ORIGIN  0x7FFFFFC0u
#define DUCT_TRAP_WORD   44            /* bytes 44-47 of the DUCT */
#define DUCT_TRAP_ENABLED 0x00000001u
#define DUCT_TCB_ADDRESS 0x7FFFFFF8u
#define TRAP_SAVE_SIZE   96

/* A word of the trap control block (home space, PSW key); the block is
   doubleword aligned, so a word never crosses a page. */
static uint32_t trap_fetch(struct cpu *c, uint32_t addr)
{
    return be32(access_translate_in(c, addr, TLB_HOME, psw_key(c), ACC_FETCH));
}

/* Store the trap save area (home space, PSW key), checking both pages
   before anything is stored. */
static void trap_store(struct cpu *c, uint32_t addr, const uint8_t *src)
{
    uint32_t last = (addr + TRAP_SAVE_SIZE - 1) & 0x7FFFFFFFu;
    uint8_t *p0 = access_translate_in(c, addr, TLB_HOME, psw_key(c), ACC_STORE);
    uint8_t *p1 = access_translate_in(c, last & PAGE_MASK, TLB_HOME, psw_key(c), ACC_STORE);
    uint32_t n0 = PAGE_SIZE - (addr & ~PAGE_MASK);
    if (n0 >= TRAP_SAVE_SIZE) {
        __builtin_memcpy(p0, src, TRAP_SAVE_SIZE);
        return;
    }
    __builtin_memcpy(p0, src, n0);
    __builtin_memcpy(p1, src + n0, TRAP_SAVE_SIZE - n0);
}

/* TRAP2/TRAP4: pass control to the trap program named by the dispatchable
   unit's trap control block, saving the state in its trap save area. */
static void trap(struct cpu *c, bool trap4, uint32_t operand)
{
    uint32_t as = c->pswm & PSW_AS;
    if (!(c->pswm & PSW_DAT) || (as != AS_PRIMARY && as != AS_AR))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint32_t duct = c->cr[2] & CR2_DUCT_ORIGIN;
    uint32_t word = be32(abs_ptr(c, duct + DUCT_TRAP_WORD, 4));
    if (!(word & DUCT_TRAP_ENABLED))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint32_t tcb = word & DUCT_TCB_ADDRESS;
    uint32_t save = trap_fetch(c, tcb + 12) & 0x7FFFFFF8u;
    uint32_t target = trap_fetch(c, tcb + 20) & 0x7FFFFFFFu;

    uint8_t area[TRAP_SAVE_SIZE] = { 0 };
    area[0] = (uint8_t)((c->ex_active ? 0x80 : 0) | (trap4 ? 0x40 : 0));
    area[1] = c->ilc;
    put_be32(area + 8, operand);
    put_be32(area + 12, c->ar[15]);
    cpu_store_psw(c, area + 16);
    for (int i = 0; i < 16; i++)
        put_be32(area + 32 + 4 * i, c->gr[i]);
    trap_store(c, save, area);

    c->gr[15] = tcb;
    c->pswm &= ~PSW_AS;
    c->amask = 0x7FFFFFFFu;
    cpu_psw_changed(c);
    branch_to(c, target);
}

void op_TRAP2(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    trap(c, false, 0);
}

void op_TRAP4(struct cpu *c, const uint8_t *ip)
{
    trap(c, true, addr_bd(c, ip + 2));
}

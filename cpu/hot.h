/*
 * The most frequent instructions as inline functions: the dispatch loop
 * runs them in place (cpu/run.c), the dispatch table reaches them through
 * the op_ wrappers of cpu/hot.c.  cpu/hot.def lists them.  Also the
 * condition-code and arithmetic helpers that other handlers share.
 */
#ifndef VM390_CPU_HOT_H
#define VM390_CPU_HOT_H

#include "access.h"
#include "insn.h"
#include "interrupt.h"

/* ---- condition-code helpers ---- */

/* 0 equal/zero, 1 low/negative, 2 high/positive (branch-free). */
static inline uint8_t cc_signed(int32_t v) { return (uint8_t)((v != 0) + (v > 0)); }
static inline uint8_t cc_compare_s(int32_t a, int32_t b) { return (uint8_t)((a != b) + (a > b)); }
static inline uint8_t cc_compare_u(uint32_t a, uint32_t b) { return (uint8_t)((a != b) + (a > b)); }

/* Fixed-point overflow: the result stands, CC 3, and the interruption
   happens if the program mask allows it. */
void fixed_overflow(struct cpu *c);

static inline uint32_t add_signed(struct cpu *c, uint32_t a, uint32_t b)
{
    int32_t r;
    if (__builtin_add_overflow((int32_t)a, (int32_t)b, &r)) {
        c->cc = 3;
        return (uint32_t)r;
    }
    c->cc = cc_signed(r);
    return (uint32_t)r;
}

static inline uint32_t sub_signed(struct cpu *c, uint32_t a, uint32_t b)
{
    int32_t r;
    if (__builtin_sub_overflow((int32_t)a, (int32_t)b, &r)) {
        c->cc = 3;
        return (uint32_t)r;
    }
    c->cc = cc_signed(r);
    return (uint32_t)r;
}

/* Store an arithmetic result and raise the overflow interruption if due. */
static inline void set_arith(struct cpu *c, int r, uint32_t v)
{
    c->gr[r] = v;
    if (__builtin_expect(c->cc == 3, 0))
        fixed_overflow(c);
}

/* Logical add/subtract with a carry in: CC bit 1 = carry, bit 0 = nonzero. */
static inline uint32_t add_logical(struct cpu *c, uint32_t a, uint32_t b, uint32_t carry)
{
    uint64_t r = (uint64_t)a + b + carry;
    c->cc = (uint8_t)(((uint32_t)r != 0) | (r >> 32) << 1);
    return (uint32_t)r;
}

static inline uint32_t sub_logical(struct cpu *c, uint32_t a, uint32_t b, uint32_t carry)
{
    return add_logical(c, a, ~b, carry);
}

static inline unsigned shift_amount(const struct cpu *c, const uint8_t *restrict ip)
{
    return addr_bd(c, ip + 2) & 63;
}

/* ---- branching helpers ---- */

static inline bool cc_selected(const struct cpu *c, unsigned mask)
{
    return (mask >> (3 - c->cc)) & 1;
}

/* Link information of BAL/BALR: in the 24-bit mode the leftmost byte holds
   the ILC, CC and program mask; in the 31-bit mode bit 0 is one. */
static inline uint32_t link_bal(const struct cpu *c)
{
    if (c->amask == 0x7FFFFFFFu)
        return 0x80000000u | c->ia;
    return (uint32_t)(c->ilc >> 1) << 30 | (uint32_t)c->cc << 28 | (c->pswm & PSW_PM) << 16 | c->ia;
}

/* Link information of BAS/BASR/BRAS/BRASL/BASSM. */
static inline uint32_t link_bas(const struct cpu *c)
{
    return c->amask == 0x7FFFFFFFu ? 0x80000000u | c->ia : c->ia;
}

/* BXH/BXLE family: add R3 to R1, compare with the odd register of R3's pair. */
static inline bool index_step(struct cpu *c, const uint8_t *ip, bool high)
{
    int r1 = R1(ip), r3 = R3(ip);
    int32_t incr = (int32_t)c->gr[r3];
    int32_t limit = (int32_t)c->gr[r3 | 1];
    int32_t v = (int32_t)((uint32_t)c->gr[r1] + (uint32_t)incr);
    c->gr[r1] = (uint32_t)v;
    return high ? v > limit : v <= limit;
}

/* ---- the hot instructions ----
   The conditional branches return whether they branched.
   `restrict` on ip: the instruction bytes do not change while the handler
   runs, so its stores (CC, storage operands) need not force reloads. */

static inline void hot_LR(struct cpu *c, const uint8_t *restrict ip) { c->gr[R1(ip)] = c->gr[R2(ip)]; }

static inline void hot_L(struct cpu *c, const uint8_t *restrict ip) { c->gr[R1(ip)] = vfetch4(c, addr_rx(c, ip), BASE(ip + 2)); }

static inline void hot_LA(struct cpu *c, const uint8_t *restrict ip) { c->gr[R1(ip)] = addr_rx(c, ip); }

static inline void hot_ST(struct cpu *c, const uint8_t *restrict ip) { vstore4(c, addr_rx(c, ip), BASE(ip + 2), c->gr[R1(ip)]); }

static inline void hot_STC(struct cpu *c, const uint8_t *restrict ip) { vstore1(c, addr_rx(c, ip), BASE(ip + 2), (uint8_t)c->gr[R1(ip)]); }

static inline void hot_IC(struct cpu *c, const uint8_t *restrict ip)
{
    int r1 = R1(ip);
    c->gr[r1] = (c->gr[r1] & 0xFFFFFF00u) | vfetch1(c, addr_rx(c, ip), BASE(ip + 2));
}

static inline void hot_LTR(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t v = c->gr[R2(ip)];
    c->gr[R1(ip)] = v;
    c->cc = cc_signed((int32_t)v);
}

static inline void hot_AR(struct cpu *c, const uint8_t *restrict ip) { set_arith(c, R1(ip), add_signed(c, c->gr[R1(ip)], c->gr[R2(ip)])); }

static inline void hot_SR(struct cpu *c, const uint8_t *restrict ip) { set_arith(c, R1(ip), sub_signed(c, c->gr[R1(ip)], c->gr[R2(ip)])); }

static inline void hot_A(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t v = vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    set_arith(c, R1(ip), add_signed(c, c->gr[R1(ip)], v));
}

static inline void hot_S(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t v = vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    set_arith(c, R1(ip), sub_signed(c, c->gr[R1(ip)], v));
}

static inline void hot_CR(struct cpu *c, const uint8_t *restrict ip) { c->cc = cc_compare_s((int32_t)c->gr[R1(ip)], (int32_t)c->gr[R2(ip)]); }

static inline void hot_C(struct cpu *c, const uint8_t *restrict ip)
{
    c->cc = cc_compare_s((int32_t)c->gr[R1(ip)], (int32_t)vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}

static inline void hot_ALR(struct cpu *c, const uint8_t *restrict ip) { c->gr[R1(ip)] = add_logical(c, c->gr[R1(ip)], c->gr[R2(ip)], 0); }

static inline void hot_SLR(struct cpu *c, const uint8_t *restrict ip) { c->gr[R1(ip)] = sub_logical(c, c->gr[R1(ip)], c->gr[R2(ip)], 1); }

static inline void hot_AL(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t v = vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    c->gr[R1(ip)] = add_logical(c, c->gr[R1(ip)], v, 0);
}

static inline void hot_SL(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t v = vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    c->gr[R1(ip)] = sub_logical(c, c->gr[R1(ip)], v, 1);
}

static inline void hot_CLR(struct cpu *c, const uint8_t *restrict ip) { c->cc = cc_compare_u(c->gr[R1(ip)], c->gr[R2(ip)]); }

static inline void hot_CL(struct cpu *c, const uint8_t *restrict ip)
{
    c->cc = cc_compare_u(c->gr[R1(ip)], vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}

static inline void hot_LH(struct cpu *c, const uint8_t *restrict ip)
{
    c->gr[R1(ip)] = (uint32_t)(int32_t)(int16_t)vfetch2(c, addr_rx(c, ip), BASE(ip + 2));
}

static inline void hot_SLL(struct cpu *c, const uint8_t *restrict ip)
{
    unsigned n = shift_amount(c, ip);
    c->gr[R1(ip)] = n > 31 ? 0 : c->gr[R1(ip)] << n;
}

static inline void hot_SRL(struct cpu *c, const uint8_t *restrict ip)
{
    unsigned n = shift_amount(c, ip);
    c->gr[R1(ip)] = n > 31 ? 0 : c->gr[R1(ip)] >> n;
}

static inline bool hot_BCR(struct cpu *c, const uint8_t *restrict ip)
{
    if (!R2(ip) || !cc_selected(c, R1(ip)))
        return false;
    branch_to(c, c->gr[R2(ip)]);
    return true;
}

static inline bool hot_BC(struct cpu *c, const uint8_t *restrict ip)
{
    if (!cc_selected(c, R1(ip)))
        return false;
    branch_to(c, addr_rx(c, ip));
    return true;
}

/* BALR/BASR and BAL/BAS: the target is taken before R1 receives the
   link information (R1 may also be R2, X2 or B2). */
static inline void branch_link_reg(struct cpu *c, const uint8_t *restrict ip, uint32_t link)
{
    uint32_t target = c->gr[R2(ip)];
    c->gr[R1(ip)] = link;
    if (R2(ip))
        branch_to(c, target);
}

static inline void branch_link(struct cpu *c, const uint8_t *restrict ip, uint32_t link)
{
    uint32_t target = addr_rx(c, ip);
    c->gr[R1(ip)] = link;
    branch_to(c, target);
}

static inline void hot_BALR(struct cpu *c, const uint8_t *restrict ip) { branch_link_reg(c, ip, link_bal(c)); }

static inline void hot_BAL(struct cpu *c, const uint8_t *restrict ip) { branch_link(c, ip, link_bal(c)); }

static inline void hot_BASR(struct cpu *c, const uint8_t *restrict ip) { branch_link_reg(c, ip, link_bas(c)); }

static inline void hot_BAS(struct cpu *c, const uint8_t *restrict ip) { branch_link(c, ip, link_bas(c)); }

static inline bool hot_BCTR(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t target = c->gr[R2(ip)];
    if (--c->gr[R1(ip)] == 0 || !R2(ip))
        return false;
    branch_to(c, target);
    return true;
}

static inline bool hot_BCT(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t target = addr_rx(c, ip);
    if (--c->gr[R1(ip)] == 0)
        return false;
    branch_to(c, target);
    return true;
}

static inline bool hot_BXH(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t target = addr_bd(c, ip + 2);
    if (!index_step(c, ip, true))
        return false;
    branch_to(c, target);
    return true;
}

static inline bool hot_BXLE(struct cpu *c, const uint8_t *restrict ip)
{
    uint32_t target = addr_bd(c, ip + 2);
    if (!index_step(c, ip, false))
        return false;
    branch_to(c, target);
    return true;
}

static inline void hot_MVI(struct cpu *c, const uint8_t *restrict ip) { vstore1(c, addr_bd(c, ip + 2), BASE(ip + 2), ip[1]); }

static inline void hot_CLI(struct cpu *c, const uint8_t *restrict ip)
{
    uint8_t v = vfetch1(c, addr_bd(c, ip + 2), BASE(ip + 2));
    c->cc = v == ip[1] ? 0 : v < ip[1] ? 1 : 2;
}

static inline void hot_TM(struct cpu *c, const uint8_t *restrict ip)
{
    uint8_t sel = vfetch1(c, addr_bd(c, ip + 2), BASE(ip + 2)) & ip[1];
    c->cc = sel == 0 ? 0 : sel == ip[1] ? 3 : 1;
}

#define HOT_BOOLEAN(NAME, OP)                                                          \
    static inline void hot_##NAME##R(struct cpu *c, const uint8_t *restrict ip)                 \
    {                                                                                  \
        uint32_t v = c->gr[R1(ip)] OP c->gr[R2(ip)];                                   \
        c->gr[R1(ip)] = v;                                                             \
        c->cc = v != 0;                                                                \
    }                                                                                  \
    static inline void hot_##NAME(struct cpu *c, const uint8_t *restrict ip)                    \
    {                                                                                  \
        uint32_t v = c->gr[R1(ip)] OP vfetch4(c, addr_rx(c, ip), BASE(ip + 2));        \
        c->gr[R1(ip)] = v;                                                             \
        c->cc = v != 0;                                                                \
    }
HOT_BOOLEAN(N, &)
HOT_BOOLEAN(O, |)
HOT_BOOLEAN(X, ^)

#endif

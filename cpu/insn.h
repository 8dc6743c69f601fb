/*
 * Instruction handlers, the instruction table and operand decoding.
 *
 * A handler gets the CPU and a pointer to the instruction bytes.  When it is
 * called, cpu->ia already addresses the next sequential instruction and
 * cpu->ilc holds the instruction's length; a branch overwrites cpu->ia.
 * Exceptions leave through cpu_program_check() (never returns).
 */
#ifndef VM390_CPU_INSN_H
#define VM390_CPU_INSN_H

#include <stddef.h>
#include <stdint.h>

#include "cpu.h"
#include "machine.h"
#include "per.h"

typedef void insn_fn(struct cpu *c, const uint8_t *ip);

/* Operand layouts (for the disassembler; handlers decode their own fields). */
enum insn_fmt {
    F_E,      /* op16 */
    F_I,      /* op8 I8 (SVC) */
    F_RR,     /* R1,R2 */
    F_RR1,    /* R1 */
    F_RRM,    /* M1,R2 */
    F_RRE,    /* op16 .. R1,R2 */
    F_RRE1,   /* op16 .. R1 */
    F_RRE0,   /* op16 no operands */
    F_RRFR,   /* op16 R1 . R3 R2: R1,R3,R2 */
    F_RRFM,   /* op16 M3 . R1 R2: R1,M3,R2 */
    F_RRFRM,  /* op16 R3 M4 R1 R2: R1,R3,R2,M4 */
    F_RX,     /* R1,D2(X2,B2) */
    F_RXM,    /* M1,D2(X2,B2) */
    F_RXE,    /* R1,D2(X2,B2), 6 bytes */
    F_RXF,    /* R1,R3,D2(X2,B2), 6 bytes, R1 in byte 4 */
    F_RS,     /* R1,R3,D2(B2) */
    F_RSH,    /* R1,D2(B2) */
    F_RSM,    /* R1,M3,D2(B2) */
    F_RSE,    /* R1,R3,D2(B2), 6 bytes */
    F_RSI,    /* R1,R3,I2 (relative) */
    F_RI,     /* R1,I2 */
    F_RIM,    /* M1,I2 (relative) */
    F_RIR,    /* R1,I2 (relative) */
    F_RILR,   /* R1,I2 (32-bit relative) */
    F_RILM,   /* M1,I2 (32-bit relative) */
    F_SI,     /* D1(B1),I2 */
    F_S,      /* D2(B2) */
    F_S0,     /* op16, no operand */
    F_SSL,    /* D1(L,B1),D2(B2) */
    F_SSLL,   /* D1(L1,B1),D2(L2,B2) */
    F_SSR,    /* D1(R1,B1),D2(B2),R3 */
    F_SSI,    /* D1(L1,B1),D2(B2),I3 */
    F_SSP,    /* D1(B1),D2(L2,B2) */
    F_SSE4,   /* R1,D2(B2),R3,D4(B4) */
    F_SSE,    /* op16 D1(B1),D2(B2) */
};

#define IF_PRIV   0x0001u
#define IF_BRANCH 0x0002u

struct insn_desc {
    uint16_t opcode;
    const char *mnemonic;
    enum insn_fmt fmt;
    uint16_t flags;
    uint32_t facility;
    insn_fn *fn;           /* NULL: not implemented yet */
};

extern const struct insn_desc insn_table[];
extern const size_t insn_table_size;

/* Extended-opcode groups: which byte holds the rest of the opcode. */
enum ext_group { G_01, G_A7, G_B2, G_B3, G_B9, G_C0, G_E3, G_E5, G_EB, G_ED, G_COUNT };

struct dispatch {
    insn_fn *op[256];
    insn_fn *ext[G_COUNT][256];
};

/* Instruction length from the first opcode byte: 2, 4 or 6. */
static inline unsigned insn_length(uint8_t op0)
{
    return op0 < 0x40 ? 2 : op0 < 0xC0 ? 4 : 6;
}

/* The table entry of the instruction at ip, or NULL (operation exception). */
const struct insn_desc *insn_lookup(const uint8_t *ip);
/* Build the dispatch table for a facility set and state (problem or not). */
const struct dispatch *dispatch_build(uint32_t facilities, bool problem_state);
void dispatch_free(const struct dispatch *d);

/* Handler prototypes, one per table line. */
#define INSN(op, mn, fmt, fl, fac) insn_fn op_##mn;
#include "insn.def"
#undef INSN

/* ---- operand field decoding ---- */
#define R1(ip)  ((ip)[1] >> 4)
#define R2(ip)  ((ip)[1] & 0x0F)
#define R3(ip)  ((ip)[1] & 0x0F)     /* RS formats */
#define RRE_R1(ip) ((ip)[3] >> 4)
#define RRE_R2(ip) ((ip)[3] & 0x0F)
#define I2_8(ip)   ((ip)[1])
#define I2_16(ip)  ((int16_t)be16((ip) + 2))
#define I2_32(ip)  ((int32_t)be32((ip) + 2))
#define SS_L(ip)   ((ip)[1])
#define SS_L1(ip)  ((ip)[1] >> 4)
#define SS_L2(ip)  ((ip)[1] & 0x0F)
#define BASE(bd)   ((bd)[0] >> 4)     /* B field of a B/D halfword */

/* Effective address of a base/displacement halfword at bd (the halfword
   is read in one load: B in its top four bits, D in the other twelve). */
static inline uint32_t addr_bd(const struct cpu *c, const uint8_t *bd)
{
    uint32_t h = be16(bd);
    uint32_t b = h >> 12, a = h & 0x0FFFu;
    if (__builtin_expect(b != 0, 1))   /* programs address through a base */
        a += c->gr[b];
    return a & c->amask;
}

/* Effective address of an RX/RXE operand: D2(X2,B2), from one load of
   the first four instruction bytes. */
static inline uint32_t addr_rx(const struct cpu *c, const uint8_t *ip)
{
    uint32_t w = be32(ip);
    uint32_t x = (w >> 16) & 0x0F, b = (w >> 12) & 0x0F, a = w & 0x0FFFu;
    if (__builtin_expect(x != 0, 0))
        a += c->gr[x];
    if (__builtin_expect(b != 0, 1))
        a += c->gr[b];
    return a & c->amask;
}

/* The address of the current instruction (for relative branching); under
   EXECUTE it is the address of the subject instruction. */
static inline uint32_t insn_address(const struct cpu *c)
{
    return c->ex_active ? c->ex_subject_ia : ((c->ia - c->ilc) & c->amask);
}

/* Registers as 64-bit even/odd pairs. */
static inline uint64_t gr_pair(const struct cpu *c, int r)
{
    return (uint64_t)c->gr[r] << 32 | c->gr[r + 1];
}
static inline void set_gr_pair(struct cpu *c, int r, uint64_t v)
{
    c->gr[r] = (uint32_t)(v >> 32);
    c->gr[r + 1] = (uint32_t)v;
}

/* Successful branch (PER and EXECUTE see branches through here). */
static inline void branch_to(struct cpu *c, uint32_t target)
{
    c->ia = target & c->amask;
    /* an odd address must reach the fetch slow path (specification
       exception): the dispatch loop checks only the page offset */
    if (__builtin_expect(target & 1, 0))
        cpu_ifetch_invalidate(c);
    if (__builtin_expect(c->events & EV_PER, 0))
        per_branch(c, c->ia);
}

#endif

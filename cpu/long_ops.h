/*
 * Operands of the long instructions (MVCL, CLCL, MVCLE, CLCLE, MVCLU,
 * CLCLU and the other register-pair string instructions): an address and a
 * length in an even/odd register pair, processed a page at a time.
 */
#ifndef VM390_CPU_LONG_OPS_H
#define VM390_CPU_LONG_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Bytes an instruction that ends with CC 3 ("CPU-determined amount")
   processes in one execution at most. */
#define CPU_AMOUNT 4096u

/* Length fields: bits 8-31 of the odd register (MVCL, CLCL) or all 32. */
#define LEN24 0x00FFFFFFu
#define LEN32 0xFFFFFFFFu

struct long_operand {
    int r;              /* even register: address; r + 1: length */
    uint32_t addr;
    uint32_t len;
    uint32_t lmask;     /* LEN24 or LEN32 */
};

static inline void long_load(const struct cpu *c, int r, uint32_t lmask, struct long_operand *o)
{
    o->r = r;
    o->addr = c->gr[r] & c->amask;
    o->len = c->gr[r + 1] & lmask;
    o->lmask = lmask;
}

/* Write back progress: the address per addressing mode (bits above it
   set to zero), the length into its field (other bits unchanged). */
static inline void long_store(struct cpu *c, const struct long_operand *o)
{
    c->gr[o->r] = o->addr & c->amask;
    c->gr[o->r + 1] = (c->gr[o->r + 1] & ~o->lmask) | o->len;
}

static inline void long_advance(const struct cpu *c, struct long_operand *o, uint32_t n)
{
    o->addr = (o->addr + n) & c->amask;
    o->len -= n;
}

/* Bytes from addr to the end of its page. */
static inline uint32_t page_room(uint32_t addr)
{
    return PAGE_SIZE - (addr & ~PAGE_MASK);
}

static inline uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

/* Does an event wait that an interruptible instruction should stop for?
   (Tracing and PER are modes, not events to stop for.) */
static inline bool event_waits(const struct cpu *c)
{
    return c->events & ~(EV_TRACE | EV_PER);
}

/* Back the PSW up to the instruction so that it is executed again (an
   interruptible instruction between two units of operation). */
static inline void reexecute(struct cpu *c)
{
    c->ia = (c->ia - c->ilc) & c->amask;
}

/*
 * The engines of the long moves and compares.  Characters are one or two
 * bytes (`csize`); `pad` holds the padding character (for one-byte
 * characters both bytes are the pad byte).  At most `limit` bytes are
 * processed, and after the first page-sized unit the engines also stop
 * when an event waits.  The registers are written back before each later unit,
 * so an access exception leaves them at the progress made.
 *
 * long_move returns true when the destination is full; long_compare
 * returns the condition code 0, 1 or 2, or 3 when it stopped early.
 */
bool long_move(struct cpu *c, struct long_operand *d, struct long_operand *s,
               uint16_t pad, unsigned csize, uint32_t limit);
int long_compare(struct cpu *c, struct long_operand *a, struct long_operand *b,
                 uint16_t pad, unsigned csize, uint32_t limit);

#endif

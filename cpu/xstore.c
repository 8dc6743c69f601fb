/*
 * Expanded storage (SA22-7201 chapter 10): PAGE IN and PAGE OUT move a
 * 4K-byte block between main storage and expanded storage.
 *
 * GR R1 holds the real address of the main-storage block (bits 1-19, or
 * 8-19 in the 24-bit addressing mode), subject to prefixing and to
 * low-address protection for PAGE IN but not to key-controlled
 * protection; GR R2 holds the expanded-storage block number.  A block
 * beyond the machine's expanded storage (every block, without expanded
 * storage: machine.xstore_blocks 0) is not available: CC 3, nothing
 * moved.  Expanded storage has no uncorrectable errors here, so CC 1
 * (data error) never occurs.  INVALIDATE EXPANDED STORAGE BLOCK ENTRY
 * works on page-table entries and is with IPTE in translation.c.
 */
#include <string.h>

#include "access.h"
#include "insn.h"
#include "machine.h"

enum { CC_MOVED = 0, CC_NOT_AVAILABLE = 3 };

/* The expanded-storage block numbered in GR r2, or NULL. */
static uint8_t *xstore_block(const struct cpu *c, int r2)
{
    const struct machine *m = c->m;
    uint32_t n = c->gr[r2];
    return n < m->xstore_blocks ? m->xstore + (size_t)n * PAGE_SIZE : NULL;
}

/* The main-storage block addressed by GR r1, checked for `acc`. */
static uint8_t *main_block(struct cpu *c, int r1, enum acc_type acc)
{
    uint32_t real = c->gr[r1] & c->amask & PAGE_MASK;
    return access_translate_in(c, real, TLB_REAL, 0, acc);
}

void op_PGIN(struct cpu *c, const uint8_t *ip)
{
    const uint8_t *block = xstore_block(c, RRE_R2(ip));
    if (!block) {
        c->cc = CC_NOT_AVAILABLE;
        return;
    }
    memcpy(main_block(c, RRE_R1(ip), ACC_STORE), block, PAGE_SIZE);
    c->cc = CC_MOVED;
}

void op_PGOUT(struct cpu *c, const uint8_t *ip)
{
    uint8_t *block = xstore_block(c, RRE_R2(ip));
    if (!block) {
        c->cc = CC_NOT_AVAILABLE;
        return;
    }
    memcpy(block, main_block(c, RRE_R1(ip), ACC_FETCH), PAGE_SIZE);
    c->cc = CC_MOVED;
}

/*
 * UPDATE TREE (SA22-7201 chapter 7): one step of a tournament-tree sort.
 * Nodes are doublewords (codeword, other data) at GR4 + index; GR0/GR1
 * hold the node being inserted.  From the index in GR5, halved (and
 * rounded down to a multiple of 8) at each step, the path towards the
 * root is walked; a node with a higher codeword (logical comparison) is
 * exchanged with GR0/GR1.  The walk ends at index 0 (CC 1), at a node
 * with a codeword equal to GR0, which is loaded into GR2/GR3 (CC 0), or
 * when GR0 is negative (CC 3).  Each node is a unit of operation: the
 * instruction is interruptible between nodes.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "long_ops.h"

#define UPT_ARN 4   /* the tree is addressed through GR4 (AR4) */

void op_UPT(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    if ((c->gr[4] | c->gr[5]) & 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    for (unsigned units = 0;; units++) {
        if (units && event_waits(c)) {
            reexecute(c);
            return;
        }
        uint32_t index = (c->gr[5] >> 1) & ~7u;
        if (!index) {
            c->gr[5] = 0;
            c->cc = 1;
            return;
        }
        if (c->gr[0] & 0x80000000u) {
            c->gr[5] = index;
            c->cc = 3;
            return;
        }
        uint32_t node = (c->gr[4] + index) & c->amask;
        uint64_t v = vfetch8(c, node, UPT_ARN);
        uint32_t code = (uint32_t)(v >> 32), data = (uint32_t)v;
        if (code == c->gr[0]) {
            c->gr[5] = index;
            c->gr[2] = code;
            c->gr[3] = data;
            c->cc = 0;
            return;
        }
        if (code > c->gr[0]) {
            /* Store first: a protection exception leaves GR0, GR1 and
               GR5 as they were for this unit. */
            vstore8(c, node, UPT_ARN, gr_pair(c, 0));
            c->gr[0] = code;
            c->gr[1] = data;
        }
        c->gr[5] = index;
    }
}

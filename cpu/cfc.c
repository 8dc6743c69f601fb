/*
 * COMPARE AND FORM CODEWORD (SA22-7201 chapter 7), the companion of
 * UPDATE TREE (tree.c) in tournament-tree sorting.
 *
 * GR1 and GR3 address the first and third operands, GR2 bits 16-31 hold
 * the index of the next halfword to compare; the second-operand address
 * is no storage address: bits 17-30 are the index limit and bit 31 the
 * operand-control bit (0 ascending, 1 descending sort).  Halfwords are
 * compared at GR1 + index and GR3 + index, both through access register
 * 1, while the index stays within the limit.
 *   - All equal: GR2 = GR3 with bit 0 one, CC 0.
 *   - Unequal: GR2 = the index past the unequal halfwords (bits 0-15) and
 *     that halfword of one operand (bits 16-31): the one's complement of
 *     the higher for an ascending sort, the lower as it is for a
 *     descending one.  CC 1 when the operands are in the sort order; CC 2
 *     when not, and then GR1 and GR3 are exchanged, so that the codeword
 *     always comes from the operand GR3 addresses.
 * At most 16K halfword pairs are compared: the instruction completes in
 * one unit of operation.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"

#define CFC_ARN 1          /* both operands are accessed through AR1 */
#define CFC_LIMIT 0x7FFEu
#define CFC_DESCENDING 1u

void op_CFC(struct cpu *c, const uint8_t *ip)
{
    uint32_t op2 = addr_bd(c, ip + 2);
    if ((c->gr[1] | c->gr[2] | c->gr[3]) & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint32_t limit = op2 & CFC_LIMIT;
    bool descending = op2 & CFC_DESCENDING;
    /* GR2 changes only at the end: an access exception suppresses */
    uint32_t index = c->gr[2] & 0xFFFFu;
    uint16_t h1, h3;
    do {
        if (index > limit) {
            c->gr[2] = c->gr[3] | 0x80000000u;
            c->cc = 0;
            return;
        }
        h1 = vfetch2(c, (c->gr[1] + index) & c->amask, CFC_ARN);
        h3 = vfetch2(c, (c->gr[3] + index) & c->amask, CFC_ARN);
        index += 2;
    } while (h1 == h3);

    bool in_order = descending ? h1 > h3 : h1 < h3;
    if (!in_order) {
        uint32_t t = c->gr[1];
        c->gr[1] = c->gr[3];
        c->gr[3] = t;
        h3 = h1;
    }
    uint16_t code = descending ? h3 : (uint16_t)~h3;
    c->gr[2] = index << 16 | code;
    c->cc = in_order ? 1 : 2;
}

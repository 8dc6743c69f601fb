/*
 * RESUME PROGRAM (SA22-7201 chapter 10), the return from a trap program
 * (TRAP2, TRAP4 in control.c).
 *
 * Four halfwords follow the instruction in the instruction stream: flags
 * (zero in ESA/390) and the offsets, from the second-operand address, of
 * a PSW (8 bytes), an access register and a general register.  PSW bits
 * 16-23 (address-space control, condition code, program mask) and 32-63
 * (addressing mode, instruction address) come from the operand, the rest
 * of the PSW stays; access and general register B2 are loaded.  Every
 * exception is recognized before anything changes, but the space-switch
 * event, which follows the completed instruction.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "space.h"

#define CR0_ASF       0x00010000u
#define RP_PSW_FIELDS 0x0000FF00u   /* word 0 bits 16-23 */

struct rp_descriptor {
    uint16_t flags, psw, ar, gr;
};

/* The halfwords after the instruction, fetched as instructions are
   (halfword aligned: none crosses a page). */
static struct rp_descriptor fetch_descriptor(struct cpu *c)
{
    uint32_t at = insn_address(c) + 4;
    uint16_t h[4];
    for (int i = 0; i < 4; i++)
        h[i] = be16(iptr(c, (at + 2 * (uint32_t)i) & c->amask));
    return (struct rp_descriptor){ h[0], h[1], h[2], h[3] };
}

/* The PSW would be invalid (24-bit mode with bits 33-39 nonzero) or its
   instruction address odd. */
static bool bad_resume_address(uint32_t w1)
{
    if (!(w1 & PSW_AMODE31) && (w1 & 0x7F000000u))
        return true;
    return w1 & 1;
}

void op_RP(struct cpu *c, const uint8_t *ip)
{
    int b2 = BASE(ip + 2);
    uint32_t op2 = addr_bd(c, ip + 2);
    struct rp_descriptor d = fetch_descriptor(c);
    if (d.flags)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint64_t psw = vfetch8(c, (op2 + d.psw) & c->amask, b2);
    uint32_t ar = vfetch4(c, (op2 + d.ar) & c->amask, b2);
    uint32_t gr = vfetch4(c, (op2 + d.gr) & c->amask, b2);

    uint32_t cur_w0 = c->pswm | (uint32_t)c->cc << 12;
    uint32_t w0 = (cur_w0 & ~(RP_PSW_FIELDS | 0xFFu)) | ((uint32_t)(psw >> 32) & RP_PSW_FIELDS);
    uint32_t w1 = (uint32_t)psw;
    bool dat = c->pswm & PSW_DAT;
    uint32_t as = w0 & PSW_AS;
    if (dat && as == AS_AR && !(c->cr[0] & CR0_ASF))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    if (dat && as == AS_HOME && cpu_problem_state(c))
        cpu_program_check(c, PGM_PRIVILEGED);
    if (bad_resume_address(w1))
        cpu_program_check(c, PGM_SPECIFICATION);

    bool was_home = (c->pswm & PSW_AS) == AS_HOME;
    c->ar[b2] = ar;
    c->gr[b2] = gr;
    cpu_set_psw(c, w0, w1);
    branch_to(c, c->ia);   /* a successful branch for PER */
    if (dat)
        space_home_switch_event(c, was_home, as == AS_HOME);
}

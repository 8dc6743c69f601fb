/*
 * Floating-point-control instructions: SET FPC, EXTRACT FPC, LOAD FPC,
 * STORE FPC, SET ROUNDING MODE (SA22-7201 chapter 19).
 */
#include "access.h"
#include "bfp.h"
#include "insn.h"

/* Load the FPC; ones in the bits defined as zero are a specification
   exception, and the FPC is then unchanged. */
static void set_fpc(struct cpu *c, uint32_t v)
{
    if (v & ~FPC_VALID)
        cpu_program_check(c, PGM_SPECIFICATION);
    c->fpc = v;
}

void op_SFPC(struct cpu *c, const uint8_t *ip)
{
    bfp_check(c);
    set_fpc(c, c->gr[RRE_R1(ip)]);
}

void op_EFPC(struct cpu *c, const uint8_t *ip)
{
    bfp_check(c);
    c->gr[RRE_R1(ip)] = c->fpc;
}

void op_LFPC(struct cpu *c, const uint8_t *ip)
{
    bfp_check(c);
    set_fpc(c, vfetch4(c, addr_bd(c, ip + 2), BASE(ip + 2)));
}

void op_STFPC(struct cpu *c, const uint8_t *ip)
{
    bfp_check(c);
    vstore4(c, addr_bd(c, ip + 2), BASE(ip + 2), c->fpc);
}

/* The rounding mode comes from bits 30-31 of the second-operand address. */
void op_SRNM(struct cpu *c, const uint8_t *ip)
{
    bfp_check(c);
    c->fpc = (c->fpc & ~FPC_RM) | (addr_bd(c, ip + 2) & FPC_RM);
}

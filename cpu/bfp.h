/*
 * What the binary-floating-point instructions (bfp_insns.c) and the FPC
 * instructions (fpc.c) share: the layout of the floating-point-control
 * register and the AFP-register-control gate (SA22-7201 chapter 19).
 */
#ifndef VM390_CPU_BFP_H
#define VM390_CPU_BFP_H

#include "cpu.h"
#include "interrupt.h"

/* FPC register fields. */
#define FPC_MASKS  0xF8000000u   /* bits 0-4: IEEE masks, invalid ... inexact */
#define FPC_FLAGS  0x00F80000u   /* bits 8-12: IEEE flags, same order */
#define FPC_DXC    0x0000FF00u   /* bits 16-23: data-exception code */
#define FPC_RM     0x00000003u   /* bits 30-31: BFP rounding mode */
/* Every other bit is zero; loading a one there is a specification exception. */
#define FPC_VALID  (FPC_MASKS | FPC_FLAGS | FPC_DXC | FPC_RM)

/* BFP and FPC instructions need the AFP-register control (CR0 bit 13);
   without it they are a data exception, DXC 2. */
static inline void bfp_check(struct cpu *c)
{
    if (!(c->cr[0] & CR0_AFP))
        cpu_data_exception(c, DXC_BFP_INSTR);
}

#endif

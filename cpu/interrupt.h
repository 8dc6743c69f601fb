/*
 * Interruptions: program, supervisor call, external, I/O, restart and
 * machine check; the fixed storage locations of the ESA/390 prefix area.
 */
#ifndef VM390_CPU_INTERRUPT_H
#define VM390_CPU_INTERRUPT_H

#include <stdint.h>

#include "cpu.h"

/* Program-interruption codes. */
#define PGM_OPERATION            0x01
#define PGM_PRIVILEGED           0x02
#define PGM_EXECUTE              0x03
#define PGM_PROTECTION           0x04
#define PGM_ADDRESSING_EXC       0x05
#define PGM_SPECIFICATION        0x06
#define PGM_DATA                 0x07
#define PGM_FIXED_OVERFLOW       0x08
#define PGM_FIXED_DIVIDE         0x09
#define PGM_DECIMAL_OVERFLOW     0x0A
#define PGM_DECIMAL_DIVIDE       0x0B
#define PGM_HFP_EXP_OVERFLOW     0x0C
#define PGM_HFP_EXP_UNDERFLOW    0x0D
#define PGM_HFP_SIGNIFICANCE     0x0E
#define PGM_HFP_DIVIDE           0x0F
#define PGM_SEGMENT_TRANS        0x10
#define PGM_PAGE_TRANS           0x11
#define PGM_TRANSLATION_SPEC_EXC 0x12
#define PGM_SPECIAL_OPERATION    0x13
#define PGM_OPERAND              0x15
#define PGM_TRACE_TABLE          0x16
#define PGM_ASN_TRANS_SPEC       0x17
#define PGM_VECTOR_OPERATION     0x19
#define PGM_SPACE_SWITCH         0x1C
#define PGM_HFP_SQRT             0x1D
#define PGM_PC_TRANS_SPEC        0x1F
#define PGM_AFX_TRANS            0x20
#define PGM_ASX_TRANS            0x21
#define PGM_LX_TRANS             0x22
#define PGM_EX_TRANS             0x23
#define PGM_PRIMARY_AUTHORITY    0x24
#define PGM_SECONDARY_AUTHORITY  0x25
#define PGM_ALET_SPEC            0x28
#define PGM_ALEN_TRANS           0x29
#define PGM_ALE_SEQUENCE         0x2A
#define PGM_ASTE_VALIDITY        0x2B
#define PGM_ASTE_SEQUENCE        0x2C
#define PGM_EXTENDED_AUTHORITY   0x2D
#define PGM_STACK_FULL           0x30
#define PGM_STACK_EMPTY          0x31
#define PGM_STACK_SPEC           0x32
#define PGM_STACK_TYPE           0x33
#define PGM_STACK_OPERATION      0x34
#define PGM_MONITOR_EVENT        0x40
#define PGM_PER_EVENT            0x80

/* CR0 bit 13: AFP-register control (BFP instructions, registers 1, 3, 5, 7-15). */
#define CR0_AFP            0x00040000u

/* Data-exception codes (DXC). */
#define DXC_DECIMAL        0x00
#define DXC_AFP_REGISTER   0x01
#define DXC_BFP_INSTR      0x02
#define DXC_IEEE_INEXACT       0x08
#define DXC_IEEE_UNDERFLOW     0x10
#define DXC_IEEE_OVERFLOW      0x20
#define DXC_IEEE_DIVIDE        0x40
#define DXC_IEEE_INVALID       0x80

/* Fixed storage locations (real addresses, ESA/390). */
#define LC_RESTART_NEW   0x000
#define LC_RESTART_OLD   0x008
#define LC_EXT_OLD       0x018
#define LC_SVC_OLD       0x020
#define LC_PGM_OLD       0x028
#define LC_MCK_OLD       0x030
#define LC_IO_OLD        0x038
#define LC_EXT_NEW       0x058
#define LC_SVC_NEW       0x060
#define LC_PGM_NEW       0x068
#define LC_MCK_NEW       0x070
#define LC_IO_NEW        0x078
#define LC_EXT_PARAM     0x080
#define LC_EXT_CPUAD     0x084
#define LC_EXT_CODE      0x086
#define LC_SVC_ILC       0x088
#define LC_SVC_CODE      0x08A
#define LC_PGM_ILC       0x08C
#define LC_PGM_CODE      0x08E
#define LC_TEID          0x090
#define LC_DXC           0x093
#define LC_MONITOR_CLASS 0x094
#define LC_PER_CODE      0x096
#define LC_PER_ADDRESS   0x098
#define LC_MONITOR_CODE  0x09C
#define LC_EXC_ACCESS_ID 0x0A0
#define LC_PER_ACCESS_ID 0x0A1
#define LC_OP_ACCESS_ID  0x0A2
#define LC_IO_SSID       0x0B8
#define LC_IO_PARAM      0x0BC
#define LC_STFL          0x0C8
#define LC_MCK_CODE      0x0E8

/* Raise a program interruption for the current instruction; never returns.
   The instruction is nullified or completed as the code's class says. */
_Noreturn void cpu_program_check(struct cpu *c, uint16_t code);
/* Data exception with a data-exception code (stored at 147 and in the FPC). */
_Noreturn void cpu_data_exception(struct cpu *c, uint8_t dxc);
/* Translation exceptions: the translation-exception identification is stored. */
_Noreturn void cpu_translation_exception(struct cpu *c, uint16_t code, uint32_t teid);

/* Program interruption for PER events alone, after the instruction. */
void cpu_per_interrupt(struct cpu *c);

/* Specification exception for a PSW format error (early, ILC 0). */
void cpu_early_psw_exception(struct cpu *c);

/* Supervisor call with interruption code `code`. */
void cpu_svc(struct cpu *c, uint8_t code);

/* Machine-check interruption code (MCIC) conditions. */
#define MCIC_SD  (UINT64_C(1) << 63)   /* system damage (exigent) */
#define MCIC_PD  (UINT64_C(1) << 62)   /* instruction-processing damage (exigent) */
#define MCIC_SR  (UINT64_C(1) << 61)   /* system recovery */
#define MCIC_CD  (UINT64_C(1) << 59)   /* timing-facility damage */
#define MCIC_ED  (UINT64_C(1) << 58)   /* external damage */
#define MCIC_DG  (UINT64_C(1) << 56)   /* degradation */
#define MCIC_W   (UINT64_C(1) << 55)   /* warning */
#define MCIC_CP  (UINT64_C(1) << 54)   /* channel report pending */

/* Make machine-check conditions pending on CPU c (any thread).  The
   interruption is taken when PSW bit 13 is one and, for the repressible
   conditions, the CR14 subclass mask allows it; the MCIC stored at real
   232 holds the conditions taken plus the validity bits of the state
   saved with it. */
void cpu_machine_check(struct cpu *c, uint64_t mcic);

/* Is any interruption pending that the current PSW enables? */
bool cpu_interrupt_pending(struct cpu *c);
/* Take the highest-priority pending enabled interruption; false if none. */
bool cpu_take_interrupt(struct cpu *c);
/* Restart interruption (operator restart key, SIGP restart). */
void cpu_restart_interrupt(struct cpu *c);

/* Swap PSWs: store the current PSW at real `old` and load the one at `new`. */
void cpu_psw_swap(struct cpu *c, uint32_t old_addr, uint32_t new_addr);

#endif

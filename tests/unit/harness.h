/*
 * Executing single instructions on a machine without CPU threads: the
 * instruction is placed at real X'2000' and run with cpu_run limited to
 * one instruction; a program interruption lands at X'3000'.
 */
#ifndef VM390_TESTS_UNIT_HARNESS_H
#define VM390_TESTS_UNIT_HARNESS_H

#include <stdint.h>

#include "cpu/machine.h"

#define HARNESS_INSN 0x2000u

/* A machine of 1 MiB with `ncpu` CPUs after a clear reset. */
struct machine *harness_machine(int ncpu);

/* Run the instruction `insn` (2, 4 or 6 bytes) on c with PSW word 0 `w0`
   (31-bit mode).  Returns the program-interruption code, or 0. */
uint16_t harness_exec(struct cpu *c, uint32_t w0, const uint8_t *insn);

#endif

/*
 * Helpers shared by the control instructions (control.c, psw_insns.c,
 * keys.c, translation.c, clock.c, cpuid.c) and visible to unit tests.
 */
#ifndef VM390_CPU_CONTROL_H
#define VM390_CPU_CONTROL_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

struct machine;

/* The CPU ID doubleword STIDP stores for this CPU. */
uint64_t cpuid_value(const struct cpu *c);
/* The facility list STFL stores at real location 200. */
uint32_t cpuid_facility_list(const struct machine *m);

/* Problem state: is `key` allowed by the PSW-key mask in CR3? */
bool cpu_key_authorized(const struct cpu *c, unsigned key);
/* Problem state without the extraction-authority control (CR0 bit 4):
   privileged-operation exception. */
void cpu_check_extraction_authority(struct cpu *c);

/* Control registers (bit n of `changed`: CR n) were loaded: drop the TLB
   entries of the spaces that depend on them, and recompute what depends
   on the PSW and the control registers. */
void cpu_control_registers_changed(struct cpu *c, uint16_t changed);

#endif

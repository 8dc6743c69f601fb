/*
 * Accesses in an explicit address space with an explicit access key, as
 * the moves between spaces and keys (space.c) and the linkage stack
 * (linkage.c) make them.
 */
#ifndef VM390_CPU_SPACE_H
#define VM390_CPU_SPACE_H

#include "access.h"

/* An operand of len (1 to 4096) bytes at ea in space sp, accessed with
   `key` (0: no key-controlled protection): at most two host pieces, all of
   them checked for acc before this returns (access_translate_in). */
void vspan_get_in(struct cpu *c, struct vspan *s, uint32_t ea, uint32_t len, enum tlb_space sp,
                  unsigned key, enum acc_type acc);

/* Entering or leaving the home-space mode (SAC, SACF, RP) is a
   space-switch event when a space-switch-event control (CR1, CR13) or the
   PER mask is one: a program interruption after the instruction has
   completed. */
void space_home_switch_event(struct cpu *c, bool was_home, bool is_home);

#endif

/*
 * The linkage stack (linkage.c) as PROGRAM CALL and PROGRAM RETURN use it
 * with the space-switching functions (pc.c).
 */
#ifndef VM390_CPU_LINKAGE_H
#define VM390_CPU_LINKAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "asn.h"

/* State-entry types (LSED byte 0, bits 1-7). */
enum { ET_HEADER = 0x01, ET_BRANCH = 0x04, ET_CALL = 0x05 };   /* trailer: 0x02 */

/* Add a state entry of `type` with the current state, return address
   `ret` (with the addressing-mode bit) in the PSW field and `word148` in
   bytes 148-151 (BAKR: the called address; PC: the PC number).  Stack
   exceptions leave everything unchanged. */
void linkage_stack_state(struct cpu *c, uint8_t type, uint32_t ret, uint32_t word148);

/* PROGRAM RETURN from a program-call state entry: from its bytes 128-135
   (PKM, SASN, EAX, PASN) work out the control registers, translating and
   authorizing the ASNs as needed (pc.c).  Exceptions are raised before
   anything changes; true when the switch is a space-switch event. */
bool pc_return_spaces(struct cpu *c, const uint8_t state[8], struct spaces *s);

#endif

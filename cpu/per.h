/*
 * Program-event recording (SA22-7201 chapter 4): successful branching,
 * instruction fetching, storage alteration (also by STORE USING REAL
 * ADDRESS) and general-register alteration, controlled by CR9-CR11 and
 * PSW bit 1.
 *
 * While PER is active (EV_PER) the dispatch loop runs every instruction
 * through per_begin/per_end; branches and stores report to per_branch and
 * per_store.  Events are reported by a program interruption (code 0x80,
 * alone or with another code) after the instruction, with the PER code at
 * real 150 and the instruction's address at real 152.
 */
#ifndef VM390_CPU_PER_H
#define VM390_CPU_PER_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Event bits as in CR9 bits 0-4 and in byte 150 of the PER code. */
#define PER_SB     0x80u   /* successful branching */
#define PER_IF     0x40u   /* instruction fetching */
#define PER_SA     0x20u   /* storage alteration */
#define PER_GRA    0x10u   /* general-register alteration */
#define PER_STURA  0x08u   /* storage alteration by STORE USING REAL ADDRESS */

/* Is addr inside the PER range CR10..CR11 (which wraps when CR10 > CR11)? */
bool per_in_range(const struct cpu *c, uint32_t addr);
/* Does any byte of [addr, addr + len - 1] lie inside the range? */
bool per_range_hit(const struct cpu *c, uint32_t addr, uint32_t len);

/* Before executing the instruction at ip (c->ia is its address). */
void per_begin(struct cpu *c, const uint8_t *ip);
/* After the instruction completed: take the PER interruption, if any. */
void per_end(struct cpu *c);
/* A program interruption with `code` ends the instruction: keep the events
   a completed instruction has caused, drop those of a suppressed one. */
void per_settle(struct cpu *c, uint16_t code);

/* Reports from instruction execution (only while EV_PER is set). */
void per_branch(struct cpu *c, uint32_t target);
void per_store(struct cpu *c, uint32_t ea, uint32_t len, enum tlb_space sp);
/* STORE USING REAL ADDRESS stored a word at real address `real`. */
void per_store_real(struct cpu *c, uint32_t real);

#endif

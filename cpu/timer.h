/*
 * TOD clock, clock comparator and CPU timer of a CPU.
 *
 * The CPU timer is kept as the TOD value at which it reaches zero, so it
 * decrements in real time without any per-instruction work; both timers
 * are checked between instruction batches and while waiting.
 */
#ifndef VM390_CPU_TIMER_H
#define VM390_CPU_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Host time as a TOD-clock value (epoch 1900-01-01, bit 51 = 1 us). */
uint64_t timer_host_tod(void);

bool timer_ckc_pending(struct cpu *c);
bool timer_cpu_timer_pending(struct cpu *c);
int64_t timer_get_cpu_timer(struct cpu *c);
void timer_set_cpu_timer(struct cpu *c, int64_t value);
/* Host TOD value (timer_host_tod) of the next enabled timer event, or UINT64_MAX. */
uint64_t timer_next_deadline(struct cpu *c);

#endif

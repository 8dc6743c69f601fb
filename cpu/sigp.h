/*
 * SIGNAL PROCESSOR and the CPU state changes it causes (SA22-7201
 * chapter 4, "Signal-Processor Orders" and "Store Status").
 *
 * An order for a CPU whose thread is parked (stopped or in a disabled
 * wait) is carried out at once by the issuing CPU under the machine lock;
 * an order that must wait for an instruction boundary of a running CPU is
 * left pending as an event (EV_STOP with cpu->stop_action, EV_RESTART),
 * and the CPU counts as busy to further orders until it has honoured it.
 */
#ifndef VM390_CPU_SIGP_H
#define VM390_CPU_SIGP_H

#include <stdint.h>

#include "cpu.h"

/* What a CPU does besides stopping when it honours EV_STOP. */
enum stop_action {
    STOP_PLAIN,
    STOP_STORE_STATUS,      /* stop and store status at absolute 0 */
    STOP_CPU_RESET,
    STOP_INITIAL_RESET,
};

/* Called by the CPU's own thread at an instruction boundary when EV_STOP
   is set: take a pending enabled interruption first (then -1: the stop
   stays pending), else carry out the stop action and enter the stopped
   (or, after a program-interruption loop, the check-stop) state and
   return the cpu_run exit reason. */
int sigp_honour_stop(struct cpu *c);

/* Store the status of c (ESA/390 layout: CPU timer at +216 ... control
   registers at +448) into the 512-byte area at absolute `area`. */
void cpu_store_status(struct cpu *c, uint32_t area);

#endif

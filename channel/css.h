/*
 * The channel subsystem of one machine (SA22-7201 chapters 13-17): one
 * subchannel per attached device, the I/O instructions (through the
 * machine's io_ops), I/O interruptions by subclass, and IPL.
 *
 * I/O is asynchronous: START SUBCHANNEL queues the channel program and
 * returns; the subchannel's I/O thread runs it against the device, makes
 * the subchannel status pending, queues the I/O interruption and kicks the
 * CPUs.  TEST SUBCHANNEL, TEST PENDING INTERRUPTION and the interruption
 * itself take it from there.
 */
#ifndef VM390_CHANNEL_CSS_H
#define VM390_CHANNEL_CSS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/machine.h"
#include "devices/device.h"

struct css;

/* Create the channel subsystem of `m` and install it as m->io; it lives
   until machine_destroy (which destroys it and its devices). */
struct css *css_create(struct machine *m);

/* Attach `d` on subchannel `schno` (-1: the lowest free one).  The
   subchannel takes the device over; on failure (number in use, device
   number taken) the caller keeps it and err says why. */
bool css_attach(struct css *css, struct device *d, int schno, char *err, size_t errlen);

/* The device with device number `devnum`, or NULL. */
struct device *css_device(struct css *css, uint16_t devnum);

/*
 * Initial program load from device `devnum` onto CPU `c` (SA22-7201
 * chapter 17): a clear reset (`clear`) or a CPU and subsystem reset, the
 * IPL channel program (READ of 24 bytes into absolute 0, command-chained
 * to the CCW at absolute 8), the subsystem-identification word of the IPL
 * subchannel at 184, and the PSW loaded from absolute 0.  `loadparm` (up
 * to 8 characters, NULL: blanks) goes to machine->loadparm.  On success
 * the CPU is ready to be started; on failure err says why.
 */
bool css_ipl(struct css *css, struct cpu *c, uint16_t devnum, const char *loadparm, bool clear,
             char *err, size_t errlen);

#endif

/* Moving a command's data between a device and the channel's buffer. */
#ifndef VM390_DEVICES_XFER_H
#define VM390_DEVICES_XFER_H

#include <stdint.h>

#include "device.h"

/* A read-type command offers size bytes: as many as fit are copied; the
   residual count and "more" (incorrect length) are set. */
void dev_give(struct dev_cmd *c, const void *src, uint32_t size);
/* A write-type command wants size bytes: as many as the channel gave are
   copied and the rest of dst is zeroed; residual and "more" are set.
   Returns the number of bytes taken. */
uint32_t dev_take(struct dev_cmd *c, void *dst, uint32_t size);
/* A control command that takes size bytes of parameters (residual and
   "more" as for a write); false when the channel gave fewer. */
bool dev_params(struct dev_cmd *c, uint32_t size);

/* For the device_ops entries a model has nothing to do in (chain_begin,
   halt: no device here ever waits on anything but its image file). */
void dev_no_action(struct device *d);

#endif

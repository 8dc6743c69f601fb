/*
 * The operator console: an IBM 3215 or 1052 (types "3215", "3215-C",
 * "1052", "1052-C").  Commands: WRITE without carrier return (X'01'),
 * WRITE with automatic carrier return (X'09'), READ INQUIRY (X'0A'),
 * NO-OPERATION (X'03'), AUDIBLE ALARM (X'0B', accepted as a no-op),
 * SENSE (X'04', one byte: X'80' command reject, X'40' intervention
 * required) and SENSE ID (X'E4').
 *
 * The host side: guest output goes to a sink as UTF-8 text ('\n' for each
 * carrier return); operator input is queued line by line.  A READ takes
 * the next line (waiting for one); when the input has ended and no line is
 * left, READ ends with unit check, intervention required.
 */
#ifndef VM390_DEVICES_CONSOLE_H
#define VM390_DEVICES_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"

typedef void console_sink_fn(void *ctx, const char *text, size_t len);

device_create_fn console_create;

/* Is d a console of this model? */
bool device_is_console(const struct device *d);
/* Where the guest's output goes (NULL: discarded). */
void console_set_sink(struct device *d, console_sink_fn *fn, void *ctx);
/* Queue one line of operator input (without its line end). */
void console_input(struct device *d, const char *line, size_t len);
/* No more input will come. */
void console_input_end(struct device *d);

#endif

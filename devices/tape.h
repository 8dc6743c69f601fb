/*
 * 3480 / 3490 cartridge tape drives on AWSTAPE or HET image files.
 *
 * Device arguments: "[FILE] [ro] [sync=always|none] [compress=yes|no]
 * [level=1-9] [maxsize=SIZE]".  Without a file the drive is empty; a
 * file that does not exist yet is a new, blank tape.  HET
 * compression is on by default for files named *.het.  maxsize sets the
 * physical end of the tape; writing past the early-warning point before it
 * ends with unit exception.
 */
#ifndef VM390_DEVICES_TAPE_H
#define VM390_DEVICES_TAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct device;

struct device *tape_create(const char *type, uint16_t devnum, const char *args, char *err,
                           size_t errlen);
/* Load a tape (the same arguments; the drive must be empty) and present
   device end as the drive becomes ready. */
bool tape_mount(struct device *d, const char *args, char *err, size_t errlen);
bool tape_loaded(const struct device *d);

/* Write a new tape image: empty, or with a VOL1 and a dummy HDR1 label
   and a tape mark when volser is given (what IEHINITT writes). */
bool tape_image_create(const char *path, const char *volser, const char *owner, bool compress,
                       char *err, size_t errlen);

#endif

/*
 * Compressed image files in the Hercules CCKD layout ("CKD_C370" disks,
 * "FBA_C370" block-group images): a device header, a compressed-device
 * header, a level-1 table of level-2 table offsets, level-2 tables of 256
 * entries (offset, length, allocated size) and the stored unit images
 * (a 5-byte header whose first byte names the compression, then the
 * zlib-compressed rest).  A unit is a track (CKD) or a group of 120
 * blocks (FBA).
 *
 * Updates never overwrite live data: a new unit image goes to free space,
 * is made durable, and only then does the level-2 entry point to it; the
 * old space becomes reusable after the next flush.  Free space is rebuilt
 * from the tables at open, so a crash leaves a consistent file.
 */
#ifndef VM390_DEVICES_CCKD_H
#define VM390_DEVICES_CCKD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imgfile.h"

#define CCKD_HDR_POS 512
#define CCKD_HDR_SIZE 512
#define CCKD_L1_POS 1024
#define CCKD_L2_ENTRIES 256
#define CCKD_L2_SIZE (CCKD_L2_ENTRIES * 8)
#define CFBA_GROUP_BLOCKS 120
#define CFBA_BLOCK_SIZE 512

/* What a unit of this image is. */
struct cckd_layout {
    uint32_t heads;         /* CKD: tracks per cylinder; 0 for FBA block groups */
    uint32_t unitsize;      /* largest uncompressed unit image */
};

struct cckd;

/* Take over an open file whose device header has been read; checks every
   table and builds the free-space map.  NULL with err set on any
   inconsistency. */
struct cckd *cckd_open(struct imgfile *f, const struct cckd_layout *lay, char *err, size_t errlen);
/* Cylinders (CKD) or blocks (FBA) recorded in the compressed header. */
uint32_t cckd_count(const struct cckd *c);
uint32_t cckd_units(const struct cckd *c);
bool cckd_read(struct cckd *c, uint32_t unit, uint8_t *buf, uint32_t *len);
bool cckd_write(struct cckd *c, uint32_t unit, const uint8_t *buf, uint32_t len);
bool cckd_flush(struct cckd *c);
/* Write the free-space chain and header and close the file. */
bool cckd_close(struct cckd *c);
const char *cckd_error(const struct cckd *c);

/* Write the two headers and an empty level-1 table of a new image of
   count cylinders (CKD) or blocks (FBA); devhdr is the 512-byte device
   header already filled in. */
bool cckd_format(struct imgfile *f, const uint8_t *devhdr, const struct cckd_layout *lay,
                 uint32_t count);

#endif

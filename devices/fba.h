/*
 * FBA disks (3370, 9336): 512-byte blocks addressed by number.  Images are
 * Hercules-compatible: a plain image is the blocks themselves, a
 * compressed one ("FBA_C370") keeps groups of 120 blocks in the CCKD
 * layout (see cckd.h).
 */
#ifndef VM390_DEVICES_FBA_H
#define VM390_DEVICES_FBA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct device;

struct fba_model {
    const char *name;           /* "9336-10" */
    uint16_t devtype;
    uint8_t model;              /* SENSE ID model byte */
    uint8_t type;               /* RDC unit type */
    uint32_t bpg, bpp;          /* blocks per cyclical group, per access position */
    uint32_t blocks;            /* the model's size */
    uint16_t cutype;
};

/* "3370", "3370-2", "9336", "9336-20"; a bare type is its first model. */
const struct fba_model *fba_model_find(const char *name);
const struct fba_model *fba_model_at(int i);

struct fba_create {
    uint16_t devtype;           /* for the compressed image header */
    uint32_t blocks;
    bool compressed;
};
bool fba_image_create(const char *path, const struct fba_create *c, char *err, size_t errlen);

/* An FBA device: args "FILE [ro] [sync=always|none]". */
struct device *fba_create(const char *type, uint16_t devnum, const char *args, char *err,
                          size_t errlen);

#endif

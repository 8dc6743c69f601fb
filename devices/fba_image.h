/* FBA image access: plain block files and compressed block groups. */
#ifndef VM390_DEVICES_FBA_IMAGE_H
#define VM390_DEVICES_FBA_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imgfile.h"

#define FBA_BLOCK 512

struct cckd;

struct fba_image {
    struct imgfile f;           /* plain image */
    struct cckd *cckd;          /* compressed image */
    uint32_t blocks;
    bool readonly;
    /* the block group in hand (compressed images) */
    uint8_t *grp;
    int64_t grpno;
    bool grpdirty;
    char err[IMG_ERRLEN];
};

bool fba_image_open(struct fba_image *img, const char *path, bool readonly, enum img_sync sync,
                    char *err, size_t errlen);
bool fba_image_close(struct fba_image *img);
bool fba_image_read(struct fba_image *img, uint32_t block, uint32_t n, uint8_t *buf);
bool fba_image_write(struct fba_image *img, uint32_t block, uint32_t n, const uint8_t *buf);
bool fba_image_flush(struct fba_image *img);

#endif

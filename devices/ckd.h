/*
 * CKD disks (3390 models 1, 2, 3, 9 and 3380) behind a 3990 storage
 * control: the models, their characteristics, and the device.
 */
#ifndef VM390_DEVICES_CKD_H
#define VM390_DEVICES_CKD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct device;

/* One model: what SENSE ID and READ DEVICE CHARACTERISTICS report. */
struct ckd_model {
    const char *name;           /* "3390-3" */
    uint16_t devtype;           /* 0x3390 */
    uint8_t model;              /* model byte of SENSE ID and RDC */
    uint8_t code;               /* RDC device type code */
    uint16_t cyls;              /* primary cylinders */
};

/* "3390-3", "3380-K" ...; a bare "3390" or "3380" is the first model. */
const struct ckd_model *ckd_model_find(const char *name);
/* The smallest model of devtype holding cyls cylinders (the last one if
   none does). */
const struct ckd_model *ckd_model_fit(uint16_t devtype, uint32_t cyls);
/* Models in table order, for help texts; NULL after the last. */
const struct ckd_model *ckd_model_at(int i);

/* A CKD device on an image file: args "FILE [ro] [sync=always|none]". */
struct device *ckd_create(const char *type, uint16_t devnum, const char *args, char *err,
                          size_t errlen);

#endif

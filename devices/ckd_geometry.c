/*
 * CKD models and what the device reports about itself: SENSE ID, READ
 * DEVICE CHARACTERISTICS, READ CONFIGURATION DATA, sense bytes, and the
 * track-capacity formula of the characteristics data.  Values are those of
 * the IBM 3390 / 3380 behind a 3990 model 2 storage control.
 */
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"
#include "ebcdic.h"

static const struct ckd_model models[] = {
    { "3390-1", 0x3390, 0x02, 0x26, 1113 },
    { "3390-2", 0x3390, 0x06, 0x27, 2226 },
    { "3390-3", 0x3390, 0x0A, 0x24, 3339 },
    { "3390-9", 0x3390, 0x0C, 0x32, 10017 },
    { "3380-1", 0x3380, 0x02, 0x0E, 885 },
    { "3380-E", 0x3380, 0x0A, 0x0E, 1770 },
    { "3380-K", 0x3380, 0x1E, 0x0E, 2655 },
};
#define NMODELS (sizeof models / sizeof models[0])

static const struct ckd_geom geoms[] = {
    /* devtype r0max  r1max  har0  tracklen sect rps  form f1  f2   f3   f4 f5   f6 */
    { 0x3390, 57326, 56664, 1428, 58786, 224, 0x7708, 2, 34, 19, 9, 6, 116, 6 },
    { 0x3380, 47988, 47476, 1088, 47968, 222, 0x5007, 1, 32, 492, 236, 0, 0, 0 },
};

/* Characteristics of the storage control. */
#define CU_FEATURES 0xD0000000u     /* LR read tracks, LR read */
#define CU_CODE 0x10
#define CIW_RCD 0x40FA0100u         /* READ CONFIGURATION DATA, 256 bytes */

const struct ckd_model *ckd_model_at(int i)
{
    return i >= 0 && (size_t)i < NMODELS ? &models[i] : NULL;
}

const struct ckd_model *ckd_model_find(const char *name)
{
    for (size_t i = 0; i < NMODELS; i++) {
        size_t n = strlen(name);
        /* a bare type matches its first model */
        if (!strcmp(models[i].name, name) || (n == 4 && !strncmp(models[i].name, name, 4)))
            return &models[i];
    }
    return NULL;
}

const struct ckd_model *ckd_model_fit(uint16_t devtype, uint32_t cyls)
{
    const struct ckd_model *last = NULL;
    for (size_t i = 0; i < NMODELS; i++) {
        if (models[i].devtype != devtype)
            continue;
        last = &models[i];
        if (cyls <= models[i].cyls)
            return last;
    }
    return last;
}

const struct ckd_geom *ckd_geom_of(uint16_t devtype)
{
    for (size_t i = 0; i < sizeof geoms / sizeof geoms[0]; i++)
        if (geoms[i].devtype == devtype)
            return &geoms[i];
    return NULL;
}

static uint32_t round_up(uint32_t v, uint32_t unit) { return (v + unit - 1) / unit * unit; }

/* Formula 1 (3380): data and key areas in units of f1 bytes with fixed
   overheads f2 and f3.  Formula 2 (3390): cells of f1 bytes; an area of n
   bytes adds f6 bytes plus f4 bytes for every 2*f5 bytes of (n + f6), and
   the count / key overheads are f2 / f3 cells. */
uint32_t ckd_record_space(const struct ckd_geom *g, uint8_t kl, uint16_t dl)
{
    if (g->formula == 1)
        return round_up(dl + g->f2, g->f1) + (kl ? round_up(kl + g->f3, g->f1) : 0);
    uint32_t per = 2 * g->f5;
    uint32_t data = g->f1 * g->f2 + dl + g->f6 + g->f4 * ((dl + g->f6 + per - 1) / per);
    uint32_t key = kl ? g->f1 * g->f3 + kl + g->f6 + g->f4 * ((kl + g->f6 + per - 1) / per) : 0;
    return round_up(data, g->f1) + round_up(key, g->f1);
}

uint32_t ckd_build_sense_id(const struct ckd_dev *cd, uint8_t *buf)
{
    buf[0] = 0xFF;
    put_be16(buf + 1, CKD_CU_TYPE);
    buf[3] = CKD_CU_MODEL;
    put_be16(buf + 4, cd->model->devtype);
    buf[6] = cd->model->model;
    buf[7] = 0;
    put_be32(buf + 8, CIW_RCD);
    return 12;
}

uint32_t ckd_build_rdc(const struct ckd_dev *cd, uint8_t *buf)
{
    const struct ckd_geom *g = cd->geom;
    memset(buf, 0, 64);
    put_be16(buf, CKD_CU_TYPE);
    buf[2] = CKD_CU_MODEL;
    put_be16(buf + 3, cd->model->devtype);
    buf[5] = cd->model->model;
    /* a 3380 behind a 3990 presents 24-byte compatible sense */
    put_be32(buf + 6, CU_FEATURES | (g->devtype == 0x3380 ? 1 : 0));
    buf[10] = 0x20;                             /* device class: DASD */
    buf[11] = cd->model->code;
    put_be16(buf + 12, (uint16_t)cd->cyls);     /* primary cylinders */
    put_be16(buf + 14, (uint16_t)cd->heads);
    buf[16] = g->sectors;
    put_be16(buf + 18, g->tracklen);
    put_be16(buf + 20, g->har0);
    buf[22] = g->formula;
    buf[23] = (uint8_t)g->f1;
    if (g->formula == 1) {
        put_be16(buf + 24, g->f2);
        put_be16(buf + 26, g->f3);
    } else {
        buf[24] = (uint8_t)g->f2;
        buf[25] = (uint8_t)g->f3;
        buf[26] = (uint8_t)g->f4;
        buf[27] = (uint8_t)g->f5;
    }
    buf[40] = cd->model->code;                  /* MDR record id */
    buf[41] = cd->model->code;                  /* OBR record id */
    buf[42] = CU_CODE;
    buf[43] = 0x02;                             /* parameter length */
    put_be16(buf + 44, g->r0max);
    buf[47] = 0x01;                             /* track set */
    buf[48] = (uint8_t)g->f6;
    put_be16(buf + 49, g->rps);
    /* No alternate tracks exist in an image: report the device as an
       array, so that device support programs do not look for them. */
    buf[57] = 0xFF;
    put_be32(buf + 60, cd->cyls);
    return 64;
}

/* One 32-byte node element descriptor: flags, then type, model,
   manufacturer, plant and serial in EBCDIC, then a tag. */
static void put_ned(uint8_t *p, uint32_t flags, uint16_t type, uint8_t model, const char *serial,
                    uint16_t tag)
{
    char text[27];
    put_be32(p, flags);
    /* type (6), model (3), manufacturer (3), plant (2), sequence (12) */
    snprintf(text, sizeof text, "%06X%03XVMSZZ%-12.12s", type, model, serial);
    ebcdic_from_ascii(p + 4, text, 26);
    put_be16(p + 30, tag);
}

uint32_t ckd_build_rcd(const struct ckd_dev *cd, uint8_t *buf)
{
    char serial[13];
    snprintf(serial, sizeof serial, "%012u", cd->dev.devnum);
    memset(buf, 0, 256);
    put_ned(buf, 0xC4010100, cd->model->devtype, cd->model->model, serial, cd->dev.devnum);
    put_ned(buf + 32, 0xC4020000, cd->model->devtype, cd->model->model, serial, 0);
    put_ned(buf + 64, 0xC0000000, CKD_CU_TYPE, CKD_CU_MODEL, serial, cd->dev.devnum >> 8 & 0xFF);
    put_ned(buf + 96, 0xF0000001, CKD_CU_TYPE, 0, serial, 0);
    /* node-element qualifier: unit address and logical device address */
    buf[224] = 0x80;
    buf[230] = 0x1E;                            /* missing-interrupt interval */
    buf[234] = 0x80;
    buf[235] = buf[236] = buf[237] = buf[243] = (uint8_t)cd->dev.devnum;
    buf[241] = 0x80;
    buf[242] = 0x80;
    return 256;
}

void ckd_sense_fill(struct ckd_dev *cd, uint8_t s0, uint8_t s1, uint8_t fmt_msg)
{
    uint8_t *s = cd->sense;
    memset(s, 0, sizeof cd->sense);
    s[0] = s0;
    s[1] = s1;
    if (s1 & SNS1_IE)
        s[3] = cd->lr_count;                    /* residual Locate Record count */
    if (cd->geom->devtype == 0x3380)
        s[4] = cd->dev.devnum & 0x0F;           /* device address */
    if (cd->cyls > 4095) {
        s[5] = s[6] = 0xFF;
    } else {
        s[5] = cd->cyl & 0xFF;
        s[6] = (uint8_t)((cd->cyl >> 8) << 4 | (cd->head & 0x0F));
    }
    s[7] = fmt_msg;
    s[27] = 0x80;                               /* first 24 bytes compatible */
    put_be16(s + 29, cd->cyl);
    s[31] = (uint8_t)cd->head;
    cd->sense_pending = true;
}

uint8_t ckd_unit_check(struct ckd_dev *cd, uint8_t s0, uint8_t s1, uint8_t fmt_msg)
{
    ckd_sense_fill(cd, s0, s1, fmt_msg);
    return US_CE | US_DE | US_UC;
}

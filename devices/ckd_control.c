/*
 * CKD control and sense commands: seeks, NOP, SENSE, SENSE ID, READ DEVICE
 * CHARACTERISTICS, READ CONFIGURATION DATA, reserve / release and path
 * groups.
 */
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"

#define OK (US_CE | US_DE)

/* Commands that never run inside a Locate Record domain. */
static bool outside_domain(struct ckd_dev *cd, uint8_t *st)
{
    if (cd->lr_count == 0)
        return true;
    *st = ckd_reject(cd, MSG_SEQUENCE);
    return false;
}

/* SEEK (BBCCHH), SEEK CYLINDER, SEEK HEAD (the cylinder stays). */
uint8_t ckd_seek_cmd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st, skctl = cd->fmask & FM_SEEK;
    if (!outside_domain(cd, &st))
        return st;
    if (c->code == CMD_SEEK_HEAD && !ckd_positioned(cd))
        return ckd_reject(cd, MSG_SEQUENCE);
    bool allowed = c->code == CMD_SEEK ? skctl == FM_SEEK_ALL
                 : c->code == CMD_SEEK_CYL ? skctl == FM_SEEK_ALL || skctl == FM_SEEK_CYLHEAD
                 : skctl != FM_SEEK_NONE;
    if (!allowed)
        return ckd_unit_check(cd, 0, SNS1_FP, 0);
    if (!dev_params(c, 6))
        return ckd_reject(cd, MSG_COUNT);
    const uint8_t *p = c->data;
    uint16_t cyl = c->code == CMD_SEEK_HEAD ? cd->cyl : be16(p + 2), head = be16(p + 4);
    if (be16(p) != 0 || cyl >= cd->cyls || head >= cd->heads)
        return ckd_reject(cd, MSG_PARAM);
    if (!ckd_in_extent(cd, ckd_track_of(cd, cyl, head)))
        return ckd_unit_check(cd, 0, SNS1_FP, 0);
    if (!ckd_seek(cd, cyl, head, &st))
        return st;
    cd->seek_done = true;
    return OK;
}

/* RECALIBRATE exists on the 3380 only. */
uint8_t ckd_recalibrate(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    (void)c;
    if (cd->geom->devtype != 0x3380)
        return ckd_reject(cd, MSG_INVALID_CMD);
    if (!outside_domain(cd, &st))
        return st;
    if ((cd->fmask & FM_SEEK) != FM_SEEK_ALL || !ckd_in_extent(cd, 0))
        return ckd_unit_check(cd, 0, SNS1_FP, 0);
    if (!ckd_seek(cd, 0, 0, &st))
        return st;
    cd->seek_done = true;
    return OK;
}

/* An immediate command: no data move, the count stays as it was. */
uint8_t ckd_nop(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, false, &st))
        return st;
    c->residual = c->count;
    return OK;
}

/* Hand out the sense bytes (a neutral set when nothing is pending) and
   clear them. */
static uint8_t give_sense(struct ckd_dev *cd, struct dev_cmd *c)
{
    if (!cd->sense_pending)
        ckd_sense_fill(cd, 0, 0, 0);
    dev_give(c, cd->sense, sizeof cd->sense);
    memset(cd->sense, 0, sizeof cd->sense);
    cd->sense_pending = false;
    return OK;
}

uint8_t ckd_sense_cmd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!outside_domain(cd, &st))
        return st;
    return give_sense(cd, c);
}

/* Identification and characteristics, built on demand. */
static uint8_t give_info(struct ckd_dev *cd, struct dev_cmd *c,
                         uint32_t (*build)(const struct ckd_dev *, uint8_t *))
{
    uint8_t st, buf[256];
    if (!outside_domain(cd, &st))
        return st;
    dev_give(c, buf, build(cd, buf));
    return OK;
}

uint8_t ckd_sense_id(struct ckd_dev *cd, struct dev_cmd *c)
{
    return give_info(cd, c, ckd_build_sense_id);
}

uint8_t ckd_rdc(struct ckd_dev *cd, struct dev_cmd *c) { return give_info(cd, c, ckd_build_rdc); }
uint8_t ckd_rcd(struct ckd_dev *cd, struct dev_cmd *c) { return give_info(cd, c, ckd_build_rcd); }

/* RESERVE and UNCONDITIONAL RESERVE must start the channel program; both
   return the sense bytes. */
uint8_t ckd_reserve(struct ckd_dev *cd, struct dev_cmd *c)
{
    if (cd->lr_count > 0 || cd->prev != 0)
        return ckd_reject(cd, MSG_SEQUENCE);
    cd->reserved = true;
    return give_sense(cd, c);
}

uint8_t ckd_release(struct ckd_dev *cd, struct dev_cmd *c)
{
    if (cd->lr_count > 0 || cd->dx_done || cd->setfm_done ||
        (cd->ipl_done && cd->geom->devtype == 0x3390))
        return ckd_reject(cd, MSG_SEQUENCE);
    cd->reserved = false;
    return give_sense(cd, c);
}

/* ---- path groups (one path: the group is remembered, never used) ---- */

#define PG_RESERVED_STATE 0x30
#define PG_FUNCTION 0x60
#define PG_ESTABLISH 0x00
#define PG_FUNCTION_INVALID 0x60
#define PG_FLAGS_RESERVED 0x1F

uint8_t ckd_sense_pgid(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t buf[12];
    if (cd->prev != 0)
        return ckd_reject(cd, MSG_SEQUENCE);
    buf[0] = cd->reserved ? PG_RESERVED_STATE : 0;
    memcpy(buf + 1, cd->pgid, sizeof cd->pgid);
    dev_give(c, buf, sizeof buf);
    return OK;
}

uint8_t ckd_set_pgid(struct ckd_dev *cd, struct dev_cmd *c)
{
    static const uint8_t zero[11];
    if (cd->prev != 0)
        return ckd_reject(cd, MSG_SEQUENCE);
    if (!dev_params(c, 12))
        return ckd_reject(cd, MSG_COUNT);
    const uint8_t *p = c->data;
    bool grouped = memcmp(cd->pgid, zero, sizeof zero) != 0;
    if ((p[0] & PG_FUNCTION) == PG_FUNCTION_INVALID || (p[0] & PG_FLAGS_RESERVED) ||
        !memcmp(p + 1, zero, sizeof zero) || (grouped && memcmp(cd->pgid, p + 1, sizeof zero)))
        return ckd_reject(cd, MSG_PARAM);
    if ((p[0] & PG_FUNCTION) == PG_ESTABLISH)
        memcpy(cd->pgid, p + 1, sizeof cd->pgid);
    else
        memset(cd->pgid, 0, sizeof cd->pgid);
    return OK;
}

/*
 * The ECKD domain of a channel program: DEFINE EXTENT (file mask and the
 * tracks the program may touch), SET FILE MASK, LOCATE RECORD (the
 * operation, its record count and orientation) and which commands a
 * Locate Record operation admits.
 */
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"

#define OK (US_CE | US_DE)

static uint8_t lr_op(const struct ckd_dev *cd) { return cd->lr_op & LR_OP; }
static uint8_t lr_orient(const struct ckd_dev *cd) { return cd->lr_op & LR_ORIENT; }

/* Commands admitted by each Locate Record operation. */
bool ckd_lr_allows(const struct ckd_dev *cd, uint8_t code)
{
    uint8_t op = lr_op(cd);
    bool read = op == LR_READ_DATA || op == LR_READ;
    unsigned last = cd->lr_aux & LRA_READ_COUNT ? 2 : 1;   /* the domain's final command */
    switch (code) {
    case CMD_READ_DATA:
    case CMD_READ_DATA | CKD_MT:
        return op == LR_READ_DATA || (op == LR_READ && (code & CKD_MT));
    case CMD_READ_KD:
    case CMD_READ_KD | CKD_MT:
    case CMD_READ_CKD:
    case CMD_READ_CKD | CKD_MT:
        return read;
    case CMD_READ_COUNT:
    case CMD_READ_COUNT | CKD_MT:
        return read || (op == LR_WRITE_DATA && (cd->lr_aux & LRA_READ_COUNT) && cd->lr_count == 1);
    case CMD_READ_R0:
    case CMD_READ_R0 | CKD_MT:
        return op == LR_READ_DATA ||
               (op == LR_READ && (lr_orient(cd) == LR_OR_HA || lr_orient(cd) == LR_OR_INDEX));
    case CMD_READ_HA:
    case CMD_READ_HA | CKD_MT:
        return op == LR_READ_DATA || (op == LR_READ && lr_orient(cd) == LR_OR_INDEX);
    case CMD_READ_TRACK:
        return op == LR_READ_TRACKS;
    case CMD_WRITE_DATA:
    case CMD_WRITE_KD:
        return op == LR_WRITE_TRACK || (op == LR_WRITE_DATA && cd->lr_count == last);
    case CMD_WRITE_UPDATE_DATA:
    case CMD_WRITE_UPDATE_KD:
        return op == LR_WRITE_DATA;
    case CMD_WRITE_CKD:
        return op == LR_FORMAT_WRITE || op == LR_WRITE_TRACK;
    case CMD_WRITE_CKD_NEXT:
        return op == LR_FORMAT_WRITE;
    case CMD_WRITE_R0:
        return op == LR_FORMAT_WRITE && (lr_orient(cd) == LR_OR_HA || lr_orient(cd) == LR_OR_INDEX);
    case CMD_WRITE_HA:
        return op == LR_FORMAT_WRITE && lr_orient(cd) == LR_OR_HA;
    case CMD_ERASE:
        return op == LR_WRITE_TRACK;
    case CMD_NOP:
        return cd->prev == CMD_READ_IPL;
    default:
        return false;
    }
}

bool ckd_may_run(struct ckd_dev *cd, uint8_t code, bool needs_position, uint8_t *st)
{
    bool ok = cd->lr_count > 0 ? ckd_lr_allows(cd, code) : !needs_position || ckd_positioned(cd);
    if (!ok)
        *st = ckd_reject(cd, MSG_SEQUENCE);
    return ok;
}

/* ---- DEFINE EXTENT ---- */

static bool valid_track(const struct ckd_dev *cd, uint16_t cyl, uint16_t head)
{
    return cyl < cd->cyls && head < cd->heads;
}

uint8_t ckd_define_extent(struct ckd_dev *cd, struct dev_cmd *c)
{
    if (!dev_params(c, 16))
        return ckd_reject(cd, MSG_COUNT);
    if (cd->lr_count > 0 || cd->setfm_done || (cd->ipl_done && cd->geom->devtype == 0x3390))
        return ckd_reject(cd, MSG_SEQUENCE);
    const uint8_t *p = c->data;
    uint16_t blksize = be16(p + 2) ? be16(p + 2) : (uint16_t)(cd->geom->r0max + 8);
    /* a second Define Extent in the chain must repeat the first */
    if (cd->dx_done && (p[0] != cd->fmask || p[1] != cd->gattr || blksize != cd->blksize))
        return ckd_reject(cd, MSG_SEQUENCE);
    uint16_t bc = be16(p + 8), bh = be16(p + 10), ec = be16(p + 12), eh = be16(p + 14);
    if ((p[1] & GA_MODE) != GA_ECKD || (p[0] & FM_RESERVED) || blksize > cd->geom->r0max + 8 ||
        p[4] || p[5] || p[6] || !valid_track(cd, bc, bh) || !valid_track(cd, ec, eh) ||
        ckd_track_of(cd, bc, bh) > ckd_track_of(cd, ec, eh))
        return ckd_reject(cd, MSG_PARAM);
    cd->fmask = p[0];
    cd->gattr = p[1];
    cd->blksize = blksize;
    cd->xbegin = ckd_track_of(cd, bc, bh);
    cd->xend = ckd_track_of(cd, ec, eh);
    cd->dx_done = true;
    return OK;
}

uint8_t ckd_set_file_mask(struct ckd_dev *cd, struct dev_cmd *c)
{
    if (cd->dx_done || cd->setfm_done || cd->lr_count > 0)
        return ckd_reject(cd, MSG_SEQUENCE);
    if (!dev_params(c, 1))
        return ckd_reject(cd, MSG_COUNT);
    uint8_t mask = ((uint8_t *)c->data)[0];
    if (mask & FM_RESERVED)
        return ckd_reject(cd, MSG_PARAM);
    cd->fmask = mask;
    cd->setfm_done = true;
    return OK;
}

/* ---- LOCATE RECORD ---- */

/* Orientations each operation may use. */
static bool valid_operation(uint8_t opbyte)
{
    uint8_t op = opbyte & LR_OP;
    switch (opbyte & LR_ORIENT) {
    case LR_OR_COUNT:
        return op == LR_ORIENT_ONLY || op == LR_WRITE_DATA || op == LR_FORMAT_WRITE ||
               op == LR_READ_DATA || op == LR_WRITE_TRACK || op == LR_READ_TRACKS || op == LR_READ;
    case LR_OR_HA:
        return op == LR_ORIENT_ONLY || op == LR_FORMAT_WRITE || op == LR_READ_DATA ||
               op == LR_READ_TRACKS || op == LR_READ;
    case LR_OR_DATA:
        return op == LR_ORIENT_ONLY || op == LR_WRITE_DATA || op == LR_READ_DATA || op == LR_READ;
    default:
        return op == LR_FORMAT_WRITE || op == LR_READ;
    }
}

static bool is_write_op(uint8_t op)
{
    return op == LR_WRITE_DATA || op == LR_FORMAT_WRITE || op == LR_WRITE_TRACK;
}

/* The file mask must permit the writes an operation announces. */
static bool mask_permits(const struct ckd_dev *cd, uint8_t op)
{
    uint8_t wr = cd->fmask & FM_WRITE;
    if (op == LR_FORMAT_WRITE || op == LR_WRITE_TRACK)
        return wr == FM_WR_ALL || wr == FM_WR_NO_HA_R0;
    return op != LR_WRITE_DATA || wr != FM_WR_NONE;
}

/* The parameter checks of bytes 0-3 and 13-15. */
static bool valid_lr_params(const struct ckd_dev *cd, const uint8_t *p)
{
    uint8_t op = p[0] & LR_OP, aux = p[1], count = p[3];
    uint16_t tlf = be16(p + 14);
    if (!valid_operation(p[0]) || (aux & LRA_RESERVED) || p[2] != 0)
        return false;
    if ((aux & LRA_READ_COUNT) && ((op != LR_WRITE_DATA && op != LR_READ) || count < 2))
        return false;
    if ((op == LR_ORIENT_ONLY) != (count == 0))
        return false;
    if (p[13] != 0xFF && p[13] >= cd->geom->sectors)
        return false;
    if ((aux & LRA_TLF) ? tlf == 0 || tlf > cd->blksize : tlf != 0)
        return false;
    return true;
}

/* Find the record named by the search argument (count orientation
   includes R0; the end of the track is "no record found"). */
static bool orient_to(struct ckd_dev *cd, const uint8_t *arg, uint8_t *st)
{
    if (lr_orient(cd) == LR_OR_HA) {
        if (memcmp(cd->trk + 1, arg, 4) == 0)
            return true;
        *st = ckd_unit_check(cd, 0, SNS1_NRF, 0);
        return false;
    }
    if (lr_orient(cd) == LR_OR_INDEX)
        return true;
    for (;;) {
        if (!ckd_next_count(cd, CMD_LOCATE, st))
            return false;
        uint8_t id[5];
        memcpy(id, cd->trk + cd->rec, 5);
        id[0] &= 0x7F;
        if (!memcmp(id, arg, 5))
            break;
    }
    if (lr_orient(cd) == LR_OR_DATA)
        cd->orient = OR_DATA;
    return true;
}

uint8_t ckd_locate(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!dev_params(c, 16))
        return ckd_reject(cd, MSG_COUNT);
    if (cd->lr_count > 0 || (!cd->dx_done && !cd->ipl_done))
        return ckd_reject(cd, MSG_SEQUENCE);
    const uint8_t *p = c->data;
    uint16_t cyl = be16(p + 4), head = be16(p + 6);
    if (!valid_lr_params(cd, p) || !valid_track(cd, cyl, head))
        return ckd_reject(cd, MSG_PARAM);
    if (!mask_permits(cd, p[0] & LR_OP))
        return ckd_reject(cd, MSG_SEQUENCE);
    if (cd->img.readonly && is_write_op(p[0] & LR_OP))
        return ckd_unit_check(cd, SNS0_EQUIPCHK, SNS1_WRI, MSG_PARAM);
    if (!ckd_in_extent(cd, ckd_track_of(cd, cyl, head)))
        return ckd_unit_check(cd, 0, SNS1_FP, 0);
    cd->lr_op = p[0];
    cd->lr_aux = p[1];
    cd->tlf = (p[1] & LRA_TLF) ? be16(p + 14) : cd->blksize;
    if (!ckd_seek(cd, cyl, head, &st) || !orient_to(cd, p + 8, &st))
        return st;
    cd->lr_count = p[3];
    cd->locate_done = true;
    return OK;
}

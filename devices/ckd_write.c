/*
 * CKD write commands.  Update writes (data, key and data) replace fields in
 * place; format writes (R0, CKD, erase, home address) rewrite the track from
 * the current record on and end it with an end-of-track marker.  A record
 * that would not fit on the real device's track (the capacity formula of
 * the characteristics data) is rejected as an invalid track format.
 */
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"

#define OK (US_CE | US_DE)

/* ---- permissions ---- */

static uint8_t write_mode(const struct ckd_dev *cd) { return cd->fmask & FM_WRITE; }

/* Format writes need a file mask that allows them. */
static bool format_allowed(const struct ckd_dev *cd)
{
    return write_mode(cd) == FM_WR_ALL || write_mode(cd) == FM_WR_NO_HA_R0;
}

static bool can_modify(struct ckd_dev *cd, uint8_t *st)
{
    if (cd->img.readonly) {
        *st = ckd_unit_check(cd, SNS0_EQUIPCHK, SNS1_WRI, FMT_1);
        return false;
    }
    return true;
}

/* Without CKD conversion mode, a record written in a domain must have the
   length the Locate Record transfer-length factor announced. */
static bool length_as_announced(const struct ckd_dev *cd, uint32_t len)
{
    if (cd->lr_count == 0 || (cd->gattr & GA_CKD_CONVERSION))
        return true;
    uint32_t want = (cd->lr_op & LR_OP) == LR_WRITE_TRACK && cd->trk[cd->rec + 4] == 0
                        ? CKD_R0_DLEN : cd->tlf;
    return len == want;
}

/* ---- track capacity ---- */

/* Does a record with kl/dl fit when it starts at offset at? */
static bool fits(const struct ckd_dev *cd, uint32_t at, uint8_t kl, uint16_t dl)
{
    uint64_t bytes = (uint64_t)at + CKD_COUNT_SIZE + kl + dl + CKD_EOT_SIZE;
    if (bytes > cd->img.trksize)
        return false;
    const struct ckd_geom *g = cd->geom;
    uint32_t base = ckd_record_space(g, 0, CKD_R0_DLEN), used = 0;
    uint32_t off = CKD_HA_SIZE;
    bool r0 = true;
    while (off < at) {
        uint8_t k = cd->trk[off + 5];
        uint16_t d = be16(cd->trk + off + 6);
        uint32_t space = ckd_record_space(g, k, d);
        /* record 0 lives in the HA/R0 area; only a longer one eats into the rest */
        used += r0 ? (space > base ? space - base : 0) : space;
        r0 = false;
        off += CKD_COUNT_SIZE + k + d;
    }
    uint32_t space = ckd_record_space(g, kl, dl);
    used += at == CKD_HA_SIZE ? (space > base ? space - base : 0) : space;
    return used <= g->tracklen;
}

static void end_track_at(struct ckd_dev *cd, uint32_t off)
{
    memset(cd->trk + off, 0xFF, CKD_EOT_SIZE);
    cd->trklen = off + CKD_EOT_SIZE;
    cd->dirty = true;
}

/* The count field at the start of a format write's data (zeros where
   the channel sent less). */
static void count_field(const struct dev_cmd *c, uint8_t *count)
{
    memset(count, 0, CKD_COUNT_SIZE);
    if (c->count)
        memcpy(count, c->data, c->count < CKD_COUNT_SIZE ? c->count : CKD_COUNT_SIZE);
}

/* Write count, key and data from the command's data at offset at and end
   the track after it. */
static uint8_t format_record(struct ckd_dev *cd, struct dev_cmd *c, uint32_t at)
{
    uint8_t count[CKD_COUNT_SIZE];
    count_field(c, count);
    uint8_t kl = count[5];
    uint16_t dl = be16(count + 6);
    uint8_t st;
    if (!fits(cd, at, kl, dl))
        return ckd_unit_check(cd, 0, SNS1_ITF, 0);
    if (!can_modify(cd, &st))
        return st;
    dev_take(c, cd->trk + at, CKD_COUNT_SIZE + kl + dl);
    end_track_at(cd, at + CKD_COUNT_SIZE + kl + dl);
    ckd_set_record(cd, at);
    cd->orient = OR_DATA;
    return OK;
}

/* ---- update writes ---- */

static uint8_t update_fields(struct ckd_dev *cd, struct dev_cmd *c, uint32_t off, uint32_t len)
{
    uint8_t st;
    if (!length_as_announced(cd, len))
        return ckd_unit_check(cd, 0, SNS1_ITF, 0);
    if (cd->dl == 0)
        return OK | US_UE;
    if (!can_modify(cd, &st))
        return st;
    dev_take(c, cd->trk + off, len);
    cd->dirty = true;
    cd->orient = OR_DATA;
    return OK;
}

/* Outside a domain a write must follow a search that found its record. */
static bool write_checks(struct ckd_dev *cd, uint8_t code, bool permitted, uint8_t *st)
{
    if ((cd->lr_count == 0 && !permitted) || write_mode(cd) == FM_WR_NONE ||
        (cd->lr_count > 0 && !ckd_lr_allows(cd, code))) {
        *st = ckd_reject(cd, MSG_SEQUENCE);
        return false;
    }
    return true;
}

uint8_t ckd_write_data(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!write_checks(cd, c->code, cd->ideq || cd->kyeq, &st))
        return st;
    if (cd->orient != OR_COUNT && cd->orient != OR_KEY)
        return ckd_reject(cd, MSG_SEQUENCE);
    bool r0 = cd->trk[cd->rec + 4] == 0;
    st = update_fields(cd, c, cd->rec + CKD_COUNT_SIZE + cd->kl, cd->dl);
    /* R0 as the last record of a Write Track domain ends the track */
    if (st == OK && (cd->lr_op & LR_OP) == LR_WRITE_TRACK && r0 && cd->lr_count == 1)
        end_track_at(cd, ckd_next_offset(cd));
    return st;
}

uint8_t ckd_write_kd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!write_checks(cd, c->code, cd->ideq, &st))
        return st;
    if (cd->orient != OR_COUNT)
        return ckd_reject(cd, MSG_SEQUENCE);
    return update_fields(cd, c, cd->rec + CKD_COUNT_SIZE, cd->kl + cd->dl);
}

/* The update commands of a Write Data domain find their own record. */
static bool to_user_record(struct ckd_dev *cd, uint8_t code, uint8_t *st)
{
    if (!ckd_may_run(cd, code, true, st))
        return false;
    if (cd->orient == OR_COUNT && cd->trk[cd->rec + 4] != 0)
        return true;
    return ckd_next_count(cd, code, st);
}

uint8_t ckd_write_update_data(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!to_user_record(cd, c->code, &st))
        return st;
    return update_fields(cd, c, cd->rec + CKD_COUNT_SIZE + cd->kl, cd->dl);
}

uint8_t ckd_write_update_kd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!to_user_record(cd, c->code, &st))
        return st;
    return update_fields(cd, c, cd->rec + CKD_COUNT_SIZE, cd->kl + cd->dl);
}

/* ---- format writes ---- */

uint8_t ckd_write_ckd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!write_checks(cd, c->code, cd->ideq || cd->kyeq || cd->wckd, &st))
        return st;
    if (!format_allowed(cd))
        return ckd_reject(cd, MSG_SEQUENCE);
    st = format_record(cd, c, ckd_next_offset(cd));
    cd->wckd = st == OK && cd->lr_count == 0;
    return st;
}

uint8_t ckd_write_ckd_next(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (cd->prev != CMD_WRITE_CKD && cd->prev != CMD_WRITE_CKD_NEXT)
        return ckd_reject(cd, MSG_SEQUENCE);
    if (!ckd_mt_advance(cd, &st) || !ckd_next_count(cd, c->code, &st))
        return st;
    return format_record(cd, c, ckd_next_offset(cd));
}

uint8_t ckd_write_r0(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!write_checks(cd, c->code, cd->haeq || cd->wrha, &st))
        return st;
    if (write_mode(cd) != FM_WR_ALL)
        return ckd_reject(cd, MSG_SEQUENCE);
    st = format_record(cd, c, CKD_HA_SIZE);
    cd->wckd = st == OK && cd->lr_count == 0;
    return st;
}

uint8_t ckd_erase(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!write_checks(cd, c->code, cd->ideq || cd->kyeq || cd->wckd, &st))
        return st;
    if (!format_allowed(cd))
        return ckd_reject(cd, MSG_SEQUENCE);
    /* the data is the count field of a record as long as the erased area */
    uint8_t count[CKD_COUNT_SIZE];
    count_field(c, count);
    uint32_t at = ckd_next_offset(cd);
    if (!fits(cd, at, count[5], be16(count + 6)))
        return ckd_unit_check(cd, 0, SNS1_ITF, 0);
    if (!can_modify(cd, &st))
        return st;
    dev_params(c, CKD_COUNT_SIZE + count[5] + be16(count + 6));
    c->more = false;
    end_track_at(cd, at);
    return OK;
}

/* The home address keeps its place in the image; writing it erases the
   rest of the track, which a Write R0 then starts again. */
uint8_t ckd_write_ha(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (write_mode(cd) != FM_WR_ALL)
        return ckd_unit_check(cd, 0, SNS1_FP, 0);
    if (!ckd_seek(cd, cd->cyl, cd->head, &st) || !can_modify(cd, &st))
        return st;
    dev_params(c, CKD_HA_SIZE);
    end_track_at(cd, CKD_HA_SIZE);
    cd->wrha = true;
    return OK;
}

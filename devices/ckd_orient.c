/*
 * Positioning on a CKD track: seeks, the walk from count field to count
 * field, the index point, and multitrack advance to the next head.
 */
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"

uint32_t ckd_track_of(const struct ckd_dev *cd, uint16_t cyl, uint16_t head)
{
    return (uint32_t)cyl * cd->heads + head;
}

bool ckd_in_extent(const struct ckd_dev *cd, uint32_t trk)
{
    return trk >= cd->xbegin && trk <= cd->xend;
}

bool ckd_flush_track(struct ckd_dev *cd, uint8_t *st)
{
    if (!cd->dirty)
        return true;
    if (!ckd_image_write(&cd->img, (uint32_t)cd->trkno, cd->trk, cd->trklen)) {
        *st = ckd_unit_check(cd, SNS0_EQUIPCHK, 0, FMT_1);
        return false;
    }
    cd->dirty = false;
    return true;
}

bool ckd_seek(struct ckd_dev *cd, uint16_t cyl, uint16_t head, uint8_t *st)
{
    uint32_t trk = ckd_track_of(cd, cyl, head);
    if (cyl >= cd->cyls || head >= cd->heads) {
        *st = ckd_reject(cd, MSG_PARAM);
        return false;
    }
    if (cd->trkno != (int64_t)trk) {
        if (!ckd_flush_track(cd, st))
            return false;
        cd->trkno = -1;
        if (!ckd_image_read(&cd->img, trk, cd->trk, &cd->trklen)) {
            /* the damage stays where it is: nothing writes this track */
            cd->cyl = cyl;
            cd->head = head;
            cd->orient = OR_NONE;
            *st = ckd_unit_check(cd, SNS0_EQUIPCHK, 0, FMT_1);
            return false;
        }
        cd->trkno = trk;
    }
    cd->cyl = cyl;
    cd->head = head;
    cd->orient = OR_INDEX;
    return true;
}

void ckd_set_record(struct ckd_dev *cd, uint32_t off)
{
    cd->rec = off;
    cd->kl = cd->trk[off + 5];
    cd->dl = be16(cd->trk + off + 6);
}

uint32_t ckd_next_offset(const struct ckd_dev *cd)
{
    if (cd->orient == OR_INDEX || cd->orient == OR_NONE)
        return CKD_HA_SIZE;
    return cd->rec + CKD_COUNT_SIZE + cd->kl + cd->dl;
}

bool ckd_mt_advance(struct ckd_dev *cd, uint8_t *st)
{
    bool in_domain = cd->lr_count > 0;
    if (!in_domain && (cd->fmask & FM_SEEK) == FM_SEEK_NONE) {
        *st = ckd_unit_check(cd, 0, SNS1_FP, 0);
        return false;
    }
    if (!in_domain && cd->head + 1u >= cd->heads) {
        *st = ckd_unit_check(cd, 0, SNS1_EOC, 0);
        return false;
    }
    uint32_t trk = ckd_track_of(cd, cd->cyl, cd->head) + 1;
    if (trk >= cd->cyls * cd->heads || !ckd_in_extent(cd, trk)) {
        *st = ckd_unit_check(cd, 0, SNS1_FP, 0);
        return false;
    }
    return ckd_seek(cd, (uint16_t)(trk / cd->heads), (uint16_t)(trk % cd->heads), st);
}

/* Commands that work on record 0 rather than skipping it. */
static bool sees_r0(uint8_t code)
{
    uint8_t c = code & 0x7F;
    return code == CMD_READ_TRACK || c == CMD_READ_R0 || c == CMD_SEARCH_ID_EQ ||
           c == CMD_SEARCH_ID_HI || c == CMD_SEARCH_ID_HE || code == CMD_LOCATE ||
           code == CMD_WRITE_CKD_NEXT;
}

static bool is_search(uint8_t code)
{
    uint8_t c = code & 0x7F;
    return c == CMD_SEARCH_ID_EQ || c == CMD_SEARCH_ID_HI || c == CMD_SEARCH_ID_HE ||
           c == CMD_SEARCH_KEY_EQ || c == CMD_SEARCH_KEY_HI || c == CMD_SEARCH_KEY_HE;
}

/* Passing the index point a second time ends the search with no record
   found, except for multitrack reads and key searches outside a Locate
   Record domain, which go on to the end of the cylinder. */
static bool may_pass_index_again(const struct ckd_dev *cd, uint8_t code)
{
    if (cd->lr_count > 0 || !(code & CKD_MT))
        return false;
    uint8_t c = code & 0x7F;
    return ccw_is_read(code) || c == CMD_SEARCH_KEY_EQ || c == CMD_SEARCH_KEY_HI ||
           c == CMD_SEARCH_KEY_HE;
}

bool ckd_next_count(struct ckd_dev *cd, uint8_t code, uint8_t *st)
{
    for (;;) {
        uint32_t off = ckd_next_offset(cd);
        if (!ckd_is_eot(cd->trk + off)) {
            ckd_set_record(cd, off);
            cd->orient = OR_COUNT;
            if (cd->trk[off + 4] == 0 && !sees_r0(code))
                continue;
            return true;
        }
        bool again = cd->index_passed && !may_pass_index_again(cd, code);
        if (code == CMD_LOCATE || code == CMD_WRITE_CKD_NEXT || again) {
            *st = ckd_unit_check(cd, 0, SNS1_NRF, 0);
            return false;
        }
        if (code & CKD_MT) {
            if (!ckd_mt_advance(cd, st))
                return false;
            if (!is_search(code))
                cd->index_passed = true;
        } else {
            cd->orient = OR_INDEX;
            cd->index_passed = true;
        }
    }
}

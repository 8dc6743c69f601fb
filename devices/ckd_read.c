/* CKD read and search commands. */
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"

#define OK (US_CE | US_DE)

/* A record with no data ends the read with unit exception. */
static uint8_t data_status(const struct ckd_dev *cd) { return cd->dl == 0 ? OK | US_UE : OK; }

/* Count, key and data of the current record into dst (the track-overflow
   flag of the count is not shown); returns the length. */
static uint32_t copy_record(const struct ckd_dev *cd, uint8_t *dst)
{
    uint32_t n = CKD_COUNT_SIZE + cd->kl + cd->dl;
    memcpy(dst, cd->trk + cd->rec, n);
    dst[0] &= 0x7F;
    return n;
}

uint8_t ckd_read_data(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (cd->orient != OR_COUNT && cd->orient != OR_KEY && !ckd_next_count(cd, c->code, &st))
        return st;
    dev_give(c, cd->trk + cd->rec + CKD_COUNT_SIZE + cd->kl, cd->dl);
    cd->orient = OR_DATA;
    return data_status(cd);
}

uint8_t ckd_read_kd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (cd->orient != OR_COUNT && !ckd_next_count(cd, c->code, &st))
        return st;
    dev_give(c, cd->trk + cd->rec + CKD_COUNT_SIZE, cd->kl + cd->dl);
    cd->orient = OR_DATA;
    return data_status(cd);
}

uint8_t ckd_read_count(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st, count[CKD_COUNT_SIZE];
    if (!ckd_may_run(cd, c->code, true, &st) || !ckd_next_count(cd, c->code, &st))
        return st;
    memcpy(count, cd->trk + cd->rec, sizeof count);
    count[0] &= 0x7F;
    dev_give(c, count, sizeof count);
    return OK;
}

uint8_t ckd_read_ckd(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st) || !ckd_next_count(cd, c->code, &st))
        return st;
    dev_give(c, cd->xbuf, copy_record(cd, cd->xbuf));
    cd->orient = OR_DATA;
    return data_status(cd);
}

/* Back to the index point of the current track, after moving to the next
   track first for a multitrack command outside a domain. */
static bool to_index(struct ckd_dev *cd, uint8_t code, uint8_t *st)
{
    if ((code & CKD_MT) && cd->lr_count == 0 && !ckd_mt_advance(cd, st))
        return false;
    return ckd_seek(cd, cd->cyl, cd->head, st);
}

uint8_t ckd_read_r0(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st) || !to_index(cd, c->code, &st) ||
        !ckd_next_count(cd, c->code, &st))
        return st;
    dev_give(c, cd->xbuf, copy_record(cd, cd->xbuf));
    cd->orient = OR_DATA;
    return data_status(cd);
}

uint8_t ckd_read_ha(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st) || !to_index(cd, c->code, &st))
        return st;
    dev_give(c, cd->trk, CKD_HA_SIZE);
    return OK;
}

/* Every record from the current position to the end of the track;
   with_r0 includes record 0, with_eot the end-of-track marker. */
static uint32_t rest_of_track(struct ckd_dev *cd, bool with_r0, bool with_eot)
{
    uint32_t n = 0;
    for (uint32_t off = ckd_next_offset(cd); !ckd_is_eot(cd->trk + off); off = ckd_next_offset(cd)) {
        ckd_set_record(cd, off);
        cd->orient = OR_DATA;
        if (with_r0 || cd->trk[off + 4] != 0)
            n += copy_record(cd, cd->xbuf + n);
    }
    if (with_eot) {
        memset(cd->xbuf + n, 0xFF, CKD_EOT_SIZE);
        n += CKD_EOT_SIZE;
    }
    cd->orient = OR_INDEX;      /* the end of the track is its index point */
    return n;
}

uint8_t ckd_read_multiple(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    dev_give(c, cd->xbuf, rest_of_track(cd, false, false));
    return OK;
}

uint8_t ckd_read_track(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (cd->prev != CMD_LOCATE && cd->prev != CMD_READ_TRACK)
        return ckd_reject(cd, MSG_SEQUENCE);
    if (cd->prev == CMD_READ_TRACK && !ckd_mt_advance(cd, &st))
        return st;
    dev_give(c, cd->xbuf, rest_of_track(cd, true, true));
    return OK;
}

/* READ IPL: seek to cylinder 0 head 0 and read record 1; the chain then
   behaves as within a two-command read domain, and takes no Define Extent. */
uint8_t ckd_read_ipl(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (cd->dx_done || cd->setfm_done || cd->lr_count > 0)
        return ckd_reject(cd, MSG_SEQUENCE);
    cd->dx_done = cd->setfm_done = true;
    cd->lr_op = LR_OR_DATA | LR_READ_DATA;
    cd->lr_aux = 0;
    cd->lr_count = 2;
    cd->tlf = 0;
    if (!ckd_seek(cd, 0, 0, &st) || !ckd_next_count(cd, c->code, &st))
        return st;
    dev_give(c, cd->trk + cd->rec + CKD_COUNT_SIZE + cd->kl, cd->dl);
    cd->orient = OR_DATA;
    cd->ipl_done = true;
    return data_status(cd);
}

/* Compare a field with the first n bytes of the search argument. */
static int compare(const uint8_t *field, const struct dev_cmd *c, uint32_t n)
{
    return n ? memcmp(field, c->data, n) : 0;
}

/* Status of a search: status modifier when the condition of the command
   code is met (X'20' equal, X'40' high). */
static uint8_t search_status(uint8_t code, int cmp)
{
    bool hit = ((code & 0x20) && cmp == 0) || ((code & 0x40) && cmp > 0);
    return hit ? OK | US_SM : OK;
}

uint8_t ckd_search_id(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st, id[5];
    if (!ckd_may_run(cd, c->code, true, &st) || !ckd_next_count(cd, c->code, &st))
        return st;
    memcpy(id, cd->trk + cd->rec, sizeof id);
    id[0] &= 0x7F;
    uint32_t n = c->count < 5 ? c->count : 5;
    dev_params(c, 5);
    int cmp = compare(id, c, n);
    cd->ideq = cmp == 0 && n == 5 && (c->code & 0x7F) == CMD_SEARCH_ID_EQ;
    return search_status(c->code, cmp);
}

uint8_t ckd_search_key(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (cd->orient != OR_COUNT && !ckd_next_count(cd, c->code, &st))
        return st;
    cd->orient = OR_KEY;
    uint32_t n = c->count < cd->kl ? c->count : cd->kl;
    dev_params(c, cd->kl);
    if (cd->kl == 0)
        return OK;
    int cmp = compare(cd->trk + cd->rec + CKD_COUNT_SIZE, c, n);
    cd->kyeq = cmp == 0 && n == cd->kl && (c->code & 0x7F) == CMD_SEARCH_KEY_EQ;
    return search_status(c->code, cmp);
}

uint8_t ckd_search_ha(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st) || !to_index(cd, c->code, &st))
        return st;
    uint32_t n = c->count < 4 ? c->count : 4;
    dev_params(c, 4);
    int cmp = compare(cd->trk + 1, c, n);
    cd->haeq = cmp == 0 && n == 4;
    return cmp == 0 ? OK | US_SM : OK;
}

uint8_t ckd_read_sector(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st, sector = 0;     /* rotational position is not modelled */
    if (!ckd_may_run(cd, c->code, false, &st))
        return st;
    dev_give(c, &sector, 1);
    return OK;
}

uint8_t ckd_set_sector(struct ckd_dev *cd, struct dev_cmd *c)
{
    uint8_t st;
    if (!ckd_may_run(cd, c->code, true, &st))
        return st;
    if (!dev_params(c, 1))
        return ckd_reject(cd, MSG_COUNT);
    return OK;
}

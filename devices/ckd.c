/*
 * The CKD device: creation on an image, channel-program state, command
 * dispatch and the bookkeeping every command shares (search permissions,
 * the Locate Record domain, the index point).  Changed tracks are written
 * back when the device moves to another track and, at the latest, before
 * the status that ends the channel program is returned, so that a
 * completed program's writes are in the image (and on stable storage with
 * sync=always).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "ckd_dev.h"
#include "devargs.h"

static const struct {
    uint8_t code;
    ckd_handler *fn;
} commands[] = {
    { CMD_READ_IPL, ckd_read_ipl },
    { CMD_NOP, ckd_nop },
    { CMD_SENSE, ckd_sense_cmd },
    { CMD_WRITE_DATA, ckd_write_data },
    { CMD_READ_DATA, ckd_read_data },
    { CMD_READ_DATA | CKD_MT, ckd_read_data },
    { CMD_SEEK, ckd_seek_cmd },
    { CMD_SEEK_CYL, ckd_seek_cmd },
    { CMD_SEEK_HEAD, ckd_seek_cmd },
    { CMD_WRITE_KD, ckd_write_kd },
    { CMD_READ_KD, ckd_read_kd },
    { CMD_READ_KD | CKD_MT, ckd_read_kd },
    { CMD_ERASE, ckd_erase },
    { CMD_READ_COUNT, ckd_read_count },
    { CMD_READ_COUNT | CKD_MT, ckd_read_count },
    { CMD_RECALIBRATE, ckd_recalibrate },
    { CMD_UNCOND_RESERVE, ckd_reserve },
    { CMD_WRITE_R0, ckd_write_r0 },
    { CMD_READ_R0, ckd_read_r0 },
    { CMD_READ_R0 | CKD_MT, ckd_read_r0 },
    { CMD_WRITE_HA, ckd_write_ha },
    { CMD_READ_HA, ckd_read_ha },
    { CMD_READ_HA | CKD_MT, ckd_read_ha },
    { CMD_WRITE_CKD, ckd_write_ckd },
    { CMD_READ_CKD, ckd_read_ckd },
    { CMD_READ_CKD | CKD_MT, ckd_read_ckd },
    { CMD_SET_FILE_MASK, ckd_set_file_mask },
    { CMD_READ_SECTOR, ckd_read_sector },
    { CMD_SET_SECTOR, ckd_set_sector },
    { CMD_SEARCH_KEY_EQ, ckd_search_key },
    { CMD_SEARCH_KEY_EQ | CKD_MT, ckd_search_key },
    { CMD_SEARCH_KEY_HI, ckd_search_key },
    { CMD_SEARCH_KEY_HI | CKD_MT, ckd_search_key },
    { CMD_SEARCH_KEY_HE, ckd_search_key },
    { CMD_SEARCH_KEY_HE | CKD_MT, ckd_search_key },
    { CMD_SEARCH_ID_EQ, ckd_search_id },
    { CMD_SEARCH_ID_EQ | CKD_MT, ckd_search_id },
    { CMD_SEARCH_ID_HI, ckd_search_id },
    { CMD_SEARCH_ID_HI | CKD_MT, ckd_search_id },
    { CMD_SEARCH_ID_HE, ckd_search_id },
    { CMD_SEARCH_ID_HE | CKD_MT, ckd_search_id },
    { CMD_SENSE_PGID, ckd_sense_pgid },
    { CMD_SEARCH_HA_EQ, ckd_search_ha },
    { CMD_SEARCH_HA_EQ | CKD_MT, ckd_search_ha },
    { CMD_LOCATE, ckd_locate },
    { CMD_READ_MULTIPLE_CKD, ckd_read_multiple },
    { CMD_DEFINE_EXTENT, ckd_define_extent },
    { CMD_RDC, ckd_rdc },
    { CMD_WRITE_UPDATE_DATA, ckd_write_update_data },
    { CMD_WRITE_UPDATE_KD, ckd_write_update_kd },
    { CMD_RELEASE, ckd_release },
    { CMD_WRITE_CKD_NEXT, ckd_write_ckd_next },
    { CMD_SET_PGID, ckd_set_pgid },
    { CMD_RESERVE, ckd_reserve },
    { CMD_READ_TRACK, ckd_read_track },
    { CMD_SENSE_ID, ckd_sense_id },
    { CMD_RCD, ckd_rcd },
};

static ckd_handler *handler_of(uint8_t code)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].code == code)
            return commands[i].fn;
    return NULL;
}

static struct ckd_dev *ckd_of(struct device *d) { return d->priv; }

/* ---- channel programs ---- */

static void chain_reset(struct ckd_dev *cd)
{
    cd->prev = 0;
    cd->dx_done = cd->setfm_done = cd->seek_done = cd->locate_done = cd->ipl_done = false;
    cd->fmask = cd->gattr = 0;
    cd->blksize = 0;
    cd->xbegin = 0;
    cd->xend = cd->cyls * cd->heads - 1;
    cd->lr_count = cd->lr_op = cd->lr_aux = 0;
    cd->tlf = 0;
    cd->haeq = cd->ideq = cd->kyeq = cd->wckd = cd->wrha = false;
    cd->index_passed = false;
}

static void ckd_chain_begin(struct device *d) { chain_reset(ckd_of(d)); }

/* Make the program's writes durable; false with the sense set. */
static bool finish_writes(struct ckd_dev *cd, uint8_t *st)
{
    if (!ckd_flush_track(cd, st))
        return false;
    if (!ckd_image_flush(&cd->img)) {
        *st = ckd_unit_check(cd, SNS0_EQUIPCHK, 0, FMT_1);
        return false;
    }
    return true;
}

static void ckd_chain_end(struct device *d)
{
    uint8_t st;
    finish_writes(ckd_of(d), &st);
}

bool ckd_positioned(const struct ckd_dev *cd)
{
    return cd->seek_done || cd->locate_done || cd->ipl_done;
}

/* The index-point memory is kept only across searches and single-track
   READ COUNT / READ SECTOR. */
static void forget_index(struct ckd_dev *cd, uint8_t code)
{
    uint8_t c = code & 0x7F;
    bool search = c == CMD_SEARCH_ID_EQ || c == CMD_SEARCH_ID_HI || c == CMD_SEARCH_ID_HE ||
                  c == CMD_SEARCH_KEY_EQ || c == CMD_SEARCH_KEY_HI || c == CMD_SEARCH_KEY_HE;
    if (ccw_is_sense(code) || ccw_is_control(code) || (ccw_is_write(code) && !search) ||
        (ccw_is_read(code) && code != CMD_READ_COUNT && c != CMD_READ_SECTOR))
        cd->index_passed = false;
}

/* Search results authorise only the commands that directly follow. */
static void expire_permissions(struct ckd_dev *cd, uint8_t code)
{
    uint8_t c = code & 0x7F;
    if (c != CMD_SEARCH_HA_EQ && c != CMD_WRITE_HA)
        cd->haeq = false;
    if (c != CMD_SEARCH_ID_EQ && c != CMD_READ_KD && c != CMD_WRITE_KD && c != CMD_READ_DATA &&
        c != CMD_WRITE_DATA)
        cd->ideq = false;
    if (c != CMD_SEARCH_KEY_EQ && c != CMD_READ_DATA && c != CMD_WRITE_DATA)
        cd->kyeq = false;
    if (code != CMD_WRITE_R0 && code != CMD_WRITE_CKD)
        cd->wckd = false;
}

/* Each command within a Locate Record domain uses up one of its count;
   a program that ends early leaves an incomplete domain. */
static uint8_t count_domain(struct ckd_dev *cd, const struct dev_cmd *c, uint8_t st)
{
    if (cd->lr_count == 0 || c->code == CMD_LOCATE)
        return st;
    cd->lr_count--;
    if (cd->lr_count > 0 && !c->chained && c->code != CMD_READ_IPL && !(st & US_UC))
        return ckd_unit_check(cd, SNS0_CMDREJ | SNS0_OPCHK, 0, 0);
    return st;
}

static void ckd_execute(struct device *d, struct dev_cmd *c)
{
    struct ckd_dev *cd = ckd_of(d);
    if (c->first)
        chain_reset(cd);
    c->residual = 0;
    c->more = false;
    forget_index(cd, c->code);
    ckd_handler *fn = handler_of(c->code);
    uint8_t st = fn ? fn(cd, c) : ckd_reject(cd, MSG_INVALID_CMD);
    expire_permissions(cd, c->code);
    st = count_domain(cd, c, st);
    cd->prev = c->code;
    if ((!c->chained || (st & (US_UC | US_UE))) && !finish_writes(cd, &st))
        st = US_CE | US_DE | US_UC;
    c->status = st;
}

/* ---- state for migration ---- */

#define STATE_VERSION 1
#define STATE_SIZE (1 + 2 + 2 + 1 + 1 + 32 + 11)

static size_t ckd_state_size(const struct device *d)
{
    (void)d;
    return STATE_SIZE;
}

static bool ckd_state_save(const struct device *d, uint8_t *buf, size_t len)
{
    const struct ckd_dev *cd = d->priv;
    if (len < STATE_SIZE)
        return false;
    buf[0] = STATE_VERSION;
    put_be16(buf + 1, cd->cyl);
    put_be16(buf + 3, cd->head);
    buf[5] = cd->sense_pending;
    buf[6] = cd->reserved;
    memcpy(buf + 7, cd->sense, 32);
    memcpy(buf + 39, cd->pgid, 11);
    return true;
}

static bool ckd_state_load(struct device *d, const uint8_t *buf, size_t len)
{
    struct ckd_dev *cd = d->priv;
    if (len < STATE_SIZE || buf[0] != STATE_VERSION || be16(buf + 1) >= cd->cyls ||
        be16(buf + 3) >= cd->heads)
        return false;
    cd->cyl = be16(buf + 1);
    cd->head = be16(buf + 3);
    cd->orient = OR_NONE;
    cd->sense_pending = buf[5];
    cd->reserved = buf[6];
    memcpy(cd->sense, buf + 7, 32);
    memcpy(cd->pgid, buf + 39, 11);
    return true;
}

/* ---- creation ---- */

static void ckd_destroy(struct device *d)
{
    struct ckd_dev *cd = ckd_of(d);
    uint8_t st;
    finish_writes(cd, &st);
    ckd_image_close(&cd->img);
    free(cd->trk);
    free(cd->xbuf);
    free(cd);
}

static const struct device_ops ckd_ops = {
    .name = "ckd",
    .chain_begin = ckd_chain_begin,
    .chain_end = ckd_chain_end,
    .halt = dev_no_action,
    .execute = ckd_execute,
    .state_size = ckd_state_size,
    .state_save = ckd_state_save,
    .state_load = ckd_state_load,
    .destroy = ckd_destroy,
};

/* The model: named by the type, or the smallest that holds the image. */
static const struct ckd_model *pick_model(const char *type, const struct ckd_image *img, char *err,
                                          size_t errlen)
{
    const struct ckd_model *m = ckd_model_find(type);
    if (!m) {
        snprintf(err, errlen, "unknown CKD device type %s", type);
        return NULL;
    }
    if (m->devtype != img->devtype) {
        snprintf(err, errlen, "image is a %04X volume, not a %04X", img->devtype, m->devtype);
        return NULL;
    }
    if (strlen(type) == 4)
        m = ckd_model_fit(img->devtype, img->cyls);
    if (img->cyls > m->cyls + 3u || img->cyls > 65520) {
        snprintf(err, errlen, "image has %u cylinders, more than a %s", img->cyls, m->name);
        return NULL;
    }
    return m;
}

static bool open_device(struct ckd_dev *cd, const char *type, const char *args, char *err,
                        size_t errlen)
{
    struct image_args a;
    if (!devargs_image(args, &a, err, errlen) ||
        !ckd_image_open(&cd->img, a.file, a.readonly, a.sync, err, errlen))
        return false;
    cd->model = pick_model(type, &cd->img, err, errlen);
    cd->geom = cd->model ? ckd_geom_of(cd->model->devtype) : NULL;
    cd->trk = cd->model ? malloc(cd->img.trksize) : NULL;
    cd->xbuf = cd->trk ? malloc(cd->img.trksize) : NULL;
    if (!cd->xbuf) {
        free(cd->trk);
        if (cd->model)
            snprintf(err, errlen, "out of memory");
        ckd_image_close(&cd->img);
        return false;
    }
    return true;
}

struct device *ckd_create(const char *type, uint16_t devnum, const char *args, char *err,
                          size_t errlen)
{
    struct ckd_dev *cd = calloc(1, sizeof *cd);
    if (!cd) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!open_device(cd, type, args, err, errlen)) {
        free(cd);
        return NULL;
    }
    cd->cyls = cd->img.cyls;
    cd->heads = cd->img.heads;
    cd->trkno = -1;
    cd->orient = OR_NONE;
    chain_reset(cd);
    struct device *d = &cd->dev;
    d->ops = &ckd_ops;
    d->devnum = devnum;
    d->devtype = cd->model->devtype;
    d->devmodel = cd->model->model;
    d->cutype = CKD_CU_TYPE;
    d->cumodel = CKD_CU_MODEL;
    d->priv = cd;
    return d;
}

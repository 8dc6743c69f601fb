/*
 * 3480 / 3490 tape drives.  Blocks, tape marks and positioning map onto
 * the AWS/HET image (tape_image.h).  Errors are reported as the 3480 does:
 * unit check with sense byte 0 (reason), byte 1 (drive state: online, load
 * point, file protected) and the error-recovery action code in byte 3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "devargs.h"
#include "ebcdic.h"
#include "device.h"
#include "tape.h"
#include "tape_image.h"
#include "xfer.h"

#define OK (US_CE | US_DE)

/* Sense byte 0 */
#define SNS0_CMDREJ 0x80
#define SNS0_INTREQ 0x40
#define SNS0_EQUIPCHK 0x10
#define SNS0_DATACHK 0x08
/* Sense byte 1 */
#define SNS1_ONLINE 0x40
#define SNS1_BOT 0x08
#define SNS1_FILEPROT 0x02
/* Error recovery actions (sense byte 3) */
#define ERA_NONE 0x00
#define ERA_READ_CHECK 0x23
#define ERA_WRITE_CHECK 0x25
#define ERA_COMMAND_REJECT 0x27
#define ERA_WRITE_PROTECTED 0x30
#define ERA_TAPE_VOID 0x31
#define ERA_PHYSICAL_END 0x38
#define ERA_BACKWARD_AT_BOT 0x39
#define ERA_NOT_READY 0x43
#define ERA_LOCATE_FAILED 0x44
#define SENSE_FORMAT_3480 0x20

enum {
    CMD_WRITE = 0x01, CMD_READ = 0x02, CMD_NOP = 0x03, CMD_SENSE = 0x04, CMD_REWIND = 0x07,
    CMD_READ_BACKWARD = 0x0C, CMD_REWIND_UNLOAD = 0x0F, CMD_ERASE_GAP = 0x17,
    CMD_WRITE_TM = 0x1F, CMD_READ_BLOCK_ID = 0x22, CMD_READ_LOG = 0x24, CMD_BSB = 0x27,
    CMD_BSF = 0x2F, CMD_SENSE_PGID = 0x34, CMD_FSB = 0x37, CMD_FSF = 0x3F, CMD_SYNC = 0x43,
    CMD_LOCATE = 0x4F, CMD_SECURITY_ERASE = 0x97, CMD_LOAD_DISPLAY = 0x9F, CMD_SET_PGID = 0xAF,
    CMD_ASSIGN = 0xB7, CMD_MODE_SET_1 = 0xC3, CMD_UNASSIGN = 0xC7, CMD_MODE_SET_2 = 0xCB,
    CMD_MODE_SET_3 = 0xDB, CMD_SENSE_ID = 0xE4,
};

struct tape_dev {
    struct device dev;
    struct tape_image img;
    bool loaded;
    uint8_t *block;
    uint8_t sense[32];
    uint32_t nsense;            /* 24 (3480) or 32 (3490) */
    bool sense_pending;
    uint8_t pgid[11];
};

static struct tape_dev *tape_of(struct device *d) { return d->priv; }

/* ---- sense ---- */

static void fill_sense(struct tape_dev *td, uint8_t s0, uint8_t era)
{
    uint8_t *s = td->sense;
    memset(s, 0, sizeof td->sense);
    s[0] = s0;
    s[1] = SNS1_ONLINE;
    if (!td->loaded) {
        s[0] |= SNS0_INTREQ;
        s[1] |= SNS1_FILEPROT;
    } else {
        s[1] |= (tape_at_bot(&td->img) ? SNS1_BOT : 0) | (td->img.f.readonly ? SNS1_FILEPROT : 0);
    }
    s[3] = era;
    s[7] = SENSE_FORMAT_3480;
    td->sense_pending = true;
}

static uint8_t unit_check(struct tape_dev *td, uint8_t s0, uint8_t era)
{
    fill_sense(td, s0, era);
    return OK | US_UC;
}

/* A damaged image reads as a data check; the message names the offset. */
static uint8_t image_trouble(struct tape_dev *td, enum tape_rc rc, bool writing)
{
    switch (rc) {
    case TAPE_EOD: return unit_check(td, SNS0_DATACHK, ERA_TAPE_VOID);
    case TAPE_BOT: return unit_check(td, 0, ERA_BACKWARD_AT_BOT);
    case TAPE_FULL: return unit_check(td, SNS0_EQUIPCHK, ERA_PHYSICAL_END);
    default:
        return unit_check(td, SNS0_DATACHK, writing ? ERA_WRITE_CHECK : ERA_READ_CHECK);
    }
}

/* ---- data transfer ---- */

static uint8_t cmd_read(struct tape_dev *td, struct dev_cmd *c)
{
    uint32_t len;
    enum tape_rc rc = tape_read(&td->img, td->block, &len);
    if (rc == TAPE_MARK) {
        c->residual = c->count;
        return OK | US_UE;
    }
    if (rc != TAPE_OK)
        return image_trouble(td, rc, false);
    dev_give(c, td->block, len);
    return OK;
}

/* Read backward transfers the block from its end: the channel buffer
   receives the last min(count, length) bytes, in their order on tape. */
static uint8_t cmd_read_backward(struct tape_dev *td, struct dev_cmd *c)
{
    uint32_t len;
    enum tape_rc rc = tape_read_back(&td->img, td->block, &len);
    if (rc == TAPE_MARK) {
        c->residual = c->count;
        return OK | US_UE;
    }
    if (rc != TAPE_OK)
        return image_trouble(td, rc, false);
    uint32_t n = c->count < len ? c->count : len;
    dev_give(c, td->block + (len - n), n);
    c->more = c->count < len;
    return OK;
}

/* Writes past the early-warning point still succeed, with unit exception. */
static uint8_t written(struct tape_dev *td, enum tape_rc rc)
{
    if (rc != TAPE_OK)
        return image_trouble(td, rc, true);
    return tape_past_warning(&td->img) ? OK | US_UE : OK;
}

/* 3480 and 3490 blocks are at most 65535 bytes (also the largest block
   Hercules' HET library reads back). */
#define WRITE_MAX 65535

static uint8_t cmd_write(struct tape_dev *td, struct dev_cmd *c)
{
    if (c->count == 0 || c->count > WRITE_MAX)
        return unit_check(td, SNS0_CMDREJ, ERA_COMMAND_REJECT);
    return written(td, tape_write(&td->img, c->data, c->count));
}

/* ---- motion ---- */

static uint8_t cmd_space_block(struct tape_dev *td, bool back)
{
    enum tape_rc rc = back ? tape_back_block(&td->img) : tape_skip_block(&td->img);
    if (rc == TAPE_MARK)
        return OK | US_UE;
    return rc == TAPE_OK ? OK : image_trouble(td, rc, false);
}

static uint8_t cmd_space_file(struct tape_dev *td, bool back)
{
    for (;;) {
        enum tape_rc rc = back ? tape_back_block(&td->img) : tape_skip_block(&td->img);
        if (rc == TAPE_MARK)
            return OK;
        if (rc != TAPE_OK)
            return image_trouble(td, rc, false);
    }
}

static uint8_t cmd_locate(struct tape_dev *td, struct dev_cmd *c)
{
    if (!dev_params(c, 4))
        return unit_check(td, SNS0_CMDREJ, ERA_COMMAND_REJECT);
    uint32_t target = be32(c->data) & 0x3FFFFF;
    tape_rewind(&td->img);
    while (td->img.blockno < target) {
        enum tape_rc rc = tape_skip_block(&td->img);
        if (rc != TAPE_OK && rc != TAPE_MARK)
            return unit_check(td, SNS0_EQUIPCHK, ERA_LOCATE_FAILED);
    }
    return OK;
}

static uint8_t cmd_read_block_id(struct tape_dev *td, struct dev_cmd *c)
{
    uint8_t id[8];
    put_be32(id, td->img.blockno & 0x3FFFFF);       /* channel block id */
    put_be32(id + 4, td->img.blockno & 0x3FFFFF);   /* device block id */
    dev_give(c, id, sizeof id);
    return OK;
}

static void unload(struct tape_dev *td)
{
    if (td->loaded)
        tape_close(&td->img);
    td->loaded = false;
}

/* ---- commands that need no tape ---- */

static uint8_t cmd_sense(struct tape_dev *td, struct dev_cmd *c)
{
    if (!td->sense_pending)
        fill_sense(td, 0, ERA_NONE);
    dev_give(c, td->sense, td->nsense);
    td->sense_pending = false;
    return OK;
}

static uint8_t cmd_pgid(struct tape_dev *td, struct dev_cmd *c)
{
    uint8_t buf[12] = { 0 };
    if (c->code == CMD_SET_PGID) {
        if (!dev_params(c, 12))
            return unit_check(td, SNS0_CMDREJ, ERA_COMMAND_REJECT);
        memcpy(td->pgid, c->data + 1, sizeof td->pgid);
        return OK;
    }
    memcpy(buf + 1, td->pgid, sizeof td->pgid);
    dev_give(c, buf, sizeof buf);
    return OK;
}

/* Commands accepted with their parameters and no effect on an image:
   assign, unassign, load display, mode set, erase gap. */
static uint8_t cmd_accept(struct tape_dev *td, struct dev_cmd *c, uint32_t params)
{
    (void)td;
    dev_params(c, params);
    return OK;
}

static uint8_t no_tape_command(struct tape_dev *td, struct dev_cmd *c, bool *done)
{
    uint8_t buf[32] = { 0 };
    *done = true;
    switch (c->code) {
    case CMD_SENSE: return cmd_sense(td, c);
    case CMD_SENSE_ID: dev_give(c, buf, (uint32_t)device_sense_id(&td->dev, buf, sizeof buf));
                       return OK;
    case CMD_SENSE_PGID:
    case CMD_SET_PGID: return cmd_pgid(td, c);
    case CMD_ASSIGN:
    case CMD_UNASSIGN: return cmd_accept(td, c, 11);
    case CMD_LOAD_DISPLAY: return cmd_accept(td, c, 17);
    case CMD_MODE_SET_1:
    case CMD_MODE_SET_2:
    case CMD_MODE_SET_3: return cmd_accept(td, c, 1);
    case CMD_READ_LOG: dev_give(c, buf, td->nsense); return OK;
    default: *done = false; return 0;
    }
}

/* ---- commands on a loaded tape ---- */

static bool writing(uint8_t code)
{
    return code == CMD_WRITE || code == CMD_WRITE_TM || code == CMD_SECURITY_ERASE ||
           code == CMD_ERASE_GAP;
}

/* Motion and control commands without data are immediate: the count
   stays as it was. */
static bool immediate(uint8_t code)
{
    return code == CMD_NOP || code == CMD_REWIND || code == CMD_REWIND_UNLOAD ||
           code == CMD_WRITE_TM || code == CMD_BSB || code == CMD_FSB || code == CMD_BSF ||
           code == CMD_FSF || code == CMD_SYNC || code == CMD_SECURITY_ERASE;
}

static uint8_t run_command(struct tape_dev *td, struct dev_cmd *c)
{
    if (writing(c->code) && td->img.f.readonly)
        return unit_check(td, SNS0_CMDREJ, ERA_WRITE_PROTECTED);
    switch (c->code) {
    case CMD_WRITE: return cmd_write(td, c);
    case CMD_READ: return cmd_read(td, c);
    case CMD_READ_BACKWARD: return cmd_read_backward(td, c);
    case CMD_NOP: return OK;
    case CMD_REWIND: tape_rewind(&td->img); return OK;
    case CMD_REWIND_UNLOAD: unload(td); return OK;
    case CMD_ERASE_GAP: return cmd_accept(td, c, 0);
    case CMD_WRITE_TM: return written(td, tape_write_mark(&td->img));
    case CMD_READ_BLOCK_ID: return cmd_read_block_id(td, c);
    case CMD_BSB: return cmd_space_block(td, true);
    case CMD_FSB: return cmd_space_block(td, false);
    case CMD_BSF: return cmd_space_file(td, true);
    case CMD_FSF: return cmd_space_file(td, false);
    case CMD_SYNC: return tape_flush(&td->img) ? OK : image_trouble(td, TAPE_ERROR, true);
    case CMD_LOCATE: return cmd_locate(td, c);
    case CMD_SECURITY_ERASE:
        return tape_erase(&td->img) == TAPE_OK ? OK : image_trouble(td, TAPE_ERROR, true);
    default: return unit_check(td, SNS0_CMDREJ, ERA_COMMAND_REJECT);
    }
}

static uint8_t tape_command(struct tape_dev *td, struct dev_cmd *c)
{
    uint8_t st = run_command(td, c);
    if (immediate(c->code) && !(st & US_UC))
        c->residual = c->count;
    return st;
}

static void tape_execute(struct device *d, struct dev_cmd *c)
{
    struct tape_dev *td = tape_of(d);
    bool done;
    c->residual = 0;
    c->more = false;
    uint8_t st = no_tape_command(td, c, &done);
    if (!done)
        st = td->loaded ? tape_command(td, c) : unit_check(td, 0, ERA_NOT_READY);
    /* written blocks are durable before the program's final status */
    if ((!c->chained || (st & (US_UC | US_UE))) && td->loaded && !tape_flush(&td->img))
        st = unit_check(td, SNS0_EQUIPCHK, ERA_WRITE_CHECK);
    c->status = st;
}

static void tape_chain_end(struct device *d)
{
    struct tape_dev *td = tape_of(d);
    if (td->loaded)
        tape_flush(&td->img);
}

/* ---- loading ---- */

static bool parse_size(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
              : *end == 'G' || *end == 'g' ? 30 : 0;
    if (end == s || (shift && end[1]) || (!shift && *end))
        return false;
    *out = (uint64_t)v << shift;
    return true;
}

/* compress=, level= and maxsize= of a tape's arguments. */
static bool tape_options(struct devargs *a, struct tape_image *t, char *err, size_t errlen)
{
    const char *comp = devargs_get(a, "compress"), *level = devargs_get(a, "level");
    const char *max = devargs_get(a, "maxsize");
    size_t n = strlen(a->file);
    t->compress = comp ? !strcmp(comp, "yes") : n > 4 && !strcmp(a->file + n - 4, ".het");
    if (comp && strcmp(comp, "yes") && strcmp(comp, "no")) {
        snprintf(err, errlen, "compress=%s: expected yes or no", comp);
        return false;
    }
    if (level && (level[0] < '1' || level[0] > '9' || level[1])) {
        snprintf(err, errlen, "level=%s: expected 1 to 9", level);
        return false;
    }
    t->level = level ? level[0] - '0' : 4;
    if (max && !parse_size(max, &t->maxsize)) {
        snprintf(err, errlen, "maxsize=%s: expected a size such as 400M", max);
        return false;
    }
    /* early warning a megabyte (at most half the tape) before the end */
    t->warn = t->maxsize - (t->maxsize / 2 < (1u << 20) ? t->maxsize / 2 : (1u << 20));
    t->f.limit = t->maxsize ? t->maxsize : IMG_NO_LIMIT;
    return true;
}

static bool load(struct tape_dev *td, const char *args, char *err, size_t errlen)
{
    struct devargs a;
    enum img_sync sync;
    if (!devargs_parse(&a, args, err, errlen))
        return false;
    bool ro = devargs_readonly(&a);
    bool ok = devargs_sync(&a, &sync, err, errlen);
    struct tape_image *t = &td->img;
    if (ok && a.file) {
        ok = tape_open(t, a.file, ro, sync, err, errlen);
        if (ok && !tape_options(&a, t, err, errlen)) {
            tape_close(t);
            ok = false;
        }
        td->loaded = ok;
    }
    ok = ok && devargs_check_used(&a, err, errlen);
    if (!ok)
        unload(td);
    devargs_free(&a);
    return ok;
}

bool tape_mount(struct device *d, const char *args, char *err, size_t errlen)
{
    struct tape_dev *td = tape_of(d);
    if (td->loaded) {
        snprintf(err, errlen, "drive %04X already holds a tape", d->devnum);
        return false;
    }
    if (!load(td, args, err, errlen))
        return false;
    if (!td->loaded) {
        snprintf(err, errlen, "no tape image given");
        return false;
    }
    if (d->unsolicited)
        d->unsolicited(d->unsolicited_ctx, d, US_DE);
    return true;
}

bool tape_loaded(const struct device *d) { return ((const struct tape_dev *)d->priv)->loaded; }

/* ---- device ---- */

#define STATE_SIZE (1 + 1 + 8 + 2 + 4 + 32 + 11)

static size_t tape_state_size(const struct device *d)
{
    (void)d;
    return STATE_SIZE;
}

static bool tape_state_save(const struct device *d, uint8_t *buf, size_t len)
{
    const struct tape_dev *td = d->priv;
    if (len < STATE_SIZE)
        return false;
    buf[0] = 1;
    buf[1] = td->sense_pending;
    put_be64(buf + 2, td->loaded ? td->img.pos : 0);
    put_be16(buf + 10, td->loaded ? td->img.prevlen : 0);
    put_be32(buf + 12, td->loaded ? td->img.blockno : 0);
    memcpy(buf + 16, td->sense, 32);
    memcpy(buf + 48, td->pgid, 11);
    return true;
}

/* The same tape must be mounted on the target: only the position moves. */
static bool tape_state_load(struct device *d, const uint8_t *buf, size_t len)
{
    struct tape_dev *td = d->priv;
    if (len < STATE_SIZE || buf[0] != 1 || (td->loaded && be64(buf + 2) > td->img.end))
        return false;
    td->sense_pending = buf[1];
    if (td->loaded) {
        td->img.pos = be64(buf + 2);
        td->img.prevlen = be16(buf + 10);
        td->img.blockno = be32(buf + 12);
    }
    memcpy(td->sense, buf + 16, 32);
    memcpy(td->pgid, buf + 48, 11);
    return true;
}

static void tape_destroy(struct device *d)
{
    struct tape_dev *td = tape_of(d);
    unload(td);
    free(td->block);
    free(td);
}

static const struct device_ops tape_ops = {
    .name = "tape",
    .chain_begin = dev_no_action,
    .chain_end = tape_chain_end,
    .halt = dev_no_action,
    .execute = tape_execute,
    .state_size = tape_state_size,
    .state_save = tape_state_save,
    .state_load = tape_state_load,
    .destroy = tape_destroy,
};

struct device *tape_create(const char *type, uint16_t devnum, const char *args, char *err,
                           size_t errlen)
{
    uint16_t devtype = !strcmp(type, "3480") ? 0x3480 : !strcmp(type, "3490") ? 0x3490 : 0;
    if (!devtype) {
        snprintf(err, errlen, "unknown tape device type %s", type);
        return NULL;
    }
    struct tape_dev *td = calloc(1, sizeof *td);
    if (td)
        td->block = malloc(TAPE_BLOCK_MAX);
    if (!td || !td->block) {
        free(td);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!load(td, args, err, errlen)) {
        free(td->block);
        free(td);
        return NULL;
    }
    td->nsense = devtype == 0x3480 ? 24 : 32;
    struct device *d = &td->dev;
    d->ops = &tape_ops;
    d->devnum = devnum;
    d->devtype = d->cutype = devtype;
    d->devmodel = d->cumodel = 0x01;
    d->priv = td;
    return d;
}

/* ---- new tapes ---- */

/* VOL1: volume serial in 5-10, owner in 42-51; HDR1: the dummy header of
   an initialised tape, "HDR1" followed by zeros. */
static void make_labels(uint8_t *vol1, uint8_t *hdr1, const char *volser, const char *owner)
{
    char text[81];
    snprintf(text, sizeof text, "VOL1%-6.6s%-31s%-10.10s%-29s", volser, "", owner ? owner : "",
             "");
    ebcdic_from_ascii(vol1, text, 80);
    memset(text, '0', 80);
    memcpy(text, "HDR1", 4);
    ebcdic_from_ascii(hdr1, text, 80);
}

bool tape_image_create(const char *path, const char *volser, const char *owner, bool compress,
                       char *err, size_t errlen)
{
    struct imgfile f;
    if (!img_create(&f, path, IMG_SYNC_NONE)) {
        snprintf(err, errlen, "%s", f.err);
        return false;
    }
    img_close(&f);
    if (!volser)
        return true;
    struct tape_image t;
    if (!tape_open(&t, path, false, IMG_SYNC_ALWAYS, err, errlen))
        return false;
    t.compress = compress;
    uint8_t vol1[80], hdr1[80];
    make_labels(vol1, hdr1, volser, owner);
    bool ok = tape_write(&t, vol1, 80) == TAPE_OK && tape_write(&t, hdr1, 80) == TAPE_OK &&
              tape_write_mark(&t) == TAPE_OK && tape_flush(&t);
    if (!ok)
        snprintf(err, errlen, "%s", t.err);
    tape_close(&t);
    return ok;
}

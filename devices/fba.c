/*
 * FBA disks (3370, 9336).  A channel program defines an extent (DEFINE
 * EXTENT, with a file mask), names a run of blocks in it (LOCATE) and
 * transfers them (READ / WRITE).  Changed blocks reach the image before
 * the status ending the channel program is returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "devargs.h"
#include "device.h"
#include "fba.h"
#include "fba_image.h"
#include "xfer.h"

#define OK (US_CE | US_DE)

/* Sense byte 0 */
#define SNS0_CMDREJ 0x80
#define SNS0_EQUIPCHK 0x10
/* Define Extent file mask */
#define FM_WRITE 0xC0
#define FM_INHIBIT_FORMAT 0x00
#define FM_INHIBIT_WRITES 0x40
#define FM_WRITE_RESERVED 0x80
#define FM_RESERVED 0x33
#define FM_CE_AREA 0x08
/* Locate operations */
#define OP_RESERVED 0xE0
#define OP_CODE 0x0F
#define OP_WRITE 0x01
#define OP_READ_REPLICATED 0x02
#define OP_FORMAT_DEFECTIVE 0x04
#define OP_WRITE_VERIFY 0x05
#define OP_READ 0x06

enum {
    CMD_READ_IPL = 0x02, CMD_NOP = 0x03, CMD_SENSE = 0x04, CMD_UNCOND_RESERVE = 0x14,
    CMD_WRITE = 0x41, CMD_READ = 0x42, CMD_LOCATE = 0x43, CMD_DEFINE_EXTENT = 0x63,
    CMD_RDC = 0x64, CMD_RELEASE = 0x94, CMD_READ_LOG = 0xA4, CMD_RESERVE = 0xB4,
    CMD_SENSE_ID = 0xE4,
};

static const struct fba_model models[] = {
    { "3370-1", 0x3370, 0x00, 0x02, 62, 744, 558000, 0x3880 },
    { "3370-2", 0x3370, 0x04, 0x05, 62, 744, 712752, 0x3880 },
    { "9336-10", 0x9336, 0x00, 0x11, 63, 315, 920115, 0x6310 },
    { "9336-20", 0x9336, 0x10, 0x11, 111, 777, 1672881, 0x6310 },
};
#define NMODELS (sizeof models / sizeof models[0])

const struct fba_model *fba_model_at(int i)
{
    return i >= 0 && (size_t)i < NMODELS ? &models[i] : NULL;
}

const struct fba_model *fba_model_find(const char *name)
{
    for (size_t i = 0; i < NMODELS; i++)
        if (!strcmp(models[i].name, name) ||
            (strlen(name) == 4 && !strncmp(models[i].name, name, 4)))
            return &models[i];
    return NULL;
}

struct fba_dev {
    struct device dev;
    const struct fba_model *model;
    struct fba_image img;
    uint8_t *block;             /* one block of scratch */
    /* channel-program state */
    uint8_t prev;
    bool extent;                /* DEFINE EXTENT or READ IPL done */
    uint8_t mask;
    uint32_t origin, first, last;
    uint8_t op;
    uint32_t pos, left;         /* next device block and blocks left in the locate */
    /* device state */
    uint8_t sense[24];
    bool reserved;
};

static struct fba_dev *fba_of(struct device *d) { return d->priv; }

static uint8_t unit_check(struct fba_dev *fd, uint8_t s0)
{
    memset(fd->sense, 0, sizeof fd->sense);
    fd->sense[0] = s0;
    return OK | US_UC;
}

/* ---- transfers ---- */

/* Bytes a transfer moves: up to count of the located blocks, as whole
   blocks and a last partial one. */
struct span {
    uint32_t want, n, whole, part;
};

static struct span span_of(const struct fba_dev *fd, const struct dev_cmd *c)
{
    struct span s = { .want = fd->left * FBA_BLOCK };
    s.n = c->count < s.want ? c->count : s.want;
    s.whole = s.n / FBA_BLOCK;
    s.part = s.n % FBA_BLOCK;
    return s;
}

static uint8_t advance(struct fba_dev *fd, struct dev_cmd *c, const struct span *s)
{
    uint32_t used = s->whole + (s->part ? 1 : 0);
    fd->pos += used;
    fd->left -= used;
    c->residual = c->count - s->n;
    c->more = c->count < s->want;
    return OK;
}

/* Whole blocks go straight into the buffer, a last partial block through
   the scratch block. */
static uint8_t do_read(struct fba_dev *fd, struct dev_cmd *c)
{
    struct span s = span_of(fd, c);
    if ((s.whole && !fba_image_read(&fd->img, fd->pos, s.whole, c->data)) ||
        (s.part && !fba_image_read(&fd->img, fd->pos + s.whole, 1, fd->block)))
        return unit_check(fd, SNS0_EQUIPCHK);
    if (s.part)
        memcpy(c->data + (size_t)s.whole * FBA_BLOCK, fd->block, s.part);
    return advance(fd, c, &s);
}

/* A last partial block is completed with zeros. */
static uint8_t do_write(struct fba_dev *fd, struct dev_cmd *c)
{
    struct span s = span_of(fd, c);
    memset(fd->block, 0, FBA_BLOCK);
    if (s.part)
        memcpy(fd->block, c->data + (size_t)s.whole * FBA_BLOCK, s.part);
    if ((s.whole && !fba_image_write(&fd->img, fd->pos, s.whole, c->data)) ||
        (s.part && !fba_image_write(&fd->img, fd->pos + s.whole, 1, fd->block)))
        return unit_check(fd, SNS0_EQUIPCHK);
    return advance(fd, c, &s);
}

/* ---- commands ---- */

static uint8_t read_ipl(struct fba_dev *fd, struct dev_cmd *c)
{
    if (fd->prev != 0 && fd->prev != CMD_READ_IPL)
        return unit_check(fd, SNS0_CMDREJ);
    fd->mask = 0;
    fd->origin = fd->first = 0;
    fd->last = fd->img.blocks - 1;
    fd->extent = true;
    fd->op = OP_READ;
    fd->pos = 0;
    fd->left = fd->img.blocks;
    return do_read(fd, c);
}

static uint8_t define_extent(struct fba_dev *fd, struct dev_cmd *c)
{
    if (!dev_params(c, 16) || fd->extent)
        return unit_check(fd, SNS0_CMDREJ);
    const uint8_t *p = c->data;
    uint8_t mask = p[0];
    uint32_t origin = be32(p + 4), first = be32(p + 8), last = be32(p + 12);
    if ((mask & (FM_RESERVED | FM_CE_AREA)) || (mask & FM_WRITE) == FM_WRITE_RESERVED ||
        last < first || origin > fd->img.blocks || last - first >= fd->img.blocks - origin)
        return unit_check(fd, SNS0_CMDREJ);
    fd->mask = mask;
    fd->origin = origin;
    fd->first = first;
    fd->last = last;
    fd->extent = true;
    return OK;
}

static bool op_permitted(const struct fba_dev *fd, uint8_t op)
{
    switch (op) {
    case OP_WRITE:
    case OP_WRITE_VERIFY:
        return (fd->mask & FM_WRITE) != FM_INHIBIT_WRITES && !fd->img.readonly;
    case OP_FORMAT_DEFECTIVE:
        return (fd->mask & FM_WRITE) != FM_INHIBIT_FORMAT &&
               (fd->mask & FM_WRITE) != FM_INHIBIT_WRITES && !fd->img.readonly;
    case OP_READ:
    case OP_READ_REPLICATED:
        return true;
    default:
        return false;
    }
}

static uint8_t locate(struct fba_dev *fd, struct dev_cmd *c)
{
    if (!dev_params(c, 8) || !fd->extent)
        return unit_check(fd, SNS0_CMDREJ);
    const uint8_t *p = c->data;
    uint8_t op = p[0] & OP_CODE, repl = p[1];
    uint32_t count = be16(p + 2), block = be32(p + 4);
    if ((p[0] & OP_RESERVED) || !op_permitted(fd, op) || count == 0 || block < fd->first ||
        block > fd->last || count - 1 > fd->last - block ||
        (op == OP_READ_REPLICATED && (repl == 0 || repl % count)))
        return unit_check(fd, SNS0_CMDREJ);
    fd->op = op;
    fd->pos = fd->origin + (block - fd->first);
    fd->left = count;
    return OK;
}

static uint8_t transfer(struct fba_dev *fd, struct dev_cmd *c)
{
    bool write = c->code == CMD_WRITE;
    bool after = fd->prev == CMD_LOCATE || (!write && fd->prev == CMD_READ_IPL);
    bool fits = write ? fd->op == OP_WRITE || fd->op == OP_WRITE_VERIFY
                      : fd->op == OP_READ || fd->op == OP_READ_REPLICATED;
    if (!after || !fits)
        return unit_check(fd, SNS0_CMDREJ);
    return write ? do_write(fd, c) : do_read(fd, c);
}

static uint8_t give_sense(struct fba_dev *fd, struct dev_cmd *c)
{
    dev_give(c, fd->sense, sizeof fd->sense);
    memset(fd->sense, 0, sizeof fd->sense);
    return OK;
}

static uint8_t reserve_release(struct fba_dev *fd, struct dev_cmd *c)
{
    if (fd->extent || (c->code == CMD_UNCOND_RESERVE && fd->prev != 0))
        return unit_check(fd, SNS0_CMDREJ);
    fd->reserved = c->code != CMD_RELEASE;
    return give_sense(fd, c);
}

static uint8_t read_characteristics(struct fba_dev *fd, struct dev_cmd *c)
{
    uint8_t b[32] = { 0x30, 0x08, 0x21, fd->model->type };
    put_be16(b + 4, FBA_BLOCK);
    put_be32(b + 6, fd->model->bpg);
    put_be32(b + 10, fd->model->bpp);
    put_be32(b + 14, fd->img.blocks);
    dev_give(c, b, sizeof b);
    return OK;
}

static uint8_t run(struct fba_dev *fd, struct dev_cmd *c)
{
    uint8_t buf[24] = { 0 };
    switch (c->code) {
    case CMD_READ_IPL: return read_ipl(fd, c);
    case CMD_NOP: c->residual = c->count; return OK;   /* immediate: no data */
    case CMD_SENSE: return give_sense(fd, c);
    case CMD_WRITE:
    case CMD_READ: return transfer(fd, c);
    case CMD_LOCATE: return locate(fd, c);
    case CMD_DEFINE_EXTENT: return define_extent(fd, c);
    case CMD_RDC: return read_characteristics(fd, c);
    case CMD_RESERVE:
    case CMD_UNCOND_RESERVE:
    case CMD_RELEASE: return reserve_release(fd, c);
    case CMD_READ_LOG: dev_give(c, buf, sizeof buf); return OK;
    case CMD_SENSE_ID: dev_give(c, buf, (uint32_t)device_sense_id(&fd->dev, buf, sizeof buf));
                       return OK;
    default: return unit_check(fd, SNS0_CMDREJ);
    }
}

/* ---- device ---- */

static void chain_reset(struct fba_dev *fd)
{
    fd->prev = 0;
    fd->extent = false;
    fd->mask = 0;
    fd->left = 0;
}

static void fba_chain_begin(struct device *d) { chain_reset(fba_of(d)); }

static bool finish_writes(struct fba_dev *fd)
{
    if (fba_image_flush(&fd->img))
        return true;
    unit_check(fd, SNS0_EQUIPCHK);
    return false;
}

static void fba_chain_end(struct device *d) { finish_writes(fba_of(d)); }

static void fba_execute(struct device *d, struct dev_cmd *c)
{
    struct fba_dev *fd = fba_of(d);
    if (c->first)
        chain_reset(fd);
    c->residual = 0;
    c->more = false;
    uint8_t st = run(fd, c);
    fd->prev = c->code;
    if ((!c->chained || (st & (US_UC | US_UE))) && !finish_writes(fd))
        st = OK | US_UC;
    c->status = st;
}

#define STATE_SIZE (1 + 1 + 24)

static size_t fba_state_size(const struct device *d)
{
    (void)d;
    return STATE_SIZE;
}

static bool fba_state_save(const struct device *d, uint8_t *buf, size_t len)
{
    const struct fba_dev *fd = d->priv;
    if (len < STATE_SIZE)
        return false;
    buf[0] = 1;
    buf[1] = fd->reserved;
    memcpy(buf + 2, fd->sense, sizeof fd->sense);
    return true;
}

static bool fba_state_load(struct device *d, const uint8_t *buf, size_t len)
{
    struct fba_dev *fd = d->priv;
    if (len < STATE_SIZE || buf[0] != 1)
        return false;
    fd->reserved = buf[1];
    memcpy(fd->sense, buf + 2, sizeof fd->sense);
    return true;
}

static void fba_destroy(struct device *d)
{
    struct fba_dev *fd = fba_of(d);
    fba_image_close(&fd->img);
    free(fd->block);
    free(fd);
}

static const struct device_ops fba_ops = {
    .name = "fba",
    .chain_begin = fba_chain_begin,
    .chain_end = fba_chain_end,
    .halt = dev_no_action,
    .execute = fba_execute,
    .state_size = fba_state_size,
    .state_save = fba_state_save,
    .state_load = fba_state_load,
    .destroy = fba_destroy,
};

static bool open_image(struct fba_dev *fd, const char *args, char *err, size_t errlen)
{
    struct image_args a;
    return devargs_image(args, &a, err, errlen) &&
           fba_image_open(&fd->img, a.file, a.readonly, a.sync, err, errlen);
}

struct device *fba_create(const char *type, uint16_t devnum, const char *args, char *err,
                          size_t errlen)
{
    const struct fba_model *m = fba_model_find(type);
    if (!m) {
        snprintf(err, errlen, "unknown FBA device type %s", type);
        return NULL;
    }
    struct fba_dev *fd = calloc(1, sizeof *fd);
    if (fd)
        fd->block = malloc(FBA_BLOCK);
    if (!fd || !fd->block) {
        if (fd)
            free(fd);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!open_image(fd, args, err, errlen)) {
        free(fd->block);
        free(fd);
        return NULL;
    }
    fd->model = m;
    struct device *d = &fd->dev;
    d->ops = &fba_ops;
    d->devnum = devnum;
    d->devtype = m->devtype;
    d->devmodel = m->model;
    d->cutype = m->cutype;
    d->cumodel = 0x01;
    d->priv = fd;
    return d;
}

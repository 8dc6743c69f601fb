/* The loop-back test device. */
#include "testdev.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "latch.h"

#define TD_WRITE      0x01
#define TD_READ       0x02
#define TD_READ_BACK  0x0C
#define TD_NOP        0x03
#define TD_SENSE      0x04
#define TD_SENSE_ID   0xE4
#define TD_MODIFIER   0x07
#define TD_EXCEPTION  0x0F
#define TD_WAIT       0x13
#define TD_ATTENTION  0x17

#define TD_MAX 65536u
#define SENSE_CMD_REJECT 0x80

struct testdev {
    struct device dev;
    pthread_mutex_t lock;
    pthread_cond_t cv;
    bool halted;
    uint8_t sense;
    uint32_t len;
    uint8_t buf[TD_MAX];
};

static struct testdev *td(struct device *d)
{
    return d->priv;
}

/* Return `n` bytes of `src` (reversed for READ BACKWARD). */
static void give(struct dev_cmd *cmd, const uint8_t *src, uint32_t n, bool backward)
{
    uint32_t used = n < cmd->count ? n : cmd->count;
    for (uint32_t i = 0; i < used; i++)
        cmd->data[i] = backward ? src[n - 1 - i] : src[i];
    cmd->residual = cmd->count - used;
    cmd->overrun = n > cmd->count;
}

static void wait_for_halt(struct testdev *t)
{
    pthread_mutex_lock(&t->lock);
    while (!t->halted)
        pthread_cond_wait(&t->cv, &t->lock);
    pthread_mutex_unlock(&t->lock);
}

static void testdev_execute(struct device *d, struct dev_cmd *cmd)
{
    struct testdev *t = td(d);
    cmd->status = US_CE | US_DE;
    cmd->residual = cmd->count;
    if (cmd->code != TD_SENSE)
        t->sense = 0;
    switch (cmd->code) {
    case TD_WRITE:
        t->len = cmd->count < TD_MAX ? cmd->count : TD_MAX;
        memcpy(t->buf, cmd->data, t->len);
        cmd->residual = cmd->count - t->len;
        break;
    case TD_READ:
    case TD_READ_BACK:
        give(cmd, t->buf, t->len, cmd->code == TD_READ_BACK);
        break;
    case TD_SENSE: {
        uint8_t sense = t->sense;
        t->sense = 0;
        give(cmd, &sense, 1, false);
        break;
    }
    case TD_SENSE_ID: {
        uint8_t id[7];
        give(cmd, id, (uint32_t)device_sense_id(d, id, sizeof id), false);
        break;
    }
    case TD_NOP:
        break;
    case TD_MODIFIER:
        cmd->status |= US_SM;
        break;
    case TD_EXCEPTION:
        cmd->status |= US_UE;
        break;
    case TD_WAIT:
        wait_for_halt(t);
        break;
    case TD_ATTENTION:
        if (d->unsolicited)
            d->unsolicited(d->unsolicited_ctx, d, US_ATTENTION);
        break;
    default:
        t->sense = SENSE_CMD_REJECT;
        cmd->status |= US_UC;
        break;
    }
}

static void testdev_chain_begin(struct device *d)
{
    struct testdev *t = td(d);
    latch_set(&t->lock, &t->cv, &t->halted, false);
}

static void testdev_halt(struct device *d)
{
    struct testdev *t = td(d);
    latch_set(&t->lock, &t->cv, &t->halted, true);
}

static void testdev_destroy(struct device *d)
{
    struct testdev *t = td(d);
    pthread_mutex_destroy(&t->lock);
    pthread_cond_destroy(&t->cv);
    free(t);
}

static const struct device_ops testdev_ops = {
    .name = "test",
    .chain_begin = testdev_chain_begin,
    .execute = testdev_execute,
    .halt = testdev_halt,
    .destroy = testdev_destroy,
};

/* The optional argument names a file whose first 64 KiB the device holds
   from the start, as if written (an IPL record, for instance). */
static bool preload(struct testdev *t, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot read %s", path);
        return false;
    }
    t->len = (uint32_t)fread(t->buf, 1, TD_MAX, f);
    fclose(f);
    return true;
}

struct device *testdev_create(const char *type, uint16_t devnum, const char *args,
                              char *err, size_t errlen)
{
    (void)type;
    struct testdev *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    if (args && *args && !preload(t, args, err, errlen)) {
        free(t);
        return NULL;
    }
    t->dev = (struct device){ .ops = &testdev_ops, .devnum = devnum, .devtype = 0x9999,
                              .devmodel = 1, .cutype = 0x9999, .cumodel = 1, .priv = t };
    pthread_mutex_init(&t->lock, NULL);
    pthread_cond_init(&t->cv, NULL);
    return &t->dev;
}

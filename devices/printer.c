/*
 * 1403 printer and 3525 card punch on a host file.  Output is appended;
 * what a channel program printed or punched is in the file (and on stable
 * storage with sync=always) before its final status is returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devargs.h"
#include "device.h"
#include "ebcdic.h"
#include "printer.h"
#include "xfer.h"

#define OK (US_CE | US_DE)

#define SNS_CMDREJ 0x80
#define SNS_EQUIPCHK 0x10

#define PRINT_POSITIONS 132
#define CARD_COLUMNS 80

/* 1403 command code fields: bits 0-4 the carriage operation, bits 5-7
   X'1' write (then move after printing) or X'3' move immediately. */
#define CC_WRITE 0x01
#define CC_IMMEDIATE 0x03
#define CC_SKIP 0x80            /* skip to the channel in bits 1-4 */
#define CMD_SENSE 0x04
#define CMD_SENSE_ID 0xE4
#define CMD_LOAD_UCS 0xF3       /* universal character set buffer: accepted */
#define CMD_UCS_GATE 0xFB

struct printer {
    struct device dev;
    struct imgfile out;
    uint64_t end;
    bool punch;
    bool raw;
    uint8_t sense;
    char line[PRINT_POSITIONS + 8];
};

static struct printer *printer_of(struct device *d) { return d->priv; }

static bool emit(struct printer *p, const void *text, size_t n)
{
    if (!img_write(&p->out, p->end, text, n))
        return false;
    p->end += n;
    return true;
}

static uint8_t check(struct printer *p, uint8_t sense)
{
    p->sense = sense;
    return OK | US_UC;
}

/* Text of a line or card: translated, trailing blanks dropped. */
static size_t text_of(struct printer *p, const struct dev_cmd *c, uint32_t n)
{
    ascii_from_ebcdic(p->line, c->data, n);
    while (n && p->line[n - 1] == ' ')
        n--;
    return n;
}

/* The carriage motion of a printer command: n line feeds, or a skip. */
static bool move_carriage(struct printer *p, uint8_t code)
{
    unsigned field = code >> 3 & 0x0F;
    if (code & CC_SKIP)
        return emit(p, field == 1 ? "\n\f" : "\n", field == 1 ? 2 : 1);
    if (field == 0)
        return emit(p, "\r", 1);
    return emit(p, "\n\n\n", field);
}

static uint8_t print(struct printer *p, struct dev_cmd *c)
{
    bool immediate = (c->code & 0x07) == CC_IMMEDIATE;
    unsigned field = c->code >> 3 & 0x0F;
    if ((c->code & CC_SKIP) ? field < 1 || field > 12 : field > 3)
        return check(p, SNS_CMDREJ);
    if (immediate) {            /* no data: the count stays as it was */
        c->residual = c->count;
        return move_carriage(p, c->code) ? OK : check(p, SNS_EQUIPCHK);
    }
    uint32_t n = c->count < PRINT_POSITIONS ? c->count : PRINT_POSITIONS;
    dev_params(c, n);
    c->more = c->count > PRINT_POSITIONS;
    return emit(p, p->line, text_of(p, c, n)) && move_carriage(p, c->code) ? OK
                                                                           : check(p, SNS_EQUIPCHK);
}

/* Every write command punches one card; the stacker bits do not matter.
   Columns the channel sent nothing for stay unpunched: blank. */
static uint8_t punch(struct printer *p, struct dev_cmd *c)
{
    uint8_t card[CARD_COLUMNS];
    uint32_t n = dev_take(c, card, CARD_COLUMNS);
    memset(card + n, 0x40, CARD_COLUMNS - n);
    if (p->raw)
        return emit(p, card, CARD_COLUMNS) ? OK : check(p, SNS_EQUIPCHK);
    struct dev_cmd whole = { .data = card, .count = CARD_COLUMNS };
    size_t len = text_of(p, &whole, CARD_COLUMNS);
    p->line[len] = '\n';
    return emit(p, p->line, len + 1) ? OK : check(p, SNS_EQUIPCHK);
}

static uint8_t run(struct printer *p, struct dev_cmd *c)
{
    if (c->code == CMD_SENSE) {
        dev_give(c, &p->sense, 1);
        p->sense = 0;
        return OK;
    }
    if (c->code == CMD_SENSE_ID)        /* unit-record devices of this age have none */
        return check(p, SNS_CMDREJ);
    if (!p->punch && (c->code == CMD_LOAD_UCS || c->code == CMD_UCS_GATE)) {
        dev_params(c, c->count);
        return OK;
    }
    if (p->punch)
        return ccw_is_write(c->code) ? punch(p, c) : ccw_is_control(c->code) ? OK
                                                                             : check(p, SNS_CMDREJ);
    if ((c->code & 0x07) == CC_WRITE || ((c->code & 0x07) == CC_IMMEDIATE && c->code != 0x03))
        return print(p, c);
    if (c->code != 0x03)
        return check(p, SNS_CMDREJ);
    c->residual = c->count;     /* NOP: immediate */
    return OK;
}

static void printer_execute(struct device *d, struct dev_cmd *c)
{
    struct printer *p = printer_of(d);
    c->residual = 0;
    c->more = false;
    uint8_t st = run(p, c);
    if ((!c->chained || (st & US_UC)) && !img_flush(&p->out))
        st = check(p, SNS_EQUIPCHK);
    c->status = st;
}

static void printer_chain_end(struct device *d) { img_flush(&printer_of(d)->out); }

static size_t printer_state_size(const struct device *d)
{
    (void)d;
    return 1;
}

static bool printer_state_save(const struct device *d, uint8_t *buf, size_t len)
{
    if (len < 1)
        return false;
    buf[0] = ((const struct printer *)d->priv)->sense;
    return true;
}

static bool printer_state_load(struct device *d, const uint8_t *buf, size_t len)
{
    if (len < 1)
        return false;
    printer_of(d)->sense = buf[0];
    return true;
}

static void printer_destroy(struct device *d)
{
    struct printer *p = printer_of(d);
    img_flush(&p->out);
    img_close(&p->out);
    free(p);
}

static const struct device_ops printer_ops = {
    .name = "unit-record",
    .chain_begin = dev_no_action,
    .chain_end = printer_chain_end,
    .halt = dev_no_action,
    .execute = printer_execute,
    .state_size = printer_state_size,
    .state_save = printer_state_save,
    .state_load = printer_state_load,
    .destroy = printer_destroy,
};

static bool open_output(struct printer *p, const char *args, char *err, size_t errlen)
{
    struct devargs a;
    enum img_sync sync;
    if (!devargs_parse(&a, args, err, errlen))
        return false;
    p->raw = devargs_flag(&a, "raw");
    bool ok = devargs_sync(&a, &sync, err, errlen) && devargs_check_used(&a, err, errlen);
    if (ok && !a.file) {
        snprintf(err, errlen, "no output file given");
        ok = false;
    }
    if (ok && p->raw && !p->punch) {
        snprintf(err, errlen, "raw output is for card punches");
        ok = false;
    }
    bool exists = ok && access(a.file, F_OK) == 0;
    if (ok && !(exists ? img_open(&p->out, a.file, false, sync) : img_create(&p->out, a.file, sync))) {
        snprintf(err, errlen, "%s", p->out.err);
        ok = false;
    }
    ok = ok && img_size(&p->out, &p->end);
    devargs_free(&a);
    return ok;
}

struct device *printer_create(const char *type, uint16_t devnum, const char *args, char *err,
                              size_t errlen)
{
    bool punch = !strcmp(type, "3525");
    if (!punch && strcmp(type, "1403")) {
        snprintf(err, errlen, "unknown unit-record device type %s", type);
        return NULL;
    }
    struct printer *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    p->punch = punch;
    p->out.fd = -1;
    if (!open_output(p, args, err, errlen)) {
        img_close(&p->out);
        free(p);
        return NULL;
    }
    struct device *d = &p->dev;
    d->ops = &printer_ops;
    d->devnum = devnum;
    d->devtype = punch ? 0x3525 : 0x1403;
    d->devmodel = 0x01;
    d->cutype = punch ? 0x3505 : 0x2821;
    d->cumodel = 0x01;
    d->priv = p;
    return d;
}

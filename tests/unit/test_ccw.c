/*
 * The CCW interpreter against a scripted fake device.  Expected values
 * follow SA22-7201 chapter 15: chaining, incorrect length, the CCW address
 * and count of the SCSW, program and protection checks.
 */
#include <stdlib.h>
#include <string.h>

#include "channel/ccw.h"
#include "unit.h"

#define MEM (1u << 20)
#define MAXCMD 16

/* The fake device: input commands produce `produce` bytes of a pattern,
   output commands keep what they got; `extra` is added to CE+DE. */
struct fake {
    struct device dev;
    uint32_t produce;
    bool use_all;           /* output: use the whole count (else `produce`) */
    uint8_t extra;
    uint8_t extra_on;       /* ... only for this command code (0: any) */
    int ncmd;
    uint8_t code[MAXCMD];
    uint32_t count[MAXCMD];
    bool first[MAXCMD];
    const uint8_t *input;   /* input data (NULL: a pattern 40 41 42 ...) */
    uint8_t out[4096];
    uint32_t nout;
};

static void fake_execute(struct device *d, struct dev_cmd *cmd)
{
    struct fake *f = d->priv;
    if (f->ncmd < MAXCMD) {
        f->code[f->ncmd] = cmd->code;
        f->count[f->ncmd] = cmd->count;
        f->first[f->ncmd] = cmd->first;
    }
    f->ncmd++;
    cmd->status = US_CE | US_DE;
    if (!f->extra_on || f->extra_on == cmd->code)
        cmd->status |= f->extra;
    uint32_t n = f->produce < cmd->count ? f->produce : cmd->count;
    if (ccw_is_read(cmd->code) || ccw_is_read_backward(cmd->code) || ccw_is_sense(cmd->code)) {
        for (uint32_t i = 0; i < n; i++)
            cmd->data[i] = f->input ? f->input[i] : (uint8_t)(0x40 + i);
        cmd->residual = cmd->count - n;
        cmd->more = f->produce > cmd->count;
    } else if (ccw_is_write(cmd->code)) {
        uint32_t used = f->use_all ? cmd->count : n;
        memcpy(f->out, cmd->data, used < sizeof f->out ? used : sizeof f->out);
        f->nout = used;
        cmd->residual = cmd->count - used;
    } else {
        cmd->residual = cmd->count;
    }
}

static const struct device_ops fake_ops = { .name = "fake", .execute = fake_execute };

static struct mainstor *ms;
static struct fake fk;

/* Intermediate-interruption and suspend hooks record what happened. */
static int ninter;
static uint32_t inter_addr[8];
static bool inter_initial[8];
static bool resume_answer;
static int abort_after;   /* abort once the device saw this many commands (0: never) */

static bool h_abort(void *ctx)
{
    (void)ctx;
    return abort_after && fk.ncmd >= abort_after;
}

static void h_inter(void *ctx, uint32_t addr, bool initial)
{
    (void)ctx;
    if (ninter < 8) {
        inter_addr[ninter] = addr;
        inter_initial[ninter] = initial;
    }
    ninter++;
}

static bool h_resume(void *ctx)
{
    (void)ctx;
    return resume_answer;
}

static const struct ccw_hooks hooks = { h_abort, h_inter, h_resume };

static void setup(void)
{
    storage_destroy(ms);
    ms = storage_create(MEM);
    memset(&fk, 0, sizeof fk);
    fk.dev = (struct device){ .ops = &fake_ops, .devnum = 0x190, .priv = &fk };
    ninter = 0;
    resume_answer = false;
    abort_after = 0;
}

static void ccw0(uint32_t at, uint8_t cmd, uint32_t data, uint8_t flags, uint16_t count)
{
    uint8_t *p = ms->mem + at;
    p[0] = cmd;
    p[1] = (uint8_t)(data >> 16);
    p[2] = (uint8_t)(data >> 8);
    p[3] = (uint8_t)data;
    p[4] = flags;
    p[5] = 0;
    put_be16(p + 6, count);
}

static void ccw1(uint32_t at, uint8_t cmd, uint8_t flags, uint16_t count, uint32_t data)
{
    uint8_t *p = ms->mem + at;
    p[0] = cmd;
    p[1] = flags;
    put_be16(p + 2, count);
    put_be32(p + 4, data);
}

static struct ccw_status run(uint32_t addr, bool fmt1)
{
    struct ccw_program p = { .ms = ms, .dev = &fk.dev, .ccw_addr = addr, .fmt1 = fmt1,
                             .hooks = &hooks, .max_ccws = 1000 };
    struct ccw_status st;
    ccw_execute(&p, &st);
    return st;
}

static struct ccw_status run_prog(struct ccw_program *p)
{
    p->ms = ms;
    p->dev = &fk.dev;
    p->hooks = &hooks;
    struct ccw_status st;
    ccw_execute(p, &st);
    return st;
}

static void test_write_format0(void)
{
    setup();
    memcpy(ms->mem + 0x2000, "HELLO", 5);
    ccw0(0x1000, 0x01, 0x2000, 0, 5);
    fk.use_all = true;
    struct ccw_status st = run(0x1000, false);
    CU_ASSERT_EQUAL(st.end, CCW_ENDED);
    CU_ASSERT_EQUAL(st.dstat, US_CE | US_DE);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1008);
    CU_ASSERT_EQUAL(st.count, 0);
    CU_ASSERT_EQUAL(fk.nout, 5);
    CU_ASSERT_EQUAL(memcmp(fk.out, "HELLO", 5), 0);
    CU_ASSERT_TRUE(fk.first[0]);
    CU_ASSERT_TRUE(ms->skey[0x2000 >> PAGE_SHIFT] & SKEY_R);
}

/* Three data-chained CCWs of 10 bytes; the device gives 25: the transfer
   ends in the third CCW with 5 left, incorrect length without SLI. */
static void test_data_chain_incorrect_length(void)
{
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_CD, 10, 0x3000);
    ccw1(0x1008, 0x00, CCW_FLAG_CD, 10, 0x4000);   /* command code ignored */
    ccw1(0x1010, 0x00, 0, 10, 0x5000);
    fk.produce = 25;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    CU_ASSERT_EQUAL(fk.count[0], 30);
    CU_ASSERT_EQUAL(st.sstat, SS_IL);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1018);
    CU_ASSERT_EQUAL(st.count, 5);
    CU_ASSERT_EQUAL(ms->mem[0x3000], 0x40);
    CU_ASSERT_EQUAL(ms->mem[0x3009], 0x49);
    CU_ASSERT_EQUAL(ms->mem[0x4000], 0x4A);
    CU_ASSERT_EQUAL(ms->mem[0x5004], 0x58);
    CU_ASSERT_EQUAL(ms->mem[0x5005], 0);
    CU_ASSERT_TRUE(ms->skey[0x5000 >> PAGE_SHIFT] & SKEY_C);
    /* SLI in the CCW where the transfer ended suppresses it */
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_CD, 10, 0x3000);
    ccw1(0x1008, 0x00, CCW_FLAG_CD | CCW_FLAG_SLI, 10, 0x4000);
    ccw1(0x1010, 0x00, 0, 10, 0x5000);
    fk.produce = 15;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1010);
    CU_ASSERT_EQUAL(st.count, 5);
}

/* A device that stops exactly at the end of a data-chained CCW has
   chained to the next one, whose whole count remains. */
static void test_data_chain_exhausted_boundary(void)
{
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_CD, 10, 0x3000);
    ccw1(0x1008, 0x00, 0, 10, 0x4000);
    fk.produce = 10;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, SS_IL);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1010);
    CU_ASSERT_EQUAL(st.count, 10);
}

/* A read into one forward run of storage across a frame boundary (which
   the device fills in place): the bytes the device transferred arrive,
   the rest of the area keeps its contents, and only frames that received
   data are marked changed. */
static void test_contiguous_read(void)
{
    setup();
    memset(ms->mem + 0x3F00, 0xEE, 0x1200);
    ccw1(0x1000, 0x02, CCW_FLAG_SLI, 0x200, 0x3F80);
    fk.produce = 0x70;   /* ends inside the first frame */
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.count, 0x200 - 0x70);
    CU_ASSERT_EQUAL(ms->mem[0x3F80], 0x40);
    CU_ASSERT_EQUAL(ms->mem[0x3F80 + 0x6F], (uint8_t)(0x40 + 0x6F));
    CU_ASSERT_EQUAL(ms->mem[0x3F80 + 0x70], 0xEE);
    CU_ASSERT_EQUAL(ms->mem[0x4000], 0xEE);
    CU_ASSERT_EQUAL(ms->mem[0x417F], 0xEE);
    CU_ASSERT_TRUE(ms->skey[0x3000 >> PAGE_SHIFT] & SKEY_C);
    CU_ASSERT_FALSE(ms->skey[0x4000 >> PAGE_SHIFT] & SKEY_C);
    /* into the second frame */
    setup();
    memset(ms->mem + 0x3F00, 0xEE, 0x1200);
    ccw1(0x1000, 0x02, CCW_FLAG_SLI, 0x200, 0x3F80);
    fk.produce = 0x150;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.count, 0x200 - 0x150);
    CU_ASSERT_EQUAL(ms->mem[0x4000], (uint8_t)(0x40 + 0x80));
    CU_ASSERT_EQUAL(ms->mem[0x3F80 + 0x14F], (uint8_t)(0x40 + 0x14F));
    CU_ASSERT_EQUAL(ms->mem[0x3F80 + 0x150], 0xEE);
    CU_ASSERT_TRUE(ms->skey[0x4000 >> PAGE_SHIFT] & SKEY_C);
}

static void test_overrun(void)
{
    setup();
    ccw1(0x1000, 0x02, 0, 8, 0x3000);
    fk.produce = 20;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, SS_IL);
    CU_ASSERT_EQUAL(st.count, 0);
    CU_ASSERT_EQUAL(ms->mem[0x3008], 0);   /* nothing beyond the count */
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_SLI, 8, 0x3000);
    fk.produce = 20;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
}

static void test_command_chaining(void)
{
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x01, CCW_FLAG_CC, 4, 0x3000);
    ccw1(0x1010, 0x02, CCW_FLAG_SLI, 100, 0x3000);
    fk.produce = 4;
    fk.use_all = true;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 3);
    CU_ASSERT_EQUAL(fk.code[0], 0x03);
    CU_ASSERT_EQUAL(fk.code[2], 0x02);
    CU_ASSERT_TRUE(fk.first[0]);
    CU_ASSERT_FALSE(fk.first[1]);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1018);
    CU_ASSERT_EQUAL(st.count, 96);
    CU_ASSERT_EQUAL(st.sstat, 0);
    /* incorrect length suppresses command chaining */
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_CC, 2, 0x3000);
    ccw1(0x1008, 0x03, 0, 1, 0);
    fk.produce = 1;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    CU_ASSERT_EQUAL(st.sstat, SS_IL);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1008);
    CU_ASSERT_EQUAL(st.count, 1);
    /* an immediate operation (NOP without SLI) has none: chaining goes on */
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC, 1, 0);
    ccw1(0x1008, 0x03, 0, 1, 0);
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 2);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.count, 1);
}

static void test_unit_check_ends_chain(void)
{
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x03, CCW_FLAG_SLI, 1, 0);
    fk.extra = US_UC;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    CU_ASSERT_EQUAL(st.dstat, US_CE | US_DE | US_UC);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1008);
    CU_ASSERT_EQUAL(st.sstat, 0);   /* SLI */
    /* unit exception on a later command */
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x07, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1010, 0x03, CCW_FLAG_SLI, 1, 0);
    fk.extra = US_UE;
    fk.extra_on = 0x07;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 2);
    CU_ASSERT_EQUAL(st.dstat, US_CE | US_DE | US_UE);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1010);
    /* a rejected command with its count unused: incorrect length too */
    setup();
    ccw1(0x1000, 0x13, 0, 4, 0x3000);
    fk.extra = US_UC;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, SS_IL);
    CU_ASSERT_EQUAL(st.count, 4);
}

/* Status modifier with channel end and device end skips one CCW. */
static void test_status_modifier(void)
{
    setup();
    ccw1(0x1000, 0x07, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x0B, CCW_FLAG_SLI, 1, 0);   /* skipped */
    ccw1(0x1010, 0x03, CCW_FLAG_SLI, 1, 0);
    fk.extra = US_SM;
    fk.extra_on = 0x07;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 2);
    CU_ASSERT_EQUAL(fk.code[1], 0x03);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1018);
}

static void test_tic(void)
{
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x08, 0, 0, 0x2000);
    ccw1(0x2000, 0x0B, CCW_FLAG_SLI, 1, 0);
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.ncmd, 2);
    CU_ASSERT_EQUAL(fk.code[1], 0x0B);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x2008);
    /* TIC to TIC: program check at the second TIC */
    setup();
    ccw1(0x1000, 0x08, 0, 0, 0x2000);
    ccw1(0x2000, 0x08, 0, 0, 0x3000);
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x2008);
    CU_ASSERT_EQUAL(st.dstat, 0);
    CU_ASSERT_EQUAL(fk.ncmd, 0);
    /* TIC to an address that is not a doubleword boundary */
    setup();
    ccw0(0x1000, 0x08, 0x2004, 0, 0);
    st = run(0x1000, false);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    /* a TIC inside a data chain */
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_CD, 4, 0x3000);
    ccw1(0x1008, 0x08, 0, 0, 0x2000);
    ccw1(0x2000, 0x00, 0, 4, 0x4000);
    fk.produce = 8;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.count[0], 8);
    CU_ASSERT_EQUAL(ms->mem[0x4003], 0x47);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x2008);
    CU_ASSERT_EQUAL(st.sstat, 0);
}

static void test_invalid_ccws(void)
{
    struct { uint8_t cmd, flags; uint16_t count; uint32_t data; bool fmt1; } bad[] = {
        { 0x00, 0, 1, 0x3000, true },              /* invalid command code */
        { 0x10, 0, 1, 0x3000, true },              /* ... low four bits zero */
        { 0x01, 0, 0, 0x3000, false },             /* format 0, count zero */
        { 0x01, CCW_FLAG_CD, 0, 0x3000, true },    /* format 1, zero count, data chaining */
        { 0x01, 0, 1, 0x80003000, true },          /* format 1, data address bit 0 */
        { 0x01, CCW_FLAG_ZERO, 1, 0x3000, true },  /* the flag bit that must be zero */
        { 0x01, CCW_FLAG_S, 1, 0x3000, true },     /* suspend without suspend control */
        { 0x01, CCW_FLAG_IDA, 1, 0x3002, true },   /* IDAW list not word aligned */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setup();
        if (bad[i].fmt1)
            ccw1(0x1000, bad[i].cmd, bad[i].flags, bad[i].count, bad[i].data);
        else
            ccw0(0x1000, bad[i].cmd, bad[i].data, bad[i].flags, bad[i].count);
        struct ccw_status st = run(0x1000, bad[i].fmt1);
        CU_ASSERT_EQUAL(st.sstat, SS_PROG);
        CU_ASSERT_EQUAL(st.ccw_addr, 0x1008);
        CU_ASSERT_EQUAL(fk.ncmd, 0);
    }
    /* a format-1 zero count without chaining is valid */
    setup();
    ccw1(0x1000, 0x03, 0, 0, 0);
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    /* CCW addresses: unaligned, outside storage */
    setup();
    st = run(0x1004, true);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    st = run(MEM, true);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(st.ccw_addr, MEM + 8);
}

/* A program check on a chained command keeps the device status of the
   previous command. */
static void test_check_after_chaining(void)
{
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x00, 0, 1, 0);
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(st.dstat, US_CE | US_DE);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1010);
}

/* IDAWs: the first addresses up to its 2K boundary, the others whole
   2K blocks. */
static void test_idaws(void)
{
    setup();
    put_be32(ms->mem + 0x6000, 0x10F00);   /* 256 bytes to 0x11000 */
    put_be32(ms->mem + 0x6004, 0x20000);   /* 2048 */
    put_be32(ms->mem + 0x6008, 0x30800);   /* 2048 */
    put_be32(ms->mem + 0x600C, 0x40000);
    ccw1(0x1000, 0x02, CCW_FLAG_IDA, 5000, 0x6000);
    fk.produce = 5000;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.count, 0);
    CU_ASSERT_EQUAL(ms->mem[0x10F00], 0x40);
    CU_ASSERT_EQUAL(ms->mem[0x10FFF], (uint8_t)(0x40 + 255));
    CU_ASSERT_EQUAL(ms->mem[0x11000], 0);
    CU_ASSERT_EQUAL(ms->mem[0x20000], (uint8_t)(0x40 + 256));
    CU_ASSERT_EQUAL(ms->mem[0x30800], (uint8_t)(0x40 + 256 + 2048));
    CU_ASSERT_EQUAL(ms->mem[0x40000 + 647], (uint8_t)(0x40 + 4999));
    CU_ASSERT_EQUAL(ms->mem[0x40000 + 648], 0);
    /* a second IDAW off a 2K boundary: program check once the device gets there */
    setup();
    put_be32(ms->mem + 0x6000, 0x10F00);
    put_be32(ms->mem + 0x6004, 0x20010);
    ccw1(0x1000, 0x02, CCW_FLAG_IDA, 1000, 0x6000);
    fk.produce = 1000;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.count[0], 256);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(ms->mem[0x10FFF], (uint8_t)(0x40 + 255));
    /* ... but not if the device stops first */
    setup();
    put_be32(ms->mem + 0x6000, 0x10F00);
    put_be32(ms->mem + 0x6004, 0x20010);
    ccw1(0x1000, 0x02, CCW_FLAG_IDA | CCW_FLAG_SLI, 1000, 0x6000);
    fk.produce = 100;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.count, 900);
    /* an IDAW with bit 0 on */
    setup();
    put_be32(ms->mem + 0x6000, 0x80010000);
    ccw1(0x1000, 0x02, CCW_FLAG_IDA, 10, 0x6000);
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(fk.ncmd, 0);
}

static void test_skip(void)
{
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_SKIP | CCW_FLAG_CD, 4, 0x3000);
    ccw1(0x1008, 0x00, 0, 4, 0x4000);
    fk.produce = 8;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(ms->mem[0x3000], 0);
    CU_ASSERT_EQUAL(ms->mem[0x4000], 0x44);
    /* skipping needs no valid data address */
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_SKIP, 4, 0x7FFFFFF0);
    fk.produce = 4;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
}

/* READ BACKWARD stores from the designated (highest) address downwards. */
static void test_read_backward(void)
{
    setup();
    ccw1(0x1000, 0x0C, 0, 4, 0x3003);
    fk.produce = 4;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(ms->mem[0x3003], 0x40);
    CU_ASSERT_EQUAL(ms->mem[0x3000], 0x43);
    /* across a frame boundary, short transfer */
    setup();
    ccw1(0x1000, 0x0C, CCW_FLAG_SLI, 8, 0x4002);
    fk.produce = 6;
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.count, 2);
    CU_ASSERT_EQUAL(ms->mem[0x4002], 0x40);
    CU_ASSERT_EQUAL(ms->mem[0x3FFD], 0x45);
    CU_ASSERT_EQUAL(ms->mem[0x3FFC], 0);
}

static void test_protection(void)
{
    /* key 5 may not store into a key-0 frame */
    setup();
    ccw1(0x1000, 0x02, 0, 4, 0x3000);
    fk.produce = 4;
    struct ccw_program p = { .ccw_addr = 0x1000, .fmt1 = true, .key = 5 };
    struct ccw_status st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, SS_PROT);
    CU_ASSERT_EQUAL(ms->mem[0x3000], 0);
    CU_ASSERT_EQUAL(fk.ncmd, 0);
    /* ... but fetch from it while it is not fetch protected */
    setup();
    ccw1(0x1000, 0x01, 0, 4, 0x3000);
    fk.use_all = true;
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, 0);
    /* a fetch-protected CCW */
    setup();
    ccw1(0x1000, 0x01, 0, 4, 0x3000);
    ms->skey[1] = 0x30 | SKEY_F;
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, SS_PROT);
    CU_ASSERT_EQUAL(fk.ncmd, 0);
    /* a matching key stores */
    setup();
    ccw1(0x1000, 0x02, 0, 4, 0x3000);
    ms->skey[3] = 0x50;
    fk.produce = 4;
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(ms->mem[0x3000], 0x40);
}

static void test_addressing(void)
{
    /* a data area running off the end of storage: the device gets what
       fits, then the program check */
    setup();
    ccw1(0x1000, 0x02, 0, 16, MEM - 8);
    fk.produce = 16;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(fk.count[0], 8);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(ms->mem[MEM - 1], 0x47);
    /* format 0 cannot go beyond 16M */
    setup();
    ccw0(0x1000, 0x02, 0xFFFFF8, 0, 16);
    st = run(0x1000, false);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    CU_ASSERT_EQUAL(fk.ncmd, 0);
}

static void test_address_limit(void)
{
    setup();
    ccw1(0x1000, 0x01, 0, 4, 0x30000);
    fk.use_all = true;
    struct ccw_program p = { .ccw_addr = 0x1000, .fmt1 = true,
                             .limit_mode = LIMIT_ABOVE_INVALID, .limit = 0x20000 };
    struct ccw_status st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
    p.limit_mode = LIMIT_BELOW_INVALID;
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, 0);
}

static void test_pci(void)
{
    setup();
    ccw1(0x1000, 0x02, CCW_FLAG_PCI | CCW_FLAG_CD, 4, 0x3000);
    ccw1(0x1008, 0x00, CCW_FLAG_PCI | CCW_FLAG_CD | CCW_FLAG_SLI, 4, 0x3004);
    ccw1(0x1010, 0x00, CCW_FLAG_PCI, 4, 0x3008);
    fk.produce = 6;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.sstat, 0);
    /* the third CCW never became current */
    CU_ASSERT_EQUAL(ninter, 2);
    CU_ASSERT_EQUAL(inter_addr[0], 0x1008);
    CU_ASSERT_EQUAL(inter_addr[1], 0x1010);
    CU_ASSERT_FALSE(inter_initial[0]);
    /* initial-status interruption control */
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_SLI, 1, 0);
    struct ccw_program p = { .ccw_addr = 0x1000, .fmt1 = true, .initial_status = true };
    run_prog(&p);
    CU_ASSERT_EQUAL(ninter, 1);
    CU_ASSERT_TRUE(inter_initial[0]);
}

static void test_suspend(void)
{
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x03, CCW_FLAG_S | CCW_FLAG_SLI, 1, 0);
    struct ccw_program p = { .ccw_addr = 0x1000, .fmt1 = true, .suspend_ctl = true };
    struct ccw_status st = run_prog(&p);
    CU_ASSERT_EQUAL(st.end, CCW_SUSPENDED);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x1010);
    CU_ASSERT_EQUAL(st.count, 1);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    /* resumed with the flag still on: suspends again */
    p.ccw_addr = 0x1008;
    p.resumed = true;
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.end, CCW_SUSPENDED);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    /* with resume pending it goes on */
    resume_answer = true;
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.end, CCW_ENDED);
    CU_ASSERT_EQUAL(fk.ncmd, 2);
    CU_ASSERT_FALSE(fk.first[1]);
    /* a suspend flag in a data-chained CCW */
    setup();
    ccw1(0x1000, 0x01, CCW_FLAG_CD, 1, 0x3000);
    ccw1(0x1008, 0x00, CCW_FLAG_S, 1, 0x3000);
    fk.use_all = true;
    p = (struct ccw_program){ .ccw_addr = 0x1000, .fmt1 = true, .suspend_ctl = true };
    st = run_prog(&p);
    CU_ASSERT_EQUAL(st.sstat, SS_PROG);
}

static void test_abort_and_loops(void)
{
    /* halted after the first command */
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x03, CCW_FLAG_SLI, 1, 0);
    abort_after = 1;
    struct ccw_status st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.end, CCW_ABORTED);
    CU_ASSERT_EQUAL(fk.ncmd, 1);
    CU_ASSERT_EQUAL(st.dstat, US_CE | US_DE);
    /* an endless NOP/TIC loop ends at max_ccws */
    setup();
    ccw1(0x1000, 0x03, CCW_FLAG_CC | CCW_FLAG_SLI, 1, 0);
    ccw1(0x1008, 0x08, 0, 0, 0x1000);
    st = run(0x1000, true);
    CU_ASSERT_EQUAL(st.end, CCW_ABORTED);
    CU_ASSERT_EQUAL(st.ccws, 1000);
}

/* The IPL program: the implied READ of 24 bytes at 0, then the CCW that
   this read put at absolute 8. */
static void test_ipl_first_ccw(void)
{
    setup();
    static const uint8_t ipl[8] = { 0x02, 0, 0, 0, CCW_FLAG_CC | CCW_FLAG_SLI, 0, 0, 24 };
    static const uint8_t record[24] = {
        0x00, 0x08, 0x00, 0x00, 0x80, 0x00, 0x20, 0x00,     /* PSW */
        0x02, 0x00, 0x20, 0x00, CCW_FLAG_SLI, 0, 0, 4,      /* READ 4 bytes into 2000 */
    };
    fk.input = record;
    fk.produce = 24;
    struct ccw_program p = { .ccw_addr = 0, .first_ccw = ipl };
    struct ccw_status st = run_prog(&p);
    CU_ASSERT_EQUAL(fk.ncmd, 2);
    CU_ASSERT_EQUAL(fk.count[0], 24);
    CU_ASSERT_EQUAL(fk.count[1], 4);
    CU_ASSERT_EQUAL(memcmp(ms->mem, record, 24), 0);
    CU_ASSERT_EQUAL(memcmp(ms->mem + 0x2000, record, 4), 0);
    CU_ASSERT_EQUAL(st.sstat, 0);
    CU_ASSERT_EQUAL(st.dstat, US_CE | US_DE);
    CU_ASSERT_EQUAL(st.ccw_addr, 0x10);
}

/* Random channel programs in random storage: never a crash, never an
   access outside the storage (run under the sanitizer build). */
static void test_fuzz(void)
{
    srand(12345);
    for (int iter = 0; iter < 3000; iter++) {
        storage_destroy(ms);
        ms = storage_create(64 * 1024);
        for (uint32_t i = 0; i < 64 * 1024; i++)
            ms->mem[i] = (uint8_t)(rand() & (i % 7 ? 0xFF : 0x0F));
        for (int k = 0; k < 16; k++)
            ms->skey[k] = (uint8_t)(rand() & 0xF8);
        memset(&fk, 0, sizeof fk);
        fk.dev = (struct device){ .ops = &fake_ops, .priv = &fk };
        fk.produce = (uint32_t)rand() % 70000;
        fk.use_all = rand() & 1;
        fk.extra = (uint8_t)(rand() % 4 == 0 ? US_SM : 0);
        resume_answer = rand() & 1;
        abort_after = 0;
        struct ccw_program p = {
            .ms = ms, .dev = &fk.dev, .ccw_addr = (uint32_t)rand() % (70 * 1024) & ~7u,
            .fmt1 = rand() & 1, .key = (uint8_t)(rand() & 15), .suspend_ctl = rand() & 1,
            .limit_mode = (enum ccw_limit)(rand() % 3), .limit = 0x10000,
            .hooks = &hooks, .max_ccws = 500,
        };
        struct ccw_status st;
        ccw_execute(&p, &st);
        CU_ASSERT_TRUE(st.ccws <= 500);
    }
}

UNIT_SUITE(ccw)
{
    UNIT_TEST(s, test_write_format0);
    UNIT_TEST(s, test_data_chain_incorrect_length);
    UNIT_TEST(s, test_data_chain_exhausted_boundary);
    UNIT_TEST(s, test_contiguous_read);
    UNIT_TEST(s, test_overrun);
    UNIT_TEST(s, test_command_chaining);
    UNIT_TEST(s, test_unit_check_ends_chain);
    UNIT_TEST(s, test_status_modifier);
    UNIT_TEST(s, test_tic);
    UNIT_TEST(s, test_invalid_ccws);
    UNIT_TEST(s, test_check_after_chaining);
    UNIT_TEST(s, test_idaws);
    UNIT_TEST(s, test_skip);
    UNIT_TEST(s, test_read_backward);
    UNIT_TEST(s, test_protection);
    UNIT_TEST(s, test_addressing);
    UNIT_TEST(s, test_address_limit);
    UNIT_TEST(s, test_pci);
    UNIT_TEST(s, test_suspend);
    UNIT_TEST(s, test_abort_and_loops);
    UNIT_TEST(s, test_ipl_first_ccw);
    UNIT_TEST(s, test_fuzz);
}

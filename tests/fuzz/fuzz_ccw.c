/*
 * libFuzzer target: random channel programs on every kind of device.
 *
 * Each input gets a fresh machine (64K of storage) with a 3215 console on
 * subchannel 0 and, on subchannel 1, one device on a small image (3390 on
 * a plain or compressed CKD image, 9336 on a plain or compressed FBA
 * image, 3480 on an AWS or HET tape; see images.h), the image restored to
 * its pristine bytes afterwards.  The input is
 *
 *   0      which device: 0-5 an image kind (enum fz_kind), 6 the console
 *   1      flags (F_*)
 *   2-13   ORB 1 (SSCH), 14-25 ORB 2 (a second SSCH)
 *   26-41  PMCW words 0-3 for MSCH, before the start
 *   42-57  the same for an MSCH among the actions
 *   58-61  SET ADDRESS LIMIT operand / measurement-block origin
 *   62-77  storage keys of the 16 frames
 *   78-85  actions while the program runs: high nibble the operation
 *          (TSCH, HSCH, CSCH, RSCH, XSCH, MSCH, STSCH, SSCH, IPL ...), low
 *          nibble a delay
 *   86-    guest storage from address 0: CCWs, IDAW lists, data
 *
 * A program that has not ended 10 ms after the last action is halted,
 * 100 ms later cleared, and one that survives a clear for 5 s is a hang
 * (abort).  Then the invariants: a frame whose change bit is off is
 * unchanged; under a nonzero ORB key, frames of other keys are unchanged;
 * with address-limit checking, the storage beyond the limit is unchanged;
 * the image file is no larger than its device's capacity, opens with the
 * format's own open function and reads back whole.  ASan catches any host
 * access outside storage (which has inaccessible guard areas) or buffers.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "channel/css.h"
#include "channel/subchannel.h"
#include "channel/ccw.h"
#include "cpu/machine.h"
#include "devices/console.h"
#include "devices/imgfile.h"
#include "images.h"

#define STORAGE (64u * 1024)
#define FRAMES (STORAGE / PAGE_SIZE)
#define HDR 86
#define NACTIONS 8
#define DEV_CONSOLE 0x0009
#define DEV_TARGET 0x0120

/* Input flags. */
#define F_RAW_ORB   0x01   /* ORBs as given (else valid LPM, no reserved bits) */
#define F_RAW_PMCW  0x02   /* PMCW as given (else enabled, valid limit mode) */
#define F_IPL       0x04   /* IPL from the device before the start */
#define F_SCHM      0x08   /* measurement-block update on */
#define F_SAL       0x10   /* SET ADDRESS LIMIT */
#define F_READONLY  0x20   /* the image attached read-only */

enum { ACT_NONE, ACT_TSCH, ACT_HSCH, ACT_CSCH, ACT_RSCH, ACT_XSCH, ACT_MSCH, ACT_STSCH,
       ACT_SSCH1, ACT_SSCH2, ACT_QUIESCE, ACT_DEQUEUE, ACT_STCRW, ACT_RCHP, ACT_RESET, ACT_IPL };

/* One input's machine and what the invariants need to know. */
struct run {
    struct machine *m;
    struct css *css;
    uint32_t ssid;
    uint16_t devnum;
    const uint8_t *in;
    uint8_t orb[2][IO_ORB_SIZE];
    uint8_t before[STORAGE];
    uint8_t orbs_used;      /* bit n: ORB n+1 started since the snapshot */
    uint8_t lm_mask;        /* bit n: limit mode n set by an MSCH */
    uint16_t mbi[2];        /* measurement-block indexes set by MSCH (the
                               two PMCWs of the input) */
    int nmbi;
    bool mb_update;         /* measurement blocks at mb_origin are updated */
    uint32_t mb_origin;
    uint32_t limit;         /* address limit, when set */
    bool limit_set;
};

static void quiet(const char *msg) { (void)msg; }

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- the machine ---- */

static void attach(struct run *r, const char *type, uint16_t devnum, const char *args)
{
    char err[512];
    struct device *d = device_create(type, devnum, args, err, sizeof err);
    if (!d || !css_attach(r->css, d, -1, err, sizeof err))
        fz_fail("cannot attach %s %04X: %s", type, devnum, err);
    if (device_is_console(d)) {
        console_set_sink(d, NULL, NULL);
        console_input(d, "FUZZ", 4);
        console_input_end(d);
    }
}

static void build(struct run *r, const struct fz_image *im)
{
    r->m = machine_create(STORAGE, 1);
    r->css = css_create(r->m);
    if (!r->m || !r->css)
        fz_fail("cannot create the machine");
    attach(r, "3215", DEV_CONSOLE, NULL);
    r->ssid = 0x00010000;
    r->devnum = DEV_CONSOLE;
    if (im) {
        char args[400];
        snprintf(args, sizeof args, "%s%s", im->args, (r->in[1] & F_READONLY) ? " ro" : "");
        attach(r, im->devtype, DEV_TARGET, args);
        r->ssid = 0x00010001;
        r->devnum = DEV_TARGET;
    }
}

/* The storage as the invariants compare it, with no change bits. */
static void snapshot(struct run *r)
{
    struct mainstor *ms = r->m->ms;
    memcpy(r->before, ms->mem, STORAGE);
    for (uint32_t i = 0; i < FRAMES; i++)
        ms->skey[i] &= (uint8_t)~(SKEY_R | SKEY_C);
    r->orbs_used = 0;
}

static void ipl(struct run *r)
{
    char err[256];
    css_ipl(r->css, r->m->cpu[0], r->devnum, "FUZZ", false, err, sizeof err);
}

/* ---- the I/O instructions ---- */

static void make_orb(struct run *r, int n, const uint8_t *src)
{
    uint8_t *orb = r->orb[n];
    memcpy(orb, src, IO_ORB_SIZE);
    if (r->in[1] & F_RAW_ORB)
        return;
    uint32_t w1 = (be32(orb + 4) & ~ORB_RESERVED) | 0x80u << ORB_LPM_SHIFT;
    put_be32(orb + 4, w1);
    put_be32(orb + 8, be32(orb + 8) & (STORAGE - 8));
}

static void modify(struct run *r, const uint8_t *src)
{
    const struct io_ops *io = r->m->io;
    uint8_t schib[IO_SCHIB_SIZE];
    if (io->store(r->m->io_ctx, r->ssid, schib) != 0)
        return;
    memcpy(schib, src, 16);
    if (!(r->in[1] & F_RAW_PMCW)) {
        uint32_t w1 = (be32(schib + 4) & ~PMCW_RESERVED) | PMCW_E;
        if (((w1 >> PMCW_LM_SHIFT) & 3) == 3)
            w1 &= ~(3u << PMCW_LM_SHIFT);
        put_be32(schib + 4, w1);
        schib[8] = 0x80;
    }
    if (io->modify(r->m->io_ctx, r->ssid, schib) == 0) {
        r->lm_mask |= (uint8_t)(1u << ((be32(schib + 4) >> PMCW_LM_SHIFT) & 3));
        uint16_t mbi = be16(schib + 12);
        if (r->nmbi == 0 || (r->nmbi == 1 && r->mbi[0] != mbi))
            r->mbi[r->nmbi++] = mbi;
    }
}

static void start(struct run *r, int n)
{
    if (r->m->io->start(r->m->io_ctx, r->ssid, r->orb[n]) == 0)
        r->orbs_used |= (uint8_t)(1u << n);
}

/* Is a function still in progress (a suspended program is not)? */
static bool busy(struct run *r)
{
    uint8_t schib[IO_SCHIB_SIZE];
    if (r->m->io->store(r->m->io_ctx, r->ssid, schib) != 0)
        return false;
    return be32(schib + PMCW_SIZE) & (SCSW_AC & ~SCSW_AC_SUSP);
}

static bool wait_idle(struct run *r, uint64_t ns)
{
    uint64_t end = now_ns() + ns;
    while (busy(r))
        if (now_ns() > end)
            return false;
    return true;
}

/* Let the program end; halt it, clear it, and call it a hang when even
   the clear does not end it. */
static void quiesce(struct run *r)
{
    uint8_t irb[IO_IRB_SIZE];
    if (wait_idle(r, 10000000))
        return;
    r->m->io->test(r->m->io_ctx, r->ssid, irb);     /* intermediate status */
    r->m->io->halt(r->m->io_ctx, r->ssid);
    if (wait_idle(r, 100000000))
        return;
    r->m->io->clear(r->m->io_ctx, r->ssid);
    if (!wait_idle(r, 5000000000u))
        fz_fail("channel program on device %04X still running 5 s after CLEAR SUBCHANNEL",
                r->devnum);
}

static void act(struct run *r, uint8_t a)
{
    const struct io_ops *io = r->m->io;
    void *ctx = r->m->io_ctx;
    uint8_t buf[IO_IRB_SIZE];
    uint32_t ssid, parm;
    for (volatile int i = 0; i < (a & 15) * 1000; i++)
        ;                   /* a few microseconds: the I/O thread goes on */
    switch (a >> 4) {
    case ACT_TSCH: io->test(ctx, r->ssid, buf); break;
    case ACT_HSCH: io->halt(ctx, r->ssid); break;
    case ACT_CSCH: io->clear(ctx, r->ssid); break;
    case ACT_RSCH: io->resume(ctx, r->ssid); break;
    case ACT_XSCH: io->cancel(ctx, r->ssid); break;
    case ACT_MSCH: modify(r, r->in + 42); break;
    case ACT_STSCH: io->store(ctx, r->ssid, buf); break;
    case ACT_SSCH1: start(r, 0); break;
    case ACT_SSCH2: start(r, 1); break;
    case ACT_QUIESCE: quiesce(r); break;
    case ACT_DEQUEUE: io->dequeue(ctx, 0xFF, &ssid, &parm); break;
    case ACT_STCRW: io->store_crw(ctx, buf); break;
    case ACT_RCHP: io->reset_path(ctx, r->devnum >> 8); break;
    case ACT_RESET:
        io->reset(ctx);
        r->limit_set = false;
        break;
    case ACT_IPL:
        ipl(r);
        r->limit_set = false;
        r->mb_update = false;
        snapshot(r);
        break;
    default: break;
    }
}

/* ---- invariants on storage ---- */

static bool in_mb(const struct run *r, uint32_t a)
{
    for (int i = 0; r->mb_update && i < r->nmbi; i++)
        if (a - (r->mb_origin + r->mbi[i] * 32u) < 32)
            return true;
    return false;
}

/* The first changed byte in [lo, hi) outside the measurement blocks, or -1. */
static int64_t changed(const struct run *r, uint32_t lo, uint32_t hi)
{
    const uint8_t *mem = r->m->ms->mem;
    if (lo >= hi || !memcmp(mem + lo, r->before + lo, hi - lo))
        return -1;
    for (uint32_t a = lo; a < hi; a++)
        if (mem[a] != r->before[a] && !in_mb(r, a))
            return a;
    return -1;
}

/* The key every started ORB used, or 0 (any frame may change). */
static uint8_t common_key(const struct run *r)
{
    int key = -1;
    for (int n = 0; n < 2; n++) {
        if (!(r->orbs_used & (1u << n)))
            continue;
        int k = r->orb[n][4] >> 4;
        if (key >= 0 && k != key)
            return 0;
        key = k;
    }
    return key > 0 ? (uint8_t)key : 0;
}

/* The storage the address limit keeps the channel out of: [*lo, *hi). */
static bool limited(const struct run *r, uint32_t *lo, uint32_t *hi)
{
    if (!r->limit_set || !r->orbs_used || (r->lm_mask != 2 && r->lm_mask != 4))
        return false;
    for (int n = 0; n < 2; n++)
        if ((r->orbs_used & (1u << n)) && !(be32(r->orb[n] + 4) & SCSW_A))
            return false;
    uint32_t lim = r->limit < STORAGE ? r->limit : STORAGE;
    *lo = r->lm_mask == 2 ? 0 : lim;
    *hi = r->lm_mask == 2 ? lim : STORAGE;
    return true;
}

static void check_storage(const struct run *r)
{
    const struct mainstor *ms = r->m->ms;
    uint8_t key = common_key(r);
    for (uint32_t f = 0; f < FRAMES; f++) {
        uint32_t lo = f * PAGE_SIZE, hi = lo + PAGE_SIZE;
        bool cbit = ms->skey[f] & SKEY_C;
        if (!cbit && memcmp(ms->mem + lo, r->before + lo, PAGE_SIZE))
            fz_fail("frame %u changed, change bit off", f);
        int64_t at = key && (ms->skey[f] >> 4) != key ? changed(r, lo, hi) : -1;
        if (at >= 0)
            fz_fail("byte %llX of a key-%X frame changed under ORB key %X",
                    (unsigned long long)at, ms->skey[f] >> 4, key);
    }
    uint32_t lo, hi;
    int64_t at = limited(r, &lo, &hi) ? changed(r, lo, hi) : -1;
    if (at >= 0)
        fz_fail("byte %llX changed beyond the address limit %X", (unsigned long long)at, r->limit);
}

/* ---- invariants on the image ---- */

static void check_image(const struct fz_image *im)
{
    struct stat st;
    char err[IMG_ERRLEN];
    if (stat(im->path, &st) != 0)
        fz_fail("%s is gone", im->path);
    if ((uint64_t)st.st_size > im->capacity)
        fz_fail("%s grew to %lld bytes, capacity %llu", im->path, (long long)st.st_size,
                (unsigned long long)im->capacity);
    if (fz_scan(im, im->path, err, sizeof err) != 0)
        fz_fail("the device left a damaged image: %s", err);
}

/* ---- seeds: one valid channel program per device and purpose ---- */

#define PROG 0x100          /* where the seeds' CCWs go; parameters at 400-7FF */

struct seed_ccw {
    uint8_t cmd, flags;
    uint16_t count;
    uint32_t addr;
};

struct seed {
    const char *name;
    uint8_t kind;               /* input byte 0 */
    bool fmt0;
    struct seed_ccw ccw[6];
    struct {
        uint16_t at;
        uint8_t len;
        const char *bytes;
    } data[4];
};

#define CC CCW_FLAG_CC
#define SLI CCW_FLAG_SLI
static const struct seed seeds[] = {
    { "console", 6, false,
      { { 0x09, CC, 5, 0x400 }, { 0x0A, CC | SLI, 80, 0x500 }, { 0x04, CC, 1, 0x600 },
        { 0xE4, SLI, 7, 0x610 } },
      { { 0x400, 5, "\xC8\xC5\xD3\xD3\xD6" } } },
    { "console-fmt0-idaw", 6, true,
      { { 0x09, CC | CCW_FLAG_IDA, 5, 0x700 }, { 0x03, SLI | CCW_FLAG_PCI, 1, 0 } },
      { { 0x400, 5, "\xC8\xC5\xD3\xD3\xD6" }, { 0x700, 4, "\0\0\x04\0" } } },
    { "ckd-read", FZ_CKD, false,
      { { 0x07, CC, 6, 0x400 }, { 0x31, CC, 5, 0x410 }, { 0x08, 0, 0, PROG + 8 },
        { 0x06, SLI, 4096, 0x2000 } },
      { { 0x400, 6, "\0\0\0\0\0\1" }, { 0x410, 5, "\0\0\0\1\1" } } },
    { "cckd-update", FZ_CCKD, false,
      { { 0x07, CC, 6, 0x400 }, { 0x1F, CC, 1, 0x420 }, { 0x31, CC, 5, 0x410 },
        { 0x08, 0, 0, PROG + 16 }, { 0x05, 0, 4096, 0x2000 } },
      { { 0x400, 6, "\0\0\0\0\0\1" }, { 0x410, 5, "\0\0\0\1\1" }, { 0x420, 1, "\xC0" } } },
    { "ckd-format", FZ_CKD, false,
      { { 0x07, CC, 6, 0x400 }, { 0x1F, CC, 1, 0x420 }, { 0x31, CC, 5, 0x410 },
        { 0x08, 0, 0, PROG + 16 }, { 0x1D, 0, 108, 0x430 } },
      { { 0x400, 6, "\0\0\0\0\0\2" }, { 0x410, 5, "\0\0\0\2\0" }, { 0x420, 1, "\xC0" },
        { 0x430, 8, "\0\0\0\2\1\0\0\x64" } } },
    { "cckd-ids", FZ_CCKD, false,
      { { 0xE4, CC | SLI, 7, 0x400 }, { 0x64, CC | SLI, 64, 0x500 }, { 0xFA, SLI, 256, 0x600 } },
      { { 0 } } },
    { "fba-read", FZ_FBA, false,
      { { 0x63, CC, 16, 0x400 }, { 0x43, CC, 8, 0x410 }, { 0x42, 0, 4096, 0x2000 } },
      { { 0x400, 16, "\0\0\2\0\0\0\0\0\0\0\0\0\0\0\0\xEF" },
        { 0x410, 8, "\6\0\0\x08\0\0\0\0" } } },
    { "cfba-write", FZ_CFBA, false,
      { { 0x63, CC, 16, 0x400 }, { 0x43, CC, 8, 0x410 }, { 0x41, 0, 4096, 0x2000 } },
      { { 0x400, 16, "\0\0\2\0\0\0\0\0\0\0\0\0\0\0\0\xEF" },
        { 0x410, 8, "\1\0\0\x08\0\0\0\x82" } } },
    { "aws-read", FZ_AWS, false,
      { { 0x02, CC | SLI, 80, 0x400 }, { 0x3F, CC | SLI, 1, 0x400 }, { 0x02, CC | SLI, 4096, 0x2000 },
        { 0x0C, CC | SLI, 100, 0x400 }, { 0x07, SLI, 1, 0x400 } },
      { { 0 } } },
    { "het-write", FZ_HET, false,
      { { 0x3F, CC | SLI, 1, 0x400 }, { 0x3F, CC | SLI, 1, 0x400 }, { 0x01, CC, 4096, 0x2000 },
        { 0x1F, CC | SLI, 1, 0x400 }, { 0x27, SLI, 1, 0x400 } },
      { { 0 } } },
};
#undef CC
#undef SLI

static void put_seed_ccw(uint8_t *p, const struct seed_ccw *c, bool fmt0)
{
    p[0] = c->cmd;
    if (fmt0) {
        put_be32(p, (uint32_t)c->cmd << 24 | c->addr);
        p[4] = c->flags;
        put_be16(p + 6, c->count);
    } else {
        p[1] = c->flags;
        put_be16(p + 2, c->count);
        put_be32(p + 4, c->addr);
    }
}

static void write_seed(const char *dir, const struct seed *sd)
{
    static uint8_t in[HDR + 0x800];   /* within fuzz.sh's -max_len */
    uint8_t *mem = in + HDR;
    memset(in, 0, sizeof in);
    in[0] = sd->kind;
    put_be32(in + 2 + 4, (sd->fmt0 ? 0 : SCSW_F) | 0x80u << ORB_LPM_SHIFT);
    put_be32(in + 2 + 8, PROG);
    put_be32(in + 26 + 4, PMCW_E);
    for (int i = 0; i < 6 && sd->ccw[i].cmd; i++)
        put_seed_ccw(mem + PROG + 8 * i, &sd->ccw[i], sd->fmt0);
    for (int i = 0; i < 4 && sd->data[i].len; i++)
        memcpy(mem + sd->data[i].at, sd->data[i].bytes, sd->data[i].len);
    fz_seed(dir, sd->name, in, sizeof in);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = fz_seed_dir(*argc, *argv);
    for (size_t i = 0; dir && i < sizeof seeds / sizeof seeds[0]; i++)
        write_seed(dir, &seeds[i]);
    return 0;
}

/* ---- one input ---- */

static void prepare(struct run *r)
{
    const uint8_t *in = r->in;
    struct mainstor *ms = r->m->ms;
    if (in[1] & F_IPL)
        ipl(r);
    for (uint32_t f = 0; f < FRAMES; f++)
        ms->skey[f] = in[62 + f] & (SKEY_ACC | SKEY_F);
    uint32_t opnd = be32(in + 58);
    if ((in[1] & F_SAL) && r->m->io->set_address_limit(r->m->io_ctx, opnd & 0x7FFF0000u) == 0) {
        r->limit = opnd & 0x7FFF0000u;
        r->limit_set = true;
    }
    if ((in[1] & F_SCHM) && r->m->io->set_monitor(r->m->io_ctx, 2, opnd & 0x7FFFFFE0u) == 0) {
        r->mb_update = true;
        r->mb_origin = opnd & 0x7FFFFFE0u;
    }
    make_orb(r, 0, in + 2);
    make_orb(r, 1, in + 14);
    modify(r, in + 26);
    snapshot(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct run r;
    if (size < HDR)
        return 0;
    dev_log_sink(quiet);
    const struct fz_image *im = data[0] % 7 < FZ_KINDS ? fz_image((enum fz_kind)(data[0] % 7)) : NULL;
    memset(&r, 0, sizeof r);
    r.in = data;
    build(&r, im);
    size_t n = size - HDR < STORAGE ? size - HDR : STORAGE;
    memcpy(r.m->ms->mem, data + HDR, n);
    prepare(&r);
    start(&r, 0);
    for (int i = 0; i < NACTIONS; i++)
        act(&r, data[78 + i]);
    quiesce(&r);
    check_storage(&r);
    machine_destroy(r.m);
    if (im) {
        check_image(im);
        fz_restore(im);
    }
    return 0;
}

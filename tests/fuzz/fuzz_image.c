/*
 * libFuzzer target: damaged image files.
 *
 * Each input picks one of the small valid images of images.h (plain and
 * compressed CKD, plain and compressed FBA, AWS and HET tape), patches its
 * bytes (headers, level-1 and level-2 tables, track and block headers,
 * zlib streams, chunk headers) and then uses it twice:
 *
 *   1. through the image layer: the format's own open function, then
 *      reads, writes, flushes and (tapes) positioning from the input;
 *   2. through the device: device_create on the file, then commands
 *      from the input executed as the channel subsystem would.
 *
 * The input is
 *
 *   0      image kind (enum fz_kind)      1  flags (F_*)
 *   2      number of patches; each: unit (1), offset (2, little-endian),
 *          length (1; 0: cut the file there), the bytes.  The patch lands
 *          at offset within unit `unit` (CKD: track slots after the
 *          header; others: 64K units), so that a byte can reach any part
 *          of a large plain image.
 *   then   operations: one byte each (the low four bits the operation,
 *          the rest an argument), some followed by data
 *
 * Errors must be clean.  The invariants: an open that fails leaves the
 * file as it was; a plain image keeps its size and device header; a
 * compressed image grows by at most one unit image and one level-2 table
 * per write; a tape never passes its maxsize; and an image that opened
 * before still opens after our writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/cckd.h"
#include "devices/ckd_image.h"
#include "devices/device.h"
#include "devices/fba_image.h"
#include "devices/imgfile.h"
#include "devices/tape_image.h"
#include "images.h"

#define UNIT 65536u
#define MAX_PATCHES 16
#define MAX_OPS 64
#define TAPE_MAXSIZE (256u * 1024)
#define MAX_CMD 8192u

#define F_READONLY 0x01     /* stage 1 opens read-only */
#define F_MAXSIZE  0x02     /* tapes get a maxsize */

struct input {
    const uint8_t *p;
    size_t n;
};

static uint8_t take(struct input *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static uint16_t take16(struct input *in)
{
    uint16_t lo = take(in);
    return (uint16_t)(lo | take(in) << 8);
}

static void quiet(const char *msg) { (void)msg; }

/* ---- the damaged file ---- */

static size_t unit_base(const struct fz_image *im, uint8_t unit)
{
    if (im->kind == FZ_CKD)
        return unit ? CKD_DEVHDR_SIZE + (size_t)(unit - 1) * ckd_slot_size(0x3390) : 0;
    return (size_t)unit * UNIT;
}

/* The pristine bytes with the input's patches: a new buffer in *len. */
static uint8_t *damage(const struct fz_image *im, struct input *in, size_t *len)
{
    size_t n = im->len, cap = im->len + UNIT;
    uint8_t *f = malloc(cap);
    if (!f)
        fz_fail("out of memory");
    memcpy(f, im->pristine, n);
    int patches = take(in) % (MAX_PATCHES + 1);
    for (int i = 0; i < patches; i++) {
        size_t off = unit_base(im, take(in));
        off += take16(in);
        size_t k = take(in);
        if (off > n)
            off = n;
        if (k == 0) {
            n = off;
            continue;
        }
        for (size_t j = 0; j < k && off + j < cap; j++, n = off + j > n ? off + j : n)
            f[off + j] = take(in);
    }
    *len = n;
    return f;
}

/* ---- stage 1: the image layer ---- */

struct stage {
    struct input *in;
    uint8_t *buf;           /* a unit's worth */
    unsigned writes;        /* unit images written */
};

static void ckd_ops(struct ckd_image *img, struct stage *s)
{
    uint32_t len = 0;
    for (int i = 0; i < MAX_OPS && s->in->n; i++) {
        uint8_t op = take(s->in);
        uint32_t trk = img->tracks ? (uint32_t)(op >> 4) % img->tracks : 0;
        switch (op & 3) {
        case 0:
            if (!ckd_image_read(img, trk, s->buf, &len))
                len = 0;
            break;
        case 1:     /* write back the track read last, a data byte changed */
            if (len > CKD_HA_SIZE + CKD_COUNT_SIZE + CKD_R0_DLEN + CKD_EOT_SIZE + 8)
                s->buf[len - CKD_EOT_SIZE - 1] = take(s->in);
            s->writes++;
            ckd_image_write(img, trk, s->buf, len);
            break;
        case 2: ckd_image_flush(img); break;
        default: break;
        }
    }
}

static void fba_ops(struct fba_image *img, struct stage *s)
{
    for (int i = 0; i < MAX_OPS && s->in->n; i++) {
        uint8_t op = take(s->in);
        uint32_t block = take16(s->in), n = (uint32_t)(op >> 4) + 1;
        switch (op & 3) {
        case 0: fba_image_read(img, block, n, s->buf); break;
        case 1:
            memset(s->buf, take(s->in), n * FBA_BLOCK);
            s->writes += 2;     /* may span two block groups */
            fba_image_write(img, block, n, s->buf);
            break;
        case 2: fba_image_flush(img); break;
        default: break;
        }
    }
}

static void tape_ops(struct tape_image *t, struct stage *s)
{
    uint32_t len;
    for (int i = 0; i < MAX_OPS && s->in->n; i++) {
        uint8_t op = take(s->in);
        switch (op & 15) {
        case 0: tape_read(t, s->buf, &len); break;
        case 1: tape_read_back(t, s->buf, &len); break;
        case 2: tape_skip_block(t); break;
        case 3: tape_back_block(t); break;
        case 4:
            len = (uint32_t)(op >> 4) * 4000 + take(s->in);
            memset(s->buf, take(s->in), len);
            tape_write(t, s->buf, len);
            break;
        case 5: tape_write_mark(t); break;
        case 6: tape_erase(t); break;
        case 7: tape_rewind(t); break;
        case 8: tape_flush(t); break;
        default: break;
        }
    }
}

/* Open with the format's own function; false if the open failed. */
static bool image_stage(const struct fz_image *im, struct stage *s, bool ro, bool maxsize)
{
    char err[IMG_ERRLEN];
    union {
        struct ckd_image ckd;
        struct fba_image fba;
        struct tape_image tape;
    } u;
    switch (im->kind) {
    case FZ_CKD:
    case FZ_CCKD:
        if (!ckd_image_open(&u.ckd, im->path, ro, IMG_SYNC_NONE, err, sizeof err))
            return false;
        ckd_ops(&u.ckd, s);
        ckd_image_close(&u.ckd);
        return true;
    case FZ_FBA:
    case FZ_CFBA:
        if (!fba_image_open(&u.fba, im->path, ro, IMG_SYNC_NONE, err, sizeof err))
            return false;
        fba_ops(&u.fba, s);
        fba_image_close(&u.fba);
        return true;
    default:
        if (!tape_open(&u.tape, im->path, ro, IMG_SYNC_NONE, err, sizeof err))
            return false;
        if (maxsize) {
            u.tape.maxsize = TAPE_MAXSIZE;
            u.tape.f.limit = TAPE_MAXSIZE;
        }
        tape_ops(&u.tape, s);
        tape_close(&u.tape);
        return true;
    }
}

/* ---- stage 2: the device ---- */

static void device_stage(struct device *d, struct stage *s)
{
    const struct device_ops *ops = d->ops;
    if (ops->chain_begin)
        ops->chain_begin(d);
    for (int i = 0; i < MAX_OPS && s->in->n; i++) {
        struct dev_cmd c = { .code = take(s->in), .first = i == 0, .data = s->buf };
        c.count = take16(s->in) % MAX_CMD;
        uint8_t flags = take(s->in);
        c.chained = flags & 1;
        if (ccw_is_write(c.code) || ccw_is_control(c.code))
            for (uint32_t k = 0; k < c.count; k++)
                s->buf[k] = (flags & 2) ? take(s->in) : (uint8_t)k;
        ops->execute(d, &c);
        s->writes++;
        if (!c.chained && ops->chain_end) {
            ops->chain_end(d);
            if (ops->chain_begin)
                ops->chain_begin(d);
        }
    }
    if (ops->chain_end)
        ops->chain_end(d);
}

/* ---- invariants ---- */

static bool compressed(const struct fz_image *im)
{
    return im->kind == FZ_CCKD || im->kind == FZ_CFBA;
}

static void unchanged(const struct fz_image *im, const uint8_t *before, size_t len,
                      const char *what)
{
    size_t n;
    uint8_t *after = fz_slurp(im->path, &n);
    if (n != len || memcmp(after, before, len))
        fz_fail("%s: %s changed the file", im->path, what);
    free(after);
}

static void bounded(const struct fz_image *im, const uint8_t *before, size_t len,
                    unsigned writes, bool maxsize, const char *what)
{
    size_t n;
    uint8_t *after = fz_slurp(im->path, &n);
    if ((im->kind == FZ_CKD || im->kind == FZ_FBA) && n != len)
        fz_fail("%s: %s changed the size of a plain image from %zu to %zu", im->path, what, len, n);
    if (im->kind == FZ_CKD && memcmp(after, before, CKD_DEVHDR_SIZE))
        fz_fail("%s: %s wrote into the device header", im->path, what);
    uint64_t unit = im->kind == FZ_CCKD ? ckd_slot_size(0x3390)
                                        : 5 + CFBA_GROUP_BLOCKS * CFBA_BLOCK_SIZE;
    if (compressed(im) && n > len + (uint64_t)writes * (unit + CCKD_L2_SIZE))
        fz_fail("%s: %s grew a compressed image from %zu to %zu bytes in %u writes", im->path,
                what, len, n, writes);
    if (maxsize && n > TAPE_MAXSIZE && n > len)
        fz_fail("%s: %s wrote past maxsize (%zu bytes)", im->path, what, n);
    free(after);
}

static bool opens(const struct fz_image *im)
{
    char err[IMG_ERRLEN];
    return fz_scan(im, im->path, err, sizeof err) != 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t *buf;
    if (size < 3)
        return 0;
    dev_log_sink(quiet);
    if (!buf && !(buf = malloc(TAPE_BLOCK_MAX)))
        fz_fail("out of memory");
    struct input in = { data + 2, size - 2 };
    const struct fz_image *im = fz_image((enum fz_kind)(data[0] % FZ_KINDS));
    bool maxsize = (data[1] & F_MAXSIZE) && (im->kind == FZ_AWS || im->kind == FZ_HET);
    size_t len;
    uint8_t *file = damage(im, &in, &len);
    fz_spill(im->path, file, len);

    struct stage s = { .in = &in, .buf = buf };
    bool opened = image_stage(im, &s, data[1] & F_READONLY, maxsize);
    if (!opened)
        unchanged(im, file, len, "a failed open");
    else
        bounded(im, file, len, s.writes, maxsize, "the image layer");
    if (opened && !(data[1] & F_READONLY) && !opens(im))
        fz_fail("%s: the image no longer opens after writes through the image layer", im->path);

    free(file);
    file = fz_slurp(im->path, &len);
    char err[512];
    struct device *d = device_create(im->devtype, 0x0120, im->args, err, sizeof err);
    if (!d) {
        unchanged(im, file, len, "a failed device_create");
    } else {
        s.writes = 0;
        device_stage(d, &s);
        device_destroy(d);
        bounded(im, file, len, s.writes, im->kind >= FZ_AWS, "the device");
    }
    free(file);
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = fz_seed_dir(*argc, *argv);
    static const char *const names[FZ_KINDS] = { "ckd", "cckd", "fba", "cfba", "aws", "het" };
    for (int k = 0; dir && k < FZ_KINDS; k++) {
        /* no patches; read, write back, flush; then SENSE ID */
        const uint8_t seed[] = { (uint8_t)k, 0, 0, 0x10, 0x11, 0x55, 0x02, 0xE4, 7, 0, 0 };
        fz_seed(dir, names[k], seed, sizeof seed);
    }
    return 0;
}

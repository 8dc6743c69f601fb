/* Compressed CKD / FBA image files (Hercules CCKD layout, zlib). */
#include "cckd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "bytes.h"
#include "ckd_image.h"

/* Compressed-device header fields (offsets within its 512 bytes). */
#define CH_VRM 0
#define CH_OPTS 3
#define CH_NUML1 4
#define CH_NUML2 8
#define CH_SIZE 12
#define CH_USED 16
#define CH_FREE 20
#define CH_FREE_TOTAL 24
#define CH_FREE_LARGEST 28
#define CH_FREE_NUM 32
#define CH_FREE_IMBED 36
#define CH_COUNT 40
#define CH_NULLFMT 44
#define CH_ALGO 45
#define CH_PARM 46

#define OPT_BIGEND 0x02
#define OPT_OPENRW 0x40
#define OPT_OPENED 0x80

#define ALGO_NONE 0
#define ALGO_ZLIB 1
#define ALGO_MASK 3

#define UNIT_HDR 5              /* compression byte + CCHH or block group number */
#define NOT_HERE 0xFFFFFFFFu    /* shadow-file marker: treated as never written */
#define MIN_FREE 16             /* a smaller remainder is left inside the allocation */
#define COMPRESS_MIN 512        /* shorter images are stored as they are */
#define MAX_FILE 0xFFFFFFFFu    /* offsets are 32-bit */

struct l2ent {
    uint32_t pos;
    uint16_t len;
    uint16_t size;
};

struct extent {
    uint32_t off;
    uint32_t len;
};

struct extents {
    struct extent *v;
    size_t n, cap;
};

struct cckd {
    struct imgfile f;
    struct cckd_layout lay;
    uint8_t chdr[CCKD_HDR_SIZE];
    bool bigend;
    bool opened;            /* the OPENED bit is set in the file */
    uint32_t count;         /* cylinders or blocks */
    uint32_t units;
    uint32_t nl1;
    uint32_t *l1;
    struct l2ent **l2;      /* NULL: no table in the file */
    uint32_t end;           /* file size */
    struct extents free;
    struct extents pending; /* released, reusable after the next flush */
    uint8_t *zbuf;
    size_t zcap;
    int level;
};

/* ---- endianness of the file ---- */

static uint32_t get32(const struct cckd *c, const uint8_t *p) { return c->bigend ? be32(p) : le32(p); }
static uint16_t get16(const struct cckd *c, const uint8_t *p) { return c->bigend ? be16(p) : le16(p); }
static void set32(const struct cckd *c, uint8_t *p, uint32_t v)
{
    if (c->bigend)
        put_be32(p, v);
    else
        put_le32(p, v);
}
static void set16(const struct cckd *c, uint8_t *p, uint16_t v)
{
    if (c->bigend)
        put_be16(p, v);
    else
        put_le16(p, v);
}

static bool fail(struct cckd *c, uint64_t off, const char *what)
{
    return img_error(&c->f, off, "%s", what);
}

const char *cckd_error(const struct cckd *c) { return c->f.err; }
uint32_t cckd_count(const struct cckd *c) { return c->count; }
uint32_t cckd_units(const struct cckd *c) { return c->units; }

static uint32_t units_for(const struct cckd_layout *lay, uint32_t count)
{
    if (lay->heads)
        return count * lay->heads;
    return (count + CFBA_GROUP_BLOCKS - 1) / CFBA_GROUP_BLOCKS;
}

/* ---- extent lists (sorted by offset) ---- */

static bool ext_push(struct extents *e, uint32_t off, uint32_t len)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 64;
        struct extent *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return false;
        e->v = v;
        e->cap = cap;
    }
    e->v[e->n++] = (struct extent){ off, len };
    return true;
}

/* Insert keeping the order and merging with neighbours. */
static bool ext_insert(struct extents *e, uint32_t off, uint32_t len)
{
    size_t i = 0;
    while (i < e->n && e->v[i].off < off)
        i++;
    bool join_prev = i > 0 && e->v[i - 1].off + e->v[i - 1].len == off;
    bool join_next = i < e->n && off + len == e->v[i].off;
    if (join_prev && join_next) {
        e->v[i - 1].len += len + e->v[i].len;
        memmove(&e->v[i], &e->v[i + 1], (e->n - i - 1) * sizeof e->v[0]);
        e->n--;
    } else if (join_prev) {
        e->v[i - 1].len += len;
    } else if (join_next) {
        e->v[i].off = off;
        e->v[i].len += len;
    } else {
        if (!ext_push(e, 0, 0))
            return false;
        memmove(&e->v[i + 1], &e->v[i], (e->n - 1 - i) * sizeof e->v[0]);
        e->v[i] = (struct extent){ off, len };
    }
    return true;
}

static int ext_cmp(const void *a, const void *b)
{
    const struct extent *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* ---- level-2 entries ---- */

static struct l2ent entry(const struct cckd *c, uint32_t unit)
{
    const struct l2ent *t = c->l2[unit / CCKD_L2_ENTRIES];
    return t ? t[unit % CCKD_L2_ENTRIES] : (struct l2ent){ 0, 0, 0 };
}

static bool stored(const struct l2ent *e) { return e->pos != 0 && e->pos != NOT_HERE; }

static void encode_entry(const struct cckd *c, uint8_t *p, const struct l2ent *e)
{
    set32(c, p, e->pos);
    set16(c, p + 4, e->len);
    set16(c, p + 6, e->size);
}

/* ---- open: read and check every table ---- */

static bool read_l2(struct cckd *c, uint32_t i, uint32_t data_start, struct extents *used)
{
    uint32_t off = c->l1[i];
    if (off < data_start || (uint64_t)off + CCKD_L2_SIZE > c->end)
        return fail(c, CCKD_L1_POS + 4ull * i, "level-1 entry points outside the file");
    uint8_t raw[CCKD_L2_SIZE];
    if (!img_read(&c->f, off, raw, sizeof raw))
        return false;
    struct l2ent *t = malloc(CCKD_L2_ENTRIES * sizeof *t);
    if (!t || !ext_push(used, off, CCKD_L2_SIZE)) {
        free(t);
        return fail(c, off, "out of memory");
    }
    c->l2[i] = t;
    for (uint32_t j = 0; j < CCKD_L2_ENTRIES; j++) {
        const uint8_t *p = raw + 8 * j;
        t[j] = (struct l2ent){ get32(c, p), get16(c, p + 4), get16(c, p + 6) };
        if (!stored(&t[j]))
            continue;
        uint64_t at = (uint64_t)off + 8 * j;
        if (i * CCKD_L2_ENTRIES + j >= c->units)
            return fail(c, at, "level-2 entry for a unit beyond the device");
        if (t[j].pos < data_start || (uint64_t)t[j].pos + t[j].size > c->end)
            return fail(c, at, "level-2 entry points outside the file");
        if (t[j].len < UNIT_HDR || t[j].len > t[j].size || t[j].len > c->lay.unitsize)
            return fail(c, at, "level-2 entry has an impossible length");
        if (!ext_push(used, t[j].pos, t[j].size))
            return fail(c, at, "out of memory");
    }
    return true;
}

/* Everything not used by headers, tables and unit images is free. */
static bool build_free(struct cckd *c, struct extents *used)
{
    qsort(used->v, used->n, sizeof used->v[0], ext_cmp);
    uint32_t at = 0;
    for (size_t i = 0; i < used->n; i++) {
        if (used->v[i].off < at)
            return fail(c, used->v[i].off, "two tables or unit images overlap");
        if (used->v[i].off - at >= 8 && !ext_push(&c->free, at, used->v[i].off - at))
            return fail(c, at, "out of memory");
        at = used->v[i].off + used->v[i].len;
    }
    if (c->end > at && c->end - at >= 8 && !ext_push(&c->free, at, c->end - at))
        return fail(c, at, "out of memory");
    return true;
}

static bool check_header(struct cckd *c)
{
    const uint8_t *h = c->chdr;
    if (h[CH_VRM] != 0 || h[CH_VRM + 1] != 3)
        return img_error(&c->f, CCKD_HDR_POS, "unsupported compressed image version %u.%u.%u",
                         h[0], h[1], h[2]);
    c->bigend = h[CH_OPTS] & OPT_BIGEND;
    c->count = le32(h + CH_COUNT);      /* little-endian even in big-endian files */
    c->units = units_for(&c->lay, c->count);
    c->nl1 = get32(c, h + CH_NUML1);
    if (c->count == 0 || c->nl1 != (c->units + CCKD_L2_ENTRIES - 1) / CCKD_L2_ENTRIES)
        return fail(c, CCKD_HDR_POS + CH_NUML1, "level-1 table size does not match the device size");
    if (get32(c, h + CH_NUML2) != CCKD_L2_ENTRIES)
        return fail(c, CCKD_HDR_POS + CH_NUML2, "level-2 tables are not 256 entries");
    int16_t parm = (int16_t)get16(c, h + CH_PARM);
    c->level = parm >= 0 && parm <= 9 ? parm : Z_DEFAULT_COMPRESSION;
    return true;
}

static bool load_tables(struct cckd *c)
{
    uint64_t size;
    if (!img_size(&c->f, &size))
        return false;
    if (size > MAX_FILE)
        return fail(c, MAX_FILE, "file larger than a compressed image can address");
    c->end = (uint32_t)size;
    uint32_t data_start = CCKD_L1_POS + 4 * c->nl1;
    if (c->end < data_start)
        return fail(c, c->end, "image truncated inside the level-1 table");
    uint8_t *raw = malloc(4ull * c->nl1);
    c->l1 = calloc(c->nl1, sizeof *c->l1);
    c->l2 = calloc(c->nl1, sizeof *c->l2);
    struct extents used = { 0 };
    bool ok = raw && c->l1 && c->l2 && ext_push(&used, 0, data_start);
    if (!ok)
        fail(c, CCKD_L1_POS, "out of memory");
    ok = ok && img_read(&c->f, CCKD_L1_POS, raw, 4ull * c->nl1);
    for (uint32_t i = 0; ok && i < c->nl1; i++) {
        c->l1[i] = get32(c, raw + 4 * i);
        if (c->l1[i] != 0 && c->l1[i] != NOT_HERE)
            ok = read_l2(c, i, data_start, &used);
    }
    ok = ok && build_free(c, &used);
    free(used.v);
    free(raw);
    return ok;
}

static bool write_chdr(struct cckd *c)
{
    return img_write(&c->f, CCKD_HDR_POS, c->chdr, CCKD_HDR_SIZE);
}

static void cckd_free_all(struct cckd *c)
{
    if (c->l2)
        for (uint32_t i = 0; i < c->nl1; i++)
            free(c->l2[i]);
    free(c->l2);
    free(c->l1);
    free(c->free.v);
    free(c->pending.v);
    free(c->zbuf);
    img_close(&c->f);
    free(c);
}

struct cckd *cckd_open(struct imgfile *f, const struct cckd_layout *lay, char *err, size_t errlen)
{
    struct cckd *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "%s: out of memory", f->path);
        img_close(f);
        return NULL;
    }
    c->f = *f;
    c->f.limit = MAX_FILE;
    c->lay = *lay;
    c->zcap = compressBound(lay->unitsize) + UNIT_HDR;
    c->zbuf = malloc(c->zcap);
    bool ok = c->zbuf && img_read(&c->f, CCKD_HDR_POS, c->chdr, CCKD_HDR_SIZE) && check_header(c) &&
              load_tables(c);
    if (ok && !c->f.readonly) {
        /* Mark the file in use: a crash leaves the bit set, which tells
           Hercules to check the file and us nothing (we rebuild anyway). */
        c->chdr[CH_OPTS] |= OPT_OPENED | OPT_OPENRW;
        ok = write_chdr(c) && img_flush(&c->f);
        c->opened = ok;
    }
    if (!ok) {
        snprintf(err, errlen, "%s", c->zbuf ? c->f.err : "out of memory");
        cckd_free_all(c);
        return NULL;
    }
    return c;
}

/* ---- reading ---- */

static uint32_t null_unit(const struct cckd *c, uint32_t unit, uint16_t fmt, uint8_t *buf)
{
    if (!c->lay.heads) {
        memset(buf, 0, UNIT_HDR + CFBA_GROUP_BLOCKS * CFBA_BLOCK_SIZE);
        put_be32(buf + 1, unit);
        return UNIT_HDR + CFBA_GROUP_BLOCKS * CFBA_BLOCK_SIZE;
    }
    int f = fmt;
    if (f > CKD_NULL_LINUX)
        f = c->chdr[CH_NULLFMT];
    if (f == CKD_NULL_EOF && c->chdr[CH_NULLFMT] == CKD_NULL_LINUX)
        f = CKD_NULL_LINUX;
    if (f > CKD_NULL_LINUX)
        f = CKD_NULL_EOF;
    return ckd_null_track(buf, unit / c->lay.heads, unit % c->lay.heads, f);
}

static bool unit_header_ok(const struct cckd *c, const uint8_t *p, uint32_t unit)
{
    if (!c->lay.heads)
        return be32(p + 1) == unit;
    return be16(p + 1) == unit / c->lay.heads && be16(p + 3) == unit % c->lay.heads;
}

bool cckd_read(struct cckd *c, uint32_t unit, uint8_t *buf, uint32_t *len)
{
    if (unit >= c->units)
        return fail(c, IMG_NO_LIMIT, "unit beyond the device");
    struct l2ent e = entry(c, unit);
    if (!stored(&e)) {
        *len = null_unit(c, unit, e.pos == 0 ? e.len : 0, buf);
        return true;
    }
    if (!img_read(&c->f, e.pos, c->zbuf, e.len))
        return false;
    if (!unit_header_ok(c, c->zbuf, unit))
        return fail(c, e.pos, "stored image belongs to another track or block group");
    switch (c->zbuf[0]) {
    case ALGO_NONE:
        memcpy(buf, c->zbuf, e.len);
        *len = e.len;
        return true;
    case ALGO_ZLIB: {
        uLongf out = c->lay.unitsize - UNIT_HDR;
        int rc = uncompress(buf + UNIT_HDR, &out, c->zbuf + UNIT_HDR, e.len - UNIT_HDR);
        if (rc != Z_OK)
            return img_error(&c->f, e.pos, "zlib cannot decompress the stored image (%s)",
                             rc == Z_BUF_ERROR ? "longer than a track" : zError(rc));
        memcpy(buf, c->zbuf, UNIT_HDR);
        buf[0] = 0;
        *len = UNIT_HDR + (uint32_t)out;
        return true;
    }
    case 2:
        return fail(c, e.pos, "bzip2-compressed images are not supported");
    default:
        return fail(c, e.pos, "invalid compression byte");
    }
}

/* ---- space management ---- */

/* Space for len bytes; an image (not a table) may take a slightly larger
   free block whole, recorded in its size field. */
static bool alloc_space(struct cckd *c, uint32_t len, bool exact, uint32_t *off, uint32_t *size)
{
    struct extents *fr = &c->free;
    for (size_t i = 0; i < fr->n; i++) {
        struct extent *x = &fr->v[i];
        uint32_t rem = x->len - len;
        if (x->len < len || (rem > 0 && rem < MIN_FREE && (exact || x->len > 0xFFFF)))
            continue;
        *off = x->off;
        if (rem >= MIN_FREE) {
            *size = len;
            x->off += len;
            x->len -= len;
        } else {
            *size = x->len;
            memmove(x, x + 1, (fr->n - i - 1) * sizeof *x);
            fr->n--;
        }
        return true;
    }
    if ((uint64_t)c->end + len > MAX_FILE)
        return fail(c, c->end, "compressed image full (4 GiB)");
    *off = c->end;
    *size = len;
    c->end += len;
    return true;
}

/* Space that may still be referenced by the durable tables is not reused
   until the next flush. */
static bool release_space(struct cckd *c, uint32_t off, uint32_t len)
{
    if (!ext_insert(&c->pending, off, len))
        return fail(c, off, "out of memory");
    return true;
}

/* ---- writing ---- */

static bool write_l1(struct cckd *c, uint32_t i)
{
    uint8_t raw[4];
    set32(c, raw, c->l1[i]);
    return img_write(&c->f, CCKD_L1_POS + 4ull * i, raw, 4);
}

/* A group without a table gets one: written whole, made durable, then
   hooked into the level-1 table. */
static bool new_l2(struct cckd *c, uint32_t i)
{
    struct l2ent *t = calloc(CCKD_L2_ENTRIES, sizeof *t);
    if (!t)
        return fail(c, IMG_NO_LIMIT, "out of memory");
    uint8_t raw[CCKD_L2_SIZE];
    for (uint32_t j = 0; j < CCKD_L2_ENTRIES; j++)
        encode_entry(c, raw + 8 * j, &t[j]);
    uint32_t off, size;
    if (!alloc_space(c, CCKD_L2_SIZE, true, &off, &size) || !img_write(&c->f, off, raw, sizeof raw) ||
        !img_flush(&c->f)) {
        free(t);
        return false;
    }
    c->l2[i] = t;
    c->l1[i] = off;
    return write_l1(c, i);
}

static bool set_entry(struct cckd *c, uint32_t unit, const struct l2ent *e)
{
    uint32_t i = unit / CCKD_L2_ENTRIES, j = unit % CCKD_L2_ENTRIES;
    if (!c->l2[i] && !new_l2(c, i))
        return false;
    c->l2[i][j] = *e;
    uint8_t raw[8];
    encode_entry(c, raw, e);
    return img_write(&c->f, (uint64_t)c->l1[i] + 8 * j, raw, sizeof raw);
}

static int null_format(const struct cckd *c, uint32_t unit, const uint8_t *buf, uint32_t len)
{
    if (c->lay.heads)
        return ckd_null_format(buf, len, unit / c->lay.heads, unit % c->lay.heads);
    for (uint32_t k = UNIT_HDR; k < len; k++)
        if (buf[k])
            return -1;
    return 0;
}

/* The stored form: zlib when the header asks for it and it pays. */
static uint32_t encode_unit(struct cckd *c, const uint8_t *buf, uint32_t len)
{
    memcpy(c->zbuf, buf, UNIT_HDR);
    if (c->chdr[CH_ALGO] == ALGO_ZLIB && len >= COMPRESS_MIN) {
        uLongf out = c->zcap - UNIT_HDR;
        if (compress2(c->zbuf + UNIT_HDR, &out, buf + UNIT_HDR, len - UNIT_HDR, c->level) == Z_OK &&
            out + UNIT_HDR < len) {
            c->zbuf[0] = ALGO_ZLIB;
            return UNIT_HDR + (uint32_t)out;
        }
    }
    memcpy(c->zbuf, buf, len);
    c->zbuf[0] = ALGO_NONE;
    return len;
}

bool cckd_write(struct cckd *c, uint32_t unit, const uint8_t *buf, uint32_t len)
{
    if (c->f.readonly)
        return fail(c, IMG_NO_LIMIT, "write to a read-only image");
    if (unit >= c->units || len < UNIT_HDR || len > c->lay.unitsize || !unit_header_ok(c, buf, unit))
        return fail(c, IMG_NO_LIMIT, "refusing to store a malformed unit image");
    struct l2ent old = entry(c, unit), e = { 0, 0, 0 };
    int fmt = null_format(c, unit, buf, len);
    if (fmt >= 0) {
        e.len = (uint16_t)fmt;
    } else {
        uint32_t n = encode_unit(c, buf, len), off, size;
        /* The new image must be durable before anything points to it. */
        if (!alloc_space(c, n, false, &off, &size) || !img_write(&c->f, off, c->zbuf, n) ||
            !img_flush(&c->f))
            return false;
        e = (struct l2ent){ off, (uint16_t)n, (uint16_t)size };
    }
    if (!set_entry(c, unit, &e))
        return false;
    return !stored(&old) || release_space(c, old.pos, old.size);
}

bool cckd_flush(struct cckd *c)
{
    if (!img_flush(&c->f))
        return false;
    for (size_t i = 0; i < c->pending.n; i++)
        if (!ext_insert(&c->free, c->pending.v[i].off, c->pending.v[i].len))
            return fail(c, c->pending.v[i].off, "out of memory");
    c->pending.n = 0;
    return true;
}

/* ---- close: free chain and statistics for Hercules ---- */

static bool write_free_chain(struct cckd *c)
{
    struct extents *fr = &c->free;
    /* Free space at the end of the file is simply cut off. */
    if (fr->n && fr->v[fr->n - 1].off + fr->v[fr->n - 1].len == c->end) {
        c->end = fr->v[fr->n - 1].off;
        fr->n--;
        if (!img_truncate(&c->f, c->end))
            return false;
    }
    uint32_t total = 0, largest = 0;
    for (size_t i = 0; i < fr->n; i++) {
        uint8_t blk[8];
        set32(c, blk, i + 1 < fr->n ? fr->v[i + 1].off : 0);
        set32(c, blk + 4, fr->v[i].len);
        if (!img_write(&c->f, fr->v[i].off, blk, sizeof blk))
            return false;
        total += fr->v[i].len;
        if (fr->v[i].len > largest)
            largest = fr->v[i].len;
    }
    uint32_t imbed = 0;
    for (uint32_t u = 0; u < c->units; u++) {
        struct l2ent e = entry(c, u);
        if (stored(&e))
            imbed += e.size - e.len;
    }
    uint8_t *h = c->chdr;
    set32(c, h + CH_SIZE, c->end);
    set32(c, h + CH_USED, c->end - total);
    set32(c, h + CH_FREE, fr->n ? fr->v[0].off : 0);
    set32(c, h + CH_FREE_TOTAL, total);
    set32(c, h + CH_FREE_LARGEST, largest);
    set32(c, h + CH_FREE_NUM, (uint32_t)fr->n);
    set32(c, h + CH_FREE_IMBED, imbed);
    h[CH_OPTS] &= (uint8_t)~OPT_OPENED;
    return true;
}

bool cckd_close(struct cckd *c)
{
    bool ok = true;
    if (c->opened) {
        c->f.sync = IMG_SYNC_ALWAYS;    /* a clean close is always durable */
        ok = cckd_flush(c) && write_free_chain(c) && img_flush(&c->f) && write_chdr(c) &&
             img_flush(&c->f);
        if (!ok)
            dev_log("%s", c->f.err);
    }
    cckd_free_all(c);
    return ok;
}

bool cckd_format(struct imgfile *f, const uint8_t *devhdr, const struct cckd_layout *lay,
                 uint32_t count)
{
    struct cckd c = { .bigend = false };
    uint32_t nl1 = (units_for(lay, count) + CCKD_L2_ENTRIES - 1) / CCKD_L2_ENTRIES;
    uint8_t *h = c.chdr;
    h[CH_VRM + 1] = 3;
    h[CH_VRM + 2] = 1;
    h[CH_OPTS] = OPT_OPENRW;
    set32(&c, h + CH_NUML1, nl1);
    set32(&c, h + CH_NUML2, CCKD_L2_ENTRIES);
    set32(&c, h + CH_SIZE, CCKD_L1_POS + 4 * nl1);
    set32(&c, h + CH_USED, CCKD_L1_POS + 4 * nl1);
    put_le32(h + CH_COUNT, count);
    h[CH_NULLFMT] = CKD_NULL_EOF;
    h[CH_ALGO] = ALGO_ZLIB;
    set16(&c, h + CH_PARM, 0xFFFF);     /* -1: the default level */
    uint8_t *l1 = calloc(nl1, 4);
    bool ok = l1 && img_write(f, 0, devhdr, CKD_DEVHDR_SIZE) && img_write(f, CCKD_HDR_POS, h, CCKD_HDR_SIZE) &&
              img_write(f, CCKD_L1_POS, l1, 4ull * nl1);
    if (!l1)
        img_error(f, IMG_NO_LIMIT, "out of memory");
    free(l1);
    return ok;
}

/* FBA images: plain block files and compressed (CFBA) block groups. */
#include "fba_image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "cckd.h"
#include "ckd_image.h"
#include "fba.h"

#define GROUP_BYTES (CFBA_GROUP_BLOCKS * FBA_BLOCK)
#define GROUP_HDR 5
#define UNIT_SIZE (GROUP_HDR + GROUP_BYTES)

static bool fail(struct fba_image *img, const char *msg)
{
    snprintf(img->err, sizeof img->err, "%s", msg);
    return false;
}

static bool open_plain(struct fba_image *img)
{
    uint64_t size;
    if (!img_size(&img->f, &size))
        return fail(img, img->f.err);
    if (size == 0 || size % FBA_BLOCK || size / FBA_BLOCK > UINT32_MAX) {
        img_error(&img->f, size - size % FBA_BLOCK, "file size %llu is not a whole number of blocks",
                  (unsigned long long)size);
        return fail(img, img->f.err);
    }
    img->blocks = (uint32_t)(size / FBA_BLOCK);
    img->f.limit = size;
    return true;
}

static bool open_compressed(struct fba_image *img)
{
    struct cckd_layout lay = { 0, UNIT_SIZE };
    img->grp = malloc(UNIT_SIZE);
    if (!img->grp)
        return fail(img, "out of memory");
    img->cckd = cckd_open(&img->f, &lay, img->err, sizeof img->err);
    img->f = (struct imgfile){ .fd = -1 };     /* the compressed image owns the file now */
    if (!img->cckd)
        return false;
    img->blocks = cckd_count(img->cckd);
    img->grpno = -1;
    return true;
}

bool fba_image_open(struct fba_image *img, const char *path, bool readonly, enum img_sync sync,
                    char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    img->readonly = readonly;
    uint8_t h[CKD_DEVHDR_SIZE] = { 0 };
    uint64_t size = 0;
    bool ok = img_open(&img->f, path, readonly, sync) && img_size(&img->f, &size) &&
              (size < sizeof h || img_read(&img->f, 0, h, sizeof h));
    if (!ok) {
        snprintf(err, errlen, "%s", img->f.err);
        img_close(&img->f);
        return false;
    }
    if (!memcmp(h, "FBA_C370", 8))
        ok = open_compressed(img);
    else if (!memcmp(h, "CKD_", 4))
        ok = img_error(&img->f, 0, "a CKD image, not an FBA one") || fail(img, img->f.err);
    else
        ok = open_plain(img);
    if (!ok) {
        snprintf(err, errlen, "%s", img->err);
        fba_image_close(img);
    }
    return ok;
}

/* ---- compressed block groups ---- */

static bool store_group(struct fba_image *img)
{
    if (!img->grpdirty)
        return true;
    if (!cckd_write(img->cckd, (uint32_t)img->grpno, img->grp, UNIT_SIZE))
        return fail(img, cckd_error(img->cckd));
    img->grpdirty = false;
    return true;
}

static bool load_group(struct fba_image *img, uint32_t g)
{
    if (img->grpno == g)
        return true;
    if (!store_group(img))
        return false;
    img->grpno = -1;
    uint32_t len;
    if (!cckd_read(img->cckd, g, img->grp, &len))
        return fail(img, cckd_error(img->cckd));
    if (len != UNIT_SIZE) {
        snprintf(img->err, sizeof img->err, "block group %u has %u bytes, not %u", g, len, UNIT_SIZE);
        return false;
    }
    img->grpno = g;
    return true;
}

/* Copy n blocks between buf and the groups holding them. */
static bool group_io(struct fba_image *img, uint32_t block, uint32_t n, uint8_t *buf, bool write)
{
    while (n) {
        uint32_t g = block / CFBA_GROUP_BLOCKS, k = block % CFBA_GROUP_BLOCKS;
        uint32_t take = CFBA_GROUP_BLOCKS - k < n ? CFBA_GROUP_BLOCKS - k : n;
        if (!load_group(img, g))
            return false;
        uint8_t *p = img->grp + GROUP_HDR + k * FBA_BLOCK;
        if (write) {
            memcpy(p, buf, take * FBA_BLOCK);
            img->grpdirty = true;
        } else {
            memcpy(buf, p, take * FBA_BLOCK);
        }
        block += take;
        n -= take;
        buf += take * FBA_BLOCK;
    }
    return true;
}

/* ---- blocks ---- */

static bool in_range(struct fba_image *img, uint32_t block, uint32_t n)
{
    if (block > img->blocks || n > img->blocks - block)
        return fail(img, "block beyond the end of the device");
    return true;
}

bool fba_image_read(struct fba_image *img, uint32_t block, uint32_t n, uint8_t *buf)
{
    if (!in_range(img, block, n))
        return false;
    if (img->cckd)
        return group_io(img, block, n, buf, false);
    if (!img_read(&img->f, (uint64_t)block * FBA_BLOCK, buf, (size_t)n * FBA_BLOCK))
        return fail(img, img->f.err);
    return true;
}

bool fba_image_write(struct fba_image *img, uint32_t block, uint32_t n, const uint8_t *buf)
{
    if (img->readonly)
        return fail(img, "write to a read-only image");
    if (!in_range(img, block, n))
        return false;
    if (img->cckd)
        return group_io(img, block, n, (uint8_t *)buf, true);
    if (!img_write(&img->f, (uint64_t)block * FBA_BLOCK, buf, (size_t)n * FBA_BLOCK))
        return fail(img, img->f.err);
    return true;
}

bool fba_image_flush(struct fba_image *img)
{
    if (img->cckd) {
        if (!store_group(img))
            return false;
        if (!cckd_flush(img->cckd))
            return fail(img, cckd_error(img->cckd));
        return true;
    }
    if (img->f.fd >= 0 && !img_flush(&img->f))
        return fail(img, img->f.err);
    return true;
}

bool fba_image_close(struct fba_image *img)
{
    bool ok = fba_image_flush(img);
    if (img->cckd)
        ok = cckd_close(img->cckd) && ok;
    else
        img_close(&img->f);
    img->cckd = NULL;
    free(img->grp);
    img->grp = NULL;
    return ok;
}

bool fba_image_create(const char *path, const struct fba_create *c, char *err, size_t errlen)
{
    struct imgfile f;
    if (c->blocks == 0) {
        snprintf(err, errlen, "%s: no blocks", path);
        return false;
    }
    bool ok = img_create(&f, path, IMG_SYNC_NONE);
    if (ok && c->compressed) {
        uint8_t h[CKD_DEVHDR_SIZE] = { 0 };
        memcpy(h, "FBA_C370", 8);
        put_le32(h + 8, c->blocks);             /* "heads": the number of blocks */
        put_le32(h + 12, FBA_BLOCK);            /* "track size": the block size */
        h[16] = (uint8_t)c->devtype;
        struct cckd_layout lay = { 0, UNIT_SIZE };
        ok = cckd_format(&f, h, &lay, c->blocks);
    } else if (ok) {
        ok = img_truncate(&f, (uint64_t)c->blocks * FBA_BLOCK);
    }
    if (!ok)
        snprintf(err, errlen, "%s", f.err);
    ok = ok && img_flush(&f);
    img_close(&f);
    return ok;
}

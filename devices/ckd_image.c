/* Hercules CKD images: device header, plain and compressed track access. */
#include "ckd_image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "cckd.h"
#include "ebcdic.h"

/* Device header fields. */
#define DH_DEVID 0
#define DH_HEADS 8
#define DH_TRKSIZE 12
#define DH_DEVTYP 16
#define DH_FILESEQ 17
#define DH_HIGHCYL 18

#define HEADS 15

uint32_t ckd_slot_size(uint16_t devtype)
{
    /* HA + R0 count and data + the largest R1 count and data + end marker,
       rounded up to 512 bytes; R1 maximum from the device's RDC data. */
    uint32_t r1 = devtype == 0x3390 ? 56664 : devtype == 0x3380 ? 47476 : 0;
    if (!r1)
        return 0;
    uint32_t n = CKD_HA_SIZE + CKD_COUNT_SIZE + CKD_R0_DLEN + CKD_COUNT_SIZE + r1 + CKD_EOT_SIZE;
    return (n + 511) & ~511u;
}

static bool img_fail(struct ckd_image *img, const char *msg)
{
    snprintf(img->err, sizeof img->err, "%s", msg);
    return false;
}

/* ---- opening ---- */

/* The name of file seq (2, 3 ...) of a split image: Hercules replaces the
   character before the extension of the first file's name. */
static bool next_name(const char *first, int seq, char *out, size_t outlen)
{
    if (strlen(first) >= outlen)
        return false;
    strcpy(out, first);
    char *base = strrchr(out, '/');
    base = base ? base + 1 : out;
    char *dot = strchr(base, '.');
    char *c = (dot ? dot : out + strlen(out)) - 1;
    if (c < base)
        return false;
    *c = (char)(seq <= 9 ? '0' + seq : 'A' + seq - 10);
    return true;
}

/* What a device header says. */
struct devhdr {
    uint16_t devtype;
    uint32_t heads;
    uint32_t trksize;
    bool compressed;
};

static bool parse_devhdr(struct imgfile *f, const uint8_t *h, struct devhdr *d)
{
    if (!memcmp(h + DH_DEVID, "CKD_C370", 8))
        d->compressed = true;
    else if (!memcmp(h + DH_DEVID, "CKD_P370", 8))
        d->compressed = false;
    else if (!memcmp(h + DH_DEVID, "CKD_S370", 8))
        return img_error(f, 0, "shadow files are not supported");
    else
        return img_error(f, 0, "not a CKD image (no CKD_P370 or CKD_C370 header)");
    d->devtype = h[DH_DEVTYP] == 0x90 ? 0x3390 : h[DH_DEVTYP] == 0x80 ? 0x3380 : 0;
    if (!d->devtype)
        return img_error(f, DH_DEVTYP, "unsupported device type byte X'%02X'", h[DH_DEVTYP]);
    d->heads = le32(h + DH_HEADS);
    d->trksize = le32(h + DH_TRKSIZE);
    if (d->heads != HEADS)
        return img_error(f, DH_HEADS, "%u heads per cylinder, expected %u", d->heads, HEADS);
    if (d->trksize < ckd_slot_size(d->devtype) || d->trksize > 65536)
        return img_error(f, DH_TRKSIZE, "track size %u does not fit the device", d->trksize);
    return true;
}

/* One file of a plain image: its slots must fill it exactly, and its
   sequence number and high cylinder must fit its place in the set. */
static bool open_plain_file(struct ckd_image *img, int seq, uint32_t *highcyl)
{
    struct imgfile *f = &img->file[seq].f;
    uint8_t h[CKD_DEVHDR_SIZE];
    uint64_t size;
    struct devhdr d;
    if (!img_size(f, &size) || !img_read(f, 0, h, sizeof h) || !parse_devhdr(f, h, &d))
        return false;
    if (d.compressed || d.devtype != img->devtype || d.trksize != img->trksize)
        return img_error(f, 0, "header does not match the first file of the image");
    uint64_t cyl_bytes = (uint64_t)img->heads * img->trksize;
    if (size < CKD_DEVHDR_SIZE + cyl_bytes || (size - CKD_DEVHDR_SIZE) % cyl_bytes)
        return img_error(f, size, "file size is not a whole number of cylinders");
    uint32_t cyls = (uint32_t)((size - CKD_DEVHDR_SIZE) / cyl_bytes);
    uint32_t first_cyl = img->cyls;
    bool single = seq == 0 && h[DH_FILESEQ] == 0;
    if (!single && h[DH_FILESEQ] != seq + 1)
        return img_error(f, DH_FILESEQ, "file sequence number %u, expected %d", h[DH_FILESEQ], seq + 1);
    *highcyl = le16(h + DH_HIGHCYL);
    if (*highcyl && (single || *highcyl != first_cyl + cyls - 1))
        return img_error(f, DH_HIGHCYL, "high cylinder %u does not match the file size", *highcyl);
    img->file[seq].first_trk = first_cyl * img->heads;
    img->file[seq].ntrks = cyls * img->heads;
    img->file[seq].f.limit = size;
    img->cyls += cyls;
    img->nfiles = seq + 1;
    return true;
}

static bool open_plain(struct ckd_image *img, const char *path, enum img_sync sync)
{
    for (int seq = 0;; seq++) {
        char name[4096];
        if (seq && !next_name(path, seq + 1, name, sizeof name))
            return img_fail(img, "cannot form the name of the next file of a split image");
        if (seq == CKD_MAX_FILES)
            return img_fail(img, "too many files in a split image");
        if (seq && !img_open(&img->file[seq].f, name, img->readonly, sync)) {
            img->nfiles = seq + 1;  /* so that close frees it */
            return img_fail(img, img->file[seq].f.err);
        }
        uint32_t highcyl = 0;
        if (!open_plain_file(img, seq, &highcyl)) {
            img->nfiles = seq + 1;
            return img_fail(img, img->file[seq].f.err);
        }
        if (!highcyl)
            break;
    }
    img->tracks = img->cyls * img->heads;
    return true;
}

static bool open_compressed(struct ckd_image *img, struct imgfile *f)
{
    struct cckd_layout lay = { img->heads, img->trksize };
    img->cckd = cckd_open(f, &lay, img->err, sizeof img->err);
    if (!img->cckd)
        return false;
    img->cyls = cckd_count(img->cckd);
    img->tracks = cckd_units(img->cckd);
    return true;
}

bool ckd_image_open(struct ckd_image *img, const char *path, bool readonly, enum img_sync sync,
                    char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    img->readonly = readonly;
    struct imgfile f;
    uint8_t h[CKD_DEVHDR_SIZE];
    struct devhdr d;
    bool ok = img_open(&f, path, readonly, sync) && img_read(&f, 0, h, sizeof h) &&
              parse_devhdr(&f, h, &d);
    if (!ok) {
        snprintf(err, errlen, "%s", f.err);
        img_close(&f);
        return false;
    }
    img->devtype = d.devtype;
    img->heads = d.heads;
    img->trksize = d.trksize;
    img->compressed = d.compressed;
    if (img->compressed) {
        ok = open_compressed(img, &f);
    } else {
        img->file[0].f = f;
        ok = open_plain(img, path, sync);
    }
    if (!ok) {
        snprintf(err, errlen, "%s", img->err);
        ckd_image_close(img);
        return false;
    }
    return true;
}

bool ckd_image_close(struct ckd_image *img)
{
    bool ok = true;
    if (img->cckd) {
        ok = cckd_close(img->cckd);
        img->cckd = NULL;
    }
    for (int i = 0; i < img->nfiles; i++) {
        ok = img_flush(&img->file[i].f) && ok;
        img_close(&img->file[i].f);
    }
    img->nfiles = 0;
    return ok;
}

/* ---- tracks ---- */

static int file_of(const struct ckd_image *img, uint32_t trk)
{
    for (int i = 0; i < img->nfiles; i++)
        if (trk - img->file[i].first_trk < img->file[i].ntrks)
            return i;
    return -1;
}

static uint64_t slot_offset(const struct ckd_image *img, int fi, uint32_t trk)
{
    return CKD_DEVHDR_SIZE + (uint64_t)(trk - img->file[fi].first_trk) * img->trksize;
}

/* Where a track lives, for error messages about its contents. */
static void track_error(struct ckd_image *img, uint32_t trk, uint32_t bad, const char *what)
{
    if (img->cckd) {
        snprintf(img->err, sizeof img->err, "%s (track %u, byte %u of the expanded image)",
                 what, trk, bad);
        dev_log("%s", img->err);
        return;
    }
    int fi = file_of(img, trk);
    img_error(&img->file[fi].f, slot_offset(img, fi, trk) + bad, "track %u: %s", trk, what);
    snprintf(img->err, sizeof img->err, "%s", img->file[fi].f.err);
}

bool ckd_image_read(struct ckd_image *img, uint32_t trk, uint8_t *buf, uint32_t *len)
{
    if (trk >= img->tracks)
        return img_fail(img, "track beyond the end of the volume");
    if (img->cckd) {
        if (!cckd_read(img->cckd, trk, buf, len))
            return img_fail(img, cckd_error(img->cckd));
    } else {
        int fi = file_of(img, trk);
        if (!img_read(&img->file[fi].f, slot_offset(img, fi, trk), buf, img->trksize))
            return img_fail(img, img->file[fi].f.err);
        *len = img->trksize;
    }
    uint32_t bad;
    const char *what;
    uint32_t n = ckd_track_check(buf, *len, trk / img->heads, trk % img->heads, &bad, &what);
    if (!n) {
        track_error(img, trk, bad, what);
        return false;
    }
    *len = n;
    return true;
}

bool ckd_image_write(struct ckd_image *img, uint32_t trk, const uint8_t *buf, uint32_t len)
{
    uint32_t bad;
    const char *what;
    if (trk >= img->tracks || len > img->trksize ||
        ckd_track_check(buf, len, trk / img->heads, trk % img->heads, &bad, &what) != len)
        return img_fail(img, "refusing to write a malformed track image");
    if (img->cckd) {
        if (!cckd_write(img->cckd, trk, buf, len))
            return img_fail(img, cckd_error(img->cckd));
        return true;
    }
    int fi = file_of(img, trk);
    if (!img_write(&img->file[fi].f, slot_offset(img, fi, trk), buf, len))
        return img_fail(img, img->file[fi].f.err);
    return true;
}

bool ckd_image_flush(struct ckd_image *img)
{
    if (img->cckd && !cckd_flush(img->cckd))
        return img_fail(img, cckd_error(img->cckd));
    for (int i = 0; i < img->nfiles; i++)
        if (!img_flush(&img->file[i].f))
            return img_fail(img, img->file[i].f.err);
    return true;
}

/* ---- creating ---- */

static uint8_t *put_record(uint8_t *p, uint8_t rec, const char *key, const uint8_t *data, uint16_t dl)
{
    memset(p, 0, 4);            /* cylinder 0 head 0 */
    p[4] = rec;
    p[5] = 4;
    put_be16(p + 6, dl);
    ebcdic_from_ascii(p + CKD_COUNT_SIZE, key, 4);
    memcpy(p + CKD_COUNT_SIZE + 4, data, dl);
    return p + CKD_COUNT_SIZE + 4 + dl;
}

/* Track 0 of an initialised volume: IPL1 (a PSW that loads a disabled
   wait and a NOP ending the IPL channel program), IPL2 (empty) and the
   VOL1 label pointing at a VTOC in cylinder 0 head 1 record 1. */
static uint32_t label_track(uint8_t *buf, const char *volser, const char *owner)
{
    uint32_t len = ckd_null_track(buf, 0, 0, CKD_NULL_EMPTY);
    uint8_t *p = buf + len - CKD_EOT_SIZE;
    uint8_t ipl1[24] = { 0x00, 0x0A, 0, 0, 0, 0, 0, 0,     /* disabled wait PSW */
                         0x03, 0, 0, 0, 0x20, 0, 0, 1 };   /* NOP, SLI, count 1 */
    uint8_t ipl2[144] = { 0 };
    uint8_t vol1[80];
    char text[81];
    snprintf(text, sizeof text, "VOL1%-6.6s %5s%-21s%-14.14s%-29s", volser, "", "",
             owner ? owner : "", "");
    ebcdic_from_ascii(vol1, text, 80);
    vol1[10] = 0xC0;                                        /* security byte */
    memcpy(vol1 + 11, "\x00\x00\x00\x01\x01", 5);          /* VTOC at CCHHR 0,1,1 */
    p = put_record(p, 1, "IPL1", ipl1, sizeof ipl1);
    p = put_record(p, 2, "IPL2", ipl2, sizeof ipl2);
    p = put_record(p, 3, "VOL1", vol1, sizeof vol1);
    memset(p, 0xFF, CKD_EOT_SIZE);
    return (uint32_t)(p + CKD_EOT_SIZE - buf);
}

static void fill_devhdr(uint8_t *h, const struct ckd_create *c)
{
    memset(h, 0, CKD_DEVHDR_SIZE);
    memcpy(h + DH_DEVID, c->compressed ? "CKD_C370" : "CKD_P370", 8);
    put_le32(h + DH_HEADS, HEADS);
    put_le32(h + DH_TRKSIZE, ckd_slot_size(c->devtype));
    h[DH_DEVTYP] = (uint8_t)c->devtype;
}

/* Headers only; the tracks are then written through the normal path. */
static bool create_headers(const char *path, const struct ckd_create *c, char *err, size_t errlen)
{
    struct imgfile f;
    uint8_t h[CKD_DEVHDR_SIZE];
    fill_devhdr(h, c);
    struct cckd_layout lay = { HEADS, ckd_slot_size(c->devtype) };
    uint64_t size = CKD_DEVHDR_SIZE + (uint64_t)c->cyls * HEADS * lay.unitsize;
    bool ok = img_create(&f, path, IMG_SYNC_NONE) &&
              (c->compressed ? cckd_format(&f, h, &lay, c->cyls)
                             : img_write(&f, 0, h, sizeof h) && img_truncate(&f, size));
    if (!ok)
        snprintf(err, errlen, "%s", f.err);
    img_close(&f);
    return ok;
}

bool ckd_image_create(const char *path, const struct ckd_create *c, char *err, size_t errlen)
{
    if (!ckd_slot_size(c->devtype) || c->cyls == 0 || c->cyls > 65520) {
        snprintf(err, errlen, "%s: unsupported device type or cylinder count", path);
        return false;
    }
    if (!create_headers(path, c, err, errlen))
        return false;
    struct ckd_image img;
    if (!ckd_image_open(&img, path, false, IMG_SYNC_NONE, err, errlen))
        return false;
    uint8_t *buf = malloc(img.trksize);
    bool ok = buf != NULL;
    for (uint32_t t = 0; ok && t < img.tracks; t++) {
        uint32_t len = t == 0 && c->volser ? label_track(buf, c->volser, c->owner)
                                           : ckd_null_track(buf, t / HEADS, t % HEADS, CKD_NULL_EMPTY);
        ok = ckd_image_write(&img, t, buf, len);
    }
    free(buf);
    if (!ok)
        snprintf(err, errlen, "%s", buf ? img.err : "out of memory");
    if (!ckd_image_close(&img) && ok) {
        snprintf(err, errlen, "%s: cannot complete the image", path);
        ok = false;
    }
    return ok;
}

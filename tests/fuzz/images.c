/* Small device images shared by the fuzz targets (see images.h). */
#define _GNU_SOURCE
#include "images.h"

#include <dirent.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devices/bytes.h"
#include "devices/cckd.h"
#include "devices/ckd_image.h"
#include "devices/fba.h"
#include "devices/fba_image.h"
#include "devices/tape.h"
#include "devices/tape_image.h"

#define CKD_CYLS 1
#define FBA_BLOCKS 240              /* two compressed block groups */
#define TAPE_MAX (256u * 1024)      /* maxsize= of the tape drives */
#define DATA_LEN 4096               /* the record, blocks and tape block written */

static char dir[128];
static struct fz_image images[FZ_KINDS];

void fz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz invariant broken: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

uint8_t *fz_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fz_fail("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *data = malloc(n > 0 ? (size_t)n : 1);
    if (!data || fread(data, 1, (size_t)n, f) != (size_t)n)
        fz_fail("cannot read %s", path);
    fclose(f);
    *len = (size_t)n;
    return data;
}

void fz_spill(const char *path, const uint8_t *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        fz_fail("cannot write %s", path);
}

void fz_restore(const struct fz_image *im) { fz_spill(im->path, im->pristine, im->len); }

static int remove_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(p);
}

static void remove_dir(void) { nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS); }

static const char *scratch_dir(void)
{
    if (!dir[0]) {
        /* tmpfs when there is one: the images are rewritten for every input */
        snprintf(dir, sizeof dir, "%s/vm390-fuzz-XXXXXX",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (!mkdtemp(dir))
            fz_fail("cannot make %s", dir);
        atexit(remove_dir);
    }
    return dir;
}

static void pattern(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)((i / 7) * seed + (i >> 9));
}

/* ---- seeds ---- */

static bool empty_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return false;
    struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(d)))
        empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    closedir(d);
    return empty;
}

const char *fz_seed_dir(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (argv[i][0] != '-')
            return empty_dir(argv[i]) ? argv[i] : NULL;
    return NULL;
}

void fz_seed(const char *dir, const char *name, const uint8_t *data, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/seed-%s", dir, name);
    fz_spill(path, data, len);
}

/* ---- making the images ---- */

/* Track 1 of cylinder 0: R0 and one record of DATA_LEN bytes. */
static void make_ckd(const char *path, bool compressed)
{
    char err[IMG_ERRLEN];
    struct ckd_create c = { .devtype = 0x3390, .cyls = CKD_CYLS, .compressed = compressed,
                            .volser = "FUZZ01" };
    struct ckd_image img;
    if (!ckd_image_create(path, &c, err, sizeof err) ||
        !ckd_image_open(&img, path, false, IMG_SYNC_NONE, err, sizeof err))
        fz_fail("%s", err);
    uint8_t *buf = calloc(1, img.trksize);
    if (!buf)
        fz_fail("out of memory");
    uint32_t len = ckd_null_track(buf, 0, 1, CKD_NULL_EMPTY) - CKD_EOT_SIZE;
    uint8_t *p = buf + len;
    memset(p, 0, CKD_COUNT_SIZE);
    put_be16(p + 2, 1);                 /* CC 0, HH 1 */
    p[4] = 1;                           /* R 1, KL 0 */
    put_be16(p + 6, DATA_LEN);
    pattern(p + CKD_COUNT_SIZE, DATA_LEN, 3);
    memset(p + CKD_COUNT_SIZE + DATA_LEN, 0xFF, CKD_EOT_SIZE);
    len += CKD_COUNT_SIZE + DATA_LEN + CKD_EOT_SIZE;
    if (!ckd_image_write(&img, 1, buf, len) || !ckd_image_close(&img))
        fz_fail("%s", img.err);
    free(buf);
}

/* Blocks 0-7 and 130-137 (the second group) hold data. */
static void make_fba(const char *path, bool compressed)
{
    char err[IMG_ERRLEN];
    struct fba_create c = { .devtype = 0x9336, .blocks = FBA_BLOCKS, .compressed = compressed };
    struct fba_image img;
    uint8_t data[DATA_LEN];
    pattern(data, sizeof data, 5);
    if (!fba_image_create(path, &c, err, sizeof err) ||
        !fba_image_open(&img, path, false, IMG_SYNC_NONE, err, sizeof err))
        fz_fail("%s", err);
    if (!fba_image_write(&img, 0, DATA_LEN / FBA_BLOCK, data) ||
        !fba_image_write(&img, 130, DATA_LEN / FBA_BLOCK, data) || !fba_image_close(&img))
        fz_fail("%s", img.err);
}

/* Labels and a tape mark, then a data block and a second tape mark. */
static void make_tape(const char *path, bool compressed)
{
    char err[IMG_ERRLEN];
    struct tape_image t;
    uint8_t data[DATA_LEN];
    pattern(data, sizeof data, 11);
    if (!tape_image_create(path, "FUZZ01", NULL, compressed, err, sizeof err) ||
        !tape_open(&t, path, false, IMG_SYNC_NONE, err, sizeof err))
        fz_fail("%s", err);
    t.compress = compressed;
    enum tape_rc rc;
    while ((rc = tape_skip_block(&t)) == TAPE_OK || rc == TAPE_MARK)
        ;
    if (rc != TAPE_EOD || tape_write(&t, data, sizeof data) != TAPE_OK || tape_write_mark(&t) != TAPE_OK)
        fz_fail("%s", t.err);
    tape_close(&t);
}

static uint64_t cckd_capacity(uint32_t units, uint32_t unitsize)
{
    uint32_t nl1 = (units + CCKD_L2_ENTRIES - 1) / CCKD_L2_ENTRIES;
    return CCKD_L1_POS + 4ull * nl1 + (uint64_t)nl1 * CCKD_L2_SIZE + (uint64_t)units * unitsize;
}

static void make(struct fz_image *im, enum fz_kind k)
{
    static const char *const names[FZ_KINDS] = { "disk.ckd", "disk.cckd", "disk.fba",
                                                  "disk.cfba", "tape.aws", "tape.het" };
    uint32_t trk = ckd_slot_size(0x3390), tracks = CKD_CYLS * 15;
    char path[sizeof im->path];
    snprintf(path, sizeof path, "%s/%s", scratch_dir(), names[k]);
    im->kind = k;
    memcpy(im->path, path, sizeof path);
    snprintf(im->args, sizeof im->args, "%s sync=none", path);
    switch (k) {
    case FZ_CKD:
    case FZ_CCKD:
        im->devtype = "3390";
        make_ckd(im->path, k == FZ_CCKD);
        im->capacity = k == FZ_CKD ? CKD_DEVHDR_SIZE + (uint64_t)tracks * trk
                                   : cckd_capacity(tracks, trk);
        break;
    case FZ_FBA:
    case FZ_CFBA:
        im->devtype = "9336";
        make_fba(im->path, k == FZ_CFBA);
        im->capacity = k == FZ_FBA ? FBA_BLOCKS * FBA_BLOCK
                                   : cckd_capacity((FBA_BLOCKS + CFBA_GROUP_BLOCKS - 1) /
                                                       CFBA_GROUP_BLOCKS,
                                                   5 + CFBA_GROUP_BLOCKS * FBA_BLOCK);
        break;
    default:
        im->devtype = "3480";
        make_tape(im->path, k == FZ_HET);
        im->capacity = TAPE_MAX;
        snprintf(im->args, sizeof im->args, "%s sync=none maxsize=%u", path, TAPE_MAX);
        break;
    }
    im->pristine = fz_slurp(im->path, &im->len);
}

const struct fz_image *fz_image(enum fz_kind k)
{
    struct fz_image *im = &images[k];
    if (!im->pristine)
        make(im, k);
    return im;
}

/* ---- reading an image whole ---- */

static int scan_ckd(const char *path, char *err, size_t errlen)
{
    struct ckd_image img;
    if (!ckd_image_open(&img, path, true, IMG_SYNC_NONE, err, errlen))
        return 1;
    uint8_t *buf = malloc(img.trksize);
    int rc = buf ? 0 : 2;
    for (uint32_t t = 0; rc == 0 && t < img.tracks; t++) {
        uint32_t len;
        if (!ckd_image_read(&img, t, buf, &len)) {
            snprintf(err, errlen, "%s", img.err);
            rc = 2;
        }
    }
    free(buf);
    ckd_image_close(&img);
    return rc;
}

static int scan_fba(const char *path, char *err, size_t errlen)
{
    struct fba_image img;
    if (!fba_image_open(&img, path, true, IMG_SYNC_NONE, err, errlen))
        return 1;
    uint8_t buf[FBA_BLOCK];
    int rc = 0;
    for (uint32_t b = 0; rc == 0 && b < img.blocks; b++) {
        if (!fba_image_read(&img, b, 1, buf)) {
            snprintf(err, errlen, "%s", img.err);
            rc = 2;
        }
    }
    fba_image_close(&img);
    return rc;
}

static int scan_tape(const char *path, char *err, size_t errlen)
{
    static uint8_t *buf;
    struct tape_image t;
    if (!buf)
        buf = malloc(TAPE_BLOCK_MAX);
    if (!buf || !tape_open(&t, path, true, IMG_SYNC_NONE, err, errlen))
        return 1;
    enum tape_rc rc;
    uint32_t len;
    while ((rc = tape_read(&t, buf, &len)) == TAPE_OK || rc == TAPE_MARK)
        ;
    if (rc == TAPE_ERROR)
        snprintf(err, errlen, "%s", t.err);
    tape_close(&t);
    return rc == TAPE_ERROR ? 2 : 0;
}

int fz_scan(const struct fz_image *im, const char *path, char *err, size_t errlen)
{
    switch (im->kind) {
    case FZ_CKD:
    case FZ_CCKD: return scan_ckd(path, err, errlen);
    case FZ_FBA:
    case FZ_CFBA: return scan_fba(path, err, errlen);
    default: return scan_tape(path, err, errlen);
    }
}

/*
 * Hercules-compatible CKD disk images.
 *
 * A plain image ("CKD_P370") is a 512-byte device header followed by
 * fixed-size track slots, possibly split over several files (name_1.ckd,
 * name_2.ckd ...).  A compressed image ("CKD_C370", CCKD) adds a second
 * 512-byte header and two levels of lookup tables that point to
 * zlib-compressed track images anywhere in the file.  Both hold each track
 * in the same layout:
 *
 *   HA:    bin (1, zero), CC (2), HH (2)                 big-endian
 *   count: CC (2), HH (2), R (1), KL (1), DL (2)         then key, data
 *   ...    one count/key/data per record, R0 first
 *   end:   eight X'FF' bytes
 *
 * docs/formats.md describes the headers field by field.
 */
#ifndef VM390_DEVICES_CKD_IMAGE_H
#define VM390_DEVICES_CKD_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imgfile.h"

#define CKD_DEVHDR_SIZE 512
#define CKD_HA_SIZE 5
#define CKD_COUNT_SIZE 8
#define CKD_EOT_SIZE 8
#define CKD_R0_DLEN 8
#define CKD_MAX_FILES 27

/* Null-track formats of compressed images (a track never written). */
enum { CKD_NULL_EOF = 0, CKD_NULL_EMPTY = 1, CKD_NULL_LINUX = 2 };

struct cckd;

struct ckd_image {
    uint16_t devtype;           /* 0x3390 or 0x3380, from the header */
    uint32_t heads;
    uint32_t cyls;
    uint32_t tracks;
    uint32_t trksize;           /* bytes of one track slot / buffer */
    bool compressed;
    bool readonly;
    int nfiles;                 /* plain images */
    struct {
        struct imgfile f;
        uint32_t first_trk;
        uint32_t ntrks;
    } file[CKD_MAX_FILES];
    struct cckd *cckd;          /* compressed images */
    char err[IMG_ERRLEN];       /* the last error */
};

/* Write a count field (CCHHRKDD) at p; returns the byte after it. */
uint8_t *ckd_put_count(uint8_t *p, uint32_t cyl, uint32_t head, uint8_t rec, uint8_t kl,
                       uint16_t dl);

bool ckd_image_open(struct ckd_image *img, const char *path, bool readonly, enum img_sync sync,
                    char *err, size_t errlen);
/* Flushes and closes; false (with img->err) when the final write failed. */
bool ckd_image_close(struct ckd_image *img);
/* Read track trk into buf (trksize bytes); *len is its length through the
   end-of-track marker.  A malformed track is an error naming the offset. */
bool ckd_image_read(struct ckd_image *img, uint32_t trk, uint8_t *buf, uint32_t *len);
bool ckd_image_write(struct ckd_image *img, uint32_t trk, const uint8_t *buf, uint32_t len);
/* Make every write so far durable (sync policy). */
bool ckd_image_flush(struct ckd_image *img);

struct ckd_create {
    uint16_t devtype;           /* 0x3390 or 0x3380 */
    uint32_t cyls;
    bool compressed;
    const char *volser;         /* NULL: raw, no IPL records and label */
    const char *owner;          /* VOL1 owner field, may be NULL */
};
bool ckd_image_create(const char *path, const struct ckd_create *c, char *err, size_t errlen);

/* Track size of an image slot for a device type (Hercules rounds
   HA + R0 + the largest R1 + end marker up to 512 bytes); 0 if unknown. */
uint32_t ckd_slot_size(uint16_t devtype);

/* ---- track layout (ckd_track.c) ---- */

/* Build the track an unwritten compressed track stands for; returns its length. */
uint32_t ckd_null_track(uint8_t *buf, uint32_t cyl, uint32_t head, int fmt);
/* Which null format buf[0..len) is, or -1. */
int ckd_null_format(const uint8_t *buf, uint32_t len, uint32_t cyl, uint32_t head);
/* Check a track image: HA for (cyl, head), well-formed records, an end
   marker within max bytes.  Returns its length, or 0 with *bad set to the
   offending offset and *what to the reason. */
uint32_t ckd_track_check(const uint8_t *buf, uint32_t max, uint32_t cyl, uint32_t head,
                         uint32_t *bad, const char **what);
static inline bool ckd_is_eot(const uint8_t *p)
{
    static const uint8_t ff[8] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
    return __builtin_memcmp(p, ff, 8) == 0;
}

#endif

/* The layout of one CKD track image: null tracks and validity checks. */
#include <string.h>

#include "bytes.h"
#include "ckd_image.h"

#define LINUX_RECORDS 12        /* dasdfmt puts 12 blocks of 4 KiB on a 3390 track */
#define LINUX_BLKSIZE 4096

uint8_t *ckd_put_count(uint8_t *p, uint32_t cyl, uint32_t head, uint8_t rec, uint8_t kl,
                       uint16_t dl)
{
    put_be16(p, (uint16_t)cyl);
    put_be16(p + 2, (uint16_t)head);
    p[4] = rec;
    p[5] = kl;
    put_be16(p + 6, dl);
    return p + CKD_COUNT_SIZE;
}

uint32_t ckd_null_track(uint8_t *buf, uint32_t cyl, uint32_t head, int fmt)
{
    uint8_t *p = buf;
    *p++ = 0;
    put_be16(p, (uint16_t)cyl);
    put_be16(p + 2, (uint16_t)head);
    p += 4;
    p = ckd_put_count(p, cyl, head, 0, 0, CKD_R0_DLEN);
    memset(p, 0, CKD_R0_DLEN);
    p += CKD_R0_DLEN;
    if (fmt == CKD_NULL_EOF) {
        p = ckd_put_count(p, cyl, head, 1, 0, 0);
    } else if (fmt == CKD_NULL_LINUX) {
        for (int r = 1; r <= LINUX_RECORDS; r++) {
            p = ckd_put_count(p, cyl, head, (uint8_t)r, 0, LINUX_BLKSIZE);
            memset(p, 0, LINUX_BLKSIZE);
            p += LINUX_BLKSIZE;
        }
    }
    memset(p, 0xFF, CKD_EOT_SIZE);
    p += CKD_EOT_SIZE;
    return (uint32_t)(p - buf);
}

int ckd_null_format(const uint8_t *buf, uint32_t len, uint32_t cyl, uint32_t head)
{
    uint8_t model[CKD_HA_SIZE + 2 * CKD_COUNT_SIZE + CKD_R0_DLEN + CKD_EOT_SIZE];
    /* Only the two short formats are recognised when a track is written:
       a dasdfmt-style track is stored as data like any other. */
    for (int fmt = CKD_NULL_EOF; fmt <= CKD_NULL_EMPTY; fmt++) {
        uint32_t n = ckd_null_track(model, cyl, head, fmt);
        if (n == len && !memcmp(model, buf, len))
            return fmt;
    }
    return -1;
}

uint32_t ckd_track_check(const uint8_t *buf, uint32_t max, uint32_t cyl, uint32_t head,
                         uint32_t *bad, const char **what)
{
    *bad = 0;
    if (max < CKD_HA_SIZE + CKD_EOT_SIZE) {
        *what = "track too short";
        return 0;
    }
    if (buf[0] != 0 || be16(buf + 1) != cyl || be16(buf + 3) != head) {
        *what = "home address does not match the track";
        return 0;
    }
    uint32_t off = CKD_HA_SIZE;
    for (;;) {
        if (off + CKD_COUNT_SIZE > max) {
            *bad = off;
            *what = "no end-of-track marker";
            return 0;
        }
        if (ckd_is_eot(buf + off))
            return off + CKD_EOT_SIZE;
        uint32_t next = off + CKD_COUNT_SIZE + buf[off + 5] + be16(buf + off + 6);
        if (next > max) {
            *bad = off;
            *what = "record runs past the end of the track";
            return 0;
        }
        off = next;
    }
}

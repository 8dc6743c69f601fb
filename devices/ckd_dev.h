/*
 * The CKD device model, shared by ckd.c (device, chains, dispatch),
 * ckd_orient.c (track positioning), ckd_read.c, ckd_write.c,
 * ckd_control.c (commands) and ckd_geometry.c (characteristics, sense).
 *
 * Semantics follow the IBM 3990/9390 storage control reference: Define
 * Extent and Locate Record establish a domain that later commands must
 * fit; without them the classic search/read/write sequences apply.  Sense
 * data are the 32-byte 3990 format: byte 0 unit check reasons, byte 1
 * conditions, byte 7 format and message code.
 */
#ifndef VM390_DEVICES_CKD_DEV_H
#define VM390_DEVICES_CKD_DEV_H

#include <stdbool.h>
#include <stdint.h>

#include "ckd.h"
#include "ckd_image.h"
#include "device.h"
#include "xfer.h"

/* Device-type constants of the characteristics (RDC) data. */
struct ckd_geom {
    uint16_t devtype;
    uint16_t r0max;             /* largest record 0 */
    uint16_t r1max;             /* largest record 1 */
    uint16_t har0;              /* space of HA and a standard R0 */
    uint16_t tracklen;          /* capacity left for records 1..n */
    uint8_t sectors;
    uint16_t rps;
    uint8_t formula;            /* 1 (3380) or 2 (3390) */
    uint16_t f1, f2, f3, f4, f5, f6;
};

/* Sense byte 0 */
#define SNS0_CMDREJ 0x80
#define SNS0_EQUIPCHK 0x10
#define SNS0_OPCHK 0x01         /* with command reject: incomplete domain */
/* Sense byte 1 */
#define SNS1_ITF 0x40           /* invalid track format */
#define SNS1_EOC 0x20           /* end of cylinder */
#define SNS1_NRF 0x08           /* no record found */
#define SNS1_FP 0x04            /* file protected */
#define SNS1_WRI 0x02           /* write inhibited */
#define SNS1_IE 0x01            /* imprecise ending */
/* Format 0 messages (byte 7) */
#define MSG_INVALID_CMD 0x01
#define MSG_SEQUENCE 0x02
#define MSG_COUNT 0x03
#define MSG_PARAM 0x04
#define FMT_1 0x10              /* format 1: equipment check */

/* File mask (Define Extent byte 0) */
#define FM_WRITE 0xC0
#define FM_WR_NO_HA_R0 0x00     /* all writes but Write HA / Write R0 */
#define FM_WR_NONE 0x40
#define FM_WR_UPDATE 0x80       /* update writes only */
#define FM_WR_ALL 0xC0
#define FM_RESERVED 0x20
#define FM_SEEK 0x18
#define FM_SEEK_ALL 0x00
#define FM_SEEK_CYLHEAD 0x08
#define FM_SEEK_HEAD 0x10
#define FM_SEEK_NONE 0x18       /* no seeks, no multitrack */

/* Global attributes (Define Extent byte 1) */
#define GA_MODE 0xC0
#define GA_ECKD 0xC0
#define GA_CKD_CONVERSION 0x20

/* Locate Record operation byte */
#define LR_ORIENT 0xC0
#define LR_OR_COUNT 0x00
#define LR_OR_HA 0x40
#define LR_OR_DATA 0x80
#define LR_OR_INDEX 0xC0
#define LR_OP 0x3F
#define LR_ORIENT_ONLY 0x00
#define LR_WRITE_DATA 0x01
#define LR_FORMAT_WRITE 0x03
#define LR_READ_DATA 0x06
#define LR_WRITE_TRACK 0x0B
#define LR_READ_TRACKS 0x0C
#define LR_READ 0x16
/* Locate Record auxiliary byte */
#define LRA_TLF 0x80
#define LRA_RESERVED 0x7E
#define LRA_READ_COUNT 0x01

/* The storage control: a 3990 model 2 with ECKD (Locate Record). */
#define CKD_CU_TYPE 0x3990
#define CKD_CU_MODEL 0xC2

/* Command codes (multitrack variants add X'80'). */
#define CKD_MT 0x80
enum {
    CMD_WRITE_SPECIAL = 0x01, CMD_READ_IPL = 0x02, CMD_NOP = 0x03, CMD_SENSE = 0x04,
    CMD_WRITE_DATA = 0x05, CMD_READ_DATA = 0x06, CMD_SEEK = 0x07, CMD_SEEK_CYL = 0x0B,
    CMD_WRITE_KD = 0x0D, CMD_READ_KD = 0x0E, CMD_ERASE = 0x11, CMD_READ_COUNT = 0x12,
    CMD_RECALIBRATE = 0x13, CMD_UNCOND_RESERVE = 0x14, CMD_WRITE_R0 = 0x15, CMD_READ_R0 = 0x16,
    CMD_WRITE_HA = 0x19, CMD_READ_HA = 0x1A, CMD_SEEK_HEAD = 0x1B, CMD_WRITE_CKD = 0x1D,
    CMD_READ_CKD = 0x1E, CMD_SET_FILE_MASK = 0x1F, CMD_READ_SECTOR = 0x22, CMD_SET_SECTOR = 0x23,
    CMD_SEARCH_KEY_EQ = 0x29, CMD_SEARCH_ID_EQ = 0x31, CMD_SENSE_PGID = 0x34,
    CMD_SEARCH_HA_EQ = 0x39, CMD_LOCATE = 0x47, CMD_SEARCH_KEY_HI = 0x49, CMD_SEARCH_ID_HI = 0x51,
    CMD_READ_MULTIPLE_CKD = 0x5E, CMD_DEFINE_EXTENT = 0x63, CMD_RDC = 0x64,
    CMD_SEARCH_KEY_HE = 0x69, CMD_SEARCH_ID_HE = 0x71, CMD_WRITE_UPDATE_DATA = 0x85,
    CMD_WRITE_UPDATE_KD = 0x8D, CMD_RELEASE = 0x94, CMD_WRITE_CKD_NEXT = 0x9D,
    CMD_SET_PGID = 0xAF, CMD_RESERVE = 0xB4, CMD_READ_TRACK = 0xDE, CMD_SENSE_ID = 0xE4,
    CMD_RCD = 0xFA,
};

/* Where the device stands on the current track. */
enum ckd_orient {
    OR_NONE,        /* nothing known: the next operation starts at index */
    OR_INDEX,       /* after the home address */
    OR_COUNT,       /* after the count field of record rec */
    OR_KEY,         /* after its key field */
    OR_DATA,        /* after its data field */
};

struct ckd_dev {
    struct device dev;
    const struct ckd_model *model;
    const struct ckd_geom *geom;
    struct ckd_image img;
    uint32_t cyls, heads;

    /* the current track image */
    uint8_t *trk;
    uint8_t *xbuf;              /* scratch of a track's size for multi-record reads */
    uint32_t trklen;
    int64_t trkno;              /* -1: none loaded */
    bool dirty;

    /* position */
    uint16_t cyl, head;
    enum ckd_orient orient;
    uint32_t rec;               /* offset of the current record's count */
    uint8_t kl;
    uint16_t dl;
    bool index_passed;          /* index point passed once without a data transfer */

    /* channel-program state */
    uint8_t prev;               /* previous command of this chain, 0 at its start */
    bool dx_done, setfm_done, seek_done, locate_done, ipl_done;
    uint8_t fmask, gattr;
    uint16_t blksize;
    uint32_t xbegin, xend;      /* extent as track numbers */
    uint8_t lr_count, lr_op, lr_aux;
    uint16_t tlf;
    bool haeq, ideq, kyeq, wckd, wrha;   /* permissions earned by searches / writes */

    /* device state */
    uint8_t sense[32];
    bool sense_pending;
    bool reserved;
    uint8_t pgid[11];
};

/* ---- ckd_geometry.c ---- */
const struct ckd_geom *ckd_geom_of(uint16_t devtype);
/* Bytes of track capacity a record takes (the RDC formula). */
uint32_t ckd_record_space(const struct ckd_geom *g, uint8_t kl, uint16_t dl);
uint32_t ckd_build_rdc(const struct ckd_dev *cd, uint8_t *buf);
uint32_t ckd_build_sense_id(const struct ckd_dev *cd, uint8_t *buf);
uint32_t ckd_build_rcd(const struct ckd_dev *cd, uint8_t *buf);
/* Build the sense bytes; returns CE DE UC. */
uint8_t ckd_unit_check(struct ckd_dev *cd, uint8_t s0, uint8_t s1, uint8_t fmt_msg);
void ckd_sense_fill(struct ckd_dev *cd, uint8_t s0, uint8_t s1, uint8_t fmt_msg);
static inline uint8_t ckd_reject(struct ckd_dev *cd, uint8_t msg)
{
    return ckd_unit_check(cd, SNS0_CMDREJ, 0, msg);
}

/* ---- ckd_orient.c ---- */
uint32_t ckd_track_of(const struct ckd_dev *cd, uint16_t cyl, uint16_t head);
bool ckd_in_extent(const struct ckd_dev *cd, uint32_t trk);
/* Load a track and orient to its index; false with status in *st. */
bool ckd_seek(struct ckd_dev *cd, uint16_t cyl, uint16_t head, uint8_t *st);
/* Write the current track back if changed; false with status in *st. */
bool ckd_flush_track(struct ckd_dev *cd, uint8_t *st);
/* Advance to the next count field for command code (R0 is skipped unless
   the command works on it); handles the index point and multitrack.
   false with status in *st (no record found, end of cylinder ...). */
bool ckd_next_count(struct ckd_dev *cd, uint8_t code, uint8_t *st);
/* Next track for a multitrack operation. */
bool ckd_mt_advance(struct ckd_dev *cd, uint8_t *st);
/* Offset just past the current record (or the HA at index). */
uint32_t ckd_next_offset(const struct ckd_dev *cd);
/* Set the current record from the count field at off. */
void ckd_set_record(struct ckd_dev *cd, uint32_t off);

/* ---- command handlers (return the unit status) ---- */
typedef uint8_t ckd_handler(struct ckd_dev *cd, struct dev_cmd *c);
ckd_handler ckd_read_data, ckd_read_kd, ckd_read_count, ckd_read_ckd, ckd_read_r0, ckd_read_ha,
    ckd_read_multiple, ckd_read_track, ckd_read_ipl, ckd_search_id, ckd_search_key,
    ckd_search_ha, ckd_read_sector, ckd_set_sector;
ckd_handler ckd_write_data, ckd_write_kd, ckd_write_ckd, ckd_write_ckd_next, ckd_write_r0,
    ckd_write_ha, ckd_erase, ckd_write_update_data, ckd_write_update_kd;
ckd_handler ckd_seek_cmd, ckd_recalibrate, ckd_define_extent, ckd_locate, ckd_set_file_mask,
    ckd_nop, ckd_sense_cmd, ckd_sense_id, ckd_rdc, ckd_rcd, ckd_reserve, ckd_release,
    ckd_sense_pgid, ckd_set_pgid;

/* Positioning requirement of the 3990: data commands need a seek, locate
   record, read IPL or recalibrate earlier in the chain. */
bool ckd_positioned(const struct ckd_dev *cd);
/* Within a Locate Record domain, is this command allowed? */
bool ckd_lr_allows(const struct ckd_dev *cd, uint8_t code);
/* The checks data commands share: inside a domain the Locate Record
   operation must allow the command, outside one the chain must have
   positioned the device when needs_position; false with status in *st. */
bool ckd_may_run(struct ckd_dev *cd, uint8_t code, bool needs_position, uint8_t *st);

#endif

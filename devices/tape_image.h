/*
 * Tape images in the AWSTAPE layout and its Hercules extension HET.
 *
 * The file is a sequence of chunks, each a 6-byte header and its data:
 *
 *   bytes 0-1  length of this chunk's data          (little-endian)
 *   bytes 2-3  length of the previous chunk's data  (little-endian)
 *   byte 4     flags: X'80' first chunk of a block, X'40' tape mark,
 *              X'20' last chunk of a block; HET: X'01' zlib, X'02' bzip2
 *   byte 5     zero
 *
 * A block is one or more chunks; a tape mark is a header alone.  HET
 * compresses a block as a whole and then cuts it into chunks, every one of
 * which carries the compression bits.  aws.c moves over chunks and blocks,
 * het.c packs and unpacks block data.
 */
#ifndef VM390_DEVICES_TAPE_IMAGE_H
#define VM390_DEVICES_TAPE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "imgfile.h"

#define TAPE_HDR 6
#define TAPE_CHUNK_MAX 65535
#define TAPE_BLOCK_MAX (1u << 20)   /* the largest block this model handles */

#define TF_BOR 0x80
#define TF_TAPEMARK 0x40
#define TF_EOR 0x20
#define TF_COMPRESS 0x03
#define TF_ZLIB 0x01
#define TF_BZIP2 0x02

enum tape_rc {
    TAPE_OK,
    TAPE_MARK,          /* a tape mark was passed */
    TAPE_BOT,           /* already at the load point (moving backward) */
    TAPE_EOD,           /* no more data recorded (moving forward) */
    TAPE_FULL,          /* the write would pass the end of the tape */
    TAPE_ERROR,         /* damaged image or host error: see err */
};

struct tape_image {
    struct imgfile f;
    bool compress;      /* HET: write zlib-compressed blocks */
    int level;          /* zlib level for writing */
    uint64_t pos;       /* offset of the next chunk header */
    uint16_t prevlen;   /* data length of the chunk before pos */
    uint32_t blockno;   /* blocks and tape marks from the load point to pos */
    uint64_t end;       /* end of the recorded data (the file size) */
    uint64_t maxsize;   /* physical end of tape; 0: none */
    uint64_t warn;      /* early-warning point before it */
    uint8_t *work;      /* a block's worth of scratch */
    char err[IMG_ERRLEN];
};

bool tape_open(struct tape_image *t, const char *path, bool readonly, enum img_sync sync,
               char *err, size_t errlen);
void tape_close(struct tape_image *t);
void tape_rewind(struct tape_image *t);
bool tape_at_bot(const struct tape_image *t);
bool tape_past_warning(const struct tape_image *t);

/* Read the next block (up to TAPE_BLOCK_MAX bytes) into buf. */
enum tape_rc tape_read(struct tape_image *t, uint8_t *buf, uint32_t *len);
/* Move back over the previous block and read it into buf. */
enum tape_rc tape_read_back(struct tape_image *t, uint8_t *buf, uint32_t *len);
enum tape_rc tape_skip_block(struct tape_image *t);
enum tape_rc tape_back_block(struct tape_image *t);
/* Write a block or a tape mark here; what followed is gone. */
enum tape_rc tape_write(struct tape_image *t, const uint8_t *data, uint32_t len);
enum tape_rc tape_write_mark(struct tape_image *t);
/* Erase from here to the end. */
enum tape_rc tape_erase(struct tape_image *t);
bool tape_flush(struct tape_image *t);

/* ---- het.c: block data as stored ---- */

/* Pack len bytes of data for writing: returns the stored bytes (in t->work
   or data itself) and the compression flag bits. */
const uint8_t *het_pack(struct tape_image *t, const uint8_t *data, uint32_t len, uint32_t *out,
                        uint8_t *flags);
/* Unpack stored bytes in place into buf; false with t->err set. */
bool het_unpack(struct tape_image *t, uint8_t flags, const uint8_t *stored, uint32_t n,
                uint8_t *buf, uint32_t *len, uint64_t at);

#endif

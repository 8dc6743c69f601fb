/*
 * HET block data: zlib compression of whole blocks when writing (kept only
 * when it makes the block smaller) and decompression when reading.  bzip2
 * blocks, which Hercules can also write, are reported as unsupported.
 */
#include <stdio.h>
#include <zlib.h>

#include "tape_image.h"

const uint8_t *het_pack(struct tape_image *t, const uint8_t *data, uint32_t len, uint32_t *out,
                        uint8_t *flags)
{
    *out = len;
    *flags = 0;
    if (!t->compress || len == 0)
        return data;
    uLongf n = compressBound(len);
    if (compress2(t->work, &n, data, len, t->level) != Z_OK || n >= len)
        return data;
    *out = (uint32_t)n;
    *flags = TF_ZLIB;
    return t->work;
}

static bool unpack_error(struct tape_image *t, uint64_t at, const char *what)
{
    img_error(&t->f, at, "%s", what);
    snprintf(t->err, sizeof t->err, "%s", t->f.err);
    return false;
}

bool het_unpack(struct tape_image *t, uint8_t flags, const uint8_t *stored, uint32_t n,
                uint8_t *buf, uint32_t *len, uint64_t at)
{
    switch (flags & TF_COMPRESS) {
    case 0:
        if (n > TAPE_BLOCK_MAX)
            return unpack_error(t, at, "block longer than this tape model handles");
        __builtin_memcpy(buf, stored, n);
        *len = n;
        return true;
    case TF_ZLIB: {
        uLongf out = TAPE_BLOCK_MAX;
        int rc = uncompress(buf, &out, stored, n);
        if (rc != Z_OK)
            return unpack_error(t, at, rc == Z_BUF_ERROR ? "compressed block expands beyond the "
                                                           "largest block"
                                                         : "zlib cannot decompress the block");
        *len = (uint32_t)out;
        return true;
    }
    case TF_BZIP2:
        return unpack_error(t, at, "bzip2-compressed blocks are not supported");
    default:
        return unpack_error(t, at, "invalid compression flags");
    }
}

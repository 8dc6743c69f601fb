/*
 * AWSTAPE / HET chunk structure: reading blocks forward and backward,
 * spacing, writing blocks and tape marks.  Every header is checked against
 * its neighbours (the previous-length field must name the chunk before), so
 * a damaged image is reported where the damage is instead of being read
 * as data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bytes.h"
#include "tape_image.h"

#define SCRATCH (TAPE_BLOCK_MAX + TAPE_BLOCK_MAX / 64 + 1024)

struct chunk {
    uint16_t len;
    uint16_t plen;
    uint8_t flags;
};

static enum tape_rc damaged(struct tape_image *t, uint64_t off, const char *what)
{
    img_error(&t->f, off, "%s", what);
    snprintf(t->err, sizeof t->err, "%s", t->f.err);
    return TAPE_ERROR;
}

static enum tape_rc host_error(struct tape_image *t)
{
    snprintf(t->err, sizeof t->err, "%s", t->f.err);
    return TAPE_ERROR;
}

bool tape_open(struct tape_image *t, const char *path, bool readonly, enum img_sync sync,
               char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->level = 4;
    t->work = malloc(SCRATCH);
    if (!t->work) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    /* a new volume is an empty file, as when a blank cartridge is loaded */
    bool exists = readonly || access(path, F_OK) == 0;
    bool opened = exists ? img_open(&t->f, path, readonly, sync) : img_create(&t->f, path, sync);
    if (!opened || !img_size(&t->f, &t->end)) {
        snprintf(err, errlen, "%s", t->f.err);
        tape_close(t);
        return false;
    }
    return true;
}

void tape_close(struct tape_image *t)
{
    img_flush(&t->f);
    img_close(&t->f);
    free(t->work);
    t->work = NULL;
}

void tape_rewind(struct tape_image *t)
{
    t->pos = 0;
    t->prevlen = 0;
    t->blockno = 0;
}

bool tape_at_bot(const struct tape_image *t) { return t->pos == 0; }
bool tape_past_warning(const struct tape_image *t) { return t->maxsize && t->pos >= t->warn; }
bool tape_flush(struct tape_image *t)
{
    if (img_flush(&t->f))
        return true;
    host_error(t);
    return false;
}

/* ---- reading chunks ---- */

static bool read_chunk_hdr(struct tape_image *t, uint64_t at, struct chunk *c, enum tape_rc *rc)
{
    uint8_t h[TAPE_HDR];
    if (at + TAPE_HDR > t->end) {
        *rc = damaged(t, at, "chunk header cut off by the end of the file");
        return false;
    }
    if (!img_read(&t->f, at, h, sizeof h)) {
        *rc = host_error(t);
        return false;
    }
    *c = (struct chunk){ le16(h), le16(h + 2), h[4] };
    if (at + TAPE_HDR + c->len > t->end) {
        *rc = damaged(t, at, "chunk data runs past the end of the file");
        return false;
    }
    return true;
}

/* One block (or tape mark) forward from at, whose previous chunk has plen
   bytes: its stored bytes go to t->work.  *next and *lastlen tell where it
   ends and the length of its last chunk. */
static enum tape_rc gather(struct tape_image *t, uint64_t at, uint16_t plen, uint8_t *flags,
                           uint32_t *n, uint64_t *next, uint16_t *lastlen)
{
    struct chunk c;
    enum tape_rc rc;
    *n = 0;
    for (bool first = true;; first = false) {
        if (!read_chunk_hdr(t, at, &c, &rc))
            return rc;
        if (c.plen != plen)
            return damaged(t, at, "previous-chunk length does not match the chunk before");
        if (first && (c.flags & TF_TAPEMARK)) {
            *next = at + TAPE_HDR;
            *lastlen = 0;
            return TAPE_MARK;
        }
        if (first != !!(c.flags & TF_BOR) || (c.flags & TF_TAPEMARK))
            return damaged(t, at, first ? "block does not begin with a first chunk"
                                        : "block ends without a last chunk");
        if (first)
            *flags = c.flags & TF_COMPRESS;
        else if ((c.flags & TF_COMPRESS) != *flags)
            return damaged(t, at, "chunks of one block disagree about compression");
        if (*n + c.len > SCRATCH)
            return damaged(t, at, "block longer than this tape model handles");
        if (!img_read(&t->f, at + TAPE_HDR, t->work + *n, c.len))
            return host_error(t);
        *n += c.len;
        at += TAPE_HDR + c.len;
        plen = c.len;
        if (c.flags & TF_EOR)
            break;
    }
    *next = at;
    *lastlen = plen;
    return TAPE_OK;
}

/* Read (buf non-NULL) or skip the block at the current position. */
static enum tape_rc forward(struct tape_image *t, uint8_t *buf, uint32_t *len)
{
    if (t->pos >= t->end)
        return TAPE_EOD;
    uint8_t flags = 0;
    uint32_t n;
    uint64_t next = t->pos;
    uint16_t lastlen = t->prevlen;
    enum tape_rc rc = gather(t, t->pos, t->prevlen, &flags, &n, &next, &lastlen);
    if (rc == TAPE_OK && buf && !het_unpack(t, flags, t->work, n, buf, len, t->pos))
        return TAPE_ERROR;
    if (rc == TAPE_OK || rc == TAPE_MARK) {
        t->pos = next;
        t->prevlen = lastlen;
        t->blockno++;
    }
    return rc;
}

enum tape_rc tape_read(struct tape_image *t, uint8_t *buf, uint32_t *len)
{
    return forward(t, buf, len);
}

enum tape_rc tape_skip_block(struct tape_image *t) { return forward(t, NULL, NULL); }

/* Step back to the start of the block or tape mark before the position. */
static enum tape_rc backward(struct tape_image *t, bool *mark)
{
    if (t->pos == 0)
        return TAPE_BOT;
    uint64_t at = t->pos;
    uint16_t len = t->prevlen;
    struct chunk c;
    enum tape_rc rc;
    for (;;) {
        if (at < (uint64_t)TAPE_HDR + len)
            return damaged(t, at, "previous-chunk length points before the start of the tape");
        at -= TAPE_HDR + len;
        if (!read_chunk_hdr(t, at, &c, &rc))
            return rc;
        if (c.len != len)
            return damaged(t, at, "chunk length does not match the next chunk's header");
        if (c.flags & (TF_BOR | TF_TAPEMARK))
            break;
        len = c.plen;
    }
    *mark = c.flags & TF_TAPEMARK;
    t->pos = at;
    t->prevlen = c.plen;
    t->blockno--;
    return TAPE_OK;
}

enum tape_rc tape_back_block(struct tape_image *t)
{
    bool mark;
    enum tape_rc rc = backward(t, &mark);
    return rc == TAPE_OK && mark ? TAPE_MARK : rc;
}

/* Read backward: back over the block, then read it where it lies. */
enum tape_rc tape_read_back(struct tape_image *t, uint8_t *buf, uint32_t *len)
{
    bool mark;
    enum tape_rc rc = backward(t, &mark);
    if (rc != TAPE_OK || mark)
        return rc == TAPE_OK ? TAPE_MARK : rc;
    uint64_t start = t->pos;
    uint16_t plen = t->prevlen;
    uint32_t blockno = t->blockno;
    rc = forward(t, buf, len);
    t->pos = start;
    t->prevlen = plen;
    t->blockno = blockno;
    return rc;
}

/* ---- writing ---- */

static enum tape_rc put(struct tape_image *t, const uint8_t *bytes, uint64_t n, uint16_t lastlen)
{
    if (t->maxsize && t->pos + n > t->maxsize)
        return TAPE_FULL;
    if (!img_write(&t->f, t->pos, bytes, n) || !img_truncate(&t->f, t->pos + n))
        return host_error(t);
    t->pos += n;
    t->end = t->pos;
    t->prevlen = lastlen;
    t->blockno++;
    return TAPE_OK;
}

static void put_hdr(uint8_t *h, uint16_t len, uint16_t plen, uint8_t flags)
{
    put_le16(h, len);
    put_le16(h + 2, plen);
    h[4] = flags;
    h[5] = 0;
}

enum tape_rc tape_write(struct tape_image *t, const uint8_t *data, uint32_t len)
{
    uint32_t n;
    uint8_t comp;
    const uint8_t *stored = het_pack(t, data, len, &n, &comp);
    uint32_t chunks = n ? (n + TAPE_CHUNK_MAX - 1) / TAPE_CHUNK_MAX : 1;
    uint8_t *out = malloc((size_t)n + (size_t)chunks * TAPE_HDR);
    if (!out)
        return damaged(t, t->pos, "out of memory");
    uint8_t *p = out;
    uint16_t plen = t->prevlen, clen = 0;
    for (uint32_t i = 0, done = 0; i < chunks; i++, done += clen) {
        clen = (uint16_t)(n - done < TAPE_CHUNK_MAX ? n - done : TAPE_CHUNK_MAX);
        uint8_t flags = comp | (i == 0 ? TF_BOR : 0) | (i == chunks - 1 ? TF_EOR : 0);
        put_hdr(p, clen, plen, flags);
        memcpy(p + TAPE_HDR, stored + done, clen);
        p += TAPE_HDR + clen;
        plen = clen;
    }
    enum tape_rc rc = put(t, out, (uint64_t)(p - out), clen);
    free(out);
    return rc;
}

enum tape_rc tape_write_mark(struct tape_image *t)
{
    uint8_t h[TAPE_HDR];
    put_hdr(h, 0, t->prevlen, TF_TAPEMARK);
    return put(t, h, sizeof h, 0);
}

enum tape_rc tape_erase(struct tape_image *t)
{
    if (!img_truncate(&t->f, t->pos))
        return host_error(t);
    t->end = t->pos;
    return TAPE_OK;
}

/*
 * Host files behind device images: positioned reads and writes that
 * never go past the image's bounds, a sync policy that makes writes
 * durable before a device reports completion, and errors that name the
 * file and the offset.
 */
#ifndef VM390_DEVICES_IMGFILE_H
#define VM390_DEVICES_IMGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* When written data is forced to stable storage. */
enum img_sync {
    IMG_SYNC_ALWAYS,    /* fdatasync before the device reports completion */
    IMG_SYNC_NONE,      /* leave it to the host's page cache */
};

#define IMG_NO_LIMIT UINT64_MAX
#define IMG_ERRLEN 384

struct imgfile {
    int fd;
    char *path;
    bool readonly;
    bool dirty;             /* written since the last img_flush */
    enum img_sync sync;
    uint64_t limit;         /* no write may end beyond this offset */
    char err[IMG_ERRLEN];   /* the last error: "FILE: offset N: what" */
};

/* Open an existing file; false with f->err set.  A read-write open takes
   an exclusive lock (flock): a second writer is refused. */
bool img_open(struct imgfile *f, const char *path, bool readonly, enum img_sync sync);
/* Create a new file; refuses to overwrite one that exists. */
bool img_create(struct imgfile *f, const char *path, enum img_sync sync);
void img_close(struct imgfile *f);

bool img_size(struct imgfile *f, uint64_t *size);
/* Reads all of len bytes; a short read is reported as a truncated image. */
bool img_read(struct imgfile *f, uint64_t off, void *buf, size_t len);
bool img_write(struct imgfile *f, uint64_t off, const void *buf, size_t len);
bool img_truncate(struct imgfile *f, uint64_t size);
/* Make earlier writes durable according to the sync policy. */
bool img_flush(struct imgfile *f);

/* Record an error about the file at offset off (or without an offset
   when off is IMG_NO_LIMIT) and log it; always returns false. */
bool img_error(struct imgfile *f, uint64_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Parse "always" / "none". */
bool img_sync_parse(const char *s, enum img_sync *out);

/* Device-layer messages go to stderr unless a test redirects them. */
void dev_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void dev_log_sink(void (*sink)(const char *msg));

#endif

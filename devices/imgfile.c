/* Host files behind device images: bounds, sync policy, error reports. */
#include "imgfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static void (*log_sink)(const char *msg);

void dev_log_sink(void (*sink)(const char *msg)) { log_sink = sink; }

void dev_log(const char *fmt, ...)
{
    char msg[IMG_ERRLEN + 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (log_sink)
        log_sink(msg);
    else
        fprintf(stderr, "vm390: %s\n", msg);
}

bool img_error(struct imgfile *f, uint64_t off, const char *fmt, ...)
{
    char what[IMG_ERRLEN / 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (off == IMG_NO_LIMIT)
        snprintf(f->err, sizeof f->err, "%s: %s", f->path ? f->path : "?", what);
    else
        snprintf(f->err, sizeof f->err, "%s: offset %llu: %s", f->path ? f->path : "?",
                 (unsigned long long)off, what);
    dev_log("%s", f->err);
    return false;
}

static bool img_init(struct imgfile *f, const char *path, enum img_sync sync)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->sync = sync;
    f->limit = IMG_NO_LIMIT;
    f->path = strdup(path);
    if (!f->path) {
        snprintf(f->err, sizeof f->err, "%s: out of memory", path);
        return false;
    }
    return true;
}

bool img_open(struct imgfile *f, const char *path, bool readonly, enum img_sync sync)
{
    if (!img_init(f, path, sync))
        return false;
    f->readonly = readonly;
    f->fd = open(path, (readonly ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (f->fd < 0)
        return img_error(f, IMG_NO_LIMIT, "cannot open: %s", strerror(errno));
    /* one writer at a time: two devices updating one image would ruin it */
    if (!readonly && flock(f->fd, LOCK_EX | LOCK_NB) < 0)
        return img_error(f, IMG_NO_LIMIT, "in use by another device or process (%s)",
                         strerror(errno));
    return true;
}

bool img_create(struct imgfile *f, const char *path, enum img_sync sync)
{
    if (!img_init(f, path, sync))
        return false;
    f->fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (f->fd < 0)
        return img_error(f, IMG_NO_LIMIT, "cannot create: %s", strerror(errno));
    flock(f->fd, LOCK_EX | LOCK_NB);
    return true;
}

void img_close(struct imgfile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    free(f->path);
    f->path = NULL;
}

bool img_size(struct imgfile *f, uint64_t *size)
{
    struct stat st;
    if (fstat(f->fd, &st) < 0)
        return img_error(f, IMG_NO_LIMIT, "cannot stat: %s", strerror(errno));
    *size = (uint64_t)st.st_size;
    return true;
}

bool img_read(struct imgfile *f, uint64_t off, void *buf, size_t len)
{
    uint8_t *p = buf;
    size_t done = 0;
    while (done < len) {
        ssize_t n = pread(f->fd, p + done, len - done, (off_t)(off + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return img_error(f, off + done, "read error: %s", strerror(errno));
        if (n == 0)
            return img_error(f, off + done, "image truncated (%zu of %zu bytes read)", done, len);
        done += (size_t)n;
    }
    return true;
}

bool img_write(struct imgfile *f, uint64_t off, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    if (f->readonly)
        return img_error(f, off, "write to a read-only image");
    if (off > f->limit || len > f->limit - off)
        return img_error(f, off, "write of %zu bytes would pass the image end at %llu", len,
                         (unsigned long long)f->limit);
    size_t done = 0;
    while (done < len) {
        ssize_t n = pwrite(f->fd, p + done, len - done, (off_t)(off + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return img_error(f, off + done, "write error: %s", n < 0 ? strerror(errno) : "no progress");
        done += (size_t)n;
    }
    f->dirty = true;
    return true;
}

bool img_truncate(struct imgfile *f, uint64_t size)
{
    if (f->readonly)
        return img_error(f, size, "truncate of a read-only image");
    if (size > f->limit)
        return img_error(f, size, "size would pass the image end at %llu",
                         (unsigned long long)f->limit);
    if (ftruncate(f->fd, (off_t)size) < 0)
        return img_error(f, size, "truncate error: %s", strerror(errno));
    f->dirty = true;
    return true;
}

bool img_flush(struct imgfile *f)
{
    if (!f->dirty)
        return true;
    if (f->sync == IMG_SYNC_ALWAYS && fdatasync(f->fd) < 0)
        return img_error(f, IMG_NO_LIMIT, "fdatasync failed: %s", strerror(errno));
    f->dirty = false;
    return true;
}

bool img_sync_parse(const char *s, enum img_sync *out)
{
    if (!strcmp(s, "always"))
        *out = IMG_SYNC_ALWAYS;
    else if (!strcmp(s, "none"))
        *out = IMG_SYNC_NONE;
    else
        return false;
    return true;
}

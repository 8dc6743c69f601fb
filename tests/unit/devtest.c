/* Helpers shared by the device and image-format unit tests. */
#define _GNU_SOURCE
#include "devtest.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devices/device.h"
#include "devices/imgfile.h"

static char dir[256];
static char path[512];
static char last_log[512];

const char *devtest_dir(void)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/vm390-devtest-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

const char *devtest_path(const char *name)
{
    snprintf(path, sizeof path, "%s/%s", devtest_dir(), name);
    return path;
}

static int remove_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(p);
}

void devtest_cleanup(void)
{
    if (dir[0])
        nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    dir[0] = '\0';
}

static void keep_log(const char *msg) { snprintf(last_log, sizeof last_log, "%s", msg); }

void devtest_quiet(void)
{
    last_log[0] = '\0';
    dev_log_sink(keep_log);
}

const char *devtest_last_log(void) { return last_log; }

bool devtest_read(const char *p, uint8_t **data, size_t *len)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *data = malloc(n > 0 ? (size_t)n : 1);
    *len = fread(*data, 1, (size_t)n, f);
    fclose(f);
    return *len == (size_t)n;
}

bool devtest_write(const char *p, const void *data, size_t len)
{
    FILE *f = fopen(p, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

bool devtest_patch(const char *p, long off, const void *data, size_t len)
{
    FILE *f = fopen(p, "r+b");
    if (!f)
        return false;
    bool ok = fseek(f, off, SEEK_SET) == 0 && fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

uint64_t devtest_hash(const char *p)
{
    uint8_t *d;
    size_t n;
    if (!devtest_read(p, &d, &n))
        return 0;
    uint64_t h = 1469598103934665603ull;    /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 1099511628211ull;
    free(d);
    return h ^ n;
}

uint8_t devtest_cmd(struct device *d, uint8_t code, void *data, uint32_t count, bool chained,
                    uint32_t *residual)
{
    struct dev_cmd c = { .code = code, .data = data, .count = count, .chained = chained };
    d->ops->execute(d, &c);
    if (residual)
        *residual = c.residual;
    return c.status;
}

int devtest_chain(struct device *d, const struct devtest_ccw *p, int n, uint8_t *status,
                  uint32_t *residual)
{
    int i = 0, last = -1, steps = 0;
    if (d->ops->chain_begin)
        d->ops->chain_begin(d);
    *status = 0;
    while (i < n && steps++ < 10000) {
        if (p[i].code == CCW_CMD_TIC) {
            i = (int)p[i].count;
            continue;
        }
        struct dev_cmd c = { .code = p[i].code, .data = p[i].data, .count = p[i].count,
                             .chained = i < n - 1, .first = last < 0 };
        d->ops->execute(d, &c);
        last = i;
        *status = c.status;
        if (residual)
            *residual = c.residual;
        if (c.status & (US_UC | US_UE))
            break;
        i += c.status & US_SM ? 2 : 1;
    }
    if (d->ops->chain_end)
        d->ops->chain_end(d);
    return last;
}

/* IPL records and bootstraps for mkdisk / mktape --ipl. */
#include "ipl_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LIMIT_24BIT 0x1000000u
#define BOOT_ROOM 0x10000u      /* the largest bootstrap we build */

bool ipl_prog_load(const char *spec, struct ipl_prog *p, char *err, size_t errlen)
{
    char file[4096];
    uint64_t addr = 0;
    const char *at = strrchr(spec, '@');
    size_t n = at ? (size_t)(at - spec) : strlen(spec);
    if (n >= sizeof file || (at && !parse_hex(at + 1, &addr))) {
        snprintf(err, errlen, "bad program '%s' (FILE or FILE@HEXADDR)", spec);
        return false;
    }
    memcpy(file, spec, n);
    file[n] = 0;
    size_t len;
    p->data = read_file(file, &len);
    if (!p->data || len == 0) {
        snprintf(err, errlen, "%s: %s", file, p->data ? "empty file" : "cannot read it");
        free(p->data);
        p->data = NULL;
        return false;
    }
    if (addr + len + BOOT_ROOM > LIMIT_24BIT || (addr == 0 && len < 8)) {
        snprintf(err, errlen, "%s: %zu bytes at %llX do not fit below 16M with the bootstrap%s",
                 file, len, (unsigned long long)addr, addr ? "" : " (or hold no PSW)");
        ipl_prog_free(p);
        return false;
    }
    p->len = (uint32_t)len;
    p->addr = (uint32_t)addr;
    return true;
}

void ipl_prog_free(struct ipl_prog *p)
{
    free(p->data);
    p->data = NULL;
}

uint32_t ipl_boot_addr(const struct ipl_prog *p) { return (p->addr + p->len + 7) & ~7u; }

static void put32(uint8_t *at, uint32_t v)
{
    at[0] = (uint8_t)(v >> 24);
    at[1] = (uint8_t)(v >> 16);
    at[2] = (uint8_t)(v >> 8);
    at[3] = (uint8_t)v;
}

void ipl_ccw(uint8_t *at, uint8_t cmd, uint32_t addr, uint8_t flags, uint16_t count)
{
    put32(at, (uint32_t)cmd << 24 | addr);
    put32(at + 4, (uint32_t)flags << 24 | count);
}

void ipl_record(const struct ipl_prog *p, uint8_t read, uint16_t boot_len, uint8_t rec[24])
{
    uint32_t boot = ipl_boot_addr(p);
    if (p->addr == 0) {
        memcpy(rec, p->data, 8);                    /* replaced by itself */
    } else {
        put32(rec, 0x00080000);                     /* ESA/390, disabled */
        put32(rec + 4, 0x80000000u | p->addr);      /* 31-bit, at the program */
    }
    ipl_ccw(rec + 8, read, boot, IPL_CCW_CC | IPL_CCW_SLI, boot_len);
    ipl_ccw(rec + 16, 0x08, boot, 0, 0);
}

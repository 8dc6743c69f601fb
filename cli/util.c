/* Small helpers shared by the vm390 subcommands. */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s)
        return false;
    uint64_t mult = 1;
    switch (toupper((unsigned char)*end)) {
    case 'K': mult = 1024; end++; break;
    case 'M': mult = 1024 * 1024; end++; break;
    case 'G': mult = 1024ull * 1024 * 1024; end++; break;
    default: break;
    }
    if (*end || v > UINT64_MAX / mult)
        return false;
    *out = v * mult;
    return true;
}

bool parse_hex(const char *s, uint64_t *out)
{
    if ((s[0] == 'X' || s[0] == 'x') && s[1] == '\'')
        s += 2;
    else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 16);
    if (errno || end == s || (*end && *end != '\''))
        return false;
    *out = v;
    return true;
}

long hex_to_bytes(const char *hex, uint8_t *out, size_t max)
{
    size_t n = 0;
    for (const char *p = hex; *p; ) {
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        if (!isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]) || n >= max)
            return -1;
        char two[3] = { p[0], p[1], 0 };
        out[n++] = (uint8_t)strtoul(two, NULL, 16);
        p += 2;
    }
    return (long)n;
}

uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    uint8_t *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            uint8_t *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = 0;   /* convenient for text files */
    *len = n;
    return buf;
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Main storage of one /390 configuration: absolute storage bytes, the
 * storage key of every 4K frame, and an optional dirty-page log.
 *
 * Everything that touches guest storage (CPU, channel subsystem, monitor)
 * goes through a struct mainstor, so a guest can only ever reach the bytes
 * between mem and mem + size.
 */
#ifndef VM390_DAT_STORAGE_H
#define VM390_DAT_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE  4096u
#define PAGE_MASK  0xFFFFF000u

/* Storage-key byte as ISKE returns it: ACC(0-3) F(4) R(5) C(6). */
#define SKEY_ACC   0xF0
#define SKEY_F     0x08
#define SKEY_R     0x04
#define SKEY_C     0x02

/* Inaccessible bytes mapped before and after every storage. */
#define STORAGE_GUARD (UINT64_C(1) << 20)

/* The largest ESA/390 absolute storage: 2 GiB (31-bit addresses). */
#define STORAGE_MAX (UINT64_C(1) << 31)

struct mainstor {
    uint8_t *mem;        /* absolute address 0 */
    uint64_t size;       /* bytes, a multiple of PAGE_SIZE */
    uint8_t *skey;       /* one key byte per frame */
    uint8_t *unusable;   /* per frame: 1 = TEST BLOCK reports it unusable */
    uint64_t *dirty;     /* dirty-page bitmap, NULL when not logging */
    bool owns_mem;       /* mem was allocated by storage_create */
};

/* Allocate zeroed storage of `size` bytes (rounded up to 4K). NULL on failure. */
struct mainstor *storage_create(uint64_t size);
void storage_destroy(struct mainstor *ms);
/* Clear reset: zero all bytes and keys. */
void storage_clear(struct mainstor *ms);

static inline bool storage_valid(const struct mainstor *ms, uint64_t abs, uint64_t len)
{
    return abs < ms->size && len <= ms->size - abs;
}

static inline uint8_t *storage_ptr(const struct mainstor *ms, uint64_t abs)
{
    return ms->mem + abs;
}

/* Reference and change recording (atomic: several CPUs and channel threads). */
static inline void storage_mark_ref(struct mainstor *ms, uint64_t abs)
{
    uint8_t *k = &ms->skey[abs >> PAGE_SHIFT];
    if (!(*k & SKEY_R))
        __atomic_fetch_or(k, SKEY_R, __ATOMIC_RELAXED);
}

/* Note a changed frame in the dirty log only (stores that by definition
   leave the storage key alone, e.g. TEST BLOCK). */
static inline void storage_mark_dirty(struct mainstor *ms, uint64_t abs)
{
    uint64_t frame = abs >> PAGE_SHIFT;
    if (ms->dirty)
        __atomic_fetch_or(&ms->dirty[frame / 64], UINT64_C(1) << (frame % 64),
                          __ATOMIC_RELAXED);
}

static inline void storage_mark_change(struct mainstor *ms, uint64_t abs)
{
    uint8_t *k = &ms->skey[abs >> PAGE_SHIFT];
    if ((*k & (SKEY_R | SKEY_C)) != (SKEY_R | SKEY_C))
        __atomic_fetch_or(k, SKEY_R | SKEY_C, __ATOMIC_RELAXED);
    storage_mark_dirty(ms, abs);
}

/* Start or stop dirty-page logging; returns false when out of memory. */
bool storage_dirty_log(struct mainstor *ms, bool on);

/* Big-endian loads and stores at host pointers. */
static inline uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t be32(const uint8_t *p)
{
    uint32_t v;
    __builtin_memcpy(&v, p, 4);
    return __builtin_bswap32(v);
}
static inline uint64_t be64(const uint8_t *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return __builtin_bswap64(v);
}
static inline void put_be16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static inline void put_be32(uint8_t *p, uint32_t v)
{
    v = __builtin_bswap32(v);
    __builtin_memcpy(p, &v, 4);
}
static inline void put_be64(uint8_t *p, uint64_t v)
{
    v = __builtin_bswap64(v);
    __builtin_memcpy(p, &v, 8);
}

#endif

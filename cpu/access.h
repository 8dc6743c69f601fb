/*
 * Storage-operand access for instruction handlers.
 *
 * Every access names the base-register number `arn` of its operand (used
 * for the access register in AR mode).  The fast paths hit the TLB of the
 * current operand space; misses, page crossings and everything unusual go
 * out of line to access.c, which translates, checks protection, records
 * reference and change, fills the TLB, or raises the access exception.
 */
#ifndef VM390_CPU_ACCESS_H
#define VM390_CPU_ACCESS_H

#include <stdint.h>

#include "cpu.h"

enum acc_type { ACC_FETCH, ACC_STORE, ACC_IFETCH };

/* The spaces of the access-register mode reached by translating an ALET
   other than 0 and 1: TLB_ART0 + the access-register number.  Their STD
   is in cpu.art[]; they have no TLB set (every access is translated). */
#define TLB_ART0 ((enum tlb_space)(TLB_NSPACES + 1))
static inline bool space_is_art(enum tlb_space sp)
{
    return sp > TLB_NSPACES;
}

/* Host pointer of logical address ea (its page only) after all checks.
   `len` (bytes from ea, within its page) matters only for stores while PER
   is active: it bounds the storage-alteration range check. */
uint8_t *access_translate_len(struct cpu *c, uint32_t ea, int arn, enum acc_type acc, uint32_t len);
static inline uint8_t *access_translate(struct cpu *c, uint32_t ea, int arn, enum acc_type acc)
{
    return access_translate_len(c, ea, arn, acc, 1);
}
/* The same in an explicit space with an explicit key (MVCP, MVCS, MVCK,
   MVCSK, MVCDK, TPROT ...); never fills the TLB. */
uint8_t *access_translate_in(struct cpu *c, uint32_t ea, enum tlb_space sp,
                             unsigned key, enum acc_type acc);
/* The address space an operand access through `arn` is made in; in the
   access-register mode an ALET other than 0 and 1 is translated (asn.h),
   and its exceptions are raised. */
enum tlb_space access_space(struct cpu *c, int arn, enum acc_type acc);
/* The same, returning 0 or the ART exception code (TEST PROTECTION). */
int access_space_try(struct cpu *c, int arn, enum acc_type acc, enum tlb_space *sp);
/* The DAT space the PSW's address-space control selects for an operand
   through `arn`, whether DAT is on or not (LOAD REAL ADDRESS): 0 or the
   ART exception code. */
int access_dat_space(struct cpu *c, int arn, enum tlb_space *sp);
/* The segment-table designation of a DAT space (CR1, CR7 or CR13). */
uint32_t access_space_std(const struct cpu *c, enum tlb_space sp);
/* The two-bit space identification of TEIDs and PER codes: 0 primary,
   1 AR mode, 2 secondary, 3 home. */
uint32_t access_space_id(const struct cpu *c, enum tlb_space sp);
/* Translate ea of space sp to a real address without protection checks
   (LRA, TPROT); returns 0 or the program-interruption code. */
int access_lra(struct cpu *c, uint32_t ea, enum tlb_space sp, uint32_t *real, bool *prot);
/* Absolute address of ea in space sp: translation exceptions (with the
   TEID) and addressing exceptions, no protection checks.  *prot is the
   page-protection bit. */
uint32_t access_absolute(struct cpu *c, uint32_t ea, enum tlb_space sp, bool *prot);
/* Does key-controlled protection let `key` access ea (storage key skey)? */
bool access_key_allows(const struct cpu *c, uint32_t ea, uint8_t skey, unsigned key, enum acc_type acc);
/* Is a store to ea in space sp refused by low-address protection? */
bool access_low_address_protected(const struct cpu *c, uint32_t ea, enum tlb_space sp);

/* Host pointer of `len` bytes at ea (all within ea's page). */
static inline uint8_t *vptr_len(struct cpu *c, uint32_t ea, int arn, enum acc_type acc, uint32_t len)
{
    struct tlb_entry *e = tlb_slot(c->tlb_opnd, ea);
    uint32_t tag = tlb_tag(ea, c->key_tag);
    if (__builtin_expect((acc == ACC_STORE ? e->tag_store : e->tag_fetch) == tag, 1))
        return (uint8_t *)(e->addend + ea);
    return access_translate_len(c, ea, arn, acc, len);
}

static inline uint8_t *vptr(struct cpu *c, uint32_t ea, int arn, enum acc_type acc)
{
    return vptr_len(c, ea, arn, acc, 1);
}

/* Host pointer of instruction-space address ea (EXECUTE's subject). */
static inline const uint8_t *iptr(struct cpu *c, uint32_t ea)
{
    struct tlb_entry *e = tlb_slot(c->tlb_insn, ea);
    if (__builtin_expect(e->tag_fetch == tlb_tag(ea, c->key_tag), 1))
        return (const uint8_t *)(e->addend + ea);
    return access_translate(c, ea, 0, ACC_IFETCH);
}

/* Operands that may cross a page boundary (or wrap) go through these. */
uint64_t vfetch_cross(struct cpu *c, uint32_t ea, int arn, unsigned len);
void vstore_cross(struct cpu *c, uint32_t ea, int arn, unsigned len, uint64_t val);

static inline int crosses(uint32_t ea, unsigned len)
{
    return (ea & ~PAGE_MASK) > PAGE_SIZE - len;
}

/* n (1..8) bytes at p as a big-endian number. */
static ALWAYS_INLINE uint64_t load_be_n(const uint8_t *p, unsigned n)
{
    if (n == 8)
        return be64(p);
    uint64_t v = 0;
    if (n & 4) {
        v = be32(p);
        p += 4;
    }
    if (n & 2) {
        v = v << 16 | be16(p);
        p += 2;
    }
    if (n & 1)
        v = v << 8 | *p;
    return v;
}

/* Store the low n (1..8) bytes of v big-endian at p. */
static ALWAYS_INLINE void store_be_n(uint8_t *p, unsigned n, uint64_t v)
{
    if (n == 8) {
        put_be64(p, v);
        return;
    }
    if (n & 1) {
        p[n - 1] = (uint8_t)v;
        v >>= 8;
    }
    if (n & 2) {
        put_be16(p + (n & 4), (uint16_t)v);
        v >>= 16;
    }
    if (n & 4)
        put_be32(p, (uint32_t)v);
}

/* Fetch/store an operand of n (1..8) bytes as a right-aligned number. */
static inline uint64_t vfetch_n(struct cpu *c, uint32_t ea, int arn, unsigned n)
{
    if (__builtin_expect(crosses(ea, n), 0))
        return vfetch_cross(c, ea, arn, n);
    return load_be_n(vptr(c, ea, arn, ACC_FETCH), n);
}
static inline void vstore_n(struct cpu *c, uint32_t ea, int arn, unsigned n, uint64_t v)
{
    if (__builtin_expect(crosses(ea, n), 0))
        vstore_cross(c, ea, arn, n, v);
    else
        store_be_n(vptr_len(c, ea, arn, ACC_STORE, n), n, v);
}

static inline uint8_t vfetch1(struct cpu *c, uint32_t ea, int arn)
{
    return *vptr(c, ea, arn, ACC_FETCH);
}
static inline uint16_t vfetch2(struct cpu *c, uint32_t ea, int arn)
{
    if (__builtin_expect(crosses(ea, 2), 0))
        return (uint16_t)vfetch_cross(c, ea, arn, 2);
    return be16(vptr(c, ea, arn, ACC_FETCH));
}
static inline uint32_t vfetch4(struct cpu *c, uint32_t ea, int arn)
{
    if (__builtin_expect(crosses(ea, 4), 0))
        return (uint32_t)vfetch_cross(c, ea, arn, 4);
    return be32(vptr(c, ea, arn, ACC_FETCH));
}
static inline uint64_t vfetch8(struct cpu *c, uint32_t ea, int arn)
{
    if (__builtin_expect(crosses(ea, 8), 0))
        return vfetch_cross(c, ea, arn, 8);
    return be64(vptr(c, ea, arn, ACC_FETCH));
}
static inline void vstore1(struct cpu *c, uint32_t ea, int arn, uint8_t v)
{
    *vptr(c, ea, arn, ACC_STORE) = v;
}
static inline void vstore2(struct cpu *c, uint32_t ea, int arn, uint16_t v)
{
    if (__builtin_expect(crosses(ea, 2), 0))
        vstore_cross(c, ea, arn, 2, v);
    else
        put_be16(vptr_len(c, ea, arn, ACC_STORE, 2), v);
}
static inline void vstore4(struct cpu *c, uint32_t ea, int arn, uint32_t v)
{
    if (__builtin_expect(crosses(ea, 4), 0))
        vstore_cross(c, ea, arn, 4, v);
    else
        put_be32(vptr_len(c, ea, arn, ACC_STORE, 4), v);
}
static inline void vstore8(struct cpu *c, uint32_t ea, int arn, uint64_t v)
{
    if (__builtin_expect(crosses(ea, 8), 0))
        vstore_cross(c, ea, arn, 8, v);
    else
        put_be64(vptr_len(c, ea, arn, ACC_STORE, 8), v);
}

/*
 * A storage operand of up to 4096 bytes as at most two host pieces; all of
 * it has been checked for `acc` when vspan_get returns, so an instruction
 * can validate every operand before it changes anything.
 */
struct vspan {
    uint8_t *p0, *p1;
    uint32_t n0;        /* bytes in p0; the rest are in p1 */
    uint32_t len;
};

void vspan_get_cross(struct cpu *c, struct vspan *s, uint32_t ea, uint32_t len, int arn, enum acc_type acc);

/* ea must already be an effective address (wrapped to the addressing mode). */
static inline void vspan_get(struct cpu *c, struct vspan *s, uint32_t ea, uint32_t len, int arn,
                             enum acc_type acc)
{
    if (__builtin_expect((ea & ~PAGE_MASK) + len <= PAGE_SIZE, 1)) {
        s->p0 = vptr_len(c, ea, arn, acc, len);
        s->p1 = NULL;
        s->n0 = s->len = len;
        return;
    }
    vspan_get_cross(c, s, ea, len, arn, acc);
}

static inline uint8_t *vspan_at(const struct vspan *s, uint32_t i)
{
    return i < s->n0 ? s->p0 + i : s->p1 + (i - s->n0);
}

/* Copy between a span and host memory. */
void vspan_read(const struct vspan *s, uint8_t *dst);
void vspan_write(const struct vspan *s, const uint8_t *src);

/* Fetch/store `len` (1..4096) bytes of a storage operand. */
void vfetch_bytes(struct cpu *c, uint32_t ea, int arn, uint8_t *dst, uint32_t len);
void vstore_bytes(struct cpu *c, uint32_t ea, int arn, const uint8_t *src, uint32_t len);

/* Real and absolute storage (prefixing applies to real); addressing
   exception when outside storage.  No key protection. */
uint8_t *real_ptr(struct cpu *c, uint32_t real, uint32_t len);
uint8_t *abs_ptr(struct cpu *c, uint32_t abs, uint32_t len);

#endif

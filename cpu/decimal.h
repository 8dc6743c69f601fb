/*
 * Packed-decimal helpers shared by the decimal instructions (decimal.c,
 * pack.c, edit.c) and their unit tests.
 *
 * A packed field of up to 16 bytes (31 digits and a sign) is handled as one
 * right-aligned big-endian 128-bit number.  Everything works on whole words
 * (SWAR) instead of looping over digits: validity checks, BCD addition and
 * subtraction, and the conversions to and from binary (a handful of
 * multiplies) that MP, DP, CVB and CVD need.
 */
#ifndef VM390_CPU_DECIMAL_H
#define VM390_CPU_DECIMAL_H

#include <stdbool.h>
#include <stdint.h>

#include "access.h"

typedef unsigned __int128 u128;

/* A 64-bit nibble pattern repeated in both halves of a 128-bit word. */
#define NIBBLES128(x) ((u128)(x) << 64 | (x))
#define DEC_E16 10000000000000000ull

/* ---- BCD words ---- */

/* Nonzero when a nibble of x is not a decimal digit (A-F: bit 3 together
   with bit 2 or bit 1 of the nibble). */
static inline uint64_t bcd_invalid(uint64_t x)
{
    return x & (x << 1 | x << 2) & 0x8888888888888888ull;
}

/* 16 BCD digits (all valid) to binary: digit pairs, then quads, then
   eights are combined in parallel lanes. */
static inline uint64_t bcd_to_bin(uint64_t x)
{
    x = (x >> 4 & 0x0F0F0F0F0F0F0F0Full) * 10 + (x & 0x0F0F0F0F0F0F0F0Full);
    x = (x >> 8 & 0x00FF00FF00FF00FFull) * 100 + (x & 0x00FF00FF00FF00FFull);
    x = (x >> 16 & 0x0000FFFF0000FFFFull) * 10000 + (x & 0x0000FFFF0000FFFFull);
    return (x >> 32) * 100000000u + (x & 0xFFFFFFFFu);
}

/* The low nibbles of the 8 bytes of x as 8 nibbles (zones dropped). */
static inline uint32_t zoned_to_nibbles(uint64_t x)
{
    x &= 0x0F0F0F0F0F0F0F0Full;
    x = (x | x >> 4) & 0x00FF00FF00FF00FFull;
    x = (x | x >> 8) & 0x0000FFFF0000FFFFull;
    return (uint32_t)(x | x >> 16);
}

/* 8 nibbles as 8 bytes, each with the zone `zone` (0xF0 EBCDIC, 0x30 ASCII). */
static inline uint64_t nibbles_to_zoned(uint32_t v, uint8_t zone)
{
    uint64_t x = v;
    x = (x | x << 16) & 0x0000FFFF0000FFFFull;
    x = (x | x << 8) & 0x00FF00FF00FF00FFull;
    x = (x | x << 4) & 0x0F0F0F0F0F0F0F0Full;
    return x | zone * 0x0101010101010101ull;
}

/* v < 10^8 as 8 BCD digits: split into two 4-digit lanes, divide every
   lane by 100 and then by 10 with multiply-and-shift reciprocals
   (exact for the lane ranges), and squeeze the digit bytes into nibbles. */
static inline uint32_t bcd8(uint32_t v)
{
    uint64_t x = (uint64_t)(v / 10000) << 32 | (v % 10000);
    uint64_t q = (x * 5243 >> 19) & 0x0000007F0000007Full;
    x = (x - q * 100) | q << 16;
    q = (x * 103 >> 10) & 0x000F000F000F000Full;
    x = (x - q * 10) | q << 8;
    return zoned_to_nibbles(x);
}

/* v < 10^16 as 16 BCD digits. */
static inline uint64_t bin_to_bcd(uint64_t v)
{
    return (uint64_t)bcd8((uint32_t)(v / 100000000u)) << 32 | bcd8((uint32_t)(v % 100000000u));
}

static inline uint8_t swap_nibbles(uint8_t b) { return (uint8_t)(b << 4 | b >> 4); }

/* ---- BCD arithmetic on up to 31 digits (right-aligned in 128 bits) ---- */

/* The carry (or borrow) positions between nibbles 0..30. */
#define BCD_NIBBLE_CARRIES (NIBBLES128(0x1111111111111111ull) & ~(u128)1)

/* a + b for a, b < 10^31: a binary add with 6 pre-added to every digit
   (nibbles 0-30) makes decimal carries binary ones; the 6 is taken back
   from every digit that did not carry. */
static inline u128 bcd_add(u128 a, u128 b)
{
    u128 t = a + (NIBBLES128(0x6666666666666666ull) >> 4);
    u128 sum = t + b;
    u128 no_carry = ~(t ^ b ^ sum) & BCD_NIBBLE_CARRIES;
    return sum - (no_carry >> 2 | no_carry >> 3);
}

/* a - b for b <= a < 10^32: every digit that borrowed holds its value + 16
   and needs 6 taken off (which cannot borrow again). */
static inline u128 bcd_sub(u128 a, u128 b)
{
    u128 diff = a - b;
    u128 borrow = (a ^ b ^ diff) & BCD_NIBBLE_CARRIES;
    return diff - (borrow >> 2 | borrow >> 3);
}

/* The same in one machine word for up to 15 digits (fields of up to 8
   bytes, the usual case): 6 pre-added to digits 0-14, carries between them. */
#define BCD64_SIXES   0x0666666666666666ull
#define BCD64_CARRIES 0x1111111111111110ull

static inline uint64_t bcd_add64(uint64_t a, uint64_t b)
{
    uint64_t t = a + BCD64_SIXES;
    uint64_t sum = t + b;
    uint64_t no_carry = ~(t ^ b ^ sum) & BCD64_CARRIES;
    return sum - (no_carry >> 2 | no_carry >> 3);
}

static inline uint64_t bcd_sub64(uint64_t a, uint64_t b)
{
    uint64_t diff = a - b;
    uint64_t borrow = (a ^ b ^ diff) & BCD64_CARRIES;
    return diff - (borrow >> 2 | borrow >> 3);
}

/* Up to 31 BCD digits to binary and binary (< 10^32) to BCD. */
static inline u128 bcd_to_bin128(u128 d)
{
    u128 v = bcd_to_bin((uint64_t)d);
    uint64_t hi = (uint64_t)(d >> 64);
    if (hi)
        v += (u128)bcd_to_bin(hi) * DEC_E16;
    return v;
}

static inline u128 bin_to_bcd128(u128 v)
{
    if (v < DEC_E16)
        return bin_to_bcd((uint64_t)v);
    return (u128)bin_to_bcd((uint64_t)(v / DEC_E16)) << 64 | bin_to_bcd((uint64_t)(v % DEC_E16));
}

/* ---- packed numbers ---- */

/* A packed-decimal number: its digits (BCD, right-aligned) and its sign;
   a negative zero exists. */
struct dec {
    u128 digits;
    bool neg;
};

static inline bool sign_is_minus(unsigned s) { return s == 0xB || s == 0xD; }
static inline bool sign_is_plus(unsigned s) { return s >= 0xA && !sign_is_minus(s); }

/* Decode a packed field held right-aligned in raw; false if a digit or
   the sign code is invalid. */
static inline bool dec_decode(u128 raw, struct dec *d)
{
    unsigned sign = (unsigned)raw & 0xF;
    d->digits = raw >> 4;
    d->neg = sign_is_minus(sign);
    return sign >= 0xA && !bcd_invalid((uint64_t)d->digits) &&
           !bcd_invalid((uint64_t)(d->digits >> 64));
}

/* dec_decode for a field of up to 8 bytes. */
static inline bool dec_decode64(uint64_t raw, struct dec *d)
{
    unsigned sign = (unsigned)raw & 0xF;
    d->digits = raw >> 4;
    d->neg = sign_is_minus(sign);
    return sign >= 0xA && !bcd_invalid(raw >> 4);
}

/* Digits and the preferred sign C or D in packed format (digits beyond
   the field are dropped when the field is stored). */
static inline u128 dec_encode(u128 digits, bool neg)
{
    return digits << 4 | (neg ? 0xD : 0xC);
}

/* ---- fields in storage ---- */

/* A field of len (1..16) bytes as a right-aligned number, and back (the
   low len bytes of v). */
static ALWAYS_INLINE u128 load_field(const uint8_t *p, unsigned len)
{
    if (len <= 8)
        return load_be_n(p, len);
    return (u128)load_be_n(p, len - 8) << 64 | be64(p + len - 8);
}

static ALWAYS_INLINE void store_field(uint8_t *p, unsigned len, u128 v)
{
    if (len <= 8) {
        store_be_n(p, len, (uint64_t)v);
        return;
    }
    store_be_n(p, len - 8, (uint64_t)(v >> 64));
    put_be64(p + len - 8, (uint64_t)v);
}

/* vspan_get for an operand of up to 256 bytes at ea (already wrapped),
   with the usual case (one page, TLB hit) inline. */
static ALWAYS_INLINE void field_get(struct cpu *c, struct vspan *s, uint32_t ea, uint32_t len,
                             int arn, enum acc_type acc)
{
    if (__builtin_expect(crosses(ea, len), 0)) {
        vspan_get(c, s, ea, len, arn, acc);
        return;
    }
    s->p0 = vptr(c, ea, arn, acc);
    s->p1 = NULL;
    s->n0 = s->len = len;
}

/* The same for a storage operand of up to 16 bytes already checked with
   vspan_get (it may lie in two pages). */
static ALWAYS_INLINE u128 span_load(const struct vspan *s)
{
    if (__builtin_expect(s->n0 == s->len, 1))
        return load_field(s->p0, s->len);
    uint8_t buf[16];
    vspan_read(s, buf);
    return load_field(buf, s->len);
}

static ALWAYS_INLINE void span_store(const struct vspan *s, u128 v)
{
    if (__builtin_expect(s->n0 == s->len, 1)) {
        store_field(s->p0, s->len, v);
        return;
    }
    uint8_t buf[16];
    store_field(buf, s->len, v);
    vspan_write(s, buf);
}

#endif

/*
 * Decimal format conversions: PACK, UNPK, MVO, and the extended-
 * translation-2 instructions PKA, PKU, UNPKA, UNPKU.  No digit or sign
 * codes are checked except the signs UNPKA and UNPKU report in the CC.
 *
 * PACK, UNPK and MVO are defined byte by byte from right to left, each
 * result byte stored as soon as the source bytes it needs are fetched, so
 * overlapping operands see earlier result bytes.  Disjoint operands (the
 * usual case) take a whole-field path that gives the same result.
 */
#include "decimal.h"
#include "insn.h"
#include "interrupt.h"

/* ---- operands of PACK, UNPK, MVO ---- */

struct move_operands {
    struct vspan dst, src;
};

static ALWAYS_INLINE void get_move_operands(struct cpu *c, const uint8_t *ip, struct move_operands *o)
{
    field_get(c, &o->src, addr_bd(c, ip + 4), SS_L2(ip) + 1u, BASE(ip + 4), ACC_FETCH);
    field_get(c, &o->dst, addr_bd(c, ip + 2), SS_L1(ip) + 1u, BASE(ip + 2), ACC_STORE);
}

static ALWAYS_INLINE bool ranges_overlap(const uint8_t *a, uint32_t na, const uint8_t *b, uint32_t nb)
{
    uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
    return na && nb && x < y + nb && y < x + na;
}

/* Do the operands share any byte of storage (compared as host memory, so
   aliases of one real page count too)? */
static ALWAYS_INLINE bool operands_overlap(const struct move_operands *o)
{
    const struct vspan *a = &o->dst, *b = &o->src;
    uint32_t a1 = a->len - a->n0, b1 = b->len - b->n0;
    return ranges_overlap(a->p0, a->n0, b->p0, b->n0) || ranges_overlap(a->p0, a->n0, b->p1, b1) ||
           ranges_overlap(a->p1, a1, b->p0, b->n0) || ranges_overlap(a->p1, a1, b->p1, b1);
}

/* Byte i counted from the right end of an operand. */
static inline uint8_t *from_right(const struct vspan *s, uint32_t i)
{
    return vspan_at(s, s->len - 1 - i);
}

/* Source byte i from the right, zero beyond the operand's left end. */
static inline uint8_t src_byte(const struct vspan *s, uint32_t i)
{
    return i < s->len ? *from_right(s, i) : 0;
}

/* ---- PACK ---- */

/* Zoned (right-aligned, up to 16 bytes) to packed: the rightmost byte with
   its halves swapped, then the numeric halves of the other bytes paired. */
static u128 pack_zoned(u128 z)
{
    u128 w = z >> 8;
    uint64_t digits = (uint64_t)zoned_to_nibbles((uint64_t)(w >> 64)) << 32 |
                      zoned_to_nibbles((uint64_t)w);
    return (u128)digits << 8 | swap_nibbles((uint8_t)z);
}

void op_PACK(struct cpu *c, const uint8_t *ip)
{
    struct move_operands o;
    get_move_operands(c, ip, &o);
    if (!operands_overlap(&o)) {
        span_store(&o.dst, pack_zoned(span_load(&o.src)));
        return;
    }
    *from_right(&o.dst, 0) = swap_nibbles(*from_right(&o.src, 0));
    for (uint32_t k = 1; k < o.dst.len; k++) {
        uint8_t lo = src_byte(&o.src, 2 * k - 1) & 0x0F, hi = src_byte(&o.src, 2 * k) & 0x0F;
        *from_right(&o.dst, k) = (uint8_t)(hi << 4 | lo);
    }
}

/* ---- UNPK ---- */

/* Packed (right-aligned) to zoned: the rightmost byte with its halves
   swapped, then one byte with zone F per digit. */
static u128 unpack_zoned(u128 p)
{
    uint64_t q = (uint64_t)(p >> 8);   /* 16 digits fill the largest field */
    u128 z = (u128)nibbles_to_zoned((uint32_t)(q >> 32), 0xF0) << 64 |
             nibbles_to_zoned((uint32_t)q, 0xF0);
    return z << 8 | swap_nibbles((uint8_t)p);
}

void op_UNPK(struct cpu *c, const uint8_t *ip)
{
    struct move_operands o;
    get_move_operands(c, ip, &o);
    if (!operands_overlap(&o)) {
        span_store(&o.dst, unpack_zoned(span_load(&o.src)));
        return;
    }
    /* Two result bytes are stored right after each source byte is fetched. */
    *from_right(&o.dst, 0) = swap_nibbles(*from_right(&o.src, 0));
    for (uint32_t j = 1, k = 1; k < o.dst.len; j++) {
        uint8_t b = src_byte(&o.src, j);
        *from_right(&o.dst, k++) = 0xF0 | (b & 0x0F);
        if (k < o.dst.len)
            *from_right(&o.dst, k++) = 0xF0 | b >> 4;
    }
}

/* ---- MVO ---- */

void op_MVO(struct cpu *c, const uint8_t *ip)
{
    struct move_operands o;
    get_move_operands(c, ip, &o);
    /* The second operand goes left of the first operand's rightmost
       half-byte (its sign), which stays. */
    uint8_t carry = *from_right(&o.dst, 0) & 0x0F;
    if (!operands_overlap(&o)) {
        span_store(&o.dst, span_load(&o.src) << 4 | carry);
        return;
    }
    for (uint32_t k = 0; k < o.dst.len; k++) {
        uint8_t b = src_byte(&o.src, k);
        *from_right(&o.dst, k) = (uint8_t)(b << 4 | carry);
        carry = b >> 4;
    }
}

/* ---- extended-translation facility 2: ASCII and Unicode ---- */

#define PKA_DIGITS 32   /* a 16-byte packed field: 31 digits and the sign */

/* 32 digit bytes (numeric halves used) to a positive 16-byte packed number;
   the leftmost digit does not fit and is dropped. */
static u128 pack_digit_bytes(const uint8_t d[PKA_DIGITS])
{
    u128 digits = 0;
    for (int i = 0; i < PKA_DIGITS; i += 8)
        digits = digits << 32 | zoned_to_nibbles(be64(d + i));
    return digits << 4 | 0xC;
}

static void store_packed16(struct cpu *c, const uint8_t *ip, u128 v)
{
    struct vspan d;
    vspan_get(c, &d, addr_bd(c, ip + 2), 16, BASE(ip + 2), ACC_STORE);
    span_store(&d, v);
}

void op_PKA(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;
    if (len > PKA_DIGITS)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint8_t d[PKA_DIGITS] = {0};
    vfetch_bytes(c, addr_bd(c, ip + 4), BASE(ip + 4), d + PKA_DIGITS - len, len);
    store_packed16(c, ip, pack_digit_bytes(d));
}

void op_PKU(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;   /* bytes: an even number, at most 64 */
    if (len > 2 * PKA_DIGITS || (len & 1))
        cpu_program_check(c, PGM_SPECIFICATION);
    uint8_t u[2 * PKA_DIGITS], d[PKA_DIGITS] = {0};
    vfetch_bytes(c, addr_bd(c, ip + 4), BASE(ip + 4), u, len);
    unsigned n = len / 2;
    for (unsigned i = 0; i < n; i++)
        d[PKA_DIGITS - n + i] = u[2 * i + 1];   /* low byte of each character */
    store_packed16(c, ip, pack_digit_bytes(d));
}

/* The 16-byte packed second operand of UNPKA/UNPKU as 32 ASCII digit bytes
   (the first is a zero extension); the CC tells its sign: 0 plus, 1 minus,
   3 invalid.  Digit codes are not checked. */
static void unpack_ascii_digits(struct cpu *c, const uint8_t *ip, uint8_t a[PKA_DIGITS])
{
    uint8_t p[16];
    vfetch_bytes(c, addr_bd(c, ip + 4), BASE(ip + 4), p, 16);
    unsigned sign = p[15] & 0x0F;
    u128 digits = load_field(p, 16) >> 4;
    for (int i = PKA_DIGITS - 8; i >= 0; i -= 8) {
        put_be64(a + i, nibbles_to_zoned((uint32_t)digits, 0x30));
        digits >>= 32;
    }
    c->cc = sign_is_plus(sign) ? 0 : sign_is_minus(sign) ? 1 : 3;
}

void op_UNPKA(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;
    if (len > PKA_DIGITS)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct vspan d;
    vspan_get(c, &d, addr_bd(c, ip + 2), len, BASE(ip + 2), ACC_STORE);
    uint8_t a[PKA_DIGITS];
    unpack_ascii_digits(c, ip, a);
    vspan_write(&d, a + PKA_DIGITS - len);
}

void op_UNPKU(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;   /* bytes: an even number, at most 64 */
    if (len > 2 * PKA_DIGITS || (len & 1))
        cpu_program_check(c, PGM_SPECIFICATION);
    struct vspan d;
    vspan_get(c, &d, addr_bd(c, ip + 2), len, BASE(ip + 2), ACC_STORE);
    uint8_t a[PKA_DIGITS], u[2 * PKA_DIGITS];
    unpack_ascii_digits(c, ip, a);
    unsigned n = len / 2;
    for (unsigned i = 0; i < n; i++) {
        u[2 * i] = 0;
        u[2 * i + 1] = a[PKA_DIGITS - n + i];
    }
    vspan_write(&d, u);
}

/*
 * The HFP arithmetic engine (see hfp.h).  Fractions are integers of a
 * known number of hexadecimal digits; one extra low-order digit is the
 * guard digit of addition, halving and square root.  Products of extended
 * fractions and square-root radicands need up to 232 bits and use a pair
 * of 128-bit words.
 */
#include "hfp.h"

#define M56 0x00FFFFFFFFFFFFFFull

/* ---- packing ---- */

struct hfp hfp_unpack(enum hfp_fmt f, uint64_t hi, uint64_t lo)
{
    struct hfp x = { .neg = hi >> 63, .expo = (int)(hi >> 56) & 0x7F };
    if (f == HFP_SHORT)
        x.frac = (hi >> 32) & 0xFFFFFF;
    else if (f == HFP_LONG)
        x.frac = hi & M56;
    else
        x.frac = (hfp_frac)(hi & M56) << 56 | (lo & M56);
    return x;
}

void hfp_pack(enum hfp_fmt f, const struct hfp *x, uint64_t *hi, uint64_t *lo)
{
    uint64_t sign = (uint64_t)x->neg << 63;
    uint64_t expo = (uint64_t)(x->expo & 0x7F);
    *lo = 0;
    if (f == HFP_SHORT) {
        *hi = sign | expo << 56 | (uint64_t)x->frac << 32;
        return;
    }
    if (f == HFP_LONG) {
        *hi = sign | expo << 56 | (uint64_t)x->frac;
        return;
    }
    *hi = sign | expo << 56 | (uint64_t)(x->frac >> 56);
    if (x->frac == 0 && x->expo == 0)
        *lo = sign;
    else
        *lo = sign | (uint64_t)((x->expo - 14) & 0x7F) << 56 | ((uint64_t)x->frac & M56);
}

/* ---- fraction helpers ---- */

static inline hfp_frac shift_right_digits(hfp_frac v, int digits)
{
    return digits >= 32 ? 0 : v >> (4 * digits);
}

static inline int top_digit(hfp_frac v, int digits)
{
    return (int)(v >> (4 * (digits - 1))) & 0xF;
}

/* Shift the fraction left until its leftmost digit (of `digits`) is
   nonzero, reducing the characteristic; a zero fraction stays. */
static void normalize(struct hfp *x, int digits)
{
    if (x->frac == 0)
        return;
    while (top_digit(x->frac, digits) == 0) {
        x->frac <<= 4;
        x->expo--;
    }
}

static void true_zero(struct hfp *x)
{
    *x = (struct hfp){ 0 };
}

/* Exponent overflow and underflow of a result with a nonzero fraction:
   overflow always interrupts with the characteristic 128 too small;
   underflow interrupts with it 128 too large only under the
   exponent-underflow mask, otherwise the result is a true zero. */
static int check_range(struct hfp *r, uint32_t pm)
{
    if (r->expo > 127) {
        r->expo &= 0x7F;
        return PGM_HFP_EXP_OVERFLOW;
    }
    if (r->expo < 0) {
        if (pm & PSW_PM_EXPUNF) {
            r->expo &= 0x7F;
            return PGM_HFP_EXP_UNDERFLOW;
        }
        true_zero(r);
    }
    return 0;
}

/* ---- 256-bit helpers for extended products and square roots ---- */

struct wide {
    hfp_frac hi, lo;
};

/* Product of two fractions of at most 116 bits. */
static struct wide mul_wide(hfp_frac a, hfp_frac b)
{
    uint64_t a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64);
    uint64_t b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
    hfp_frac low = (hfp_frac)a0 * b0;
    hfp_frac mid = (hfp_frac)a1 * b0 + (hfp_frac)a0 * b1;   /* < 2^117 */
    struct wide p = { .hi = (hfp_frac)a1 * b1 + (mid >> 64), .lo = low + (mid << 64) };
    if (p.lo < low)
        p.hi++;
    return p;
}

/* The bits of x from `shift` (0 < shift < 256) upwards; they must fit. */
static hfp_frac wide_shr(struct wide x, int shift)
{
    if (shift >= 128)
        return x.hi >> (shift - 128);
    return x.hi << (128 - shift) | x.lo >> shift;
}

static struct wide wide_shl(hfp_frac v, int shift)
{
    if (shift == 0)
        return (struct wide){ 0, v };
    if (shift >= 128)
        return (struct wide){ v << (shift - 128), 0 };
    return (struct wide){ v >> (128 - shift), v << shift };
}

/* Integer square root (rounded down) of a value below 2^232. */
static hfp_frac isqrt_wide(struct wide x)
{
    hfp_frac root = 0, rem = 0;
    for (int i = 127; i >= 0; i--) {
        unsigned pair = (unsigned)(i >= 64 ? x.hi >> (2 * i - 128) : x.lo >> (2 * i)) & 3;
        rem = rem << 2 | pair;
        hfp_frac trial = root << 2 | 1;
        root <<= 1;
        if (rem >= trial) {
            rem -= trial;
            root |= 1;
        }
    }
    return root;
}

/* ---- addition ---- */

/* Sum with one guard digit: the operand with the smaller characteristic is
   shifted right to align (digits beyond the guard digit are lost), a carry
   shifts the sum right one digit.  The result fraction has digits+1 digits. */
static struct hfp add_guarded(const struct hfp *a, const struct hfp *b, bool b_neg, int digits)
{
    hfp_frac fa = a->frac << 4, fb = b->frac << 4;
    struct hfp s = { .expo = a->expo > b->expo ? a->expo : b->expo };
    fa = shift_right_digits(fa, s.expo - a->expo);
    fb = shift_right_digits(fb, s.expo - b->expo);
    if (a->neg == b_neg) {
        s.frac = fa + fb;
        s.neg = a->neg;
    } else if (fa >= fb) {
        s.frac = fa - fb;
        s.neg = a->neg;
    } else {
        s.frac = fb - fa;
        s.neg = b_neg;
    }
    if (s.frac >> (4 * (digits + 1))) {
        s.frac >>= 4;
        s.expo++;
    }
    return s;
}

int hfp_add(struct hfp *r, const struct hfp *a, const struct hfp *b, enum hfp_fmt f,
            unsigned how, uint32_t pm)
{
    bool b_neg = b->neg ^ ((how & HFP_SUBTRACT) != 0);
    *r = add_guarded(a, b, b_neg, f);
    if (how & HFP_NORMALIZE)
        normalize(r, f + 1);
    r->frac >>= 4;
    if (r->frac == 0) {
        /* Significance: under the mask the zero fraction keeps the
           characteristic of the intermediate sum; the sign is plus. */
        r->neg = false;
        if (pm & PSW_PM_SIGNIF)
            return PGM_HFP_SIGNIFICANCE;
        r->expo = 0;
        return 0;
    }
    return check_range(r, pm);
}

uint8_t hfp_compare(const struct hfp *a, const struct hfp *b, enum hfp_fmt f)
{
    struct hfp d = add_guarded(a, b, !b->neg, f);
    return hfp_cc(&d);
}

/* ---- multiplication and division ---- */

int hfp_mul(struct hfp *r, const struct hfp *a, const struct hfp *b, enum hfp_fmt in,
            enum hfp_fmt out, uint32_t pm)
{
    if (a->frac == 0 || b->frac == 0) {
        true_zero(r);
        return 0;
    }
    struct hfp x = *a, y = *b;
    normalize(&x, in);
    normalize(&y, in);
    struct wide p = mul_wide(x.frac, y.frac);   /* 2*in digits */
    r->neg = x.neg != y.neg;
    r->expo = x.expo + y.expo - 64;
    /* Normalized operands leave at most one leading zero digit. */
    int shift = 4 * (2 * in - out);
    if (wide_shr(p, 4 * (2 * in - 1)) == 0) {
        r->expo--;
        shift -= 4;
    }
    r->frac = shift > 0 ? wide_shr(p, shift) : p.lo << -shift;
    return check_range(r, pm);
}

int hfp_div(struct hfp *r, const struct hfp *a, const struct hfp *b, enum hfp_fmt f, uint32_t pm)
{
    if (b->frac == 0)
        return PGM_HFP_DIVIDE;
    if (a->frac == 0) {
        true_zero(r);
        return 0;
    }
    struct hfp x = *a, y = *b;
    normalize(&x, f);
    normalize(&y, f);
    r->neg = x.neg != y.neg;
    r->expo = x.expo - y.expo + 64;
    /* A dividend fraction not below the divisor's gives a quotient
       fraction of one or more: one digit right, characteristic + 1. */
    hfp_frac rem = x.frac, q = 0;
    if (rem >= y.frac)
        r->expo++;
    else
        rem <<= 4;
    for (int i = 0; i < (int)f; i++) {
        hfp_frac digit = rem / y.frac;
        rem = (rem - digit * y.frac) << 4;
        q = q << 4 | digit;
    }
    r->frac = q;
    return check_range(r, pm);
}

/* ---- halve, square root ---- */

int hfp_halve(struct hfp *r, const struct hfp *a, enum hfp_fmt f, uint32_t pm)
{
    if (a->frac == 0) {
        true_zero(r);
        return 0;
    }
    /* The bit shifted out goes into the guard digit, which normalization
       may bring back into the fraction. */
    *r = *a;
    r->frac = (a->frac << 4) >> 1;
    normalize(r, f + 1);
    r->frac >>= 4;
    return check_range(r, pm);
}

int hfp_sqrt(struct hfp *r, const struct hfp *a, enum hfp_fmt f)
{
    if (a->frac == 0) {
        true_zero(r);
        return 0;
    }
    if (a->neg)
        return PGM_HFP_SQRT;
    struct hfp x = *a;
    normalize(&x, f);
    int e = x.expo - 64;
    /* An odd exponent takes one fraction digit into the exponent.  The
       root gets f+1 digits: the last rounds the result. */
    int scale = (e & 1) ? f + 1 : f + 2;
    r->neg = false;
    r->expo = ((e & 1) ? (e + 1) / 2 : e / 2) + 64;
    r->frac = (isqrt_wide(wide_shl(x.frac, 4 * scale)) + 8) >> 4;
    if (r->frac >> (4 * f)) {
        r->frac >>= 4;
        r->expo++;
    }
    return 0;
}

/* ---- multiply and add/subtract ---- */

int hfp_mul_add(struct hfp *r, const struct hfp *a1, const struct hfp *a2, const struct hfp *a3,
                enum hfp_fmt f, bool subtract, uint32_t pm)
{
    /* The intermediate product keeps all 2f digits and an unbounded
       exponent; the first operand, extended with zeros to 2f digits, is
       added with one guard digit; the sum is normalized and truncated. */
    struct hfp p = { 0 }, x = *a2, y = *a3;
    if (x.frac && y.frac) {
        normalize(&x, f);
        normalize(&y, f);
        p.neg = x.neg != y.neg;
        p.expo = x.expo + y.expo - 64;
        p.frac = x.frac * y.frac;
    }
    struct hfp addend = *a1;
    addend.frac <<= 4 * f;
    /* A zero term adds nothing: its characteristic must not cause the
       other term (whose exponent may lie beyond the format) to be shifted. */
    if (addend.frac == 0)
        addend.expo = p.expo;
    if (p.frac == 0)
        p.expo = addend.expo;
    *r = add_guarded(&p, &addend, addend.neg != subtract, 2 * f);
    normalize(r, 2 * f + 1);
    r->frac >>= 4 * (f + 1);
    if (r->frac == 0) {
        true_zero(r);
        return 0;
    }
    return check_range(r, pm);
}

/* ---- rounding and conversions ---- */

int hfp_round(struct hfp *r, const struct hfp *a, enum hfp_fmt from, enum hfp_fmt to)
{
    /* One is added at the leftmost bit dropped; a carry out of the
       fraction shifts it right one digit.  No normalization. */
    int drop = 4 * (from - to);
    *r = *a;
    r->frac = (a->frac + ((hfp_frac)1 << (drop - 1))) >> drop;
    if (r->frac >> (4 * to)) {
        r->frac >>= 4;
        r->expo++;
    }
    return check_range(r, 0);
}

void hfp_integer(struct hfp *r, const struct hfp *a, enum hfp_fmt f)
{
    int fraction_digits = f - (a->expo - 64);   /* digits right of the point */
    *r = *a;
    if (fraction_digits >= (int)f) {
        true_zero(r);
        return;
    }
    if (fraction_digits > 0)
        r->frac = r->frac >> (4 * fraction_digits) << (4 * fraction_digits);
    if (r->frac == 0) {
        true_zero(r);
        return;
    }
    normalize(r, f);
}

void hfp_from_int32(struct hfp *r, int32_t v, enum hfp_fmt f)
{
    if (v == 0) {
        true_zero(r);
        return;
    }
    /* Eight digits of magnitude as an extended fraction, normalized, then
       truncated to the format. */
    uint32_t mag = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
    r->neg = v < 0;
    r->expo = 64 + 8;
    r->frac = (hfp_frac)mag << (4 * (HFP_EXT - 8));
    normalize(r, HFP_EXT);
    r->frac >>= 4 * (HFP_EXT - f);
}

/* Should the truncated magnitude be incremented under rounding method m3?
   `cmp` compares the dropped part with one half (-1, 0, +1). */
static bool round_up(unsigned m3, bool neg, bool odd, int cmp, bool inexact)
{
    switch (m3) {
    case 1: return cmp >= 0;
    case 4: return cmp > 0 || (cmp == 0 && odd);
    case 6: return inexact && !neg;
    case 7: return inexact && neg;
    default: return false;   /* 0, 5: toward zero */
    }
}

uint8_t hfp_to_int32(int32_t *out, const struct hfp *a, enum hfp_fmt f, unsigned m3)
{
    if (a->frac == 0) {
        *out = 0;
        return 0;
    }
    int point = a->expo - 64 - f;   /* value = frac * 16^point */
    hfp_frac mag;
    int cmp = -1;
    bool inexact = false, big = false;
    if (point >= 0) {
        big = point >= 8 || (point > 0 && a->frac >> (128 - 4 * point) != 0);
        mag = big ? 0 : a->frac << (4 * point);
    } else if (-point >= 32) {
        mag = 0;          /* below 1/16: under one half */
        inexact = true;
    } else {
        int bits = -4 * point;
        hfp_frac rest = a->frac & (((hfp_frac)1 << bits) - 1);
        hfp_frac half = (hfp_frac)1 << (bits - 1);
        mag = a->frac >> bits;
        inexact = rest != 0;
        cmp = rest < half ? -1 : rest > half;
    }
    if (round_up(m3, a->neg, mag & 1, cmp, inexact))
        mag++;
    if (big || mag > (a->neg ? 0x80000000u : 0x7FFFFFFFu)) {
        *out = a->neg ? INT32_MIN : INT32_MAX;
        return 3;
    }
    *out = a->neg ? (int32_t)(0u - (uint32_t)mag) : (int32_t)mag;
    return a->neg ? 1 : 2;
}

/*
 * IEEE 754 binary arithmetic with integers (see ieee.h).
 *
 * Operands are unpacked into a sign, a class and, for finite nonzero
 * values, an integer significand of exactly p bits and the exponent of its
 * last bit.  Each operation computes its exact result, or enough of it (a
 * wide significand and a sticky bit for everything beyond), and finish()
 * rounds that once to the destination format.
 */
#include "ieee.h"

typedef unsigned __int128 u128;

const struct ieee_fmt ieee_short = { 8, 24, 127 };
const struct ieee_fmt ieee_long = { 11, 53, 1023 };
const struct ieee_fmt ieee_ext = { 15, 113, 16383 };

enum cls { C_ZERO, C_FINITE, C_INF, C_QNAN, C_SNAN };

struct num {
    int sign;
    enum cls cls;
    int32_t exp;     /* exponent of the last significand bit */
    u128 sig;        /* C_FINITE: exactly p bits */
};

/* A 256-bit unsigned integer, for exact products. */
struct w256 {
    u128 hi, lo;
};

/* ---- bit-field helpers ---- */

static int clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)x);
}

static int bitlen128(u128 x) { return x ? 128 - clz128(x) : 0; }

static int emin(const struct ieee_fmt *f) { return 1 - f->bias; }
static int fbits(const struct ieee_fmt *f) { return f->p - 1; }
static u128 frac_mask(const struct ieee_fmt *f) { return ((u128)1 << fbits(f)) - 1; }
static unsigned exp_ones(const struct ieee_fmt *f) { return (1u << f->ebits) - 1; }

ieee_bits ieee_sign_bit(const struct ieee_fmt *f) { return (u128)1 << (f->ebits + fbits(f)); }

static u128 quiet_bit(const struct ieee_fmt *f) { return (u128)1 << (f->p - 2); }

static u128 pack(const struct ieee_fmt *f, int sign, unsigned bexp, u128 frac)
{
    return (sign ? ieee_sign_bit(f) : 0) | (u128)bexp << fbits(f) | frac;
}

static u128 zero(const struct ieee_fmt *f, int sign) { return pack(f, sign, 0, 0); }
static u128 inf(const struct ieee_fmt *f, int sign) { return pack(f, sign, exp_ones(f), 0); }
static u128 default_nan(const struct ieee_fmt *f) { return pack(f, 0, exp_ones(f), quiet_bit(f)); }
static u128 largest(const struct ieee_fmt *f, int sign)
{
    return pack(f, sign, exp_ones(f) - 1, frac_mask(f));
}

static struct num unpack(const struct ieee_fmt *f, u128 x)
{
    struct num n = { .sign = (x & ieee_sign_bit(f)) != 0 };
    unsigned bexp = (unsigned)(x >> fbits(f)) & exp_ones(f);
    u128 frac = x & frac_mask(f);
    if (bexp == exp_ones(f)) {
        n.cls = !frac ? C_INF : (frac & quiet_bit(f)) ? C_QNAN : C_SNAN;
    } else if (bexp == 0) {
        if (!frac) {
            n.cls = C_ZERO;
        } else {
            int shift = f->p - bitlen128(frac);
            n.cls = C_FINITE;
            n.sig = frac << shift;
            n.exp = emin(f) - fbits(f) - shift;
        }
    } else {
        n.cls = C_FINITE;
        n.sig = frac | (u128)1 << fbits(f);
        n.exp = (int32_t)bexp - f->bias - fbits(f);
    }
    return n;
}

static bool is_nan(const struct num *n) { return n->cls >= C_QNAN; }

/* The NaN result of an operation on ops[0..count-1], at least one a NaN:
   the first signaling NaN made quiet (invalid), else the first quiet. */
static u128 pick_nan(const struct ieee_fmt *f, struct ieee_env *e, const u128 *ops, int count)
{
    int quiet = -1;
    for (int i = 0; i < count; i++) {
        enum cls k = unpack(f, ops[i]).cls;
        if (k == C_SNAN) {
            e->flags |= IEEE_INVALID;
            return ops[i] | quiet_bit(f);
        }
        if (k == C_QNAN && quiet < 0)
            quiet = i;
    }
    return ops[quiet];
}

static u128 invalid(const struct ieee_fmt *f, struct ieee_env *e)
{
    e->flags |= IEEE_INVALID;
    return default_nan(f);
}

/* If a or b is a NaN: the NaN result of an operation on them in *r. */
static bool nan_operand(const struct ieee_fmt *f, struct ieee_env *e, u128 a, u128 b, u128 *r)
{
    if (!ieee_is_nan(f, a) && !ieee_is_nan(f, b))
        return false;
    u128 ops[2] = { a, b };
    *r = pick_nan(f, e, ops, 2);
    return true;
}

/* v >> d with the bits shifted out ORed into bit 0 ("jamming"), so that
   they still count for rounding. */
static u128 shr_jam(u128 v, int d)
{
    if (d <= 0)
        return v;
    if (d >= 128)
        return v != 0;
    return v >> d | ((v << (128 - d)) != 0);
}

/* ---- 256-bit helpers ---- */

static struct w256 mul_wide(u128 a, u128 b)
{
    uint64_t a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64);
    uint64_t b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
    u128 p00 = (u128)a0 * b0, p01 = (u128)a0 * b1, p10 = (u128)a1 * b0, p11 = (u128)a1 * b1;
    u128 mid = (p00 >> 64) + (uint64_t)p01 + (uint64_t)p10;
    return (struct w256){ p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64), mid << 64 | (uint64_t)p00 };
}

static int bitlen256(struct w256 v) { return v.hi ? 128 + bitlen128(v.hi) : bitlen128(v.lo); }

static struct w256 shl256(struct w256 v, int d)
{
    if (d <= 0)
        return v;
    if (d >= 128)
        return (struct w256){ v.lo << (d - 128), 0 };
    return (struct w256){ v.hi << d | v.lo >> (128 - d), v.lo << d };
}

static struct w256 shr256_jam(struct w256 v, int d)
{
    if (d <= 0)
        return v;
    if (d >= 256)
        return (struct w256){ 0, (v.hi | v.lo) != 0 };
    if (d >= 128)
        return (struct w256){ 0, shr_jam(v.hi, d - 128) | (v.lo != 0) };
    return (struct w256){ v.hi >> d, (v.hi << (128 - d) | v.lo >> d) | ((v.lo << (128 - d)) != 0) };
}

static bool ge256(struct w256 a, struct w256 b) { return a.hi != b.hi ? a.hi > b.hi : a.lo >= b.lo; }

static struct w256 add256(struct w256 a, struct w256 b)
{
    u128 lo = a.lo + b.lo;
    return (struct w256){ a.hi + b.hi + (lo < a.lo), lo };
}

static struct w256 sub256(struct w256 a, struct w256 b)
{
    return (struct w256){ a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo };
}

/* The leading 128 bits of v (nonzero); *exp grows by the bits dropped,
   which go into *sticky. */
static u128 narrow(struct w256 v, int32_t *exp, bool *sticky)
{
    int drop = bitlen256(v) - 128;
    if (drop <= 0) {
        *sticky = false;
        return v.lo;
    }
    struct w256 low = shl256(v, 256 - drop);
    *sticky = (low.hi | low.lo) != 0;
    *exp += drop;
    return v.hi << (128 - drop) | v.lo >> drop;
}

/* ---- rounding ---- */

/* Round sig (its leading bit at bit 127; sticky: nonzero bits below) to
   its leading n bits, n < 128 and possibly <= 0.  Returns those bits as an
   integer, which may have carried up to 2**n; adds inexact/incremented to
   *fl. */
static u128 round_top(u128 sig, bool sticky, int n, int sign, int rm, uint8_t *fl)
{
    u128 kept = 0, rest = sig;          /* rest: the discarded bits, left-aligned */
    if (n > 0) {
        kept = sig >> (128 - n);
        rest = sig << n;
    } else if (n < 0) {
        sticky |= sig != 0;
        rest = 0;
    }
    bool half = rest >> 127, below = (rest << 1) != 0 || sticky;
    if (!half && !below)
        return kept;
    bool up;
    switch (rm) {
    case IEEE_RNE: up = half && (below || (kept & 1)); break;
    case IEEE_RNA: up = half; break;
    case IEEE_RP:  up = !sign; break;
    case IEEE_RM:  up = sign; break;
    default:       up = false; break;
    }
    *fl |= IEEE_INEXACT | (up ? IEEE_INCREMENTED : 0);
    return kept + up;
}

/* The scale factor for a trapped overflow or underflow: 3/2 of (bias + 1)
   for arithmetic (192, 1536, 24576); when a narrowing conversion delivers
   its result in the source format, half of (source bias + 1) (512, 8192). */
static int32_t trap_scale(const struct ieee_fmt *f, const struct ieee_fmt *sf)
{
    return sf == f ? 3 << (f->ebits - 2) : 1 << (sf->ebits - 2);
}

/* Round (-1)**sign * (sig + sticky) * 2**exp, sig nonzero, to f.  A
   trapped overflow or underflow delivers the result rounded to f's
   precision in format sf with its exponent scaled into sf's range. */
static u128 finish(const struct ieee_fmt *f, struct ieee_env *e, int sign, int32_t exp, u128 sig,
                   bool sticky, const struct ieee_fmt *sf)
{
    int lz = clz128(sig);
    sig <<= lz;
    int32_t top = exp - lz + 127;       /* exponent of the leading bit */
    uint8_t fl = 0;
    bool tiny = top < emin(f);
    if (tiny && !(e->traps & IEEE_UNDERFLOW)) {
        /* Denormalize: round at the bit worth 2**(Emin - p + 1). */
        u128 k = round_top(sig, sticky, f->p - (emin(f) - top), sign, e->rm, &fl);
        e->flags |= fl | (fl ? IEEE_UNDERFLOW : 0);
        return pack(f, sign, 0, k);     /* a carry into the exponent field gives Nmin */
    }
    u128 k = round_top(sig, sticky, f->p, sign, e->rm, &fl);
    if (k >> f->p) {
        k >>= 1;
        top++;
    }
    bool huge = top > f->bias;
    if (tiny || (huge && (e->traps & IEEE_OVERFLOW))) {
        int32_t scale = trap_scale(f, sf);
        e->flags |= fl | (tiny ? IEEE_UNDERFLOW : IEEE_OVERFLOW);
        k <<= sf->p - f->p;
        return pack(sf, sign, (unsigned)(top + (tiny ? scale : -scale) + sf->bias), k & frac_mask(sf));
    }
    if (huge) {
        bool to_inf = e->rm == IEEE_RNE || e->rm == IEEE_RNA ||
                      (e->rm == IEEE_RP && !sign) || (e->rm == IEEE_RM && sign);
        e->flags |= IEEE_OVERFLOW | IEEE_INEXACT | (to_inf ? IEEE_INCREMENTED : 0);
        return to_inf ? inf(f, sign) : largest(f, sign);
    }
    e->flags |= fl;
    return pack(f, sign, (unsigned)(top + f->bias), k & frac_mask(f));
}

/* A finite value that needs no rounding still goes through finish(): a
   subnormal result is tiny, which an enabled underflow trap reports. */
static u128 exact(const struct ieee_fmt *f, struct ieee_env *e, const struct num *n)
{
    return finish(f, e, n->sign, n->exp, n->sig, false, f);
}

ieee_bits ieee_make(const struct ieee_fmt *f, struct ieee_env *e, int sign, int32_t exp,
                    ieee_bits sig)
{
    return finish(f, e, sign, exp, sig, false, f);
}

/* The integer nearest to (-1)**sign * sig * 2**exp under rm (sig of up to
   127 bits, sticky: more nonzero bits below it); the magnitude must be
   below 2**126. */
static u128 to_integer(int sign, int32_t exp, u128 sig, bool sticky, int rm, uint8_t *fl)
{
    if (exp >= 0)
        return sig << exp;
    int len = bitlen128(sig);
    return round_top(sig << (128 - len), sticky, len + exp, sign, rm, fl);
}

/* ---- classification ---- */

unsigned ieee_class(const struct ieee_fmt *f, ieee_bits x)
{
    struct num n = unpack(f, x);
    unsigned bit;
    switch (n.cls) {
    case C_ZERO:   bit = IEEE_CLASS_ZERO; break;
    case C_INF:    bit = IEEE_CLASS_INF; break;
    case C_QNAN:   bit = IEEE_CLASS_QNAN; break;
    case C_SNAN:   bit = IEEE_CLASS_SNAN; break;
    default:
        bit = (x >> fbits(f)) & exp_ones(f) ? IEEE_CLASS_NORMAL : IEEE_CLASS_SUBNORMAL;
        break;
    }
    return bit >> n.sign;
}

bool ieee_is_nan(const struct ieee_fmt *f, ieee_bits x)
{
    struct num n = unpack(f, x);
    return is_nan(&n);
}

int ieee_cc(const struct ieee_fmt *f, ieee_bits x)
{
    struct num n = unpack(f, x);
    return is_nan(&n) ? 3 : n.cls == C_ZERO ? 0 : n.sign ? 1 : 2;
}

enum ieee_kind ieee_split(const struct ieee_fmt *f, ieee_bits x, int *sign, int32_t *exp,
                          ieee_bits *sig)
{
    struct num n = unpack(f, x);
    *sign = n.sign;
    *exp = n.exp;
    *sig = n.sig;
    return n.cls == C_ZERO ? IEEE_K_ZERO : n.cls == C_FINITE ? IEEE_K_FINITE
         : n.cls == C_INF ? IEEE_K_INF : IEEE_K_NAN;
}

ieee_bits ieee_test(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits x)
{
    return unpack(f, x).cls == C_SNAN ? pick_nan(f, e, &x, 1) : x;
}

/* ---- addition ---- */

static u128 add_finite(const struct ieee_fmt *f, struct ieee_env *e, struct num x, struct num y)
{
    /* Ten guard bits below the last bit of the operand with the larger
       exponent; the smaller one is aligned to it with jamming. */
    enum { GUARD = 10 };
    if (x.exp < y.exp) {
        struct num t = x;
        x = y;
        y = t;
    }
    u128 xs = x.sig << GUARD, ys = shr_jam(y.sig << GUARD, x.exp - y.exp);
    u128 sum;
    int sign = x.sign;
    if (x.sign == y.sign) {
        sum = xs + ys;
    } else if (xs >= ys) {
        sum = xs - ys;
    } else {
        sum = ys - xs;
        sign = y.sign;
    }
    if (!sum)   /* exact cancellation: +0, or -0 when rounding toward -inf */
        return zero(f, e->rm == IEEE_RM);
    return finish(f, e, sign, x.exp - GUARD, sum, false, f);
}

static u128 add_signed(const struct ieee_fmt *f, struct ieee_env *e, u128 a, u128 b, int negate_b)
{
    struct num x = unpack(f, a), y = unpack(f, b);
    u128 r;
    if (nan_operand(f, e, a, b, &r))
        return r;
    y.sign ^= negate_b;
    if (x.cls == C_INF || y.cls == C_INF) {
        if (x.cls == C_INF && y.cls == C_INF && x.sign != y.sign)
            return invalid(f, e);
        return inf(f, x.cls == C_INF ? x.sign : y.sign);
    }
    if (x.cls == C_ZERO && y.cls == C_ZERO)
        return zero(f, x.sign == y.sign ? x.sign : e->rm == IEEE_RM);
    if (x.cls == C_ZERO)
        return exact(f, e, &y);
    if (y.cls == C_ZERO)
        return exact(f, e, &x);
    return add_finite(f, e, x, y);
}

ieee_bits ieee_add(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b)
{
    return add_signed(f, e, a, b, 0);
}

ieee_bits ieee_sub(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b)
{
    return add_signed(f, e, a, b, 1);
}

/* ---- multiplication ---- */

ieee_bits ieee_mul(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b)
{
    struct num x = unpack(f, a), y = unpack(f, b);
    int sign = x.sign ^ y.sign;
    u128 r;
    if (nan_operand(f, e, a, b, &r))
        return r;
    if (x.cls == C_INF || y.cls == C_INF) {
        if (x.cls == C_ZERO || y.cls == C_ZERO)
            return invalid(f, e);
        return inf(f, sign);
    }
    if (x.cls == C_ZERO || y.cls == C_ZERO)
        return zero(f, sign);
    int32_t exp = x.exp + y.exp;
    bool sticky;
    u128 sig = narrow(mul_wide(x.sig, y.sig), &exp, &sticky);
    return finish(f, e, sign, exp, sig, sticky, f);
}

ieee_bits ieee_mul_wide(const struct ieee_fmt *to, const struct ieee_fmt *from, struct ieee_env *e,
                        ieee_bits a, ieee_bits b)
{
    /* NaNs are chosen in the source format, so that a signaling NaN keeps
       its precedence over a quiet one; every other product is exact. */
    u128 r;
    if (nan_operand(from, e, a, b, &r))
        return ieee_convert(to, from, e, r);
    return ieee_mul(to, e, ieee_convert(to, from, e, a), ieee_convert(to, from, e, b));
}

/* ---- division ---- */

/* floor(a * 2**k / b) for p-bit significands (a < 2b); *rest: nonzero
   remainder. */
static u128 divide_sig(u128 a, u128 b, int k, bool *rest)
{
    if (bitlen128(a) + k < 128) {
        u128 n = a << k;
        *rest = n % b != 0;
        return n / b;
    }
    u128 q = a >= b, r = a - (q ? b : 0);
    for (int i = 0; i < k; i++) {
        r <<= 1;
        q <<= 1;
        if (r >= b) {
            r -= b;
            q |= 1;
        }
    }
    *rest = r != 0;
    return q;
}

/* The quotient of two finite nonzero numbers with p + 3 or more bits and a
   sticky bit: x / y = (q + sticky) * 2**exp. */
static u128 quotient(const struct ieee_fmt *f, const struct num *x, const struct num *y,
                     int32_t *exp, bool *sticky)
{
    int k = f->p + 3;
    *exp = x->exp - y->exp - k;
    return divide_sig(x->sig, y->sig, k, sticky);
}

ieee_bits ieee_div(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b)
{
    struct num x = unpack(f, a), y = unpack(f, b);
    int sign = x.sign ^ y.sign;
    u128 r;
    if (nan_operand(f, e, a, b, &r))
        return r;
    if ((x.cls == C_INF && y.cls == C_INF) || (x.cls == C_ZERO && y.cls == C_ZERO))
        return invalid(f, e);
    if (x.cls == C_INF || y.cls == C_ZERO) {
        if (x.cls != C_INF)
            e->flags |= IEEE_DIVBYZERO;
        return inf(f, sign);
    }
    if (x.cls == C_ZERO || y.cls == C_INF)
        return zero(f, sign);
    int32_t exp;
    bool sticky;
    u128 q = quotient(f, &x, &y, &exp, &sticky);
    return finish(f, e, sign, exp, q, sticky, f);
}

/* ---- square root ---- */

/* The integer square root of v, with *rest: not exact. */
static u128 isqrt256(struct w256 v, bool *rest)
{
    u128 root = 0, rem = 0;
    for (int i = (bitlen256(v) + 1) / 2 - 1; i >= 0; i--) {
        int bit = 2 * i;
        u128 two = bit >= 128 ? v.hi >> (bit - 128) & 3 : v.lo >> bit & 3;
        u128 trial;
        rem = rem << 2 | two;
        trial = root << 2 | 1;
        root <<= 1;
        if (rem >= trial) {
            rem -= trial;
            root |= 1;
        }
    }
    *rest = rem != 0;
    return root;
}

ieee_bits ieee_sqrt(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a)
{
    struct num x = unpack(f, a);
    if (is_nan(&x))
        return pick_nan(f, e, &a, 1);
    if (x.cls == C_ZERO)
        return a;
    if (x.sign)
        return invalid(f, e);
    if (x.cls == C_INF)
        return a;
    /* An even exponent, and 2k more bits so that the root has p + 3. */
    int k = (f->p + 7) / 2;
    if (x.exp & 1) {
        x.sig <<= 1;
        x.exp--;
    }
    bool rest;
    u128 root = isqrt256(shl256((struct w256){ 0, x.sig }, 2 * k), &rest);
    return finish(f, e, 0, (x.exp - 2 * k) / 2, root, rest, f);
}

/* ---- fused multiply and add ---- */

/* x * y + z for numbers that are finite or zero, exactly, then rounded. */
static u128 fma_nums(const struct ieee_fmt *f, struct ieee_env *e, const struct num *x,
                     const struct num *y, const struct num *z)
{
    int psign = x->sign ^ y->sign;
    if (x->cls == C_ZERO || y->cls == C_ZERO) {
        if (z->cls == C_ZERO)
            return zero(f, psign == z->sign ? psign : e->rm == IEEE_RM);
        return exact(f, e, z);
    }
    struct w256 p = mul_wide(x->sig, y->sig);
    int32_t pexp = x->exp + y->exp;
    if (z->cls == C_ZERO) {
        bool sticky;
        u128 sig = narrow(p, &pexp, &sticky);
        return finish(f, e, psign, pexp, sig, sticky, f);
    }
    /* Put the operand with the higher leading bit at bit 253 (at least 28
       guard bits below its last bit) and align the other to it. */
    struct w256 big = p, small = { 0, z->sig };
    int32_t bexp = pexp, sexp = z->exp;
    int bsign = psign, ssign = z->sign;
    if (z->exp + bitlen128(z->sig) > pexp + bitlen256(p)) {
        big = small;
        small = p;
        bexp = z->exp;
        sexp = pexp;
        bsign = z->sign;
        ssign = psign;
    }
    int up = 254 - bitlen256(big);
    big = shl256(big, up);
    bexp -= up;
    small = sexp >= bexp ? shl256(small, sexp - bexp) : shr256_jam(small, bexp - sexp);
    struct w256 sum;
    int sign = bsign;
    if (bsign == ssign) {
        sum = add256(big, small);
    } else if (ge256(big, small)) {
        sum = sub256(big, small);
    } else {
        sum = sub256(small, big);
        sign = ssign;
    }
    if (!sum.hi && !sum.lo)
        return zero(f, e->rm == IEEE_RM);
    bool sticky;
    u128 sig = narrow(sum, &bexp, &sticky);
    return finish(f, e, sign, bexp, sig, sticky, f);
}

ieee_bits ieee_fma(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b,
                   ieee_bits c, bool subtract)
{
    struct num x = unpack(f, a), y = unpack(f, b), z = unpack(f, c);
    bool inf_zero = (x.cls == C_INF && y.cls == C_ZERO) || (x.cls == C_ZERO && y.cls == C_INF);
    if (inf_zero)
        return invalid(f, e);
    if (is_nan(&x) || is_nan(&y) || is_nan(&z)) {
        u128 ops[3] = { a, b, c };
        return pick_nan(f, e, ops, 3);
    }
    z.sign ^= subtract;
    int psign = x.sign ^ y.sign;
    if (x.cls == C_INF || y.cls == C_INF) {
        if (z.cls == C_INF && z.sign != psign)
            return invalid(f, e);
        return inf(f, psign);
    }
    if (z.cls == C_INF)
        return inf(f, z.sign);
    return fma_nums(f, e, &x, &y, &z);
}

/* ---- conversions ---- */

ieee_bits ieee_convert(const struct ieee_fmt *to, const struct ieee_fmt *from, struct ieee_env *e,
                       ieee_bits v)
{
    struct num x = unpack(from, v);
    switch (x.cls) {
    case C_ZERO:
        return zero(to, x.sign);
    case C_INF:
        return inf(to, x.sign);
    case C_QNAN:
    case C_SNAN: {
        /* The payload keeps its leading bits. */
        u128 frac = pick_nan(from, e, &v, 1) & frac_mask(from);
        frac = to->p >= from->p ? frac << (to->p - from->p) : frac >> (from->p - to->p);
        return pack(to, x.sign, exp_ones(to), frac);
    }
    default:
        return finish(to, e, x.sign, x.exp, x.sig, false, from);
    }
}

ieee_bits ieee_round_int(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits v)
{
    struct num x = unpack(f, v);
    if (is_nan(&x))
        return pick_nan(f, e, &v, 1);
    if (x.cls != C_FINITE || x.exp >= 0)
        return v;
    u128 k = to_integer(x.sign, x.exp, x.sig, false, e->rm, &e->flags);
    return k ? finish(f, e, x.sign, 0, k, false, f) : zero(f, x.sign);
}

int32_t ieee_to_i32(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits v)
{
    struct num x = unpack(f, v);
    uint8_t fl = 0;
    u128 k = 0;
    switch (x.cls) {
    case C_ZERO:
        return 0;
    case C_FINITE:
        if (x.exp + f->p <= 64) {
            k = to_integer(x.sign, x.exp, x.sig, false, e->rm, &fl);
            if (k <= (x.sign ? (u128)1 << 31 : ((u128)1 << 31) - 1)) {
                e->flags |= fl;
                return x.sign ? (int32_t)(0 - (uint32_t)k) : (int32_t)k;
            }
        }
        break;
    default:
        break;
    }
    e->flags |= IEEE_INVALID | IEEE_INEXACT;
    return is_nan(&x) || x.sign ? INT32_MIN : INT32_MAX;
}

ieee_bits ieee_from_i32(const struct ieee_fmt *f, struct ieee_env *e, int32_t v)
{
    if (!v)
        return zero(f, 0);
    uint32_t mag = v < 0 ? 0 - (uint32_t)v : (uint32_t)v;
    return finish(f, e, v < 0, 0, mag, false, f);
}

/* ---- comparison ---- */

int ieee_compare(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b,
                 bool signaling)
{
    struct num x = unpack(f, a), y = unpack(f, b);
    if (is_nan(&x) || is_nan(&y)) {
        if (signaling || x.cls == C_SNAN || y.cls == C_SNAN)
            e->flags |= IEEE_INVALID;
        return 3;
    }
    u128 ma = a & ~ieee_sign_bit(f), mb = b & ~ieee_sign_bit(f);
    if (ma == 0 && mb == 0)
        return 0;
    if (x.sign != y.sign)
        return x.sign ? 1 : 2;
    if (ma == mb)
        return 0;
    return (ma < mb) != x.sign ? 1 : 2;
}

/* ---- divide to integer ---- */

int ieee_divint(const struct ieee_fmt *f, struct ieee_env *e, int rm_quot, ieee_bits a, ieee_bits b,
                ieee_bits *rem, ieee_bits *quot)
{
    struct num x = unpack(f, a), y = unpack(f, b);
    int qsign = x.sign ^ y.sign;
    if (nan_operand(f, e, a, b, rem)) {
        *quot = *rem;
        return 1;
    }
    if (x.cls == C_INF || y.cls == C_ZERO) {
        *rem = *quot = invalid(f, e);
        return 1;
    }
    if (x.cls == C_ZERO || y.cls == C_INF) {
        *rem = a;
        *quot = zero(f, qsign);
        return 0;
    }
    /* The quotient with at least three bits beyond the format precision. */
    int32_t qexp;
    bool sticky;
    u128 q = quotient(f, &x, &y, &qexp, &sticky);
    int qtop = qexp + bitlen128(q) - 1;
    uint8_t ignored = 0;
    struct num n = { .sign = qsign ^ 1, .cls = C_FINITE };   /* -n, for r = a + (-n) * b */
    int cc = 0;
    if (qtop >= f->p) {
        /* |q| >= 2**p: the quotient truncated to p bits, which is the
           precise quotient itself if that is an integer; partial results
           otherwise. */
        uint8_t fl = 0;
        int len = bitlen128(q);
        n.sig = round_top(q << (128 - len), sticky, f->p, qsign, IEEE_RZ, &fl);
        n.exp = qtop - (f->p - 1);
        cc = fl ? 2 : 0;
    } else {
        n.sig = to_integer(qsign, qexp, q, sticky, rm_quot, &ignored);
        n.exp = 0;
        if (!n.sig)
            n.cls = C_ZERO;
    }
    /* The remainder; a zero one has the sign of the dividend. */
    *rem = fma_nums(f, e, &n, &y, &x);
    if (ieee_cc(f, *rem) == 0)
        *rem = zero(f, x.sign);
    if (n.cls == C_ZERO) {
        *quot = zero(f, qsign);
        return cc;
    }
    struct ieee_env qe = { .rm = IEEE_RZ, .traps = IEEE_OVERFLOW };
    *quot = finish(f, &qe, qsign, n.exp, n.sig, false, f);
    return cc | ((qe.flags & IEEE_OVERFLOW) != 0);
}

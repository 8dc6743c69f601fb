/*
 * The software IEEE engine (cpu/ieee.c).  Expected bit patterns are worked
 * out from IEEE 754 and SA22-7201 chapter 19 (tininess before rounding,
 * scaled trap results, NaN precedence); the comment at each case gives the
 * exact value being rounded.
 */
#include "cpu/ieee.h"
#include "unit.h"

#define S (&ieee_short)
#define L (&ieee_long)
#define XT (&ieee_ext)

/* Flag shorthands. */
#define V IEEE_INVALID
#define Z IEEE_DIVBYZERO
#define O IEEE_OVERFLOW
#define U IEEE_UNDERFLOW
#define X IEEE_INEXACT
#define I IEEE_INCREMENTED

enum { RNE = IEEE_RNE, RZ = IEEE_RZ, RP = IEEE_RP, RM = IEEE_RM, RNA = IEEE_RNA };

typedef ieee_bits binop_fn(const struct ieee_fmt *, struct ieee_env *, ieee_bits, ieee_bits);

struct res {
    ieee_bits v;
    uint8_t fl;
};

static ieee_bits Q(uint64_t hi, uint64_t lo) { return (ieee_bits)hi << 64 | lo; }

static struct res bin(binop_fn *fn, const struct ieee_fmt *f, int rm, uint8_t traps, ieee_bits a,
                      ieee_bits b)
{
    struct ieee_env e = { .rm = (uint8_t)rm, .traps = traps };
    ieee_bits v = fn(f, &e, a, b);
    return (struct res){ v, e.flags };
}

static struct res fused(const struct ieee_fmt *f, int rm, ieee_bits a, ieee_bits b, ieee_bits c, bool sub)
{
    struct ieee_env e = { .rm = (uint8_t)rm };
    ieee_bits v = ieee_fma(f, &e, a, b, c, sub);
    return (struct res){ v, e.flags };
}

static struct res sqrt_(const struct ieee_fmt *f, int rm, ieee_bits a)
{
    struct ieee_env e = { .rm = (uint8_t)rm };
    ieee_bits v = ieee_sqrt(f, &e, a);
    return (struct res){ v, e.flags };
}

static struct res conv(const struct ieee_fmt *to, const struct ieee_fmt *from, int rm, uint8_t traps,
                       ieee_bits a)
{
    struct ieee_env e = { .rm = (uint8_t)rm, .traps = traps };
    ieee_bits v = ieee_convert(to, from, &e, a);
    return (struct res){ v, e.flags };
}

static struct res rint_(const struct ieee_fmt *f, int rm, ieee_bits a)
{
    struct ieee_env e = { .rm = (uint8_t)rm };
    ieee_bits v = ieee_round_int(f, &e, a);
    return (struct res){ v, e.flags };
}

static struct res to_i32(const struct ieee_fmt *f, int rm, ieee_bits a)
{
    struct ieee_env e = { .rm = (uint8_t)rm };
    int32_t v = ieee_to_i32(f, &e, a);
    return (struct res){ (uint32_t)v, e.flags };
}

static struct res from_i32(const struct ieee_fmt *f, int rm, int32_t a)
{
    struct ieee_env e = { .rm = (uint8_t)rm };
    ieee_bits v = ieee_from_i32(f, &e, a);
    return (struct res){ v, e.flags };
}

#define EXPECT(call, want, flags)                                   \
    do {                                                            \
        struct res r_ = (call);                                     \
        CU_ASSERT_TRUE(r_.v == (ieee_bits)(want));                  \
        CU_ASSERT_EQUAL(r_.fl, (flags));                            \
    } while (0)

/* 1 + 2**-24 lies halfway between 1 and 1 + 2**-23 (the next float). */
static void test_add_ties_and_directions(void)
{
    EXPECT(bin(ieee_add, S, RNE, 0, 0x3F800000, 0x3F800000), 0x40000000, 0);
    EXPECT(bin(ieee_add, S, RNE, 0, 0x3F800000, 0x33800000), 0x3F800000, X);
    EXPECT(bin(ieee_add, S, RNA, 0, 0x3F800000, 0x33800000), 0x3F800001, X | I);
    EXPECT(bin(ieee_add, S, RZ, 0, 0x3F800000, 0x33800000), 0x3F800000, X);
    EXPECT(bin(ieee_add, S, RP, 0, 0x3F800000, 0x33800000), 0x3F800001, X | I);
    EXPECT(bin(ieee_add, S, RM, 0, 0x3F800000, 0x33800000), 0x3F800000, X);
    /* -(1 + 2**-24): the directed modes act on the value, not the magnitude */
    EXPECT(bin(ieee_add, S, RNE, 0, 0xBF800000, 0xB3800000), 0xBF800000, X);
    EXPECT(bin(ieee_add, S, RM, 0, 0xBF800000, 0xB3800000), 0xBF800001, X | I);
    EXPECT(bin(ieee_add, S, RP, 0, 0xBF800000, 0xB3800000), 0xBF800000, X);
    EXPECT(bin(ieee_add, S, RNA, 0, 0xBF800000, 0xB3800000), 0xBF800001, X | I);
    /* (1 + 2**-23) + 2**-24: a tie again, now the even neighbour is above */
    EXPECT(bin(ieee_add, S, RNE, 0, 0x3F800001, 0x33800000), 0x3F800002, X | I);
    /* 1 + 1.5 * 2**-24 is above the half: nearest rounds up */
    EXPECT(bin(ieee_add, S, RNE, 0, 0x3F800000, 0x33C00000), 0x3F800001, X | I);
    EXPECT(bin(ieee_add, S, RZ, 0, 0x3F800000, 0x33C00000), 0x3F800000, X);
    /* subtraction of nearly equal values is exact: 1 - (1 - 2**-24) */
    EXPECT(bin(ieee_sub, S, RNE, 0, 0x3F800000, 0x3F7FFFFF), 0x33800000, 0);
}

static void test_add_zeros_and_infinities(void)
{
    EXPECT(bin(ieee_sub, S, RNE, 0, 0x3F800000, 0x3F800000), 0x00000000, 0);
    EXPECT(bin(ieee_sub, S, RM, 0, 0x3F800000, 0x3F800000), 0x80000000, 0);
    EXPECT(bin(ieee_add, S, RNE, 0, 0x80000000, 0x80000000), 0x80000000, 0);
    EXPECT(bin(ieee_add, S, RNE, 0, 0x00000000, 0x80000000), 0x00000000, 0);
    EXPECT(bin(ieee_add, S, RM, 0, 0x00000000, 0x80000000), 0x80000000, 0);
    EXPECT(bin(ieee_sub, S, RNE, 0, 0x00000000, 0x3F800000), 0xBF800000, 0);
    EXPECT(bin(ieee_add, S, RNE, 0, 0x7F800000, 0xFF800000), 0x7FC00000, V);
    EXPECT(bin(ieee_sub, S, RNE, 0, 0x7F800000, 0x7F800000), 0x7FC00000, V);
    EXPECT(bin(ieee_add, S, RNE, 0, 0x7F800000, 0xFF7FFFFF), 0x7F800000, 0);
    EXPECT(bin(ieee_add, L, RNE, 0, 0xFFF0000000000000, 0xFFF0000000000000), 0xFFF0000000000000, 0);
}

/* Nmax + Nmax = (2 - 2**-23) * 2**128, exact in 24 bits. */
static void test_overflow(void)
{
    EXPECT(bin(ieee_add, S, RNE, 0, 0x7F7FFFFF, 0x7F7FFFFF), 0x7F800000, O | X | I);
    EXPECT(bin(ieee_add, S, RNA, 0, 0x7F7FFFFF, 0x7F7FFFFF), 0x7F800000, O | X | I);
    EXPECT(bin(ieee_add, S, RZ, 0, 0x7F7FFFFF, 0x7F7FFFFF), 0x7F7FFFFF, O | X);
    EXPECT(bin(ieee_add, S, RP, 0, 0x7F7FFFFF, 0x7F7FFFFF), 0x7F800000, O | X | I);
    EXPECT(bin(ieee_add, S, RM, 0, 0x7F7FFFFF, 0x7F7FFFFF), 0x7F7FFFFF, O | X);
    EXPECT(bin(ieee_add, S, RP, 0, 0xFF7FFFFF, 0xFF7FFFFF), 0xFF7FFFFF, O | X);
    EXPECT(bin(ieee_add, S, RM, 0, 0xFF7FFFFF, 0xFF7FFFFF), 0xFF800000, O | X | I);
    /* trap enabled: the exact result scaled by 2**-192: 2**128 -> 2**-64 */
    EXPECT(bin(ieee_add, S, RNE, O, 0x7F7FFFFF, 0x7F7FFFFF), 0x1FFFFFFF, O);
    /* Nmax**2 = (4 - 2**-21 + 2**-46) * 2**254 rounds down to 24 bits;
       scaled: (2 - 2**-22) * 2**63 */
    EXPECT(bin(ieee_mul, S, RNE, O, 0x7F7FFFFF, 0x7F7FFFFF), 0x5F7FFFFE, O | X);
    EXPECT(bin(ieee_mul, L, RNE, 0, 0x7FEFFFFFFFFFFFFF, 0x4000000000000000), 0x7FF0000000000000, O | X | I);
    /* 2**1023 * 2 scaled by 2**-1536: 2**-512 */
    EXPECT(bin(ieee_mul, L, RNE, O, 0x7FE0000000000000, 0x4000000000000000), 0x1FF0000000000000, O);
    EXPECT(bin(ieee_mul, XT, RZ, 0, Q(0x7FFEFFFFFFFFFFFF, ~0ull), Q(0x4000000000000000, 0)),
           Q(0x7FFEFFFFFFFFFFFF, ~0ull), O | X);
    /* 2**16383 * 2 scaled by 2**-24576 */
    EXPECT(bin(ieee_mul, XT, RNE, O, Q(0x7FFE000000000000, 0), Q(0x4000000000000000, 0)),
           Q(0x1FFF000000000000, 0), O);
}

static void test_underflow(void)
{
    /* Nmin * 0.5 = 2**-127: tiny but exact, so no underflow while masked */
    EXPECT(bin(ieee_mul, S, RNE, 0, 0x00800000, 0x3F000000), 0x00400000, 0);
    /* trap enabled: underflow even when exact; 2**-127 * 2**192 = 2**65 */
    EXPECT(bin(ieee_mul, S, RNE, U, 0x00800000, 0x3F000000), 0x60000000, U);
    /* 31 * 2**-80 times 1082401 * 2**-71 = (2**25 - 1) * 2**-151: rounded
       to 24 bits it is 2**-126 = Nmin, not tiny after rounding, but tiny
       before it, which is what ESA/390 looks at.  Denormalized it is
       (2**23 - 1/4) * 2**-149, which rounds to nearest up to Nmin. */
    EXPECT(bin(ieee_mul, S, RNE, 0, 0x19F80000, 0x26042108), 0x00800000, U | X | I);
    EXPECT(bin(ieee_mul, S, RZ, 0, 0x19F80000, 0x26042108), 0x007FFFFF, U | X);
    EXPECT(bin(ieee_mul, S, RNE, U, 0x19F80000, 0x26042108), 0x60800000, U | X | I);
    /* Dmin * 0.5 = 2**-150: halfway between 0 and Dmin */
    EXPECT(bin(ieee_mul, S, RNE, 0, 0x00000001, 0x3F000000), 0x00000000, U | X);
    EXPECT(bin(ieee_mul, S, RNA, 0, 0x00000001, 0x3F000000), 0x00000001, U | X | I);
    EXPECT(bin(ieee_mul, S, RP, 0, 0x00000001, 0x3F000000), 0x00000001, U | X | I);
    EXPECT(bin(ieee_mul, S, RM, 0, 0x80000001, 0x3F000000), 0x80000001, U | X | I);
    EXPECT(bin(ieee_mul, S, RP, 0, 0x80000001, 0x3F000000), 0x80000000, U | X);
    /* a subnormal result is tiny even when nothing is rounded: Dmin - 0
       traps when enabled (2**-149 * 2**192 = 2**43) */
    EXPECT(bin(ieee_sub, S, RNE, 0, 0x80000001, 0x00000000), 0x80000001, 0);
    EXPECT(bin(ieee_sub, S, RNE, U, 0x80000001, 0x00000000), 0xD5000000, U);
    EXPECT(bin(ieee_sub, S, RNE, U, 0x00000000, 0x00000001), 0xD5000000, U);
    /* subnormal operands: Dmin + Dmin = 2 * Dmin, exact */
    EXPECT(bin(ieee_add, S, RNE, 0, 0x00000001, 0x00000001), 0x00000002, 0);
    EXPECT(bin(ieee_div, L, RNE, 0, 0x0000000000000001, 0x4000000000000000), 0, U | X);
    EXPECT(bin(ieee_mul, XT, RNA, 0, Q(0, 1), Q(0x3FFE000000000000, 0)), Q(0, 1), U | X | I);
    /* 2**-16494 (Dmin) * 0.5 scaled by 2**24576: 2**8081 */
    EXPECT(bin(ieee_mul, XT, RNE, U, Q(0, 1), Q(0x3FFE000000000000, 0)), Q(0x5F90000000000000, 0), U);
}

static void test_divide(void)
{
    EXPECT(bin(ieee_div, S, RNE, 0, 0x3F800000, 0x00000000), 0x7F800000, Z);
    EXPECT(bin(ieee_div, S, RNE, 0, 0xBF800000, 0x00000000), 0xFF800000, Z);
    EXPECT(bin(ieee_div, S, RNE, 0, 0x3F800000, 0x80000000), 0xFF800000, Z);
    EXPECT(bin(ieee_div, S, RNE, 0, 0x00000000, 0x00000000), 0x7FC00000, V);
    EXPECT(bin(ieee_div, S, RNE, 0, 0x7F800000, 0xFF800000), 0x7FC00000, V);
    EXPECT(bin(ieee_div, S, RNE, 0, 0x7F800000, 0x00000000), 0x7F800000, 0);
    EXPECT(bin(ieee_div, S, RNE, 0, 0x3F800000, 0xFF800000), 0x80000000, 0);
    EXPECT(bin(ieee_div, S, RNE, 0, 0x80000000, 0x40A00000), 0x80000000, 0);
    /* 1/3 = 0.0101...: the bit after the 24th is 1 and more follow */
    EXPECT(bin(ieee_div, S, RNE, 0, 0x3F800000, 0x40400000), 0x3EAAAAAB, X | I);
    EXPECT(bin(ieee_div, S, RZ, 0, 0x3F800000, 0x40400000), 0x3EAAAAAA, X);
    EXPECT(bin(ieee_div, L, RNE, 0, 0x3FF0000000000000, 0x4008000000000000), 0x3FD5555555555555, X);
    EXPECT(bin(ieee_div, L, RP, 0, 0x3FF0000000000000, 0x4008000000000000), 0x3FD5555555555556, X | I);
    EXPECT(bin(ieee_div, XT, RNE, 0, Q(0x3FFF000000000000, 0), Q(0x4000800000000000, 0)),
           Q(0x3FFD555555555555, 0x5555555555555555), X);
    EXPECT(bin(ieee_div, XT, RP, 0, Q(0x3FFF000000000000, 0), Q(0x4000800000000000, 0)),
           Q(0x3FFD555555555555, 0x5555555555555556), X | I);
    /* exact: 6 / 3 = 2 */
    EXPECT(bin(ieee_div, XT, RNE, 0, Q(0x4001800000000000, 0), Q(0x4000800000000000, 0)),
           Q(0x4000000000000000, 0), 0);
}

/* First signaling NaN (made quiet, invalid), else first quiet NaN. */
static void test_nan_propagation(void)
{
    EXPECT(bin(ieee_add, S, RNE, 0, 0x7FC00001, 0x7F800002), 0x7FC00002, V);
    EXPECT(bin(ieee_add, S, RNE, 0, 0x7F800001, 0xFF800002), 0x7FC00001, V);
    EXPECT(bin(ieee_add, S, RNE, 0, 0xFFC00003, 0x7FC00004), 0xFFC00003, 0);
    EXPECT(bin(ieee_sub, S, RNE, 0, 0x3F800000, 0xFFC00005), 0xFFC00005, 0);
    EXPECT(bin(ieee_mul, L, RNE, 0, 0x7FF8000000000001, 0x7FF0000000000002), 0x7FF8000000000002, V);
    EXPECT(bin(ieee_div, L, RNE, 0, 0x0000000000000000, 0x7FF0000000000000), 0, 0);
    EXPECT(bin(ieee_mul, L, RNE, 0, 0x0000000000000000, 0xFFF0000000000000), 0x7FF8000000000000, V);
    EXPECT(bin(ieee_mul, XT, RNE, 0, Q(0x7FFF000000000000, 0), 0), Q(0x7FFF800000000000, 0), V);
    EXPECT(bin(ieee_add, XT, RNE, 0, Q(0x3FFF000000000000, 0), Q(0xFFFF000000000000, 7)),
           Q(0xFFFF800000000000, 7), V);
}

static void test_sqrt(void)
{
    EXPECT(sqrt_(S, RNE, 0x40800000), 0x40000000, 0);
    /* sqrt(2) = 1.41421356237...: 0x3FB504F3 = 1.41421353816... is below */
    EXPECT(sqrt_(S, RNE, 0x40000000), 0x3FB504F3, X);
    EXPECT(sqrt_(S, RP, 0x40000000), 0x3FB504F4, X | I);
    EXPECT(sqrt_(L, RNE, 0x4000000000000000), 0x3FF6A09E667F3BCD, X | I);
    EXPECT(sqrt_(L, RZ, 0x4000000000000000), 0x3FF6A09E667F3BCC, X);
    EXPECT(sqrt_(XT, RNE, Q(0x4000000000000000, 0)), Q(0x3FFF6A09E667F3BC, 0xC908B2FB1366EA95), X);
    EXPECT(sqrt_(XT, RP, Q(0x4000000000000000, 0)), Q(0x3FFF6A09E667F3BC, 0xC908B2FB1366EA96), X | I);
    /* sqrt(2**-148), a subnormal, is 2**-74 */
    EXPECT(sqrt_(S, RNE, 0x00000002), 0x1A800000, 0);
    EXPECT(sqrt_(S, RNE, 0x80000000), 0x80000000, 0);
    EXPECT(sqrt_(S, RNE, 0xBF800000), 0x7FC00000, V);
    EXPECT(sqrt_(S, RNE, 0xFF800000), 0x7FC00000, V);
    EXPECT(sqrt_(S, RNE, 0x7F800000), 0x7F800000, 0);
    EXPECT(sqrt_(S, RNE, 0xFF800001), 0xFFC00001, V);
}

static void test_fma(void)
{
    /* (1 + 2**-23)(1 - 2**-23) - 1 = -2**-46 exactly: a single rounding */
    EXPECT(fused(S, RNE, 0x3F800001, 0x3F7FFFFE, 0xBF800000, false), 0xA8800000, 0);
    EXPECT(fused(S, RNE, 0x3F800001, 0x3F7FFFFE, 0x3F800000, true), 0xA8800000, 0);
    EXPECT(fused(L, RNE, 0x3FF0000000000001, 0x3FEFFFFFFFFFFFFE, 0xBFF0000000000000, false),
           0xB970000000000000, 0);
    EXPECT(fused(XT, RNE, Q(0x3FFF000000000000, 1), Q(0x3FFEFFFFFFFFFFFF, ~1ull),
               Q(0xBFFF000000000000, 0), false), Q(0xBF1F000000000000, 0), 0);
    /* 3 * 3 + 1 = 10 */
    EXPECT(fused(S, RNE, 0x40400000, 0x40400000, 0x3F800000, false), 0x41200000, 0);
    /* (1 + 2**-23) * 1 + 2**-24 rounds once: a tie, to even */
    EXPECT(fused(S, RNE, 0x3F800001, 0x3F800000, 0x33800000, false), 0x3F800002, X | I);
    /* infinity times zero is invalid even with a quiet NaN addend */
    EXPECT(fused(S, RNE, 0x7F800000, 0x00000000, 0x7FC00009, false), 0x7FC00000, V);
    EXPECT(fused(S, RNE, 0x7FC00001, 0x3F800000, 0x7F800003, false), 0x7FC00003, V);
    EXPECT(fused(S, RNE, 0x7F800001, 0x7F800002, 0x3F800000, false), 0x7FC00001, V);
    EXPECT(fused(S, RNE, 0x3F800000, 0xFFC00002, 0x7FC00003, false), 0xFFC00002, 0);
    /* a NaN addend is not negated by the subtraction */
    EXPECT(fused(S, RNE, 0x3F800000, 0x3F800000, 0x7FC00003, true), 0x7FC00003, 0);
    EXPECT(fused(S, RNE, 0x7F800000, 0x3F800000, 0x7F800000, true), 0x7FC00000, V);
    EXPECT(fused(S, RNE, 0x7F800000, 0xBF800000, 0x7F800000, false), 0x7FC00000, V);
    EXPECT(fused(S, RNE, 0x3F800000, 0x3F800000, 0xFF800000, false), 0xFF800000, 0);
    /* zero product plus zero: the sum-of-zeros sign rule */
    EXPECT(fused(S, RNE, 0x00000000, 0x3F800000, 0x80000000, false), 0x00000000, 0);
    EXPECT(fused(S, RM, 0x00000000, 0x3F800000, 0x80000000, false), 0x80000000, 0);
    EXPECT(fused(S, RNE, 0x80000000, 0x3F800000, 0x00000000, true), 0x80000000, 0);
    /* the product is exact before the addition: 2**-149 * 2**-149 + 1 */
    EXPECT(fused(S, RP, 0x00000001, 0x00000001, 0x3F800000, false), 0x3F800001, X | I);
}

static void test_convert(void)
{
    EXPECT(conv(S, L, RNE, 0, 0x3FD5555555555555), 0x3EAAAAAB, X | I);
    EXPECT(conv(S, L, RZ, 0, 0x3FD5555555555555), 0x3EAAAAAA, X);
    /* 2**129 overflows a short; with the trap, the long 2**(129-512) */
    EXPECT(conv(S, L, RNE, 0, 0x4800000000000000), 0x7F800000, O | X | I);
    EXPECT(conv(S, L, RNE, O, 0x4800000000000000), 0x2800000000000000, O);
    /* 2**-130 is a short subnormal; with the trap, the long 2**(-130+512) */
    EXPECT(conv(S, L, RNE, 0, 0x37D0000000000000), 0x00080000, 0);
    EXPECT(conv(S, L, RNE, U, 0x37D0000000000000), 0x57D0000000000000, U);
    /* 2**1100 to long, trapped: the extended 2**(1100-8192) */
    EXPECT(conv(L, XT, RNE, O, Q(0x444B000000000000, 0)), Q(0x244B000000000000, 0), O);
    EXPECT(conv(L, XT, RNE, 0, Q(0x444B000000000000, 0)), 0x7FF0000000000000, O | X | I);
    /* the trapped value is rounded to the target precision: 1 + 2**-30
       (ext) times 2**200 -> 2**200 in short precision, exponent -8192 */
    EXPECT(conv(S, XT, RZ, O, Q(0x40C7000000040000, 0)), Q(0x20C7000000000000, 0), O | X);
    /* widening is exact, subnormals become normal */
    EXPECT(conv(L, S, RNE, 0, 0x00000001), 0x36A0000000000000, 0);
    EXPECT(conv(XT, L, RNE, 0, 0x3FF0000000000000), Q(0x3FFF000000000000, 0), 0);
    EXPECT(conv(XT, S, RNE, 0, 0xC0490FDB), Q(0xC000921FB6000000, 0), 0);
    /* NaNs keep their leading payload bits and become quiet */
    EXPECT(conv(L, S, RNE, 0, 0x7F800001), 0x7FF8000020000000, V);
    EXPECT(conv(L, S, RNE, 0, 0xFFC00000), 0xFFF8000000000000, 0);
    EXPECT(conv(S, L, RNE, 0, 0x7FF0000000000001), 0x7FC00000, V);
    EXPECT(conv(S, XT, RNE, 0, Q(0xFFFF000000000000, 1)), 0xFFC00000, V);
    EXPECT(conv(S, L, RNE, 0, 0xFFF0000000000000), 0xFF800000, 0);
    EXPECT(conv(S, L, RNE, 0, 0x8000000000000000), 0x80000000, 0);
}

static void test_round_int(void)
{
    EXPECT(rint_(S, RNE, 0x40200000), 0x40000000, X);          /* 2.5 */
    EXPECT(rint_(S, RNA, 0x40200000), 0x40400000, X | I);
    EXPECT(rint_(S, RZ, 0x40200000), 0x40000000, X);
    EXPECT(rint_(S, RP, 0x40200000), 0x40400000, X | I);
    EXPECT(rint_(S, RM, 0xC0200000), 0xC0400000, X | I);      /* -2.5 */
    EXPECT(rint_(S, RNE, 0x40600000), 0x40800000, X | I);      /* 3.5 */
    EXPECT(rint_(S, RP, 0x3E99999A), 0x3F800000, X | I);       /* 0.3 */
    EXPECT(rint_(S, RP, 0xBE99999A), 0x80000000, X);           /* -0.3 -> -0 */
    EXPECT(rint_(S, RNE, 0xBE99999A), 0x80000000, X);
    EXPECT(rint_(S, RNE, 0x00000001), 0x00000000, X);
    EXPECT(rint_(S, RNE, 0x4B800001), 0x4B800001, 0);          /* already integral */
    EXPECT(rint_(L, RM, 0xBFF8000000000000), 0xC000000000000000, X | I);   /* -1.5 */
    EXPECT(rint_(XT, RNE, Q(0x4000400000000000, 0)), Q(0x4000000000000000, 0), X);
    EXPECT(rint_(XT, RNA, Q(0x4000400000000000, 0)), Q(0x4000800000000000, 0), X | I);
    EXPECT(rint_(S, RNE, 0x7F800001), 0x7FC00001, V);
    EXPECT(rint_(S, RNE, 0xFF800000), 0xFF800000, 0);
}

static void test_to_i32(void)
{
    /* 2**31 - 0.5: nearest is 2**31, out of range */
    EXPECT(to_i32(L, RNE, 0x41DFFFFFFFE00000), 0x7FFFFFFF, V | X);
    EXPECT(to_i32(L, RZ, 0x41DFFFFFFFE00000), 0x7FFFFFFF, X);
    /* -(2**31 + 0.5): nearest even is -2**31, in range */
    EXPECT(to_i32(L, RNE, 0xC1E0000000100000), 0x80000000, X);
    EXPECT(to_i32(L, RM, 0xC1E0000000100000), 0x80000000, V | X);
    EXPECT(to_i32(L, RNA, 0xC1E0000000100000), 0x80000000, V | X);
    EXPECT(to_i32(S, RNE, 0x7FC00000), 0x80000000, V | X);
    EXPECT(to_i32(S, RNE, 0x7F800000), 0x7FFFFFFF, V | X);
    EXPECT(to_i32(S, RNE, 0xFF800000), 0x80000000, V | X);
    EXPECT(to_i32(S, RNE, 0xBF000000), 0, X);                   /* -0.5 */
    EXPECT(to_i32(S, RM, 0xBF000000), 0xFFFFFFFF, X | I);
    EXPECT(to_i32(S, RNE, 0xC0E00000), 0xFFFFFFF9, 0);          /* -7 */
    EXPECT(to_i32(S, RZ, 0x00000001), 0, X);
    EXPECT(to_i32(S, RP, 0x00000001), 1, X | I);
    EXPECT(to_i32(L, RNE, 0x4202A05F20000000), 0x7FFFFFFF, V | X);  /* 1e10 */
    EXPECT(to_i32(XT, RZ, Q(0x401DFFFFFFFC0000, 0)), 0x7FFFFFFF, 0);  /* 2**31 - 1 */
}

static void test_from_i32(void)
{
    /* 2**24 + 1 needs 25 bits: a tie between 2**24 and 2**24 + 2 */
    EXPECT(from_i32(S, RNE, 16777217), 0x4B800000, X);
    EXPECT(from_i32(S, RP, 16777217), 0x4B800001, X | I);
    EXPECT(from_i32(S, RNE, INT32_MIN), 0xCF000000, 0);
    EXPECT(from_i32(S, RNE, -1), 0xBF800000, 0);
    EXPECT(from_i32(S, RNE, 0), 0x00000000, 0);
    EXPECT(from_i32(L, RNE, INT32_MIN), 0xC1E0000000000000, 0);
    EXPECT(from_i32(XT, RNE, 0x7FFFFFFF), Q(0x401DFFFFFFFC0000, 0), 0);
}

static void test_compare(void)
{
    struct ieee_env e = { 0 };
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x3F800000, 0x40000000, false), 1);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0xC0000000, 0xBF800000, false), 1);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0xBF800000, 0xC0000000, false), 2);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x00000000, 0x80000000, false), 0);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x7F800000, 0x7F7FFFFF, false), 2);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x80000001, 0x00000000, false), 1);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x7FC00000, 0x3F800000, false), 3);
    CU_ASSERT_EQUAL(e.flags, 0);
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x7FC00000, 0x3F800000, true), 3);
    CU_ASSERT_EQUAL(e.flags, V);
    e.flags = 0;
    CU_ASSERT_EQUAL(ieee_compare(S, &e, 0x3F800000, 0x7F800001, false), 3);
    CU_ASSERT_EQUAL(e.flags, V);
    CU_ASSERT_EQUAL(ieee_compare(XT, &e, Q(0x3FFF000000000000, 0), Q(0x3FFF000000000000, 1), false), 1);
    CU_ASSERT_EQUAL(ieee_compare(L, &e, 0x8000000000000000, 0, true), 0);
}

static void test_class(void)
{
    static const struct { uint32_t v; unsigned cls; } t[] = {
        { 0x00000000, 0x800 }, { 0x80000000, 0x400 }, { 0x3F800000, 0x200 }, { 0xBF800000, 0x100 },
        { 0x00000001, 0x080 }, { 0x80000001, 0x040 }, { 0x7F800000, 0x020 }, { 0xFF800000, 0x010 },
        { 0x7FC00000, 0x008 }, { 0xFFC00000, 0x004 }, { 0x7F800001, 0x002 }, { 0xFF800001, 0x001 },
    };
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
        CU_ASSERT_EQUAL(ieee_class(S, t[i].v), t[i].cls);
    CU_ASSERT_EQUAL(ieee_class(XT, Q(0, 1)), 0x080);
    CU_ASSERT_EQUAL(ieee_class(XT, Q(0xFFFF800000000000, 0)), 0x004);
    CU_ASSERT_EQUAL(ieee_class(L, 0x0010000000000000), 0x200);
}

struct dres {
    ieee_bits rem, quot;
    int cc;
    uint8_t fl;
};

static struct dres divint(const struct ieee_fmt *f, int rm_quot, uint8_t traps, ieee_bits a, ieee_bits b)
{
    struct ieee_env e = { .rm = IEEE_RNE, .traps = traps };
    struct dres r;
    r.cc = ieee_divint(f, &e, rm_quot, a, b, &r.rem, &r.quot);
    r.fl = e.flags;
    return r;
}

#define EXPECT_DIV(call, rem_, quot_, cc_, fl_)                     \
    do {                                                            \
        struct dres d_ = (call);                                    \
        CU_ASSERT_TRUE(d_.rem == (ieee_bits)(rem_));                \
        CU_ASSERT_TRUE(d_.quot == (ieee_bits)(quot_));              \
        CU_ASSERT_EQUAL(d_.cc, (cc_));                              \
        CU_ASSERT_EQUAL(d_.fl, (fl_));                              \
    } while (0)

static void test_divint_final(void)
{
    EXPECT_DIV(divint(S, RNE, 0, 0x3F800000, 0x40000000), 0x3F800000, 0x00000000, 0, 0);  /* 1/2 */
    EXPECT_DIV(divint(S, RNE, 0, 0x40800000, 0xC0000000), 0x00000000, 0xC0000000, 0, 0);  /* 4/-2 */
    EXPECT_DIV(divint(S, RNE, 0, 0xC0000000, 0xC0000000), 0x80000000, 0x3F800000, 0, 0);  /* -2/-2 */
    /* 7/2 = 3.5 */
    EXPECT_DIV(divint(S, RNE, 0, 0x40E00000, 0x40000000), 0xBF800000, 0x40800000, 0, 0);
    EXPECT_DIV(divint(S, RZ, 0, 0x40E00000, 0x40000000), 0x3F800000, 0x40400000, 0, 0);
    EXPECT_DIV(divint(S, RNA, 0, 0x40E00000, 0x40000000), 0xBF800000, 0x40800000, 0, 0);
    EXPECT_DIV(divint(S, RM, 0, 0x40E00000, 0x40000000), 0x3F800000, 0x40400000, 0, 0);
    /* -7/2 toward +inf: n = -3, r = -1 */
    EXPECT_DIV(divint(S, RP, 0, 0xC0E00000, 0x40000000), 0xBF800000, 0xC0400000, 0, 0);
    /* an integer quotient is final however large: 2**30 / 2 */
    EXPECT_DIV(divint(S, RNE, 0, 0x4E800000, 0x40000000), 0x00000000, 0x4E000000, 0, 0);
    /* 2**127 / 2**-149 = 2**276, final; quotient overflow: 2**(276-192) */
    EXPECT_DIV(divint(S, RNE, 0, 0x7F000000, 0x00000001), 0x00000000, 0x69800000, 1, 0);
    /* 2**-100 / 1 rounded up to n = 1: r = 2**-100 - 1 is not exact in 24
       bits and is rounded under the FPC mode */
    EXPECT_DIV(divint(S, RP, 0, 0x0D800000, 0x3F800000), 0xBF800000, 0x3F800000, 0, X | I);
    /* 3 Dmin / 2 Dmin = 1.5 -> n = 2, r = -Dmin: tiny, exact */
    EXPECT_DIV(divint(S, RNE, 0, 0x00000003, 0x00000002), 0x80000001, 0x40000000, 0, 0);
    EXPECT_DIV(divint(S, RNE, U, 0x00000003, 0x00000002), 0xD5000000, 0x40000000, 0, U);
}

static void test_divint_partial_and_special(void)
{
    /* 2**30 / 3 = 357913941.33 > 2**24: n = q truncated to 24 bits =
       357913920, r = 2**30 - 3n = 64 */
    EXPECT_DIV(divint(S, RNE, 0, 0x4E800000, 0x40400000), 0x42800000, 0x4DAAAAAA, 2, 0);
    EXPECT_DIV(divint(L, RNE, 0, 0x43B0000000000000, 0x4008000000000000),
               0x4050000000000000, 0x4395555555555555, 2, 0);
    /* Nmax / (11 Dmin): q = (2**24 - 1)/11 * 2**253, partial, and n too
       large: scaled by 2**-192 */
    EXPECT_DIV(divint(S, RNE, 0, 0x7F7FFFFF, 0x0000000B), 0x73A00000, 0x683A2E8A, 3, 0);
    EXPECT_DIV(divint(S, RNE, 0, 0x7F800001, 0x3F800000), 0x7FC00001, 0x7FC00001, 1, V);
    EXPECT_DIV(divint(S, RNE, 0, 0x7FC00002, 0x7F800003), 0x7FC00003, 0x7FC00003, 1, V);
    EXPECT_DIV(divint(S, RNE, 0, 0x7FC00002, 0x3F800000), 0x7FC00002, 0x7FC00002, 1, 0);
    EXPECT_DIV(divint(S, RNE, 0, 0xFF800000, 0x3F800000), 0x7FC00000, 0x7FC00000, 1, V);
    EXPECT_DIV(divint(S, RNE, 0, 0x3F800000, 0x80000000), 0x7FC00000, 0x7FC00000, 1, V);
    EXPECT_DIV(divint(S, RNE, 0, 0x80000000, 0x40A00000), 0x80000000, 0x80000000, 0, 0);
    EXPECT_DIV(divint(S, RNE, 0, 0xC0400000, 0x7F800000), 0xC0400000, 0x80000000, 0, 0);
}

static void test_make_and_split(void)
{
    struct ieee_env e = { .rm = IEEE_RZ };
    int sign;
    int32_t exp;
    ieee_bits sig;
    /* 5 * 2**-3 = 0.625 */
    CU_ASSERT_TRUE(ieee_make(S, &e, 0, -3, 5) == 0x3F200000);
    CU_ASSERT_EQUAL(ieee_split(S, 0x3F200000, &sign, &exp, &sig), IEEE_K_FINITE);
    CU_ASSERT_TRUE(sig == 0xA00000 && exp == -24 && sign == 0);
    CU_ASSERT_EQUAL(ieee_split(L, 0x0000000000000003, &sign, &exp, &sig), IEEE_K_FINITE);
    CU_ASSERT_TRUE(sig == (ieee_bits)3 << 51 && exp == -1074 - 51);
    CU_ASSERT_EQUAL(ieee_split(S, 0xFF800000, &sign, &exp, &sig), IEEE_K_INF);
    CU_ASSERT_EQUAL(sign, 1);
    CU_ASSERT_EQUAL(ieee_cc(S, 0x80000000), 0);
    CU_ASSERT_EQUAL(ieee_cc(S, 0x80000001), 1);
    CU_ASSERT_EQUAL(ieee_cc(XT, Q(0x7FFF000000000000, 1)), 3);
}

UNIT_SUITE(ieee)
{
    UNIT_TEST(s, test_add_ties_and_directions);
    UNIT_TEST(s, test_add_zeros_and_infinities);
    UNIT_TEST(s, test_overflow);
    UNIT_TEST(s, test_underflow);
    UNIT_TEST(s, test_divide);
    UNIT_TEST(s, test_nan_propagation);
    UNIT_TEST(s, test_sqrt);
    UNIT_TEST(s, test_fma);
    UNIT_TEST(s, test_convert);
    UNIT_TEST(s, test_round_int);
    UNIT_TEST(s, test_to_i32);
    UNIT_TEST(s, test_from_i32);
    UNIT_TEST(s, test_compare);
    UNIT_TEST(s, test_class);
    UNIT_TEST(s, test_divint_final);
    UNIT_TEST(s, test_divint_partial_and_special);
    UNIT_TEST(s, test_make_and_split);
}

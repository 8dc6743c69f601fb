/*
 * IEEE 754 binary floating point in software: the binary32, binary64 and
 * binary128 formats (BFP short, long and extended), every rounding mode and
 * every exception condition, computed exactly with integer arithmetic so
 * that no result or flag depends on the host.
 *
 * The ESA/390 choices of SA22-7201 chapter 19 are built in: tininess is
 * detected before rounding; the default NaN is positive; a NaN result is
 * the first signaling NaN operand (made quiet), else the first quiet one;
 * and when an overflow or underflow trap is enabled (ieee_env.traps) the
 * result is the scaled one the trap handler receives: rounded to the
 * target precision with an unbounded exponent, the exponent then adjusted
 * by 192, 1536 or 24576 (short, long, extended).
 *
 * A value is its bit pattern right-aligned in an ieee_bits: a short value
 * in the low 32 bits, a long one in the low 64.  No operation allocates.
 */
#ifndef VM390_CPU_IEEE_H
#define VM390_CPU_IEEE_H

#include <stdbool.h>
#include <stdint.h>

typedef unsigned __int128 ieee_bits;

/* Rounding methods; the first four in the order of the FPC rounding-mode
   field. */
enum ieee_rm {
    IEEE_RNE,   /* round to nearest, ties to even */
    IEEE_RZ,    /* toward zero */
    IEEE_RP,    /* toward +infinity */
    IEEE_RM,    /* toward -infinity */
    IEEE_RNA,   /* round to nearest, ties away from zero ("biased") */
};

/* Exception conditions, with the bit values they have in a data-exception
   code, so that the DXC of an IEEE trap is a subset of the flags. */
#define IEEE_INVALID     0x80
#define IEEE_DIVBYZERO   0x40
#define IEEE_OVERFLOW    0x20
#define IEEE_UNDERFLOW   0x10
#define IEEE_INEXACT     0x08
#define IEEE_INCREMENTED 0x04   /* rounding increased the magnitude */

struct ieee_fmt {
    int ebits;     /* width of the biased-exponent field */
    int p;         /* precision in bits, the implicit unit bit included */
    int bias;      /* exponent bias, which is also Emax */
};

extern const struct ieee_fmt ieee_short, ieee_long, ieee_ext;

struct ieee_env {
    uint8_t rm;      /* enum ieee_rm */
    uint8_t traps;   /* IEEE_OVERFLOW / IEEE_UNDERFLOW: deliver scaled results */
    uint8_t flags;   /* conditions recognized; operations only add to them */
};

/* Data classes: the TEST DATA CLASS mask bit of each (SA22-7201 ch. 19). */
#define IEEE_CLASS_ZERO      0x800
#define IEEE_CLASS_NORMAL    0x200
#define IEEE_CLASS_SUBNORMAL 0x080
#define IEEE_CLASS_INF       0x020
#define IEEE_CLASS_QNAN      0x008
#define IEEE_CLASS_SNAN      0x002
/* The class bit of x: the positive one above, shifted right by 1 if the
   sign is minus. */
unsigned ieee_class(const struct ieee_fmt *f, ieee_bits x);

bool ieee_is_nan(const struct ieee_fmt *f, ieee_bits x);
/* 0 zero, 1 less than zero, 2 greater than zero, 3 NaN. */
int ieee_cc(const struct ieee_fmt *f, ieee_bits x);
ieee_bits ieee_sign_bit(const struct ieee_fmt *f);

/* LOAD AND TEST: x, or the quiet form of a signaling NaN (invalid). */
ieee_bits ieee_test(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits x);

ieee_bits ieee_add(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b);
ieee_bits ieee_sub(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b);
ieee_bits ieee_mul(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b);
ieee_bits ieee_div(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b);
ieee_bits ieee_sqrt(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a);
/* a * b + c, or a * b - c, with one rounding.  NaN precedence a, b, c;
   infinity times zero gives the default NaN even when c is a NaN. */
ieee_bits ieee_fma(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b,
                   ieee_bits c, bool subtract);
/* a * b of two `from` values as a `to` value (MDEBR, MXDBR: exact). */
ieee_bits ieee_mul_wide(const struct ieee_fmt *to, const struct ieee_fmt *from, struct ieee_env *e,
                        ieee_bits a, ieee_bits b);

/* Format conversion (LOAD LENGTHENED, LOAD ROUNDED).  When a narrowing
   overflows or underflows with that trap enabled, the result is in the
   *source* format: rounded to the target precision, exponent adjusted by
   512 (long source) or 8192 (extended source). */
ieee_bits ieee_convert(const struct ieee_fmt *to, const struct ieee_fmt *from, struct ieee_env *e,
                       ieee_bits x);

/* Round to an integral value (LOAD FP INTEGER); inexact is recognized. */
ieee_bits ieee_round_int(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits x);

/* CONVERT TO FIXED (32): a NaN gives -2**31, a value out of range the
   extreme of its sign; both are invalid and inexact. */
int32_t ieee_to_i32(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits x);
ieee_bits ieee_from_i32(const struct ieee_fmt *f, struct ieee_env *e, int32_t v);

/* COMPARE: 0 equal, 1 a low, 2 a high, 3 unordered.  A signaling NaN is
   invalid; with `signaling` (COMPARE AND SIGNAL) any NaN is. */
int ieee_compare(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b,
                 bool signaling);

/* DIVIDE TO INTEGER (short and long formats): a = b * n + r with n the
   quotient rounded to an integer by rm_quot, or, when that integer may
   not be exact, the quotient truncated to the format's precision (partial
   results).  The remainder is rounded under e.  Returns the condition
   code: bit 1 partial results, bit 0 quotient overflow (the quotient is
   then scaled down by 192 or 1536) or NaN. */
int ieee_divint(const struct ieee_fmt *f, struct ieee_env *e, int rm_quot, ieee_bits a, ieee_bits b,
                ieee_bits *rem, ieee_bits *quot);

/* Finite values as integers: x = (-1)**sign * sig * 2**exp. */
enum ieee_kind { IEEE_K_ZERO, IEEE_K_FINITE, IEEE_K_INF, IEEE_K_NAN };
/* Split x; for a finite nonzero value sig has exactly p significant bits. */
enum ieee_kind ieee_split(const struct ieee_fmt *f, ieee_bits x, int *sign, int32_t *exp,
                          ieee_bits *sig);
/* Round (-1)**sign * sig * 2**exp (sig nonzero) to f. */
ieee_bits ieee_make(const struct ieee_fmt *f, struct ieee_env *e, int sign, int32_t exp,
                    ieee_bits sig);

#endif

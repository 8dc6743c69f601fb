/*
 * Hexadecimal floating point (SA22-7201 chapter 18; the HFP extensions of
 * the z/Architecture POP usable in ESA/390 mode).
 *
 * The arithmetic engine works on unpacked numbers: a sign, a characteristic
 * and the fraction digits as an integer.  It knows nothing of registers; it
 * takes the program mask (PSW word 0) to decide between an interruption and
 * a true zero, and returns the program-interruption code (0 if none).
 * Exponent overflow, exponent underflow and significance leave the
 * architected result in *r (the instruction completes); the divide and
 * square-root exceptions leave *r untouched (the instruction is suppressed).
 *
 * The second half of this header is the register and operand access shared
 * by the instruction handlers (hfp_insns.c, hfp_convert.c).
 */
#ifndef VM390_CPU_HFP_H
#define VM390_CPU_HFP_H

#include <stdbool.h>
#include <stdint.h>

#include "access.h"
#include "insn.h"
#include "interrupt.h"

typedef unsigned __int128 hfp_frac;

/* A format is its number of hexadecimal fraction digits. */
enum hfp_fmt { HFP_SHORT = 6, HFP_LONG = 14, HFP_EXT = 28 };

struct hfp {
    bool neg;
    int expo;          /* characteristic (exponent + 64); intermediate values
                          may lie outside 0..127 */
    hfp_frac frac;     /* value = frac * 16^(expo - 64 - digits) */
};

/* hfp_add flags */
#define HFP_NORMALIZE 1u   /* ADD NORMALIZED (else ADD UNNORMALIZED) */
#define HFP_SUBTRACT  2u   /* second operand with inverted sign */

/* Unpack/pack a value held as in an FPR (short: bits 0-31 of hi; extended:
   hi and lo are the two registers of the pair).  Packing a short value
   leaves bits 32-63 of *hi zero; the low-order part of an extended value
   gets the sign and a characteristic 14 less than the high-order one,
   except that a zero fraction with characteristic zero packs as zeros
   (with the sign). */
struct hfp hfp_unpack(enum hfp_fmt f, uint64_t hi, uint64_t lo);
void hfp_pack(enum hfp_fmt f, const struct hfp *x, uint64_t *hi, uint64_t *lo);

/* Condition code of a result: 0 zero fraction, 1 negative, 2 positive. */
static inline uint8_t hfp_cc(const struct hfp *x)
{
    return x->frac == 0 ? 0 : x->neg ? 1 : 2;
}

int hfp_add(struct hfp *r, const struct hfp *a, const struct hfp *b, enum hfp_fmt f,
            unsigned how, uint32_t pm);
/* COMPARE: the condition code of a - b (0 equal, 1 low, 2 high). */
uint8_t hfp_compare(const struct hfp *a, const struct hfp *b, enum hfp_fmt f);
/* Product of two `in` operands truncated to an `out` result. */
int hfp_mul(struct hfp *r, const struct hfp *a, const struct hfp *b, enum hfp_fmt in,
            enum hfp_fmt out, uint32_t pm);
int hfp_div(struct hfp *r, const struct hfp *a, const struct hfp *b, enum hfp_fmt f, uint32_t pm);
int hfp_halve(struct hfp *r, const struct hfp *a, enum hfp_fmt f, uint32_t pm);
int hfp_sqrt(struct hfp *r, const struct hfp *a, enum hfp_fmt f);
/* MULTIPLY AND ADD/SUBTRACT: r = a3 * a2 + a1 (or - a1). */
int hfp_mul_add(struct hfp *r, const struct hfp *a1, const struct hfp *a2, const struct hfp *a3,
                enum hfp_fmt f, bool subtract, uint32_t pm);
/* LOAD ROUNDED from a longer format. */
int hfp_round(struct hfp *r, const struct hfp *a, enum hfp_fmt from, enum hfp_fmt to);
/* LOAD FP INTEGER: truncated to an integer, normalized. */
void hfp_integer(struct hfp *r, const struct hfp *a, enum hfp_fmt f);
/* CONVERT FROM FIXED: normalized, truncated to the format. */
void hfp_from_int32(struct hfp *r, int32_t v, enum hfp_fmt f);
/* CONVERT TO FIXED with rounding method m3 (0 or 5 toward zero, 1 nearest
   with ties away from zero, 4 nearest even, 6 toward +inf, 7 toward -inf);
   returns the condition code (3: out of range, *out is the maximum of the
   sign). */
uint8_t hfp_to_int32(int32_t *out, const struct hfp *a, enum hfp_fmt f, unsigned m3);

/* ---- register and operand access for the handlers ---- */

/* Check register fields: extended operands need a valid pair designation
   (specification exception), then without the AFP-register control only
   FPRs 0, 2, 4 and 6 exist (data exception, DXC 1).  r2 < 0: no second
   register operand. */
void hfp_check_regs(struct cpu *c, int r1, enum hfp_fmt f1, int r2, enum hfp_fmt f2);

static inline struct hfp fpr_get(const struct cpu *c, int r, enum hfp_fmt f)
{
    return hfp_unpack(f, c->fpr[r], f == HFP_EXT ? c->fpr[r + 2] : 0);
}

/* A short result replaces only bits 0-31 of the register. */
static inline void fpr_put(struct cpu *c, int r, enum hfp_fmt f, const struct hfp *x)
{
    uint64_t hi, lo;
    hfp_pack(f, x, &hi, &lo);
    c->fpr[r] = f == HFP_SHORT ? hi | (c->fpr[r] & 0xFFFFFFFFu) : hi;
    if (f == HFP_EXT)
        c->fpr[r + 2] = lo;
}

/* The storage operand D2(X2,B2) of an RX, RXE or RXF instruction. */
struct hfp hfp_fetch(struct cpu *c, const uint8_t *ip, enum hfp_fmt f);

/* Instruction layouts of the register-and-second-operand instructions. */
enum hfp_src {
    HFP_RR,    /* R1,R2 in byte 1 */
    HFP_RRE,   /* R1,R2 in byte 3 */
    HFP_RX,    /* R1 in byte 1, second operand in storage (RX, RXE) */
};

static inline int hfp_r1(const uint8_t *ip, enum hfp_src s)
{
    return s == HFP_RRE ? RRE_R1(ip) : R1(ip);
}

/* Check the first-operand register (format f1) and the second operand
   (format f2), then return the second operand. */
struct hfp hfp_operand(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f1,
                       enum hfp_fmt f2);

/* Store a result, set the condition code if `cc`, and raise the
   interruption `code` (a suppressing code stores nothing). */
void hfp_complete(struct cpu *c, int r1, enum hfp_fmt f, const struct hfp *x, int code, bool cc);

#endif

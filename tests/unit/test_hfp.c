/*
 * The HFP arithmetic engine, against values worked out by hand from the
 * formats of SA22-7201 chapter 18: a short number is sign, 7-bit
 * characteristic (excess 64) and 6 hexadecimal fraction digits, so
 * 1.0 = 41100000, 0.5 = 40800000, 16.0 = 42100000.
 */
#include "cpu/hfp.h"
#include "unit.h"

#define EU PSW_PM_EXPUNF
#define SG PSW_PM_SIGNIF

static struct hfp S(uint32_t w) { return hfp_unpack(HFP_SHORT, (uint64_t)w << 32, 0); }
static struct hfp L(uint64_t d) { return hfp_unpack(HFP_LONG, d, 0); }
static struct hfp X(uint64_t hi, uint64_t lo) { return hfp_unpack(HFP_EXT, hi, lo); }

static uint32_t s_of(const struct hfp *x)
{
    uint64_t hi, lo;
    hfp_pack(HFP_SHORT, x, &hi, &lo);
    return (uint32_t)(hi >> 32);
}

static uint64_t l_of(const struct hfp *x)
{
    uint64_t hi, lo;
    hfp_pack(HFP_LONG, x, &hi, &lo);
    return hi;
}

static void check_ext(const struct hfp *x, uint64_t want_hi, uint64_t want_lo)
{
    uint64_t hi, lo;
    hfp_pack(HFP_EXT, x, &hi, &lo);
    CU_ASSERT_EQUAL(hi, want_hi);
    CU_ASSERT_EQUAL(lo, want_lo);
}

/* Short add/subtract: result word and interruption code. */
static void check_add(uint32_t a, uint32_t b, unsigned how, uint32_t pm, uint32_t want, int code)
{
    struct hfp x = S(a), y = S(b), r;
    CU_ASSERT_EQUAL(hfp_add(&r, &x, &y, HFP_SHORT, how, pm), code);
    CU_ASSERT_EQUAL(s_of(&r), want);
}

static void test_add_normalized(void)
{
    check_add(0x41100000, 0x41100000, HFP_NORMALIZE, 0, 0x41200000, 0);        /* 1 + 1 */
    check_add(0x41800000, 0x41800000, HFP_NORMALIZE, 0, 0x42100000, 0);        /* carry */
    /* 1 - 0.FFFFFF: the guard digit keeps the last digit of the aligned
       operand, the difference 16^-6 is exact. */
    check_add(0x41100000, 0x40FFFFFF, HFP_NORMALIZE | HFP_SUBTRACT, 0, 0x3B100000, 0);
    /* a digit shifted beyond the guard digit is lost: 1 + 16^-7 = 1 */
    check_add(0x41100000, 0x3A100000, HFP_NORMALIZE, 0, 0x41100000, 0);
    /* an unnormalized operand is normalized by the addition */
    check_add(0x43000010, 0x42000100, HFP_NORMALIZE, 0, 0x3F200000, 0);
    check_add(0xC1100000, 0x41300000, HFP_NORMALIZE, 0, 0x41200000, 0);        /* -1 + 3 */
}

static void test_add_unnormalized(void)
{
    check_add(0x43000010, 0x42000100, 0, 0, 0x43000020, 0);
    /* a carry still shifts right: 8 + 8 */
    check_add(0x41800000, 0x41800000, 0, 0, 0x42100000, 0);
    /* only the guard digit is nonzero: the result fraction is zero */
    check_add(0x41100000, 0x40FFFFFF, HFP_SUBTRACT, 0, 0x00000000, 0);
    check_add(0x41100000, 0x40FFFFFF, HFP_SUBTRACT, SG, 0x41000000, PGM_HFP_SIGNIFICANCE);
}

static void test_add_exceptions(void)
{
    /* overflow: characteristic 128 too small, always an interruption */
    check_add(0x7F800000, 0x7F800000, HFP_NORMALIZE, 0, 0x00100000, PGM_HFP_EXP_OVERFLOW);
    /* underflow: 1.0*16^-64 - 0.5*16^-64 needs characteristic -1 */
    check_add(0x00100000, 0x00080000, HFP_NORMALIZE | HFP_SUBTRACT, 0, 0x00000000, 0);
    check_add(0x00100000, 0x00080000, HFP_NORMALIZE | HFP_SUBTRACT, EU, 0x7F800000,
              PGM_HFP_EXP_UNDERFLOW);
    /* significance: zero keeps the characteristic under the mask, sign + */
    check_add(0xC2123456, 0x42123456, HFP_NORMALIZE, SG, 0x42000000, PGM_HFP_SIGNIFICANCE);
    check_add(0xC2123456, 0x42123456, HFP_NORMALIZE, 0, 0x00000000, 0);
}

static void test_add_long_ext(void)
{
    /* 1 + 16^-14: the addend lands in the guard digit and is truncated */
    struct hfp a = L(0x4110000000000000), b = L(0x3310000000000000), r;
    CU_ASSERT_EQUAL(hfp_add(&r, &a, &b, HFP_LONG, HFP_NORMALIZE, 0), 0);
    CU_ASSERT_EQUAL(l_of(&r), 0x4110000000000000);
    b = L(0x3410000000000000);                    /* 1 + 16^-13 */
    hfp_add(&r, &a, &b, HFP_LONG, HFP_NORMALIZE, 0);
    CU_ASSERT_EQUAL(l_of(&r), 0x4110000000000001);
    /* extended: 1 + 16^-27, the low part has characteristic 41 - 14 = 33 */
    struct hfp x = X(0x4110000000000000, 0), y = X(0x2610000000000000, 0);
    hfp_add(&r, &x, &y, HFP_EXT, HFP_NORMALIZE, 0);
    check_ext(&r, 0x4110000000000000, 0x3300000000000001);
    hfp_add(&r, &r, &x, HFP_EXT, HFP_NORMALIZE | HFP_SUBTRACT, 0);
    check_ext(&r, 0x2610000000000000, 0x1800000000000000);
    /* extended significance under the mask: both characteristics kept */
    CU_ASSERT_EQUAL(hfp_add(&r, &x, &x, HFP_EXT, HFP_NORMALIZE | HFP_SUBTRACT, SG),
                    PGM_HFP_SIGNIFICANCE);
    check_ext(&r, 0x4100000000000000, 0x3300000000000000);
    hfp_add(&r, &x, &x, HFP_EXT, HFP_NORMALIZE | HFP_SUBTRACT, 0);
    check_ext(&r, 0, 0);
}

static void test_compare(void)
{
    struct hfp one = S(0x41100000), three = S(0x41300000), mone = S(0xC1100000);
    CU_ASSERT_EQUAL(hfp_compare(&one, &one, HFP_SHORT), 0);
    CU_ASSERT_EQUAL(hfp_compare(&one, &three, HFP_SHORT), 1);
    CU_ASSERT_EQUAL(hfp_compare(&three, &one, HFP_SHORT), 2);
    CU_ASSERT_EQUAL(hfp_compare(&mone, &one, HFP_SHORT), 1);
    /* unnormalized equal values, zero fractions of any sign and characteristic */
    struct hfp one_u = S(0x42010000), zero_a = S(0x45000000), zero_b = S(0x80000000);
    CU_ASSERT_EQUAL(hfp_compare(&one, &one_u, HFP_SHORT), 0);
    CU_ASSERT_EQUAL(hfp_compare(&zero_a, &zero_b, HFP_SHORT), 0);
    /* a digit lost beyond the guard digit compares equal to zero ... */
    struct hfp z41 = S(0x41000000), tiny2 = S(0x3F000001), tiny1 = S(0x40000001);
    CU_ASSERT_EQUAL(hfp_compare(&z41, &tiny2, HFP_SHORT), 0);
    /* ... one in the guard digit does not */
    CU_ASSERT_EQUAL(hfp_compare(&z41, &tiny1, HFP_SHORT), 1);
}

static void check_mul_short(uint32_t a, uint32_t b, uint32_t pm, uint32_t want, int code)
{
    struct hfp x = S(a), y = S(b), r;
    CU_ASSERT_EQUAL(hfp_mul(&r, &x, &y, HFP_SHORT, HFP_SHORT, pm), code);
    CU_ASSERT_EQUAL(s_of(&r), want);
}

static void test_multiply(void)
{
    check_mul_short(0x41200000, 0x41300000, 0, 0x41600000, 0);   /* 2 * 3 */
    check_mul_short(0x41200000, 0xC1800000, 0, 0xC2100000, 0);   /* 2 * -8 */
    check_mul_short(0x42010000, 0x41200000, 0, 0x41200000, 0);   /* prenormalized */
    check_mul_short(0x41123456, 0x00000000, 0, 0x00000000, 0);
    /* (1 + 16^-5)^2 = 1 + 2*16^-5 + 16^-10: truncated to six digits */
    check_mul_short(0x41100001, 0x41100001, 0, 0x41100002, 0);
    check_mul_short(0x7F100000, 0x7F100000, 0, 0x3D100000, PGM_HFP_EXP_OVERFLOW);
    check_mul_short(0x10100000, 0x10100000, 0, 0x00000000, 0);
    check_mul_short(0x10100000, 0x10100000, EU, 0x5F100000, PGM_HFP_EXP_UNDERFLOW);

    /* short operands, long product: exact */
    struct hfp x = S(0x41100001), r;
    hfp_mul(&r, &x, &x, HFP_SHORT, HFP_LONG, 0);
    CU_ASSERT_EQUAL(l_of(&r), 0x4110000200001000);
    /* long: (1 + 16^-13)^2 truncated */
    struct hfp y = L(0x4110000000000001);
    hfp_mul(&r, &y, &y, HFP_LONG, HFP_LONG, 0);
    CU_ASSERT_EQUAL(l_of(&r), 0x4110000000000002);
    /* long operands, extended product: (1 - 16^-14)^2 = 1 - 2*16^-14 + 16^-28 */
    struct hfp z = L(0x41FFFFFFFFFFFFFF);
    hfp_mul(&r, &z, &z, HFP_LONG, HFP_EXT, 0);
    check_ext(&r, 0x42FFFFFFFFFFFFFE, 0x3400000000000001);
    /* extended: (1 + 16^-27)^2 truncated */
    struct hfp w = X(0x4110000000000000, 0x3300000000000001);
    hfp_mul(&r, &w, &w, HFP_EXT, HFP_EXT, 0);
    check_ext(&r, 0x4110000000000000, 0x3300000000000002);
}

static void test_divide(void)
{
    struct hfp six = S(0x41600000), two = S(0x41200000), one = S(0x41100000),
               three = S(0x41300000), zero = S(0x42000000), r = S(0x12345678);
    CU_ASSERT_EQUAL(hfp_div(&r, &six, &two, HFP_SHORT, 0), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x41300000);
    hfp_div(&r, &one, &three, HFP_SHORT, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x40555555);        /* truncated */
    hfp_div(&r, &zero, &three, HFP_SHORT, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0);
    r = S(0x12345678);
    CU_ASSERT_EQUAL(hfp_div(&r, &one, &zero, HFP_SHORT, 0), PGM_HFP_DIVIDE);
    CU_ASSERT_EQUAL(s_of(&r), 0x12345678);        /* suppressed */
    struct hfp big = S(0x7F100000), small = S(0x01100000);
    CU_ASSERT_EQUAL(hfp_div(&r, &big, &small, HFP_SHORT, 0), PGM_HFP_EXP_OVERFLOW);
    CU_ASSERT_EQUAL(s_of(&r), 0x3F100000);        /* 16^126: 0xBF - 128 */
    CU_ASSERT_EQUAL(hfp_div(&r, &small, &big, HFP_SHORT, EU), PGM_HFP_EXP_UNDERFLOW);
    CU_ASSERT_EQUAL(s_of(&r), 0x43100000);        /* 16^-126: -0x3D + 128 */

    struct hfp xone = X(0x4110000000000000, 0), xthree = X(0x4130000000000000, 0);
    hfp_div(&r, &xone, &xthree, HFP_EXT, 0);
    check_ext(&r, 0x4055555555555555, 0x3255555555555555);
}

static void test_halve(void)
{
    struct hfp a = S(0x41100000), r;
    hfp_halve(&r, &a, HFP_SHORT, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x40800000);
    a = S(0x41300000);
    hfp_halve(&r, &a, HFP_SHORT, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x41180000);
    /* the bit shifted out comes back from the guard digit */
    a = S(0x41100001);
    hfp_halve(&r, &a, HFP_SHORT, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x40800008);
    a = S(0xC5000000);
    hfp_halve(&r, &a, HFP_SHORT, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0);
    a = S(0x00100000);
    CU_ASSERT_EQUAL(hfp_halve(&r, &a, HFP_SHORT, 0), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0);
    CU_ASSERT_EQUAL(hfp_halve(&r, &a, HFP_SHORT, EU), PGM_HFP_EXP_UNDERFLOW);
    CU_ASSERT_EQUAL(s_of(&r), 0x7F800000);
}

/* sqrt(2) = 1.6A09E667F3BCC908B2FB1366EA957D... (hexadecimal) */
static void test_sqrt(void)
{
    struct hfp a = S(0x41400000), r;
    CU_ASSERT_EQUAL(hfp_sqrt(&r, &a, HFP_SHORT), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x41200000);
    a = S(0x42100000);
    hfp_sqrt(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x41400000);
    a = S(0x41200000);
    hfp_sqrt(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x4116A09E);        /* next digit 6: down */
    a = S(0x3F400000);                          /* 4 * 16^-2 */
    hfp_sqrt(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x40200000);
    a = S(0x00000001);                          /* 16^-70: odd exponent */
    hfp_sqrt(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x1E100000);        /* 16^-35 */
    struct hfp l = L(0x4120000000000000);
    hfp_sqrt(&r, &l, HFP_LONG);
    CU_ASSERT_EQUAL(l_of(&r), 0x4116A09E667F3BCD);  /* next digit 9: up */
    struct hfp x = X(0x4120000000000000, 0);
    hfp_sqrt(&r, &x, HFP_EXT);
    check_ext(&r, 0x4116A09E667F3BCC, 0x33908B2FB1366EA9);
    a = S(0xC1100000);
    r = S(0x12345678);
    CU_ASSERT_EQUAL(hfp_sqrt(&r, &a, HFP_SHORT), PGM_HFP_SQRT);
    CU_ASSERT_EQUAL(s_of(&r), 0x12345678);
    a = S(0xC3000000);                          /* negative zero fraction */
    CU_ASSERT_EQUAL(hfp_sqrt(&r, &a, HFP_SHORT), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0);
}

static void test_mul_add(void)
{
    struct hfp one = S(0x41100000), two = S(0x41200000), three = S(0x41300000), r;
    hfp_mul_add(&r, &one, &two, &three, HFP_SHORT, false, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x41700000);          /* 3 * 2 + 1 */
    hfp_mul_add(&r, &one, &two, &three, HFP_SHORT, true, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x41500000);          /* 3 * 2 - 1 */
    /* the intermediate product keeps all digits: (1 + 16^-5)^2 - 1 */
    struct hfp a = S(0x41100001), m1 = S(0xC1100000);
    hfp_mul_add(&r, &m1, &a, &a, HFP_SHORT, false, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x3C200001);
    /* a zero sum is a true zero, no significance exception */
    CU_ASSERT_EQUAL(hfp_mul_add(&r, &one, &one, &one, HFP_SHORT, true, SG), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0);
    /* no underflow for the intermediate product: 16^-98 + 0.5 = 0.5 */
    struct hfp tiny = S(0x10100000), big = S(0x70100000), half = S(0x40800000);
    CU_ASSERT_EQUAL(hfp_mul_add(&r, &half, &tiny, &tiny, HFP_SHORT, false, EU), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x40800000);
    /* a zero first operand does not shift the product away */
    struct hfp zero = S(0);
    CU_ASSERT_EQUAL(hfp_mul_add(&r, &zero, &tiny, &tiny, HFP_SHORT, false, EU),
                    PGM_HFP_EXP_UNDERFLOW);
    CU_ASSERT_EQUAL(s_of(&r), 0x5F100000);          /* 16^-98: -0x21 + 128 */
    /* nor does a zero product shift the first operand: normalized */
    struct hfp unn = S(0x43000123);
    hfp_mul_add(&r, &unn, &zero, &big, HFP_SHORT, true, 0);
    CU_ASSERT_EQUAL(s_of(&r), 0xC0123000);
    /* overflow of the result: 16^94 has characteristic 0x9F */
    CU_ASSERT_EQUAL(hfp_mul_add(&r, &half, &big, &big, HFP_SHORT, false, 0),
                    PGM_HFP_EXP_OVERFLOW);
    CU_ASSERT_EQUAL(s_of(&r), 0x1F100000);
    struct hfp l = L(0x4110000000000001), lm1 = L(0xC110000000000000);
    hfp_mul_add(&r, &lm1, &l, &l, HFP_LONG, false, 0);
    CU_ASSERT_EQUAL(l_of(&r), 0x3420000000000001);  /* 2*16^-13 + 16^-26 */
}

static void test_round(void)
{
    struct hfp a = L(0x4112345680000000), r;
    CU_ASSERT_EQUAL(hfp_round(&r, &a, HFP_LONG, HFP_SHORT), 0);
    CU_ASSERT_EQUAL(s_of(&r), 0x41123457);
    a = L(0x411234567FFFFFFF);
    hfp_round(&r, &a, HFP_LONG, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x41123456);
    a = L(0xC1FFFFFF80000000);
    hfp_round(&r, &a, HFP_LONG, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0xC2100000);
    a = L(0x0000000080000000);                    /* not normalized */
    hfp_round(&r, &a, HFP_LONG, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x00000001);
    a = L(0x7FFFFFFF80000000);
    CU_ASSERT_EQUAL(hfp_round(&r, &a, HFP_LONG, HFP_SHORT), PGM_HFP_EXP_OVERFLOW);
    CU_ASSERT_EQUAL(s_of(&r), 0x00100000);
    struct hfp x = X(0x41123456789ABCDE, 0x3380000000000000);
    hfp_round(&r, &x, HFP_EXT, HFP_LONG);
    CU_ASSERT_EQUAL(l_of(&r), 0x41123456789ABCDF);
    x = X(0x4112345680000000, 0x33FFFFFFFFFFFFFF);
    hfp_round(&r, &x, HFP_EXT, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x41123457);
}

static void test_integer(void)
{
    struct hfp a = S(0x42123456), r;
    hfp_integer(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x42120000);
    a = S(0x40800000);
    hfp_integer(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0);
    a = S(0xC3012345);                              /* -0x12.345, unnormalized */
    hfp_integer(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0xC2120000);
    a = S(0x47012345);                              /* already an integer */
    hfp_integer(&r, &a, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x46123450);
    struct hfp x = X(0x4F12345678ABCDEF, 0x41FEDCBA98765432);
    hfp_integer(&r, &x, HFP_EXT);
    check_ext(&r, 0x4F12345678ABCDEF, 0x41F0000000000000);  /* 15 integer digits */
}

static void test_from_int(void)
{
    struct hfp r;
    hfp_from_int32(&r, 1, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0x41100000);
    hfp_from_int32(&r, -1, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0xC1100000);
    hfp_from_int32(&r, 0x7FFFFFFF, HFP_SHORT);        /* truncated */
    CU_ASSERT_EQUAL(s_of(&r), 0x487FFFFF);
    hfp_from_int32(&r, INT32_MIN, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0xC8800000);
    hfp_from_int32(&r, 0, HFP_SHORT);
    CU_ASSERT_EQUAL(s_of(&r), 0);
    hfp_from_int32(&r, 0x7FFFFFFF, HFP_LONG);
    CU_ASSERT_EQUAL(l_of(&r), 0x487FFFFFFF000000);
    hfp_from_int32(&r, -2, HFP_EXT);
    check_ext(&r, 0xC120000000000000, 0xB300000000000000);
}

static void check_to_int(uint32_t w, unsigned m3, int32_t want, uint8_t cc)
{
    struct hfp a = S(w);
    int32_t v = 12345;
    CU_ASSERT_EQUAL(hfp_to_int32(&v, &a, HFP_SHORT, m3), cc);
    CU_ASSERT_EQUAL(v, want);
}

static void test_to_int(void)
{
    check_to_int(0x41180000, 1, 2, 2);     /* 1.5 */
    check_to_int(0x41180000, 4, 2, 2);
    check_to_int(0x41180000, 5, 1, 2);
    check_to_int(0x41180000, 0, 1, 2);
    check_to_int(0x41180000, 6, 2, 2);
    check_to_int(0x41180000, 7, 1, 2);
    check_to_int(0x41280000, 4, 2, 2);     /* 2.5: ties to even */
    check_to_int(0x41280000, 1, 3, 2);
    check_to_int(0xC1180000, 1, -2, 1);    /* -1.5 */
    check_to_int(0xC1180000, 4, -2, 1);
    check_to_int(0xC1180000, 5, -1, 1);
    check_to_int(0xC1180000, 6, -1, 1);
    check_to_int(0xC1180000, 7, -2, 1);
    check_to_int(0xC0400000, 5, 0, 1);     /* -0.25: CC from the source */
    check_to_int(0xC0400000, 7, -1, 1);
    check_to_int(0x00100000, 6, 1, 2);
    check_to_int(0x00100000, 1, 0, 2);
    check_to_int(0x48800000, 5, INT32_MAX, 3);
    check_to_int(0xC8800000, 5, INT32_MIN, 1);
    check_to_int(0x49100000, 5, INT32_MAX, 3);
    check_to_int(0xC9100000, 5, INT32_MIN, 3);
    check_to_int(0x80000000, 7, 0, 0);
    struct hfp a = L(0x487FFFFFFF800000);            /* 0x7FFFFFFF.8 */
    int32_t v;
    CU_ASSERT_EQUAL(hfp_to_int32(&v, &a, HFP_LONG, 1), 3);
    CU_ASSERT_EQUAL(v, INT32_MAX);
    CU_ASSERT_EQUAL(hfp_to_int32(&v, &a, HFP_LONG, 5), 2);
    CU_ASSERT_EQUAL(v, INT32_MAX);
}

static void test_pack_ext(void)
{
    /* the low-order part's sign and characteristic are derived, wrapping */
    struct hfp x = X(0x8512345678ABCDEF, 0x0011111111111111), r;
    check_ext(&x, 0x8512345678ABCDEF, 0xF711111111111111);
    r = X(0x0000000000000001, 0);
    check_ext(&r, 0x0000000000000001, 0x7200000000000000);
}

UNIT_SUITE(hfp)
{
    UNIT_TEST(s, test_add_normalized);
    UNIT_TEST(s, test_add_unnormalized);
    UNIT_TEST(s, test_add_exceptions);
    UNIT_TEST(s, test_add_long_ext);
    UNIT_TEST(s, test_compare);
    UNIT_TEST(s, test_multiply);
    UNIT_TEST(s, test_divide);
    UNIT_TEST(s, test_halve);
    UNIT_TEST(s, test_sqrt);
    UNIT_TEST(s, test_mul_add);
    UNIT_TEST(s, test_round);
    UNIT_TEST(s, test_integer);
    UNIT_TEST(s, test_from_int);
    UNIT_TEST(s, test_to_int);
    UNIT_TEST(s, test_pack_ext);
}

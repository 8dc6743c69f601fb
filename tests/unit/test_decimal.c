/* Packed-decimal helpers (cpu/decimal.h), checked against plain digit-by-
   digit reference computations. */
#include <string.h>

#include "cpu/decimal.h"
#include "unit.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Reference: binary to BCD and back one digit at a time. */
static u128 ref_to_bcd(u128 v)
{
    u128 d = 0;
    for (int shift = 0; v; shift += 4, v /= 10)
        d |= (u128)(unsigned)(v % 10) << shift;
    return d;
}

static u128 ref_to_bin(u128 d)
{
    u128 v = 0, scale = 1;
    for (; d; d >>= 4, scale *= 10)
        v += (u128)(unsigned)(d & 0xF) * scale;
    return v;
}

/* A random number of 1..31 digits. */
static u128 random_digits_value(void)
{
    unsigned n = 1 + rng() % 31;
    u128 v = 0;
    for (unsigned i = 0; i < n; i++)
        v = v * 10 + rng() % 10;
    return v;
}

static void test_bcd_invalid(void)
{
    for (unsigned pos = 0; pos < 16; pos++)
        for (uint64_t n = 0; n < 16; n++) {
            uint64_t x = (0x1234567812345678ull & ~(0xFull << 4 * pos)) | n << 4 * pos;
            CU_ASSERT_EQUAL(bcd_invalid(x) != 0, n > 9);
        }
    CU_ASSERT_FALSE(bcd_invalid(0x9999999999999999ull));
    CU_ASSERT_FALSE(bcd_invalid(0x8888888888888888ull));
}

static void test_bcd_to_bin(void)
{
    CU_ASSERT_EQUAL(bcd_to_bin(0), 0);
    CU_ASSERT_EQUAL(bcd_to_bin(0x9999999999999999ull), 9999999999999999ull);
    CU_ASSERT_EQUAL(bcd_to_bin(0x1234567890123456ull), 1234567890123456ull);
    for (int i = 0; i < 100000; i++) {
        uint64_t v = rng() % DEC_E16;
        CU_ASSERT_EQUAL(bcd_to_bin((uint64_t)ref_to_bcd(v)), v);
    }
}

static void test_bin_to_bcd(void)
{
    static const uint32_t edges[] = { 0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000,
                                      10001, 99999, 999999, 9999999, 10000000, 99999999 };
    for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++)
        CU_ASSERT_EQUAL(bcd8(edges[i]), (uint32_t)ref_to_bcd(edges[i]));
    for (uint32_t v = 0; v < 100000000u; v += 997)
        CU_ASSERT_EQUAL(bcd8(v), (uint32_t)ref_to_bcd(v));
    CU_ASSERT_EQUAL(bin_to_bcd(9999999999999999ull), 0x9999999999999999ull);
    CU_ASSERT_EQUAL(bin_to_bcd(2147483648ull), 0x2147483648ull);
    for (int i = 0; i < 100000; i++) {
        uint64_t v = rng() % DEC_E16;
        CU_ASSERT_EQUAL(bin_to_bcd(v), (uint64_t)ref_to_bcd(v));
    }
}

static void test_bcd128_conversions(void)
{
    u128 max31 = 0;
    for (int i = 0; i < 31; i++)
        max31 = max31 << 4 | 9;
    CU_ASSERT(bcd_to_bin128(max31) == ref_to_bin(max31));
    CU_ASSERT(bin_to_bcd128(ref_to_bin(max31)) == max31);
    for (int i = 0; i < 20000; i++) {
        u128 v = random_digits_value();
        CU_ASSERT(bin_to_bcd128(v) == ref_to_bcd(v));
        CU_ASSERT(bcd_to_bin128(ref_to_bcd(v)) == v);
    }
}

static void test_bcd_add_sub(void)
{
    u128 nines = 0;
    for (int i = 0; i < 31; i++)
        nines = nines << 4 | 9;
    /* carries through every digit, across the 64-bit boundary, into digit 31 */
    CU_ASSERT(bcd_add(nines, 1) == (u128)1 << 124);
    CU_ASSERT(bcd_add(nines, nines) == ref_to_bcd(ref_to_bin(nines) * 2));
    CU_ASSERT(bcd_sub((u128)1 << 124, 1) == nines);
    CU_ASSERT(bcd_sub(0x1000000000000000ull, 1) == 0x999999999999999ull);
    CU_ASSERT(bcd_sub(0x5, 0x5) == 0);
    for (int i = 0; i < 50000; i++) {
        u128 a = random_digits_value(), b = random_digits_value();
        u128 x = ref_to_bcd(a), y = ref_to_bcd(b);
        CU_ASSERT(bcd_add(x, y) == ref_to_bcd(a + b));
        if (a >= b)
            CU_ASSERT(bcd_sub(x, y) == ref_to_bcd(a - b));
        CU_ASSERT((x < y) == (a < b));   /* BCD orders like binary */
    }
}

static void test_decode_encode(void)
{
    struct dec d;
    CU_ASSERT_TRUE(dec_decode(0x12345C, &d));
    CU_ASSERT(d.digits == 0x12345);
    CU_ASSERT_FALSE(d.neg);
    CU_ASSERT_TRUE(dec_decode(0x0D, &d));   /* negative zero */
    CU_ASSERT(d.digits == 0);
    CU_ASSERT_TRUE(d.neg);
    for (unsigned s = 0; s < 16; s++) {
        CU_ASSERT_EQUAL(dec_decode(0x120 | s, &d), s >= 0xA);
        if (s >= 0xA)
            CU_ASSERT_EQUAL(d.neg, s == 0xB || s == 0xD);
    }
    CU_ASSERT_FALSE(dec_decode(0x1A3C, &d));                         /* digit A */
    CU_ASSERT_FALSE(dec_decode((u128)0xF << 120 | 0xC, &d));         /* high half */
    CU_ASSERT_TRUE(dec_decode((u128)0x9 << 120 | 0xF, &d));
    CU_ASSERT(dec_encode(0x123, false) == 0x123C);
    CU_ASSERT(dec_encode(0x123, true) == 0x123D);
}

static void test_zoned_nibbles(void)
{
    CU_ASSERT_EQUAL(zoned_to_nibbles(0xF1F2F3F4F5F6F7F8ull), 0x12345678u);
    CU_ASSERT_EQUAL(zoned_to_nibbles(0x3930313233343536ull), 0x90123456u);
    CU_ASSERT_EQUAL(nibbles_to_zoned(0x12345678u, 0xF0), 0xF1F2F3F4F5F6F7F8ull);
    CU_ASSERT_EQUAL(nibbles_to_zoned(0x0000ABCDu, 0x30), 0x303030303A3B3C3Dull);
    for (int i = 0; i < 1000; i++) {
        uint32_t v = (uint32_t)rng();
        CU_ASSERT_EQUAL(zoned_to_nibbles(nibbles_to_zoned(v, 0xF0)), v);
    }
    CU_ASSERT_EQUAL(swap_nibbles(0x3C), 0xC3);
}

static void test_fields(void)
{
    uint8_t bytes[16], out[16];
    for (unsigned i = 0; i < 16; i++)
        bytes[i] = (uint8_t)(0x11 * i + 1);
    for (unsigned len = 1; len <= 16; len++) {
        u128 ref = 0;
        for (unsigned i = 0; i < len; i++)
            ref = ref << 8 | bytes[i];
        u128 v = load_field(bytes, len);
        CU_ASSERT(v == ref);
        memset(out, 0xEE, sizeof out);
        u128 junk = len < 16 ? (u128)0xAB << (8 * len) : 0;   /* above the field: dropped */
        store_field(out, len, v | junk);
        CU_ASSERT_EQUAL(memcmp(out, bytes, len), 0);
        if (len < 16)
            CU_ASSERT_EQUAL(out[len], 0xEE);   /* nothing past the field */
    }
}

UNIT_SUITE(decimal)
{
    UNIT_TEST(s, test_bcd_invalid);
    UNIT_TEST(s, test_bcd_to_bin);
    UNIT_TEST(s, test_bin_to_bcd);
    UNIT_TEST(s, test_bcd128_conversions);
    UNIT_TEST(s, test_bcd_add_sub);
    UNIT_TEST(s, test_decode_encode);
    UNIT_TEST(s, test_zoned_nibbles);
    UNIT_TEST(s, test_fields);
}

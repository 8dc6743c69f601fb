/*
 * Decimal arithmetic (SA22-7201 chapter 8): AP, SP, ZAP, CP, MP, DP, SRP,
 * and the conversions CVB and CVD.
 *
 * Every operand is checked for access first; then all digit and sign
 * codes are validated (data exception, DXC 0, nothing stored).  Addition,
 * comparison and shifting work on the packed digits directly; MP, DP, CVB
 * and CVD go through binary.  Results get the preferred sign C or D.
 * Reading both operands before storing gives the architected result for
 * the permitted overlaps (coincident rightmost bytes; for ZAP, also a
 * first operand whose rightmost byte lies right of the second's).
 */
#include "decimal.h"
#include "insn.h"
#include "interrupt.h"

/* The digits of a field of len bytes: 2 * len - 1. */
static inline unsigned field_digits(unsigned len) { return 2 * len - 1; }

/* Are there nonzero digits at position n (counted from 0 at the right)
   and to the left of it? */
static inline bool digits_from(u128 digits, unsigned n)
{
    return n < 32 && (digits >> (4 * n)) != 0;
}

static inline void decode_or_trap(struct cpu *c, u128 raw, struct dec *d)
{
    if (__builtin_expect(!dec_decode(raw, d), 0))
        cpu_data_exception(c, DXC_DECIMAL);
}

/* The two operands of an SS instruction with two lengths; the first is
   checked for `acc1` (store implies fetch). */
struct dec_operands {
    struct vspan op1, op2;
};

static ALWAYS_INLINE void get_operands(struct cpu *c, const uint8_t *ip, struct dec_operands *o,
                                enum acc_type acc1)
{
    field_get(c, &o->op2, addr_bd(c, ip + 4), SS_L2(ip) + 1u, BASE(ip + 4), ACC_FETCH);
    field_get(c, &o->op1, addr_bd(c, ip + 2), SS_L1(ip) + 1u, BASE(ip + 2), acc1);
}

/* An operand of up to 8 bytes in one page: decoded in one machine word. */
static ALWAYS_INLINE bool short_field(const struct vspan *s)
{
    return s->len <= 8 && !s->p1;
}

static ALWAYS_INLINE void decode_field(struct cpu *c, const struct vspan *s, struct dec *d)
{
    bool ok = short_field(s) ? dec_decode64(load_be_n(s->p0, s->len), d)
                             : dec_decode(span_load(s), d);
    if (__builtin_expect(!ok, 0))
        cpu_data_exception(c, DXC_DECIMAL);
}

/* Both operands fetched and decoded (AP, SP, CP, MP, DP). */
static ALWAYS_INLINE void decode_operands(struct cpu *c, const uint8_t *ip, struct dec_operands *o,
                            enum acc_type acc1, struct dec *a, struct dec *b)
{
    get_operands(c, ip, o, acc1);
    decode_field(c, &o->op1, a);
    decode_field(c, &o->op2, b);
}

/* Store a result that sets the condition code (AP, SP, ZAP, SRP).  Digits
   beyond the field are dropped; ovf says nonzero ones were.  A zero result
   is positive, except that an overflowed one keeps the sign of the true
   result.  The overflow interruption, when the program mask allows it,
   comes after the result is stored (the instruction completes). */
static ALWAYS_INLINE void store_result(struct cpu *c, const struct vspan *op1, u128 digits, bool neg, bool ovf)
{
    neg = neg && (digits != 0 || ovf);
    span_store(op1, dec_encode(digits, neg));
    c->cc = ovf ? 3 : digits == 0 ? 0 : neg ? 1 : 2;
    if (__builtin_expect(ovf, 0) && (c->pswm & PSW_PM_DECOVF))
        cpu_program_check(c, PGM_DECIMAL_OVERFLOW);
}

static ALWAYS_INLINE void store_sum(struct cpu *c, const struct vspan *op1, const struct dec *r)
{
    store_result(c, op1, r->digits, r->neg, digits_from(r->digits, field_digits(op1->len)));
}

static void add_decimal(struct cpu *c, const uint8_t *ip, bool subtract)
{
    struct dec_operands o;
    struct dec a, b;
    decode_operands(c, ip, &o, ACC_STORE, &a, &b);
    b.neg ^= subtract;
    /* 15 digits each at most: the sum still fits in one machine word */
    bool short_sum = short_field(&o.op1) && short_field(&o.op2);
    if (a.neg == b.neg) {
        a.digits = short_sum ? bcd_add64((uint64_t)a.digits, (uint64_t)b.digits)
                             : bcd_add(a.digits, b.digits);
    } else if (a.digits >= b.digits) {   /* BCD orders like binary */
        a.digits = short_sum ? bcd_sub64((uint64_t)a.digits, (uint64_t)b.digits)
                             : bcd_sub(a.digits, b.digits);
    } else {
        a.digits = short_sum ? bcd_sub64((uint64_t)b.digits, (uint64_t)a.digits)
                             : bcd_sub(b.digits, a.digits);
        a.neg = b.neg;
    }
    store_sum(c, &o.op1, &a);
}

void op_AP(struct cpu *c, const uint8_t *ip) { add_decimal(c, ip, false); }
void op_SP(struct cpu *c, const uint8_t *ip) { add_decimal(c, ip, true); }

void op_ZAP(struct cpu *c, const uint8_t *ip)
{
    struct dec_operands o;
    get_operands(c, ip, &o, ACC_STORE);
    struct dec b;
    decode_field(c, &o.op2, &b);   /* the first operand is not checked */
    store_sum(c, &o.op1, &b);
}

void op_CP(struct cpu *c, const uint8_t *ip)
{
    struct dec_operands o;
    struct dec a, b;
    decode_operands(c, ip, &o, ACC_FETCH, &a, &b);
    bool a_neg = a.neg && a.digits != 0, b_neg = b.neg && b.digits != 0;   /* -0 = +0 */
    if (a_neg != b_neg)
        c->cc = a_neg ? 1 : 2;
    else if (a.digits == b.digits)
        c->cc = 0;
    else
        c->cc = (a.digits < b.digits) != a_neg ? 1 : 2;
}

/* MP and DP: the second operand has at most 8 bytes and is shorter than
   the first. */
static void check_mul_div_lengths(struct cpu *c, const uint8_t *ip)
{
    if (SS_L2(ip) > 7 || SS_L2(ip) >= SS_L1(ip))
        cpu_program_check(c, PGM_SPECIFICATION);
}

void op_MP(struct cpu *c, const uint8_t *ip)
{
    check_mul_div_lengths(c, ip);
    struct dec_operands o;
    struct dec a, b;
    decode_operands(c, ip, &o, ACC_STORE, &a, &b);
    /* The multiplicand must have as many leftmost zero bytes as the
       multiplier has bytes; then the product always fits. */
    if (digits_from(a.digits, field_digits(o.op1.len - o.op2.len)))
        cpu_data_exception(c, DXC_DECIMAL);
    u128 product = bcd_to_bin128(a.digits) * bcd_to_bin128(b.digits);
    /* The sign follows the rules of algebra even for a zero product. */
    span_store(&o.op1, dec_encode(bin_to_bcd128(product), a.neg != b.neg));
}

void op_DP(struct cpu *c, const uint8_t *ip)
{
    check_mul_div_lengths(c, ip);
    struct dec_operands o;
    struct dec a, b;
    decode_operands(c, ip, &o, ACC_STORE, &a, &b);
    /* Quotient leftmost (len1 - len2 bytes), remainder rightmost (len2
       bytes): a zero divisor or a quotient too long for its field is a
       decimal-divide exception, and nothing is stored. */
    unsigned rem_len = o.op2.len;
    u128 divisor = bcd_to_bin128(b.digits);
    if (divisor == 0)
        cpu_program_check(c, PGM_DECIMAL_DIVIDE);
    u128 dividend = bcd_to_bin128(a.digits);
    u128 q = bin_to_bcd128(dividend / divisor), r = bin_to_bcd128(dividend % divisor);
    if (digits_from(q, field_digits(o.op1.len - rem_len)))
        cpu_program_check(c, PGM_DECIMAL_DIVIDE);
    /* Quotient sign by algebra, remainder sign that of the dividend, even
       when zero.  The remainder is below the divisor, so its packed form
       fills at most rem_len bytes. */
    u128 quot = dec_encode(q, a.neg != b.neg), rem = dec_encode(r, a.neg);
    span_store(&o.op1, quot << (8 * rem_len) | rem);
}

void op_SRP(struct cpu *c, const uint8_t *ip)
{
    unsigned len = SS_L1(ip) + 1u, round = ip[1] & 0x0F;
    struct vspan op1;
    field_get(c, &op1, addr_bd(c, ip + 2), len, BASE(ip + 2), ACC_STORE);
    struct dec a;
    decode_or_trap(c, span_load(&op1), &a);
    if (round > 9)
        cpu_data_exception(c, DXC_DECIMAL);
    /* The second-operand address is not used for storage: its rightmost
       six bits are a signed digit count (positive: left). */
    int shift = (int)(addr_bd(c, ip + 4) & 0x3F);
    if (shift & 0x20)
        shift -= 64;
    unsigned digits = field_digits(len);
    bool ovf = false;
    if (shift > 0) {
        ovf = digits_from(a.digits, shift < (int)digits ? digits - shift : 0);
        a.digits = shift < (int)digits ? a.digits << (4 * shift) : 0;
    } else if (shift < 0) {
        /* Rounding adds the digit to the leftmost digit shifted out.  A
           shift by 32 leaves nothing: digit 31 is zero, so no carry. */
        unsigned n = (unsigned)-shift;
        a.digits = n < 32 ? bcd_add(a.digits, (u128)round << (4 * (n - 1))) >> (4 * n) : 0;
    }
    store_result(c, &op1, a.digits, a.neg, ovf);
}

void op_CVB(struct cpu *c, const uint8_t *ip)
{
    struct dec d;
    decode_or_trap(c, vfetch8(c, addr_rx(c, ip), BASE(ip + 2)), &d);
    int64_t mag = (int64_t)bcd_to_bin((uint64_t)d.digits);
    int64_t v = d.neg ? -mag : mag;
    /* Out of range: the rightmost 32 bits are still placed in R1. */
    c->gr[R1(ip)] = (uint32_t)v;
    if (v < INT32_MIN || v > INT32_MAX)
        cpu_program_check(c, PGM_FIXED_DIVIDE);
}

void op_CVD(struct cpu *c, const uint8_t *ip)
{
    int32_t v = (int32_t)c->gr[R1(ip)];
    uint64_t mag = v < 0 ? -(uint64_t)(int64_t)v : (uint64_t)v;
    vstore8(c, addr_rx(c, ip), BASE(ip + 2), (uint64_t)dec_encode(bin_to_bcd(mag), v < 0));
}

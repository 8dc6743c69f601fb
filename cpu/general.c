/*
 * General instructions: fixed-point loads and stores, arithmetic, logical
 * operations on registers, shifts, and the z900 additions usable in
 * ESA/390 mode (ALC, SLB, ML, DL, RLL, LRV ...).
 */
#include "hot.h"

static inline void require_even(struct cpu *c, int r)
{
    if (r & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
}

/* ---- loads and stores ---- */

void op_LHI(struct cpu *c, const uint8_t *ip) { c->gr[R1(ip)] = (uint32_t)(int32_t)I2_16(ip); }
void op_STH(struct cpu *c, const uint8_t *ip) { vstore2(c, addr_rx(c, ip), BASE(ip + 2), (uint16_t)c->gr[R1(ip)]); }

void op_LAE(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), b2 = BASE(ip + 2);
    c->gr[r1] = addr_rx(c, ip);
    /* The access register gets the ALET that an AR-mode access through B2
       would use: primary space (0) outside AR mode or when B2 is zero. */
    bool ar_mode = (c->pswm & PSW_DAT) && (c->pswm & PSW_AS) == AS_AR;
    c->ar[r1] = !(c->pswm & PSW_DAT) ? 0 : ar_mode ? (b2 ? c->ar[b2] : 0)
              : (c->pswm & PSW_AS) == AS_SECONDARY ? 1
              : (c->pswm & PSW_AS) == AS_HOME ? 2 : 0;
}

void op_LM(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip), b2 = BASE(ip + 2);
    uint32_t ea = addr_bd(c, ip + 2);
    unsigned n = ((r3 - r1) & 15) + 1;
    uint8_t buf[64];
    vfetch_bytes(c, ea, b2, buf, n * 4);
    for (unsigned i = 0; i < n; i++)
        c->gr[(r1 + i) & 15] = be32(buf + 4 * i);
}

void op_STM(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip), b2 = BASE(ip + 2);
    uint32_t ea = addr_bd(c, ip + 2);
    unsigned n = ((r3 - r1) & 15) + 1;
    uint8_t buf[64];
    for (unsigned i = 0; i < n; i++)
        put_be32(buf + 4 * i, c->gr[(r1 + i) & 15]);
    vstore_bytes(c, ea, b2, buf, n * 4);
}


void op_LPR(struct cpu *c, const uint8_t *ip)
{
    int32_t v = (int32_t)c->gr[R2(ip)];
    if (v == INT32_MIN) {
        c->gr[R1(ip)] = (uint32_t)v;
        fixed_overflow(c);
        return;
    }
    v = v < 0 ? -v : v;
    c->gr[R1(ip)] = (uint32_t)v;
    c->cc = v ? 2 : 0;
}

void op_LNR(struct cpu *c, const uint8_t *ip)
{
    int32_t v = (int32_t)c->gr[R2(ip)];
    uint32_t r = v > 0 ? (uint32_t)-v : (uint32_t)v;
    c->gr[R1(ip)] = r;
    c->cc = r ? 1 : 0;
}

void op_LCR(struct cpu *c, const uint8_t *ip)
{
    c->gr[R1(ip)] = sub_signed(c, 0, c->gr[R2(ip)]);
    if (c->cc == 3)
        fixed_overflow(c);
}

/* Byte-reversed loads and stores (z900, usable in ESA/390 mode). */
void op_LRVR(struct cpu *c, const uint8_t *ip) { c->gr[RRE_R1(ip)] = __builtin_bswap32(c->gr[RRE_R2(ip)]); }
void op_LRV(struct cpu *c, const uint8_t *ip)
{
    c->gr[R1(ip)] = __builtin_bswap32(vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}
void op_LRVH(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    uint16_t v = __builtin_bswap16(vfetch2(c, addr_rx(c, ip), BASE(ip + 2)));
    c->gr[r1] = (c->gr[r1] & 0xFFFF0000u) | v;
}
void op_STRV(struct cpu *c, const uint8_t *ip)
{
    vstore4(c, addr_rx(c, ip), BASE(ip + 2), __builtin_bswap32(c->gr[R1(ip)]));
}
void op_STRVH(struct cpu *c, const uint8_t *ip)
{
    vstore2(c, addr_rx(c, ip), BASE(ip + 2), __builtin_bswap16((uint16_t)c->gr[R1(ip)]));
}

/* ---- signed arithmetic ---- */

void op_AH(struct cpu *c, const uint8_t *ip)
{
    uint32_t v = (uint32_t)(int32_t)(int16_t)vfetch2(c, addr_rx(c, ip), BASE(ip + 2));
    set_arith(c, R1(ip), add_signed(c, c->gr[R1(ip)], v));
}
void op_SH(struct cpu *c, const uint8_t *ip)
{
    uint32_t v = (uint32_t)(int32_t)(int16_t)vfetch2(c, addr_rx(c, ip), BASE(ip + 2));
    set_arith(c, R1(ip), sub_signed(c, c->gr[R1(ip)], v));
}
void op_AHI(struct cpu *c, const uint8_t *ip)
{
    set_arith(c, R1(ip), add_signed(c, c->gr[R1(ip)], (uint32_t)(int32_t)I2_16(ip)));
}

void op_CH(struct cpu *c, const uint8_t *ip)
{
    c->cc = cc_compare_s((int32_t)c->gr[R1(ip)], (int16_t)vfetch2(c, addr_rx(c, ip), BASE(ip + 2)));
}
void op_CHI(struct cpu *c, const uint8_t *ip) { c->cc = cc_compare_s((int32_t)c->gr[R1(ip)], I2_16(ip)); }

/* Multiplications: MR/M give a 64-bit product in an even/odd pair; the
   others keep the rightmost 32 bits and ignore overflow. */
static void multiply_pair(struct cpu *c, int r1, uint32_t v)
{
    require_even(c, r1);
    set_gr_pair(c, r1, (uint64_t)((int64_t)(int32_t)c->gr[r1 + 1] * (int32_t)v));
}
void op_MR(struct cpu *c, const uint8_t *ip) { multiply_pair(c, R1(ip), c->gr[R2(ip)]); }
void op_M(struct cpu *c, const uint8_t *ip)
{
    require_even(c, R1(ip));
    multiply_pair(c, R1(ip), vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}
void op_MH(struct cpu *c, const uint8_t *ip)
{
    int32_t v = (int16_t)vfetch2(c, addr_rx(c, ip), BASE(ip + 2));
    c->gr[R1(ip)] = (uint32_t)((int64_t)(int32_t)c->gr[R1(ip)] * v);
}
void op_MHI(struct cpu *c, const uint8_t *ip)
{
    c->gr[R1(ip)] = (uint32_t)((int64_t)(int32_t)c->gr[R1(ip)] * I2_16(ip));
}
void op_MSR(struct cpu *c, const uint8_t *ip)
{
    c->gr[RRE_R1(ip)] = (uint32_t)((int64_t)(int32_t)c->gr[RRE_R1(ip)] * (int32_t)c->gr[RRE_R2(ip)]);
}
void op_MS(struct cpu *c, const uint8_t *ip)
{
    int32_t v = (int32_t)vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    c->gr[R1(ip)] = (uint32_t)((int64_t)(int32_t)c->gr[R1(ip)] * v);
}

static void multiply_logical(struct cpu *c, int r1, uint32_t v)
{
    require_even(c, r1);
    set_gr_pair(c, r1, (uint64_t)c->gr[r1 + 1] * v);
}
void op_MLR(struct cpu *c, const uint8_t *ip) { multiply_logical(c, RRE_R1(ip), c->gr[RRE_R2(ip)]); }
void op_ML(struct cpu *c, const uint8_t *ip)
{
    require_even(c, R1(ip));
    multiply_logical(c, R1(ip), vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}

/* Division of the 64-bit pair r1,r1+1: remainder to r1, quotient to r1+1. */
static void divide_pair(struct cpu *c, int r1, uint32_t v)
{
    require_even(c, r1);
    int64_t dividend = (int64_t)gr_pair(c, r1);
    int32_t divisor = (int32_t)v;
    if (divisor == 0)
        cpu_program_check(c, PGM_FIXED_DIVIDE);
    if (dividend == INT64_MIN && divisor == -1)
        cpu_program_check(c, PGM_FIXED_DIVIDE);
    int64_t q = dividend / divisor;
    if (q < INT32_MIN || q > INT32_MAX)
        cpu_program_check(c, PGM_FIXED_DIVIDE);
    c->gr[r1] = (uint32_t)(int32_t)(dividend % divisor);
    c->gr[r1 + 1] = (uint32_t)(int32_t)q;
}
void op_DR(struct cpu *c, const uint8_t *ip) { divide_pair(c, R1(ip), c->gr[R2(ip)]); }
void op_D(struct cpu *c, const uint8_t *ip)
{
    require_even(c, R1(ip));
    divide_pair(c, R1(ip), vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}

static void divide_logical(struct cpu *c, int r1, uint32_t v)
{
    require_even(c, r1);
    uint64_t dividend = gr_pair(c, r1);
    if (v == 0 || dividend / v > UINT32_MAX)
        cpu_program_check(c, PGM_FIXED_DIVIDE);
    c->gr[r1] = (uint32_t)(dividend % v);
    c->gr[r1 + 1] = (uint32_t)(dividend / v);
}
void op_DLR(struct cpu *c, const uint8_t *ip) { divide_logical(c, RRE_R1(ip), c->gr[RRE_R2(ip)]); }
void op_DL(struct cpu *c, const uint8_t *ip)
{
    require_even(c, R1(ip));
    divide_logical(c, R1(ip), vfetch4(c, addr_rx(c, ip), BASE(ip + 2)));
}

/* ---- logical arithmetic ---- */

/* With carry/borrow: the carry in is CC bit 1 (CC 2 or 3). */
void op_ALCR(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip);
    c->gr[r1] = add_logical(c, c->gr[r1], c->gr[RRE_R2(ip)], c->cc >> 1);
}
void op_SLBR(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip);
    c->gr[r1] = sub_logical(c, c->gr[r1], c->gr[RRE_R2(ip)], c->cc >> 1);
}
void op_ALC(struct cpu *c, const uint8_t *ip)
{
    uint32_t v = vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    c->gr[R1(ip)] = add_logical(c, c->gr[R1(ip)], v, c->cc >> 1);
}
void op_SLB(struct cpu *c, const uint8_t *ip)
{
    uint32_t v = vfetch4(c, addr_rx(c, ip), BASE(ip + 2));
    c->gr[R1(ip)] = sub_logical(c, c->gr[R1(ip)], v, c->cc >> 1);
}


/* ---- boolean ---- */


/* Test under mask on halfwords of R1 (TMH = bits 0-15, TML = bits 16-31). */
static void test_under_mask16(struct cpu *c, uint16_t v, uint16_t mask)
{
    uint16_t sel = v & mask;
    if (sel == 0)
        c->cc = 0;
    else if (sel == mask)
        c->cc = 3;
    else
        c->cc = (sel & (0x8000u >> __builtin_clz((uint32_t)mask << 16))) ? 2 : 1;
}
void op_TMH(struct cpu *c, const uint8_t *ip) { test_under_mask16(c, (uint16_t)(c->gr[R1(ip)] >> 16), (uint16_t)I2_16(ip)); }
void op_TML(struct cpu *c, const uint8_t *ip) { test_under_mask16(c, (uint16_t)c->gr[R1(ip)], (uint16_t)I2_16(ip)); }

/* ---- shifts ---- */

void op_SRA(struct cpu *c, const uint8_t *ip)
{
    unsigned n = shift_amount(c, ip);
    int32_t v = (int32_t)c->gr[R1(ip)] >> (n > 31 ? 31 : n);
    c->gr[R1(ip)] = (uint32_t)v;
    c->cc = cc_signed(v);
}

/* Arithmetic left shift of a value of `bits` bits: the sign stays, and an
   overflow is any shifted-out bit that differs from it. */
static uint64_t shift_left_arith(struct cpu *c, uint64_t v, unsigned n, unsigned bits)
{
    uint64_t sign = (v >> (bits - 1)) & 1;
    uint64_t mag_mask = (bits == 64 ? ~UINT64_C(0) : (UINT64_C(1) << bits) - 1) >> 1;
    uint64_t mag = v & mag_mask;
    bool overflow = false;
    for (unsigned i = 0; i < n; i++) {
        if (((mag >> (bits - 2)) & 1) != sign)
            overflow = true;
        mag = (mag << 1) & mag_mask;
    }
    uint64_t r = mag | sign << (bits - 1);
    c->cc = overflow ? 3 : mag == 0 ? 0 : sign ? 1 : 2;
    return r;
}

void op_SLA(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    c->gr[r1] = (uint32_t)shift_left_arith(c, c->gr[r1], shift_amount(c, ip), 32);
    if (c->cc == 3)
        fixed_overflow(c);
}

void op_SLDA(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    require_even(c, r1);
    set_gr_pair(c, r1, shift_left_arith(c, gr_pair(c, r1), shift_amount(c, ip), 64));
    if (c->cc == 3)
        fixed_overflow(c);
}

void op_SRDA(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    require_even(c, r1);
    int64_t v = (int64_t)gr_pair(c, r1) >> shift_amount(c, ip);
    set_gr_pair(c, r1, (uint64_t)v);
    c->cc = v == 0 ? 0 : v < 0 ? 1 : 2;
}

void op_SLDL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    require_even(c, r1);
    set_gr_pair(c, r1, gr_pair(c, r1) << shift_amount(c, ip));
}

void op_SRDL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    require_even(c, r1);
    set_gr_pair(c, r1, gr_pair(c, r1) >> shift_amount(c, ip));
}

void op_RLL(struct cpu *c, const uint8_t *ip)
{
    unsigned n = addr_bd(c, ip + 2) & 31;
    uint32_t v = c->gr[R3(ip)];
    c->gr[R1(ip)] = n ? (v << n | v >> (32 - n)) : v;
}

/* ---- characters under mask ---- */

/* The bytes of v that mask (4 bits, left to right) selects, packed to
   the right, and the reverse. */
static uint32_t mask_gather(uint32_t v, unsigned mask)
{
    uint32_t r = 0;
#pragma GCC unroll 4
    for (int i = 0; i < 4; i++)
        if (mask & (8 >> i))
            r = r << 8 | (uint8_t)(v >> (24 - 8 * i));
    return r;
}

static uint32_t mask_scatter(uint32_t v, unsigned mask, uint32_t bytes)
{
#pragma GCC unroll 4
    for (int i = 3; i >= 0; i--)
        if (mask & (8 >> i)) {
            unsigned sh = 24 - 8 * i;
            v = (v & ~(0xFFu << sh)) | (bytes & 0xFF) << sh;
            bytes >>= 8;
        }
    return v;
}

static unsigned mask_bytes(unsigned mask)
{
    return (0x4332322132212110ull >> (4 * mask)) & 0xF;   /* popcount of 4 bits */
}

void op_ICM(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    unsigned mask = R3(ip), n = mask_bytes(mask);
    uint32_t ea = addr_bd(c, ip + 2);
    if (!n) {   /* mask 0: no storage access */
        c->cc = 0;
        return;
    }
    uint32_t bytes = (uint32_t)vfetch_n(c, ea, BASE(ip + 2), n);
    c->gr[r1] = mask == 0xF ? bytes : mask_scatter(c->gr[r1], mask, bytes);
    c->cc = bytes == 0 ? 0 : bytes >> (8 * n - 1) ? 1 : 2;
}

void op_STCM(struct cpu *c, const uint8_t *ip)
{
    unsigned mask = R3(ip), n = mask_bytes(mask);
    if (n)
        vstore_n(c, addr_bd(c, ip + 2), BASE(ip + 2), n, mask_gather(c->gr[R1(ip)], mask));
}

void op_CLM(struct cpu *c, const uint8_t *ip)
{
    unsigned mask = R3(ip), n = mask_bytes(mask);
    c->cc = 0;
    if (!n)
        return;
    uint32_t v = (uint32_t)vfetch_n(c, addr_bd(c, ip + 2), BASE(ip + 2), n);
    uint32_t r = mask_gather(c->gr[R1(ip)], mask);   /* compared as unsigned numbers */
    c->cc = r == v ? 0 : r < v ? 1 : 2;
}

/* ---- interlocked updates ---- */

void op_CS(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip);
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint32_t *p = (uint32_t *)vptr(c, ea, BASE(ip + 2), ACC_STORE);
    uint32_t expect = __builtin_bswap32(c->gr[r1]);
    if (__atomic_compare_exchange_n(p, &expect, __builtin_bswap32(c->gr[r3]), false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        c->cc = 0;
    } else {
        c->gr[r1] = __builtin_bswap32(expect);
        c->cc = 1;
    }
}

void op_CDS(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r3 = R3(ip);
    uint32_t ea = addr_bd(c, ip + 2);
    if ((r1 & 1) || (r3 & 1) || (ea & 7))
        cpu_program_check(c, PGM_SPECIFICATION);
    uint64_t *p = (uint64_t *)vptr(c, ea, BASE(ip + 2), ACC_STORE);
    uint64_t expect = __builtin_bswap64(gr_pair(c, r1));
    if (__atomic_compare_exchange_n(p, &expect, __builtin_bswap64(gr_pair(c, r3)), false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        c->cc = 0;
    } else {
        set_gr_pair(c, r1, __builtin_bswap64(expect));
        c->cc = 1;
    }
}

void op_TS(struct cpu *c, const uint8_t *ip)
{
    uint8_t *p = vptr(c, addr_bd(c, ip + 2), BASE(ip + 2), ACC_STORE);
    uint8_t old = __atomic_exchange_n(p, 0xFF, __ATOMIC_SEQ_CST);
    c->cc = old >> 7;
}

/* ---- PSW fields ---- */

void op_IPM(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip);
    c->gr[r1] = (c->gr[r1] & 0x00FFFFFFu) | (uint32_t)c->cc << 28 | (c->pswm & PSW_PM) << 16;
}

void op_SPM(struct cpu *c, const uint8_t *ip)
{
    uint32_t v = c->gr[R1(ip)];
    c->cc = (v >> 28) & 3;
    c->pswm = (c->pswm & ~PSW_PM) | ((v >> 16) & PSW_PM);
}

void op_EPSW(struct cpu *c, const uint8_t *ip)
{
    uint8_t psw[8];
    cpu_store_psw(c, psw);
    c->gr[RRE_R1(ip)] = be32(psw);
    if (RRE_R2(ip))
        c->gr[RRE_R2(ip)] = be32(psw + 4);
}

void op_TAM(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    c->cc = c->amask == 0x7FFFFFFFu;
}

void op_SAM24(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    if (c->ia > 0x00FFFFFFu)
        cpu_program_check(c, PGM_SPECIFICATION);
    c->amask = 0x00FFFFFFu;
}

void op_SAM31(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    c->amask = 0x7FFFFFFFu;
}

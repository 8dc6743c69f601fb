/*
 * HFP instructions: loads and stores, sign control, arithmetic, halve,
 * square root, multiply and add/subtract, load zero (SA22-7201 chapter 18
 * and the HFP extensions).  Conversions and rounding are in hfp_convert.c.
 */
#include "hfp.h"

/* ---- operand access shared with hfp_convert.c ---- */

static bool afp_missing(const struct cpu *c, int r)
{
    return !(c->cr[0] & CR0_AFP) && (r & 9);
}

void hfp_check_regs(struct cpu *c, int r1, enum hfp_fmt f1, int r2, enum hfp_fmt f2)
{
    /* Pairs are 0/2, 1/3, 4/6, 5/7, 8/10, 9/11, 12/14, 13/15. */
    if ((f1 == HFP_EXT && (r1 & 2)) || (r2 >= 0 && f2 == HFP_EXT && (r2 & 2)))
        cpu_program_check(c, PGM_SPECIFICATION);
    if (afp_missing(c, r1) || (r2 >= 0 && afp_missing(c, r2)))
        cpu_data_exception(c, DXC_AFP_REGISTER);
}

struct hfp hfp_fetch(struct cpu *c, const uint8_t *ip, enum hfp_fmt f)
{
    uint32_t ea = addr_rx(c, ip);
    int b2 = BASE(ip + 2);
    uint64_t v = f == HFP_SHORT ? (uint64_t)vfetch4(c, ea, b2) << 32 : vfetch8(c, ea, b2);
    return hfp_unpack(f, v, 0);
}

struct hfp hfp_operand(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f1,
                       enum hfp_fmt f2)
{
    if (s == HFP_RX) {
        hfp_check_regs(c, R1(ip), f1, -1, f2);
        return hfp_fetch(c, ip, f2);
    }
    int r2 = s == HFP_RRE ? RRE_R2(ip) : R2(ip);
    hfp_check_regs(c, hfp_r1(ip, s), f1, r2, f2);
    return fpr_get(c, r2, f2);
}

void hfp_complete(struct cpu *c, int r1, enum hfp_fmt f, const struct hfp *x, int code, bool cc)
{
    if (code == PGM_HFP_DIVIDE || code == PGM_HFP_SQRT)
        cpu_program_check(c, code);
    fpr_put(c, r1, f, x);
    if (cc)
        c->cc = hfp_cc(x);
    if (code)
        cpu_program_check(c, code);
}

/* ---- loads and stores ---- */

static void load(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f)
{
    struct hfp x = hfp_operand(c, ip, s, f, f);
    fpr_put(c, hfp_r1(ip, s), f, &x);
}

void op_LER(struct cpu *c, const uint8_t *ip) { load(c, ip, HFP_RR, HFP_SHORT); }
void op_LDR(struct cpu *c, const uint8_t *ip) { load(c, ip, HFP_RR, HFP_LONG); }
void op_LE(struct cpu *c, const uint8_t *ip) { load(c, ip, HFP_RX, HFP_SHORT); }
void op_LD(struct cpu *c, const uint8_t *ip) { load(c, ip, HFP_RX, HFP_LONG); }

/* LXR copies both registers unchanged (no low-order characteristic). */
void op_LXR(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    hfp_check_regs(c, r1, HFP_EXT, r2, HFP_EXT);
    uint64_t hi = c->fpr[r2], lo = c->fpr[r2 + 2];
    c->fpr[r1] = hi;
    c->fpr[r1 + 2] = lo;
}

void op_STE(struct cpu *c, const uint8_t *ip)
{
    hfp_check_regs(c, R1(ip), HFP_SHORT, -1, HFP_SHORT);
    vstore4(c, addr_rx(c, ip), BASE(ip + 2), (uint32_t)(c->fpr[R1(ip)] >> 32));
}

void op_STD(struct cpu *c, const uint8_t *ip)
{
    hfp_check_regs(c, R1(ip), HFP_LONG, -1, HFP_LONG);
    vstore8(c, addr_rx(c, ip), BASE(ip + 2), c->fpr[R1(ip)]);
}

/* LOAD ZERO: a true zero (a short one leaves bits 32-63). */
static void load_zero(struct cpu *c, const uint8_t *ip, enum hfp_fmt f)
{
    int r1 = RRE_R1(ip);
    hfp_check_regs(c, r1, f, -1, f);
    fpr_put(c, r1, f, &(struct hfp){ 0 });
}

void op_LZER(struct cpu *c, const uint8_t *ip) { load_zero(c, ip, HFP_SHORT); }
void op_LZDR(struct cpu *c, const uint8_t *ip) { load_zero(c, ip, HFP_LONG); }
void op_LZXR(struct cpu *c, const uint8_t *ip) { load_zero(c, ip, HFP_EXT); }

/* ---- sign control: LOAD POSITIVE/NEGATIVE/AND TEST/COMPLEMENT ---- */

enum sign_op { SIGN_KEEP, SIGN_PLUS, SIGN_MINUS, SIGN_INVERT };

static void load_sign(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f,
                      enum sign_op op)
{
    struct hfp x = hfp_operand(c, ip, s, f, f);
    x.neg = op == SIGN_PLUS ? false : op == SIGN_MINUS ? true : x.neg ^ (op == SIGN_INVERT);
    /* An extended zero fraction gives zero characteristics in both parts. */
    if (f == HFP_EXT && x.frac == 0)
        x.expo = 0;
    fpr_put(c, hfp_r1(ip, s), f, &x);
    c->cc = hfp_cc(&x);
}

void op_LPER(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_SHORT, SIGN_PLUS); }
void op_LNER(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_SHORT, SIGN_MINUS); }
void op_LTER(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_SHORT, SIGN_KEEP); }
void op_LCER(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_SHORT, SIGN_INVERT); }
void op_LPDR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_LONG, SIGN_PLUS); }
void op_LNDR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_LONG, SIGN_MINUS); }
void op_LTDR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_LONG, SIGN_KEEP); }
void op_LCDR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RR, HFP_LONG, SIGN_INVERT); }
void op_LPXR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RRE, HFP_EXT, SIGN_PLUS); }
void op_LNXR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RRE, HFP_EXT, SIGN_MINUS); }
void op_LTXR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RRE, HFP_EXT, SIGN_KEEP); }
void op_LCXR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, HFP_RRE, HFP_EXT, SIGN_INVERT); }

/* ---- add, subtract, compare ---- */

static void add(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f, unsigned how)
{
    struct hfp b = hfp_operand(c, ip, s, f, f);
    int r1 = hfp_r1(ip, s);
    struct hfp a = fpr_get(c, r1, f), r;
    int code = hfp_add(&r, &a, &b, f, how, c->pswm);
    hfp_complete(c, r1, f, &r, code, true);
}

#define ADDN HFP_NORMALIZE
#define SUBN (HFP_NORMALIZE | HFP_SUBTRACT)
#define ADDU 0u
#define SUBU HFP_SUBTRACT

void op_AER(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_SHORT, ADDN); }
void op_AE(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_SHORT, ADDN); }
void op_ADR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_LONG, ADDN); }
void op_AD(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_LONG, ADDN); }
void op_AXR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_EXT, ADDN); }
void op_SER(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_SHORT, SUBN); }
void op_SE(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_SHORT, SUBN); }
void op_SDR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_LONG, SUBN); }
void op_SD(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_LONG, SUBN); }
void op_SXR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_EXT, SUBN); }
void op_AUR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_SHORT, ADDU); }
void op_AU(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_SHORT, ADDU); }
void op_AWR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_LONG, ADDU); }
void op_AW(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_LONG, ADDU); }
void op_SUR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_SHORT, SUBU); }
void op_SU(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_SHORT, SUBU); }
void op_SWR(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RR, HFP_LONG, SUBU); }
void op_SW(struct cpu *c, const uint8_t *ip) { add(c, ip, HFP_RX, HFP_LONG, SUBU); }

static void compare(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f)
{
    struct hfp b = hfp_operand(c, ip, s, f, f);
    struct hfp a = fpr_get(c, hfp_r1(ip, s), f);
    c->cc = hfp_compare(&a, &b, f);
}

void op_CER(struct cpu *c, const uint8_t *ip) { compare(c, ip, HFP_RR, HFP_SHORT); }
void op_CE(struct cpu *c, const uint8_t *ip) { compare(c, ip, HFP_RX, HFP_SHORT); }
void op_CDR(struct cpu *c, const uint8_t *ip) { compare(c, ip, HFP_RR, HFP_LONG); }
void op_CD(struct cpu *c, const uint8_t *ip) { compare(c, ip, HFP_RX, HFP_LONG); }
void op_CXR(struct cpu *c, const uint8_t *ip) { compare(c, ip, HFP_RRE, HFP_EXT); }

/* ---- multiply, divide ---- */

/* The first operand has format `in` in R1, the result format `out`. */
static void mul_div(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt in,
                    enum hfp_fmt out, bool quotient)
{
    struct hfp b = hfp_operand(c, ip, s, out, in);
    int r1 = hfp_r1(ip, s);
    struct hfp a = fpr_get(c, r1, in), r;
    int code = quotient ? hfp_div(&r, &a, &b, in, c->pswm) : hfp_mul(&r, &a, &b, in, out, c->pswm);
    hfp_complete(c, r1, out, &r, code, false);
}

#define MUL false
#define DIV true

void op_MEER(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RRE, HFP_SHORT, HFP_SHORT, MUL); }
void op_MEE(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RX, HFP_SHORT, HFP_SHORT, MUL); }
void op_MDER(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RR, HFP_SHORT, HFP_LONG, MUL); }
void op_MDE(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RX, HFP_SHORT, HFP_LONG, MUL); }
void op_MDR(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RR, HFP_LONG, HFP_LONG, MUL); }
void op_MD(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RX, HFP_LONG, HFP_LONG, MUL); }
void op_MXDR(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RR, HFP_LONG, HFP_EXT, MUL); }
void op_MXD(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RX, HFP_LONG, HFP_EXT, MUL); }
void op_MXR(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RR, HFP_EXT, HFP_EXT, MUL); }
void op_DER(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RR, HFP_SHORT, HFP_SHORT, DIV); }
void op_DE(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RX, HFP_SHORT, HFP_SHORT, DIV); }
void op_DDR(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RR, HFP_LONG, HFP_LONG, DIV); }
void op_DD(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RX, HFP_LONG, HFP_LONG, DIV); }
void op_DXR(struct cpu *c, const uint8_t *ip) { mul_div(c, ip, HFP_RRE, HFP_EXT, HFP_EXT, DIV); }

/* ---- halve, square root ---- */

static void halve(struct cpu *c, const uint8_t *ip, enum hfp_fmt f)
{
    struct hfp b = hfp_operand(c, ip, HFP_RR, f, f), r;
    int code = hfp_halve(&r, &b, f, c->pswm);
    hfp_complete(c, R1(ip), f, &r, code, false);
}

void op_HER(struct cpu *c, const uint8_t *ip) { halve(c, ip, HFP_SHORT); }
void op_HDR(struct cpu *c, const uint8_t *ip) { halve(c, ip, HFP_LONG); }

static void square_root(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt f)
{
    struct hfp b = hfp_operand(c, ip, s, f, f), r;
    int code = hfp_sqrt(&r, &b, f);
    hfp_complete(c, hfp_r1(ip, s), f, &r, code, false);
}

void op_SQER(struct cpu *c, const uint8_t *ip) { square_root(c, ip, HFP_RRE, HFP_SHORT); }
void op_SQDR(struct cpu *c, const uint8_t *ip) { square_root(c, ip, HFP_RRE, HFP_LONG); }
void op_SQXR(struct cpu *c, const uint8_t *ip) { square_root(c, ip, HFP_RRE, HFP_EXT); }
void op_SQE(struct cpu *c, const uint8_t *ip) { square_root(c, ip, HFP_RX, HFP_SHORT); }
void op_SQD(struct cpu *c, const uint8_t *ip) { square_root(c, ip, HFP_RX, HFP_LONG); }

/* ---- multiply and add/subtract: op1 = op3 * op2 +/- op1 ---- */

static void mul_add(struct cpu *c, int r1, int r3, const struct hfp *b, enum hfp_fmt f,
                    bool subtract)
{
    struct hfp a1 = fpr_get(c, r1, f), a3 = fpr_get(c, r3, f), r;
    int code = hfp_mul_add(&r, &a1, b, &a3, f, subtract, c->pswm);
    hfp_complete(c, r1, f, &r, code, false);
}

/* RRF: R1 in bits 16-19, R3 in 24-27, R2 in 28-31. */
static void mul_add_rrf(struct cpu *c, const uint8_t *ip, enum hfp_fmt f, bool subtract)
{
    int r1 = ip[2] >> 4, r3 = ip[3] >> 4, r2 = ip[3] & 15;
    hfp_check_regs(c, r1, f, r3, f);
    hfp_check_regs(c, r2, f, -1, f);
    struct hfp b = fpr_get(c, r2, f);
    mul_add(c, r1, r3, &b, f, subtract);
}

/* RXF: R3 in bits 8-11, the storage operand, R1 in bits 32-35. */
static void mul_add_rxf(struct cpu *c, const uint8_t *ip, enum hfp_fmt f, bool subtract)
{
    int r1 = ip[4] >> 4, r3 = ip[1] >> 4;
    hfp_check_regs(c, r1, f, r3, f);
    struct hfp b = hfp_fetch(c, ip, f);
    mul_add(c, r1, r3, &b, f, subtract);
}

void op_MAER(struct cpu *c, const uint8_t *ip) { mul_add_rrf(c, ip, HFP_SHORT, false); }
void op_MSER(struct cpu *c, const uint8_t *ip) { mul_add_rrf(c, ip, HFP_SHORT, true); }
void op_MADR(struct cpu *c, const uint8_t *ip) { mul_add_rrf(c, ip, HFP_LONG, false); }
void op_MSDR(struct cpu *c, const uint8_t *ip) { mul_add_rrf(c, ip, HFP_LONG, true); }
void op_MAE(struct cpu *c, const uint8_t *ip) { mul_add_rxf(c, ip, HFP_SHORT, false); }
void op_MSE(struct cpu *c, const uint8_t *ip) { mul_add_rxf(c, ip, HFP_SHORT, true); }
void op_MAD(struct cpu *c, const uint8_t *ip) { mul_add_rxf(c, ip, HFP_LONG, false); }
void op_MSD(struct cpu *c, const uint8_t *ip) { mul_add_rxf(c, ip, HFP_LONG, true); }

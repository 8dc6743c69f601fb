/*
 * HFP format changes: LOAD ROUNDED, LOAD LENGTHENED, LOAD FP INTEGER,
 * CONVERT FROM FIXED and CONVERT TO FIXED.
 */
#include "hfp.h"

/* ---- LOAD ROUNDED (LRER/LRDR are the older names of LEDR/LDXR) ---- */

static void load_rounded(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt from,
                         enum hfp_fmt to)
{
    struct hfp b = hfp_operand(c, ip, s, to, from), r;
    int code = hfp_round(&r, &b, from, to);
    hfp_complete(c, hfp_r1(ip, s), to, &r, code, false);
}

void op_LEDR(struct cpu *c, const uint8_t *ip) { load_rounded(c, ip, HFP_RR, HFP_LONG, HFP_SHORT); }
void op_LDXR(struct cpu *c, const uint8_t *ip) { load_rounded(c, ip, HFP_RR, HFP_EXT, HFP_LONG); }
void op_LEXR(struct cpu *c, const uint8_t *ip) { load_rounded(c, ip, HFP_RRE, HFP_EXT, HFP_SHORT); }

/* ---- LOAD LENGTHENED: zeros appended, no normalization ---- */

static void lengthen(struct cpu *c, const uint8_t *ip, enum hfp_src s, enum hfp_fmt from,
                     enum hfp_fmt to)
{
    struct hfp x = hfp_operand(c, ip, s, to, from);
    x.frac <<= 4 * (to - from);
    /* An extended zero fraction keeps only the sign. */
    if (to == HFP_EXT && x.frac == 0)
        x.expo = 0;
    fpr_put(c, hfp_r1(ip, s), to, &x);
}

void op_LDER(struct cpu *c, const uint8_t *ip) { lengthen(c, ip, HFP_RRE, HFP_SHORT, HFP_LONG); }
void op_LXDR(struct cpu *c, const uint8_t *ip) { lengthen(c, ip, HFP_RRE, HFP_LONG, HFP_EXT); }
void op_LXER(struct cpu *c, const uint8_t *ip) { lengthen(c, ip, HFP_RRE, HFP_SHORT, HFP_EXT); }
void op_LDE(struct cpu *c, const uint8_t *ip) { lengthen(c, ip, HFP_RX, HFP_SHORT, HFP_LONG); }
void op_LXD(struct cpu *c, const uint8_t *ip) { lengthen(c, ip, HFP_RX, HFP_LONG, HFP_EXT); }
void op_LXE(struct cpu *c, const uint8_t *ip) { lengthen(c, ip, HFP_RX, HFP_SHORT, HFP_EXT); }

/* ---- LOAD FP INTEGER ---- */

static void fp_integer(struct cpu *c, const uint8_t *ip, enum hfp_fmt f)
{
    struct hfp b = hfp_operand(c, ip, HFP_RRE, f, f), r;
    hfp_integer(&r, &b, f);
    fpr_put(c, RRE_R1(ip), f, &r);
}

void op_FIER(struct cpu *c, const uint8_t *ip) { fp_integer(c, ip, HFP_SHORT); }
void op_FIDR(struct cpu *c, const uint8_t *ip) { fp_integer(c, ip, HFP_LONG); }
void op_FIXR(struct cpu *c, const uint8_t *ip) { fp_integer(c, ip, HFP_EXT); }

/* ---- CONVERT FROM FIXED: R1 an FPR, R2 a general register ---- */

static void from_fixed(struct cpu *c, const uint8_t *ip, enum hfp_fmt f)
{
    int r1 = RRE_R1(ip);
    hfp_check_regs(c, r1, f, -1, f);
    struct hfp r;
    hfp_from_int32(&r, (int32_t)c->gr[RRE_R2(ip)], f);
    fpr_put(c, r1, f, &r);
}

void op_CEFR(struct cpu *c, const uint8_t *ip) { from_fixed(c, ip, HFP_SHORT); }
void op_CDFR(struct cpu *c, const uint8_t *ip) { from_fixed(c, ip, HFP_LONG); }
void op_CXFR(struct cpu *c, const uint8_t *ip) { from_fixed(c, ip, HFP_EXT); }

/* ---- CONVERT TO FIXED: M3 in bits 16-19, R1 a general register ---- */

static void to_fixed(struct cpu *c, const uint8_t *ip, enum hfp_fmt f)
{
    unsigned m3 = ip[2] >> 4;
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if (m3 == 2 || m3 == 3 || m3 > 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    hfp_check_regs(c, r2, f, -1, f);
    struct hfp b = fpr_get(c, r2, f);
    int32_t v;
    c->cc = hfp_to_int32(&v, &b, f, m3);
    c->gr[r1] = (uint32_t)v;
}

void op_CFER(struct cpu *c, const uint8_t *ip) { to_fixed(c, ip, HFP_SHORT); }
void op_CFDR(struct cpu *c, const uint8_t *ip) { to_fixed(c, ip, HFP_LONG); }
void op_CFXR(struct cpu *c, const uint8_t *ip) { to_fixed(c, ip, HFP_EXT); }

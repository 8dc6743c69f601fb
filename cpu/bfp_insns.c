/*
 * Binary-floating-point instructions (SA22-7201 chapter 19) and the
 * conversions between HFP and BFP; the arithmetic is the software IEEE
 * engine of ieee.c.
 *
 * Every instruction runs in two phases around the store of its result: an
 * enabled IEEE invalid-operation or division-by-zero trap suppresses the
 * instruction (nothing stored, CC unchanged); otherwise the result and the
 * CC are stored, the flags of the conditions that do not trap are set in
 * the FPC, and an enabled overflow, underflow or inexact trap completes
 * the instruction with a data exception (the engine has already made the
 * result the scaled one such a trap delivers).
 */
#include "access.h"
#include "bfp.h"
#include "ieee.h"
#include "insn.h"

/* ---- operand formats and registers ---- */

struct bfmt {
    const struct ieee_fmt *f;
    unsigned len;      /* bytes: 4 short, 8 long, 16 extended (a register pair) */
};

static const struct bfmt SHORT = { &ieee_short, 4 };
static const struct bfmt LONG = { &ieee_long, 8 };
static const struct bfmt EXT = { &ieee_ext, 16 };

/* Short values live in the left half of an FPR; an extended value in FPRs
   r and r + 2. */
static ieee_bits get_fpr(const struct cpu *c, const struct bfmt *t, int r)
{
    if (t->len == 16)
        return (ieee_bits)c->fpr[r] << 64 | c->fpr[r + 2];
    return t->len == 4 ? c->fpr[r] >> 32 : c->fpr[r];
}

/* A short result leaves the right half of the register unchanged. */
static void put_fpr(struct cpu *c, const struct bfmt *t, int r, ieee_bits v)
{
    if (t->len == 16) {
        c->fpr[r] = (uint64_t)(v >> 64);
        c->fpr[r + 2] = (uint64_t)v;
    } else if (t->len == 4) {
        c->fpr[r] = (c->fpr[r] & 0xFFFFFFFFu) | (uint64_t)(uint32_t)v << 32;
    } else {
        c->fpr[r] = (uint64_t)v;
    }
}

/* An extended operand needs R = 0, 1, 4, 5, 8, 9, 12 or 13. */
static void check_reg(struct cpu *c, const struct bfmt *t, int r)
{
    if (t->len == 16 && (r & 2))
        cpu_program_check(c, PGM_SPECIFICATION);
}

/* The first-operand register and the second operand's value. */
struct opnds {
    int r1;
    ieee_bits b;
};

/* RRE R1,R2: R1 holds a `t1` operand, R2 a `t2` one. */
static struct opnds rre_ops(struct cpu *c, const uint8_t *ip, const struct bfmt *t1,
                            const struct bfmt *t2)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    bfp_check(c);
    check_reg(c, t1, r1);
    check_reg(c, t2, r2);
    return (struct opnds){ r1, get_fpr(c, t2, r2) };
}

/* RXE R1,D2(X2,B2): the second operand is a short or long one in storage. */
static struct opnds rxe_ops(struct cpu *c, const uint8_t *ip, const struct bfmt *t1,
                            const struct bfmt *t2)
{
    int r1 = R1(ip), b2 = BASE(ip + 2);
    bfp_check(c);
    check_reg(c, t1, r1);
    uint32_t ea = addr_rx(c, ip);
    return (struct opnds){ r1, t2->len == 4 ? vfetch4(c, ea, b2) : vfetch8(c, ea, b2) };
}

/* ---- rounding and IEEE exceptions ---- */

static struct ieee_env fpc_env(const struct cpu *c)
{
    return (struct ieee_env){
        .rm = c->fpc & FPC_RM,
        .traps = (c->fpc >> 24) & (IEEE_OVERFLOW | IEEE_UNDERFLOW),
    };
}

/* The rounding method of an M3 or M4 field: 0 the FPC mode, 1 round to
   nearest with ties away from zero, 4-7 to nearest, toward 0, +inf, -inf;
   anything else is a specification exception. */
static int rounding_method(struct cpu *c, unsigned m)
{
    if (m == 0)
        return c->fpc & FPC_RM;
    if (m == 1)
        return IEEE_RNA;
    if (m < 4 || m > 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    return (int)m - 4;
}

/* Before the store: an enabled invalid or division-by-zero trap. */
static void ieee_suppress(struct cpu *c, const struct ieee_env *e)
{
    uint8_t trap = e->flags & (c->fpc >> 24) & (IEEE_INVALID | IEEE_DIVBYZERO);
    if (trap)
        cpu_data_exception(c, trap & IEEE_INVALID ? IEEE_INVALID : IEEE_DIVBYZERO);
}

/* After the store: the flags of what does not trap, then the trap of an
   enabled overflow or underflow (its DXC tells inexact and incremented),
   else of an enabled inexact. */
static void ieee_complete(struct cpu *c, const struct ieee_env *e)
{
    uint8_t f = e->flags;
    uint8_t trap = f & (c->fpc >> 24) & (IEEE_OVERFLOW | IEEE_UNDERFLOW | IEEE_INEXACT);
    if (trap & (IEEE_OVERFLOW | IEEE_UNDERFLOW))
        cpu_data_exception(c, f & (IEEE_OVERFLOW | IEEE_UNDERFLOW | IEEE_INEXACT | IEEE_INCREMENTED));
    c->fpc |= (uint32_t)(f & ~trap & 0xF8) << 16;
    if (trap)
        cpu_data_exception(c, IEEE_INEXACT | (f & IEEE_INCREMENTED));
}

/* Store result r (format t) in R1, with its condition code if set_cc. */
static void deliver(struct cpu *c, int r1, const struct bfmt *t, const struct ieee_env *e,
                    ieee_bits r, bool set_cc)
{
    ieee_suppress(c, e);
    put_fpr(c, t, r1, r);
    if (set_cc)
        c->cc = (uint8_t)ieee_cc(t->f, r);
    ieee_complete(c, e);
}

/* ---- arithmetic ---- */

typedef ieee_bits binop_fn(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a, ieee_bits b);
typedef ieee_bits unop_fn(const struct ieee_fmt *f, struct ieee_env *e, ieee_bits a);

/* R1 = R1 op b */
static void binary(struct cpu *c, struct opnds o, const struct bfmt *t, binop_fn *fn, bool set_cc)
{
    struct ieee_env e = fpc_env(c);
    ieee_bits r = fn(t->f, &e, get_fpr(c, t, o.r1), o.b);
    deliver(c, o.r1, t, &e, r, set_cc);
}

/* R1 = op b */
static void unary(struct cpu *c, struct opnds o, const struct bfmt *t, unop_fn *fn, bool set_cc)
{
    struct ieee_env e = fpc_env(c);
    ieee_bits r = fn(t->f, &e, o.b);
    deliver(c, o.r1, t, &e, r, set_cc);
}

void op_AEBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_add, true); }
void op_ADBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &LONG, &LONG), &LONG, ieee_add, true); }
void op_AXBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &EXT, &EXT), &EXT, ieee_add, true); }
void op_AEB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_add, true); }
void op_ADB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, ieee_add, true); }

void op_SEBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_sub, true); }
void op_SDBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &LONG, &LONG), &LONG, ieee_sub, true); }
void op_SXBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &EXT, &EXT), &EXT, ieee_sub, true); }
void op_SEB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_sub, true); }
void op_SDB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, ieee_sub, true); }

void op_MEEBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_mul, false); }
void op_MDBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &LONG, &LONG), &LONG, ieee_mul, false); }
void op_MXBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &EXT, &EXT), &EXT, ieee_mul, false); }
void op_MEEB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_mul, false); }
void op_MDB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, ieee_mul, false); }

void op_DEBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_div, false); }
void op_DDBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &LONG, &LONG), &LONG, ieee_div, false); }
void op_DXBR(struct cpu *c, const uint8_t *ip) { binary(c, rre_ops(c, ip, &EXT, &EXT), &EXT, ieee_div, false); }
void op_DEB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_div, false); }
void op_DDB(struct cpu *c, const uint8_t *ip) { binary(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, ieee_div, false); }

void op_SQEBR(struct cpu *c, const uint8_t *ip) { unary(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_sqrt, false); }
void op_SQDBR(struct cpu *c, const uint8_t *ip) { unary(c, rre_ops(c, ip, &LONG, &LONG), &LONG, ieee_sqrt, false); }
void op_SQXBR(struct cpu *c, const uint8_t *ip) { unary(c, rre_ops(c, ip, &EXT, &EXT), &EXT, ieee_sqrt, false); }
void op_SQEB(struct cpu *c, const uint8_t *ip) { unary(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_sqrt, false); }
void op_SQDB(struct cpu *c, const uint8_t *ip) { unary(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, ieee_sqrt, false); }

/* MULTIPLY short to long, long to extended: R1 = R1 * b, exact. */
static void multiply_wide(struct cpu *c, struct opnds o, const struct bfmt *to, const struct bfmt *from)
{
    struct ieee_env e = fpc_env(c);
    ieee_bits r = ieee_mul_wide(to->f, from->f, &e, get_fpr(c, from, o.r1), o.b);
    deliver(c, o.r1, to, &e, r, false);
}

void op_MDEBR(struct cpu *c, const uint8_t *ip) { multiply_wide(c, rre_ops(c, ip, &LONG, &SHORT), &LONG, &SHORT); }
void op_MXDBR(struct cpu *c, const uint8_t *ip) { multiply_wide(c, rre_ops(c, ip, &EXT, &LONG), &EXT, &LONG); }
void op_MDEB(struct cpu *c, const uint8_t *ip) { multiply_wide(c, rxe_ops(c, ip, &LONG, &SHORT), &LONG, &SHORT); }
void op_MXDB(struct cpu *c, const uint8_t *ip) { multiply_wide(c, rxe_ops(c, ip, &EXT, &LONG), &EXT, &LONG); }

/* MULTIPLY AND ADD/SUBTRACT: R1 = R3 * op2 +/- R1, rounded once. */
static void multiply_add(struct cpu *c, int r1, int r3, ieee_bits op2, const struct bfmt *t, bool subtract)
{
    struct ieee_env e = fpc_env(c);
    ieee_bits r = ieee_fma(t->f, &e, get_fpr(c, t, r3), op2, get_fpr(c, t, r1), subtract);
    deliver(c, r1, t, &e, r, false);
}

/* RRF: R1 in bits 16-19, R3 and R2 in bits 24-31. */
static void multiply_add_rrf(struct cpu *c, const uint8_t *ip, const struct bfmt *t, bool subtract)
{
    bfp_check(c);
    multiply_add(c, ip[2] >> 4, ip[3] >> 4, get_fpr(c, t, ip[3] & 15), t, subtract);
}

/* RXF: R3 in bits 8-11, R1 in bits 32-35. */
static void multiply_add_rxf(struct cpu *c, const uint8_t *ip, const struct bfmt *t, bool subtract)
{
    bfp_check(c);
    uint32_t ea = addr_rx(c, ip);
    int b2 = BASE(ip + 2);
    ieee_bits op2 = t->len == 4 ? vfetch4(c, ea, b2) : vfetch8(c, ea, b2);
    multiply_add(c, ip[4] >> 4, ip[1] >> 4, op2, t, subtract);
}

void op_MAEBR(struct cpu *c, const uint8_t *ip) { multiply_add_rrf(c, ip, &SHORT, false); }
void op_MADBR(struct cpu *c, const uint8_t *ip) { multiply_add_rrf(c, ip, &LONG, false); }
void op_MSEBR(struct cpu *c, const uint8_t *ip) { multiply_add_rrf(c, ip, &SHORT, true); }
void op_MSDBR(struct cpu *c, const uint8_t *ip) { multiply_add_rrf(c, ip, &LONG, true); }
void op_MAEB(struct cpu *c, const uint8_t *ip) { multiply_add_rxf(c, ip, &SHORT, false); }
void op_MADB(struct cpu *c, const uint8_t *ip) { multiply_add_rxf(c, ip, &LONG, false); }
void op_MSEB(struct cpu *c, const uint8_t *ip) { multiply_add_rxf(c, ip, &SHORT, true); }
void op_MSDB(struct cpu *c, const uint8_t *ip) { multiply_add_rxf(c, ip, &LONG, true); }

/* DIVIDE TO INTEGER R1,R3,R2,M4: remainder to R1, quotient to R3. */
static void divide_to_integer(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    int r3 = ip[2] >> 4, r1 = ip[3] >> 4, r2 = ip[3] & 15;
    bfp_check(c);
    int rm = rounding_method(c, ip[2] & 15);
    if (r1 == r2 || r1 == r3 || r2 == r3)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct ieee_env e = fpc_env(c);
    ieee_bits rem, quot;
    int cc = ieee_divint(t->f, &e, rm, get_fpr(c, t, r1), get_fpr(c, t, r2), &rem, &quot);
    ieee_suppress(c, &e);
    put_fpr(c, t, r1, rem);
    put_fpr(c, t, r3, quot);
    c->cc = (uint8_t)cc;
    ieee_complete(c, &e);
}

void op_DIEBR(struct cpu *c, const uint8_t *ip) { divide_to_integer(c, ip, &SHORT); }
void op_DIDBR(struct cpu *c, const uint8_t *ip) { divide_to_integer(c, ip, &LONG); }

/* ---- comparison and tests ---- */

static void compare(struct cpu *c, struct opnds o, const struct bfmt *t, bool signaling)
{
    struct ieee_env e = fpc_env(c);
    int cc = ieee_compare(t->f, &e, get_fpr(c, t, o.r1), o.b, signaling);
    ieee_suppress(c, &e);
    c->cc = (uint8_t)cc;
    ieee_complete(c, &e);
}

void op_CEBR(struct cpu *c, const uint8_t *ip) { compare(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, false); }
void op_CDBR(struct cpu *c, const uint8_t *ip) { compare(c, rre_ops(c, ip, &LONG, &LONG), &LONG, false); }
void op_CXBR(struct cpu *c, const uint8_t *ip) { compare(c, rre_ops(c, ip, &EXT, &EXT), &EXT, false); }
void op_CEB(struct cpu *c, const uint8_t *ip) { compare(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, false); }
void op_CDB(struct cpu *c, const uint8_t *ip) { compare(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, false); }
void op_KEBR(struct cpu *c, const uint8_t *ip) { compare(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, true); }
void op_KDBR(struct cpu *c, const uint8_t *ip) { compare(c, rre_ops(c, ip, &LONG, &LONG), &LONG, true); }
void op_KXBR(struct cpu *c, const uint8_t *ip) { compare(c, rre_ops(c, ip, &EXT, &EXT), &EXT, true); }
void op_KEB(struct cpu *c, const uint8_t *ip) { compare(c, rxe_ops(c, ip, &SHORT, &SHORT), &SHORT, true); }
void op_KDB(struct cpu *c, const uint8_t *ip) { compare(c, rxe_ops(c, ip, &LONG, &LONG), &LONG, true); }

/* TEST DATA CLASS: bits 20-31 of the second-operand address select
   classes; CC 1 if that of R1 is among them. */
static void test_data_class(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    int r1 = R1(ip);
    bfp_check(c);
    check_reg(c, t, r1);
    c->cc = (ieee_class(t->f, get_fpr(c, t, r1)) & addr_rx(c, ip) & 0xFFF) != 0;
}

void op_TCEB(struct cpu *c, const uint8_t *ip) { test_data_class(c, ip, &SHORT); }
void op_TCDB(struct cpu *c, const uint8_t *ip) { test_data_class(c, ip, &LONG); }
void op_TCXB(struct cpu *c, const uint8_t *ip) { test_data_class(c, ip, &EXT); }

/* ---- sign operations (no IEEE exceptions) and LOAD AND TEST ---- */

enum sign_op { SIGN_POSITIVE, SIGN_NEGATIVE, SIGN_COMPLEMENT };

static void load_sign(struct cpu *c, const uint8_t *ip, const struct bfmt *t, enum sign_op op)
{
    struct opnds o = rre_ops(c, ip, t, t);
    ieee_bits s = ieee_sign_bit(t->f);
    ieee_bits r = op == SIGN_POSITIVE ? o.b & ~s : op == SIGN_NEGATIVE ? o.b | s : o.b ^ s;
    put_fpr(c, t, o.r1, r);
    c->cc = (uint8_t)ieee_cc(t->f, r);
}

void op_LPEBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &SHORT, SIGN_POSITIVE); }
void op_LPDBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &LONG, SIGN_POSITIVE); }
void op_LPXBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &EXT, SIGN_POSITIVE); }
void op_LNEBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &SHORT, SIGN_NEGATIVE); }
void op_LNDBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &LONG, SIGN_NEGATIVE); }
void op_LNXBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &EXT, SIGN_NEGATIVE); }
void op_LCEBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &SHORT, SIGN_COMPLEMENT); }
void op_LCDBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &LONG, SIGN_COMPLEMENT); }
void op_LCXBR(struct cpu *c, const uint8_t *ip) { load_sign(c, ip, &EXT, SIGN_COMPLEMENT); }

void op_LTEBR(struct cpu *c, const uint8_t *ip) { unary(c, rre_ops(c, ip, &SHORT, &SHORT), &SHORT, ieee_test, true); }
void op_LTDBR(struct cpu *c, const uint8_t *ip) { unary(c, rre_ops(c, ip, &LONG, &LONG), &LONG, ieee_test, true); }
void op_LTXBR(struct cpu *c, const uint8_t *ip) { unary(c, rre_ops(c, ip, &EXT, &EXT), &EXT, ieee_test, true); }

/* ---- format conversions ---- */

/* LOAD LENGTHENED and LOAD ROUNDED: R1 = b converted. */
static void convert(struct cpu *c, struct opnds o, const struct bfmt *to, const struct bfmt *from)
{
    struct ieee_env e = fpc_env(c);
    ieee_bits r = ieee_convert(to->f, from->f, &e, o.b);
    /* A trapped overflow or underflow leaves the scaled value in the
       source format. */
    deliver(c, o.r1, (e.flags & e.traps) ? from : to, &e, r, false);
}

void op_LDEBR(struct cpu *c, const uint8_t *ip) { convert(c, rre_ops(c, ip, &LONG, &SHORT), &LONG, &SHORT); }
void op_LXDBR(struct cpu *c, const uint8_t *ip) { convert(c, rre_ops(c, ip, &EXT, &LONG), &EXT, &LONG); }
void op_LXEBR(struct cpu *c, const uint8_t *ip) { convert(c, rre_ops(c, ip, &EXT, &SHORT), &EXT, &SHORT); }
void op_LDEB(struct cpu *c, const uint8_t *ip) { convert(c, rxe_ops(c, ip, &LONG, &SHORT), &LONG, &SHORT); }
void op_LXDB(struct cpu *c, const uint8_t *ip) { convert(c, rxe_ops(c, ip, &EXT, &LONG), &EXT, &LONG); }
void op_LXEB(struct cpu *c, const uint8_t *ip) { convert(c, rxe_ops(c, ip, &EXT, &SHORT), &EXT, &SHORT); }
/* The extended sources want R1 to be a register pair as well: a trapped
   result is extended. */
void op_LEDBR(struct cpu *c, const uint8_t *ip) { convert(c, rre_ops(c, ip, &LONG, &LONG), &SHORT, &LONG); }
void op_LDXBR(struct cpu *c, const uint8_t *ip) { convert(c, rre_ops(c, ip, &EXT, &EXT), &LONG, &EXT); }
void op_LEXBR(struct cpu *c, const uint8_t *ip) { convert(c, rre_ops(c, ip, &EXT, &EXT), &SHORT, &EXT); }

/* LOAD FP INTEGER R1,M3,R2 */
static void load_fp_integer(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    struct opnds o = rre_ops(c, ip, t, t);
    struct ieee_env e = fpc_env(c);
    e.rm = (uint8_t)rounding_method(c, ip[2] >> 4);
    ieee_bits r = ieee_round_int(t->f, &e, o.b);
    deliver(c, o.r1, t, &e, r, false);
}

void op_FIEBR(struct cpu *c, const uint8_t *ip) { load_fp_integer(c, ip, &SHORT); }
void op_FIDBR(struct cpu *c, const uint8_t *ip) { load_fp_integer(c, ip, &LONG); }
void op_FIXBR(struct cpu *c, const uint8_t *ip) { load_fp_integer(c, ip, &EXT); }

/* CONVERT FROM FIXED: FPR R1 = GR R2. */
static void convert_from_fixed(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    int r1 = RRE_R1(ip);
    bfp_check(c);
    check_reg(c, t, r1);
    struct ieee_env e = fpc_env(c);
    ieee_bits r = ieee_from_i32(t->f, &e, (int32_t)c->gr[RRE_R2(ip)]);
    deliver(c, r1, t, &e, r, false);
}

void op_CEFBR(struct cpu *c, const uint8_t *ip) { convert_from_fixed(c, ip, &SHORT); }
void op_CDFBR(struct cpu *c, const uint8_t *ip) { convert_from_fixed(c, ip, &LONG); }
void op_CXFBR(struct cpu *c, const uint8_t *ip) { convert_from_fixed(c, ip, &EXT); }

/* CONVERT TO FIXED R1,M3,R2: GR R1 = FPR R2 rounded by M3; the CC tells
   the sign of the source, or 3 when it is a NaN or out of range. */
static void convert_to_fixed(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    bfp_check(c);
    check_reg(c, t, r2);
    struct ieee_env e = fpc_env(c);
    e.rm = (uint8_t)rounding_method(c, ip[2] >> 4);
    ieee_bits x = get_fpr(c, t, r2);
    int32_t v = ieee_to_i32(t->f, &e, x);
    ieee_suppress(c, &e);
    c->gr[r1] = (uint32_t)v;
    c->cc = (e.flags & IEEE_INVALID) ? 3 : (uint8_t)ieee_cc(t->f, x);
    ieee_complete(c, &e);
}

void op_CFEBR(struct cpu *c, const uint8_t *ip) { convert_to_fixed(c, ip, &SHORT); }
void op_CFDBR(struct cpu *c, const uint8_t *ip) { convert_to_fixed(c, ip, &LONG); }
void op_CFXBR(struct cpu *c, const uint8_t *ip) { convert_to_fixed(c, ip, &EXT); }

/* ---- conversions between HFP and BFP ---- */

/* These are floating-point-support instructions: no IEEE exceptions, the
   FPC is not changed, and without the AFP-register control only registers
   0, 2, 4 and 6 are usable (else a data exception, DXC 1). */
static void check_afp_regs(struct cpu *c, int r1, int r2)
{
    if (!(c->cr[0] & CR0_AFP) && ((r1 | r2) & 9))
        cpu_data_exception(c, DXC_AFP_REGISTER);
}

#define HFP_FRACTION 0x00FFFFFFFFFFFFFFull
#define HFP_MAX      0x7FFFFFFFFFFFFFFFull

/* CONVERT HFP TO BFP R1,M3,R2: the long HFP value in R2 rounded by M3.
   CC 0 zero, 1 negative, 2 positive, 3 too large (result: the infinity
   or largest number the rounding method gives). */
static void hfp_to_bfp(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    check_afp_regs(c, r1, r2);
    struct ieee_env e = { .rm = (uint8_t)rounding_method(c, ip[2] >> 4) };
    uint64_t h = c->fpr[r2];
    int sign = (int)(h >> 63);
    int chr = (int)(h >> 56) & 0x7F;
    ieee_bits r = sign ? ieee_sign_bit(t->f) : 0;
    uint8_t cc = 0;
    if (h & HFP_FRACTION) {
        /* value = fraction * 16**(characteristic - 64) / 2**56 */
        r = ieee_make(t->f, &e, sign, 4 * (chr - 64) - 56, h & HFP_FRACTION);
        cc = (e.flags & IEEE_OVERFLOW) ? 3 : sign ? 1 : 2;
    }
    put_fpr(c, t, r1, r);
    c->cc = cc;
}

void op_TBEDR(struct cpu *c, const uint8_t *ip) { hfp_to_bfp(c, ip, &SHORT); }
void op_TBDR(struct cpu *c, const uint8_t *ip) { hfp_to_bfp(c, ip, &LONG); }

static int32_t floor_div4(int32_t v) { return v >= 0 ? v / 4 : -((-v + 3) / 4); }

/* The long HFP form of a finite nonzero BFP value (sig of at most 53
   bits); *cc 3 when it exceeds the HFP range (largest magnitude), and a
   zero of the right sign when it is below it. */
static uint64_t finite_to_hfp(int sign, int32_t exp, ieee_bits sig, uint8_t *cc)
{
    uint64_t s = (uint64_t)sign << 63;
    int32_t top = exp + 63 - __builtin_clzll((uint64_t)sig);   /* exponent of the leading bit */
    /* value = F * 16**(chr - 78), F a 56-bit fraction whose leading hex
       digit is nonzero: the leading bit lands in bits 52-55 of F. */
    int32_t chr = 78 + floor_div4(top - 52);
    *cc = sign ? 1 : 2;
    if (chr > 127) {
        *cc = 3;
        return s | HFP_MAX;
    }
    if (chr < 0)
        return s;
    return s | (uint64_t)chr << 56 | (uint64_t)sig << (exp - 4 * (chr - 78));
}

/* CONVERT BFP TO HFP R1,R2: the short or long BFP value in R2 as a long
   HFP value; CC 0 zero, 1 negative, 2 positive, 3 NaN, infinity or too
   large. */
static void bfp_to_hfp(struct cpu *c, const uint8_t *ip, const struct bfmt *t)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    check_afp_regs(c, r1, r2);
    int sign;
    int32_t exp;
    ieee_bits sig;
    uint64_t h = 0;
    uint8_t cc = 3;
    switch (ieee_split(t->f, get_fpr(c, t, r2), &sign, &exp, &sig)) {
    case IEEE_K_NAN:
        h = HFP_MAX;
        break;
    case IEEE_K_INF:
        h = (uint64_t)sign << 63 | HFP_MAX;
        break;
    case IEEE_K_ZERO:
        h = (uint64_t)sign << 63;
        cc = 0;
        break;
    case IEEE_K_FINITE:
        h = finite_to_hfp(sign, exp, sig, &cc);
        break;
    }
    c->fpr[r1] = h;
    c->cc = cc;
}

void op_THDER(struct cpu *c, const uint8_t *ip) { bfp_to_hfp(c, ip, &SHORT); }
void op_THDR(struct cpu *c, const uint8_t *ip) { bfp_to_hfp(c, ip, &LONG); }

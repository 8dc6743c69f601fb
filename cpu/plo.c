/*
 * PERFORM LOCKED OPERATION (SA22-7201 chapter 7).
 *
 * GR0 bits 24-31 hold the function code, bit 23 the test bit (bits 0-22
 * must be zero); GR1 holds the program lock token.  The even codes work
 * on 32-bit operands: the first operand (comparison value and replacement)
 * is GR R1 and R1+1, the third GR R3 (and R3+1).  The odd codes work on
 * 64-bit operands, which with 32-bit registers live in the parameter list
 * at the fourth-operand address:
 *
 *     8  first-operand comparison value     24  first-operand replacement
 *    40  third operand (CLG result; DCSG comparison value)
 *    56  third operand (DCSG replacement; value stored at operand 4)
 *    68, 76    ALET and address of operand 4
 *    88  operand 5 (stored at operand 6)  100, 108  ALET and address of op 6
 *   120  operand 7 (stored at operand 8)  132, 140  ALET and address of op 8
 *
 * CSDST and CSTST (32-bit) use the same list with their values in the
 * right word of each doubleword slot (60, 92, 124).
 *
 * The operation is interlocked against every other PLO with the same lock
 * token through a host mutex of the machine; all operands to be stored
 * are checked before the first store, so an exception leaves storage as
 * it was.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"

#define PLO_TEST      0x00000100u
#define PLO_RESERVED  0xFFFFFE00u

#define PL_OP1C   8u
#define PL_OP1R   24u
#define PL_OP3C   40u
#define PL_OP3R   56u
#define PL_ALET   68u   /* of operand 4; operands 6 and 8 follow */
#define PL_ADDR   76u
#define PL_VALUE  56u   /* operand 3; operands 5 and 7 follow */
#define PL_STEP   32u

enum plo_fn { PLO_CL, PLO_CS, PLO_DCS, PLO_CSST, PLO_CSDST, PLO_CSTST };

struct plo {
    struct cpu *c;
    enum plo_fn fn;
    int r1, r3, b2, b4;
    uint32_t a2, a4;      /* second operand; fourth operand or parameter list */
    unsigned w;           /* operand size: 4 or 8 */
};

/* An operand stored or fetched through an address in the list. */
struct plo_target {
    uint32_t ea;
    int arn;
    uint8_t *host;
};

static uint64_t load_w(const uint8_t *p, unsigned w)
{
    return w == 4 ? be32(p) : be64(p);
}

static void put_w(uint8_t *p, unsigned w, uint64_t v)
{
    if (w == 4)
        put_be32(p, (uint32_t)v);
    else
        put_be64(p, v);
}

static uint32_t pl_addr(const struct plo *p, uint32_t off)
{
    return (p->a4 + off) & p->c->amask;
}

/* A first- or third-operand value: GR r, or the list slot for 64 bits. */
static uint64_t op_get(const struct plo *p, int r, uint32_t off)
{
    return p->w == 4 ? p->c->gr[r] : vfetch8(p->c, pl_addr(p, off), p->b4);
}

static void op_set(const struct plo *p, int r, uint32_t off, uint64_t v)
{
    if (p->w == 4)
        p->c->gr[r] = (uint32_t)v;
    else
        vstore8(p->c, pl_addr(p, off), p->b4, v);
}

static bool ar_mode(const struct cpu *c)
{
    return (c->pswm & PSW_DAT) && (c->pswm & PSW_AS) == AS_AR;
}

/* Operand 4, 6 or 8 (i = 0, 1, 2): at D4(B4) for the 32-bit CL, DCS and
   CSST, otherwise at the address in the list, accessed through AR R3
   loaded with the ALET from the list in the access-register mode. */
static void target(const struct plo *p, unsigned i, enum acc_type acc, struct plo_target *t)
{
    struct cpu *c = p->c;
    if (p->w == 4 && p->fn <= PLO_CSST) {
        t->ea = p->a4;
        t->arn = p->b4;
    } else {
        t->ea = vfetch4(c, pl_addr(p, PL_ADDR + i * PL_STEP), p->b4) & c->amask;
        t->arn = p->r3;
        if (ar_mode(c)) {
            if (p->r3 == 0)
                cpu_program_check(c, PGM_SPECIFICATION);
            c->ar[p->r3] = vfetch4(c, pl_addr(p, PL_ALET + i * PL_STEP), p->b4);
        }
    }
    if (t->ea & (p->w - 1))
        cpu_program_check(c, PGM_SPECIFICATION);
    t->host = vptr(c, t->ea, t->arn, acc);
}

/* Compare the second operand with the first-operand comparison value;
   on inequality the comparison value is replaced (CC 1). */
static bool second_equal(const struct plo *p, uint64_t *op2)
{
    *op2 = load_w(vptr(p->c, p->a2, p->b2, ACC_FETCH), p->w);
    if (*op2 == op_get(p, p->r1, PL_OP1C))
        return true;
    op_set(p, p->r1, PL_OP1C, *op2);
    return false;
}

static int plo_cl(const struct plo *p)
{
    uint64_t op2;
    if (!second_equal(p, &op2))
        return 1;
    struct plo_target t;
    target(p, 0, ACC_FETCH, &t);
    op_set(p, p->r3, PL_OP3C, load_w(t.host, p->w));
    return 0;
}

static int plo_cs(const struct plo *p)
{
    uint64_t op2;
    if (!second_equal(p, &op2))
        return 1;
    uint64_t repl = op_get(p, p->r1 + 1, PL_OP1R);
    put_w(vptr(p->c, p->a2, p->b2, ACC_STORE), p->w, repl);
    return 0;
}

static int plo_dcs(const struct plo *p)
{
    uint64_t op2;
    if (!second_equal(p, &op2))
        return 1;
    struct plo_target t;
    target(p, 0, ACC_FETCH, &t);
    uint64_t op4 = load_w(t.host, p->w);
    if (op4 != op_get(p, p->r3, PL_OP3C)) {
        op_set(p, p->r3, PL_OP3C, op4);
        return 2;
    }
    uint64_t repl1 = op_get(p, p->r1 + 1, PL_OP1R), repl3 = op_get(p, p->r3 + 1, PL_OP3R);
    target(p, 0, ACC_STORE, &t);
    uint8_t *h2 = vptr(p->c, p->a2, p->b2, ACC_STORE);
    put_w(t.host, p->w, repl3);
    put_w(h2, p->w, repl1);
    return 0;
}

/* CSST, CSDST, CSTST: after a successful comparison one, two or three
   values are stored at operands 4, 6 and 8, then the replacement at 2. */
static int plo_csst(const struct plo *p)
{
    uint64_t op2;
    if (!second_equal(p, &op2))
        return 1;
    unsigned n = (unsigned)(p->fn - PLO_CSST) + 1;
    uint64_t value[3];
    for (unsigned i = 0; i < n; i++) {
        if (p->w == 4 && p->fn == PLO_CSST)
            value[i] = p->c->gr[p->r3];
        else if (p->w == 4)
            value[i] = vfetch4(p->c, pl_addr(p, PL_VALUE + 4 + i * PL_STEP), p->b4);
        else
            value[i] = vfetch8(p->c, pl_addr(p, PL_VALUE + i * PL_STEP), p->b4);
    }
    uint64_t repl = op_get(p, p->r1 + 1, PL_OP1R);
    struct plo_target t[3];
    for (unsigned i = 0; i < n; i++)
        target(p, i, ACC_STORE, &t[i]);
    uint8_t *h2 = vptr(p->c, p->a2, p->b2, ACC_STORE);
    for (unsigned i = 0; i < n; i++)
        put_w(t[i].host, p->w, value[i]);
    put_w(h2, p->w, repl);
    return 0;
}

static bool valid_function(unsigned fc)
{
    return fc <= 21 && (fc & 3) < 2;
}

/* Specification checks before anything is accessed. */
static void plo_check(struct cpu *c, const struct plo *p)
{
    bool bad = ((p->a2 | p->a4) & (p->w - 1)) != 0;
    if (p->w == 4) {
        bad |= p->fn != PLO_CL && (p->r1 & 1);
        bad |= p->fn == PLO_DCS && (p->r3 & 1);
    }
    if (bad)
        cpu_program_check(c, PGM_SPECIFICATION);
}

static pthread_mutex_t *plo_lock(struct cpu *c)
{
    uint32_t t = c->gr[1] & c->amask;
    return &c->m->plo_lock[(t ^ t >> 6 ^ t >> 12) % PLO_LOCKS];
}

static int plo_run(const struct plo *p)
{
    switch (p->fn) {
    case PLO_CL:
        return plo_cl(p);
    case PLO_CS:
        return plo_cs(p);
    case PLO_DCS:
        return plo_dcs(p);
    default:
        return plo_csst(p);
    }
}

void op_PLO(struct cpu *c, const uint8_t *ip)
{
    uint32_t g0 = c->gr[0];
    if (g0 & PLO_RESERVED)
        cpu_program_check(c, PGM_SPECIFICATION);
    unsigned fc = g0 & 0xFF;
    if (g0 & PLO_TEST) {
        c->cc = valid_function(fc) ? 0 : 3;
        return;
    }
    if (!valid_function(fc))
        cpu_program_check(c, PGM_SPECIFICATION);
    const struct plo p = {
        .c = c, .fn = (enum plo_fn)(fc >> 2), .r1 = R1(ip), .r3 = R3(ip),
        .b2 = BASE(ip + 2), .b4 = BASE(ip + 4),
        .a2 = addr_bd(c, ip + 2), .a4 = addr_bd(c, ip + 4), .w = (fc & 1) ? 8 : 4,
    };
    plo_check(c, &p);

    /* A program interruption inside the locked operation unwinds through
       here to release the lock. */
    pthread_mutex_t *const lock = plo_lock(c);
    jmp_buf *const outer = c->jmp;
    jmp_buf inner;
    pthread_mutex_lock(lock);
    if (setjmp(inner)) {
        pthread_mutex_unlock(lock);
        c->jmp = outer;
        longjmp(*outer, 1);
    }
    c->jmp = &inner;
    int cc = plo_run(&p);
    c->jmp = outer;
    pthread_mutex_unlock(lock);
    c->cc = (uint8_t)cc;
}

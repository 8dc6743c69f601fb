/*
 * The long moves and compares with padding: the engines shared with MVCL
 * and CLCL, the extended forms MVCLE and CLCLE, their Unicode forms MVCLU
 * and CLCLU (z/Architecture, usable in ESA/390 mode with the
 * extended-translation facility 2), and MOVE PAGE.
 */
#include <string.h>

#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "long_ops.h"

/* The padding byte at a destination position with `left` bytes still to
   fill: a two-byte pad character starts at an even count. */
static inline uint8_t pad_byte(uint16_t pad, uint32_t left)
{
    return (left & 1) ? (uint8_t)pad : (uint8_t)(pad >> 8);
}

static void fill_pad(uint8_t *p, uint32_t n, uint32_t left, uint16_t pad)
{
    if ((pad >> 8) == (pad & 0xFF)) {
        memset(p, pad & 0xFF, n);
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        p[i] = pad_byte(pad, left - i);
}

/* Stop between units: the amount is used up, or an event waits and the
   bytes done end on a character boundary. */
static inline bool unit_limit(const struct cpu *c, uint32_t done, uint32_t limit, unsigned csize)
{
    return done >= limit || (done && done % csize == 0 && event_waits(c));
}

/* Registers reflect the progress before every unit after the first and
   at the end, so that an access exception in a unit leaves them right. */
static void store_both(struct cpu *c, const struct long_operand *a, const struct long_operand *b)
{
    long_store(c, a);
    long_store(c, b);
}

bool long_move(struct cpu *c, struct long_operand *d, struct long_operand *s,
               uint16_t pad, unsigned csize, uint32_t limit)
{
    uint32_t done = 0;
    bool full = true;
    while (d->len) {
        if (unit_limit(c, done, limit, csize)) {
            full = false;
            break;
        }
        if (done)
            store_both(c, d, s);   /* the progress an exception in this unit leaves */
        uint32_t n = min_u32(min_u32(d->len, page_room(d->addr)), limit - done);
        uint8_t *dp = vptr(c, d->addr, d->r, ACC_STORE);
        if (s->len) {
            n = min_u32(n, min_u32(s->len, page_room(s->addr)));
            memmove(dp, vptr(c, s->addr, s->r, ACC_FETCH), n);
            long_advance(c, s, n);
        } else {
            fill_pad(dp, n, d->len, pad);
        }
        long_advance(c, d, n);
        done += n;
    }
    store_both(c, d, s);
    return full;
}

/* After an unequal byte inside a two-byte character, point back at the
   start of the character (an odd remaining length is mid-character). */
static void back_to_character(const struct cpu *c, struct long_operand *o)
{
    if (o->len & 1) {
        o->addr = (o->addr - 1) & c->amask;
        o->len++;
    }
}

/* Compare n bytes of a unit; returns the index of the first unequal byte
   (n if none) and sets *cc. */
static uint32_t compare_unit(const uint8_t *pa, const uint8_t *pb, uint32_t n,
                             const struct long_operand *a, const struct long_operand *b,
                             uint16_t pad, int *cc)
{
    *cc = 0;
    if (pa && pb && memcmp(pa, pb, n) == 0)
        return n;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t x = pa ? pa[i] : pad_byte(pad, b->len - i);
        uint8_t y = pb ? pb[i] : pad_byte(pad, a->len - i);
        if (x != y) {
            *cc = x < y ? 1 : 2;
            return i;
        }
    }
    return n;
}

int long_compare(struct cpu *c, struct long_operand *a, struct long_operand *b,
                 uint16_t pad, unsigned csize, uint32_t limit)
{
    uint32_t done = 0;
    int cc = 0;
    while ((a->len || b->len) && cc == 0) {
        if (unit_limit(c, done, limit, csize)) {
            cc = 3;
            break;
        }
        if (done)
            store_both(c, a, b);   /* the progress an exception in this unit leaves */
        uint32_t n = limit - done;
        const uint8_t *pa = NULL, *pb = NULL;
        if (a->len) {
            n = min_u32(n, min_u32(a->len, page_room(a->addr)));
            pa = vptr(c, a->addr, a->r, ACC_FETCH);
        }
        if (b->len) {
            n = min_u32(n, min_u32(b->len, page_room(b->addr)));
            pb = vptr(c, b->addr, b->r, ACC_FETCH);
        }
        uint32_t i = compare_unit(pa, pb, n, a, b, pad, &cc);
        if (a->len)
            long_advance(c, a, i);
        if (b->len)
            long_advance(c, b, i);
        if (cc && csize == 2) {
            back_to_character(c, a);
            back_to_character(c, b);
        }
        done += i;
    }
    store_both(c, a, b);
    return cc;
}

/* ---- MVCLE, CLCLE, MVCLU, CLCLU ---- */

/* The R1 and R3 operands of an RS/RSE long instruction and its padding
   character, taken from the second-operand address. */
struct ext_operands {
    struct long_operand op1, op3;
    uint16_t pad;
};

static void ext_get(struct cpu *c, const uint8_t *ip, unsigned csize, struct ext_operands *o)
{
    int r1 = R1(ip), r3 = R3(ip);
    if ((r1 | r3) & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    long_load(c, r1, LEN32, &o->op1);
    long_load(c, r3, LEN32, &o->op3);
    uint32_t a2 = addr_bd(c, ip + 2);
    if (csize == 2) {
        if ((o->op1.len | o->op3.len) & 1)
            cpu_program_check(c, PGM_SPECIFICATION);
        o->pad = (uint16_t)a2;
    } else {
        o->pad = (uint16_t)((a2 & 0xFF) * 0x0101u);
    }
}

static void move_extended(struct cpu *c, const uint8_t *ip, unsigned csize)
{
    struct ext_operands o;
    ext_get(c, ip, csize, &o);
    uint8_t cc = o.op1.len == o.op3.len ? 0 : o.op1.len < o.op3.len ? 1 : 2;
    /* Destructive overlap makes the result unpredictable: no test. */
    c->cc = long_move(c, &o.op1, &o.op3, o.pad, csize, CPU_AMOUNT) ? cc : 3;
}

static void compare_extended(struct cpu *c, const uint8_t *ip, unsigned csize)
{
    struct ext_operands o;
    ext_get(c, ip, csize, &o);
    c->cc = (uint8_t)long_compare(c, &o.op1, &o.op3, o.pad, csize, CPU_AMOUNT);
}

void op_MVCLE(struct cpu *c, const uint8_t *ip) { move_extended(c, ip, 1); }
void op_CLCLE(struct cpu *c, const uint8_t *ip) { compare_extended(c, ip, 1); }
void op_MVCLU(struct cpu *c, const uint8_t *ip) { move_extended(c, ip, 2); }
void op_CLCLU(struct cpu *c, const uint8_t *ip) { compare_extended(c, ip, 2); }

/* ---- MOVE PAGE ---- */

#define MVPG_RESERVED 0x0000F000u  /* GR0 bits 16-19 must be zero */
#define MVPG_KEY_OP1  0x00000800u  /* bit 20: GR0 key for the first operand */
#define MVPG_KEY_OP2  0x00000400u  /* bit 21: GR0 key for the second operand */
#define MVPG_CCO      0x00000100u  /* bit 23: condition-code option */

/* Is the page of ea in space sp unavailable (invalid page-table entry)? */
static bool page_unavailable(struct cpu *c, uint32_t ea, enum tlb_space sp)
{
    uint32_t real;
    bool prot;
    return access_lra(c, ea, sp, &real, &prot) == PGM_PAGE_TRANS;
}

void op_MVPG(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    uint32_t g0 = c->gr[0];
    if ((g0 & MVPG_RESERVED) || (g0 & (MVPG_KEY_OP1 | MVPG_KEY_OP2)) == (MVPG_KEY_OP1 | MVPG_KEY_OP2))
        cpu_program_check(c, PGM_SPECIFICATION);
    unsigned key1 = psw_key(c), key2 = key1;
    if (g0 & (MVPG_KEY_OP1 | MVPG_KEY_OP2)) {
        unsigned key = (g0 >> 4) & 0xF;
        /* In the problem state the PSW-key mask must allow the key. */
        if (cpu_problem_state(c) && !((c->cr[3] << key) & 0x80000000u))
            cpu_program_check(c, PGM_PRIVILEGED);
        if (g0 & MVPG_KEY_OP1)
            key1 = key;
        else
            key2 = key;
    }
    uint32_t a1 = c->gr[r1] & c->amask & PAGE_MASK;
    uint32_t a2 = c->gr[r2] & c->amask & PAGE_MASK;
    enum tlb_space sp1 = access_space(c, r1, ACC_STORE);
    enum tlb_space sp2 = access_space(c, r2, ACC_FETCH);
    /* With the option, an invalid page-table entry sets a condition code
       instead of a page-translation exception (second operand first). */
    if (g0 & MVPG_CCO) {
        if (page_unavailable(c, a2, sp2)) {
            c->cc = 2;
            return;
        }
        if (page_unavailable(c, a1, sp1)) {
            c->cc = 1;
            return;
        }
    }
    const uint8_t *src = access_translate_in(c, a2, sp2, key2, ACC_FETCH);
    uint8_t *dst = access_translate_in(c, a1, sp1, key1, ACC_STORE);
    memmove(dst, src, PAGE_SIZE);
    c->cc = 0;
}

/*
 * Character and immediate instructions: MVC, CLC, NC/OC/XC, MVN, MVZ,
 * MVCIN, TR, TRT, the SI instructions, and the interruptible long moves
 * and compares MVCL and CLCL.
 */
#include <string.h>

#include "hot.h"
#include "long_ops.h"

/* The two operands of an SS instruction with one length (L+1 bytes). */
struct ss_operands {
    struct vspan op1, op2;
    unsigned len;
};

static ALWAYS_INLINE void ss_get(struct cpu *c, const uint8_t *ip, struct ss_operands *o,
                   enum acc_type acc1, bool whole_op2)
{
    o->len = ip[1] + 1u;
    if (whole_op2)
        vspan_get(c, &o->op2, addr_bd(c, ip + 4), o->len, BASE(ip + 4), ACC_FETCH);
    vspan_get(c, &o->op1, addr_bd(c, ip + 2), o->len, BASE(ip + 2), acc1);
}

static inline bool single_piece(const struct ss_operands *o)
{
    return o->op1.n0 == o->len && o->op2.n0 == o->len;
}

void op_MVC(struct cpu *c, const uint8_t *ip)
{
    struct ss_operands o;
    ss_get(c, ip, &o, ACC_STORE, true);
    uint8_t *d = o.op1.p0;
    const uint8_t *s = o.op2.p0;
    if (!single_piece(&o)) {
        for (unsigned i = 0; i < o.len; i++)
            *vspan_at(&o.op1, i) = *vspan_at(&o.op2, i);
        return;
    }
    /* Byte-by-byte left to right: equal to memmove unless the destination
       starts inside the source; then bytes propagate (MVC 1(n),0 fills). */
    if (d <= s || d >= s + o.len)
        memmove(d, s, o.len);
    else if (d == s + 1)
        memset(d, *s, o.len);
    else
        for (unsigned i = 0; i < o.len; i++)
            d[i] = s[i];
}

void op_CLC(struct cpu *c, const uint8_t *ip)
{
    struct ss_operands o;
    ss_get(c, ip, &o, ACC_FETCH, true);
    int r;
    if (single_piece(&o)) {
        r = memcmp(o.op1.p0, o.op2.p0, o.len);
    } else {
        r = 0;
        for (unsigned i = 0; i < o.len && !r; i++)
            r = *vspan_at(&o.op1, i) - *vspan_at(&o.op2, i);
    }
    c->cc = r == 0 ? 0 : r < 0 ? 1 : 2;
}

#define SS_BOOLEAN(NAME, OP)                                                 \
    void op_##NAME(struct cpu *c, const uint8_t *ip)                         \
    {                                                                        \
        struct ss_operands o;                                                \
        ss_get(c, ip, &o, ACC_STORE, true);                                  \
        uint8_t any = 0;                                                     \
        for (unsigned i = 0; i < o.len; i++) {                               \
            uint8_t *d = vspan_at(&o.op1, i);                                \
            *d = *d OP *vspan_at(&o.op2, i);                                 \
            any |= *d;                                                       \
        }                                                                    \
        c->cc = any != 0;                                                    \
    }
SS_BOOLEAN(NC, &)
SS_BOOLEAN(OC, |)

void op_XC(struct cpu *c, const uint8_t *ip)
{
    struct ss_operands o;
    ss_get(c, ip, &o, ACC_STORE, true);
    if (single_piece(&o) && o.op1.p0 == o.op2.p0) {   /* the clearing idiom */
        memset(o.op1.p0, 0, o.len);
        c->cc = 0;
        return;
    }
    uint8_t any = 0;
    for (unsigned i = 0; i < o.len; i++) {
        uint8_t *d = vspan_at(&o.op1, i);
        *d ^= *vspan_at(&o.op2, i);
        any |= *d;
    }
    c->cc = any != 0;
}

void op_MVN(struct cpu *c, const uint8_t *ip)
{
    struct ss_operands o;
    ss_get(c, ip, &o, ACC_STORE, true);
    for (unsigned i = 0; i < o.len; i++) {
        uint8_t *d = vspan_at(&o.op1, i);
        *d = (*d & 0xF0) | (*vspan_at(&o.op2, i) & 0x0F);
    }
}

void op_MVZ(struct cpu *c, const uint8_t *ip)
{
    struct ss_operands o;
    ss_get(c, ip, &o, ACC_STORE, true);
    for (unsigned i = 0; i < o.len; i++) {
        uint8_t *d = vspan_at(&o.op1, i);
        *d = (*d & 0x0F) | (*vspan_at(&o.op2, i) & 0xF0);
    }
}

void op_MVCIN(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;
    /* The second-operand address designates its rightmost byte. */
    uint32_t a2 = (addr_bd(c, ip + 4) - (len - 1)) & c->amask;
    uint8_t buf[256];
    vfetch_bytes(c, a2, BASE(ip + 4), buf, len);
    struct vspan d;
    vspan_get(c, &d, addr_bd(c, ip + 2), len, BASE(ip + 2), ACC_STORE);
    for (unsigned i = 0; i < len; i++)
        *vspan_at(&d, i) = buf[len - 1 - i];
}

/* TR and TRT access only the table bytes they need. */
void op_TR(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;
    uint32_t table = addr_bd(c, ip + 4);
    int b2 = BASE(ip + 4);
    struct vspan d;
    vspan_get(c, &d, addr_bd(c, ip + 2), len, BASE(ip + 2), ACC_STORE);
    for (unsigned i = 0; i < len; i++) {
        uint8_t *p = vspan_at(&d, i);
        *p = vfetch1(c, (table + *p) & c->amask, b2);
    }
}

void op_TRT(struct cpu *c, const uint8_t *ip)
{
    unsigned len = ip[1] + 1u;
    uint32_t a1 = addr_bd(c, ip + 2);
    uint32_t table = addr_bd(c, ip + 4);
    int b2 = BASE(ip + 4);
    struct vspan s;
    vspan_get(c, &s, a1, len, BASE(ip + 2), ACC_FETCH);
    for (unsigned i = 0; i < len; i++) {
        uint8_t fn = vfetch1(c, (table + *vspan_at(&s, i)) & c->amask, b2);
        if (fn) {
            uint32_t addr = (a1 + i) & c->amask;
            /* 24-bit mode: bits 8-31 replaced; 31-bit mode: bits 1-31
               replaced and bit 0 set to zero */
            c->gr[1] = c->amask == 0x7FFFFFFFu ? addr : (c->gr[1] & 0xFF000000u) | addr;
            c->gr[2] = (c->gr[2] & 0xFFFFFF00u) | fn;
            c->cc = i == len - 1 ? 2 : 1;
            return;
        }
    }
    c->cc = 0;
}

/* ---- SI ---- */




#define SI_BOOLEAN(NAME, OP)                                                 \
    void op_##NAME(struct cpu *c, const uint8_t *ip)                         \
    {                                                                        \
        uint8_t *p = vptr(c, addr_bd(c, ip + 2), BASE(ip + 2), ACC_STORE);   \
        *p = *p OP ip[1];                                                    \
        c->cc = *p != 0;                                                     \
    }
SI_BOOLEAN(NI, &)
SI_BOOLEAN(OI, |)
SI_BOOLEAN(XI, ^)

/* ---- MVCL and CLCL ---- */

/* Both are interruptible: when an event waits between units of operation
   the PSW is backed up and the instruction resumes from the registers. */

void op_MVCL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r2 = R2(ip);
    if ((r1 | r2) & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct long_operand d, s;
    long_load(c, r1, LEN24, &d);
    long_load(c, r2, LEN24, &s);
    uint8_t pad = (uint8_t)(c->gr[r2 + 1] >> 24);
    uint8_t cc = d.len == s.len ? 0 : d.len < s.len ? 1 : 2;
    /* Destructive overlap: the destination starts inside the source bytes
       still to be moved. */
    uint32_t n = min_u32(d.len, s.len);
    uint32_t dist = (d.addr - s.addr) & c->amask;
    if (n && dist != 0 && dist < n) {
        c->cc = 3;
        return;
    }
    if (long_move(c, &d, &s, (uint16_t)(pad * 0x0101u), 1, UINT32_MAX))
        c->cc = cc;
    else
        reexecute(c);
}

void op_CLCL(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip), r2 = R2(ip);
    if ((r1 | r2) & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct long_operand a, b;
    long_load(c, r1, LEN24, &a);
    long_load(c, r2, LEN24, &b);
    uint8_t pad = (uint8_t)(c->gr[r2 + 1] >> 24);
    int cc = long_compare(c, &a, &b, (uint16_t)(pad * 0x0101u), 1, UINT32_MAX);
    if (cc == 3)
        reexecute(c);
    else
        c->cc = (uint8_t)cc;
}

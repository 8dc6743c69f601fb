/*
 * The linkage stack (SA22-7201 chapter 5, "Linkage-Stack Operations";
 * chapter 10 BAKR, PR, EREG, ESTA, MSTA).
 *
 * The stack lies in the home address space.  CR15 addresses the entry
 * descriptor of the current entry.  A section starts with a header entry
 * and ends with a trailer entry; a state entry is 168 bytes whose last 8
 * are its entry descriptor.  Stack accesses are subject to DAT and
 * low-address protection but not to key-controlled protection (key 0).
 * Every access is checked before anything changes, so that the stack
 * exceptions (all nullifying) leave the machine as it was.
 *
 * PROGRAM CALL (pc.c) forms program-call state entries through
 * linkage_stack_state(); PR unstacks them with the space switch that
 * pc_return_spaces() works out.
 */
#include "linkage.h"

#include "insn.h"
#include "interrupt.h"
#include "space.h"

#define LSEA_MASK      0x7FFFFFF8u   /* entry addresses in CR15 and the stack */
#define SECTION_VALID  0x80000000u   /* backward/forward address is valid */
#define STATE_SIZE     168
#define LSED_SIZE      8
#define LSED_U         0x80          /* unstack suppression */
#define LSED_ET        0x7F

/* Byte offsets in a state entry. */
#define SE_GR     0
#define SE_AR     64
#define SE_STATE  128     /* PKM, SASN, EAX, PASN */
#define SE_PSW    136
#define SE_CALLED 144     /* 148-151: BAKR's branch address, PC's number */
#define SE_MODIFY 152
#define SE_LSED   160

/* An entry descriptor: type and unstack-suppression, section id,
   remaining free space, next-entry size. */
struct lsed {
    uint8_t uet, si;
    uint16_t rfs, nes;
};

static uint8_t *stack_at(struct cpu *c, uint32_t va, enum acc_type acc)
{
    return access_translate_in(c, va & 0x7FFFFFFFu, TLB_HOME, 0, acc);
}

static void stack_span(struct cpu *c, struct vspan *s, uint32_t va, uint32_t len, enum acc_type acc)
{
    vspan_get_in(c, s, va & 0x7FFFFFFFu, len, TLB_HOME, 0, acc);
}

/* Entry descriptors and section addresses are 8-byte aligned: one page. */
static struct lsed fetch_lsed(struct cpu *c, uint32_t va)
{
    const uint8_t *p = stack_at(c, va, ACC_FETCH);
    return (struct lsed){ p[0], p[1], be16(p + 2), be16(p + 4) };
}

static uint32_t current_entry(const struct cpu *c)
{
    return c->cr[15] & LSEA_MASK;
}

/* BAKR, EREG, ESTA, MSTA and PR need DAT, the address-space-function
   control and a mode other than the secondary-space mode. */
static void require_stack_access(struct cpu *c)
{
    if (!(c->pswm & PSW_DAT) || !(c->cr[0] & CR0_ASF) || (c->pswm & PSW_AS) == AS_SECONDARY)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
}

/* ---- stacking (BAKR) ---- */

/* Where a new state entry goes: after the current entry, or after the
   header of the next section when this one is full. */
struct stack_slot {
    uint32_t prev;        /* entry descriptor whose next-entry size is set */
    struct lsed prev_d;
    uint32_t header;      /* a new section's header, or 0 */
};

static struct stack_slot find_room(struct cpu *c)
{
    struct stack_slot s = { current_entry(c), fetch_lsed(c, current_entry(c)), 0 };
    if (s.prev_d.rfs >= STATE_SIZE)
        return s;
    if (s.prev_d.rfs & 7)
        cpu_program_check(c, PGM_STACK_SPEC);
    /* the trailer entry follows the free space; word 1 is the forward
       address of the next section's header entry descriptor */
    uint32_t forward = be32(stack_at(c, s.prev + LSED_SIZE + s.prev_d.rfs + 4, ACC_FETCH));
    if (!(forward & SECTION_VALID))
        cpu_program_check(c, PGM_STACK_FULL);
    s.prev = forward & LSEA_MASK;
    s.prev_d = fetch_lsed(c, s.prev);
    if (s.prev_d.rfs < STATE_SIZE)
        cpu_program_check(c, PGM_STACK_SPEC);
    s.header = s.prev - LSED_SIZE;
    return s;
}

void linkage_stack_state(struct cpu *c, uint8_t type, uint32_t ret, uint32_t word148)
{
    struct stack_slot s = find_room(c);
    uint32_t entry = s.prev + LSED_SIZE;
    struct vspan e;
    stack_span(c, &e, entry, STATE_SIZE, ACC_STORE);
    uint8_t *prev = stack_at(c, s.prev, ACC_STORE);
    uint8_t *back = s.header ? stack_at(c, s.header + 4, ACC_STORE) : NULL;

    uint8_t se[STATE_SIZE];
    vspan_read(&e, se);   /* bytes 144-147 stay as they are */
    for (int i = 0; i < 16; i++) {
        put_be32(se + SE_GR + 4 * i, c->gr[i]);
        put_be32(se + SE_AR + 4 * i, c->ar[i]);
    }
    put_be32(se + SE_STATE, c->cr[3]);                       /* PKM, SASN */
    put_be16(se + SE_STATE + 4, (uint16_t)(c->cr[8] >> 16)); /* EAX */
    put_be16(se + SE_STATE + 6, (uint16_t)c->cr[4]);         /* PASN */
    cpu_store_psw(c, se + SE_PSW);
    put_be32(se + SE_PSW + 4, ret);
    put_be32(se + SE_CALLED + 4, word148);
    put_be64(se + SE_MODIFY, 0);
    uint8_t *d = se + SE_LSED;
    d[0] = type;
    d[1] = s.prev_d.si;
    put_be16(d + 2, (uint16_t)(s.prev_d.rfs - STATE_SIZE));
    put_be16(d + 4, 0);
    put_be16(d + 6, 0);

    vspan_write(&e, se);
    put_be16(prev + 4, STATE_SIZE);
    if (back)
        put_be32(back, SECTION_VALID | current_entry(c));
    c->cr[15] = (entry + SE_LSED) & LSEA_MASK;
}

static uint32_t amode_bit(const struct cpu *c)
{
    return c->amask == 0x7FFFFFFFu ? 0x80000000u : 0;
}

void op_BAKR(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if ((c->pswm & PSW_AS) == AS_HOME)   /* primary or AR mode only */
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    require_stack_access(c);
    uint32_t ret = c->ia | amode_bit(c);
    if (r1) {
        ret = c->gr[r1];
        if (!(ret & 0x80000000u))
            ret &= 0x00FFFFFFu;
    }
    uint32_t target = r2 ? c->gr[r2] & c->amask : c->ia;
    linkage_stack_state(c, ET_BRANCH, ret, target | amode_bit(c));
    if (r2)
        branch_to(c, target);
}

/* ---- the current state entry (EREG, ESTA, MSTA, PR) ---- */

/* The entry descriptor of the current state entry: through the header of
   the current section to the last entry of the previous one.  For PR an
   unstack-suppression bit is a stack-operation exception. */
static uint32_t locate_state_entry(struct cpu *c, bool unstacking, struct lsed *d)
{
    uint32_t va = current_entry(c);
    *d = fetch_lsed(c, va);
    if ((d->uet & LSED_ET) == ET_HEADER) {
        if (unstacking && (d->uet & LSED_U))
            cpu_program_check(c, PGM_STACK_OPERATION);
        uint32_t back = be32(stack_at(c, va - 4, ACC_FETCH));
        if (!(back & SECTION_VALID))
            cpu_program_check(c, PGM_STACK_EMPTY);
        va = back & LSEA_MASK;
        *d = fetch_lsed(c, va);
        if ((d->uet & LSED_ET) == ET_HEADER)
            cpu_program_check(c, PGM_STACK_SPEC);
    }
    if ((d->uet & LSED_ET) != ET_BRANCH && (d->uet & LSED_ET) != ET_CALL)
        cpu_program_check(c, PGM_STACK_TYPE);
    if (unstacking && (d->uet & LSED_U))
        cpu_program_check(c, PGM_STACK_OPERATION);
    return va;
}

/* Fetch `len` bytes at `off` of the state entry whose descriptor is at va. */
static void fetch_state(struct cpu *c, uint32_t va, uint32_t off, uint8_t *buf, uint32_t len)
{
    struct vspan s;
    stack_span(c, &s, va - SE_LSED + off, len, ACC_FETCH);
    vspan_read(&s, buf);
}

/* Load general and access registers r1 through r2 (wrapping) from the
   register part (bytes 0-127) of a state entry. */
static void load_registers(struct cpu *c, const uint8_t *se, int r1, int r2)
{
    for (int r = r1;; r = (r + 1) & 15) {
        c->gr[r] = be32(se + SE_GR + 4 * r);
        c->ar[r] = be32(se + SE_AR + 4 * r);
        if (r == r2)
            break;
    }
}

void op_EREG(struct cpu *c, const uint8_t *ip)
{
    require_stack_access(c);
    struct lsed d;
    uint32_t va = locate_state_entry(c, false, &d);
    uint8_t se[SE_STATE];
    fetch_state(c, va, 0, se, sizeof se);
    load_registers(c, se, RRE_R1(ip), RRE_R2(ip));
}

/* ESTA: code 0 PKM/SASN/EAX/PASN, 1 PSW, 2 called address, 3 modifiable
   area, into the even-odd pair R1; CC 1 for a program-call entry. */
void op_ESTA(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip);
    require_stack_access(c);
    unsigned code = c->gr[RRE_R2(ip)] & 0xFF;
    if ((r1 & 1) || code > 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct lsed d;
    uint32_t va = locate_state_entry(c, false, &d);
    uint8_t v[8];
    fetch_state(c, va, SE_STATE + 8 * code, v, sizeof v);
    c->gr[r1] = be32(v);
    c->gr[r1 + 1] = be32(v + 4);
    c->cc = (d.uet & LSED_ET) == ET_CALL;
}

void op_MSTA(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip);
    require_stack_access(c);
    if (r1 & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct lsed d;
    uint32_t va = locate_state_entry(c, false, &d);
    uint8_t v[8];
    put_be32(v, c->gr[r1]);
    put_be32(v + 4, c->gr[r1 + 1]);
    struct vspan s;
    stack_span(c, &s, va - SE_LSED + SE_MODIFY, sizeof v, ACC_STORE);
    vspan_write(&s, v);
}

/* PR: restore GR2-14, AR2-14 and the PSW (but its PER mask) from the
   current state entry, and for a program-call entry the PSW-key mask,
   SASN, EAX and PASN with the spaces they designate; the previous entry
   becomes current. */
void op_PR(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    if ((c->pswm & PSW_AS) == AS_HOME)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    require_stack_access(c);
    struct lsed d;
    uint32_t va = locate_state_entry(c, true, &d);
    uint8_t se[SE_CALLED];
    fetch_state(c, va, 0, se, sizeof se);
    uint32_t prev = va - STATE_SIZE;
    uint8_t *prev_d = stack_at(c, prev, ACC_STORE);
    struct spaces s;
    bool program_call = (d.uet & LSED_ET) == ET_CALL;
    bool sse = program_call && pc_return_spaces(c, se + SE_STATE, &s);
    uint32_t old_cr1 = c->cr[1], old_cr4 = c->cr[4];

    load_registers(c, se, 2, 14);
    put_be16(prev_d + 4, 0);   /* no next entry any more */
    c->cr[15] = prev & LSEA_MASK;
    if (program_call)
        spaces_set(c, &s);
    uint32_t w0 = (be32(se + SE_PSW) & ~PSW_PER) | (c->pswm & PSW_PER);
    cpu_set_psw(c, w0, be32(se + SE_PSW + 4));
    branch_to(c, c->ia);   /* a successful branch for PER */
    if (sse)
        space_switch_report(c, old_cr1, old_cr4);
}

/*
 * Address-space control and the moves between spaces and keys
 * (SA22-7201 chapter 10): SAC, SACF, IAC, EPAR, ESAR, MVCP, MVCS, MVCK,
 * MVCSK, MVCDK.  The explicit-space and explicit-key accesses go through
 * access_translate_in(), which checks protection with the given key and
 * never fills the TLB.
 */
#include "space.h"

#include "insn.h"
#include "interrupt.h"

#define CR0_EXTRACTION_AUTHORITY 0x08000000u   /* bit 4 */
#define CR0_SECONDARY_SPACE      0x04000000u   /* bit 5 */
#define CR0_ASF                  0x00010000u   /* bit 15: address-space function */
#define STD_SPACE_SWITCH_EVENT   0x80000000u   /* bit 0 of CR1 and CR13 */
#define TEID_SPACE_SWITCH_EVENT  0x80000000u

/* The address-space control as SAC and IAC code it: bits 20-23 of SAC's
   operand address, bits 22-23 of IAC's register and IAC's condition code. */
enum asc_code { ASC_PRIMARY, ASC_SECONDARY, ASC_AR, ASC_HOME };

static const uint32_t psw_as_of_code[] = { AS_PRIMARY, AS_SECONDARY, AS_AR, AS_HOME };

static enum asc_code asc_code(const struct cpu *c)
{
    switch (c->pswm & PSW_AS) {
    case AS_SECONDARY: return ASC_SECONDARY;
    case AS_AR: return ASC_AR;
    case AS_HOME: return ASC_HOME;
    default: return ASC_PRIMARY;
    }
}

static void require_dat(struct cpu *c)
{
    if (!(c->pswm & PSW_DAT))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
}

/* SAC, SACF, MVCP and MVCS work on the secondary space only when DAT is on
   and the secondary-space control is one. */
static void require_secondary_space(struct cpu *c)
{
    require_dat(c);
    if (!(c->cr[0] & CR0_SECONDARY_SPACE))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
}

void space_home_switch_event(struct cpu *c, bool was_home, bool is_home)
{
    if (was_home == is_home)
        return;
    bool event = (c->cr[1] & STD_SPACE_SWITCH_EVENT) || (c->cr[13] & STD_SPACE_SWITCH_EVENT) ||
                 (c->pswm & PSW_PER);
    if (!event)
        return;
    uint32_t teid;
    if (is_home)   /* the primary ASN, with the primary control */
        teid = (c->cr[4] & 0xFFFFu) | (c->cr[1] & STD_SPACE_SWITCH_EVENT ? TEID_SPACE_SWITCH_EVENT : 0);
    else
        teid = c->cr[13] & STD_SPACE_SWITCH_EVENT ? TEID_SPACE_SWITCH_EVENT : 0;
    cpu_translation_exception(c, PGM_SPACE_SWITCH, teid);
}

/* SAC and SACF differ only in serialization, which this machine does not
   need to distinguish. */
static void set_address_space_control(struct cpu *c, const uint8_t *ip)
{
    unsigned mode = (addr_bd(c, ip + 2) >> 8) & 0xF;
    require_secondary_space(c);
    if (mode == ASC_HOME && cpu_problem_state(c))
        cpu_program_check(c, PGM_PRIVILEGED);
    if (mode == ASC_AR && !(c->cr[0] & CR0_ASF))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    if (mode > ASC_HOME)
        cpu_program_check(c, PGM_SPECIFICATION);
    bool was_home = asc_code(c) == ASC_HOME;
    c->pswm = (c->pswm & ~PSW_AS) | psw_as_of_code[mode];
    cpu_psw_changed(c);
    space_home_switch_event(c, was_home, mode == ASC_HOME);
}

void op_SAC(struct cpu *c, const uint8_t *ip) { set_address_space_control(c, ip); }
void op_SACF(struct cpu *c, const uint8_t *ip) { set_address_space_control(c, ip); }

/* IAC, EPAR, ESAR: DAT on; in the problem state only with the
   extraction-authority control on. */
static void require_extraction_authority(struct cpu *c)
{
    require_dat(c);
    if (cpu_problem_state(c) && !(c->cr[0] & CR0_EXTRACTION_AUTHORITY))
        cpu_program_check(c, PGM_PRIVILEGED);
}

void op_IAC(struct cpu *c, const uint8_t *ip)
{
    require_extraction_authority(c);
    enum asc_code code = asc_code(c);
    int r1 = RRE_R1(ip);
    c->gr[r1] = (c->gr[r1] & 0xFFFF00FFu) | (uint32_t)code << 8;
    c->cc = (uint8_t)code;
}

void op_EPAR(struct cpu *c, const uint8_t *ip)
{
    require_extraction_authority(c);
    c->gr[RRE_R1(ip)] = c->cr[4] & 0xFFFFu;   /* primary ASN */
}

void op_ESAR(struct cpu *c, const uint8_t *ip)
{
    require_extraction_authority(c);
    c->gr[RRE_R1(ip)] = c->cr[3] & 0xFFFFu;   /* secondary ASN */
}

/* ---- moves with an explicit space or key ---- */

/* One operand of a move: where, in which space, with which access key. */
struct key_operand {
    uint32_t ea;
    enum tlb_space space;
    unsigned key;
};

/* The access key in bits 24-27 of a register; in the problem state it must
   be permitted by the PSW-key mask (CR3 bits 0-15). */
static unsigned permitted_key(struct cpu *c, uint32_t reg)
{
    unsigned key = (reg >> 4) & 0xF;
    if (cpu_problem_state(c) && !((c->cr[3] << key) & 0x80000000u))
        cpu_program_check(c, PGM_PRIVILEGED);
    return key;
}

void vspan_get_in(struct cpu *c, struct vspan *s, uint32_t ea, uint32_t len, enum tlb_space sp,
                  unsigned key, enum acc_type acc)
{
    ea &= c->amask;
    uint32_t room = PAGE_SIZE - (ea & ~PAGE_MASK);
    s->len = len;
    s->n0 = len < room ? len : room;
    s->p0 = access_translate_in(c, ea, sp, key, acc);
    s->p1 = len > room ? access_translate_in(c, (ea + room) & c->amask, sp, key, acc) : NULL;
}

/* Move len bytes, one at a time from left to right as the architecture
   defines it for overlapping operands. */
static void key_move(struct cpu *c, const struct key_operand *dst, const struct key_operand *src,
                     uint32_t len)
{
    if (len == 0)
        return;
    struct vspan d, s;
    vspan_get_in(c, &s, src->ea, len, src->space, src->key, ACC_FETCH);
    vspan_get_in(c, &d, dst->ea, len, dst->space, dst->key, ACC_STORE);
    for (uint32_t i = 0; i < len; i++)
        *vspan_at(&d, i) = *vspan_at(&s, i);
}

/* MVCP, MVCS, MVCK: the true length is in GR R1; at most 256 bytes move. */
static uint32_t effective_length(const struct cpu *c, int r1)
{
    return c->gr[r1] > 256 ? 256 : c->gr[r1];
}

/* Once the move is done: CC 3 says that the true length was longer. */
static void set_length_cc(struct cpu *c, int r1)
{
    c->cc = c->gr[r1] > 256 ? 3 : 0;
}

static struct key_operand operand(struct cpu *c, const uint8_t *bd, enum tlb_space sp, unsigned key)
{
    return (struct key_operand){ addr_bd(c, bd), sp, key };
}

/* MVCP and MVCS: between the primary and the secondary space, the
   secondary operand with the key from GR R3. */
static void move_between_spaces(struct cpu *c, const uint8_t *ip, bool to_primary)
{
    require_secondary_space(c);
    if (c->pswm & AS_AR)   /* access-register or home-space mode */
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    unsigned key = permitted_key(c, c->gr[R3(ip)]);
    uint32_t len = effective_length(c, R1(ip));
    struct key_operand primary_key_op, secondary_key_op;
    if (to_primary) {
        primary_key_op = operand(c, ip + 2, TLB_PRIMARY, psw_key(c));
        secondary_key_op = operand(c, ip + 4, TLB_SECONDARY, key);
        key_move(c, &primary_key_op, &secondary_key_op, len);
    } else {
        secondary_key_op = operand(c, ip + 2, TLB_SECONDARY, key);
        primary_key_op = operand(c, ip + 4, TLB_PRIMARY, psw_key(c));
        key_move(c, &secondary_key_op, &primary_key_op, len);
    }
    set_length_cc(c, R1(ip));
}

void op_MVCP(struct cpu *c, const uint8_t *ip) { move_between_spaces(c, ip, true); }
void op_MVCS(struct cpu *c, const uint8_t *ip) { move_between_spaces(c, ip, false); }

/* A move in the current space(s) with an access key for one operand. */
static void move_with_key(struct cpu *c, const uint8_t *ip, unsigned dst_key, unsigned src_key,
                          uint32_t len)
{
    struct key_operand dst = operand(c, ip + 2, access_space(c, BASE(ip + 2), ACC_STORE), dst_key);
    struct key_operand src = operand(c, ip + 4, access_space(c, BASE(ip + 4), ACC_FETCH), src_key);
    key_move(c, &dst, &src, len);
}

void op_MVCK(struct cpu *c, const uint8_t *ip)
{
    unsigned key = permitted_key(c, c->gr[R3(ip)]);
    move_with_key(c, ip, psw_key(c), key, effective_length(c, R1(ip)));
    set_length_cc(c, R1(ip));
}

/* MVCSK and MVCDK: GR0 bits 24-31 hold the length less one, GR1 bits
   24-27 the key. */
void op_MVCSK(struct cpu *c, const uint8_t *ip)
{
    unsigned key = permitted_key(c, c->gr[1]);
    move_with_key(c, ip, psw_key(c), key, (c->gr[0] & 0xFF) + 1);
}

void op_MVCDK(struct cpu *c, const uint8_t *ip)
{
    unsigned key = permitted_key(c, c->gr[1]);
    move_with_key(c, ip, key, psw_key(c), (c->gr[0] & 0xFF) + 1);
}

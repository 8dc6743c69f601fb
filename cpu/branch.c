/* Branching, linkage and EXECUTE. */
#include "hot.h"

/* Set the addressing mode from bit 0 of `v` and branch to the rest. */
static void branch_set_mode(struct cpu *c, uint32_t v)
{
    c->amask = (v & 0x80000000u) ? 0x7FFFFFFFu : 0x00FFFFFFu;
    branch_to(c, v);
}

void op_BASSM(struct cpu *c, const uint8_t *ip)
{
    uint32_t target = c->gr[R2(ip)];
    c->gr[R1(ip)] = link_bas(c);
    if (R2(ip))
        branch_set_mode(c, target);
}

void op_BSM(struct cpu *c, const uint8_t *ip)
{
    uint32_t target = c->gr[R2(ip)];
    int r1 = R1(ip);
    if (r1)
        c->gr[r1] = (c->gr[r1] & 0x7FFFFFFFu) | (c->amask == 0x7FFFFFFFu ? 0x80000000u : 0);
    if (R2(ip))
        branch_set_mode(c, target);
}



/* ---- relative branches ---- */

static inline uint32_t rel16(const struct cpu *c, const uint8_t *ip)
{
    return insn_address(c) + 2u * (uint32_t)(int32_t)I2_16(ip);
}

static inline uint32_t rel32(const struct cpu *c, const uint8_t *ip)
{
    return insn_address(c) + 2u * (uint32_t)I2_32(ip);
}

void op_BRC(struct cpu *c, const uint8_t *ip)
{
    if (cc_selected(c, R1(ip)))
        branch_to(c, rel16(c, ip));
}

void op_BRAS(struct cpu *c, const uint8_t *ip)
{
    uint32_t target = rel16(c, ip);
    c->gr[R1(ip)] = link_bas(c);
    branch_to(c, target);
}

void op_BRCT(struct cpu *c, const uint8_t *ip)
{
    if (--c->gr[R1(ip)] != 0)
        branch_to(c, rel16(c, ip));
}

void op_BRXH(struct cpu *c, const uint8_t *ip)
{
    if (index_step(c, ip, true))
        branch_to(c, rel16(c, ip));
}

void op_BRXLE(struct cpu *c, const uint8_t *ip)
{
    if (index_step(c, ip, false))
        branch_to(c, rel16(c, ip));
}

void op_BRCL(struct cpu *c, const uint8_t *ip)
{
    if (cc_selected(c, R1(ip)))
        branch_to(c, rel32(c, ip));
}

void op_BRASL(struct cpu *c, const uint8_t *ip)
{
    uint32_t target = rel32(c, ip);
    c->gr[R1(ip)] = link_bas(c);
    branch_to(c, target);
}

void op_LARL(struct cpu *c, const uint8_t *ip)
{
    c->gr[R1(ip)] = rel32(c, ip) & c->amask;
}

/* ---- EXECUTE and SUPERVISOR CALL ---- */

void op_EX(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_rx(c, ip);
    if (ea & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint8_t subject[6];
    const uint8_t *p = iptr(c, ea);
    unsigned room = PAGE_SIZE - (ea & ~PAGE_MASK);
    unsigned len = insn_length(p[0]);
    if (__builtin_expect(room >= 6, 1)) {
        __builtin_memcpy(subject, p, 6);   /* stays inside the page */
    } else if (len <= room) {
        __builtin_memcpy(subject, p, len);
    } else {
        __builtin_memcpy(subject, p, room);
        __builtin_memcpy(subject + room, iptr(c, (ea + room) & c->amask), len - room);
    }
    if (subject[0] == 0x44)
        cpu_program_check(c, PGM_EXECUTE);
    if (R1(ip))
        subject[1] |= (uint8_t)c->gr[R1(ip)];
    c->ex_active = true;
    c->ex_subject_ia = ea;
    c->disp->op[subject[0]](c, subject);
    c->ex_active = false;
}

void op_SVC(struct cpu *c, const uint8_t *ip)
{
    cpu_svc(c, ip[1]);
}

/* Access-register instructions: LAM, STAM, CPYA, EAR, SAR (SA22-7201
   chapter 7).  None of them is privileged or depends on the address-space
   mode; in the access-register mode every operand access translates its
   access register afresh, so nothing cached needs purging here. */
#include "access.h"
#include "insn.h"
#include "interrupt.h"

/* The registers R1 through R3 (wrapping after 15) of an RS instruction. */
static unsigned register_range(const uint8_t *ip)
{
    return ((R3(ip) - R1(ip)) & 15) + 1;
}

/* The word-aligned storage operand of LAM and STAM. */
static uint32_t word_operand(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    return ea;
}

void op_LAM(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = word_operand(c, ip);
    unsigned n = register_range(ip);
    uint8_t buf[64];
    vfetch_bytes(c, ea, BASE(ip + 2), buf, n * 4);
    for (unsigned i = 0; i < n; i++)
        c->ar[(R1(ip) + i) & 15] = be32(buf + 4 * i);
}

void op_STAM(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = word_operand(c, ip);
    unsigned n = register_range(ip);
    uint8_t buf[64];
    for (unsigned i = 0; i < n; i++)
        put_be32(buf + 4 * i, c->ar[(R1(ip) + i) & 15]);
    vstore_bytes(c, ea, BASE(ip + 2), buf, n * 4);
}

void op_CPYA(struct cpu *c, const uint8_t *ip)
{
    c->ar[RRE_R1(ip)] = c->ar[RRE_R2(ip)];
}

void op_EAR(struct cpu *c, const uint8_t *ip)
{
    c->gr[RRE_R1(ip)] = c->ar[RRE_R2(ip)];
}

void op_SAR(struct cpu *c, const uint8_t *ip)
{
    c->ar[RRE_R1(ip)] = c->gr[RRE_R2(ip)];
}

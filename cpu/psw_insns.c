/*
 * Instructions that load or inspect the PSW: LOAD PSW, SET SYSTEM MASK,
 * STORE THEN AND/OR SYSTEM MASK, SET PSW KEY FROM ADDRESS, INSERT PSW KEY.
 */
#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"

#define CR0_SSM_SUPPRESSION   0x40000000u   /* bit 1 */
#define CR0_EXTRACTION_AUTH   0x08000000u   /* bit 4 */

void op_LPSW(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint64_t psw = vfetch8(c, ea, BASE(ip + 2));
    cpu_set_psw(c, (uint32_t)(psw >> 32), (uint32_t)psw);
}

/* Replace PSW bits 0-7.  Bits that must be zero make the new PSW invalid:
   the specification exception is then recognized early, before the next
   instruction, with the PSW as it was introduced. */
static void set_system_mask(struct cpu *c, uint8_t mask)
{
    uint32_t w0 = (c->pswm & 0x00FFFFFFu) | (uint32_t)mask << 24 | (uint32_t)c->cc << 12;
    cpu_set_psw(c, w0, cpu_psw_word1(c));
}

void op_SSM(struct cpu *c, const uint8_t *ip)
{
    if (c->cr[0] & CR0_SSM_SUPPRESSION)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    set_system_mask(c, vfetch1(c, addr_bd(c, ip + 2), BASE(ip + 2)));
}

/* STNSM/STOSM: store the system mask, then combine it with I2. */
void op_STNSM(struct cpu *c, const uint8_t *ip)
{
    uint8_t mask = (uint8_t)(c->pswm >> 24);
    vstore1(c, addr_bd(c, ip + 2), BASE(ip + 2), mask);
    set_system_mask(c, mask & ip[1]);
}

void op_STOSM(struct cpu *c, const uint8_t *ip)
{
    uint8_t mask = (uint8_t)(c->pswm >> 24);
    vstore1(c, addr_bd(c, ip + 2), BASE(ip + 2), mask);
    set_system_mask(c, mask | ip[1]);
}

/* In the problem state a key is usable only if its bit in the PSW-key
   mask (CR3 bits 0-15) is one. */
bool cpu_key_authorized(const struct cpu *c, unsigned key)
{
    return !cpu_problem_state(c) || (c->cr[3] & (0x80000000u >> key));
}

void op_SPKA(struct cpu *c, const uint8_t *ip)
{
    unsigned key = (addr_bd(c, ip + 2) >> 4) & 0xF;
    if (!cpu_key_authorized(c, key))
        cpu_program_check(c, PGM_PRIVILEGED);
    c->pswm = (c->pswm & ~PSW_KEY) | (uint32_t)key << 20;
    cpu_psw_changed(c);
}

/* Problem-state use of IPK and IVSK needs the extraction-authority control. */
void cpu_check_extraction_authority(struct cpu *c)
{
    if (cpu_problem_state(c) && !(c->cr[0] & CR0_EXTRACTION_AUTH))
        cpu_program_check(c, PGM_PRIVILEGED);
}

void op_IPK(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    cpu_check_extraction_authority(c);
    c->gr[2] = (c->gr[2] & 0xFFFFFF00u) | psw_key(c) << 4;
}

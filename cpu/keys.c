/*
 * Storage keys: INSERT STORAGE KEY EXTENDED, SET STORAGE KEY EXTENDED,
 * RESET REFERENCE BIT EXTENDED, INSERT VIRTUAL STORAGE KEY, TEST BLOCK.
 *
 * The TLB caches key-controlled permissions and records reference and
 * change bits only when an entry is made, so every change of a key, and
 * every reset of a reference bit, purges the TLBs of all CPUs.
 */
#include <string.h>

#include "../dat/dat.h"
#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"

/* The absolute address of the 4K block whose real address is in bits
   1-19 of a register; addressing exception if it is not in storage. */
static uint32_t block_absolute(struct cpu *c, uint32_t reg)
{
    uint32_t abs = prefix_real_to_abs(reg & 0x7FFFF000u, c->prefix);
    if (abs >= c->ms->size)
        cpu_program_check(c, PGM_ADDRESSING_EXC);
    return abs;
}

static uint8_t *key_of_block(struct cpu *c, uint32_t reg)
{
    return &c->ms->skey[block_absolute(c, reg) >> PAGE_SHIFT];
}

void op_ISKE(struct cpu *c, const uint8_t *ip)
{
    uint8_t key = *key_of_block(c, c->gr[RRE_R2(ip)]);
    uint32_t *r1 = &c->gr[RRE_R1(ip)];
    *r1 = (*r1 & 0xFFFFFF00u) | (key & 0xFEu);
}

void op_SSKE(struct cpu *c, const uint8_t *ip)
{
    uint8_t *key = key_of_block(c, c->gr[RRE_R2(ip)]);
    __atomic_store_n(key, (uint8_t)(c->gr[RRE_R1(ip)] & 0xFEu), __ATOMIC_RELAXED);
    cpu_tlb_purge_all(c);
}

void op_RRBE(struct cpu *c, const uint8_t *ip)
{
    uint8_t *key = key_of_block(c, c->gr[RRE_R2(ip)]);
    uint8_t old = __atomic_fetch_and(key, (uint8_t)~SKEY_R, __ATOMIC_RELAXED);
    /* CC: reference bit, change bit (0: neither ... 3: both). */
    c->cc = (uint8_t)((old & (SKEY_R | SKEY_C)) >> 1);
    cpu_tlb_purge_all(c);
}

void op_IVSK(struct cpu *c, const uint8_t *ip)
{
    cpu_check_extraction_authority(c);
    if (!(c->pswm & PSW_DAT))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    int r2 = RRE_R2(ip);
    bool prot;
    uint32_t abs = access_absolute(c, c->gr[r2] & c->amask, access_space(c, r2, ACC_FETCH), &prot);
    uint32_t *r1 = &c->gr[RRE_R1(ip)];
    /* Access-control bits and fetch-protection bit; bits 29-31 zero. */
    *r1 = (*r1 & 0xFFFFFF00u) | (c->ms->skey[abs >> PAGE_SHIFT] & (SKEY_ACC | SKEY_F));
}

#define CR0_LOW_ADDRESS_PROTECTION 0x10000000u

/* TEST BLOCK: the block is cleared; CC 1 says the machine found it
   unusable.  The storage key is not changed; general register 0 is set
   to zero. */
void op_TB(struct cpu *c, const uint8_t *ip)
{
    uint32_t real = c->gr[RRE_R2(ip)] & 0x7FFFF000u;
    uint32_t abs = block_absolute(c, real);
    if (real == 0 && (c->cr[0] & CR0_LOW_ADDRESS_PROTECTION))
        cpu_translation_exception(c, PGM_PROTECTION, 0);
    memset(c->ms->mem + abs, 0, PAGE_SIZE);
    storage_mark_dirty(c->ms, abs);
    c->cc = c->ms->unusable[abs >> PAGE_SHIFT] ? 1 : 0;
    c->gr[0] = 0;
}

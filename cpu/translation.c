/*
 * Translation-related control instructions: LOAD REAL ADDRESS, TEST
 * PROTECTION, INVALIDATE PAGE TABLE ENTRY, LOAD/STORE USING REAL ADDRESS,
 * PURGE TLB, PURGE ALB, COMPARE AND SWAP AND PURGE.
 */
#include "../dat/dat.h"
#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"
#include "per.h"

/* LRA translates with DAT whether DAT is on or not.  CC 0: R1 = real
   address; CC 1: segment-table entry invalid, CC 2: page-table entry
   invalid, CC 3: table length exceeded -- R1 = real address of that
   entry.  In the access-register mode an ALET that cannot be used gives
   CC 3 with bit 0 of R1 one and the exception code in bits 16-31 (ART:
   addressing and ASN-translation-specification exceptions are raised). */
void op_LRA(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    uint32_t ea = addr_rx(c, ip);
    enum tlb_space sp;
    int code = access_dat_space(c, BASE(ip + 2), &sp);
    if (code) {
        c->gr[r1] = 0x80000000u | (uint32_t)code;
        c->cc = 3;
        return;
    }
    struct dat_result r;
    code = dat_translate(c->ms, c->prefix, c->cr[0], access_space_std(c, sp), ea, &r);
    switch (code) {
    case 0:
        c->gr[r1] = r.real;
        c->cc = 0;
        return;
    case PGM_SEGMENT_TRANS:
    case PGM_PAGE_TRANS:
        c->gr[r1] = r.entry;
        c->cc = r.length_violation ? 3 : code == PGM_SEGMENT_TRANS ? 1 : 2;
        return;
    default:
        cpu_program_check(c, (uint16_t)code);
    }
}

/* TEST PROTECTION of the first-operand location for the access key in
   bits 24-27 of the second-operand address.  CC 0: fetch and store
   allowed; 1: fetch only; 2: neither; 3: translation not available (DAT
   or ART exception). */
void op_TPROT(struct cpu *c, const uint8_t *ip)
{
    int b1 = BASE(ip + 2);
    uint32_t ea = addr_bd(c, ip + 2);
    unsigned key = (addr_bd(c, ip + 4) >> 4) & 0xF;
    enum tlb_space sp;
    uint32_t real;
    bool prot;
    int art = access_space_try(c, b1, ACC_FETCH, &sp);
    int code = art ? art : access_lra(c, ea, sp, &real, &prot);
    if (code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS || art) {
        c->cc = 3;
        return;
    }
    if (code)
        cpu_program_check(c, (uint16_t)code);
    uint32_t abs = prefix_real_to_abs(real, c->prefix);
    if (abs >= c->ms->size)
        cpu_program_check(c, PGM_ADDRESSING_EXC);
    uint8_t skey = c->ms->skey[abs >> PAGE_SHIFT];
    if (!access_key_allows(c, ea, skey, key, ACC_FETCH))
        c->cc = 2;
    else if (prot || access_low_address_protected(c, ea, sp) ||
             !access_key_allows(c, ea, skey, key, ACC_STORE))
        c->cc = 1;
    else
        c->cc = 0;
}

/* IPTE and IESBE: R1 holds the page-table origin (as in a segment-table
   entry), R2 the page index.  Bits `set` of byte 2 of the page-table entry
   (bits 16-23) are set, bits `clear` cleared; every CPU's TLB is cleared. */
static void update_pte(struct cpu *c, const uint8_t *ip, uint8_t set, uint8_t clear)
{
    uint32_t pte_abs;
    int code = dat_pte_address(c->ms, c->prefix, c->cr[0], c->gr[RRE_R1(ip)],
                               c->gr[RRE_R2(ip)], &pte_abs);
    if (code)
        cpu_program_check(c, (uint16_t)code);
    uint8_t *byte2 = c->ms->mem + pte_abs + 2;
    __atomic_fetch_or(byte2, set, __ATOMIC_RELAXED);
    __atomic_fetch_and(byte2, (uint8_t)~clear, __ATOMIC_RELAXED);
    storage_mark_change(c->ms, pte_abs);
    cpu_tlb_purge_all(c);
}

/* INVALIDATE PAGE TABLE ENTRY: the page-invalid bit (21) is set. */
void op_IPTE(struct cpu *c, const uint8_t *ip)
{
    update_pte(c, ip, (uint8_t)(PTE_INVALID >> 8), 0);
}

/* INVALIDATE EXPANDED STORAGE BLOCK ENTRY: the entry of a page that is
   in expanded storage loses its expanded-storage validity (bit 23). */
void op_IESBE(struct cpu *c, const uint8_t *ip)
{
    update_pte(c, ip, 0, (uint8_t)(PTE_ES_VALID >> 8));
}

/* The word at the real address in R2 (word aligned). */
static uint8_t *real_word(struct cpu *c, int r2, enum acc_type acc)
{
    uint32_t real = c->gr[r2] & c->amask;
    if (real & 3)
        cpu_program_check(c, PGM_SPECIFICATION);
    return access_translate_in(c, real, TLB_REAL, psw_key(c), acc);
}

void op_LURA(struct cpu *c, const uint8_t *ip)
{
    c->gr[RRE_R1(ip)] = be32(real_word(c, RRE_R2(ip), ACC_FETCH));
}

void op_STURA(struct cpu *c, const uint8_t *ip)
{
    put_be32(real_word(c, RRE_R2(ip), ACC_STORE), c->gr[RRE_R1(ip)]);
    if (c->events & EV_PER)
        per_store_real(c, c->gr[RRE_R2(ip)] & c->amask);
}

void op_PTLB(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    cpu_tlb_purge(c);
}

/* No ART-lookaside buffer is kept: nothing to purge. */
void op_PALB(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    (void)c;
}

/* COMPARE AND SWAP AND PURGE: an interlocked compare-and-swap of R1
   (R1+1 the replacement) with the word addressed by R2; after a swap,
   bit 31 of R2 asks for a purge of every CPU's TLB (bit 30, the ALB, has
   nothing to purge). */
void op_CSP(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if (r1 & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint32_t ea = c->gr[r2] & c->amask & ~3u;
    uint32_t *word = (uint32_t *)(void *)vptr_len(c, ea, r2, ACC_STORE, 4);
    uint32_t expected = __builtin_bswap32(c->gr[r1]);
    uint32_t desired = __builtin_bswap32(c->gr[r1 + 1]);
    if (__atomic_compare_exchange_n(word, &expected, desired, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        if (c->gr[r2] & 1)
            cpu_tlb_purge_all(c);
        c->cc = 0;
    } else {
        c->gr[r1] = __builtin_bswap32(expected);
        c->cc = 1;
    }
}

/*
 * Access-register translation (SA22-7201 chapter 5, "Access-Register
 * Translation") and TEST ACCESS.
 *
 * An ALET (bits 0-6 zero) selects the dispatchable-unit access list (bit
 * 7 zero: the DUCT, CR2) or the primary-space access list (bit 7 one: the
 * primary ASTE, CR5), whose designation is word 4 of that block: origin
 * (bits 1-24) and length (bits 25-31, in units of 8 entries).  The access-
 * list entry numbered by ALET bits 16-31 (16 bytes) holds the invalid bit,
 * fetch-only and private bits, a sequence number that must equal ALET bits
 * 8-15, the ALE authorization index, the ASTE origin and the ASTE sequence
 * number.  A private entry whose index differs from the extended
 * authorization index (CR8 bits 0-15) needs the secondary authority bit
 * of that index in the ASTE's authority table.  No ART-lookaside buffer is
 * kept: every access in the access-register mode translates again.
 */
#include "asn.h"

#include "access.h"
#include "insn.h"
#include "interrupt.h"

#define ALET_RESERVED   0xFE000000u
#define ALET_SN         0x00FF0000u
#define ALET_ALEN       0x0000FFFFu
#define ALD_OFFSET      16            /* word 4 of the DUCT and of the ASTE */
#define ALD_ORIGIN      0x7FFFFF80u
#define ALD_LENGTH      0x0000007Fu
#define ALE_SIZE        16
#define ALE0_INVALID    0x80000000u
#define ALE0_FETCH_ONLY 0x02000000u
#define ALE0_PRIVATE    0x01000000u
#define ALE0_SN         0x00FF0000u
#define ALE0_AX         0x0000FFFFu

/* The access-list entry an ALET designates, or an exception code. */
static int fetch_ale(struct cpu *c, uint32_t alet, uint32_t ale[4])
{
    uint32_t block = alet & ALET_PRIMARY_LIST ? c->cr[5] & CR5_PASTE_ORIGIN
                                              : c->cr[2] & CR2_DUCT_ORIGIN;
    uint32_t ald = real_fetch4(c, block + ALD_OFFSET);
    uint32_t alen = alet & ALET_ALEN;
    if (alen >> 3 > (ald & ALD_LENGTH))
        return PGM_ALEN_TRANS;
    const uint8_t *p = real_ptr(c, ((ald & ALD_ORIGIN) + alen * ALE_SIZE) & 0x7FFFFFFFu, ALE_SIZE);
    for (int i = 0; i < 4; i++)
        ale[i] = be32(p + 4 * i);
    return ale[0] & ALE0_INVALID ? PGM_ALEN_TRANS : 0;
}

int art_translate(struct cpu *c, uint32_t alet, uint16_t eax, bool special, struct art_result *r)
{
    if (alet & ALET_RESERVED)
        return PGM_ALET_SPEC;
    uint32_t ale[4];
    int code = fetch_ale(c, alet, ale);
    if (code)
        return code;
    if (!special && (ale[0] & ALE0_SN) != (alet & ALET_SN))
        return PGM_ALE_SEQUENCE;
    aste_fetch(c, ale[2] & ASTE_ORIGIN, &r->aste);
    if (r->aste.w[ASTE_ATO] & ASTE0_INVALID)
        return PGM_ASTE_VALIDITY;
    if (r->aste.w[ASTE_SN] != ale[3])
        return PGM_ASTE_SEQUENCE;
    if (!special && (ale[0] & ALE0_PRIVATE) && (ale[0] & ALE0_AX) != eax) {
        aste_check_format(c, &r->aste);
        if (!asn_authorized(c, eax, &r->aste, AUTH_SECONDARY))
            return PGM_EXTENDED_AUTHORITY;
    }
    r->fetch_only = ale[0] & ALE0_FETCH_ONLY;
    return 0;
}

int art_space(struct cpu *c, int arn, enum tlb_space *sp)
{
    struct art_result r;
    int code = art_translate(c, c->ar[arn], (uint16_t)(c->cr[8] >> 16), false, &r);
    if (code)
        return code;
    c->art[arn].std = r.aste.w[ASTE_STD];
    c->art[arn].fetch_only = r.fetch_only;
    *sp = (enum tlb_space)(TLB_ART0 + arn);
    return 0;
}

_Noreturn void art_exception(struct cpu *c, int code, int arn)
{
    *real_ptr(c, LC_EXC_ACCESS_ID, 1) = (uint8_t)arn;
    cpu_program_check(c, (uint16_t)code);
}

/* TEST ACCESS: can the ALET in AR R1 be used with the extended
   authorization index in GR R2 bits 0-15?  CC 0: ALET 0; 1: through the
   dispatchable-unit access list; 2: through the primary-space access
   list; 3: ALET 1, or an ART exception. */
void op_TAR(struct cpu *c, const uint8_t *ip)
{
    if (!(c->cr[0] & CR0_ASF))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint32_t alet = c->ar[RRE_R1(ip)];
    struct art_result r;
    if (alet == 0)
        c->cc = 0;
    else if (alet == 1 || art_translate(c, alet, (uint16_t)(c->gr[RRE_R2(ip)] >> 16), false, &r))
        c->cc = 3;
    else
        c->cc = alet & ALET_PRIMARY_LIST ? 2 : 1;
}

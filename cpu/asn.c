/*
 * ASN translation and authorization, subspace replacement (SA22-7201
 * chapter 3, "ASN Translation", "ASN Authorization", and chapter 5,
 * "Subspace Groups"), and the control-register state that the
 * space-switching instructions change.
 *
 * An ASN is an AFX (bits 0-9) and an ASX (bits 10-15).  CR14 bits 13-31
 * give the ASN-first-table origin (x 4096); an AFT entry has an invalid
 * bit and the ASN-second-table origin, an AST entry the invalid bit and
 * the authority-table origin (word 0), the authorization index and the
 * authority-table length (word 1), the STD (2), the LTD (3), the
 * access-list designation (4) and the ASTE sequence number (5).  Every
 * table word is fetched whole from real storage.
 */
#include "asn.h"

#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"

#define CR14_AFTO          0x0007FFFFu
#define AFTE_INVALID       0x80000000u
#define ASTE0_ATO          0x7FFFFFFCu
#define ASTE0_RESERVED     0x00000002u
#define ASTE0_BASE_SPACE   0x00000001u   /* base space of a subspace group */
#define ASTE1_AX           0xFFFF0000u
#define ASTE1_ATL          0x0000FFF0u
#define ASTE1_RESERVED     0x0000000Fu
#define LTD_ASTE_OFFSET    12
#define DUCT1_SUBSPACE_ACTIVE 0x80000000u
#define STD_EVENT_BITS     (STD_SSE | 0x00000080u)   /* space-switch, storage-alteration */

uint32_t real_fetch4(struct cpu *c, uint32_t real)
{
    return be32(real_ptr(c, real & 0x7FFFFFFFu, 4));
}

static bool asf(const struct cpu *c)
{
    return c->cr[0] & CR0_ASF;
}

void aste_fetch(struct cpu *c, uint32_t origin, struct aste *a)
{
    a->origin = origin;
    const uint8_t *p = real_ptr(c, origin, ASTE_WORDS * 4);   /* 64-byte aligned: one page */
    for (int i = 0; i < ASTE_WORDS; i++)
        a->w[i] = be32(p + 4 * i);
}

int asn_translate(struct cpu *c, uint16_t asn, struct aste *a)
{
    bool big = asf(c);   /* 64-byte ASTEs, else 16-byte ones */
    uint32_t afte = real_fetch4(c, ((c->cr[14] & CR14_AFTO) << 12) + (uint32_t)(asn >> 6) * 4);
    if (afte & AFTE_INVALID)
        return PGM_AFX_TRANS;
    uint32_t low = big ? 0x3Fu : 0x0Fu;   /* reserved bits below the origin */
    if (afte & low)
        cpu_program_check(c, PGM_ASN_TRANS_SPEC);
    uint32_t origin = ((afte & 0x7FFFFFFFu & ~low) + (uint32_t)(asn & 0x3F) * (low + 1)) & 0x7FFFFFFFu;
    if (big) {
        aste_fetch(c, origin, a);
    } else {
        *a = (struct aste){ .origin = origin };
        for (int i = 0; i < 4; i++)
            a->w[i] = real_fetch4(c, origin + 4 * (uint32_t)i);
    }
    if (a->w[ASTE_ATO] & ASTE0_INVALID)
        return PGM_ASX_TRANS;
    aste_check_format(c, a);
    return 0;
}

/* Reserved bits of ASTE words 0 and 1, and the base-space bit without
   the address-space function. */
void aste_check_format(struct cpu *c, const struct aste *a)
{
    if ((a->w[ASTE_ATO] & ASTE0_RESERVED) || (a->w[ASTE_AX] & ASTE1_RESERVED) ||
        ((a->w[ASTE_ATO] & ASTE0_BASE_SPACE) && !asf(c)))
        cpu_program_check(c, PGM_ASN_TRANS_SPEC);
}

void asn_translate_or_raise(struct cpu *c, uint16_t asn, struct aste *a)
{
    int code = asn_translate(c, asn, a);
    if (code)
        cpu_translation_exception(c, (uint16_t)code, asn);
}

/* The authority table has two bits per authorization index (P, S); its
   length is in units of 16 entries. */
bool asn_authorized(struct cpu *c, uint16_t ax, const struct aste *a, enum asn_authority bit)
{
    if ((ax & 0xFFF0u) > (a->w[ASTE_AX] & ASTE1_ATL))
        return false;
    uint32_t byte_addr = ((a->w[ASTE_ATO] & ASTE0_ATO) + ax / 4u) & 0x7FFFFFFFu;
    uint8_t entries = *real_ptr(c, byte_addr, 1);
    return (uint8_t)(entries << (2 * (ax & 3))) & bit;
}

/* When the dispatchable unit is subspace active and the ASTE is its base
   ASTE, a subspace-group STD is replaced (but its event bits) by the STD
   of the subspace in which the unit last had control (DUCT words 1, 3). */
uint32_t asn_subspace_std(struct cpu *c, uint32_t std, uint32_t origin, int *code)
{
    if (code)
        *code = 0;
    if (!asf(c) || !(std & STD_SUBSPACE_GROUP))
        return std;
    uint32_t duct = c->cr[2] & CR2_DUCT_ORIGIN;
    uint32_t base = real_fetch4(c, duct) & ASTE_ORIGIN;
    uint32_t active = real_fetch4(c, duct + 4);
    if (!(active & DUCT1_SUBSPACE_ACTIVE) || origin != base)
        return std;
    struct aste sub;
    aste_fetch(c, active & ASTE_ORIGIN, &sub);
    int fault = 0;
    if (sub.w[ASTE_ATO] & ASTE0_INVALID)
        fault = PGM_ASTE_VALIDITY;
    else if (sub.w[ASTE_SN] != real_fetch4(c, duct + 12))
        fault = PGM_ASTE_SEQUENCE;
    if (fault) {
        if (!code)
            cpu_program_check(c, (uint16_t)fault);
        *code = fault;
        return 0;
    }
    return (std & STD_EVENT_BITS) | (sub.w[ASTE_STD] & ~STD_EVENT_BITS);
}

uint32_t asn_ltd(struct cpu *c)
{
    if (!asf(c))
        return c->cr[5];
    return real_fetch4(c, (c->cr[5] & CR5_PASTE_ORIGIN) + LTD_ASTE_OFFSET);
}

/* ---- control-register state ---- */

void spaces_get(const struct cpu *c, struct spaces *s)
{
    *s = (struct spaces){ c->cr[1], c->cr[3], c->cr[4], c->cr[5], c->cr[7], c->cr[8] };
}

void spaces_set(struct cpu *c, const struct spaces *s)
{
    uint16_t changed = (uint16_t)((c->cr[1] != s->cr1) << 1 | (c->cr[7] != s->cr7) << 7);
    c->cr[1] = s->cr1;
    c->cr[3] = s->cr3;
    c->cr[4] = s->cr4;
    c->cr[5] = s->cr5;
    c->cr[7] = s->cr7;
    c->cr[8] = s->cr8;
    cpu_control_registers_changed(c, changed);
}

bool space_switch_pending(const struct cpu *c, uint32_t old_std, uint32_t new_std)
{
    return ((old_std | new_std) & STD_SSE) || (c->pswm & PSW_PER);
}

_Noreturn void space_switch_report(struct cpu *c, uint32_t old_cr1, uint32_t old_cr4)
{
    cpu_translation_exception(c, PGM_SPACE_SWITCH, (old_cr4 & 0xFFFFu) | (old_cr1 & STD_SSE));
}

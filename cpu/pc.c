/*
 * Space-switching instructions (SA22-7201 chapters 5 and 10): PROGRAM
 * CALL, PROGRAM TRANSFER, the space part of PROGRAM RETURN, SET SECONDARY
 * ASN, BRANCH AND SET AUTHORITY, BRANCH IN SUBSPACE GROUP and LOAD ADDRESS
 * SPACE PARAMETERS; without the ASN-and-LX-reuse facility.
 *
 * Each instruction works out the new control registers (struct spaces)
 * and PSW first, so that every exception but the space-switch event,
 * which follows the completed instruction, leaves the CPU unchanged.
 * ASN and branch tracing (CR12) are not implemented.
 */
#include "asn.h"

#include <string.h>

#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"
#include "linkage.h"

#define PC_NUMBER            0x000FFFFFu
#define LTD_SUBSYSTEM_LINKAGE 0x80000000u
#define LTD_ORIGIN           0x7FFFFF80u
#define LTD_LENGTH           0x0000007Fu   /* units of 32 entries */
#define LTE_INVALID          0x80000000u
#define LTE_ETO              0x7FFFFFC0u
#define LTE_ETL              0x0000003Fu   /* units of 4 entries */
#define ETE1_AMODE           0x80000000u
#define ETE1_ADDRESS         0x7FFFFFFEu
#define ETE1_PROBLEM         0x00000001u
#define ETE4_STACKING        0x80000000u
#define ETE4_KEY             0x10000000u   /* K: PSW key := entry key */
#define ETE4_REPLACE_PKM     0x08000000u   /* M: PKM := EKM, else PKM |= EKM */
#define ETE4_EAX             0x04000000u   /* E: EAX := EEAX */
#define ETE4_AR_MODE         0x02000000u   /* C */
#define ETE4_SECONDARY       0x01000000u   /* S: SASN := new PASN */
#define HIGH16               0xFFFF0000u
#define LOW16                0x0000FFFFu
#define DUCT_BASE_ASTE       0
#define DUCT_SUBSPACE        4
#define DUCT_SUBSPACE_SN     12
#define DUCT_RETURN          32
#define DUCT_STATE           36
#define DUCT_SUBSPACE_ACTIVE 0x80000000u
#define DUCT_KEY             0x000000F0u
#define DUCT_REDUCED         0x00000008u
#define DUCT_PROBLEM         0x00000001u
#define ASTE0_BASE_SPACE     0x00000001u
#define STD_EVENT_BITS       (STD_SSE | 0x00000080u)

static bool asf(const struct cpu *c)
{
    return c->cr[0] & CR0_ASF;
}

static uint32_t amode_bit(const struct cpu *c)
{
    return c->amask == 0x7FFFFFFFu ? PSW_AMODE31 : 0;
}

static uint32_t psw_word0(const struct cpu *c)
{
    return c->pswm | (uint32_t)c->cc << 12;
}

static void require_asn_translation(struct cpu *c)
{
    if (!(c->cr[14] & CR14_ASN_TRANSLATION))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
}

static uint16_t pasn(const struct cpu *c)
{
    return (uint16_t)c->cr[4];
}

/* SASN := PASN and SSTD := PSTD. */
static void secondary_is_primary(struct spaces *s)
{
    s->cr3 = (s->cr3 & HIGH16) | (s->cr4 & LOW16);
    s->cr7 = s->cr1;
}

/* The new primary space of PC-ss, PT-ss and PR-ss from its ASTE. */
static void primary_from_aste(struct cpu *c, uint16_t asn, const struct aste *a, struct spaces *s)
{
    s->cr1 = asn_subspace_std(c, a->w[ASTE_STD], a->origin, NULL);
    s->cr4 = (a->w[ASTE_AX] & HIGH16) | asn;
    s->cr5 = asf(c) ? a->origin : a->w[ASTE_LTD];
}

/* The STD of a new secondary space, authorized with `ax` (SSAR, PR). */
static uint32_t authorized_secondary(struct cpu *c, uint16_t sasn, uint16_t ax)
{
    struct aste a;
    asn_translate_or_raise(c, sasn, &a);
    if (!asn_authorized(c, ax, &a, AUTH_SECONDARY))
        cpu_translation_exception(c, PGM_SECONDARY_AUTHORITY, sasn);
    return asn_subspace_std(c, a.w[ASTE_STD], a.origin, NULL);
}

/* Load the new state; a space switch that is a space-switch event is
   reported after the instruction (old primary ASN, old SSE control). */
static void complete(struct cpu *c, const struct spaces *s, uint32_t w0, uint32_t w1, bool sse)
{
    uint32_t old_cr1 = c->cr[1], old_cr4 = c->cr[4];
    spaces_set(c, s);
    cpu_set_psw(c, w0, w1);
    branch_to(c, c->ia);   /* a successful branch for PER */
    if (sse)
        space_switch_report(c, old_cr1, old_cr4);
}

/* ---- PROGRAM CALL ---- */

struct ete {
    uint32_t w[8];   /* words 4-7 zero for a 16-byte entry */
};

static _Noreturn void pc_number_exception(struct cpu *c, uint16_t code, uint32_t pcnum)
{
    cpu_translation_exception(c, code, pcnum);
}

/* PC-number translation: linkage index (bits 12-23) through the linkage
   table, entry index (bits 24-31) through the entry table. */
static void pc_translate(struct cpu *c, uint32_t pcnum, struct ete *e)
{
    uint32_t ltd = asn_ltd(c);
    if (!(ltd & LTD_SUBSYSTEM_LINKAGE))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint32_t lx = pcnum >> 8, ex = pcnum & 0xFF;
    if (lx >> 5 > (ltd & LTD_LENGTH))
        pc_number_exception(c, PGM_LX_TRANS, pcnum);
    uint32_t lte = real_fetch4(c, (ltd & LTD_ORIGIN) + lx * 4);
    if (lte & LTE_INVALID)
        pc_number_exception(c, PGM_LX_TRANS, pcnum);
    if (ex >> 2 > (lte & LTE_ETL))
        pc_number_exception(c, PGM_EX_TRANS, pcnum);
    uint32_t words = asf(c) ? 8 : 4;
    uint32_t at = (lte & LTE_ETO) + ex * words * 4;
    memset(e, 0, sizeof *e);
    for (uint32_t i = 0; i < words; i++)
        e->w[i] = real_fetch4(c, at + 4 * i);
}

/* PC-ss: the called space from the ASTE that ASN translation finds
   (without the address-space function) or that the entry designates. */
static bool pc_switch(struct cpu *c, uint16_t asn, const struct ete *e, struct spaces *s)
{
    require_asn_translation(c);
    struct aste a;
    if (asf(c)) {
        aste_fetch(c, e->w[5] & ASTE_ORIGIN, &a);
        if (a.w[ASTE_ATO] & ASTE0_INVALID)
            cpu_translation_exception(c, PGM_ASX_TRANS, asn);
    } else {
        asn_translate_or_raise(c, asn, &a);
    }
    primary_from_aste(c, asn, &a, s);
    return space_switch_pending(c, c->cr[1], a.w[ASTE_STD]);
}

void op_PC(struct cpu *c, const uint8_t *ip)
{
    uint32_t pcnum = addr_bd(c, ip + 2) & PC_NUMBER;
    uint32_t as = c->pswm & PSW_AS;
    if (!(c->pswm & PSW_DAT) || as == AS_SECONDARY || as == AS_HOME)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    struct ete e;
    pc_translate(c, pcnum, &e);
    bool stacking = e.w[4] & ETE4_STACKING;
    if (!stacking && as == AS_AR)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    if (!(e.w[1] & ETE1_AMODE) && (e.w[1] & ETE1_ADDRESS) > 0x00FFFFFFu)
        cpu_program_check(c, PGM_PC_TRANS_SPEC);
    if (cpu_problem_state(c) && !(c->cr[3] & e.w[0] & HIGH16))   /* PKM and AKM */
        cpu_program_check(c, PGM_PRIVILEGED);

    struct spaces s;
    spaces_get(c, &s);
    secondary_is_primary(&s);
    uint16_t asn = (uint16_t)e.w[0];
    bool sse = asn && pc_switch(c, asn, &e, &s);
    uint32_t ret = c->ia | amode_bit(c);
    uint32_t w0 = (psw_word0(c) & ~PSW_PROBLEM) | (e.w[1] & ETE1_PROBLEM ? PSW_PROBLEM : 0);
    uint32_t ekm = e.w[3] & HIGH16;
    if (stacking) {
        if (asn && (e.w[4] & ETE4_SECONDARY))
            secondary_is_primary(&s);
        linkage_stack_state(c, ET_CALL, ret, pcnum);
        if (e.w[4] & ETE4_KEY)
            w0 = (w0 & ~PSW_KEY) | (e.w[4] & 0x00F00000u);
        if (e.w[4] & ETE4_REPLACE_PKM)
            s.cr3 &= LOW16;
        if (e.w[4] & ETE4_EAX)
            s.cr8 = (s.cr8 & LOW16) | e.w[4] << 16;
        w0 = (w0 & ~PSW_AS) | (e.w[4] & ETE4_AR_MODE ? AS_AR : AS_PRIMARY);
    } else {
        c->gr[14] = ret | (cpu_problem_state(c) ? 1 : 0);
        c->gr[3] = (c->cr[3] & HIGH16) | pasn(c);
    }
    s.cr3 |= ekm;
    c->gr[4] = e.w[2];
    complete(c, &s, w0, e.w[1] & ~ETE1_PROBLEM, sse);
}

/* ---- PROGRAM TRANSFER ---- */

/* R1: PSW-key mask to AND in (bits 0-15) and the new PASN; R2: addressing
   mode, instruction address and problem-state bit (bit 31). */
void op_PT(struct cpu *c, const uint8_t *ip)
{
    uint32_t v1 = c->gr[RRE_R1(ip)], v2 = c->gr[RRE_R2(ip)];
    if (!(c->pswm & PSW_DAT) || (c->pswm & PSW_AS) != AS_PRIMARY)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    if (!(asn_ltd(c) & LTD_SUBSYSTEM_LINKAGE))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    if (cpu_problem_state(c) && !(v2 & 1))
        cpu_program_check(c, PGM_PRIVILEGED);
    if (!(v2 & PSW_AMODE31) && (v2 & ETE1_ADDRESS) > 0x00FFFFFFu)
        cpu_program_check(c, PGM_SPECIFICATION);

    uint16_t asn = (uint16_t)v1;
    struct spaces s;
    spaces_get(c, &s);
    bool sse = false;
    if (asn != pasn(c)) {
        require_asn_translation(c);
        struct aste a;
        asn_translate_or_raise(c, asn, &a);
        if (!asn_authorized(c, (uint16_t)(c->cr[4] >> 16), &a, AUTH_PRIMARY))
            cpu_translation_exception(c, PGM_PRIMARY_AUTHORITY, asn);
        primary_from_aste(c, asn, &a, &s);
        sse = space_switch_pending(c, c->cr[1], s.cr1);
    }
    s.cr3 &= v1 | LOW16;
    secondary_is_primary(&s);
    uint32_t w0 = (psw_word0(c) & ~PSW_PROBLEM) | (v2 & 1 ? PSW_PROBLEM : 0);
    complete(c, &s, w0, v2 & ~1u, sse);
}

/* ---- PROGRAM RETURN from a program-call state entry ---- */

bool pc_return_spaces(struct cpu *c, const uint8_t state[8], struct spaces *s)
{
    uint16_t sasn = be16(state + 2), new_pasn = be16(state + 6);
    spaces_get(c, s);
    s->cr3 = be32(state);
    s->cr8 = (s->cr8 & LOW16) | (uint32_t)be16(state + 4) << 16;
    s->cr4 = (s->cr4 & HIGH16) | new_pasn;
    bool sse = false;
    if (new_pasn != pasn(c)) {
        require_asn_translation(c);
        struct aste a;
        asn_translate_or_raise(c, new_pasn, &a);
        primary_from_aste(c, new_pasn, &a, s);
        sse = space_switch_pending(c, c->cr[1], a.w[ASTE_STD]);
    }
    if (sasn == new_pasn) {
        s->cr7 = s->cr1;
    } else {
        require_asn_translation(c);
        s->cr7 = authorized_secondary(c, sasn, (uint16_t)(s->cr4 >> 16));
    }
    return sse;
}

/* ---- SET SECONDARY ASN ---- */

void op_SSAR(struct cpu *c, const uint8_t *ip)
{
    if (!(c->pswm & PSW_DAT))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    require_asn_translation(c);
    uint16_t sasn = (uint16_t)c->gr[RRE_R1(ip)];
    struct spaces s;
    spaces_get(c, &s);
    s.cr7 = sasn == pasn(c) ? c->cr[1] : authorized_secondary(c, sasn, (uint16_t)(c->cr[4] >> 16));
    s.cr3 = (s.cr3 & HIGH16) | sasn;
    spaces_set(c, &s);
}

/* ---- the dispatchable-unit control table ---- */

/* The DUCT (CR2, real, 64 bytes in one page) for instructions that store
   into it: subject to low-address protection. */
static uint8_t *duct_for_store(struct cpu *c)
{
    uint32_t real = c->cr[2] & CR2_DUCT_ORIGIN;
    if (access_low_address_protected(c, real, TLB_REAL))
        cpu_translation_exception(c, PGM_PROTECTION, real & PAGE_MASK);
    return real_ptr(c, real, 64);
}

static void duct_store(struct cpu *c, uint8_t *duct, uint32_t off, uint32_t v)
{
    put_be32(duct + off, v);
    storage_mark_change(c->ms, (uint32_t)(duct - c->ms->mem));
}

/* An instruction address with its addressing-mode bit as a PSW word 1. */
static uint32_t branch_word(uint32_t v)
{
    return v & PSW_AMODE31 ? v : v & 0x00FFFFFFu;
}

/* ---- BRANCH AND SET AUTHORITY ---- */

/* Base authority (DUCT word 9 bit 28 zero): save the return address,
   PSW-key mask, key and problem state in the DUCT, take the key (R1 bits
   24-27) and PSW-key mask (R1 bits 0-15), go to the problem state and
   branch to R2.  Reduced authority: restore them from the DUCT, the
   return address into R1. */
void op_BSA(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if (!asf(c))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint8_t *duct = duct_for_store(c);
    uint32_t state = be32(duct + DUCT_STATE);
    uint32_t w0 = psw_word0(c), w1;
    if (!(state & DUCT_REDUCED)) {
        if (r2 == 0)
            cpu_program_check(c, PGM_SPECIAL_OPERATION);
        unsigned key = (c->gr[r1] >> 4) & 0xF;
        if (!cpu_key_authorized(c, key))
            cpu_program_check(c, PGM_PRIVILEGED);
        duct_store(c, duct, DUCT_RETURN, c->ia | amode_bit(c));
        duct_store(c, duct, DUCT_STATE, (c->cr[3] & HIGH16) | psw_key(c) << 4 | DUCT_REDUCED |
                                        (cpu_problem_state(c) ? DUCT_PROBLEM : 0));
        c->cr[3] = (c->cr[3] & LOW16) | (c->gr[r1] & HIGH16);
        w0 = (w0 & ~PSW_KEY) | key << 20 | PSW_PROBLEM;
        w1 = branch_word(c->gr[r2]);
    } else {
        if (r2 != 0)
            cpu_program_check(c, PGM_SPECIAL_OPERATION);
        w1 = be32(duct + DUCT_RETURN);
        if (r1)
            c->gr[r1] = c->ia | amode_bit(c);
        duct_store(c, duct, DUCT_STATE, state & ~DUCT_REDUCED);
        c->cr[3] = (c->cr[3] & LOW16) | (state & HIGH16);
        w0 = (w0 & ~(PSW_KEY | PSW_PROBLEM)) | (state & DUCT_KEY) << 16 |
             (state & DUCT_PROBLEM ? PSW_PROBLEM : 0);
    }
    cpu_set_psw(c, w0, w1);   /* an invalid return address: early exception */
    branch_to(c, c->ia);
}

/* ---- BRANCH IN SUBSPACE GROUP ---- */

/* The destination ASTE of BSG: ALET 0 the base space, ALET 1 the subspace
   last entered (DUCT word 1), any other ALET through special ART. */
static void bsg_destination(struct cpu *c, uint32_t alet, int r2, const uint8_t *duct,
                            struct aste *d)
{
    uint32_t base = be32(duct + DUCT_BASE_ASTE) & ASTE_ORIGIN;
    if (alet == 0) {
        aste_fetch(c, base, d);
        return;
    }
    if (alet == 1) {
        uint32_t sub = be32(duct + DUCT_SUBSPACE) & ASTE_ORIGIN;
        if (!sub)
            cpu_program_check(c, PGM_SPECIAL_OPERATION);
        aste_fetch(c, sub, d);
        if (d->w[ASTE_ATO] & ASTE0_INVALID)
            cpu_program_check(c, PGM_ASTE_VALIDITY);
        if (d->w[ASTE_SN] != be32(duct + DUCT_SUBSPACE_SN))
            art_exception(c, PGM_ASTE_SEQUENCE, r2);
        return;
    }
    struct art_result r;
    int code = art_translate(c, alet, 0, true, &r);
    if (code)
        art_exception(c, code, r2);
    *d = r.aste;
    /* a space of the group: the base space or one of its subspaces */
    if (d->origin != base &&
        (!(d->w[ASTE_STD] & STD_SUBSPACE_GROUP) || (d->w[ASTE_ATO] & ASTE0_BASE_SPACE)))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
}

void op_BSG(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if (!(c->pswm & PSW_DAT) || !asf(c))
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint8_t *duct = duct_for_store(c);
    uint32_t base = be32(duct + DUCT_BASE_ASTE) & ASTE_ORIGIN;
    if ((c->cr[5] & CR5_PASTE_ORIGIN) != base)
        cpu_program_check(c, PGM_SPECIAL_OPERATION);
    uint32_t alet = r2 ? c->ar[r2] : 0;
    struct aste d;
    bsg_destination(c, alet, r2, duct, &d);

    struct spaces s;
    spaces_get(c, &s);
    if (d.origin == base)
        s.cr1 = d.w[ASTE_STD];
    else   /* a subspace keeps the event controls of the primary STD */
        s.cr1 = (s.cr1 & STD_EVENT_BITS) | (d.w[ASTE_STD] & ~STD_EVENT_BITS);
    secondary_is_primary(&s);
    uint32_t w1 = branch_word(c->gr[r2]);
    if (r1)
        c->gr[r1] = c->ia | amode_bit(c);
    uint32_t sub = be32(duct + DUCT_SUBSPACE);
    if (d.origin == base) {
        duct_store(c, duct, DUCT_SUBSPACE, sub & ~DUCT_SUBSPACE_ACTIVE);
    } else if (alet == 1) {
        duct_store(c, duct, DUCT_SUBSPACE, sub | DUCT_SUBSPACE_ACTIVE);
    } else {
        duct_store(c, duct, DUCT_SUBSPACE, DUCT_SUBSPACE_ACTIVE | d.origin);
        duct_store(c, duct, DUCT_SUBSPACE_SN, d.w[ASTE_SN]);
    }
    complete(c, &s, psw_word0(c), w1, false);
}

/* ---- LOAD ADDRESS SPACE PARAMETERS ---- */

#define LASP_FORCE_PASN 0x4u   /* translate the PASN even when unchanged */
#define LASP_USE_AX     0x2u   /* the AX comes from the first operand */
#define LASP_NO_SASN_AUTH 0x1u /* no SASN authorization; keep an unchanged SASN */

enum { LASP_OK, LASP_PASN_FAILED, LASP_SASN_FAILED, LASP_SPACE_SWITCH };

/* ASN translation and subspace replacement for LASP: false when either
   recognizes an exception (a condition code instead). */
static bool lasp_translate(struct cpu *c, uint16_t asn, struct aste *a, uint32_t *std)
{
    int code;
    if (asn_translate(c, asn, a))
        return false;
    *std = asn_subspace_std(c, a->w[ASTE_STD], a->origin, &code);
    return code == 0;
}

/* The primary-space fields of LASP, or a condition code. */
static int lasp_primary(struct cpu *c, uint16_t new_pasn, uint32_t ctl, struct spaces *s)
{
    if (!(ctl & LASP_FORCE_PASN) && new_pasn == pasn(c))
        return LASP_OK;
    struct aste a;
    uint32_t pstd;
    if (!lasp_translate(c, new_pasn, &a, &pstd))
        return LASP_PASN_FAILED;
    if ((c->cr[1] | a.w[ASTE_STD]) & STD_SSE)
        return LASP_SPACE_SWITCH;
    primary_from_aste(c, new_pasn, &a, s);
    return LASP_OK;
}

/* The secondary-space fields of LASP, or a condition code. */
static int lasp_secondary(struct cpu *c, uint16_t sasn, uint32_t ctl, struct spaces *s)
{
    if (sasn == (uint16_t)s->cr4) {
        s->cr7 = s->cr1;
        return LASP_OK;
    }
    if (!(ctl & LASP_FORCE_PASN) && (ctl & LASP_NO_SASN_AUTH) && sasn == (uint16_t)c->cr[3])
        return LASP_OK;   /* the current SSTD stays */
    struct aste a;
    if (!lasp_translate(c, sasn, &a, &s->cr7))
        return LASP_SASN_FAILED;
    if (!(ctl & LASP_NO_SASN_AUTH) && !asn_authorized(c, (uint16_t)(s->cr4 >> 16), &a, AUTH_SECONDARY))
        return LASP_SASN_FAILED;
    return LASP_OK;
}

/* The first operand: PKM, SASN, AX, PASN; the second-operand address
   bits 29-31 control the operation. */
void op_LASP(struct cpu *c, const uint8_t *ip)
{
    uint32_t a1 = addr_bd(c, ip + 2), ctl = addr_bd(c, ip + 4);
    require_asn_translation(c);
    if (a1 & 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint64_t op = vfetch8(c, a1, BASE(ip + 2));
    uint16_t sasn = (uint16_t)(op >> 32), new_pasn = (uint16_t)op;
    struct spaces s;
    spaces_get(c, &s);
    int cc = lasp_primary(c, new_pasn, ctl, &s);
    if (cc == LASP_OK) {
        s.cr4 = (s.cr4 & HIGH16) | new_pasn;
        if (ctl & LASP_USE_AX)
            s.cr4 = (uint32_t)(op >> 16 & LOW16) << 16 | new_pasn;
        cc = lasp_secondary(c, sasn, ctl, &s);
    }
    if (cc == LASP_OK) {
        s.cr3 = (uint32_t)(op >> 32);
        spaces_set(c, &s);
    }
    c->cc = (uint8_t)cc;
}

/*
 * ASN translation, ASN authorization, subspace replacement and access-
 * register translation (SA22-7201 chapters 3 and 5), shared by the
 * space-switching instructions (pc.c), PROGRAM RETURN (linkage.c) and the
 * storage accesses of the access-register mode (access.c).
 *
 * All tables are in real storage (prefixing applies; an entry outside
 * storage is an addressing exception).  With the address-space-function
 * control (CR0 bit 15) one, ASN-second-table entries are 64 bytes and CR5
 * holds the primary-ASTE origin; with it zero they are 16 bytes and CR5
 * holds the linkage-table designation.
 */
#ifndef VM390_CPU_ASN_H
#define VM390_CPU_ASN_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

#define CR0_ASF              0x00010000u   /* bit 15: address-space function */
#define CR2_DUCT_ORIGIN      0x7FFFFFC0u
#define CR5_PASTE_ORIGIN     0x7FFFFFC0u
#define CR14_ASN_TRANSLATION 0x00080000u   /* bit 12 */
#define STD_SSE              0x80000000u   /* space-switch-event control */
#define STD_SUBSPACE_GROUP   0x00000200u   /* bit 22 */
#define ASTE_ORIGIN          0x7FFFFFC0u
#define ASTE_WORDS           16

/* ASTE words. */
enum { ASTE_ATO, ASTE_AX, ASTE_STD, ASTE_LTD, ASTE_ALD, ASTE_SN };
#define ASTE0_INVALID 0x80000000u

/* Authority-table entry bits. */
enum asn_authority { AUTH_PRIMARY = 0x80, AUTH_SECONDARY = 0x40 };

/* An ASN-second-table entry and its real address. */
struct aste {
    uint32_t w[ASTE_WORDS];   /* words 4-15 zero for a 16-byte entry */
    uint32_t origin;
};

/* A word of real storage. */
uint32_t real_fetch4(struct cpu *c, uint32_t real);

/* Translate an ASN (CR14: AFTO).  Returns 0, or PGM_AFX_TRANS or
   PGM_ASX_TRANS for the caller to report (LASP sets a condition code);
   addressing and ASN-translation-specification exceptions are raised. */
int asn_translate(struct cpu *c, uint16_t asn, struct aste *a);
/* The same, raising the AFX- and ASX-translation exceptions (TEID = ASN). */
void asn_translate_or_raise(struct cpu *c, uint16_t asn, struct aste *a);
/* ASN-translation-specification exception for reserved ASTE bits. */
void aste_check_format(struct cpu *c, const struct aste *a);
/* Fetch the 64-byte ASTE at real address `origin`. */
void aste_fetch(struct cpu *c, uint32_t origin, struct aste *a);
/* ASN authorization: does authorization index `ax` have the authority
   bit in the ASTE's authority table? */
bool asn_authorized(struct cpu *c, uint16_t ax, const struct aste *a, enum asn_authority bit);
/* Subspace replacement of an STD obtained from the ASTE at `origin`.  An
   ASTE-validity or ASTE-sequence exception of the subspace ASTE is
   raised, or returned in *code when code is not NULL. */
uint32_t asn_subspace_std(struct cpu *c, uint32_t std, uint32_t origin, int *code);
/* The linkage-table designation: CR5, or word 3 of the primary ASTE. */
uint32_t asn_ltd(struct cpu *c);

/* ---- access-register translation (art.c) ---- */

#define ALET_PRIMARY_LIST 0x01000000u

struct art_result {
    struct aste aste;
    bool fetch_only;
};

/* Translate an ALET other than 0 and 1 with extended authorization index
   `eax`; `special` (BRANCH IN SUBSPACE GROUP) skips the ALE-sequence check
   and the authorization.  Returns 0 or the ART exception code;
   addressing and ASN-translation-specification exceptions are raised. */
int art_translate(struct cpu *c, uint32_t alet, uint16_t eax, bool special, struct art_result *r);
/* ART for an operand access through AR `arn` (1-15, ALET not 0 or 1) in
   the access-register mode: 0 and the space in *sp (its STD in
   c->art[arn]), or the exception code. */
int art_space(struct cpu *c, int arn, enum tlb_space *sp);
/* An ART exception for an access through `arn`: the access-register
   number is the exception access identification (real location 160). */
_Noreturn void art_exception(struct cpu *c, int code, int arn);

/* ---- the control registers of the space-switching instructions ---- */

struct spaces {
    uint32_t cr1, cr3, cr4, cr5, cr7, cr8;
};

void spaces_get(const struct cpu *c, struct spaces *s);
/* Load them, dropping the TLB entries of spaces whose STD changed. */
void spaces_set(struct cpu *c, const struct spaces *s);
/* Is switching from the primary STD `old_std` to `new_std` a
   space-switch event (either control bit, or PER)? */
bool space_switch_pending(const struct cpu *c, uint32_t old_std, uint32_t new_std);
/* Report it, after the instruction completed: the old primary ASN with
   bit 0 = the old primary space-switch-event control. */
_Noreturn void space_switch_report(struct cpu *c, uint32_t old_cr1, uint32_t old_cr4);

#endif

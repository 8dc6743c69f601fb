/*
 * ESA/390 address translation: prefixing and dynamic address translation
 * (segment and page tables), independent of any CPU structure so that the
 * CPU, the SIE layer and tools can all use it.
 */
#ifndef VM390_DAT_DAT_H
#define VM390_DAT_DAT_H

#include <stdbool.h>
#include <stdint.h>

#include "storage.h"

/* Program-interruption codes produced by translation. */
#define PGM_ADDRESSING          0x05
#define PGM_SEGMENT_TRANSLATION 0x10
#define PGM_PAGE_TRANSLATION    0x11
#define PGM_TRANSLATION_SPEC    0x12

/* CR0 bits 8-12 must be B'10110' for ESA/390 translation (4K pages, 1M segments). */
#define CR0_TRANSLATION_FORMAT_MASK 0x00F80000u
#define CR0_TRANSLATION_FORMAT      0x00B00000u

/* Segment-table designation (CR1, CR7, CR13) fields. */
#define STD_SSEC   0x80000000u   /* space-switch-event control (CR1 only) */
#define STD_STO    0x7FFFF000u   /* segment-table origin */
#define STD_PRIVATE 0x00000100u  /* private-space control (bit 23) */
#define STD_SAEC   0x00000080u   /* storage-alteration-event control (bit 24) */
#define STD_STL    0x0000007Fu   /* segment-table length, units of 16 entries */

/* Segment-table entry. */
#define STE_PTO     0x7FFFFFC0u
#define STE_INVALID 0x00000020u
#define STE_COMMON  0x00000010u
#define STE_PTL     0x0000000Fu

/* Page-table entry. */
#define PTE_PFRA    0x7FFFF000u
#define PTE_INVALID 0x00000400u
#define PTE_PROTECT 0x00000200u
#define PTE_ES_VALID 0x00000100u    /* an invalid page is in expanded storage */
#define PTE_ZERO_BITS 0x80000900u   /* bits 0, 20 and 23 must be zero */

/* Real -> absolute: the first 4K and the prefix area swap places. */
static inline uint32_t prefix_real_to_abs(uint32_t real, uint32_t prefix)
{
    uint32_t page = real & PAGE_MASK;
    if (page == 0)
        return real | prefix;
    if (page == prefix)
        return real & ~PAGE_MASK;
    return real;
}

struct dat_result {
    uint32_t real;      /* real address of the byte */
    bool protect;       /* page-protection bit of the PTE */
    bool common;        /* segment is common (may be shared by TLB users) */
    /* Also filled when translation fails (for LOAD REAL ADDRESS): */
    uint32_t entry;     /* real address of the last table entry designated */
    bool length_violation;  /* the entry lay beyond the table's length */
};

/*
 * Translate `vaddr` through the segment table designated by `std`.
 * Table entries are fetched from real storage (prefix applied).
 * Returns 0 or a program-interruption code (PGM_*) and fills *r on success;
 * after a segment- or page-translation exception r->entry and
 * r->length_violation tell which entry failed and why.
 */
int dat_translate(const struct mainstor *ms, uint32_t prefix, uint32_t cr0,
                  uint32_t std, uint32_t vaddr, struct dat_result *r);

/* Address of the page-table entry for `vaddr`, for IPTE; 0 = ok, else PGM code. */
int dat_pte_address(const struct mainstor *ms, uint32_t prefix, uint32_t cr0,
                    uint32_t pto_ste, uint32_t vaddr, uint32_t *pte_abs);

#endif

/* ESA/390 dynamic address translation (SA22-7201, chapter 3). */
#include "dat.h"

/* Fetch a table entry at a real address; false when outside storage. */
static bool fetch_entry(const struct mainstor *ms, uint32_t prefix, uint32_t real, uint32_t *val)
{
    uint32_t abs = prefix_real_to_abs(real, prefix);
    if (!storage_valid(ms, abs, 4))
        return false;
    *val = be32(storage_ptr(ms, abs));
    return true;
}

int dat_translate(const struct mainstor *ms, uint32_t prefix, uint32_t cr0,
                  uint32_t std, uint32_t vaddr, struct dat_result *r)
{
    if ((cr0 & CR0_TRANSLATION_FORMAT_MASK) != CR0_TRANSLATION_FORMAT)
        return PGM_TRANSLATION_SPEC;

    /* Segment index: bits 1-11; its leftmost 7 bits are checked against STL. */
    uint32_t sx = (vaddr >> 20) & 0x7FF;
    r->entry = ((std & STD_STO) + sx * 4) & 0x7FFFFFFF;
    r->length_violation = (sx >> 4) > (std & STD_STL);
    if (r->length_violation)
        return PGM_SEGMENT_TRANSLATION;
    uint32_t ste;
    if (!fetch_entry(ms, prefix, r->entry, &ste))
        return PGM_ADDRESSING;
    if (ste & STE_INVALID)
        return PGM_SEGMENT_TRANSLATION;
    if (ste & 0x80000000u)
        return PGM_TRANSLATION_SPEC;
    if ((ste & STE_COMMON) && (std & STD_PRIVATE))
        return PGM_TRANSLATION_SPEC;

    /* Page index: bits 12-19; its leftmost 4 bits are checked against PTL. */
    uint32_t px = (vaddr >> 12) & 0xFF;
    r->entry = ((ste & STE_PTO) + px * 4) & 0x7FFFFFFF;
    r->length_violation = (px >> 4) > (ste & STE_PTL);
    if (r->length_violation)
        return PGM_PAGE_TRANSLATION;
    uint32_t pte;
    if (!fetch_entry(ms, prefix, r->entry, &pte))
        return PGM_ADDRESSING;
    if (pte & PTE_INVALID)
        return PGM_PAGE_TRANSLATION;
    if (pte & PTE_ZERO_BITS)
        return PGM_TRANSLATION_SPEC;

    r->real = (pte & PTE_PFRA) | (vaddr & ~PAGE_MASK);
    r->protect = (pte & PTE_PROTECT) != 0;
    r->common = (ste & STE_COMMON) != 0;
    return 0;
}

int dat_pte_address(const struct mainstor *ms, uint32_t prefix, uint32_t cr0,
                    uint32_t pto_ste, uint32_t vaddr, uint32_t *pte_abs)
{
    if ((cr0 & CR0_TRANSLATION_FORMAT_MASK) != CR0_TRANSLATION_FORMAT)
        return PGM_TRANSLATION_SPEC;
    uint32_t real = ((pto_ste & STE_PTO) + ((vaddr >> 12) & 0xFF) * 4) & 0x7FFFFFFF;
    uint32_t abs = prefix_real_to_abs(real, prefix);
    if (!storage_valid(ms, abs, 4))
        return PGM_ADDRESSING;
    *pte_abs = abs;
    return 0;
}

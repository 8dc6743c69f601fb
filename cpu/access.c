/* Storage access slow paths: translation, protection, TLB fill, page crossing. */
#include "access.h"

#include "../dat/dat.h"
#include "asn.h"
#include "interrupt.h"
#include "machine.h"
#include "per.h"

#define CR0_LOW_ADDRESS_PROTECTION     0x10000000u   /* bit 3 */
#define CR0_FETCH_PROTECTION_OVERRIDE  0x02000000u   /* bit 6 */
#define CR0_STORAGE_PROTECTION_OVERRIDE 0x01000000u  /* bit 7 */

int access_space_try(struct cpu *c, int arn, enum acc_type acc, enum tlb_space *sp)
{
    *sp = TLB_REAL;
    if (!(c->pswm & PSW_DAT))
        return 0;
    if (acc == ACC_IFETCH) {
        *sp = (c->pswm & PSW_AS) == AS_HOME ? TLB_HOME : TLB_PRIMARY;
        return 0;
    }
    return access_dat_space(c, arn, sp);
}

enum tlb_space access_space(struct cpu *c, int arn, enum acc_type acc)
{
    enum tlb_space sp;
    int code = access_space_try(c, arn, acc, &sp);
    if (code)
        art_exception(c, code, arn);
    return sp;
}

int access_dat_space(struct cpu *c, int arn, enum tlb_space *sp)
{
    switch (c->pswm & PSW_AS) {
    case AS_SECONDARY:
        *sp = TLB_SECONDARY;
        return 0;
    case AS_HOME:
        *sp = TLB_HOME;
        return 0;
    case AS_AR:
        /* AR 0 and ALET 0 mean the primary space, ALET 1 the secondary
           space; every other ALET is translated */
        *sp = TLB_PRIMARY;
        if (arn == 0 || c->ar[arn] == 0)
            return 0;
        *sp = TLB_SECONDARY;
        if (c->ar[arn] == 1)
            return 0;
        return art_space(c, arn, sp);
    default:
        *sp = TLB_PRIMARY;
        return 0;
    }
}

uint32_t access_space_std(const struct cpu *c, enum tlb_space sp)
{
    if (space_is_art(sp))
        return c->art[sp - TLB_ART0].std;
    switch (sp) {
    case TLB_SECONDARY: return c->cr[7];
    case TLB_HOME: return c->cr[13];
    default: return c->cr[1];
    }
}

uint32_t access_space_id(const struct cpu *c, enum tlb_space sp)
{
    if ((c->pswm & PSW_AS) == AS_AR)
        return 1;
    return sp == TLB_SECONDARY ? 2 : sp == TLB_HOME ? 3 : 0;
}

int access_lra(struct cpu *c, uint32_t ea, enum tlb_space sp, uint32_t *real, bool *prot)
{
    *prot = false;
    if (sp == TLB_REAL) {
        *real = ea;
        return 0;
    }
    struct dat_result r;
    int code = dat_translate(c->ms, c->prefix, c->cr[0], access_space_std(c, sp), ea, &r);
    if (code)
        return code;
    *real = r.real;
    /* access-list-controlled protection counts as page protection */
    *prot = r.protect || (space_is_art(sp) && c->art[sp - TLB_ART0].fetch_only);
    return 0;
}

bool access_low_address_protected(const struct cpu *c, uint32_t ea, enum tlb_space sp)
{
    if (!(c->cr[0] & CR0_LOW_ADDRESS_PROTECTION) || ea >= 512)
        return false;
    return sp == TLB_REAL || !(access_space_std(c, sp) & STD_PRIVATE);
}

/* Fetch-protection override: locations 0-2047 are not fetch protected. */
static bool fetch_protection_overridden(const struct cpu *c, uint32_t ea)
{
    return ea < 2048 && (c->cr[0] & CR0_FETCH_PROTECTION_OVERRIDE);
}

bool access_key_allows(const struct cpu *c, uint32_t ea, uint8_t skey, unsigned key, enum acc_type acc)
{
    unsigned acc_key = skey >> 4;
    if (key == 0 || key == acc_key)
        return true;
    /* Storage-protection override: key-9 storage is open to every key. */
    if (acc_key == 9 && (c->cr[0] & CR0_STORAGE_PROTECTION_OVERRIDE))
        return true;
    if (acc == ACC_STORE)
        return false;
    if (!(skey & SKEY_F))
        return true;
    return fetch_protection_overridden(c, ea);
}

enum protection_kind { PROT_KEY, PROT_LOW_ADDRESS, PROT_PAGE };

/* Protection exception.  For page and low-address protection the
   translation-exception identification names the page and the space
   (suppression on protection), with bit 29 one for page protection; for
   key-controlled protection it is not stored. */
/* Access exceptions in a space reached through ALET translation name the
   access register (exception access identification, real 160); with the
   ALETs 0 and 1 the register is not known here and nothing is stored. */
static void note_access_id(struct cpu *c, enum tlb_space sp)
{
    if (space_is_art(sp))
        *real_ptr(c, LC_EXC_ACCESS_ID, 1) = (uint8_t)(sp - TLB_ART0);
}

static _Noreturn void protection_exception(struct cpu *c, uint32_t ea, enum tlb_space sp,
                                           enum protection_kind kind)
{
    note_access_id(c, sp);
    if (kind == PROT_KEY)
        cpu_program_check(c, PGM_PROTECTION);
    uint32_t teid = (ea & 0x7FFFF000u) | access_space_id(c, sp);
    cpu_translation_exception(c, PGM_PROTECTION, kind == PROT_PAGE ? teid | 4u : teid);
}

uint32_t access_absolute(struct cpu *c, uint32_t ea, enum tlb_space sp, bool *prot)
{
    uint32_t real;
    int code = access_lra(c, ea, sp, &real, prot);
    if (code) {
        note_access_id(c, sp);
        if (code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS)
            cpu_translation_exception(c, (uint16_t)code, (ea & 0x7FFFF000u) | access_space_id(c, sp));
        cpu_program_check(c, (uint16_t)code);
    }
    uint32_t abs = prefix_real_to_abs(real, c->prefix);
    if (abs >= c->ms->size)
        cpu_program_check(c, PGM_ADDRESSING_EXC);
    return abs;
}

/* Translate and check the page of ea for `len` bytes of access `acc`.
   *page_wide is false when the permission holds for part of the page only
   (fetch-protection override), so that no TLB entry may be made. */
static uint8_t *translate_checked(struct cpu *c, uint32_t ea, enum tlb_space sp,
                                  unsigned key, enum acc_type acc, uint32_t len,
                                  bool *page_wide)
{
    *page_wide = !fetch_protection_overridden(c, ea);
    bool prot;
    uint32_t abs = access_absolute(c, ea, sp, &prot);
    uint8_t skey = c->ms->skey[abs >> PAGE_SHIFT];
    if (acc == ACC_STORE) {
        if (access_low_address_protected(c, ea, sp))
            protection_exception(c, ea, sp, PROT_LOW_ADDRESS);
        if (prot)
            protection_exception(c, ea, sp, PROT_PAGE);
        if (!access_key_allows(c, ea, skey, key, acc))
            protection_exception(c, ea, sp, PROT_KEY);
        storage_mark_change(c->ms, abs);
        if (c->events & EV_PER)
            per_store(c, ea, len, sp);
    } else {
        if (!access_key_allows(c, ea, skey, key, acc))
            protection_exception(c, ea, sp, PROT_KEY);
        storage_mark_ref(c->ms, abs);
    }
    return c->ms->mem + abs;
}

uint8_t *access_translate_in(struct cpu *c, uint32_t ea, enum tlb_space sp,
                             unsigned key, enum acc_type acc)
{
    bool page_wide;
    return translate_checked(c, ea & c->amask, sp, key, acc, 1, &page_wide);
}

uint8_t *access_translate_len(struct cpu *c, uint32_t ea, int arn, enum acc_type acc, uint32_t len)
{
    enum tlb_space sp = access_space(c, arn, acc);
    bool page_wide;
    uint8_t *host = translate_checked(c, ea, sp, psw_key(c), acc, len, &page_wide);
    if (space_is_art(sp) || !page_wide)
        return host;

    /* Fill the TLB.  A store entry is never made for a page that needs a
       check on every store (low-address protection, PER alteration). */
    struct tlb_set *t = &c->tlb[sp];
    struct tlb_entry *e = tlb_slot(t, ea);
    uint32_t tag = tlb_tag(ea, c->key_tag);
    uintptr_t addend = (uintptr_t)(host - (ea & ~PAGE_MASK)) - (ea & PAGE_MASK);
    if (e->addend != addend) {
        e->tag_fetch = TLB_INVALID;
        e->tag_store = TLB_INVALID;
    }
    e->addend = addend;
    e->tag_fetch = tag;   /* a permitted store implies a permitted fetch */
    if (acc == ACC_STORE && !access_low_address_protected(c, ea & PAGE_MASK, sp) &&
        !(c->events & EV_PER))
        e->tag_store = tag;
    return host;
}

uint64_t vfetch_cross(struct cpu *c, uint32_t ea, int arn, unsigned len)
{
    uint8_t buf[8];
    vfetch_bytes(c, ea, arn, buf, len);
    uint64_t v = 0;
    for (unsigned i = 0; i < len; i++)
        v = v << 8 | buf[i];
    return v;
}

void vstore_cross(struct cpu *c, uint32_t ea, int arn, unsigned len, uint64_t val)
{
    uint8_t buf[8];
    for (unsigned i = 0; i < len; i++)
        buf[i] = (uint8_t)(val >> (8 * (len - 1 - i)));
    vstore_bytes(c, ea, arn, buf, len);
}

void vspan_get_cross(struct cpu *c, struct vspan *s, uint32_t ea, uint32_t len, int arn, enum acc_type acc)
{
    uint32_t room = PAGE_SIZE - (ea & ~PAGE_MASK);
    s->len = len;
    s->n0 = room;
    s->p0 = vptr_len(c, ea, arn, acc, room);
    s->p1 = vptr_len(c, (ea + room) & c->amask, arn, acc, len - room);
}

void vspan_read(const struct vspan *s, uint8_t *dst)
{
    __builtin_memcpy(dst, s->p0, s->n0);
    if (s->len > s->n0)
        __builtin_memcpy(dst + s->n0, s->p1, s->len - s->n0);
}

void vspan_write(const struct vspan *s, const uint8_t *src)
{
    __builtin_memcpy(s->p0, src, s->n0);
    if (s->len > s->n0)
        __builtin_memcpy(s->p1, src + s->n0, s->len - s->n0);
}

void vfetch_bytes(struct cpu *c, uint32_t ea, int arn, uint8_t *dst, uint32_t len)
{
    struct vspan s;
    vspan_get(c, &s, ea, len, arn, ACC_FETCH);
    vspan_read(&s, dst);
}

void vstore_bytes(struct cpu *c, uint32_t ea, int arn, const uint8_t *src, uint32_t len)
{
    struct vspan s;
    vspan_get(c, &s, ea, len, arn, ACC_STORE);
    vspan_write(&s, src);
}

uint8_t *real_ptr(struct cpu *c, uint32_t real, uint32_t len)
{
    real &= 0x7FFFFFFF;
    /* The prefix swap is per 4K page; callers never cross a page here. */
    return abs_ptr(c, prefix_real_to_abs(real, c->prefix), len);
}

uint8_t *abs_ptr(struct cpu *c, uint32_t abs, uint32_t len)
{
    if (!storage_valid(c->ms, abs, len))
        cpu_program_check(c, PGM_ADDRESSING_EXC);
    return c->ms->mem + abs;
}

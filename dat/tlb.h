/*
 * Software TLB: maps (address space, logical page, access key, fetch/store)
 * straight to a host pointer, through every translation level (DAT,
 * prefixing, and later a guest's zone or page map).  Protection, reference
 * and change recording and dirty logging are all done when an entry is
 * filled, so a hit needs no further checks.
 *
 * An entry's tags are the logical page address ORed with (key << 4); an
 * invalid tag has bit 0 set, which no probe ever has.
 */
#ifndef VM390_DAT_TLB_H
#define VM390_DAT_TLB_H

#include <stdint.h>
#include <string.h>

#include "storage.h"

#define TLB_BITS    9
#define TLB_ENTRIES (1u << TLB_BITS)
#define TLB_INVALID 1u

/* The address spaces an access can be made in. */
enum tlb_space {
    TLB_REAL,        /* DAT off, or real-address instructions */
    TLB_PRIMARY,
    TLB_SECONDARY,
    TLB_HOME,
    TLB_NSPACES
};

struct tlb_entry {
    uint32_t tag_fetch;   /* page | key<<4, or TLB_INVALID */
    uint32_t tag_store;
    uintptr_t addend;     /* host address = addend + logical address */
};

struct tlb_set {
    struct tlb_entry e[TLB_ENTRIES];
};

static inline uint32_t tlb_tag(uint32_t addr, uint32_t key_tag)
{
    return (addr & PAGE_MASK) | key_tag;
}

static inline struct tlb_entry *tlb_slot(struct tlb_set *t, uint32_t addr)
{
    return &t->e[(addr >> PAGE_SHIFT) & (TLB_ENTRIES - 1)];
}

static inline void tlb_flush_set(struct tlb_set *t)
{
    /* 0xFF bytes make every tag odd, i.e. invalid. */
    memset(t, 0xFF, sizeof *t);
}

#endif

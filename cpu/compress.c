/*
 * COMPRESSION CALL (SA22-7201 chapter 7; dictionary formats from
 * SA22-7208, ESA/390 Data Compression).
 *
 * GR0: bit 15 symbol translation, bits 16-19 compressed-data symbol size
 * (CDSS 1-5: symbols of CDSS+8 bits, dictionaries of 256 << CDSS 8-byte
 * entries), bit 22 format-1 sibling descriptors, bit 23 expansion.
 * GR1: bits 0-19 dictionary origin (4K aligned), bits 20-28 offset of the
 * symbol-translation table in units of 128 bytes, bits 29-31 the bit
 * number in the first byte of the compressed data (CBN).
 *
 * Compression walks the compression-character entries (CCE) from the
 * alphabet entry of the first character through the children (in the
 * entry, then in sibling descriptors) to the longest match and stores its
 * index symbol; expansion rebuilds a symbol's characters from the chain
 * of expansion-character entries (ECE).  Every symbol is a unit of
 * operation: the registers (and the CBN) are updated after each.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "long_ops.h"

#define GR0_ST     0x00010000u
#define GR0_CDSS   0x0000F000u
#define GR0_F1     0x00000200u
#define GR0_E      0x00000100u

#define MAX_CHILDREN 260   /* children searched, characters expanded */

struct cmpsc {
    struct cpu *c;
    int r1, r2;
    uint32_t dict;          /* dictionary origin */
    uint32_t dctsz;         /* size of one dictionary in bytes */
    unsigned smbsz;         /* symbol size in bits */
    bool f1;
    struct long_operand dst, src;
    unsigned cbn;
};

static void dictionary_error(struct cpu *c)
{
    cpu_data_exception(c, DXC_DECIMAL);
}

/* The 8-byte entry `index` of the dictionary at `origin`. */
static void fetch_entry(struct cmpsc *z, uint32_t origin, unsigned index, uint8_t e[8])
{
    put_be64(e, vfetch8(z->c, (origin + index * 8u) & z->c->amask, z->r2));
}

/* ---- compression-character entries ---- */

static unsigned cce_cct(const uint8_t *e) { return e[0] >> 5; }
static bool cce_x(const uint8_t *e, unsigned i) { return e[0] & (0x10 >> i); }
static bool cce_y(const uint8_t *e, unsigned i) { return e[1] & (0x80 >> i); }
static bool cce_d(const uint8_t *e) { return e[1] & 0x20; }
static unsigned cce_cptr(const uint8_t *e) { return (unsigned)(e[1] & 0x1F) << 8 | e[2]; }

/* Additional extension characters (bytes 3 ...): ACT of them for child
   counts 0 and 1, one when D is set with more children. */
static unsigned cce_ecs(const uint8_t *e)
{
    return cce_cct(e) <= 1 ? (unsigned)(e[1] >> 5) : cce_d(e) ? 1 : 0;
}

/* Siblings follow when the child count fills the entry. */
static bool cce_more(const uint8_t *e)
{
    return cce_cct(e) + (cce_d(e) ? 1 : 0) == 6;
}

static unsigned cce_children(const uint8_t *e)
{
    return cce_cct(e) - (cce_more(e) ? 1 : 0);
}

static void fetch_cce(struct cmpsc *z, unsigned index, uint8_t e[8])
{
    fetch_entry(z, z->dict, index, e);
    unsigned cct = cce_cct(e);
    bool bad = cct <= 1 ? (e[1] >> 5) > 4 : cce_d(e) ? cct > 5 : cct == 7;
    if (bad)
        dictionary_error(z->c);
}

/* ---- the longest match ---- */

/* Where the walk through the dictionary stands. */
struct match {
    uint8_t cce[8];         /* the entry of the symbol matched so far */
    unsigned is;            /* its index symbol */
    uint32_t used;          /* source bytes it covers */
    bool leaf;              /* a child not to be examined: nothing follows */
};

static uint8_t src_byte(struct cmpsc *z, uint32_t pos)
{
    return vfetch1(z->c, (z->src.addr + pos) & z->c->amask, z->r2);
}

/* Try child `index` whose character matched the source byte at m->used;
   an examined child must also match its extension characters.  (The
   parent entry in m->cce is replaced: callers keep their own copy.) */
static bool try_child(struct cmpsc *z, struct match *m, unsigned index, bool examine)
{
    if (!examine) {
        m->is = index;
        m->used++;
        m->leaf = true;
        return true;
    }
    uint8_t child[8];
    fetch_cce(z, index, child);
    unsigned ecs = cce_ecs(child);
    if (m->used + 1 + ecs > z->src.len)
        return false;
    for (unsigned i = 0; i < ecs; i++)
        if (src_byte(z, m->used + 1 + i) != child[3 + i])
            return false;
    __builtin_memcpy(m->cce, child, 8);
    m->is = index;
    m->used += 1 + ecs;
    return true;
}

/* A sibling descriptor: its characters and examine-child bits. */
struct siblings {
    uint8_t ch[14];
    unsigned n;
    uint16_t y;             /* bit 15 - i: examine sibling i */
    unsigned ny;            /* siblings with a y bit of their own */
    bool more;              /* another descriptor follows */
};

static void fetch_sd(struct cmpsc *z, unsigned index, struct siblings *s)
{
    uint8_t e[8];
    fetch_entry(z, z->dict, index, e);
    if (!z->f1) {
        unsigned sct = e[0] >> 5;
        s->more = sct == 0;
        s->n = s->more ? 7 : sct;
        s->y = (uint16_t)((e[0] & 0x1F) << 11);
        s->ny = 5;
        __builtin_memcpy(s->ch, e + 1, 7);
        return;
    }
    /* Format 1: the second half is the entry of the same index in the
       expansion dictionary that follows the compression dictionary. */
    uint8_t e2[8];
    fetch_entry(z, z->dict + z->dctsz, index, e2);
    unsigned sct = e[0] >> 4;
    if (sct == 0)
        dictionary_error(z->c);
    s->more = sct == 15;
    s->n = s->more ? 14 : sct;
    s->y = (uint16_t)(((e[0] & 0x0F) << 8 | e[1]) << 4);
    s->ny = 12;
    __builtin_memcpy(s->ch, e + 2, 6);
    __builtin_memcpy(s->ch + 6, e2, 8);
}

/* Search the siblings of the children of m->cce.  In the first descriptor
   the examine bits of the siblings beyond its own come from the parent's
   Y bits; later ones are always examined.  Once a character matched only
   further siblings with that character are candidates. */
static bool search_siblings(struct cmpsc *z, struct match *m, const uint8_t parent[8],
                            uint8_t ch, bool matched)
{
    unsigned searched = cce_children(parent);
    unsigned index = cce_cptr(parent) + searched;
    for (bool first = true;; first = false) {
        struct siblings s;
        fetch_sd(z, index, &s);
        for (unsigned i = 0; i < s.n; i++) {
            if (s.ch[i] != ch) {
                if (matched)
                    return false;
                continue;
            }
            matched = true;
            bool examine = i < s.ny ? (s.y & (0x8000 >> i)) != 0
                                    : !first || cce_y(parent, i - s.ny);
            if (try_child(z, m, index + i + 1, examine))
                return true;
        }
        searched += s.n;
        if (searched > MAX_CHILDREN)
            dictionary_error(z->c);
        if (!s.more)
            return false;
        index += s.n + 1;
    }
}

/* One step down the tree: a child of m->cce matching the next source
   byte.  False when there is none (the match so far is the longest). */
static bool next_child(struct cmpsc *z, struct match *m)
{
    unsigned n = cce_children(m->cce);
    if (m->leaf || !n || m->used >= z->src.len)
        return false;
    uint8_t ch = src_byte(z, m->used);
    const unsigned first = 3 + cce_ecs(m->cce), cptr = cce_cptr(m->cce);
    uint8_t parent[8];
    __builtin_memcpy(parent, m->cce, 8);
    bool matched = false;
    for (unsigned i = 0; i < n; i++) {
        if (parent[first + i] != ch) {
            if (matched)
                return false;
            continue;
        }
        matched = true;
        if (try_child(z, m, cptr + i, cce_x(parent, i)))
            return true;
    }
    return cce_more(parent) && search_siblings(z, m, parent, ch, matched);
}

static void longest_match(struct cmpsc *z, struct match *m)
{
    m->is = src_byte(z, 0);
    m->used = 1;
    m->leaf = false;
    fetch_cce(z, m->is, m->cce);
    while (next_child(z, m))
        ;
}

/* ---- compressed data: symbols at a bit position ---- */

static uint32_t symbol_bytes(const struct cmpsc *z)
{
    return (z->cbn + z->smbsz + 7) / 8;
}

/* Store a symbol at bit CBN of the first operand; false if it does not
   fit.  Bits before CBN in the first byte are kept, the bits after the
   symbol in its last byte are set to zero. */
static bool put_symbol(struct cmpsc *z, unsigned sym)
{
    uint32_t n = symbol_bytes(z);
    if (z->dst.len < n)
        return false;
    uint32_t bits = (uint32_t)sym << (24 - z->smbsz - z->cbn);
    uint8_t b[3] = { (uint8_t)(bits >> 16), (uint8_t)(bits >> 8), (uint8_t)bits };
    if (z->cbn)
        b[0] |= vfetch1(z->c, z->dst.addr, z->r1) & (uint8_t)(0xFF00 >> z->cbn);
    vstore_bytes(z->c, z->dst.addr, z->r1, b, n);
    long_advance(z->c, &z->dst, (z->cbn + z->smbsz) / 8);
    z->cbn = (z->cbn + z->smbsz) % 8;
    return true;
}

/* Fetch the symbol at bit CBN of the second operand; false if the
   operand holds less than a whole symbol. */
static bool get_symbol(struct cmpsc *z, unsigned *sym)
{
    uint32_t n = symbol_bytes(z);
    if (z->src.len < n)
        return false;
    uint8_t b[3] = { 0, 0, 0 };
    vfetch_bytes(z->c, z->src.addr, z->r2, b, n);
    uint32_t bits = (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
    *sym = (bits >> (24 - z->smbsz - z->cbn)) & ((1u << z->smbsz) - 1);
    long_advance(z->c, &z->src, (z->cbn + z->smbsz) / 8);
    z->cbn = (z->cbn + z->smbsz) % 8;
    return true;
}

/* ---- expansion ---- */

/* The characters of index symbol `is` into out; returns their count.
   Preceded entries (PSL 1-5) place their characters at their offset and
   point to the predecessor; the unpreceded one (CSL 1-7) ends the chain. */
static unsigned expand_symbol(struct cmpsc *z, unsigned is, uint8_t out[MAX_CHILDREN + 8])
{
    if (is < 256) {
        out[0] = (uint8_t)is;
        return 1;
    }
    unsigned total = 0;
    uint8_t e[8];
    fetch_entry(z, z->dict, is, e);
    for (unsigned psl = e[0] >> 5; psl; psl = e[0] >> 5) {
        total += psl;
        if (psl > 5 || total > MAX_CHILDREN)
            dictionary_error(z->c);
        __builtin_memcpy(out + e[7], e + 2, psl);
        fetch_entry(z, z->dict, (unsigned)(e[0] & 0x1F) << 8 | e[1], e);
    }
    unsigned csl = e[0] & 0x07;
    total += csl;
    if (!csl || (e[0] & 0x18) || total > MAX_CHILDREN)
        dictionary_error(z->c);
    __builtin_memcpy(out, e + 1, csl);
    return total;
}

/* ---- the instruction ---- */

static void commit(struct cmpsc *z)
{
    long_store(z->c, &z->dst);
    long_store(z->c, &z->src);
    z->c->gr[1] = (z->c->gr[1] & ~7u) | z->cbn;
}

static int compress(struct cmpsc *z, bool translate, uint32_t sttoff)
{
    for (uint32_t done = 0; z->src.len; ) {
        if (done >= CPU_AMOUNT)
            return 3;
        struct match m;
        longest_match(z, &m);
        unsigned sym = m.is;
        if (translate)
            sym = vfetch2(z->c, (z->dict + sttoff + sym * 2) & z->c->amask, z->r2);
        if (!put_symbol(z, sym))
            return 1;
        long_advance(z->c, &z->src, m.used);
        done += m.used;
        commit(z);
    }
    return 0;
}

static int expand(struct cmpsc *z)
{
    for (uint32_t done = 0;;) {
        if (done >= CPU_AMOUNT)
            return 3;
        struct cmpsc before = *z;
        unsigned sym;
        if (!get_symbol(z, &sym))
            return 0;
        uint8_t out[MAX_CHILDREN + 8] = { 0 };
        unsigned n = expand_symbol(z, sym, out);
        if (z->dst.len < n) {
            *z = before;   /* the symbol stays for the next execution */
            return 1;
        }
        vstore_bytes(z->c, z->dst.addr, z->r1, out, n);
        long_advance(z->c, &z->dst, n);
        done += n;
        commit(z);
    }
}

void op_CMPSC(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    uint32_t g0 = c->gr[0];
    unsigned cdss = (g0 & GR0_CDSS) >> 12;
    if ((r1 | r2) & 1 || cdss == 0 || cdss > 5)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct cmpsc z = {
        .c = c, .r1 = r1, .r2 = r2,
        .dict = c->gr[1] & c->amask & PAGE_MASK,
        .dctsz = 0x800u << cdss,
        .smbsz = cdss + 8,
        .f1 = (g0 & GR0_F1) != 0,
        .cbn = c->gr[1] & 7,
    };
    long_load(c, r1, LEN32, &z.dst);
    long_load(c, r2, LEN32, &z.src);
    if (!z.src.len) {
        c->cc = 0;
        return;
    }
    if (!z.dst.len) {
        c->cc = 1;
        return;
    }
    int cc = (g0 & GR0_E) ? expand(&z)
                          : compress(&z, (g0 & GR0_ST) != 0, (c->gr[1] & 0xFF8u) << 4);
    c->cc = (uint8_t)cc;
}

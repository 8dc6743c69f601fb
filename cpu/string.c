/*
 * The string instructions: COMPARE LOGICAL STRING, MOVE STRING, SEARCH
 * STRING (terminated by a character in GR0), COMPARE UNTIL SUBSTRING
 * EQUAL and CHECKSUM.  Each ends with condition code 3 after a
 * CPU-determined amount (CPU_AMOUNT bytes) and is resumed by executing it
 * again; storage is touched a page at a time, so access exceptions are
 * recognized only for the pages actually reached.
 */
#include <string.h>

#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "long_ops.h"

/* The ending (or search) character: bits 24-31 of GR0, bits 0-23 zero. */
static uint8_t gr0_character(struct cpu *c)
{
    if (c->gr[0] & 0xFFFFFF00u)
        cpu_program_check(c, PGM_SPECIFICATION);
    return (uint8_t)c->gr[0];
}

static inline uint32_t wrap(const struct cpu *c, uint32_t addr)
{
    return addr & c->amask;
}

/*
 * CLST and MVST walk both operands together a unit at a time (up to the
 * nearer page end).  A unit function handles n bytes at a1 and a2 and
 * returns true when it has ended the instruction; after CPU_AMOUNT bytes
 * the instruction ends with CC 3 and both registers address the next
 * bytes.  Before that the registers are not changed (CLST leaves them
 * unchanged for equal strings, MVST leaves R2 unchanged on completion).
 */
typedef bool string_unit(struct cpu *c, int r1, uint32_t a1, int r2, uint32_t a2,
                         uint32_t n, uint8_t end);

static void string_run(struct cpu *c, const uint8_t *ip, string_unit *unit)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    uint8_t end = gr0_character(c);
    uint32_t a1 = wrap(c, c->gr[r1]), a2 = wrap(c, c->gr[r2]);
    for (uint32_t done = 0; done < CPU_AMOUNT;) {
        uint32_t n = min_u32(min_u32(page_room(a1), page_room(a2)), CPU_AMOUNT - done);
        if (unit(c, r1, a1, r2, a2, n, end))
            return;
        a1 = wrap(c, a1 + n);
        a2 = wrap(c, a2 + n);
        done += n;
    }
    c->gr[r1] = a1;
    c->gr[r2] = a2;
    c->cc = 3;
}

static bool clst_unit(struct cpu *c, int r1, uint32_t a1, int r2, uint32_t a2,
                      uint32_t n, uint8_t end)
{
    const uint8_t *p1 = vptr(c, a1, r1, ACC_FETCH);
    const uint8_t *p2 = vptr(c, a2, r2, ACC_FETCH);
    for (uint32_t i = 0; i < n; i++) {
        uint8_t x = p1[i], y = p2[i];
        if (x == end && y == end) {
            c->cc = 0;   /* equal strings: registers unchanged */
            return true;
        }
        if (x == end || y == end || x != y) {
            /* The operand that ends first is the low one. */
            c->cc = x == end ? 1 : y == end ? 2 : x < y ? 1 : 2;
            c->gr[r1] = wrap(c, a1 + i);
            c->gr[r2] = wrap(c, a2 + i);
            return true;
        }
    }
    return false;
}

static bool mvst_unit(struct cpu *c, int r1, uint32_t a1, int r2, uint32_t a2,
                      uint32_t n, uint8_t end)
{
    const uint8_t *src = vptr(c, a2, r2, ACC_FETCH);
    const uint8_t *hit = memchr(src, end, n);
    uint32_t m = hit ? (uint32_t)(hit - src) + 1 : n;
    memmove(vptr(c, a1, r1, ACC_STORE), src, m);
    if (!hit)
        return false;
    /* R1 addresses the ending character moved; R2 stays unchanged. */
    c->gr[r1] = wrap(c, a1 + m - 1);
    c->cc = 1;
    return true;
}

void op_CLST(struct cpu *c, const uint8_t *ip) { string_run(c, ip, clst_unit); }
void op_MVST(struct cpu *c, const uint8_t *ip) { string_run(c, ip, mvst_unit); }

void op_SRST(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    uint8_t ch = gr0_character(c);
    /* R1 addresses the byte after the operand; the search wraps around
       the top of storage when it lies below the start in R2. */
    uint32_t end = wrap(c, c->gr[r1]), a2 = wrap(c, c->gr[r2]);
    for (uint32_t done = 0; a2 != end; ) {
        if (done >= CPU_AMOUNT) {
            c->gr[r2] = a2;
            c->cc = 3;
            return;
        }
        uint32_t n = min_u32(min_u32(page_room(a2), wrap(c, end - a2)), CPU_AMOUNT - done);
        const uint8_t *p = vptr(c, a2, r2, ACC_FETCH);
        const uint8_t *hit = memchr(p, ch, n);
        if (hit) {
            c->gr[r1] = wrap(c, a2 + (uint32_t)(hit - p));
            c->cc = 1;
            return;
        }
        a2 = wrap(c, a2 + n);
        done += n;
    }
    c->cc = 2;   /* not found: registers unchanged */
}

/* ---- COMPARE UNTIL SUBSTRING EQUAL ---- */

/* One byte of a CUSE operand, the pad byte past its end. */
static uint8_t cuse_byte(struct cpu *c, const struct long_operand *o, uint8_t pad)
{
    return o->len ? vfetch1(c, o->addr, o->r) : pad;
}

static void cuse_step(struct cpu *c, struct long_operand *o)
{
    if (o->len)
        long_advance(c, o, 1);
}

void op_CUSE(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if ((r1 | r2) & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    unsigned sublen = c->gr[0] & 0xFF;
    uint8_t pad = (uint8_t)c->gr[1];
    struct long_operand a, b;
    long_load(c, r1, LEN32, &a);
    long_load(c, r2, LEN32, &b);
    if (sublen == 0) {
        c->cc = 0;
        return;
    }
    if (!a.len && !b.len) {
        c->cc = 2;
        return;
    }
    /* sa, sb: where the current run of equal bytes started. */
    struct long_operand sa = a, sb = b;
    unsigned equal = 0;
    uint32_t done = 0;
    bool stopped = false;
    while ((a.len || b.len) && equal < sublen) {
        if (done++ >= CPU_AMOUNT) {
            stopped = true;
            break;
        }
        if (cuse_byte(c, &a, pad) == cuse_byte(c, &b, pad)) {
            if (equal++ == 0) {
                sa = a;
                sb = b;
            }
        } else {
            equal = 0;
        }
        cuse_step(c, &a);
        cuse_step(c, &b);
    }
    /* A run in progress is resumed from its start (it is shorter than
       the amount, so CC 3 still makes progress). */
    long_store(c, equal ? &sa : &a);
    long_store(c, equal ? &sb : &b);
    c->cc = stopped ? 3 : equal == sublen ? 0 : equal ? 1 : 2;
}

/* ---- CHECKSUM ---- */

/* One's-complement sum: fold the carries back in (end-around carry). */
static uint32_t fold(uint64_t sum)
{
    while (sum >> 32)
        sum = (sum & 0xFFFFFFFFu) + (sum >> 32);
    return (uint32_t)sum;
}

void op_CKSM(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    if (r2 & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    struct long_operand s;
    long_load(c, r2, LEN32, &s);
    uint32_t done = 0;
    while (s.len && done < CPU_AMOUNT) {
        uint64_t sum = c->gr[r1];
        uint32_t n = min_u32(min_u32(s.len, page_room(s.addr)), CPU_AMOUNT - done) & ~3u;
        if (n) {
            const uint8_t *p = vptr(c, s.addr, r2, ACC_FETCH);
            for (uint32_t i = 0; i < n; i += 4)
                sum += be32(p + i);
        } else {
            /* A word crossing a page, or the last 1-3 bytes padded on
               the right with zeros. */
            uint8_t w[4] = { 0 };
            n = min_u32(s.len, 4);
            vfetch_bytes(c, s.addr, r2, w, n);
            sum += be32(w);
        }
        long_advance(c, &s, n);
        done += n;
        c->gr[r1] = fold(sum);
        long_store(c, &s);
    }
    long_store(c, &s);
    c->cc = s.len ? 3 : 0;
}

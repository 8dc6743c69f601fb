/*
 * Translation and conversion: TRANSLATE EXTENDED, the extended-translation
 * facility 2 instructions TRANSLATE ONE TO ONE / ONE TO TWO / TWO TO ONE /
 * TWO TO TWO (z/Architecture POP, usable in ESA/390 mode), and CONVERT
 * UNICODE TO UTF-8 / UTF-8 TO UNICODE.  All end with CC 3 after a
 * CPU-determined amount and keep their registers at the progress made, so
 * an access exception in the middle leaves nothing to redo.
 */
#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "long_ops.h"

static void require_even(struct cpu *c, unsigned mask)
{
    if (mask & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
}

/* ---- TRANSLATE EXTENDED ---- */

void op_TRE(struct cpu *c, const uint8_t *ip)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    require_even(c, (unsigned)r1);
    struct long_operand o;
    long_load(c, r1, LEN32, &o);
    if (!o.len) {
        c->cc = 0;
        return;
    }
    uint8_t test = (uint8_t)c->gr[0];
    /* Access exceptions for the whole 256-byte table may be recognized. */
    uint8_t table[256];
    vfetch_bytes(c, c->gr[r2] & c->amask, r2, table, sizeof table);
    uint32_t done = 0;
    while (o.len) {
        if (done >= CPU_AMOUNT) {
            c->cc = 3;
            return;
        }
        uint32_t n = min_u32(min_u32(o.len, page_room(o.addr)), CPU_AMOUNT - done);
        uint8_t *p = vptr(c, o.addr, r1, ACC_STORE);
        uint32_t i = 0;
        for (; i < n && p[i] != test; i++)
            p[i] = table[p[i]];
        long_advance(c, &o, i);
        long_store(c, &o);
        if (i < n) {
            c->cc = 1;   /* the test byte: registers address it */
            return;
        }
        done += n;
    }
    c->cc = 0;
}

/* ---- TROO, TROT, TRTO, TRTT ---- */

static uint32_t fetch_char(struct cpu *c, uint32_t ea, int arn, unsigned size)
{
    return size == 1 ? vfetch1(c, ea, arn) : vfetch2(c, ea, arn);
}

/*
 * Characters of `ssize` bytes at R2 are translated through the table at
 * GR1 into characters of `dsize` bytes at R1; R1+1 holds the length of
 * the second operand.  A function character equal to the test character
 * in GR0 ends the operation with CC 1 without being stored.
 */
static void translate_chars(struct cpu *c, const uint8_t *ip, unsigned ssize, unsigned dsize)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    require_even(c, (unsigned)r1);
    uint32_t len = c->gr[r1 + 1];
    if (ssize == 2)
        require_even(c, len);
    /* One-byte arguments index a doubleword-aligned table, two-byte ones
       a 4K-aligned table. */
    uint32_t table = c->gr[1] & c->amask & (ssize == 1 ? ~7u : PAGE_MASK);
    uint32_t test = dsize == 1 ? (c->gr[0] & 0xFF) : (c->gr[0] & 0xFFFF);
    uint32_t a1 = c->gr[r1] & c->amask, a2 = c->gr[r2] & c->amask;
    for (uint32_t done = 0; len; done += ssize) {
        if (done >= CPU_AMOUNT) {
            c->cc = 3;
            return;
        }
        uint32_t arg = fetch_char(c, a2, r2, ssize);
        uint32_t fn = fetch_char(c, (table + arg * dsize) & c->amask, 1, dsize);
        if (fn == test) {
            c->cc = 1;
            return;
        }
        if (dsize == 1)
            vstore1(c, a1, r1, (uint8_t)fn);
        else
            vstore2(c, a1, r1, (uint16_t)fn);
        a1 = (a1 + dsize) & c->amask;
        a2 = (a2 + ssize) & c->amask;
        len -= ssize;
        c->gr[r1] = a1;
        c->gr[r1 + 1] = len;
        c->gr[r2] = a2;
    }
    c->cc = 0;
}

void op_TROO(struct cpu *c, const uint8_t *ip) { translate_chars(c, ip, 1, 1); }
void op_TROT(struct cpu *c, const uint8_t *ip) { translate_chars(c, ip, 1, 2); }
void op_TRTO(struct cpu *c, const uint8_t *ip) { translate_chars(c, ip, 2, 1); }
void op_TRTT(struct cpu *c, const uint8_t *ip) { translate_chars(c, ip, 2, 2); }

/* ---- CONVERT UNICODE TO UTF-8, CONVERT UTF-8 TO UNICODE ---- */

/* One character converted: its source and result bytes. */
struct conversion {
    uint32_t used;      /* source bytes; 0: the source ends inside it */
    uint32_t n;         /* result bytes */
    uint8_t out[4];
    bool invalid;       /* not a valid first byte (UTF-8) */
};

static void encode_utf8(struct conversion *cv, uint32_t cp)
{
    if (cp < 0x80) {
        cv->out[0] = (uint8_t)cp;
        cv->n = 1;
    } else if (cp < 0x800) {
        cv->out[0] = (uint8_t)(0xC0 | cp >> 6);
        cv->out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        cv->n = 2;
    } else if (cp < 0x10000) {
        cv->out[0] = (uint8_t)(0xE0 | cp >> 12);
        cv->out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        cv->out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        cv->n = 3;
    } else {
        cv->out[0] = (uint8_t)(0xF0 | cp >> 18);
        cv->out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        cv->out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        cv->out[3] = (uint8_t)(0x80 | (cp & 0x3F));
        cv->n = 4;
    }
}

/* A Unicode character; a high surrogate (D800-DBFF) and the next unit
   form one character of four UTF-8 bytes (the low one is not checked). */
static void from_unicode(struct cpu *c, uint32_t a2, int r2, uint32_t len2, struct conversion *cv)
{
    cv->used = 0;
    cv->invalid = false;
    if (len2 < 2)
        return;
    uint32_t u = vfetch2(c, a2, r2);
    if (u < 0xD800 || u > 0xDBFF) {
        cv->used = 2;
        encode_utf8(cv, u);
        return;
    }
    if (len2 < 4)
        return;
    uint32_t lo = vfetch2(c, (a2 + 2) & c->amask, r2);
    cv->used = 4;
    encode_utf8(cv, 0x10000 + ((u & 0x3FF) << 10) + (lo & 0x3FF));
}

static void put_unicode(struct conversion *cv, unsigned i, uint32_t u)
{
    cv->out[i] = (uint8_t)(u >> 8);
    cv->out[i + 1] = (uint8_t)u;
}

/* Length of a UTF-8 character from its first byte, 0 if invalid. */
static uint32_t utf8_length(uint8_t b)
{
    return b < 0x80 ? 1 : b < 0xC0 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 0;
}

/* A UTF-8 character; the continuation bytes contribute their low six
   bits unchecked; four bytes give a surrogate pair. */
static void from_utf8(struct cpu *c, uint32_t a2, int r2, uint32_t len2, struct conversion *cv)
{
    cv->used = 0;
    cv->invalid = false;
    if (!len2)
        return;
    uint8_t b[4];
    b[0] = vfetch1(c, a2, r2);
    uint32_t k = utf8_length(b[0]);
    if (!k) {
        cv->invalid = true;
        return;
    }
    if (len2 < k)
        return;
    for (uint32_t i = 1; i < k; i++)
        b[i] = vfetch1(c, (a2 + i) & c->amask, r2);
    cv->used = k;
    cv->n = 2;
    switch (k) {
    case 1:
        put_unicode(cv, 0, b[0]);
        break;
    case 2:
        put_unicode(cv, 0, (uint32_t)(b[0] & 0x1F) << 6 | (b[1] & 0x3F));
        break;
    case 3:
        put_unicode(cv, 0, (uint32_t)(b[0] & 0x0F) << 12 | (uint32_t)(b[1] & 0x3F) << 6 | (b[2] & 0x3F));
        break;
    default: {
        uint32_t plane = ((uint32_t)(b[0] & 0x07) << 2 | (b[1] & 0x30) >> 4) - 1;
        put_unicode(cv, 0, 0xD800 | (plane & 0xF) << 6 | (uint32_t)(b[1] & 0x0F) << 2 | (b[2] & 0x30) >> 4);
        put_unicode(cv, 2, 0xDC00 | (uint32_t)(b[2] & 0x0F) << 6 | (b[3] & 0x3F));
        cv->n = 4;
        break;
    }
    }
}

typedef void convert_fn(struct cpu *c, uint32_t a2, int r2, uint32_t len2, struct conversion *cv);

/*
 * Convert characters from the second operand (R2, R2+1) into the first
 * (R1, R1+1).  CC 0: the second operand is used up (a character cut off
 * at its end is left there); CC 1: the first operand has no room for the
 * next result; CC 2: an invalid UTF-8 byte; CC 3: the CPU-determined
 * amount.  The registers address the next character in every case.
 */
static void convert(struct cpu *c, const uint8_t *ip, convert_fn *next)
{
    int r1 = RRE_R1(ip), r2 = RRE_R2(ip);
    require_even(c, (unsigned)(r1 | r2));
    struct long_operand d, s;
    long_load(c, r1, LEN32, &d);
    long_load(c, r2, LEN32, &s);
    for (uint32_t done = 0;; done += 4) {
        if (done >= CPU_AMOUNT) {
            c->cc = 3;
            return;
        }
        struct conversion cv;
        next(c, s.addr, r2, s.len, &cv);
        if (cv.invalid || !cv.used) {
            c->cc = cv.invalid ? 2 : 0;
            return;
        }
        if (d.len < cv.n) {
            c->cc = 1;
            return;
        }
        vstore_bytes(c, d.addr, r1, cv.out, cv.n);
        long_advance(c, &d, cv.n);
        long_advance(c, &s, cv.used);
        long_store(c, &d);
        long_store(c, &s);
    }
}

void op_CUUTF(struct cpu *c, const uint8_t *ip) { convert(c, ip, from_unicode); }
void op_CUTFU(struct cpu *c, const uint8_t *ip) { convert(c, ip, from_utf8); }

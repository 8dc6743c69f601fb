/*
 * EDIT and EDIT AND MARK (SA22-7201 chapter 8).
 *
 * The pattern (first operand) is edited left to right into a copy, with
 * source digits fetched one byte at a time as digit selectors and
 * significance starters call for them (access and data exceptions arise
 * only for source bytes actually used).  The result is stored when the
 * pattern is done, so an exception leaves storage and GR1 unchanged.
 * Overlapping pattern and source give unpredictable results by definition.
 */
#include "decimal.h"
#include "insn.h"
#include "interrupt.h"

#define ED_DIGIT_SELECTOR      0x20
#define ED_SIGNIFICANCE_START  0x21
#define ED_FIELD_SEPARATOR     0x22

struct edit_state {
    uint32_t src;          /* address of the next source byte */
    int b2;
    uint8_t right;         /* right digit of the last source byte ... */
    bool have_right;       /* ... not used yet */
    bool sig;              /* significance indicator */
    bool nonzero;          /* a nonzero digit in the current field */
    bool marked;           /* EDMK: a first significant digit was stored ... */
    uint32_t mark;         /* ... at this address */
};

/* A digit selector or significance starter at pattern byte *p (address
   addr): the next source digit replaces it, or the fill byte does. */
static void edit_digit(struct cpu *c, struct edit_state *e, uint8_t *p, uint32_t addr, uint8_t fill)
{
    uint8_t control = *p;
    unsigned digit;
    bool plus = false;
    if (e->have_right) {
        digit = e->right;
        e->have_right = false;
    } else {
        uint8_t b = vfetch1(c, e->src, e->b2);
        e->src = (e->src + 1) & c->amask;
        digit = b >> 4;
        if (digit > 9)
            cpu_data_exception(c, DXC_DECIMAL);
        /* The right half is a sign, examined now, or the next digit. */
        e->right = b & 0x0F;
        e->have_right = e->right <= 9;
        plus = sign_is_plus(e->right);
    }
    if (digit)
        e->nonzero = true;
    if (e->sig || digit) {
        if (!e->sig) {
            e->marked = true;
            e->mark = addr;
        }
        *p = (uint8_t)(0xF0 | digit);
    } else {
        *p = fill;
    }
    if (digit || control == ED_SIGNIFICANCE_START)
        e->sig = true;
    /* A plus sign ends significance (and so marks a positive field); a
       minus sign leaves the indicator as it is. */
    if (plus)
        e->sig = false;
}

static void edit(struct cpu *c, const uint8_t *ip, bool edmk)
{
    unsigned len = ip[1] + 1u;
    uint32_t a1 = addr_bd(c, ip + 2);
    struct vspan pat;
    vspan_get(c, &pat, a1, len, BASE(ip + 2), ACC_STORE);
    uint8_t buf[256];
    vspan_read(&pat, buf);
    struct edit_state e = { .src = addr_bd(c, ip + 4), .b2 = BASE(ip + 4) };
    uint8_t fill = buf[0];
    for (unsigned i = 0; i < len; i++) {
        uint8_t *p = &buf[i];
        if (*p == ED_DIGIT_SELECTOR || *p == ED_SIGNIFICANCE_START) {
            edit_digit(c, &e, p, (a1 + i) & c->amask, fill);
        } else if (*p == ED_FIELD_SEPARATOR) {
            *p = fill;
            e.sig = false;
            e.nonzero = false;
        } else if (!e.sig) {
            *p = fill;   /* a message byte before significance */
        }
    }
    vspan_write(&pat, buf);
    /* The CC describes the last field: zero, or by the indicator (left on
       by a minus sign) negative or positive. */
    c->cc = !e.nonzero ? 0 : e.sig ? 1 : 2;
    /* EDMK: GR1 gets the address of the last first significant digit: in
       bits 8-31 with bits 0-7 unchanged (24-bit mode), or in bits 1-31
       with bit 0 set to zero (31-bit mode). */
    if (edmk && e.marked)
        c->gr[1] = c->amask == 0x7FFFFFFFu ? e.mark : (c->gr[1] & 0xFF000000u) | e.mark;
}

void op_ED(struct cpu *c, const uint8_t *ip) { edit(c, ip, false); }
void op_EDMK(struct cpu *c, const uint8_t *ip) { edit(c, ip, true); }

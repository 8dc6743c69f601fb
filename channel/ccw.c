/* The CCW interpreter (SA22-7201 chapter 15, "Execution of I/O Operations"). */
#include "ccw.h"

#include <stdlib.h>
#include <string.h>

#define CMD_TIC_MASK 0x0F
#define IDAW_BLOCK   0x800u        /* an IDAW addresses at most one 2K block */
#define FETCH_ABORT  0x100         /* fetch_ccw: max_ccws reached */

/* One CCW as fetched (either format). */
struct ccw {
    uint32_t addr;     /* where it is */
    uint8_t cmd;
    uint8_t flags;
    uint16_t count;
    uint32_t data;
    uint32_t end;      /* in a command: its data bytes through this CCW */
};

/* A run of storage bytes within one 4K frame.  Backward runs (READ
   BACKWARD) receive their first byte at the highest address. */
struct piece {
    uint32_t lo;
    uint32_t len;
    bool skip;
};

/* One command: its data-chained CCWs and their storage. */
struct command {
    struct ccw *seg;
    size_t nseg, segcap;
    struct piece *pc;
    size_t npc, pccap;
    uint32_t total;        /* bytes of all fetched CCWs */
    uint32_t valid;        /* bytes before the first error (or the cap) */
    uint8_t err;           /* SS_PROG or SS_PROT at byte `valid`, 0 none */
    size_t err_seg;        /* which CCW the error belongs to */
    bool input, backward, oom;
};

struct walk {
    const struct ccw_program *p;
    uint32_t ccws;
    bool prev_tic;
};

static bool key_allows(const struct mainstor *ms, uint32_t abs, uint8_t key, bool store)
{
    uint8_t sk = ms->skey[abs >> PAGE_SHIFT];
    if (key == 0 || (sk >> 4) == key)
        return true;
    return !store && !(sk & SKEY_F);
}

/* Fetch a 4-byte or 8-byte control word (CCW, IDAW) for the channel. */
static uint8_t fetch_control(const struct ccw_program *p, uint32_t addr, uint32_t len, uint8_t *out)
{
    if (!storage_valid(p->ms, addr, len))
        return SS_PROG;
    if (!key_allows(p->ms, addr, p->key, false))
        return SS_PROT;
    storage_mark_ref(p->ms, addr);
    memcpy(out, p->ms->mem + addr, len);
    return 0;
}

static void decode_ccw(const uint8_t *b, bool fmt1, struct ccw *c)
{
    c->cmd = b[0];
    if (fmt1) {
        c->flags = b[1];
        c->count = be16(b + 2);
        c->data = be32(b + 4);
    } else {
        c->flags = b[4];
        c->count = be16(b + 6);
        c->data = (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    }
}

static bool is_tic(const struct ccw *c)
{
    return (c->cmd & CMD_TIC_MASK) == CCW_CMD_TIC;
}

/* Fetch the CCW at *addr, following TICs (*addr ends at the CCW that is
   not a TIC).  Returns 0, a subchannel-status bit or FETCH_ABORT. */
static int fetch_ccw(struct walk *w, uint32_t *addr, struct ccw *c)
{
    const struct ccw_program *p = w->p;
    for (;;) {
        if (p->max_ccws && w->ccws >= p->max_ccws)
            return FETCH_ABORT;
        w->ccws++;
        uint8_t raw[8];
        if ((*addr & 7) || *addr > (p->fmt1 ? 0x7FFFFFFFu : 0x00FFFFFFu))
            return SS_PROG;
        uint8_t ss = fetch_control(p, *addr, 8, raw);
        if (ss)
            return ss;
        decode_ccw(raw, p->fmt1, c);
        c->addr = *addr;
        if (!is_tic(c)) {
            w->prev_tic = false;
            return 0;
        }
        /* A TIC may not designate another TIC, and its address must be a
           doubleword boundary (format 1: bit 0 zero, as for all data). */
        if (w->prev_tic || (c->data & 7) || (p->fmt1 && (c->data & 0x80000000u)))
            return SS_PROG;
        w->prev_tic = true;
        *addr = c->data;
    }
}

/* Program-check conditions of a CCW other than a TIC. */
static uint8_t check_ccw(const struct ccw_program *p, const struct ccw *c, bool data_chained)
{
    if (c->flags & CCW_FLAG_ZERO)
        return SS_PROG;
    if (!data_chained && (c->cmd & 0x0F) == 0)
        return SS_PROG;                 /* invalid command code */
    if (p->fmt1 && (c->data & 0x80000000u))
        return SS_PROG;                 /* invalid data address */
    if (c->count == 0 && (!p->fmt1 || data_chained || (c->flags & CCW_FLAG_CD)))
        return SS_PROG;                 /* invalid count */
    if ((c->flags & CCW_FLAG_S) && (!p->suspend_ctl || data_chained))
        return SS_PROG;                 /* suspend flag not allowed */
    if ((c->flags & CCW_FLAG_IDA) && (c->data & 3))
        return SS_PROG;                 /* IDAW list not on a word boundary */
    return 0;
}

static bool grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap * 2 : 8;
    void *a = realloc(*arr, n * elem);
    if (!a)
        return false;
    *arr = a;
    *cap = n;
    return true;
}

static void fail_at(struct command *x, uint8_t ss)
{
    x->err = ss;
    x->err_seg = x->nseg - 1;
}

static bool add_piece(struct command *x, uint32_t lo, uint32_t len, bool skip)
{
    if (!grow((void **)&x->pc, &x->pccap, x->npc + 1, sizeof *x->pc)) {
        x->oom = true;
        return false;
    }
    x->pc[x->npc++] = (struct piece){ .lo = lo, .len = len, .skip = skip };
    x->valid += len;
    return true;
}

/* Is a data address outside the address limit? */
static bool beyond_limit(const struct ccw_program *p, uint64_t abs)
{
    switch (p->limit_mode) {
    case LIMIT_BELOW_INVALID: return abs < p->limit;
    case LIMIT_ABOVE_INVALID: return abs >= p->limit;
    default: return false;
    }
}

/* Check the data frame holding abs: 0 or the subchannel status it causes.
   Storage sizes, the 24-bit and 31-bit spaces and the address limit (a
   64K boundary) all end at frame boundaries, so one byte stands for all. */
static uint8_t check_frame(const struct ccw_program *p, const struct command *x, uint64_t abs,
                           uint64_t space)
{
    if (abs >= space || !storage_valid(p->ms, abs, 1) || beyond_limit(p, abs))
        return SS_PROG;
    return key_allows(p->ms, (uint32_t)abs, p->key, x->input) ? 0 : SS_PROT;
}

/* Add `len` data bytes whose first transfer byte is at `first` (the
   lowest address, or the highest for READ BACKWARD), one piece per frame.
   Returns false at an error (recorded in x). */
static bool add_data(const struct ccw_program *p, struct command *x, uint64_t first,
                     uint32_t len, uint64_t space)
{
    while (len) {
        uint64_t lo, n;
        if (x->backward) {
            n = (first & ~PAGE_MASK) + 1;
            n = n < len ? n : len;
            lo = first + 1 - n;
        } else {
            lo = first;
            n = PAGE_SIZE - (first & ~PAGE_MASK);
            n = n < len ? n : len;
        }
        uint8_t ss = check_frame(p, x, first, space);
        if (ss) {
            fail_at(x, ss);
            return false;
        }
        if (!add_piece(x, (uint32_t)lo, (uint32_t)n, false))
            return false;
        if (x->backward && lo == 0 && len > n) {
            fail_at(x, SS_PROG);   /* would go below address 0 */
            return false;
        }
        first = x->backward ? lo - 1 : lo + n;
        len -= (uint32_t)n;
    }
    return true;
}

/* The data of one CCW through its IDAW list (31-bit IDAWs, 2K blocks). */
static bool add_idaw_data(const struct ccw_program *p, struct command *x, const struct ccw *c)
{
    uint32_t left = c->count, list = c->data;
    for (bool first = true; left; first = false, list += 4) {
        uint8_t raw[4];
        uint8_t ss = fetch_control(p, list, 4, raw);
        uint32_t a = be32(raw);
        uint32_t off = a & (IDAW_BLOCK - 1);
        if (!ss && ((a & 0x80000000u) ||
                    (!first && off != (x->backward ? IDAW_BLOCK - 1 : 0))))
            ss = SS_PROG;
        if (ss) {
            fail_at(x, ss);
            return false;
        }
        uint32_t n = x->backward ? off + 1 : IDAW_BLOCK - off;
        n = n < left ? n : left;
        if (!add_data(p, x, a, n, 0x80000000u))
            return false;
        left -= n;
    }
    return true;
}

/* Append a CCW to the command and map its data.  False: stop chaining. */
static bool add_segment(const struct ccw_program *p, struct command *x, const struct ccw *c)
{
    if (!grow((void **)&x->seg, &x->segcap, x->nseg + 1, sizeof *x->seg)) {
        x->oom = true;
        return false;
    }
    x->total += c->count;
    x->seg[x->nseg] = *c;
    x->seg[x->nseg++].end = x->total;
    if (x->valid + (uint64_t)c->count > CCW_MAX_XFER)
        return false;
    if (x->input && (c->flags & CCW_FLAG_SKIP))
        return add_piece(x, 0, c->count, true);
    if (c->flags & CCW_FLAG_IDA)
        return add_idaw_data(p, x, c);
    return add_data(p, x, c->data, c->count, p->fmt1 ? 0x80000000u : 0x01000000u);
}

/* Gather the command starting with CCW c and its data chain.  Returns
   FETCH_ABORT if max_ccws ran out, else 0 (errors are recorded in x). */
static int assemble(struct walk *w, struct command *x, const struct ccw *c)
{
    const struct ccw_program *p = w->p;
    x->input = ccw_is_read(c->cmd) || ccw_is_sense(c->cmd) || ccw_is_read_backward(c->cmd);
    x->backward = ccw_is_read_backward(c->cmd);
    if (!add_segment(p, x, c))
        return 0;
    while (x->seg[x->nseg - 1].flags & CCW_FLAG_CD) {
        struct ccw next;
        uint32_t addr = x->seg[x->nseg - 1].addr + 8;
        int ss = fetch_ccw(w, &addr, &next);
        if (ss == FETCH_ABORT)
            return ss;
        if (!ss)
            ss = check_ccw(p, &next, true);
        if (ss) {
            /* the failing CCW counts as the one in use */
            next = (struct ccw){ .addr = addr };
            if (add_segment(p, x, &next))
                fail_at(x, (uint8_t)ss);
            return 0;
        }
        if (!add_segment(p, x, &next))
            return 0;
    }
    return 0;
}

static void free_command(struct command *x)
{
    free(x->seg);
    free(x->pc);
}

/* Move data between the command buffer and storage; buf NULL: the device
   stored into guest storage itself (direct_area), only the change is
   recorded. */
static void transfer(const struct ccw_program *p, const struct command *x, uint8_t *buf,
                     uint32_t used, bool to_storage)
{
    uint32_t off = 0;
    for (size_t i = 0; i < x->npc && off < used; i++) {
        const struct piece *pc = &x->pc[i];
        uint32_t n = pc->len < used - off ? pc->len : used - off;
        if (!pc->skip) {
            uint8_t *mem = p->ms->mem + pc->lo;
            if (!to_storage) {
                memcpy(buf + off, mem, n);
                storage_mark_ref(p->ms, pc->lo);
            } else if (x->backward) {
                for (uint32_t k = 0; k < n; k++)
                    mem[pc->len - 1 - k] = buf[off + k];
                storage_mark_change(p->ms, pc->lo);
            } else {
                if (buf)
                    memcpy(mem, buf + off, n);
                storage_mark_change(p->ms, pc->lo);
            }
        }
        off += n;
    }
}

/* The guest storage an input command's data go to, when it is one run of
   storage read forward (no skipping, no gaps between data-chained areas or
   IDAW blocks): the device then stores into it directly, saving a copy.
   Devices store only the bytes they report as transferred (device.h), so
   nothing else in the area changes. */
static uint8_t *direct_area(const struct ccw_program *p, const struct command *x)
{
    if (!x->input || x->backward || x->npc == 0)
        return NULL;
    for (size_t i = 0; i < x->npc; i++)
        if (x->pc[i].skip || (i && x->pc[i].lo != x->pc[i - 1].lo + x->pc[i - 1].len))
            return NULL;
    return p->ms->mem + x->pc[0].lo;
}

/* The CCW in use when the device stopped after `used` bytes: the first
   whose data goes beyond them (a CCW whose count is exhausted has already
   chained to the next one). */
static size_t segment_in_use(const struct command *x, uint32_t used)
{
    for (size_t i = 0; i < x->nseg; i++)
        if (x->seg[i].end > used)
            return i;
    return x->nseg - 1;
}

static bool aborting(const struct ccw_program *p)
{
    return p->hooks && p->hooks->abort && p->hooks->abort(p->hctx);
}

static void intermediate(const struct ccw_program *p, uint32_t ccw_addr, bool initial)
{
    if (p->hooks && p->hooks->intermediate)
        p->hooks->intermediate(p->hctx, ccw_addr, initial);
}

/* Hand the command to the device unless its data fail at the first byte.
   Returns the bytes the device used, or -1 when out of memory. */
static int64_t run_device(const struct ccw_program *p, const struct command *x,
                          struct dev_cmd *cmd)
{
    if (x->err && x->valid == 0)
        return 0;
    uint8_t *direct = direct_area(p, x);
    size_t size = x->valid ? x->valid : 1;
    /* output data fill the whole buffer; input leaves zeros where the
       device stores nothing */
    cmd->data = direct ? direct : x->input ? calloc(1, size) : malloc(size);
    if (!cmd->data)
        return -1;
    if (!x->input)
        transfer(p, x, cmd->data, x->valid, false);
    p->dev->ops->execute(p->dev, cmd);
    uint32_t used = x->valid - (cmd->residual < x->valid ? cmd->residual : x->valid);
    if (x->input)
        transfer(p, x, direct ? NULL : cmd->data, used, true);
    if (!direct)
        free(cmd->data);
    return used;
}

/* How the command ended, into st; true (with *next) if command chaining
   goes on. */
static bool command_end(const struct ccw_program *p, const struct command *x,
                        const struct dev_cmd *cmd, uint32_t used, struct ccw_status *st,
                        uint32_t *next)
{
    bool reached_error = x->err && used == x->valid;
    size_t L = reached_error ? x->err_seg : segment_in_use(x, used);
    for (size_t i = 1; i <= L; i++)
        if (x->seg[i].flags & CCW_FLAG_PCI)
            intermediate(p, x->seg[i].addr + 8, false);
    const struct ccw *last = &x->seg[L];
    st->ccw_addr = last->addr + 8;
    st->count = reached_error ? 0 : (uint16_t)(last->end - used);
    st->dstat = cmd->status;
    if (aborting(p)) {
        st->end = CCW_ABORTED;
        return false;
    }
    if (reached_error) {
        st->sstat |= x->err;
        return false;
    }
    /* An immediate operation (a control command the device carries out
       without data, such as NO-OPERATION) has no incorrect length; a
       rejected command (unit check) is not one. */
    bool immediate = ccw_is_control(cmd->code) && used == 0 && !cmd->more &&
                     !(cmd->status & US_UC);
    if ((used < x->total || (cmd->more && used == x->total)) &&
        !(last->flags & CCW_FLAG_SLI) && !immediate) {
        st->sstat |= SS_IL;
        return false;
    }
    if ((cmd->status & ~US_SM) != (US_CE | US_DE) || !(last->flags & CCW_FLAG_CC))
        return false;
    *next = last->addr + ((cmd->status & US_SM) ? 16 : 8);
    return true;
}

/* Execute one command (with its data chain).  Returns true if command
   chaining continues at *next. */
static bool run_command(struct walk *w, const struct ccw *c, bool first, struct ccw_status *st,
                        uint32_t *next)
{
    const struct ccw_program *p = w->p;
    struct command x = { 0 };
    bool go_on = false;
    if (assemble(w, &x, c) == FETCH_ABORT || x.oom) {
        st->end = CCW_ABORTED;
    } else {
        struct dev_cmd cmd = { .code = c->cmd, .count = x.valid, .first = first && !p->resumed,
                               .chained = !x.err && (x.seg[x.nseg - 1].flags & CCW_FLAG_CC) };
        int64_t used = run_device(p, &x, &cmd);
        if (used < 0)
            st->end = CCW_ABORTED;
        else
            go_on = command_end(p, &x, &cmd, (uint32_t)used, st, next);
    }
    free_command(&x);
    return go_on;
}

void ccw_execute(const struct ccw_program *p, struct ccw_status *st)
{
    memset(st, 0, sizeof *st);
    struct walk w = { .p = p };
    uint32_t addr = p->ccw_addr;
    st->ccw_addr = addr;
    for (bool first = true;; first = false) {
        /* A halt takes effect at the device for the first command, and
           between commands on chaining. */
        if (!first && aborting(p)) {
            st->end = CCW_ABORTED;
            break;
        }
        struct ccw c;
        int ss;
        if (first && p->first_ccw) {
            decode_ccw(p->first_ccw, false, &c);
            c.addr = addr;
            ss = 0;
        } else {
            ss = fetch_ccw(&w, &addr, &c);
        }
        if (ss == FETCH_ABORT) {
            st->end = CCW_ABORTED;
            break;
        }
        if (!ss)
            ss = check_ccw(p, &c, false);
        if (ss) {
            /* The program ends at the failing CCW; the device status is
               that of the previous command (none for the first). */
            st->sstat |= (uint8_t)ss;
            st->ccw_addr = addr + 8;
            st->count = 0;
            break;
        }
        if ((c.flags & CCW_FLAG_S) &&
            !(p->hooks && p->hooks->resume_pending && p->hooks->resume_pending(p->hctx))) {
            st->end = CCW_SUSPENDED;
            st->ccw_addr = addr + 8;
            st->count = c.count;
            st->dstat = 0;
            break;
        }
        if (c.flags & CCW_FLAG_PCI)
            intermediate(p, addr + 8, false);
        if (first && p->initial_status && !p->resumed)
            intermediate(p, addr + 8, true);
        if (!run_command(&w, &c, first, st, &addr))
            break;
    }
    st->ccws = w.ccws;
}

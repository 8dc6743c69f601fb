/* The channel-subsystem side of the I/O instructions (SA22-7201 chapter 14). */
#include "subchannel.h"

#include <sched.h>
#include <string.h>

#include "ccw.h"
#include "cpu/interrupt.h"

#define CRW_CHANNEL_PATH 0x04000000u   /* reporting-source code 4 */
#define CRW_SOLICITED    0x40000000u
#define CRW_INITIALIZED  0x00020000u   /* error-recovery code 2 */

/* ---- the architected blocks ---- */

static void put_pmcw(const struct subchannel *s, uint8_t *b)
{
    const struct pmcw *p = &s->pmcw;
    memset(b, 0, PMCW_SIZE);
    put_be32(b, p->intparm);
    put_be32(b + 4, (uint32_t)p->isc << PMCW_ISC_SHIFT | (p->enabled ? PMCW_E : 0) |
                    (uint32_t)p->lm << PMCW_LM_SHIFT | (uint32_t)p->mm << PMCW_MM_SHIFT |
                    (p->multipath ? PMCW_D : 0) | PMCW_V | s->dev->devnum);
    b[8] = p->lpm;
    b[9] = p->pnom;
    b[10] = p->lpum;
    b[11] = p->pim;
    put_be16(b + 12, p->mbi);
    b[14] = p->pom;
    b[15] = p->pam;
    memcpy(b + 16, p->chpid, 8);
}

static void put_scsw(const struct scsw *w, uint8_t *b)
{
    put_be32(b, w->flags);
    put_be32(b + 4, w->ccw_addr);
    b[8] = w->dstat;
    b[9] = w->sstat;
    put_be16(b + 10, w->count);
}

/* The IRB: SCSW, extended-status word (the last-path-used mask for status
   of a start function) and a zero extended-control word. */
static void put_irb(const struct subchannel *s, uint8_t *b)
{
    memset(b, 0, IO_IRB_SIZE);
    put_scsw(&s->scsw, b);
    if (s->scsw.flags & SCSW_FC_START)
        b[SCSW_SIZE + 1] = s->pmcw.lpum;
}

/* ---- condition-code rules shared by several instructions ---- */

static bool status_pending(const struct subchannel *s)
{
    return s->scsw.flags & SCSW_SC_PEND;
}

/* Is the subchannel status pending with only intermediate status while
   its start function goes on (running, suspended, resume pending)? */
static bool intermediate_only(const struct scsw *w)
{
    uint32_t sc = w->flags & SCSW_SC;
    return (sc & SCSW_SC_INTER) && !(sc & (SCSW_SC_ALERT | SCSW_SC_PRI | SCSW_SC_SEC)) &&
           (w->flags & SCSW_AC);
}

/* Look up the subchannel under the lock; NULL (lock released) if it is
   not installed. */
static struct subchannel *lock_subchannel(struct css *css, uint32_t ssid)
{
    pthread_mutex_lock(&css->lock);
    struct subchannel *s = css_subchannel(css, ssid);
    if (!s)
        pthread_mutex_unlock(&css->lock);
    return s;
}

/* ---- START SUBCHANNEL ---- */

static int start_cc(const struct subchannel *s, uint8_t lpm)
{
    if (!s->pmcw.enabled || !(lpm & s->pmcw.pam & s->pmcw.pim))
        return 3;
    if (status_pending(s))
        return 1;
    if (s->scsw.flags & SCSW_FC)
        return 2;
    return 0;
}

static int io_start(void *ctx, uint32_t ssid, const uint8_t *orb)
{
    struct css *css = ctx;
    uint32_t w1 = be32(orb + 4), ccw = be32(orb + 8);
    if ((w1 & ORB_RESERVED) || (ccw & 0x80000000u))
        return -PGM_OPERAND;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    uint8_t lpm = (uint8_t)(w1 >> ORB_LPM_SHIFT);
    int cc = start_cc(s, lpm);
    if (cc == 0) {
        s->pmcw.intparm = be32(orb);
        s->pmcw.lpm = lpm;
        s->orb_ccw = ccw;
        s->scsw = (struct scsw){ .flags = (w1 & ORB_TO_SCSW) | SCSW_FC_START | SCSW_AC_START,
                                 .ccw_addr = ccw };
        sch_measure_start(s);
        sch_wake(s);
    }
    css_unlock(css);
    return cc;
}

/* ---- TEST SUBCHANNEL ---- */

/* Clear the status TSCH has stored: all of it at the end of a function,
   only the intermediate status while the start function goes on. */
static void clear_status(struct subchannel *s)
{
    struct scsw *w = &s->scsw;
    if (intermediate_only(w)) {
        w->flags &= ~(SCSW_SC | SCSW_Z);
        w->sstat &= (uint8_t)~SS_PCI;
        w->dstat = 0;
    } else {
        w->flags = 0;
        w->dstat = w->sstat = 0;
    }
    irq_remove(s);
    sch_present_unsolicited(s);
}

static int io_test(void *ctx, uint32_t ssid, uint8_t *irb)
{
    struct css *css = ctx;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    put_irb(s, irb);
    int cc = status_pending(s) ? 0 : 1;
    if (cc == 0)
        clear_status(s);
    css_unlock(css);
    return cc;
}

/* ---- STORE / MODIFY SUBCHANNEL ---- */

static int io_store(void *ctx, uint32_t ssid, uint8_t *schib)
{
    struct css *css = ctx;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    memset(schib, 0, IO_SCHIB_SIZE);
    put_pmcw(s, schib);
    put_scsw(&s->scsw, schib + PMCW_SIZE);
    bool busy = s->running && !status_pending(s);
    pthread_mutex_unlock(&css->lock);
    /* polling a busy subchannel: let its I/O thread run */
    if (busy)
        sched_yield();
    return 0;
}

/* The fields MSCH may change: interruption parameter, ISC, enabled,
   limit mode, measurement mode, multipath mode, LPM and MBI. */
static void modify_pmcw(struct pmcw *p, const uint8_t *b)
{
    uint32_t w1 = be32(b + 4);
    p->intparm = be32(b);
    p->isc = (uint8_t)((w1 >> PMCW_ISC_SHIFT) & 7);
    p->enabled = w1 & PMCW_E;
    p->lm = (uint8_t)((w1 >> PMCW_LM_SHIFT) & 3);
    p->mm = (uint8_t)((w1 >> PMCW_MM_SHIFT) & 3);
    p->multipath = w1 & PMCW_D;
    p->lpm = b[8];
    p->mbi = be16(b + 12);
}

static int io_modify(void *ctx, uint32_t ssid, const uint8_t *schib)
{
    struct css *css = ctx;
    uint32_t w1 = be32(schib + 4);
    if ((w1 & PMCW_RESERVED) || ((w1 >> PMCW_LM_SHIFT) & 3) == 3)
        return -PGM_OPERAND;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    int cc = status_pending(s) ? 1 : (s->scsw.flags & SCSW_FC) ? 2 : 0;
    if (cc == 0)
        modify_pmcw(&s->pmcw, schib);
    pthread_mutex_unlock(&css->lock);
    return cc;
}

/* ---- HALT / CLEAR / RESUME / CANCEL SUBCHANNEL ---- */

static int halt_cc(const struct subchannel *s)
{
    uint32_t sc = s->scsw.flags & SCSW_SC;
    if ((sc & SCSW_SC_PEND) &&
        (sc == SCSW_SC_PEND || (sc & (SCSW_SC_ALERT | SCSW_SC_PRI | SCSW_SC_SEC))))
        return 1;
    if (s->scsw.flags & (SCSW_FC_HALT | SCSW_FC_CLEAR))
        return 2;
    return 0;
}

/* Ask the I/O thread to end the program; its end completes the function. */
static void abort_program(struct subchannel *s)
{
    __atomic_store_n(&s->abort, true, __ATOMIC_RELEASE);
}

static int io_halt(void *ctx, uint32_t ssid)
{
    struct css *css = ctx;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    int cc = halt_cc(s);
    if (cc == 0) {
        struct scsw *w = &s->scsw;
        w->flags = (w->flags & ~(SCSW_AC_START | SCSW_AC_RESUME)) | SCSW_FC_HALT;
        if (s->running) {
            w->flags |= SCSW_AC_HALT;
            abort_program(s);
        } else {
            /* idle, start pending or suspended: the device is signalled and
               the subchannel is status pending at once */
            w->flags = (w->flags & ~SCSW_AC) | SCSW_SC_PEND;
            irq_enqueue(s);
        }
    }
    css_unlock(css);
    if (cc == 0)
        sch_halt_device(s);
    return cc;
}

static int io_clear(void *ctx, uint32_t ssid)
{
    struct css *css = ctx;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    irq_remove(s);
    s->unsolicited = 0;
    s->scsw.flags = SCSW_FC_CLEAR | SCSW_AC_CLEAR;
    s->scsw.dstat = s->scsw.sstat = 0;
    s->pmcw.pnom = 0;
    s->pmcw.lpum = 0;
    s->pmcw.pom = 0xFF;
    if (s->running) {
        abort_program(s);
    } else {
        s->scsw.flags = SCSW_FC_CLEAR | SCSW_SC_PEND;
        irq_enqueue(s);
    }
    css_unlock(css);
    sch_halt_device(s);
    return 0;
}

static int io_resume(void *ctx, uint32_t ssid)
{
    struct css *css = ctx;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    uint32_t f = s->scsw.flags;
    int cc = !s->pmcw.enabled ? 3 : status_pending(s) ? 1 : 0;
    if (cc == 0 && ((f & SCSW_FC) != SCSW_FC_START || !(f & SCSW_S) || (f & SCSW_AC_RESUME)))
        cc = 2;
    if (cc == 0) {
        s->scsw.flags |= SCSW_AC_RESUME;
        sch_measure_start(s);
        if (f & SCSW_AC_SUSP)
            sch_wake(s);
    }
    css_unlock(css);
    return cc;
}

static int io_cancel(void *ctx, uint32_t ssid)
{
    struct css *css = ctx;
    struct subchannel *s = lock_subchannel(css, ssid);
    if (!s)
        return 3;
    uint32_t f = s->scsw.flags;
    int cc = status_pending(s) ? 1 : 0;
    /* Only a start or a resume the subchannel has not yet acted on can be
       withdrawn (not a program that is running or merely suspended). */
    bool withdrawable = (f & SCSW_AC_START) || ((f & SCSW_AC_SUSP) && (f & SCSW_AC_RESUME));
    if (cc == 0 && ((f & SCSW_FC) != SCSW_FC_START || s->running || !withdrawable))
        cc = 2;
    if (cc == 0) {
        s->scsw.flags = 0;
        sch_present_unsolicited(s);
    }
    css_unlock(css);
    return cc;
}

/* ---- channel-subsystem-wide instructions ---- */

static int io_store_crw(void *ctx, uint8_t *crw)
{
    struct css *css = ctx;
    pthread_mutex_lock(&css->lock);
    int cc = css->ncrw ? 0 : 1;
    put_be32(crw, cc ? 0 : css->crw[0]);
    if (!cc)
        memmove(css->crw, css->crw + 1, (size_t)--css->ncrw * sizeof css->crw[0]);
    pthread_mutex_unlock(&css->lock);
    return cc;
}

/* No channel path is ever busy at the instant STCPS looks. */
static void io_store_path_status(void *ctx, uint8_t *chps)
{
    (void)ctx;
    memset(chps, 0, IO_CHPS_SIZE);
}

static int io_reset_path(void *ctx, uint32_t gr1)
{
    struct css *css = ctx;
    if (gr1 & 0xFFFFFF00u)
        return -PGM_OPERAND;
    uint8_t chpid = (uint8_t)gr1;
    pthread_mutex_lock(&css->lock);
    int cc = 3;
    for (int i = 0; i < css->nsch && cc; i++)
        if (css->sch[i] && css->sch[i]->pmcw.chpid[0] == chpid)
            cc = 0;
    /* The reset is done at once; its channel report says "initialized". */
    if (cc == 0 && css->ncrw < MAX_CRW)
        css->crw[css->ncrw++] = CRW_SOLICITED | CRW_CHANNEL_PATH | CRW_INITIALIZED | chpid;
    pthread_mutex_unlock(&css->lock);
    return cc;
}

#define SCHM_KEY    0xF0000000u
#define SCHM_UPDATE 0x00000002u   /* M: measurement-block update */
#define SCHM_DCTM   0x00000001u   /* D: device-connect-time measurement */

static int io_set_monitor(void *ctx, uint32_t gr1, uint32_t gr2)
{
    struct css *css = ctx;
    if ((gr1 & ~(SCHM_KEY | SCHM_UPDATE | SCHM_DCTM)) ||
        ((gr1 & SCHM_UPDATE) && (gr2 & 0x8000001Fu)))
        return -PGM_OPERAND;
    pthread_mutex_lock(&css->lock);
    css->mb_update = gr1 & SCHM_UPDATE;
    if (css->mb_update)
        css->mb_origin = gr2;
    pthread_mutex_unlock(&css->lock);
    return 0;
}

static int io_set_address_limit(void *ctx, uint32_t gr1)
{
    struct css *css = ctx;
    if (gr1 & 0x8000FFFFu)
        return -PGM_OPERAND;
    pthread_mutex_lock(&css->lock);
    css->address_limit = gr1;
    pthread_mutex_unlock(&css->lock);
    return 0;
}

const struct io_ops css_io_ops = {
    .start = io_start,
    .test = io_test,
    .store = io_store,
    .modify = io_modify,
    .halt = io_halt,
    .clear = io_clear,
    .resume = io_resume,
    .cancel = io_cancel,
    .store_crw = io_store_crw,
    .store_path_status = io_store_path_status,
    .reset_path = io_reset_path,
    .set_monitor = io_set_monitor,
    .set_address_limit = io_set_address_limit,
    .pending = irq_pending,
    .dequeue = irq_dequeue,
    .reset = css_reset,
    .destroy = css_destroy,
};

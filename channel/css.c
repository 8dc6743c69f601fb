/* Subchannels, their I/O threads and the channel subsystem's life cycle. */
#include "subchannel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ccw.h"

#define SCH_PATH 0x80   /* every subchannel has one channel path (mask bit 0) */

void css_unlock(struct css *css)
{
    bool kick = css->kick;
    css->kick = false;
    pthread_mutex_unlock(&css->lock);
    if (kick)
        machine_kick(css->m);
}

struct subchannel *css_subchannel(struct css *css, uint32_t ssid)
{
    uint32_t n = ssid & 0xFFFF;
    return n < (uint32_t)css->nsch ? css->sch[n] : NULL;
}

struct subchannel *css_find_devnum(const struct css *css, uint16_t devnum)
{
    for (int i = 0; i < css->nsch; i++)
        if (css->sch[i] && css->sch[i]->dev->devnum == devnum)
            return css->sch[i];
    return NULL;
}

struct device *css_device(struct css *css, uint16_t devnum)
{
    pthread_mutex_lock(&css->lock);
    struct subchannel *s = css_find_devnum(css, devnum);
    pthread_mutex_unlock(&css->lock);
    return s ? s->dev : NULL;
}

void sch_reset_state(struct subchannel *s)
{
    uint8_t chpid = (uint8_t)(s->dev->devnum >> 8);
    s->pmcw = (struct pmcw){ .lpm = SCH_PATH, .pim = SCH_PATH, .pam = SCH_PATH, .pom = 0xFF,
                             .chpid = { chpid } };
    s->scsw = (struct scsw){ 0 };
    s->orb_ccw = 0;
    s->unsolicited = 0;
}

void sch_halt_device(struct subchannel *s)
{
    if (s->dev->ops->halt)
        s->dev->ops->halt(s->dev);
}

void sch_measure_start(struct subchannel *s)
{
    struct css *css = s->css;
    struct mainstor *ms = css->m->ms;
    if (!css->mb_update || !(s->pmcw.mm & PMCW_MM_UPDATE))
        return;
    /* The measurement block is 32 bytes at origin + 32 * MBI; its first
       halfword counts START and RESUME functions.  (The other fields, and
       the measurement-block key, are not kept.) */
    uint64_t mb = css->mb_origin + (uint64_t)s->pmcw.mbi * 32;
    if (!storage_valid(ms, mb, 32))
        return;
    put_be16(ms->mem + mb, (uint16_t)(be16(ms->mem + mb) + 1));
    storage_mark_change(ms, mb);
}

/* ---- unsolicited status ---- */

static void present_status(struct subchannel *s, uint8_t status)
{
    s->scsw.flags = SCSW_SC_ALERT | SCSW_SC_PEND;
    s->scsw.dstat = status;
    s->scsw.sstat = 0;
    irq_enqueue(s);
}

void sch_present_unsolicited(struct subchannel *s)
{
    if (s->unsolicited && !(s->scsw.flags & (SCSW_FC | SCSW_SC_PEND))) {
        present_status(s, s->unsolicited);
        s->unsolicited = 0;
    }
}

/* The device offers status on its own (attention, device end ...). */
static void unsolicited(void *ctx, struct device *d, uint8_t status)
{
    (void)d;
    struct subchannel *s = ctx;
    struct css *css = s->css;
    pthread_mutex_lock(&css->lock);
    if (s->pmcw.enabled) {
        s->unsolicited |= status;
        sch_present_unsolicited(s);
    }
    css_unlock(css);
}

/* ---- hooks of a running channel program ---- */

static bool hook_abort(void *ctx)
{
    struct subchannel *s = ctx;
    return __atomic_load_n(&s->abort, __ATOMIC_ACQUIRE);
}

static void hook_intermediate(void *ctx, uint32_t ccw_addr, bool initial)
{
    struct subchannel *s = ctx;
    struct css *css = s->css;
    pthread_mutex_lock(&css->lock);
    if (initial)
        s->scsw.flags |= SCSW_Z;
    else
        s->scsw.sstat |= SS_PCI;
    s->scsw.flags |= SCSW_SC_INTER | SCSW_SC_PEND;
    s->scsw.ccw_addr = ccw_addr;
    irq_enqueue(s);
    css_unlock(css);
}

static bool hook_resume_pending(void *ctx)
{
    struct subchannel *s = ctx;
    struct css *css = s->css;
    pthread_mutex_lock(&css->lock);
    bool pending = s->scsw.flags & SCSW_AC_RESUME;
    s->scsw.flags &= ~SCSW_AC_RESUME;
    pthread_mutex_unlock(&css->lock);
    return pending;
}

static const struct ccw_hooks sch_hooks = {
    .abort = hook_abort,
    .intermediate = hook_intermediate,
    .resume_pending = hook_resume_pending,
};

/* ---- the I/O thread ---- */

static enum ccw_limit limit_mode(const struct subchannel *s)
{
    if (!(s->scsw.flags & SCSW_A))
        return LIMIT_NONE;
    return s->pmcw.lm == 1 ? LIMIT_BELOW_INVALID : s->pmcw.lm == 2 ? LIMIT_ABOVE_INVALID
                                                                    : LIMIT_NONE;
}

/* Status that needs the program's attention beyond the normal end. */
static bool alert(uint8_t dstat, uint8_t sstat)
{
    return (dstat & (US_UC | US_ATTENTION | US_BUSY)) || (sstat & ~(SS_PCI | SS_IL));
}

/* The program has ended, been halted or cleared, or suspended. */
static void program_done(struct subchannel *s, const struct ccw_status *st)
{
    struct scsw *w = &s->scsw;
    w->flags &= ~(SCSW_AC_SCH | SCSW_AC_DEV);
    if (w->flags & SCSW_AC_CLEAR) {
        w->flags = SCSW_FC_CLEAR | SCSW_SC_PEND;
        w->dstat = w->sstat = 0;
    } else if (st->end == CCW_SUSPENDED && !(w->flags & SCSW_AC_HALT)) {
        w->flags |= SCSW_AC_SUSP;
        w->ccw_addr = st->ccw_addr;
        w->count = st->count;
        if (w->flags & SCSW_U)
            return;   /* suspended without an interruption */
        w->flags |= SCSW_SC_INTER | SCSW_SC_PEND;
    } else {
        w->flags &= ~SCSW_AC;
        w->ccw_addr = st->ccw_addr;
        w->count = st->count;
        w->dstat = st->dstat;
        w->sstat |= st->sstat;
        w->flags |= SCSW_SC_PRI | SCSW_SC_SEC | SCSW_SC_PEND;
        if (alert(w->dstat, w->sstat))
            w->flags |= SCSW_SC_ALERT;
    }
    irq_enqueue(s);
}

static bool startable(const struct subchannel *s)
{
    uint32_t f = s->scsw.flags;
    if (f & (SCSW_AC_HALT | SCSW_AC_CLEAR))
        return false;
    return (f & SCSW_AC_START) || ((f & SCSW_AC_RESUME) && (f & SCSW_AC_SUSP));
}

static void chain_call(struct subchannel *s, void (*fn)(struct device *d))
{
    struct css *css = s->css;
    pthread_mutex_unlock(&css->lock);
    if (fn)
        fn(s->dev);
    pthread_mutex_lock(&css->lock);
}

/* Run the started or resumed program (css->lock held, released meanwhile).
   The device hears of the new program before the subchannel shows it
   active, so that a HALT seen after that always reaches the device. */
static void run_program(struct subchannel *s)
{
    struct css *css = s->css;
    const struct device_ops *ops = s->dev->ops;
    chain_call(s, ops->chain_begin);
    if (!startable(s)) {   /* withdrawn meanwhile (halt, clear, cancel) */
        chain_call(s, ops->chain_end);
        return;
    }
    bool resume = !(s->scsw.flags & SCSW_AC_START);
    struct ccw_program p = {
        .ms = css->m->ms, .dev = s->dev,
        .ccw_addr = resume ? s->scsw.ccw_addr - 8 : s->orb_ccw,
        .key = (uint8_t)(s->scsw.flags >> 28),
        .fmt1 = s->scsw.flags & SCSW_F,
        .suspend_ctl = s->scsw.flags & SCSW_S,
        .initial_status = s->scsw.flags & SCSW_I,
        .resumed = resume,
        .limit_mode = limit_mode(s), .limit = css->address_limit,
        .hooks = &sch_hooks, .hctx = s,
    };
    s->scsw.flags &= ~(SCSW_AC_START | SCSW_AC_RESUME | SCSW_AC_SUSP);
    s->scsw.flags |= SCSW_AC_SCH | SCSW_AC_DEV;
    s->pmcw.lpum = SCH_PATH;
    s->running = true;
    __atomic_store_n(&s->abort, false, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&css->lock);

    struct ccw_status st;
    ccw_execute(&p, &st);
    if (ops->chain_end)
        ops->chain_end(s->dev);

    pthread_mutex_lock(&css->lock);
    s->running = false;
    program_done(s, &st);
    pthread_cond_broadcast(&css->idle);
    css_unlock(css);
    pthread_mutex_lock(&css->lock);
}

static void *sch_thread(void *arg)
{
    struct subchannel *s = arg;
    struct css *css = s->css;
    pthread_mutex_lock(&css->lock);
    for (;;) {
        while (!s->work && !css->shutdown)
            pthread_cond_wait(&s->cv, &css->lock);
        if (css->shutdown)
            break;
        s->work = false;
        if (startable(s))
            run_program(s);
    }
    pthread_mutex_unlock(&css->lock);
    return NULL;
}

void sch_wake(struct subchannel *s)
{
    if (!s->thread_started && pthread_create(&s->thread, NULL, sch_thread, s) == 0)
        s->thread_started = true;
    s->work = true;
    pthread_cond_signal(&s->cv);
}

/* ---- life cycle ---- */

/* End every running program and wait for the I/O threads (lock held). */
static void stop_programs(struct css *css)
{
    for (int i = 0; i < css->nsch; i++) {
        struct subchannel *s = css->sch[i];
        if (!s || !s->running)
            continue;
        __atomic_store_n(&s->abort, true, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&css->lock);
        sch_halt_device(s);
        pthread_mutex_lock(&css->lock);
        while (s->running)
            pthread_cond_wait(&css->idle, &css->lock);
    }
}

void css_reset(void *ctx)
{
    struct css *css = ctx;
    pthread_mutex_lock(&css->lock);
    stop_programs(css);
    irq_clear_all(css);
    for (int i = 0; i < css->nsch; i++)
        if (css->sch[i])
            sch_reset_state(css->sch[i]);
    css->address_limit = 0;
    css->mb_update = false;
    css->ncrw = 0;
    css->kick = false;
    pthread_mutex_unlock(&css->lock);
}

void css_destroy(void *ctx)
{
    struct css *css = ctx;
    css_reset(css);
    pthread_mutex_lock(&css->lock);
    css->shutdown = true;
    for (int i = 0; i < css->nsch; i++)
        if (css->sch[i])
            pthread_cond_signal(&css->sch[i]->cv);
    pthread_mutex_unlock(&css->lock);
    for (int i = 0; i < css->nsch; i++) {
        struct subchannel *s = css->sch[i];
        if (!s)
            continue;
        if (s->thread_started)
            pthread_join(s->thread, NULL);
        device_destroy(s->dev);
        pthread_cond_destroy(&s->cv);
        free(s);
    }
    css->m->io = NULL;
    css->m->io_ctx = NULL;
    free(css->sch);
    pthread_mutex_destroy(&css->lock);
    pthread_cond_destroy(&css->idle);
    free(css);
}

struct css *css_create(struct machine *m)
{
    struct css *css = calloc(1, sizeof *css);
    if (!css)
        return NULL;
    css->m = m;
    pthread_mutex_init(&css->lock, NULL);
    pthread_cond_init(&css->idle, NULL);
    m->io = &css_io_ops;
    m->io_ctx = css;
    return css;
}

static int lowest_free(const struct css *css)
{
    int n = 0;
    while (n < css->nsch && css->sch[n])
        n++;
    return n;
}

/* Make room for subchannel number n (lock held). */
static bool grow_table(struct css *css, int n)
{
    if (n < css->nsch)
        return true;
    struct subchannel **a = realloc(css->sch, (size_t)(n + 1) * sizeof *a);
    if (!a)
        return false;
    memset(a + css->nsch, 0, (size_t)(n + 1 - css->nsch) * sizeof *a);
    css->sch = a;
    css->nsch = n + 1;
    return true;
}

static bool attach_locked(struct css *css, struct subchannel *s, int schno, char *err,
                          size_t errlen)
{
    if (schno < 0)
        schno = lowest_free(css);
    if (schno > 0xFFFF || (schno < css->nsch && css->sch[schno])) {
        snprintf(err, errlen, "subchannel %04X is not free", (unsigned)schno);
        return false;
    }
    if (css_find_devnum(css, s->dev->devnum)) {
        snprintf(err, errlen, "device number %04X is already attached", s->dev->devnum);
        return false;
    }
    if (!grow_table(css, schno)) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    s->schno = (uint16_t)schno;
    sch_reset_state(s);
    css->sch[schno] = s;
    return true;
}

bool css_attach(struct css *css, struct device *d, int schno, char *err, size_t errlen)
{
    struct subchannel *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    s->css = css;
    s->dev = d;
    pthread_mutex_lock(&css->lock);
    bool ok = attach_locked(css, s, schno, err, errlen);
    pthread_mutex_unlock(&css->lock);
    if (!ok) {
        free(s);
        return false;
    }
    pthread_cond_init(&s->cv, NULL);
    d->unsolicited = unsolicited;
    d->unsolicited_ctx = s;
    return true;
}

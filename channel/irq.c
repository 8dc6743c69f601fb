/* The I/O-interruption queues: one FIFO per interruption subclass. */
#include "subchannel.h"

static void update_pending(struct css *css, unsigned isc)
{
    uint8_t bit = (uint8_t)(0x80u >> isc);
    if (css->qhead[isc])
        __atomic_fetch_or(&css->isc_pending, bit, __ATOMIC_RELEASE);
    else
        __atomic_fetch_and(&css->isc_pending, (uint8_t)~bit, __ATOMIC_RELEASE);
}

/* An enabled subchannel that became status pending requests an I/O
   interruption of its subclass (once). */
void irq_enqueue(struct subchannel *s)
{
    struct css *css = s->css;
    if (s->queued || !s->pmcw.enabled)
        return;
    unsigned isc = s->pmcw.isc;
    s->qnext = NULL;
    s->qprev = css->qtail[isc];
    if (s->qprev)
        s->qprev->qnext = s;
    else
        css->qhead[isc] = s;
    css->qtail[isc] = s;
    s->queued = true;
    update_pending(css, isc);
    css->kick = true;
}

void irq_remove(struct subchannel *s)
{
    struct css *css = s->css;
    if (!s->queued)
        return;
    unsigned isc = s->pmcw.isc;
    if (s->qprev)
        s->qprev->qnext = s->qnext;
    else
        css->qhead[isc] = s->qnext;
    if (s->qnext)
        s->qnext->qprev = s->qprev;
    else
        css->qtail[isc] = s->qprev;
    s->qprev = s->qnext = NULL;
    s->queued = false;
    update_pending(css, isc);
}

void irq_clear_all(struct css *css)
{
    for (unsigned isc = 0; isc < NUM_ISC; isc++)
        while (css->qhead[isc])
            irq_remove(css->qhead[isc]);
}

bool irq_pending(void *ctx, uint8_t isc_mask)
{
    struct css *css = ctx;
    return __atomic_load_n(&css->isc_pending, __ATOMIC_ACQUIRE) & isc_mask;
}

/* Subclass 0 has the highest priority; within a subclass, the oldest. */
bool irq_dequeue(void *ctx, uint8_t isc_mask, uint32_t *ssid, uint32_t *intparm)
{
    struct css *css = ctx;
    if (!irq_pending(css, isc_mask))
        return false;
    pthread_mutex_lock(&css->lock);
    struct subchannel *s = NULL;
    for (unsigned isc = 0; isc < NUM_ISC && !s; isc++)
        if (isc_mask & (0x80u >> isc))
            s = css->qhead[isc];
    if (s) {
        irq_remove(s);
        *ssid = sch_ssid(s);
        *intparm = s->pmcw.intparm;
    }
    pthread_mutex_unlock(&css->lock);
    return s != NULL;
}

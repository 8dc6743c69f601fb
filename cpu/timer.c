/* TOD clock, clock comparator, CPU timer. */
#include "timer.h"

#include <time.h>

#include "machine.h"

/* Seconds from 1900-01-01 to 1970-01-01. */
#define TOD_UNIX_EPOCH_SECONDS UINT64_C(2208988800)

uint64_t timer_host_tod(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t us = ((uint64_t)ts.tv_sec + TOD_UNIX_EPOCH_SECONDS) * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
    /* bit 51 is one microsecond; the 12 bits to its right count 1/4096 us */
    return us << 12 | ((uint64_t)(ts.tv_nsec % 1000) * 4096u / 1000u);
}

bool timer_ckc_pending(struct cpu *c)
{
    return machine_tod_peek(c->m) > c->ckc;
}

/* The CPU timer runs on host time: setting the TOD clock does not move it. */
int64_t timer_get_cpu_timer(struct cpu *c)
{
    return c->cpu_timer_deadline - (int64_t)timer_host_tod();
}

void timer_set_cpu_timer(struct cpu *c, int64_t value)
{
    c->cpu_timer_deadline = (int64_t)timer_host_tod() + value;
}

bool timer_cpu_timer_pending(struct cpu *c)
{
    return timer_get_cpu_timer(c) < 0;
}

uint64_t timer_next_deadline(struct cpu *c)
{
    uint64_t next = UINT64_MAX;
    if (!(c->pswm & PSW_EXT))
        return next;
    if (c->cr[0] & 0x00000800u)
        next = c->ckc + 1 - (uint64_t)c->m->tod_offset;
    if ((c->cr[0] & 0x00000400u) && (uint64_t)c->cpu_timer_deadline + 1 < next)
        next = (uint64_t)c->cpu_timer_deadline + 1;
    return next;
}

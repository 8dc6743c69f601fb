/* SIGNAL PROCESSOR (SA22-7201 chapter 4 "CPU Signaling and Response"). */
#include "sigp.h"

#include <sched.h>

#include "insn.h"
#include "interrupt.h"
#include "machine.h"
#include "timer.h"

/* Order codes of ESA/390.  Every other code, including set architecture
   (X'12', which only a z/Architecture machine assigns), is unassigned and
   answered with the invalid-order status. */
enum {
    SIGP_SENSE = 0x01,
    SIGP_EXTERNAL_CALL = 0x02,
    SIGP_EMERGENCY_SIGNAL = 0x03,
    SIGP_START = 0x04,
    SIGP_STOP = 0x05,
    SIGP_RESTART = 0x06,
    SIGP_STOP_AND_STORE_STATUS = 0x09,
    SIGP_INITIAL_CPU_RESET = 0x0B,
    SIGP_CPU_RESET = 0x0C,
    SIGP_SET_PREFIX = 0x0D,
    SIGP_STORE_STATUS_AT_ADDRESS = 0x0E,
};

/* Status bits placed in general register R1 with condition code 1. */
#define ST_INCORRECT_STATE   0x00000200u   /* bit 22 */
#define ST_INVALID_PARAMETER 0x00000100u   /* bit 23 */
#define ST_EXTCALL_PENDING   0x00000080u   /* bit 24 */
#define ST_STOPPED           0x00000040u   /* bit 25 */
#define ST_CHECK_STOP        0x00000010u   /* bit 27 */
#define ST_INVALID_ORDER     0x00000002u   /* bit 30 */

/* Store-status save areas (offsets in the 512-byte area). */
#define SS_CPU_TIMER 216
#define SS_CKC       224
#define SS_PSW       256
#define SS_PREFIX    264
#define SS_AR        288
#define SS_FPR       352
#define SS_GR        384
#define SS_CR        448
#define SS_SIZE      512

void cpu_store_status(struct cpu *c, uint32_t area)
{
    uint8_t *p = c->ms->mem + area;
    put_be64(p + SS_CPU_TIMER, (uint64_t)timer_get_cpu_timer(c));
    put_be64(p + SS_CKC, c->ckc);
    cpu_store_psw(c, p + SS_PSW);
    put_be32(p + SS_PREFIX, c->prefix);
    for (int i = 0; i < 16; i++) {
        put_be32(p + SS_AR + 4 * i, c->ar[i]);
        put_be32(p + SS_GR + 4 * i, c->gr[i]);
        put_be32(p + SS_CR + 4 * i, c->cr[i]);
    }
    for (int i = 0; i < 4; i++)   /* the four registers of the basic FP facility */
        put_be64(p + SS_FPR + 8 * i, c->fpr[2 * i]);
    storage_mark_change(c->ms, area);
}

static void stop_action_now(struct cpu *t, uint8_t action)
{
    switch (action) {
    case STOP_STORE_STATUS:
        cpu_store_status(t, 0);
        break;
    case STOP_CPU_RESET:
        cpu_reset(t);
        break;
    case STOP_INITIAL_RESET:
        cpu_initial_reset(t);
        break;
    default:
        break;
    }
    t->stop_action = STOP_PLAIN;
    if (t->state != CPU_CHECKSTOP)
        t->state = CPU_STOPPED;
}

/* The stop function lets pending enabled interruptions be taken before
   the CPU enters the stopped state; a reset does not wait for them, nor
   does a check stop or the end of the machine's run. */
static bool interruptions_before_stop(const struct cpu *c)
{
    return c->stop_action <= STOP_STORE_STATUS && !c->pgm_loop &&
           !__atomic_load_n(&c->m->shutdown, __ATOMIC_ACQUIRE);
}

int sigp_honour_stop(struct cpu *c)
{
    if (interruptions_before_stop(c) && cpu_take_interrupt(c))
        return -1;
    struct machine *m = c->m;
    pthread_mutex_lock(&m->lock);
    cpu_clear_event(c, EV_STOP);
    if (c->pgm_loop) {   /* a reset action ends the check-stop state again */
        c->state = CPU_CHECKSTOP;
        cpu_clear_event(c, EV_RESTART);
    }
    stop_action_now(c, c->stop_action);
    int r = c->state == CPU_CHECKSTOP ? CPU_EXIT_CHECKSTOP : CPU_EXIT_STOPPED;
    pthread_mutex_unlock(&m->lock);
    return r;
}

/* Can the issuing CPU act on t itself?  Its thread leaves t's architected
   state alone while t is parked or once t has entered the stopped state. */
static bool parked(const struct cpu *t)
{
    return t->quiet || t->state != CPU_OPERATING;
}

/* Busy: a stop, reset or restart accepted earlier is not yet done. */
static bool busy(const struct cpu *t)
{
    return __atomic_load_n(&t->events, __ATOMIC_ACQUIRE) & (EV_STOP | EV_RESTART);
}

/* Stop (with `action`) now, or at t's next instruction boundary. */
static void order_stop(struct cpu *t, uint8_t action)
{
    if (parked(t)) {
        stop_action_now(t, action);
        return;
    }
    t->stop_action = action;
    cpu_post_event(t, EV_STOP);
    machine_wake_locked(t->m);
}

static void order_restart(struct cpu *t)
{
    if (parked(t)) {
        cpu_restart_interrupt(t);
        machine_set_operating(t);
        return;
    }
    cpu_post_event(t, EV_RESTART);
    machine_wake_locked(t->m);
}

/* An external interruption condition is now pending in t. */
static void external_condition(struct cpu *t)
{
    cpu_post_event(t, EV_CHECK_INTR);
    machine_wake_locked(t->m);
}

static uint32_t order_external_call(struct cpu *c, struct cpu *t)
{
    if (t->ext_pending & EXTP_EXTCALL)
        return ST_EXTCALL_PENDING;   /* only one can be pending */
    t->ext_pending |= EXTP_EXTCALL;
    t->extcall_from = c->cpuad;
    external_condition(t);
    return 0;
}

static uint32_t order_emergency_signal(struct cpu *c, struct cpu *t)
{
    t->emergency_from |= UINT64_C(1) << c->cpuad;   /* one per sending CPU */
    external_condition(t);
    return 0;
}

static uint32_t order_sense(const struct cpu *t)
{
    uint32_t status = 0;
    if (t->ext_pending & EXTP_EXTCALL)
        status |= ST_EXTCALL_PENDING;
    if (t->state == CPU_STOPPED)
        status |= ST_STOPPED;
    if (t->state == CPU_CHECKSTOP)
        status |= ST_CHECK_STOP;
    return status;
}

/* Set prefix and store status at address act on a stopped CPU only, with
   a `size`-byte aligned area in the configuration (bits 1 to the area's
   alignment of the parameter).  Returns a status, or 0 with *area set. */
static uint32_t stopped_cpu_area(const struct cpu *t, uint32_t parm, uint32_t size, uint32_t *area)
{
    if (t->state != CPU_STOPPED)
        return ST_INCORRECT_STATE;
    *area = parm & 0x7FFFFFFFu & ~(size - 1);
    return storage_valid(t->ms, *area, size) ? 0 : ST_INVALID_PARAMETER;
}

static uint32_t order_set_prefix(struct cpu *t, uint32_t parm)
{
    uint32_t prefix, status = stopped_cpu_area(t, parm, PAGE_SIZE, &prefix);
    if (!status) {
        t->prefix = prefix;
        cpu_tlb_purge(t);
    }
    return status;
}

static uint32_t order_store_status_at(struct cpu *t, uint32_t parm)
{
    uint32_t area, status = stopped_cpu_area(t, parm, SS_SIZE, &area);
    if (!status)
        cpu_store_status(t, area);
    return status;
}

static bool known_order(uint8_t order)
{
    return (order >= SIGP_SENSE && order <= SIGP_RESTART) || order == SIGP_STOP_AND_STORE_STATUS ||
           (order >= SIGP_INITIAL_CPU_RESET && order <= SIGP_STORE_STATUS_AT_ADDRESS);
}

/* Carry out `order` for target t (machine lock held).  Returns the status
   for GR R1 (0: accepted), or UINT32_MAX when t is busy. */
static uint32_t signal(struct cpu *c, struct cpu *t, uint8_t order, uint32_t parm)
{
    if (!known_order(order))
        return ST_INVALID_ORDER;
    bool reset = order == SIGP_INITIAL_CPU_RESET || order == SIGP_CPU_RESET;
    if (reset) {
        order_stop(t, order == SIGP_CPU_RESET ? STOP_CPU_RESET : STOP_INITIAL_RESET);
        return 0;
    }
    if (busy(t))
        return UINT32_MAX;
    if (order == SIGP_SENSE)
        return order_sense(t);
    if (t->state == CPU_CHECKSTOP)
        return ST_CHECK_STOP;
    switch (order) {
    case SIGP_EXTERNAL_CALL:
        return order_external_call(c, t);
    case SIGP_EMERGENCY_SIGNAL:
        return order_emergency_signal(c, t);
    case SIGP_START:
        if (t->state == CPU_STOPPED)
            machine_set_operating(t);
        return 0;
    case SIGP_STOP:
        if (t->state == CPU_OPERATING)
            order_stop(t, STOP_PLAIN);
        return 0;
    case SIGP_RESTART:
        order_restart(t);
        return 0;
    case SIGP_STOP_AND_STORE_STATUS:
        order_stop(t, STOP_STORE_STATUS);
        return 0;
    case SIGP_SET_PREFIX:
        return order_set_prefix(t, parm);
    default:
        return order_store_status_at(t, parm);
    }
}

void op_SIGP(struct cpu *c, const uint8_t *ip)
{
    int r1 = R1(ip);
    uint8_t order = (uint8_t)addr_bd(c, ip + 2);
    uint32_t cpuad = c->gr[R3(ip)] & 0xFFFF;
    uint32_t parm = c->gr[r1 | 1];   /* R1 if odd, else R1 + 1 */
    struct machine *m = c->m;
    struct cpu *t = cpuad < (uint32_t)m->ncpu ? m->cpu[cpuad] : NULL;
    if (!t || !t->online) {
        c->cc = 3;   /* not operational */
        return;
    }
    pthread_mutex_lock(&m->lock);
    uint32_t status = signal(c, t, order, parm);
    pthread_mutex_unlock(&m->lock);
    if (status == UINT32_MAX) {
        c->cc = 2;
        sched_yield();   /* the busy CPU needs the machine lock to finish */
    } else if (status) {
        c->gr[r1] = status;
        c->cc = 1;
    } else {
        c->cc = 0;
    }
}

/* A configuration: storage, CPUs and their threads, TOD clock. */
#include "machine.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "insn.h"
#include "interrupt.h"
#include "timer.h"

static void machine_build_dispatch(struct machine *m)
{
    dispatch_free(m->disp_super);
    dispatch_free(m->disp_problem);
    m->disp_super = dispatch_build(m->facilities, false);
    m->disp_problem = dispatch_build(m->facilities, true);
}

struct machine *machine_create(uint64_t storage_bytes, int ncpu)
{
    if (ncpu < 1 || ncpu > MAX_CPUS)
        return NULL;
    struct machine *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->ms = storage_create(storage_bytes);
    if (!m->ms) {
        free(m);
        return NULL;
    }
    m->facilities = FAC_DEFAULT;
    machine_build_dispatch(m);
    m->cpuid = (struct cpuid_config){ .version = 0xFD, .serial = 0x039000, .model = 0x9672,
                                      .lpar = -1, .format = 0 };
    pthread_mutex_init(&m->lock, NULL);
    for (int i = 0; i < PLO_LOCKS; i++)
        pthread_mutex_init(&m->plo_lock[i], NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&m->wake, &ca);
    pthread_cond_init(&m->idle, &ca);
    pthread_condattr_destroy(&ca);
    m->ncpu = ncpu;
    for (int i = 0; i < ncpu; i++) {
        m->cpu[i] = cpu_create(m, (uint16_t)i);
        if (!m->cpu[i]) {
            machine_destroy(m);
            return NULL;
        }
        m->cpu[i]->online = true;
    }
    return m;
}

void machine_set_facilities(struct machine *m, uint32_t facilities)
{
    m->facilities = facilities;
    machine_build_dispatch(m);
    for (int i = 0; i < m->ncpu; i++)
        cpu_psw_changed(m->cpu[i]);
}

void machine_destroy(struct machine *m)
{
    if (!m)
        return;
    machine_stop(m);
    if (m->io && m->io->destroy)
        m->io->destroy(m->io_ctx);
    for (int i = 0; i < m->ncpu; i++)
        cpu_destroy(m->cpu[i]);
    dispatch_free(m->disp_super);
    dispatch_free(m->disp_problem);
    storage_destroy(m->ms);
    free(m->xstore);
    pthread_mutex_destroy(&m->lock);
    for (int i = 0; i < PLO_LOCKS; i++)
        pthread_mutex_destroy(&m->plo_lock[i]);
    pthread_cond_destroy(&m->wake);
    pthread_cond_destroy(&m->idle);
    free(m);
}

bool machine_set_expanded(struct machine *m, uint64_t bytes)
{
    free(m->xstore);
    m->xstore = NULL;
    m->xstore_blocks = 0;
    uint64_t blocks = bytes / PAGE_SIZE;
    if (!blocks)
        return true;
    if (blocks > UINT32_MAX)
        return false;
    m->xstore = calloc(blocks, PAGE_SIZE);
    if (!m->xstore)
        return false;
    m->xstore_blocks = (uint32_t)blocks;
    return true;
}

void machine_clear_reset(struct machine *m)
{
    /* I/O first: no channel program may store into the cleared storage. */
    if (m->io && m->io->reset)
        m->io->reset(m->io_ctx);
    storage_clear(m->ms);
    if (m->xstore)
        memset(m->xstore, 0, (size_t)m->xstore_blocks * PAGE_SIZE);
    for (int i = 0; i < m->ncpu; i++) {
        struct cpu *c = m->cpu[i];
        cpu_initial_reset(c);
        memset(c->gr, 0, sizeof c->gr);
        memset(c->ar, 0, sizeof c->ar);
        memset(c->fpr, 0, sizeof c->fpr);
    }
    m->service_pending = false;
    m->intkey_pending = false;
}

uint64_t machine_tod_peek(const struct machine *m)
{
    return timer_host_tod() + (uint64_t)m->tod_offset;
}

uint64_t machine_tod(struct machine *m)
{
    uint64_t now = machine_tod_peek(m);
    uint64_t last = __atomic_load_n(&m->tod_last, __ATOMIC_RELAXED);
    for (;;) {
        uint64_t v = now > last ? now : last + 1;   /* every value unique */
        if (__atomic_compare_exchange_n(&m->tod_last, &last, v, false,
                                        __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            return v;
    }
}

void machine_set_tod(struct machine *m, uint64_t tod)
{
    m->tod_offset = (int64_t)(tod - timer_host_tod());
    __atomic_store_n(&m->tod_last, 0, __ATOMIC_RELAXED);
}

void machine_wake_locked(struct machine *m)
{
    m->kick_gen++;
    pthread_cond_broadcast(&m->wake);
}

void machine_kick(struct machine *m)
{
    for (int i = 0; i < m->ncpu; i++)
        cpu_post_event(m->cpu[i], EV_CHECK_INTR);
    pthread_mutex_lock(&m->lock);
    machine_wake_locked(m);
    pthread_mutex_unlock(&m->lock);
}

void machine_service_signal(struct machine *m, uint32_t param)
{
    pthread_mutex_lock(&m->lock);
    m->service_signal = param;
    m->service_pending = true;
    pthread_mutex_unlock(&m->lock);
    machine_kick(m);
}

/* Does the thread of an operating CPU have something to do?  A CPU that
   left cpu_run (disabled wait, instruction limit) runs again only when an
   event may change that: a restart, a stop, a PSW change or a possibly
   enabled interruption (and has not reached its instruction limit).
   Events are posted before the wake-up broadcast,
   and this is checked under the lock, so no wake-up is lost. */
static bool cpu_wants_to_run(const struct cpu *c)
{
    const uint32_t wakers = EV_RESTART | EV_STOP | EV_CHECK_INTR | EV_PSW_INVALID;
    return c->state == CPU_OPERATING && c->icount < c->icount_limit &&
           (__atomic_load_n(&c->events, __ATOMIC_ACQUIRE) & wakers);
}

/* Each CPU thread runs its CPU while it has something to do and is parked
   otherwise.  A parked CPU is "quiet": its thread does not touch it, so
   other threads holding the lock may act on it directly (SIGP). */
static void *cpu_thread(void *arg)
{
    struct cpu *c = arg;
    struct machine *m = c->m;
    pthread_mutex_lock(&m->lock);
    for (;;) {
        bool run = cpu_wants_to_run(c);
        if (!run && !c->quiet) {
            c->quiet = true;
            pthread_cond_broadcast(&m->idle);
        }
        if (m->shutdown)
            break;
        if (!run) {
            pthread_cond_wait(&m->wake, &m->lock);
            continue;
        }
        c->quiet = false;
        pthread_mutex_unlock(&m->lock);
        cpu_run(c);
        pthread_mutex_lock(&m->lock);
    }
    pthread_mutex_unlock(&m->lock);
    return NULL;
}

void machine_set_operating(struct cpu *c)
{
    c->state = CPU_OPERATING;
    c->quiet = false;
    cpu_post_event(c, EV_CHECK_INTR);   /* makes its thread run it */
    machine_wake_locked(c->m);
}

void machine_start_cpu(struct machine *m, struct cpu *c)
{
    pthread_mutex_lock(&m->lock);
    machine_set_operating(c);
    pthread_mutex_unlock(&m->lock);
}

void machine_start(struct machine *m)
{
    pthread_mutex_lock(&m->lock);
    m->shutdown = false;
    pthread_mutex_unlock(&m->lock);
    for (int i = 0; i < m->ncpu; i++) {
        struct cpu *c = m->cpu[i];
        if (!c->thread_started && pthread_create(&c->thread, NULL, cpu_thread, c) == 0)
            c->thread_started = true;
    }
}

static bool all_quiet(const struct machine *m)
{
    for (int i = 0; i < m->ncpu; i++)
        if (!m->cpu[i]->quiet)
            return false;
    return true;
}

bool machine_wait_quiet(struct machine *m, int timeout_ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += timeout_ms / 1000;
    ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    bool ok = true;
    pthread_mutex_lock(&m->lock);
    while (!all_quiet(m)) {
        if (timeout_ms < 0)
            pthread_cond_wait(&m->idle, &m->lock);
        else if (pthread_cond_timedwait(&m->idle, &m->lock, &ts) != 0) {
            ok = all_quiet(m);
            break;
        }
    }
    pthread_mutex_unlock(&m->lock);
    return ok;
}

void machine_stop(struct machine *m)
{
    pthread_mutex_lock(&m->lock);
    m->shutdown = true;
    for (int i = 0; i < m->ncpu; i++)
        cpu_post_event(m->cpu[i], EV_STOP);
    machine_wake_locked(m);
    pthread_mutex_unlock(&m->lock);
    for (int i = 0; i < m->ncpu; i++) {
        struct cpu *c = m->cpu[i];
        if (c && c->thread_started) {
            pthread_join(c->thread, NULL);
            c->thread_started = false;
        }
        if (c)
            cpu_clear_event(c, EV_STOP);
    }
}

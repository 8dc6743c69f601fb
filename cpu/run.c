/*
 * The dispatch loop.  The fast path is: a budget count, a check that the
 * next instruction lies in the cached instruction page, a jump through
 * the table of instruction kinds.  Everything else (page crossing,
 * interruptions, waits, tracing, PER) is out of line.
 */
#include <errno.h>
#include <time.h>

#include "access.h"
#include "hot.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"
#include "per.h"
#include "sigp.h"
#include "timer.h"

#define BATCH 65536   /* instructions between timer checks */

/* Instruction fetch when the instruction is not inside the cached page:
   refill the cache, or assemble an instruction that crosses a page. */
static const uint8_t *fetch_slow(struct cpu *c)
{
    uint32_t ia = c->ia;
    c->ilc = 0;   /* a fetch exception leaves the PSW at the instruction */
    if (ia & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint8_t *host = access_translate(c, ia, 0, ACC_IFETCH);
    uint32_t off = ia & ~PAGE_MASK;
    c->if_vpage = ia & PAGE_MASK;
    c->if_addend = (uintptr_t)(host - off) - c->if_vpage;
    c->if_last = host - off + (PAGE_SIZE - 6);
    uint32_t avail = PAGE_SIZE - off;
    if (off <= PAGE_SIZE - 6 || insn_length(host[0]) <= avail)
        return host;
    /* The instruction crosses into the next page: assemble it in ibuf.
       The invalid cache makes the next fetch (and the dispatch loop's
       sequential shortcut, which compares with if_last) start afresh. */
    unsigned len = insn_length(host[0]);
    c->ibuf_ia = ia;
    __builtin_memcpy(c->ibuf, host, avail);
    const uint8_t *next = access_translate(c, (ia + avail) & c->amask, 0, ACC_IFETCH);
    __builtin_memcpy(c->ibuf + avail, next, len - avail);
    cpu_ifetch_invalidate(c);
    return c->ibuf;
}

/* An odd instruction address never has a valid instruction cache (see
   branch_to and cpu_ifetch_invalidate), so one compare decides. */
__attribute__((always_inline)) static inline const uint8_t *fetch(struct cpu *c)
{
    uint32_t off = c->ia - c->if_vpage;
    if (__builtin_expect(off <= PAGE_SIZE - 6, 1))
        return (const uint8_t *)(c->if_addend + c->ia);
    return fetch_slow(c);
}

/* The address of the instruction whose bytes the dispatch loop has at ip:
   in the cached instruction page, or assembled in ibuf. */
static inline uint32_t address_of(const struct cpu *c, const uint8_t *ip)
{
    if (__builtin_expect(ip == c->ibuf, 0))
        return c->ibuf_ia;
    return (uint32_t)((uintptr_t)ip - c->if_addend);
}

void cpu_sync_ia(struct cpu *c)
{
    const uint8_t *ip = c->lazy_ip;
    if (!ip)
        return;
    unsigned len = insn_length(ip[0]);
    c->ilc = (uint8_t)len;
    c->ia = (address_of(c, ip) + len) & c->amask;
    c->lazy_ip = NULL;
}

/* Advance the PSW past an instruction of len bytes (as the machine does
   at fetch) and count it. */
__attribute__((always_inline)) static inline void advance(struct cpu *c, unsigned len)
{
    c->ilc = (uint8_t)len;
    c->ia = (c->ia + len) & c->amask;
    c->icount++;
}

/* The next sequential instruction lies beyond the cached page (or the
   cache is invalid): the PSW address is needed to fetch it. */
static const uint8_t *next_page(struct cpu *c)
{
    cpu_sync_ia(c);
    return fetch(c);
}

/*
 * Threaded dispatch: the hot instructions (cpu/hot.def) run in place, or
 * get a direct call, and each ends with its own copy of the
 * fetch-and-dispatch step, which gives the host's branch predictor one
 * indirect jump per instruction kind; everything else goes through the
 * dispatch table.  After an instruction that cannot branch, the next one
 * is found from the host address of the current one, and the PSW address
 * and ILC are not even written: only the instruction's host address is
 * (lazy_ip, cpu_sync_ia).  Up to n instructions are started;
 * c->budget counts them down in memory, so that the count survives a
 * program interruption's longjmp (batch_end folds it into c->icount).  The
 * loop lives outside cpu_run: a function that calls setjmp keeps its
 * variables in memory.
 */
__attribute__((noinline, hot)) static void run_batch(struct cpu *c, uint64_t n)
{
    /* every slot starts as the table route; hot opcodes override it */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static const void *const hot_label[256] = {
        [0 ... 255] = &&table,
#define HOT(opcode, name, flow) [opcode] = &&hot_##name,
#define CALL(opcode, name, flow) [opcode] = &&call_##name,
#include "hot.def"
#undef HOT
#undef CALL
    };
#pragma GCC diagnostic pop
    const uint8_t *ip;
#define NEXT_AT(where, stop)                         \
    do {                                             \
        if (__builtin_expect(stop, 0))               \
            goto out;                                \
        ip = (where);                                \
        goto *hot_label[ip[0]];                      \
    } while (0)
#define STOP_ANY (!--c->budget || c->events)
    /* after an instruction that may have branched: from the PSW */
#define NEXT_JUMP(len) NEXT_AT(fetch(c), STOP_ANY)
    /* after one that cannot: the following bytes, if still in the page */
#define NEXT_SEQ_IF(len, stop)                                               \
    do {                                                                     \
        const uint8_t *following = ip + (len);                              \
        NEXT_AT(__builtin_expect(following <= c->if_last, 1) ? following : next_page(c), stop); \
    } while (0)
#define NEXT_SEQ(len) NEXT_SEQ_IF(len, STOP_ANY)
    /* Inline instructions that do not branch leave the PSW address and
       ILC unwritten: only lazy_ip records the instruction (cpu_sync_ia);
       a taken branch has written the address.  They post no event for
       their own CPU (their exceptions leave by longjmp), so only the
       instruction budget is checked; events from elsewhere are seen at
       the next instruction that may branch (every loop has one) or
       out-of-line instruction, at the latest when the batch ends. */
#define NEXT_HOT_SEQ(body, len)                      \
    do {                                             \
        c->lazy_ip = ip;                             \
        body;                                        \
        NEXT_SEQ_IF(len, !--c->budget);              \
    } while (0)
#define NEXT_HOT_JUMP(body, len)                     \
    do {                                             \
        ADVANCE(len);                                \
        body;                                        \
        NEXT_JUMP(len);                              \
    } while (0)
#define NEXT_HOT_BRANCH(body, len)                   \
    do {                                             \
        c->lazy_ip = ip;                             \
        if (body) {                                  \
            c->lazy_ip = NULL;                       \
            NEXT_JUMP(len);                          \
        }                                            \
        NEXT_SEQ_IF(len, !--c->budget);              \
    } while (0)
    /* The same for the out-of-line handlers that never read the PSW
       address or ILC (hot.def); they may post events. */
#define NEXT_CALL_SEQ(body, len)                     \
    do {                                             \
        c->lazy_ip = ip;                             \
        body;                                        \
        NEXT_SEQ(len);                               \
    } while (0)
#define NEXT_CALL_JUMP(body, len) NEXT_HOT_JUMP(body, len)
    /* Everything else sees the PSW as the machine has it at fetch. */
#define ADVANCE(len)                                 \
    do {                                             \
        c->ilc = (uint8_t)(len);                     \
        c->ia = (address_of(c, ip) + (len)) & c->amask; \
        c->lazy_ip = NULL;                           \
    } while (0)

    c->budget = c->budget_start = n + 1;
    NEXT_JUMP(0);
table:
    ADVANCE(insn_length(ip[0]));
    c->disp->op[ip[0]](c, ip);
    NEXT_JUMP(0);
    /* a hot instruction's length is a constant of its label */
#define HOT(opcode, name, flow)                      \
    hot_##name:                                      \
        NEXT_HOT_##flow(hot_##name(c, ip), insn_length(opcode));
#define CALL(opcode, name, flow)                     \
    call_##name:                                     \
        NEXT_CALL_##flow(op_##name(c, ip), insn_length(opcode));
#include "hot.def"
#undef HOT
#undef CALL
#undef NEXT_AT
#undef STOP_ANY
#undef NEXT_JUMP
#undef NEXT_SEQ_IF
#undef NEXT_SEQ
#undef NEXT_HOT_SEQ
#undef NEXT_HOT_JUMP
#undef NEXT_HOT_BRANCH
#undef NEXT_CALL_SEQ
#undef NEXT_CALL_JUMP
#undef ADVANCE
out:
    c->budget++;   /* the instruction that was not started */
    cpu_sync_ia(c);
}

/* Count the instructions of the batch that has ended (normally or by a
   program interruption's unwinding). */
static void batch_end(struct cpu *c)
{
    c->icount = cpu_icount(c);
    c->budget = c->budget_start = 0;
}

/* One instruction through the dispatch table. */
static void execute(struct cpu *c, const uint8_t *ip)
{
    advance(c, insn_length(ip[0]));
    c->disp->op[ip[0]](c, ip);
}

/* One instruction with the observers that make the fast path leave. */
static void step_observed(struct cpu *c)
{
    const uint8_t *ip = fetch(c);
    struct machine *m = c->m;
    if ((c->events & EV_TRACE) && m->hooks.trace)
        m->hooks.trace(m->hooks.ctx, c, ip);
    if (!(c->events & EV_PER)) {
        execute(c, ip);
        return;
    }
    per_begin(c, ip);
    execute(c, ip);
    per_end(c);
}

/* Block in an enabled wait until an interruption, a timer or an event. */
static void wait_enabled(struct cpu *c)
{
    struct machine *m = c->m;
    for (;;) {
        pthread_mutex_lock(&m->lock);
        uint64_t gen = m->kick_gen;
        pthread_mutex_unlock(&m->lock);
        if ((c->events & (EV_STOP | EV_RESTART | EV_TLB_FLUSH)) || cpu_interrupt_pending(c))
            return;
        uint64_t deadline = timer_next_deadline(c);
        pthread_mutex_lock(&m->lock);
        while (m->kick_gen == gen) {
            if (deadline == UINT64_MAX) {
                pthread_cond_wait(&m->wake, &m->lock);
                continue;
            }
            uint64_t now = timer_host_tod();
            if (now >= deadline)
                break;
            uint64_t ns = ((deadline - now) >> 12) * 1000u + 1000u;
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            ts.tv_sec += (time_t)(ns / 1000000000u);
            ts.tv_nsec += (long)(ns % 1000000000u);
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            if (pthread_cond_timedwait(&m->wake, &m->lock, &ts) == ETIMEDOUT)
                break;
        }
        pthread_mutex_unlock(&m->lock);
        if (deadline != UINT64_MAX && timer_host_tod() >= deadline)
            return;
    }
}

static void wait_enabled_unmarked(struct cpu *c)
{
    __atomic_store_n(&c->executing, false, __ATOMIC_RELEASE);
    wait_enabled(c);
    __atomic_store_n(&c->executing, true, __ATOMIC_RELEASE);
}

/* Handle the events that made the fast path leave.  Returns an exit
   reason, or -1 to go on executing. */
static int service_events(struct cpu *c)
{
    uint32_t ev = __atomic_load_n(&c->events, __ATOMIC_ACQUIRE);
    if (ev & EV_TLB_FLUSH) {
        cpu_tlb_purge(c);   /* purge first: the requester waits for the clear */
        cpu_clear_event(c, EV_TLB_FLUSH);
    }
    if (ev & EV_STOP)
        return sigp_honour_stop(c);
    if (ev & EV_PSW_INVALID) {
        cpu_clear_event(c, EV_PSW_INVALID);
        cpu_early_psw_exception(c);
        return -1;
    }
    if (ev & EV_CHECK_INTR) {
        cpu_clear_event(c, EV_CHECK_INTR);
        if (cpu_take_interrupt(c))
            return -1;
    }
    /* Restart has the lowest priority: the interruptions the new PSWs
       enable are taken first. */
    if (ev & EV_RESTART) {
        cpu_clear_event(c, EV_RESTART);
        cpu_restart_interrupt(c);
        return -1;
    }
    if (ev & EV_WAIT) {
        if (!(c->pswm & (PSW_IO | PSW_EXT | PSW_MCHECK)))
            return CPU_EXIT_DISABLED_WAIT;
        if (c->exit_on_wait && !cpu_interrupt_pending(c))
            return CPU_EXIT_ENABLED_WAIT;
        wait_enabled_unmarked(c);
        cpu_post_event(c, EV_CHECK_INTR);
        return -1;
    }
    if (ev & (EV_TRACE | EV_PER)) {
        if (c->icount >= c->icount_limit)
            return CPU_EXIT_LIMIT;
        step_observed(c);
        return -1;
    }
    return -1;
}

/* Between batches: has a timer interruption become pending? */
static void check_timers(struct cpu *c)
{
    if ((c->pswm & PSW_EXT) && (c->cr[0] & 0x00000C00u) &&
        (timer_ckc_pending(c) || timer_cpu_timer_pending(c)))
        cpu_post_event(c, EV_CHECK_INTR);
}

enum cpu_exit cpu_run(struct cpu *c)
{
    jmp_buf jb;
    jmp_buf *volatile outer = c->jmp;
    c->jmp = &jb;
    __atomic_store_n(&c->executing, true, __ATOMIC_RELEASE);
    setjmp(jb);   /* a program interruption has been taken: go on */
    batch_end(c);
    for (;;) {
        int r = -1;
        if (c->icount >= c->icount_limit)
            r = CPU_EXIT_LIMIT;
        else if (c->events)
            r = service_events(c);
        if (r >= 0) {
            __atomic_store_n(&c->executing, false, __ATOMIC_RELEASE);
            c->jmp = outer;
            return (enum cpu_exit)r;
        }
        if (c->events)
            continue;
        uint64_t n = c->icount_limit - c->icount;
        run_batch(c, n < BATCH ? n : BATCH);
        batch_end(c);
        check_timers(c);
    }
}

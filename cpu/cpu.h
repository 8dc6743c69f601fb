/*
 * The state of one ESA/390 CPU and the interface to run it.
 *
 * The PSW is kept unpacked for speed: `ia` (instruction address), `cc`
 * (condition code) and `pswm` (word 0 of the architected PSW with the CC
 * bits zero).  The dispatch loop advances `ia` to the next sequential
 * instruction *before* calling a handler, as the machine updates the PSW at
 * instruction fetch; branch handlers simply overwrite `ia`.
 */
#ifndef VM390_CPU_CPU_H
#define VM390_CPU_CPU_H

#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "../dat/storage.h"
#include "../dat/tlb.h"

struct machine;
struct dispatch;

/* For the helpers of hot handlers whose operand structures must dissolve
   into registers (the compiler's own heuristics keep them out of line). */
#define ALWAYS_INLINE __attribute__((always_inline)) inline

/* PSW word 0 bits (bit n of the architecture = 0x80000000 >> n). */
#define PSW_PER      0x40000000u
#define PSW_DAT      0x04000000u
#define PSW_IO       0x02000000u
#define PSW_EXT      0x01000000u
#define PSW_KEY      0x00F00000u
#define PSW_ESA      0x00080000u   /* bit 12: must be one in ESA/390 */
#define PSW_MCHECK   0x00040000u
#define PSW_WAIT     0x00020000u
#define PSW_PROBLEM  0x00010000u
#define PSW_AS       0x0000C000u
#define PSW_CC       0x00003000u
#define PSW_PM       0x00000F00u
#define PSW_PM_FXOVF 0x00000800u   /* fixed-point overflow */
#define PSW_PM_DECOVF 0x00000400u  /* decimal overflow */
#define PSW_PM_EXPUNF 0x00000200u  /* HFP exponent underflow */
#define PSW_PM_SIGNIF 0x00000100u  /* HFP significance */
#define PSW_AMODE31  0x80000000u   /* word 1 bit 0 (PSW bit 32) */

/* Address-space control (PSW bits 16-17). */
#define AS_PRIMARY   0x0000u
#define AS_AR        0x4000u
#define AS_SECONDARY 0x8000u
#define AS_HOME      0xC000u

/* Asynchronous event bits in cpu->events: any set bit makes the dispatch
   loop leave its fast path at the next instruction boundary. */
#define EV_CHECK_INTR  0x0001u  /* an interruption may now be pending/enabled */
#define EV_STOP        0x0002u  /* stop requested (SIGP, operator, runner) */
#define EV_TLB_FLUSH   0x0004u  /* another CPU asked for a TLB purge */
#define EV_PSW_INVALID 0x0008u  /* current PSW has a format error */
#define EV_WAIT        0x0010u  /* PSW wait bit is on */
#define EV_RESTART     0x0020u  /* restart interruption requested */
#define EV_TRACE       0x0040u  /* single-step through the tracing loop */
#define EV_PER         0x0080u  /* PER is active: use the PER loop */

/* Per-CPU pending external interruption conditions (cpu->ext_pending). */
#define EXTP_EMERGENCY  0x0001u
#define EXTP_EXTCALL    0x0002u
#define EXTP_CKC        0x0004u
#define EXTP_CPUTIMER   0x0008u

enum cpu_state {
    CPU_STOPPED,        /* stopped (initial state, SIGP stop) */
    CPU_OPERATING,      /* running or in an enabled wait */
    CPU_CHECKSTOP,      /* check-stop (e.g. program-interruption loop) */
};

/* Why cpu_run returned. */
enum cpu_exit {
    CPU_EXIT_DISABLED_WAIT,  /* wait bit on, no interruption enabled */
    CPU_EXIT_STOPPED,        /* stop requested or CPU stopped */
    CPU_EXIT_CHECKSTOP,
    CPU_EXIT_LIMIT,          /* instruction limit reached */
    CPU_EXIT_ENABLED_WAIT,   /* enabled wait and exit_on_wait is set */
};

struct cpu {
    /* ---- hot: used on every instruction ---- */
    uint32_t gr[16];
    uint32_t ia;                  /* PSW instruction address */
    uint32_t amask;               /* 0x00FFFFFF or 0x7FFFFFFF */
    uint32_t events;              /* EV_* (set by other threads atomically) */
    uint8_t ilc;                  /* length in bytes of the current instruction */
    uint8_t cc;
    uint32_t key_tag;             /* PSW key << 4, part of every TLB tag */
    const struct dispatch *disp;  /* supervisor- or problem-state table */
    uint32_t if_vpage;            /* logical page of the instruction cache */
    uintptr_t if_addend;          /* host = if_addend + ia within if_vpage */
    const uint8_t *if_last;       /* last host address in that page where an
                                     instruction of any length fits */
    struct tlb_set *tlb_opnd;     /* TLB of the current operand space */
    struct tlb_set *tlb_insn;     /* TLB of the instruction space */
    struct mainstor *ms;
    uint64_t icount;              /* instructions executed before the current
                                     batch of the dispatch loop (cpu_icount) */
    uint64_t budget;              /* in a batch: 1 + the instructions it may
                                     still start; 0 outside */
    uint64_t budget_start;        /* budget when the batch began */

    /* ---- architected state ---- */
    uint32_t pswm;                /* PSW word 0 without CC */
    uint32_t cr[16];
    uint32_t ar[16];
    uint64_t fpr[16];             /* FPR n; short formats use the high half */
    uint32_t fpc;
    uint32_t prefix;
    uint64_t ckc;                 /* clock comparator */
    int64_t cpu_timer_deadline;   /* TOD value at which the CPU timer is zero */
    uint16_t cpuad;               /* CPU address */

    /* ---- interruption state ---- */
    uint32_t ext_pending;         /* EXTP_* */
    uint64_t emergency_from;      /* bit n: emergency signal from CPU n */
    uint16_t extcall_from;
    uint64_t per_address;         /* PER event details, for the interruption */
    uint16_t per_code;            /* as stored at real 150 */
    uint8_t per_pending;          /* per_code holds an event to report */
    uint8_t per_tentative;        /* storage alteration not yet final: PER_SA,
                                     PER_STURA and the space id (bits 6-7) */
    uint32_t per_gr[16];          /* GRs before the instruction (alteration) */
    uint64_t mck_pending;         /* machine-check interruption code pending */

    /* ---- execution control ---- */
    enum cpu_state state;
    bool ex_active;               /* executing the subject of EXECUTE */
    uint32_t ex_subject_ia;       /* address of EXECUTE's subject instruction */
    uint8_t ibuf[8];              /* instruction crossing a page boundary */
    uint32_t ibuf_ia;             /* ... and its address */
    const uint8_t *lazy_ip;       /* non-NULL: the dispatch loop started the
                                     instruction here without writing ia and
                                     ilc yet (cpu_sync_ia) */
    uint64_t icount_limit;        /* cpu_run stops here (UINT64_MAX: none) */
    bool exit_on_wait;            /* an enabled wait returns instead of blocking
                                     (a hypervisor schedules something else) */
    jmp_buf *jmp;                 /* where a program interruption unwinds to */
    bool pgm_loop;                /* program-interruption loop detected */
    bool pgm_seen;                /* a program interruption happened ... */
    uint64_t pgm_icount;          /* ... at this instruction count */
    bool psw_bad;                 /* PSW format error: raw words kept */
    uint32_t psw_bad_w0, psw_bad_w1;
    bool quiet;                   /* stopped or in a disabled wait, its thread
                                     parked (machine lock) */
    bool executing;               /* inside cpu_run, not waiting */
    bool online;                  /* configured: SIGP reaches it (else CC 3) */
    uint8_t stop_action;          /* what honouring EV_STOP also does (sigp.h;
                                     machine lock) */

    struct tlb_set tlb[TLB_NSPACES + 1];  /* the extra set stays empty: forces
                                           the slow path (AR mode) */
    struct {                      /* the last ALET translation through each
                                     access register (access.h TLB_ART0) */
        uint32_t std;
        bool fetch_only;
    } art[16];
    struct machine *m;
    pthread_t thread;
    bool thread_started;
};

/* Allocate a CPU with address `cpuad` attached to machine `m` (reset state). */
struct cpu *cpu_create(struct machine *m, uint16_t cpuad);
void cpu_destroy(struct cpu *c);

/* CPU resets (Principles of Operation chapter 4). */
void cpu_reset(struct cpu *c);           /* CPU reset */
void cpu_initial_reset(struct cpu *c);   /* initial CPU reset */

/* Run until a disabled wait, a stop, a check-stop or the instruction limit. */
enum cpu_exit cpu_run(struct cpu *c);

/* PSW: load from the 8-byte architected format / store into it. */
void cpu_load_psw(struct cpu *c, const uint8_t psw[8]);
void cpu_store_psw(const struct cpu *c, uint8_t psw[8]);
void cpu_set_psw(struct cpu *c, uint32_t w0, uint32_t w1);
/* Word 1 of the current PSW (addressing mode and instruction address). */
uint32_t cpu_psw_word1(const struct cpu *c);
/* Recompute everything derived from the PSW (after any PSW change). */
void cpu_psw_changed(struct cpu *c);

/* Raise event bits from any thread. */
static inline void cpu_post_event(struct cpu *c, uint32_t ev)
{
    __atomic_fetch_or(&c->events, ev, __ATOMIC_RELEASE);
}
static inline void cpu_clear_event(struct cpu *c, uint32_t ev)
{
    __atomic_fetch_and(&c->events, ~ev, __ATOMIC_RELAXED);
}

/* Purge this CPU's TLB (all spaces) and the instruction cache. */
void cpu_tlb_purge(struct cpu *c);
/* Purge the TLBs of every CPU of the machine before returning. */
void cpu_tlb_purge_all(struct cpu *c);
/* Invalidate the instruction-fetch page cache.  The marker is even and
   above every instruction address, so that the fast fetch test (offset
   within the page, even) fails for odd addresses too. */
static inline void cpu_ifetch_invalidate(struct cpu *c)
{
    c->if_vpage = 0x80000000u;
    c->if_last = NULL;
}

/* Write the PSW address and ILC that the dispatch loop's fast path left
   unwritten (cpu->lazy_ip); every reader of ia or ilc that can run in the
   middle of a batch calls this first (interruptions do). */
void cpu_sync_ia(struct cpu *c);

/* Instructions executed, those of the running batch included. */
static inline uint64_t cpu_icount(const struct cpu *c)
{
    return c->icount + (c->budget_start - c->budget);
}

static inline uint32_t psw_key(const struct cpu *c) { return (c->pswm & PSW_KEY) >> 20; }
static inline bool cpu_problem_state(const struct cpu *c) { return c->pswm & PSW_PROBLEM; }

#endif

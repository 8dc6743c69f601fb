/*
 * One ESA/390 configuration: main storage, its CPUs, the TOD clock and the
 * hooks through which higher layers (channel subsystem, monitor, test
 * runner) plug in.  Nothing here is global: a process may hold many
 * machines (the monitor runs one per guest).
 */
#ifndef VM390_CPU_MACHINE_H
#define VM390_CPU_MACHINE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

#define MAX_CPUS 64
#define PLO_LOCKS 64   /* interlocks of PERFORM LOCKED OPERATION */

/* CPU identification as STIDP stores it, and how it is formed. */
struct cpuid_config {
    uint8_t version;        /* version code (bits 0-7) */
    uint32_t serial;        /* 6 hex digits */
    uint16_t model;         /* machine type, 4 hex digits */
    int lpar;               /* LPAR number, -1 = basic mode */
    int format;             /* 0 or 1 (format-1 LPAR CPU id) */
};

/* Facilities that can be switched per machine. */
#define FAC_N3      0x0001u  /* z900 instructions available in ESA/390 mode */
#define FAC_BFP     0x0002u  /* binary floating point (IEEE) */
#define FAC_HFPX    0x0004u  /* HFP extensions (G5) */
#define FAC_HFPMAS  0x0008u  /* HFP multiply-and-add/subtract */
#define FAC_ETF2    0x0010u  /* extended-translation facility 2 */
#define FAC_DEFAULT (FAC_N3 | FAC_BFP | FAC_HFPX | FAC_HFPMAS | FAC_ETF2)

/* Sizes of the I/O-instruction operands (ESA/390). */
#define IO_ORB_SIZE    12   /* operation-request block (SSCH) */
#define IO_IRB_SIZE    64   /* interruption-response block (TSCH) */
#define IO_SCHIB_SIZE  52   /* subchannel-information block (STSCH, MSCH) */
#define IO_CHPS_SIZE   32   /* channel-path-status word (STCPS) */

/*
 * The channel subsystem's entry points for the CPU's I/O instructions and
 * I/O interruptions.  The CPU layer knows only this interface: it decodes
 * the instruction, checks and fetches or stores the storage operand, and
 * passes plain bytes.  `ssid` is general register 1, already checked to
 * hold a subsystem-identification word (X'0001' in bits 0-15).  The
 * instruction entries return the condition code, or a negative
 * program-interruption code (e.g. -PGM_OPERAND for a reserved ORB field);
 * an instruction that stores its operand has it stored unless it returns
 * condition code 3 or an exception.
 */
struct io_ops {
    int (*start)(void *ctx, uint32_t ssid, const uint8_t *orb);        /* SSCH */
    int (*test)(void *ctx, uint32_t ssid, uint8_t *irb);               /* TSCH */
    int (*store)(void *ctx, uint32_t ssid, uint8_t *schib);            /* STSCH */
    int (*modify)(void *ctx, uint32_t ssid, const uint8_t *schib);     /* MSCH */
    int (*halt)(void *ctx, uint32_t ssid);                             /* HSCH */
    int (*clear)(void *ctx, uint32_t ssid);                            /* CSCH */
    int (*resume)(void *ctx, uint32_t ssid);                           /* RSCH */
    int (*cancel)(void *ctx, uint32_t ssid);                           /* XSCH */
    int (*store_crw)(void *ctx, uint8_t *crw);                         /* STCRW */
    void (*store_path_status)(void *ctx, uint8_t *chps);               /* STCPS */
    int (*reset_path)(void *ctx, uint32_t gr1);                        /* RCHP */
    int (*set_monitor)(void *ctx, uint32_t gr1, uint32_t gr2);         /* SCHM */
    int (*set_address_limit)(void *ctx, uint32_t gr1);                 /* SAL */
    /* Is an I/O interruption pending for any ISC in `isc_mask` (CR6 bits
       0-7)?  Called often and from any thread: must not block. */
    bool (*pending)(void *ctx, uint8_t isc_mask);
    /* Dequeue one (I/O interruption or TPI): the subsystem-id word and the
       interruption parameter. */
    bool (*dequeue)(void *ctx, uint8_t isc_mask, uint32_t *ssid, uint32_t *intparm);
    /* Reset the channel subsystem (I/O-system reset). */
    void (*reset)(void *ctx);
    /* Release it (machine_destroy, after the CPUs have stopped). */
    void (*destroy)(void *ctx);
};

/* Observers, used by tools (tracing, test runner). */
struct machine_hooks {
    void *ctx;
    void (*program_interrupt)(void *ctx, struct cpu *c, uint16_t code);
    /* called before each instruction while tracing (EV_TRACE) */
    void (*trace)(void *ctx, struct cpu *c, const uint8_t *ip);
    /* DIAGNOSE: return true if handled; otherwise a specification exception */
    bool (*diagnose)(void *ctx, struct cpu *c, uint32_t code, int r1, int r3);
};

struct machine {
    struct mainstor *ms;
    int ncpu;
    struct cpu *cpu[MAX_CPUS];
    struct cpuid_config cpuid;
    uint32_t facilities;
    const struct dispatch *disp_super;
    const struct dispatch *disp_problem;

    int64_t tod_offset;       /* TOD = host TOD + offset */
    uint64_t tod_last;        /* last value handed out (uniqueness) */

    /* Floating external conditions. */
    uint32_t service_signal;  /* pending service-signal parameter, 0 = none */
    bool service_pending;
    bool intkey_pending;

    uint8_t *xstore;          /* expanded storage (PGIN, PGOUT), or NULL */
    uint32_t xstore_blocks;   /* its size in 4K-byte blocks */

    const struct io_ops *io;
    void *io_ctx;
    uint8_t loadparm[8];      /* IPL load parameter (EBCDIC, blank padded),
                                 for the service-call and DIAGNOSE code */
    struct machine_hooks hooks;

    pthread_mutex_t lock;     /* protects cross-CPU signalling and waits */
    pthread_cond_t wake;      /* broadcast when an interruption is made pending */
    pthread_cond_t idle;      /* broadcast when a CPU stops or waits disabled */
    uint64_t kick_gen;        /* bumped by machine_kick (lock) */
    bool shutdown;            /* CPU threads must end (lock) */
    /* PERFORM LOCKED OPERATION: one of these, chosen by the program lock
       token, is held for the whole operation. */
    pthread_mutex_t plo_lock[PLO_LOCKS];
};

struct machine *machine_create(uint64_t storage_bytes, int ncpu);
void machine_destroy(struct machine *m);
/* Switch facilities (rebuilds the dispatch tables). */
void machine_set_facilities(struct machine *m, uint32_t facilities);
/* Give the machine `bytes` (a multiple of 4K) of expanded storage, or none
   (0); false if the storage cannot be allocated (the machine keeps none). */
bool machine_set_expanded(struct machine *m, uint64_t bytes);
/* Clear reset: storage (main and expanded), keys, every CPU (initial
   reset) and the I/O system. */
void machine_clear_reset(struct machine *m);

/* The TOD clock (bit 51 = one microsecond), unique per call. */
uint64_t machine_tod(struct machine *m);
/* The TOD value without the uniqueness step (for timers). */
uint64_t machine_tod_peek(const struct machine *m);
void machine_set_tod(struct machine *m, uint64_t tod);

/* Wake every CPU that may be waiting (new interruption pending).  Safe to
   call from any thread that holds no machine lock (I/O threads). */
void machine_kick(struct machine *m);
/* With m->lock held: wake every parked CPU thread and every enabled wait,
   so that they look at their state and events again. */
void machine_wake_locked(struct machine *m);
/* Make an external service-signal interruption pending. */
void machine_service_signal(struct machine *m, uint32_t param);

/* Run CPUs on their own threads; wait until all have stopped or are in a
   disabled wait, or until `timeout_ms` (<0: forever).  Returns false on timeout. */
void machine_start(struct machine *m);
/* Put a CPU in the operating state (its thread runs it). */
void machine_start_cpu(struct machine *m, struct cpu *c);
/* The same with m->lock held (SIGP start and restart). */
void machine_set_operating(struct cpu *c);
bool machine_wait_quiet(struct machine *m, int timeout_ms);
/* Ask every CPU to stop and join the threads. */
void machine_stop(struct machine *m);

#endif

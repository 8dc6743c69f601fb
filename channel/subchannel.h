/*
 * Inside the channel subsystem: subchannels, their architected control
 * blocks (PMCW, SCSW) and the shared state of css.c, ioinst.c, irq.c and
 * ipl.c.  SA22-7201 chapters 13-16.
 *
 * Locking: css->lock guards every subchannel's PMCW, SCSW and queue links
 * and the interruption queues.  A subchannel's channel program runs on the
 * subchannel's own I/O thread without the lock; it reaches back through
 * the ccw_hooks (which take the lock).  machine_kick is never called with
 * the lock held: css_unlock() kicks after unlocking when an interruption
 * was queued.
 */
#ifndef VM390_CHANNEL_SUBCHANNEL_H
#define VM390_CHANNEL_SUBCHANNEL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "css.h"
#include "devices/device.h"

#define NUM_ISC 8
#define MAX_CRW 16

/* Parts of the SCHIB and IRB (the whole sizes are in cpu/machine.h). */
#define PMCW_SIZE  28
#define SCSW_SIZE  12

/* SCSW word 0. */
#define SCSW_KEY        0xF0000000u
#define SCSW_S          0x08000000u   /* suspend control */
#define SCSW_L          0x04000000u   /* ESW format */
#define SCSW_CC         0x03000000u   /* deferred condition code */
#define SCSW_F          0x00800000u   /* format-1 CCWs */
#define SCSW_P          0x00400000u   /* prefetch */
#define SCSW_I          0x00200000u   /* initial-status interruption control */
#define SCSW_A          0x00100000u   /* address-limit checking */
#define SCSW_U          0x00080000u   /* suppress suspended interruption */
#define SCSW_Z          0x00040000u   /* zero condition code */
#define SCSW_FC_START   0x00004000u
#define SCSW_FC_HALT    0x00002000u
#define SCSW_FC_CLEAR   0x00001000u
#define SCSW_FC         0x00007000u
#define SCSW_AC_RESUME  0x00000800u   /* resume pending */
#define SCSW_AC_START   0x00000400u   /* start pending */
#define SCSW_AC_HALT    0x00000200u   /* halt pending */
#define SCSW_AC_CLEAR   0x00000100u   /* clear pending */
#define SCSW_AC_SCH     0x00000080u   /* subchannel active */
#define SCSW_AC_DEV     0x00000040u   /* device active */
#define SCSW_AC_SUSP    0x00000020u   /* suspended */
#define SCSW_AC         0x00000FE0u
#define SCSW_SC_ALERT   0x00000010u
#define SCSW_SC_INTER   0x00000008u   /* intermediate status */
#define SCSW_SC_PRI     0x00000004u   /* primary status */
#define SCSW_SC_SEC     0x00000002u   /* secondary status */
#define SCSW_SC_PEND    0x00000001u   /* status pending */
#define SCSW_SC         0x0000001Fu
/* The ORB word-1 bits that the SCSW shows in the same positions. */
#define ORB_TO_SCSW     0xF8F80000u
/* ORB word-1 bits that must be zero, and the LPM field. */
#define ORB_RESERVED    0x070700FFu
#define ORB_LPM_SHIFT   8

/* PMCW word 1. */
#define PMCW_RESERVED   0xC7000000u
#define PMCW_ISC_SHIFT  27
#define PMCW_E          0x00800000u   /* enabled */
#define PMCW_LM_SHIFT   21            /* limit mode, 2 bits */
#define PMCW_MM_SHIFT   19            /* measurement mode, 2 bits */
#define PMCW_MM_UPDATE  2             /* MM: measurement-block update */
#define PMCW_D          0x00040000u   /* multipath mode */
#define PMCW_V          0x00010000u   /* device number valid */

struct pmcw {
    uint32_t intparm;
    uint8_t isc;
    bool enabled;
    uint8_t lm, mm;
    bool multipath;
    uint8_t lpm, pnom, lpum, pim, pom, pam;
    uint16_t mbi;
    uint8_t chpid[8];
};

struct scsw {
    uint32_t flags;      /* word 0 */
    uint32_t ccw_addr;
    uint8_t dstat, sstat;
    uint16_t count;
};

struct subchannel {
    struct css *css;
    uint16_t schno;
    struct device *dev;
    struct pmcw pmcw;
    struct scsw scsw;
    uint32_t orb_ccw;        /* channel-program address of the start */
    uint8_t unsolicited;     /* device status kept until the subchannel is idle */
    bool abort;              /* HALT/CLEAR/reset: end the program (atomic) */
    bool running;            /* the I/O thread is executing the program */
    bool work;               /* the I/O thread has been asked to look */
    struct subchannel *qprev, *qnext;
    bool queued;             /* an I/O interruption is pending */
    pthread_t thread;
    bool thread_started;
    pthread_cond_t cv;       /* wakes the I/O thread */
};

struct css {
    struct machine *m;
    pthread_mutex_t lock;
    pthread_cond_t idle;                 /* a channel program ended */
    struct subchannel **sch;             /* by subchannel number */
    int nsch;                            /* entries in sch */
    struct subchannel *qhead[NUM_ISC], *qtail[NUM_ISC];
    uint8_t isc_pending;                 /* 0x80 >> isc: queue not empty (atomic) */
    bool kick;                           /* css_unlock must kick the CPUs */
    bool shutdown;
    uint32_t address_limit;              /* SET ADDRESS LIMIT */
    bool mb_update;                      /* SET CHANNEL MONITOR */
    uint32_t mb_origin;
    uint32_t crw[MAX_CRW];               /* channel reports, oldest first */
    int ncrw;
};

/* ---- css.c ---- */
void css_unlock(struct css *css);
/* The installed subchannel of a subsystem-identification word, or NULL. */
struct subchannel *css_subchannel(struct css *css, uint32_t ssid);
/* The subchannel of a device number (lock held), or NULL. */
struct subchannel *css_find_devnum(const struct css *css, uint16_t devnum);
/* Ask the subchannel's I/O thread to look at its activity controls. */
void sch_wake(struct subchannel *s);
/* The subchannel became idle: present status a device offered meanwhile. */
void sch_present_unsolicited(struct subchannel *s);
/* Count a start or resume in the measurement block. */
void sch_measure_start(struct subchannel *s);
/* Reset the PMCW and SCSW to their state after an I/O-system reset. */
void sch_reset_state(struct subchannel *s);
/* Signal HALT/CLEAR to the device (without the css lock). */
void sch_halt_device(struct subchannel *s);
void css_reset(void *ctx);
void css_destroy(void *ctx);

/* ---- irq.c (css->lock held unless said otherwise) ---- */
void irq_enqueue(struct subchannel *s);
void irq_remove(struct subchannel *s);
void irq_clear_all(struct css *css);
bool irq_pending(void *ctx, uint8_t isc_mask);                 /* no lock */
bool irq_dequeue(void *ctx, uint8_t isc_mask, uint32_t *ssid, uint32_t *intparm);  /* locks */

/* ---- ioinst.c: the io_ops entry points ---- */
extern const struct io_ops css_io_ops;

/* The subsystem-identification word of a subchannel. */
static inline uint32_t sch_ssid(const struct subchannel *s)
{
    return 0x00010000u | s->schno;
}

#endif

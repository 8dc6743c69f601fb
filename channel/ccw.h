/*
 * The CCW interpreter: runs one channel program (SA22-7201 chapter 15)
 * against a device, on the caller's thread, touching nothing but the
 * guest storage it is given.
 *
 * It fetches format-0 or format-1 CCWs, follows TICs, gathers the data of
 * a command and its data-chained CCWs (direct or through 31-bit IDAWs) for
 * the device and scatters what the device read (or lets the device store
 * into an input area that is one forward run of storage), with skip, read backward,
 * storage-key protection and address-limit checking, and decides command
 * chaining from the device status, incorrect length and status modifier.
 * Program checks, protection checks and incorrect length end the program
 * with the CCW address and residual count the SCSW reports.
 *
 * Arbitrary storage contents are safe input: every CCW, IDAW and data
 * address is checked against the storage size, a command moves at most
 * CCW_MAX_XFER bytes, and `max_ccws` bounds endless TIC loops.
 */
#ifndef VM390_CHANNEL_CCW_H
#define VM390_CHANNEL_CCW_H

#include <stdbool.h>
#include <stdint.h>

#include "dat/storage.h"
#include "devices/device.h"

/* CCW flags (format-1 byte 1; format-0 byte 4). */
#define CCW_FLAG_CD   0x80   /* chain data */
#define CCW_FLAG_CC   0x40   /* chain command */
#define CCW_FLAG_SLI  0x20   /* suppress incorrect length */
#define CCW_FLAG_SKIP 0x10   /* do not store input data */
#define CCW_FLAG_PCI  0x08   /* program-controlled interruption */
#define CCW_FLAG_IDA  0x04   /* data address designates an IDAW list */
#define CCW_FLAG_S    0x02   /* suspend before this CCW */
#define CCW_FLAG_ZERO 0x01   /* must be zero */

/* Subchannel-status bits (SCSW byte 9). */
#define SS_PCI        0x80   /* program-controlled interruption */
#define SS_IL         0x40   /* incorrect length */
#define SS_PROG       0x20   /* program check */
#define SS_PROT       0x10   /* protection check */
#define SS_CDC        0x08   /* channel-data check */
#define SS_CCC        0x04   /* channel-control check */
#define SS_ICC        0x02   /* interface-control check */
#define SS_CHAIN      0x01   /* chaining check */

/* Address-limit checking (PMCW LM, when the ORB A bit is one). */
enum ccw_limit { LIMIT_NONE, LIMIT_BELOW_INVALID, LIMIT_ABOVE_INVALID };

/* The most data one command (with its data chain) moves. */
#define CCW_MAX_XFER (2u << 20)

/* Events during the program, reported back to the subchannel. */
struct ccw_hooks {
    /* HALT or CLEAR SUBCHANNEL wants the program ended. */
    bool (*abort)(void *ctx);
    /* An intermediate interruption condition: a CCW with the PCI flag
       became current, or (initial) the first command was accepted under
       the initial-status-interruption control.  ccw_addr is the address
       of that CCW plus 8. */
    void (*intermediate)(void *ctx, uint32_t ccw_addr, bool initial);
    /* A CCW has the suspend flag: true (consumed) if resume is pending,
       so that the program goes on instead of suspending. */
    bool (*resume_pending)(void *ctx);
};

struct ccw_program {
    struct mainstor *ms;
    struct device *dev;
    uint32_t ccw_addr;          /* first CCW (for a resume: the suspended one) */
    const uint8_t *first_ccw;   /* non-NULL: use these 8 bytes as the first
                                   CCW, in format 0 (the IPL READ) */
    uint8_t key;                /* storage-access key (0-15) */
    bool fmt1;                  /* format-1 CCWs */
    bool suspend_ctl;           /* ORB S: suspend flags allowed */
    bool initial_status;        /* ORB I: intermediate on the first command */
    bool resumed;               /* continuing a suspended program */
    enum ccw_limit limit_mode;
    uint32_t limit;
    uint32_t max_ccws;          /* CCWs (TICs included) fetched before the
                                   program counts as aborted; 0: no bound */
    const struct ccw_hooks *hooks;
    void *hctx;
};

enum ccw_end {
    CCW_ENDED,        /* ended: primary status */
    CCW_SUSPENDED,    /* suspended before the CCW at ccw_addr - 8 */
    CCW_ABORTED,      /* ended by the abort hook or max_ccws */
};

struct ccw_status {
    enum ccw_end end;
    uint32_t ccw_addr;   /* SCSW CCW address: the last CCW used plus 8 */
    uint16_t count;      /* residual count of that CCW */
    uint8_t dstat;       /* device status */
    uint8_t sstat;       /* subchannel status (SS_* other than SS_PCI) */
    uint32_t ccws;       /* CCWs fetched */
};

void ccw_execute(const struct ccw_program *p, struct ccw_status *st);

#endif

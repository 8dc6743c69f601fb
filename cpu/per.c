/* Program-event recording (SA22-7201 chapter 4). */
#include "per.h"

#include <string.h>

#include "../dat/dat.h"
#include "access.h"
#include "insn.h"
#include "interrupt.h"

/* CR9 controls beyond the event masks (bits 0-4). */
#define CR9_BRANCH_ADDRESS_CONTROL  0x00800000u   /* bit 8 */
#define CR9_ALTERATION_SPACE_CONTROL 0x00200000u  /* bit 10 */
#define CR9_GR_MASKS                0x0000FFFFu   /* bits 16-31 */

static unsigned enabled(const struct cpu *c)
{
    return (c->cr[9] >> 24) & 0xF8u;
}

bool per_in_range(const struct cpu *c, uint32_t addr)
{
    uint32_t start = c->cr[10] & 0x7FFFFFFFu, end = c->cr[11] & 0x7FFFFFFFu;
    if (start <= end)
        return addr >= start && addr <= end;
    return addr >= start || addr <= end;
}

bool per_range_hit(const struct cpu *c, uint32_t addr, uint32_t len)
{
    uint32_t start = c->cr[10] & 0x7FFFFFFFu, end = c->cr[11] & 0x7FFFFFFFu;
    uint32_t last = addr + len - 1;
    if (start <= end)
        return last >= start && addr <= end;
    return last >= start || addr <= end;
}

static void record(struct cpu *c, unsigned events)
{
    c->per_code |= (uint16_t)(events << 8);
    c->per_pending = 1;
}

/* The PER address-translation-mode identification (byte 151): validity,
   addressing mode, DAT mode and address-space control of the PSW. */
static uint16_t atmid(const struct cpu *c)
{
    uint16_t id = 0x40;
    if (c->amask == 0x7FFFFFFFu)
        id |= 0x20;
    if (c->pswm & PSW_DAT)
        id |= 0x10;
    return id | (uint16_t)((c->pswm & PSW_AS) >> 12);
}

void per_begin(struct cpu *c, const uint8_t *ip)
{
    c->per_pending = 0;
    c->per_tentative = 0;
    c->per_code = atmid(c);
    c->per_address = c->ia;
    if (enabled(c) & PER_IF) {
        if (per_in_range(c, c->ia))
            record(c, PER_IF);
        /* The subject of EXECUTE is fetched too. */
        if (ip[0] == 0x44 && per_in_range(c, addr_rx(c, ip)))
            record(c, PER_IF);
    }
    if (enabled(c) & PER_GRA)
        memcpy(c->per_gr, c->gr, sizeof c->gr);
}

/* Make the events of the finished instruction final. */
static void commit(struct cpu *c)
{
    if (c->per_tentative & (PER_SA | PER_STURA)) {
        record(c, c->per_tentative & (PER_SA | PER_STURA));
        c->per_code |= c->per_tentative & 3u;   /* space of the alteration */
    }
    c->per_tentative = 0;
    if (!(enabled(c) & PER_GRA))
        return;
    /* An alteration is seen as a changed value: a register reloaded with
       its own contents goes unnoticed. */
    uint32_t masks = c->cr[9] & CR9_GR_MASKS;
    for (int r = 0; r < 16; r++)
        if ((masks & (0x8000u >> r)) && c->gr[r] != c->per_gr[r]) {
            record(c, PER_GRA);
            break;
        }
}

void per_end(struct cpu *c)
{
    commit(c);
    if (c->per_pending)
        cpu_per_interrupt(c);
}

/* Exceptions after which the instruction counts as completed, so that its
   storage alterations stand. */
static bool completing(uint16_t code)
{
    switch (code & 0x7F) {
    case 0: case PGM_FIXED_OVERFLOW: case PGM_DECIMAL_OVERFLOW:
    case PGM_HFP_EXP_OVERFLOW: case PGM_HFP_EXP_UNDERFLOW:
    case PGM_HFP_SIGNIFICANCE: case PGM_SPACE_SWITCH: case PGM_MONITOR_EVENT:
        return true;
    default:
        return false;
    }
}

void per_settle(struct cpu *c, uint16_t code)
{
    if (!completing(code))
        c->per_tentative = 0;
    commit(c);
}

void per_branch(struct cpu *c, uint32_t target)
{
    if (!(enabled(c) & PER_SB))
        return;
    if ((c->cr[9] & CR9_BRANCH_ADDRESS_CONTROL) && !per_in_range(c, target))
        return;
    record(c, PER_SB);
}

void per_store(struct cpu *c, uint32_t ea, uint32_t len, enum tlb_space sp)
{
    if (!(enabled(c) & PER_SA) || !per_range_hit(c, ea, len))
        return;
    /* With the space control on, only spaces whose segment-table
       designation asks for it (bit 24) are monitored. */
    if ((c->cr[9] & CR9_ALTERATION_SPACE_CONTROL) && sp != TLB_REAL &&
        !(access_space_std(c, sp) & STD_SAEC))
        return;
    c->per_tentative = (uint8_t)(PER_SA | access_space_id(c, sp));
}

void per_store_real(struct cpu *c, uint32_t real)
{
    /* The store went through the real-address path, which reported an
       ordinary alteration: STURA has its own control, CR9 bit 4. */
    c->per_tentative = 0;
    if ((enabled(c) & (PER_SA | PER_STURA)) == (PER_SA | PER_STURA) && per_range_hit(c, real, 4))
        c->per_tentative = PER_SA | PER_STURA;
}

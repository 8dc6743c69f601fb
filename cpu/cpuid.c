/*
 * Machine identification: STORE CPU ID, STORE CPU ADDRESS, STORE FACILITY
 * LIST and STORE SYSTEM INFORMATION (SA22-7201 chapter 10).
 */
#include <string.h>

#include "access.h"
#include "control.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"

/*
 * The CPU ID doubleword: version code, six-digit CPU identification
 * number, machine type, and (format 1) bit 48.  The identification number
 * is made unique per CPU and partition: in basic mode its first digit is
 * the CPU address; in an LPAR with format 0 the first digit is the CPU
 * address and the second the partition number; with format 1 the first
 * two digits are the partition number and bit 48 says so.
 */
uint64_t cpuid_value(const struct cpu *c)
{
    const struct cpuid_config *id = &c->m->cpuid;
    uint32_t serial = id->serial & 0xFFFFFFu;
    uint16_t low = 0;
    if (id->lpar < 0) {
        serial = (serial & 0x0FFFFFu) | (uint32_t)(c->cpuad & 0xF) << 20;
    } else if (id->format == 0) {
        serial = (serial & 0x00FFFFu) | (uint32_t)(c->cpuad & 0xF) << 20 |
                 (uint32_t)(id->lpar & 0xF) << 16;
    } else {
        serial = (serial & 0x00FFFFu) | (uint32_t)(id->lpar & 0xFF) << 16;
        low = 0x8000;
    }
    return (uint64_t)id->version << 56 | (uint64_t)serial << 32 |
           (uint64_t)id->model << 16 | low;
}

void op_STIDP(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 7)
        cpu_program_check(c, PGM_SPECIFICATION);
    vstore8(c, ea, BASE(ip + 2), cpuid_value(c));
}

void op_STAP(struct cpu *c, const uint8_t *ip)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & 1)
        cpu_program_check(c, PGM_SPECIFICATION);
    vstore2(c, ea, BASE(ip + 2), c->cpuad);
}

/* Facility-list bits (bit 0 = 0x80000000) of what this machine has. */
#define STFL_N3    0x80000000u   /* bit 0: z900 instructions in ESA/390 mode */
#define STFL_ETF2  0x00008000u   /* bit 16: extended-translation facility 2 */
#define STFL_HFPMAS 0x00000800u  /* bit 20: HFP multiply-add/subtract */

uint32_t cpuid_facility_list(const struct machine *m)
{
    uint32_t f = 0;
    if (m->facilities & FAC_N3)
        f |= STFL_N3;
    if (m->facilities & FAC_ETF2)
        f |= STFL_ETF2;
    if (m->facilities & FAC_HFPMAS)
        f |= STFL_HFPMAS;
    return f;
}

/* STFL stores at real location 200; the operand address is not used. */
void op_STFL(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    put_be32(real_ptr(c, LC_STFL, 4), cpuid_facility_list(c->m));
}

/* ---- STORE SYSTEM INFORMATION ---- */

#define STSI_FC       0xF0000000u
#define STSI_GR0_RSVD 0x0FFFFF00u
#define STSI_SEL1     0x000000FFu
#define STSI_GR1_RSVD 0xFFFF0000u
#define STSI_SEL2     0x0000FFFFu

/* EBCDIC of the characters a SYSIB uses: digits, capitals and blank. */
static uint8_t ebcdic(char ch)
{
    if (ch >= '0' && ch <= '9')
        return (uint8_t)(0xF0 + (ch - '0'));
    if (ch >= 'A' && ch <= 'I')
        return (uint8_t)(0xC1 + (ch - 'A'));
    if (ch >= 'J' && ch <= 'R')
        return (uint8_t)(0xD1 + (ch - 'J'));
    if (ch >= 'S' && ch <= 'Z')
        return (uint8_t)(0xE2 + (ch - 'S'));
    return 0x40;
}

/* A left-justified EBCDIC field of `width` bytes, padded with blanks. */
static void put_text(uint8_t *dst, const char *s, size_t width)
{
    for (size_t i = 0; i < width; i++)
        dst[i] = ebcdic(*s ? *s++ : ' ');
}

/* `digits` hexadecimal digits of v in EBCDIC, right-justified in a field
   of `width` bytes filled with EBCDIC zeros. */
static void put_hex(uint8_t *dst, uint32_t v, unsigned digits, size_t width)
{
    static const char hex[] = "0123456789ABCDEF";
    memset(dst, 0xF0, width);
    for (unsigned i = 0; i < digits; i++)
        dst[width - 1 - i] = ebcdic(hex[(v >> (4 * i)) & 0xF]);
}

/* The configuration-level number STSI function code 0 reports. */
static unsigned config_level(const struct machine *m)
{
    return m->cpuid.lpar < 0 ? 1 : 2;
}

/* Sequence code and plant, common to SYSIBs 1.1.1, 1.2.1 and 2.2.1. */
static void put_sequence(uint8_t *b, const struct machine *m)
{
    put_hex(b + 80, m->cpuid.serial & 0xFFFFFFu, 6, 16);
    put_text(b + 96, "VM", 4);
}

/* Fill the SYSIB for (fc, sel1, sel2); false if there is none. */
static bool build_sysib(struct cpu *c, uint8_t *b, unsigned fc, unsigned sel1, unsigned sel2)
{
    const struct machine *m = c->m;
    uint16_t n = (uint16_t)m->ncpu;
    memset(b, 0, PAGE_SIZE);
    if (fc == 1 && sel1 == 1 && sel2 == 1) {          /* basic machine */
        put_text(b + 32, "VM390", 16);
        put_hex(b + 48, m->cpuid.model, 4, 4);
        put_text(b + 64, "ESA390", 16);
        put_sequence(b, m);
    } else if (fc == 1 && sel1 == 2 && sel2 == 1) {   /* basic-machine CPU */
        put_sequence(b, m);
        put_be16(b + 102, c->cpuad);
    } else if (fc == 1 && sel1 == 2 && sel2 == 2) {   /* basic-machine CPUs */
        put_be32(b + 28, 1);                          /* CPU capability */
        put_be16(b + 32, n);                          /* total */
        put_be16(b + 34, n);                          /* configured */
        for (uint16_t i = 1; i < n; i++)              /* MP adjustment, % */
            put_be16(b + 40 + 2 * (i - 1), 100);
    } else if (fc == 2 && sel1 == 2 && sel2 == 1) {   /* LPAR CPU */
        put_sequence(b, m);
        put_be16(b + 102, c->cpuad);
    } else if (fc == 2 && sel1 == 2 && sel2 == 2) {   /* LPAR CPUs */
        put_be16(b + 32, (uint16_t)m->cpuid.lpar);
        put_be16(b + 36, n);
        put_be16(b + 38, n);
        put_text(b + 44, "VM390", 8);
        put_be32(b + 52, 1000);                       /* capability factor */
    } else {
        return false;
    }
    return true;
}

void op_STSI(struct cpu *c, const uint8_t *ip)
{
    uint32_t gr0 = c->gr[0], gr1 = c->gr[1];
    if ((gr0 & STSI_GR0_RSVD) || (gr1 & STSI_GR1_RSVD))
        cpu_program_check(c, PGM_SPECIFICATION);
    unsigned fc = gr0 >> 28;
    unsigned level = config_level(c->m);
    if (fc == 0) {
        c->gr[0] = (gr0 & ~STSI_FC) | level << 28;
        c->cc = 0;
        return;
    }
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & ~PAGE_MASK)
        cpu_program_check(c, PGM_SPECIFICATION);
    uint8_t sysib[PAGE_SIZE];
    if (fc > level || !build_sysib(c, sysib, fc, gr0 & STSI_SEL1, gr1 & STSI_SEL2)) {
        c->cc = 3;
        return;
    }
    vstore_bytes(c, ea, BASE(ip + 2), sysib, PAGE_SIZE);
    c->cc = 0;
}

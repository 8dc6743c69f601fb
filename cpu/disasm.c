/* Disassembler: the operand layout of each format, from the table. */
#include "disasm.h"

#include <stdio.h>

#include "insn.h"

static unsigned d12(const uint8_t *bd) { return (unsigned)(bd[0] & 0x0F) << 8 | bd[1]; }
static unsigned b4(const uint8_t *bd) { return bd[0] >> 4; }

unsigned disasm(const uint8_t *ip, uint32_t addr, char *out, size_t n)
{
    unsigned len = insn_length(ip[0]);
    const struct insn_desc *d = insn_lookup(ip);
    if (!d) {
        snprintf(out, n, "DC      X'%02X%02X'", ip[0], ip[1]);
        return len;
    }
    unsigned r1 = ip[1] >> 4, r2 = ip[1] & 15;
    unsigned x1 = ip[3] >> 4, x2 = ip[3] & 15;   /* RRE/RRF register nibbles */
    const char *mn = d->mnemonic;
    uint32_t rel16 = addr + 2u * (uint32_t)(int32_t)I2_16(ip);
    uint32_t rel32 = addr + 2u * (uint32_t)I2_32(ip);
    switch (d->fmt) {
    case F_E: case F_S0: case F_RRE0:
        snprintf(out, n, "%s", mn); break;
    case F_I:
        snprintf(out, n, "%-7s %u", mn, ip[1]); break;
    case F_RR: case F_RRM:
        snprintf(out, n, "%-7s %u,%u", mn, r1, r2); break;
    case F_RR1:
        snprintf(out, n, "%-7s %u", mn, r1); break;
    case F_RRE:
        snprintf(out, n, "%-7s %u,%u", mn, x1, x2); break;
    case F_RRE1:
        snprintf(out, n, "%-7s %u", mn, x1); break;
    case F_RRFR:
        snprintf(out, n, "%-7s %u,%u,%u", mn, ip[2] >> 4, x1, x2); break;
    case F_RRFM:
        snprintf(out, n, "%-7s %u,%u,%u", mn, x1, ip[2] >> 4, x2); break;
    case F_RRFRM:
        snprintf(out, n, "%-7s %u,%u,%u,%u", mn, x1, ip[2] >> 4, x2, ip[2] & 15); break;
    case F_RX: case F_RXM: case F_RXE:
        snprintf(out, n, "%-7s %u,%u(%u,%u)", mn, r1, d12(ip + 2), r2, b4(ip + 2)); break;
    case F_RXF:
        snprintf(out, n, "%-7s %u,%u,%u(%u,%u)", mn, ip[4] >> 4, r1, d12(ip + 2), r2, b4(ip + 2)); break;
    case F_RS: case F_RSM: case F_RSE:
        snprintf(out, n, "%-7s %u,%u,%u(%u)", mn, r1, r2, d12(ip + 2), b4(ip + 2)); break;
    case F_RSH:
        snprintf(out, n, "%-7s %u,%u(%u)", mn, r1, d12(ip + 2), b4(ip + 2)); break;
    case F_RSI:
        snprintf(out, n, "%-7s %u,%u,X'%X'", mn, r1, r2, rel16 & 0x7FFFFFFF); break;
    case F_RI:
        snprintf(out, n, "%-7s %u,%d", mn, r1, I2_16(ip)); break;
    case F_RIM: case F_RIR:
        snprintf(out, n, "%-7s %u,X'%X'", mn, r1, rel16 & 0x7FFFFFFF); break;
    case F_RILR: case F_RILM:
        snprintf(out, n, "%-7s %u,X'%X'", mn, r1, rel32 & 0x7FFFFFFF); break;
    case F_SI:
        snprintf(out, n, "%-7s %u(%u),X'%02X'", mn, d12(ip + 2), b4(ip + 2), ip[1]); break;
    case F_S:
        snprintf(out, n, "%-7s %u(%u)", mn, d12(ip + 2), b4(ip + 2)); break;
    case F_SSL:
        snprintf(out, n, "%-7s %u(%u,%u),%u(%u)", mn, d12(ip + 2), ip[1] + 1u, b4(ip + 2),
                 d12(ip + 4), b4(ip + 4)); break;
    case F_SSLL:
        snprintf(out, n, "%-7s %u(%u,%u),%u(%u,%u)", mn, d12(ip + 2), r1 + 1, b4(ip + 2),
                 d12(ip + 4), r2 + 1, b4(ip + 4)); break;
    case F_SSR:
        snprintf(out, n, "%-7s %u(%u,%u),%u(%u),%u", mn, d12(ip + 2), r1, b4(ip + 2),
                 d12(ip + 4), b4(ip + 4), r2); break;
    case F_SSI:
        snprintf(out, n, "%-7s %u(%u,%u),%u(%u),%u", mn, d12(ip + 2), r1 + 1, b4(ip + 2),
                 d12(ip + 4), b4(ip + 4), r2); break;
    case F_SSP:
        snprintf(out, n, "%-7s %u(%u),%u(%u,%u)", mn, d12(ip + 2), b4(ip + 2),
                 d12(ip + 4), ip[1] + 1u, b4(ip + 4)); break;
    case F_SSE4:
        snprintf(out, n, "%-7s %u,%u(%u),%u,%u(%u)", mn, r1, d12(ip + 2), b4(ip + 2), r2,
                 d12(ip + 4), b4(ip + 4)); break;
    case F_SSE:
        snprintf(out, n, "%-7s %u(%u),%u(%u)", mn, d12(ip + 2), b4(ip + 2), d12(ip + 4), b4(ip + 4)); break;
    }
    return len;
}

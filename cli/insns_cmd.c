/* vm390 insns and vm390 disasm: the instruction table as a tool. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "cpu/disasm.h"
#include "cpu/insn.h"
#include "util.h"

int cmd_insns(int argc, char **argv)
{
    bool missing_only = argc > 1 && !strcmp(argv[1], "--missing");
    if (argc > 1 && !missing_only) {
        fprintf(stderr, "usage: vm390 insns [--missing]\n"
                        "List the instruction table (opcode, mnemonic, flags, implemented).\n");
        return 2;
    }
    size_t implemented = 0;
    for (size_t i = 0; i < insn_table_size; i++) {
        const struct insn_desc *d = &insn_table[i];
        implemented += d->fn != NULL;
        if (missing_only && d->fn)
            continue;
        printf("%04X %-7s%s%s%s\n", d->opcode, d->mnemonic,
               d->flags & IF_PRIV ? " privileged" : "", d->facility ? " facility" : "",
               d->fn ? "" : " NOT IMPLEMENTED");
    }
    printf("%zu instructions, %zu implemented\n", insn_table_size, implemented);
    return 0;
}

int cmd_disasm(int argc, char **argv)
{
    uint64_t base = 0;
    if (argc < 2 || argc > 3 || (argc == 3 && !parse_hex(argv[2], &base))) {
        fprintf(stderr, "usage: vm390 disasm FILE [LOADADDR]\n");
        return 2;
    }
    size_t len;
    uint8_t *data = read_file(argv[1], &len);
    if (!data) {
        fprintf(stderr, "vm390 disasm: cannot read %s: %m\n", argv[1]);
        return 2;
    }
    for (size_t off = 0; off + 2 <= len;) {
        uint8_t ins[6] = { 0 };
        memcpy(ins, data + off, len - off < 6 ? len - off : 6);
        char text[96];
        unsigned n = disasm(ins, (uint32_t)(base + off), text, sizeof text);
        printf("%08" PRIX64 "  ", base + off);
        for (unsigned i = 0; i < 6; i++)
            printf(i < n ? "%02X" : "  ", ins[i]);
        printf("  %s\n", text);
        off += n;
    }
    free(data);
    return 0;
}

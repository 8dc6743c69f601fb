/* Disassembler generated from the instruction table. */
#ifndef VM390_CPU_DISASM_H
#define VM390_CPU_DISASM_H

#include <stddef.h>
#include <stdint.h>

/* Write "MNEMONIC operands" for the instruction at ip (located at address
   addr, used for relative targets) into out; returns its length in bytes. */
unsigned disasm(const uint8_t *ip, uint32_t addr, char *out, size_t n);

#endif

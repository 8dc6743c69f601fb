/*
 * IPL records for vm390 mkdisk --ipl and mktape --ipl (docs/ipl.md).
 *
 * The IPL channel program of SA22-7201 chapter 17 reads 24 bytes to
 * absolute 0 (the IPL record: a PSW and two format-0 CCWs) and goes on
 * with the CCW at 8.  Our record's CCWs read a bootstrap -- a list of
 * CCWs that read the program to its load address -- to just after the
 * program and branch to it (TIC); the whole program is in storage when
 * the IPL ends and the PSW at 0 starts it.
 */
#ifndef VM390_CLI_IPL_TEXT_H
#define VM390_CLI_IPL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ipl_prog {
    uint8_t *data;
    uint32_t len;
    uint32_t addr;      /* load address; the IPL PSW starts the program there
                           (a program loaded at 0 supplies its own PSW) */
};

/* "FILE" or "FILE@ADDR" (hexadecimal); the program and its bootstrap
   must end below 16M (format-0 CCWs).  false with err set. */
bool ipl_prog_load(const char *spec, struct ipl_prog *p, char *err, size_t errlen);
void ipl_prog_free(struct ipl_prog *p);

/* Where the bootstrap goes: the doubleword after the program. */
uint32_t ipl_boot_addr(const struct ipl_prog *p);
/* A format-0 CCW. */
void ipl_ccw(uint8_t *at, uint8_t cmd, uint32_t addr, uint8_t flags, uint16_t count);
/* The 24-byte IPL record: the PSW, a CCW `read` (the device's command
   that reads the next record) of the bootstrap's boot_len bytes, and a
   TIC to the bootstrap. */
void ipl_record(const struct ipl_prog *p, uint8_t read, uint16_t boot_len, uint8_t rec[24]);

#define IPL_CCW_CC 0x40
#define IPL_CCW_SLI 0x20

#endif

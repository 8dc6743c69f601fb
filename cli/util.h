/* Small helpers shared by the vm390 subcommands. */
#ifndef VM390_CLI_UTIL_H
#define VM390_CLI_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "16M", "2G", "65536", "0x10000" -> bytes; false on bad syntax. */
bool parse_size(const char *s, uint64_t *out);
/* Hexadecimal number with optional 0x/X' prefix; false on bad syntax. */
bool parse_hex(const char *s, uint64_t *out);
/* Hex digit string -> bytes; returns the byte count or -1. */
long hex_to_bytes(const char *hex, uint8_t *out, size_t max);
/* Whole file into memory (caller frees); NULL with errno on failure. */
uint8_t *read_file(const char *path, size_t *len);
/* Seconds of a monotonic clock. */
double now_seconds(void);

#endif

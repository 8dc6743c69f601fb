/* EBCDIC (code page 037) translation for labels, printers and punches. */
#ifndef VM390_DEVICES_EBCDIC_H
#define VM390_DEVICES_EBCDIC_H

#include <stddef.h>
#include <stdint.h>

extern const uint8_t ebcdic_to_latin1[256];
extern const uint8_t latin1_to_ebcdic[256];

/* Translate exactly n characters. */
void ebcdic_from_ascii(uint8_t *dst, const char *src, size_t n);
void ascii_from_ebcdic(char *dst, const uint8_t *src, size_t n);

#endif

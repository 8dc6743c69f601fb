/*
 * EBCDIC (code page 037) <-> host text (UTF-8) for unit-record devices
 * such as consoles and printers.
 */
#ifndef VM390_DEVICES_EBCDIC_H
#define VM390_DEVICES_EBCDIC_H

#include <stddef.h>
#include <stdint.h>

/* Code page 037 as a permutation of Latin-1: ebcdic_to_latin1[e] is the
   Latin-1 code point of EBCDIC byte e; latin1_to_ebcdic is the inverse. */
extern const uint8_t ebcdic_to_latin1[256];
extern const uint8_t latin1_to_ebcdic[256];

/* Convert n EBCDIC bytes to UTF-8 text; the EBCDIC new-line and line-feed
   characters become '\n', other control characters '.'.  dst needs room
   for 2 * n bytes; returns the bytes written. */
size_t ebcdic_to_text(const uint8_t *src, size_t n, char *dst);

/* Convert UTF-8 text to EBCDIC, at most max bytes; characters outside
   Latin-1 become '?'.  Returns the bytes written. */
size_t text_to_ebcdic(const char *src, size_t n, uint8_t *dst, size_t max);

#endif

/*
 * Unit-record output: the 1403 printer and the 3525 card punch, writing
 * to a host file.  Arguments: "FILE [sync=always|none] [raw]" -- the file is
 * created or appended to.  Printed lines become text (EBCDIC translated,
 * trailing blanks dropped): spacing becomes newlines, a skip to channel 1
 * a form feed, a write without spacing a carriage return (overprint).
 * Punched cards become text lines, or 80-byte EBCDIC records with "raw".
 */
#ifndef VM390_DEVICES_PRINTER_H
#define VM390_DEVICES_PRINTER_H

#include <stddef.h>
#include <stdint.h>

struct device;

struct device *printer_create(const char *type, uint16_t devnum, const char *args, char *err,
                              size_t errlen);

#endif

/*
 * Byte-order helpers for image formats.  Guest-visible fields (count
 * fields, track headers, sense bytes) are big-endian and use the helpers
 * of dat/storage.h; the Hercules image headers keep their numbers
 * little-endian, which these helpers read and write on any host.
 */
#ifndef VM390_DEVICES_BYTES_H
#define VM390_DEVICES_BYTES_H

#include <stdint.h>

#include "dat/storage.h"

static inline uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void put_le16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

#endif

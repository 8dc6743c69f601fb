/* Moving a command's data between a device and the channel's buffer. */
#include "xfer.h"

#include <string.h>

void dev_give(struct dev_cmd *c, const void *src, uint32_t size)
{
    uint32_t n = c->count < size ? c->count : size;
    if (n)
        memcpy(c->data, src, n);
    c->residual = c->count - n;
    c->more = c->count < size;
}

uint32_t dev_take(struct dev_cmd *c, void *dst, uint32_t size)
{
    uint32_t n = c->count < size ? c->count : size;
    if (n)
        memcpy(dst, c->data, n);
    memset((uint8_t *)dst + n, 0, size - n);
    c->residual = c->count - n;
    c->more = c->count < size;
    return n;
}

bool dev_params(struct dev_cmd *c, uint32_t size)
{
    uint32_t n = c->count < size ? c->count : size;
    c->residual = c->count - n;
    c->more = c->count < size;
    return c->count >= size;
}

void dev_no_action(struct device *d) { (void)d; }

/* Device models by type name, and what every device shares. */
#include "device.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "console.h"
#include "testdev.h"

/* One line per model; a type matches by its part before any '-'
   ("3390-3" is a 3390), ignoring case. */
static const struct {
    const char *name;
    device_create_fn *create;
} models[] = {
    { "3215", console_create },
    { "1052", console_create },
    { "TEST", testdev_create },
};

struct device *device_create(const char *type, uint16_t devnum, const char *args,
                             char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = 0;
    size_t base = strcspn(type, "-");
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        if (strlen(models[i].name) != base || strncasecmp(type, models[i].name, base))
            continue;
        struct device *d = models[i].create(type, devnum, args, err, errlen);
        if (!d && err && errlen && !err[0])
            snprintf(err, errlen, "cannot create a %s at %04X", type, devnum);
        return d;
    }
    if (err && errlen)
        snprintf(err, errlen, "unknown device type '%s'", type);
    return NULL;
}

void device_destroy(struct device *d)
{
    if (d)
        d->ops->destroy(d);
}

size_t device_sense_id(const struct device *d, uint8_t *buf, size_t len)
{
    const uint8_t id[7] = { 0xFF, (uint8_t)(d->cutype >> 8), (uint8_t)d->cutype, d->cumodel,
                            (uint8_t)(d->devtype >> 8), (uint8_t)d->devtype, d->devmodel };
    memcpy(buf, id, len < sizeof id ? len : sizeof id);
    return sizeof id;
}

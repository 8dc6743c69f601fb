/*
 * Device types and their models: device_create picks the model by the
 * type name ("3390-3", "3480" ...), device_sense_id answers the common
 * part of SENSE ID from the identification every device carries.
 */
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "ckd.h"
#include "device.h"
#include "fba.h"
#include "printer.h"
#include "tape.h"

typedef struct device *create_fn(const char *type, uint16_t devnum, const char *args, char *err,
                                 size_t errlen);

/* A type name matches a prefix when it equals it or continues with "-". */
static const struct {
    const char *prefix;
    create_fn *create;
} types[] = {
    { "3390", ckd_create },
    { "3380", ckd_create },
    { "3370", fba_create },
    { "9336", fba_create },
    { "3480", tape_create },
    { "3490", tape_create },
    { "1403", printer_create },
    { "3525", printer_create },
};

static bool type_matches(const char *type, const char *prefix)
{
    size_t n = strlen(prefix);
    return !strncmp(type, prefix, n) && (type[n] == '\0' || type[n] == '-');
}

struct device *device_create(const char *type, uint16_t devnum, const char *args, char *err,
                             size_t errlen)
{
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (type_matches(type, types[i].prefix))
            return types[i].create(type, devnum, args, err, errlen);
    snprintf(err, errlen, "unknown device type %s", type);
    return NULL;
}

void device_destroy(struct device *d)
{
    if (d)
        d->ops->destroy(d);
}

size_t device_sense_id(const struct device *d, uint8_t *buf, size_t len)
{
    uint8_t id[7] = { 0xFF };
    put_be16(id + 1, d->cutype);
    id[3] = d->cumodel;
    put_be16(id + 4, d->devtype);
    id[6] = d->devmodel;
    size_t n = len < sizeof id ? len : sizeof id;
    memcpy(buf, id, n);
    return sizeof id;
}

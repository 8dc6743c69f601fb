/*
 * The one interface between the channel subsystem and device models.
 *
 * A device sees commands, never CCWs or storage addresses: the channel
 * subsystem walks the channel program (chaining, IDAWs, skip, protection,
 * addressing), gathers output data into a private buffer before a
 * write-type command (so that a device validates and uses the same bytes
 * even while the guest changes its storage) and scatters input data after
 * a read-type command; when an input area is one forward run of storage,
 * the device's data pointer is that storage itself, so a device stores
 * only the bytes it reports as transferred.  Data chaining is invisible to
 * the device: one command's data area is the whole byte count of its
 * data-chained CCWs.
 *
 * Devices run synchronously on the channel subsystem's I/O thread for the
 * subchannel; they may block on host I/O (never on a CPU).  A device keeps
 * its own sense bytes and returns them for the SENSE command.
 */
#ifndef VM390_DEVICES_DEVICE_H
#define VM390_DEVICES_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Unit-status bits. */
#define US_ATTENTION 0x80
#define US_SM        0x40   /* status modifier */
#define US_CUE       0x20   /* control-unit end */
#define US_BUSY      0x10
#define US_CE        0x08   /* channel end */
#define US_DE        0x04   /* device end */
#define US_UC        0x02   /* unit check: sense data describe it */
#define US_UE        0x01   /* unit exception */

/* Command types by the low bits of the command code. */
#define CCW_CMD_TIC  0x08
static inline bool ccw_is_write(uint8_t cmd) { return (cmd & 3) == 1; }
static inline bool ccw_is_read(uint8_t cmd) { return (cmd & 3) == 2; }
static inline bool ccw_is_control(uint8_t cmd) { return (cmd & 3) == 3; }
static inline bool ccw_is_sense(uint8_t cmd) { return (cmd & 0x0F) == 4; }
static inline bool ccw_is_read_backward(uint8_t cmd) { return (cmd & 0x0F) == 0x0C; }

/* One command as the device executes it. */
struct dev_cmd {
    uint8_t code;        /* command code (modifier bits included) */
    uint8_t *data;       /* write: the bytes to write; read: where to put them
                            (read backward: the last bytes of the record in their
                            order on the medium, to be stored ending at the CCW
                            address).  A read stores only the count - residual
                            bytes it reports: data may be guest storage itself */
    uint32_t count;      /* bytes in data (total of the data-chained CCWs) */
    bool chained;        /* command chaining follows this command */
    bool first;          /* first command of the channel program */
    /* results */
    uint32_t residual;   /* count minus the bytes the device used or produced */
    bool more;           /* the device had more data than count (read) or wanted
                            more than count (write): incorrect length */
    uint8_t status;      /* unit status: usually US_CE | US_DE, plus US_UC ... */
};

struct device;

struct device_ops {
    const char *name;                                    /* e.g. "3390" */
    /* A channel program starts / has ended (for chain-scoped state such as
       CKD DEFINE EXTENT and LOCATE RECORD). */
    void (*chain_begin)(struct device *d);
    void (*chain_end)(struct device *d);
    void (*execute)(struct device *d, struct dev_cmd *cmd);
    /* HALT/CLEAR SUBCHANNEL: abandon a blocking operation (console read). */
    void (*halt)(struct device *d);
    /* State for migration: size needed, then write/read it. */
    size_t (*state_size)(const struct device *d);
    bool (*state_save)(const struct device *d, uint8_t *buf, size_t len);
    bool (*state_load)(struct device *d, const uint8_t *buf, size_t len);
    /* Release everything of the device, the struct device included. */
    void (*destroy)(struct device *d);
};

struct device {
    const struct device_ops *ops;
    uint16_t devnum;
    uint16_t devtype;    /* SENSE ID: device type and model */
    uint8_t devmodel;
    uint16_t cutype;     /* SENSE ID: control-unit type and model */
    uint8_t cumodel;
    void *priv;          /* the model's own state */
    /* Set by the channel subsystem: present unsolicited status (attention,
       device end after a rewind ...). */
    void (*unsolicited)(void *ctx, struct device *d, uint8_t status);
    void *unsolicited_ctx;
};

/*
 * Create a device of `type` ("3390-3", "3380", "9336", "3370", "3480",
 * "3490", "3215", "1052", "1403", "3525", ...) at device number `devnum`.
 * `args` are the model's arguments (image file, options); NULL on error
 * with a message naming the problem in err.
 */
struct device *device_create(const char *type, uint16_t devnum, const char *args,
                             char *err, size_t errlen);
/* A model's constructor, as devices/registry.c lists them: `type` is the
   whole type string (e.g. "3390-3"), for models that take a model number. */
typedef struct device *device_create_fn(const char *type, uint16_t devnum, const char *args,
                                        char *err, size_t errlen);
void device_destroy(struct device *d);

/* Fill a SENSE ID (X'E4') response from the device's identification;
   returns the number of bytes (the common part, 7). */
size_t device_sense_id(const struct device *d, uint8_t *buf, size_t len);

#endif

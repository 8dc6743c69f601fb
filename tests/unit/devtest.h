/* Helpers shared by the device and image-format unit tests. */
#ifndef VM390_TESTS_DEVTEST_H
#define VM390_TESTS_DEVTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct device;

/* A fresh scratch directory (removed with its files by devtest_cleanup)
   and a path inside it. */
const char *devtest_dir(void);
const char *devtest_path(const char *name);
void devtest_cleanup(void);

/* Device-layer messages are collected instead of printed; the last one is
   kept for checks on error texts. */
void devtest_quiet(void);
const char *devtest_last_log(void);

/* Whole-file helpers. */
bool devtest_read(const char *path, uint8_t **data, size_t *len);
bool devtest_write(const char *path, const void *data, size_t len);
bool devtest_patch(const char *path, long off, const void *data, size_t len);
uint64_t devtest_hash(const char *path);

/* Run one command on a device: code, data (copied into a buffer of count
   bytes for write-type commands, filled for reads); returns the status. */
uint8_t devtest_cmd(struct device *d, uint8_t code, void *data, uint32_t count, bool chained,
                    uint32_t *residual);

/* One channel program of commands: a CCW_CMD_TIC entry jumps to the
   entry whose index is in count.  Status modifier skips one entry, unit
   check or unit exception ends the program.  Returns the index of the
   last command executed; *status and *residual are its results. */
struct devtest_ccw {
    uint8_t code;
    void *data;
    uint32_t count;
};
int devtest_chain(struct device *d, const struct devtest_ccw *p, int n, uint8_t *status,
                  uint32_t *residual);

#endif

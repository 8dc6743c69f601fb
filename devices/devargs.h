/*
 * Device arguments: "FILE key=value flag ...", words separated by blanks,
 * a word in double quotes may hold blanks.  Every option a model does not
 * ask for is an error, so a typing mistake never passes silently.
 */
#ifndef VM390_DEVICES_DEVARGS_H
#define VM390_DEVICES_DEVARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "imgfile.h"

#define DEVARGS_MAX 16

struct devargs {
    const char *file;           /* the first word without '=', or NULL */
    int n;
    struct {
        const char *key;
        const char *val;        /* NULL for a flag */
        bool used;
    } opt[DEVARGS_MAX];
    char *mem;
};

bool devargs_parse(struct devargs *a, const char *s, char *err, size_t errlen);
void devargs_free(struct devargs *a);

/* The value of key=value ("" for a bare flag), or NULL when absent. */
const char *devargs_get(struct devargs *a, const char *key);
bool devargs_flag(struct devargs *a, const char *key);
/* sync=always|none (default always); false with a message on a bad value. */
bool devargs_sync(struct devargs *a, enum img_sync *out, char *err, size_t errlen);
/* ro / readonly */
bool devargs_readonly(struct devargs *a);
/* An error naming the first option nobody asked for. */
bool devargs_check_used(const struct devargs *a, char *err, size_t errlen);

/* The arguments of a device on one image file: "FILE [ro] [sync=...]". */
struct image_args {
    char file[4096];
    bool readonly;
    enum img_sync sync;
};
bool devargs_image(const char *args, struct image_args *out, char *err, size_t errlen);

#endif

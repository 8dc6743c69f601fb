/*
 * Small device images shared by the fuzz targets fuzz_ccw and fuzz_image:
 * one of each format (plain and compressed CKD, plain and compressed FBA,
 * AWS and HET tape), made once per process by the project's own create
 * functions in a scratch directory, with some data written so that the
 * compressed formats hold stored (and zlib-compressed) units.  Each
 * image's pristine bytes are kept, so that every input can start from
 * them again.
 */
#ifndef VM390_TESTS_FUZZ_IMAGES_H
#define VM390_TESTS_FUZZ_IMAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum fz_kind { FZ_CKD, FZ_CCKD, FZ_FBA, FZ_CFBA, FZ_AWS, FZ_HET, FZ_KINDS };

struct fz_image {
    enum fz_kind kind;
    const char *devtype;        /* device type for device_create */
    char path[256];
    char args[320];             /* device arguments: the file, sync=none, ... */
    uint8_t *pristine;          /* the file as made */
    size_t len;
    uint64_t capacity;          /* the largest the file may ever become */
};

/* The image of kind k (made on the first call; abort() if that fails). */
const struct fz_image *fz_image(enum fz_kind k);
/* Put the pristine bytes back into the file. */
void fz_restore(const struct fz_image *im);

/* Whole-file helpers (abort() on a host error). */
uint8_t *fz_slurp(const char *path, size_t *len);
void fz_spill(const char *path, const uint8_t *data, size_t len);

/* Open the file at path as an image of im's format, read-only, with the
   format's own open function and read every track, block or tape block.
   Returns 0, or 1 when the open fails, or 2 when a read fails (err says
   why). */
int fz_scan(const struct fz_image *im, const char *path, char *err, size_t errlen);

/* The corpus directory of a libFuzzer command line when it is empty
   (seeds go there), else NULL; and one seed written into it. */
const char *fz_seed_dir(int argc, char **argv);
void fz_seed(const char *dir, const char *name, const uint8_t *data, size_t len);

/* Give up with a message: the harness found a broken invariant. */
void fz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif

/* The device registry: every type is created with a complete set of
   operations and answers SENSE ID's common part from its identification. */
#include <string.h>

#include "devices/ckd_image.h"
#include "devices/device.h"
#include "devices/fba.h"
#include "devtest.h"
#include "unit.h"

static void test_all_types(void)
{
    char err[256], args[512];
    struct ckd_create c = { .devtype = 0x3380, .cyls = 2, .volser = "REG001" };
    struct fba_create f = { .devtype = 0x9336, .blocks = 100 };
    CU_ASSERT_TRUE_FATAL(ckd_image_create(devtest_path("r.3380"), &c, err, sizeof err));
    CU_ASSERT_TRUE_FATAL(fba_image_create(devtest_path("r.fba"), &f, err, sizeof err));
    const struct {
        const char *type, *file;
        uint8_t id[7];
    } cases[] = {
        { "3380-K", "r.3380", { 0xFF, 0x39, 0x90, 0xC2, 0x33, 0x80, 0x1E } },
        { "9336", "r.fba", { 0xFF, 0x63, 0x10, 0x01, 0x93, 0x36, 0x00 } },
        { "3490", "r.aws", { 0xFF, 0x34, 0x90, 0x01, 0x34, 0x90, 0x01 } },
        { "1403", "r.prt", { 0xFF, 0x28, 0x21, 0x01, 0x14, 0x03, 0x01 } },
        { "3525", "r.pch", { 0xFF, 0x35, 0x05, 0x01, 0x35, 0x25, 0x01 } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(args, sizeof args, "%s", devtest_path(cases[i].file));
        struct device *d = device_create(cases[i].type, 0x0123, args, err, sizeof err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(d);
        const struct device_ops *o = d->ops;
        CU_ASSERT_TRUE(o->name && o->chain_begin && o->chain_end && o->execute && o->halt &&
                       o->state_size && o->state_save && o->state_load && o->destroy);
        CU_ASSERT_EQUAL(d->devnum, 0x0123);
        uint8_t id[8] = { 0 };
        CU_ASSERT_EQUAL(device_sense_id(d, id, sizeof id), 7);
        CU_ASSERT_EQUAL(memcmp(id, cases[i].id, 7), 0);
        device_destroy(d);
    }
    CU_ASSERT_PTR_NULL(device_create("3391", 1, args, err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "unknown device type"));
    CU_ASSERT_PTR_NULL(device_create("33901", 1, args, err, sizeof err));
    device_destroy(NULL);
    devtest_cleanup();
}

UNIT_SUITE(registry) { UNIT_TEST(s, test_all_types); }

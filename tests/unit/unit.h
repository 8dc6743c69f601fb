/*
 * Unit-test registration: a test file declares its suite with
 *
 *   UNIT_SUITE(dat) { UNIT_TEST(s, test_segment_invalid); ... }
 *
 * and main.c finds every suite without a central list.
 */
#ifndef VM390_TESTS_UNIT_H
#define VM390_TESTS_UNIT_H

#include <CUnit/CUnit.h>

void unit_register(const char *name, void (*fill)(CU_pSuite s));

#define UNIT_SUITE(name)                                                       \
    static void suite_##name(CU_pSuite s);                                     \
    __attribute__((constructor)) static void register_##name(void)             \
    {                                                                          \
        unit_register(#name, suite_##name);                                    \
    }                                                                          \
    static void suite_##name(CU_pSuite s)

#define UNIT_TEST(s, fn) CU_add_test((s), #fn, (fn))

#endif

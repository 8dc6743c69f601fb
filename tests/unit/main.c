/* CUnit runner for every suite registered with UNIT_SUITE. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"

#define MAX_SUITES 128

static struct {
    const char *name;
    void (*fill)(CU_pSuite s);
} suites[MAX_SUITES];
static int nsuites;

void unit_register(const char *name, void (*fill)(CU_pSuite s))
{
    if (nsuites < MAX_SUITES)
        suites[nsuites++] = (typeof(suites[0])){ name, fill };
}

int main(int argc, char **argv)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    for (int i = 0; i < nsuites; i++) {
        if (argc > 1 && strcmp(argv[1], suites[i].name))
            continue;   /* run only the named suite */
        CU_pSuite s = CU_add_suite(suites[i].name, NULL, NULL);
        if (!s)
            return 2;
        suites[i].fill(s);
    }
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_tests_failed() + CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}

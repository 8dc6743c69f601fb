/*
 * Guest test cases in the neutral JSON format of the conformance suite
 * (../shared/conformance/hercules-tests/README.md), with vm390 extensions:
 *
 *   storage[].file      load a binary file (found next to the case, or in
 *                       the --image-dir) instead of "hex"
 *   config.expanded_bytes  expanded storage (a multiple of 4096; default 0)
 *   config.devices[]    devices on the channel subsystem: {"devnum": "0009",
 *                       "type": "1052-C" (any device_create type: 3215,
 *                       1052, TEST, ...), "subchannel": 0 (default: the
 *                       lowest free), "args": model arguments (a file
 *                       name is looked up like storage[].file), "input":
 *                       ["line", ...] operator input of a console, after
 *                       which its input has ended, "image": a fresh image
 *                       file for the device, see below}
 *   config.devices[].image
 *                       {"create": "3390-1" (a CKD or FBA model), "cyls" /
 *                       "blocks" (default: the model's size), "volser"
 *                       (default VOL001), "raw": true (no IPL records and
 *                       label), "compress": true (CCKD / CFBA)}, or
 *                       {"create": "tape", "volser", "owner", "compress"},
 *                       or {"create": "empty"} (no file yet: an output
 *                       file for a printer or punch), or {"copy": "FILE"}
 *                       (a copy of an image made at build time, found like
 *                       storage[].file); "name" names the file.  Files
 *                       go to a temporary directory removed after the
 *                       case; the file's path goes in front of "args".
 *   expected[].kind     also "psw" (exact 16 hex digits of a CPU's PSW),
 *                       "ar", "fpc" (like "gpr"), "console" (the text the
 *                       guest wrote to its consoles, UTF-8 with '\n' for
 *                       each carrier return: "text" must equal all of it,
 *                       "contains" a part of it), "icount_max" (instructions),
 *                       "file" (the image file of device "devnum" after
 *                       the run: "text" all of it, "contains" a part,
 *                       "hex" the bytes at "offset")
 *   expected[].cpu      which CPU a register/PSW check reads (default: the
 *                       selected CPU)
 *   steps               optional; without it: sysclear, load_image, run,
 *                       and every expectation checked after the run;
 *                       also {"op": "ipl", "devnum": "0190", "loadparm":
 *                       "TEXT", "clear": false}: IPL the selected CPU
 *                       (then run with "method": "start")
 */
#ifndef VM390_CLI_TESTCASE_H
#define VM390_CLI_TESTCASE_H

#include <stdbool.h>
#include <stdint.h>

enum tc_status { TC_PASS, TC_FAIL, TC_SKIP };

struct tc_result {
    enum tc_status status;
    char id[128];
    char name[256];
    char message[1024];     /* first failure or skip reason */
    double seconds;
};

struct tc_options {
    const char *image_dir;  /* extra place to look for storage[].file */
    double timeout_scale;   /* multiplies the case's timeouts */
    bool coverage;          /* record executed instructions */
    bool verbose;
};

/* Run one case file.  Returns false only if the file is not a test case
   (e.g. index.json); parse and execution errors are TC_FAIL results. */
bool testcase_run_file(const char *path, const struct tc_options *opt, struct tc_result *res);

/* Executed-instruction counts (indexes into insn_table), when coverage is on. */
extern uint64_t *tc_coverage;

#endif

/* vm390 test: run guest test cases, report, write JUnit XML. */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "cpu/insn.h"
#include "testcase.h"
#include "util.h"

struct expected_failure {
    char id[128];
    char reason[384];
};

struct test_run {
    struct tc_options opt;
    const char *junit;
    bool quiet;
    struct expected_failure *xfail;
    int nxfail;
    struct tc_result *results;
    int nresults, cap;
};

static void test_usage(FILE *f)
{
    fprintf(f,
        "usage: vm390 test [options] CASE.json|DIR ...\n"
        "Run guest test cases (JSON, see docs/testing.md); a DIR means its *.json.\n\n"
        "  -I, --image-dir DIR     where storage[].file images are found\n"
        "  -j, --junit FILE        write a JUnit XML report\n"
        "  -x, --expect-fail FILE  cases known to fail: lines 'ID  reason'\n"
        "  -s, --timeout-scale X   multiply case timeouts (default 20)\n"
        "  -c, --coverage          print which table instructions the cases executed\n"
        "  -q, --quiet             only failures and the summary\n\n"
        "The last line is 'N passed, N failed, N skipped'; the exit status is 1\n"
        "when a case failed (an expected failure does not count), 2 on usage errors.\n");
}

static bool load_xfail(struct test_run *tr, const char *path)
{
    size_t len;
    char *text = (char *)read_file(path, &len);
    if (!text) {
        fprintf(stderr, "vm390 test: cannot read %s: %m\n", path);
        return false;
    }
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == 0)
            continue;
        tr->xfail = realloc(tr->xfail, (size_t)(tr->nxfail + 1) * sizeof *tr->xfail);
        struct expected_failure *x = &tr->xfail[tr->nxfail++];
        char *sp = line + strcspn(line, " \t");
        snprintf(x->id, sizeof x->id, "%.*s", (int)(sp - line), line);
        snprintf(x->reason, sizeof x->reason, "%s", sp + strspn(sp, " \t"));
    }
    free(text);
    return true;
}

static const char *xfail_reason(const struct test_run *tr, const char *id)
{
    for (int i = 0; i < tr->nxfail; i++)
        if (!strcmp(tr->xfail[i].id, id))
            return tr->xfail[i].reason;
    return NULL;
}

static void run_one(struct test_run *tr, const char *path)
{
    if (tr->nresults == tr->cap) {
        tr->cap = tr->cap ? tr->cap * 2 : 64;
        tr->results = realloc(tr->results, (size_t)tr->cap * sizeof *tr->results);
    }
    struct tc_result *r = &tr->results[tr->nresults];
    if (!testcase_run_file(path, &tr->opt, r))
        return;   /* not a test case */
    tr->nresults++;
    const char *why = xfail_reason(tr, r->id);
    if (why && r->status == TC_FAIL) {
        r->status = TC_SKIP;
        snprintf(r->message, sizeof r->message, "expected failure: %s", why);
        printf("XFAIL %s: %s\n", r->id, why);
        return;
    }
    if (why && r->status == TC_PASS)
        printf("XPASS %s (listed as an expected failure; remove it from the list)\n", r->id);
    if (r->status == TC_FAIL)
        printf("FAIL  %s: %s\n", r->id, r->message);
    else if (r->status == TC_SKIP)
        printf("SKIP  %s: %s\n", r->id, r->message);
    else if (!tr->quiet)
        printf("PASS  %s (%.3f s)\n", r->id, r->seconds);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void run_path(struct test_run *tr, const char *path)
{
    struct dirent **list;
    int n = scandir(path, &list, NULL, by_name);
    if (n < 0) {
        run_one(tr, path);
        return;
    }
    for (int i = 0; i < n; i++) {
        size_t l = strlen(list[i]->d_name);
        if (l > 5 && !strcmp(list[i]->d_name + l - 5, ".json")) {
            char full[PATH_MAX];
            snprintf(full, sizeof full, "%s/%s", path, list[i]->d_name);
            run_one(tr, full);
        }
        free(list[i]);
    }
    free(list);
}

static void xml_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

static void write_junit(const struct test_run *tr, int failed, int skipped)
{
    FILE *f = fopen(tr->junit, "w");
    if (!f) {
        fprintf(stderr, "vm390 test: cannot write %s: %m\n", tr->junit);
        return;
    }
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<testsuite name=\"vm390\" tests=\"%d\" failures=\"%d\" skipped=\"%d\">\n",
            tr->nresults, failed, skipped);
    for (int i = 0; i < tr->nresults; i++) {
        const struct tc_result *r = &tr->results[i];
        fprintf(f, "  <testcase classname=\"guest\" name=\"");
        xml_escaped(f, r->id);
        fprintf(f, "\" time=\"%.3f\">", r->seconds);
        if (r->status != TC_PASS) {
            fprintf(f, r->status == TC_FAIL ? "<failure message=\"" : "<skipped message=\"");
            xml_escaped(f, r->message);
            fprintf(f, "\"/>");
        }
        fprintf(f, "</testcase>\n");
    }
    fprintf(f, "</testsuite>\n");
    fclose(f);
}

static void print_coverage(void)
{
    size_t hit = 0, implemented = 0;
    for (size_t i = 0; i < insn_table_size; i++) {
        hit += tc_coverage[i] != 0;
        implemented += insn_table[i].fn != NULL;
    }
    printf("instruction coverage: %zu of %zu table instructions executed by these cases "
           "(%zu implemented)\n", hit, insn_table_size, implemented);
    printf("not executed:");
    for (size_t i = 0; i < insn_table_size; i++)
        if (!tc_coverage[i])
            printf(" %s%s", insn_table[i].mnemonic, insn_table[i].fn ? "" : "(unimplemented)");
    printf("\n");
}

int cmd_test(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "image-dir", required_argument, 0, 'I' }, { "junit", required_argument, 0, 'j' },
        { "expect-fail", required_argument, 0, 'x' }, { "timeout-scale", required_argument, 0, 's' },
        { "coverage", no_argument, 0, 'c' }, { "quiet", no_argument, 0, 'q' },
        { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
    };
    struct test_run tr = { .opt = { .timeout_scale = 20.0 } };
    int opt;
    while ((opt = getopt_long(argc, argv, "I:j:x:s:cqh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'I': tr.opt.image_dir = optarg; break;
        case 'j': tr.junit = optarg; break;
        case 'x': if (!load_xfail(&tr, optarg)) return 2; break;
        case 's': tr.opt.timeout_scale = atof(optarg); break;
        case 'c': tr.opt.coverage = true; break;
        case 'q': tr.quiet = true; break;
        case 'h': test_usage(stdout); return 0;
        default: test_usage(stderr); return 2;
        }
    }
    if (optind == argc) {
        test_usage(stderr);
        return 2;
    }
    if (tr.opt.coverage)
        tc_coverage = calloc(insn_table_size, sizeof *tc_coverage);
    for (int i = optind; i < argc; i++)
        run_path(&tr, argv[i]);
    int passed = 0, failed = 0, skipped = 0;
    for (int i = 0; i < tr.nresults; i++) {
        passed += tr.results[i].status == TC_PASS;
        failed += tr.results[i].status == TC_FAIL;
        skipped += tr.results[i].status == TC_SKIP;
    }
    if (tr.junit)
        write_junit(&tr, failed, skipped);
    if (tr.opt.coverage)
        print_coverage();
    if (tr.nresults == 0)
        fprintf(stderr, "vm390 test: no test cases found\n");
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    free(tr.results);
    free(tr.xfail);
    free(tc_coverage);
    return failed || tr.nresults == 0 ? 1 : 0;
}

/* vm390 run: load a program into a fresh machine and run it. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "cpu/disasm.h"
#include "cpu/interrupt.h"
#include "cpu/machine.h"
#include "util.h"

#define MAX_LOADS 16

struct run_opts {
    const char *files[MAX_LOADS];
    uint32_t addrs[MAX_LOADS];
    int nfiles;
    uint64_t psw;
    bool psw_given;
    uint64_t mem;
    int cpus;
    bool trace;
    bool quiet;
    uint64_t max_insns;
    double timeout;
    uint32_t dump_addr, dump_len;
};

static void run_usage(FILE *f)
{
    fprintf(f,
        "usage: vm390 run [options] IMAGE\n"
        "Load IMAGE (a flat binary) and run it until the CPUs stop.\n\n"
        "  -a, --addr HEX       load address of IMAGE (default 10000)\n"
        "  -p, --psw HEX        start PSW, 16 hex digits (default 00080000 80<addr>)\n"
        "  -l, --load FILE@HEX  load another file at an address (repeatable)\n"
        "  -m, --mem SIZE       main storage, e.g. 64M (default 16M)\n"
        "  -c, --cpus N         number of CPUs (default 1; CPU 0 starts)\n"
        "  -t, --trace          print every instruction before it executes\n"
        "  -n, --max-insns N    stop after N instructions\n"
        "  -T, --timeout SEC    stop after SEC seconds of wall time\n"
        "  -d, --dump HEX.LEN   print LEN bytes of storage at HEX afterwards\n"
        "  -q, --quiet          only the result line\n\n"
        "Exit status: 0 disabled wait with instruction address 0 (the success\n"
        "convention), 1 another disabled wait, 3 stopped by limit or timeout,\n"
        "2 usage or load error.\n");
}

static void trace_insn(void *ctx, struct cpu *c, const uint8_t *ip)
{
    (void)ctx;
    char text[96];
    disasm(ip, c->ia, text, sizeof text);
    fprintf(stderr, "CPU%02X %08" PRIX32 " %02X%02X  %s\n", c->cpuad, c->ia, ip[0], ip[1], text);
}

static void trace_program(void *ctx, struct cpu *c, uint16_t code)
{
    bool *verbose = ctx;
    if (*verbose)
        fprintf(stderr, "CPU%02X program interruption code %04X ilc %u\n", c->cpuad, code, c->ilc);
}

static bool add_load(struct run_opts *o, const char *spec)
{
    const char *at = strrchr(spec, '@');
    uint64_t a;
    if (!at || !parse_hex(at + 1, &a) || o->nfiles == MAX_LOADS)
        return false;
    o->files[o->nfiles] = strndup(spec, (size_t)(at - spec));
    o->addrs[o->nfiles++] = (uint32_t)a;
    return true;
}

static int parse_run_args(int argc, char **argv, struct run_opts *o)
{
    static const struct option longopts[] = {
        { "addr", required_argument, 0, 'a' }, { "psw", required_argument, 0, 'p' },
        { "load", required_argument, 0, 'l' }, { "mem", required_argument, 0, 'm' },
        { "cpus", required_argument, 0, 'c' }, { "trace", no_argument, 0, 't' },
        { "max-insns", required_argument, 0, 'n' }, { "timeout", required_argument, 0, 'T' },
        { "dump", required_argument, 0, 'd' }, { "quiet", no_argument, 0, 'q' },
        { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
    };
    uint64_t addr = 0x10000, v;
    int opt;
    while ((opt = getopt_long(argc, argv, "a:p:l:m:c:tn:T:d:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'a': if (!parse_hex(optarg, &addr)) goto bad; break;
        case 'p': if (!parse_hex(optarg, &o->psw)) goto bad; o->psw_given = true; break;
        case 'l': if (!add_load(o, optarg)) goto bad; break;
        case 'm': if (!parse_size(optarg, &o->mem)) goto bad; break;
        case 'c': o->cpus = atoi(optarg); if (o->cpus < 1 || o->cpus > MAX_CPUS) goto bad; break;
        case 't': o->trace = true; break;
        case 'n': if (!parse_size(optarg, &o->max_insns)) goto bad; break;
        case 'T': o->timeout = atof(optarg); break;
        case 'd': {
            char *dot = strchr(optarg, '.');
            if (!dot) goto bad;
            *dot = 0;
            if (!parse_hex(optarg, &v)) goto bad;
            o->dump_addr = (uint32_t)v;
            if (!parse_hex(dot + 1, &v)) goto bad;
            o->dump_len = (uint32_t)v;
            break;
        }
        case 'q': o->quiet = true; break;
        case 'h': run_usage(stdout); exit(0);
        default: goto bad;
        }
    }
    if (optind != argc - 1)
        goto bad;
    o->files[o->nfiles] = argv[optind];
    o->addrs[o->nfiles++] = (uint32_t)addr;
    if (!o->psw_given)
        o->psw = UINT64_C(0x0008000080000000) | addr;
    return 0;
bad:
    run_usage(stderr);
    return 2;
}

static bool load_image(struct machine *m, const char *path, uint32_t addr)
{
    size_t len;
    uint8_t *data = read_file(path, &len);
    if (!data) {
        fprintf(stderr, "vm390 run: cannot read %s: %m\n", path);
        return false;
    }
    bool ok = storage_valid(m->ms, addr, len);
    if (ok)
        memcpy(m->ms->mem + addr, data, len);
    else
        fprintf(stderr, "vm390 run: %s (%zu bytes at %X) does not fit in storage\n", path, len, addr);
    free(data);
    return ok;
}

/* The bench390 guest reports its own result in a header (bench/README.md). */
static void report_bench390(struct machine *m, uint32_t base)
{
    if (!storage_valid(m->ms, base, 0x40) || memcmp(m->ms->mem + base + 0x38, "BENCH390", 8))
        return;
    const uint8_t *h = m->ms->mem + base;
    uint32_t iters = be32(h + 0x08), expect = be32(h + 0x0C);
    uint64_t t0 = be64(h + 0x10), t1 = be64(h + 0x18);
    uint32_t rcnt = be32(h + 0x20), rsum = be32(h + 0x24);
    uint64_t insns = (uint64_t)be32(h + 0x30) * iters + be32(h + 0x34);
    double secs = (double)(t1 - t0) / 4096.0 / 1e6;
    printf("bench390: ITERS=%" PRIu32 " RCNT=%" PRIu32 " RSUM=%08" PRIX32 " PACC=%016" PRIX64
           " self-check %s\n", iters, rcnt, rsum, be64(h + 0x28),
           expect == 0 ? "not requested" : rsum == expect ? "OK" : "FAILED");
    if (secs > 0)
        printf("bench390: %" PRIu64 " instructions in %.3f s (guest TOD) = %.2f MIPS\n",
               insns, secs, insns / secs / 1e6);
}

int cmd_run(int argc, char **argv)
{
    struct run_opts o = { .mem = 16u << 20, .cpus = 1, .max_insns = UINT64_MAX };
    int rc = parse_run_args(argc, argv, &o);
    if (rc)
        return rc;
    struct machine *m = machine_create(o.mem, o.cpus);
    if (!m) {
        fprintf(stderr, "vm390 run: cannot create a machine with %" PRIu64 " bytes and %d CPUs\n",
                o.mem, o.cpus);
        return 2;
    }
    for (int i = 0; i < o.nfiles; i++)
        if (!load_image(m, o.files[i], o.addrs[i])) {
            machine_destroy(m);
            return 2;
        }
    bool verbose = !o.quiet;
    m->hooks.ctx = &verbose;
    m->hooks.program_interrupt = trace_program;
    if (o.trace)
        m->hooks.trace = trace_insn;

    struct cpu *c = m->cpu[0];
    c->icount_limit = o.max_insns;
    cpu_set_psw(c, (uint32_t)(o.psw >> 32), (uint32_t)o.psw);
    if (o.trace)
        cpu_post_event(c, EV_TRACE);
    double t0 = now_seconds();
    machine_start_cpu(m, c);
    machine_start(m);
    bool done = machine_wait_quiet(m, o.timeout > 0 ? (int)(o.timeout * 1000) : -1);
    machine_stop(m);
    double secs = now_seconds() - t0;

    uint8_t psw[8];
    cpu_store_psw(c, psw);
    bool disabled_wait = (c->pswm & PSW_WAIT) && !(c->pswm & (PSW_IO | PSW_EXT | PSW_MCHECK));
    uint64_t total = 0;
    for (int i = 0; i < m->ncpu; i++)
        total += m->cpu[i]->icount;
    printf("vm390: CPU 0 %s, PSW %08" PRIX32 " %08" PRIX32 "; %" PRIu64 " instructions in %.3f s (%.2f MIPS)\n",
           c->pgm_loop ? "stopped in a program-interruption loop"
           : disabled_wait ? "disabled wait" : !done ? "timed out" : "stopped",
           be32(psw), be32(psw + 4), total, secs, secs > 0 ? total / secs / 1e6 : 0.0);
    report_bench390(m, o.addrs[0]);
    for (uint32_t i = 0; i < o.dump_len && storage_valid(m->ms, o.dump_addr + i, 1); i++) {
        if (i % 16 == 0)
            printf("%s%08" PRIX32 " ", i ? "\n" : "", o.dump_addr + i);
        printf("%s%02X", i % 4 ? "" : " ", m->ms->mem[o.dump_addr + i]);
    }
    if (o.dump_len)
        printf("\n");
    rc = !disabled_wait ? 3 : (be32(psw + 4) & 0x00FFFFFF) == 0 ? 0 : 1;
    machine_destroy(m);
    return rc;
}

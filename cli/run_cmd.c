/* vm390 run: load a program into a fresh machine and run it. */
#include <getopt.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "channel/css.h"
#include "commands.h"
#include "cpu/disasm.h"
#include "cpu/interrupt.h"
#include "cpu/machine.h"
#include "devices/console.h"
#include "util.h"

#define MAX_LOADS 16
#define MAX_DEVS 256

struct run_opts {
    const char *files[MAX_LOADS];
    uint32_t addrs[MAX_LOADS];
    int nfiles;
    uint64_t psw;
    bool psw_given;
    uint64_t mem;
    uint64_t expanded;
    int cpus;
    bool trace;
    bool quiet;
    uint64_t max_insns;
    double timeout;
    uint32_t dump_addr, dump_len;
    const char *devs[MAX_DEVS];   /* DEVNUM,TYPE[,ARGS] */
    int ndevs;
    bool ipl;
    uint16_t ipl_dev;
    const char *loadparm;
};

static void run_usage(FILE *f)
{
    fprintf(f,
        "usage: vm390 run [options] IMAGE\n"
        "       vm390 run [options] --ipl DEVNUM\n"
        "Load IMAGE (a flat binary), or IPL from a device, and run until the CPUs stop.\n\n"
        "  -a, --addr HEX       load address of IMAGE (default 10000)\n"
        "  -p, --psw HEX        start PSW, 16 hex digits (default 00080000 80<addr>)\n"
        "  -l, --load FILE@HEX  load another file at an address (repeatable)\n"
        "  -m, --mem SIZE       main storage, e.g. 64M (default 16M)\n"
        "  -x, --expanded SIZE  expanded storage, a multiple of 4K (default none)\n"
        "  -c, --cpus N         number of CPUs (default 1; CPU 0 starts)\n"
        "  -t, --trace          print every instruction before it executes\n"
        "  -n, --max-insns N    stop after N instructions\n"
        "  -T, --timeout SEC    stop after SEC seconds of wall time\n"
        "  -d, --dump HEX.LEN   print LEN bytes of storage at HEX afterwards\n"
        "  -q, --quiet          only the result line\n"
        "  -D, --dev DEVNUM,TYPE[,ARGS]\n"
        "                       attach a device (repeatable; subchannels in order),\n"
        "                       e.g. 0009,3215 (console: output to stdout, input\n"
        "                       from stdin), 0190,TEST\n"
        "  -i, --ipl DEVNUM     IPL from that device instead of loading IMAGE\n"
        "  -L, --loadparm TEXT  IPL load parameter (up to 8 characters)\n\n"
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
        { "expanded", required_argument, 0, 'x' },
        { "cpus", required_argument, 0, 'c' }, { "trace", no_argument, 0, 't' },
        { "max-insns", required_argument, 0, 'n' }, { "timeout", required_argument, 0, 'T' },
        { "dump", required_argument, 0, 'd' }, { "quiet", no_argument, 0, 'q' },
        { "dev", required_argument, 0, 'D' }, { "ipl", required_argument, 0, 'i' },
        { "loadparm", required_argument, 0, 'L' },
        { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
    };
    uint64_t addr = 0x10000, v;
    int opt;
    while ((opt = getopt_long(argc, argv, "a:p:l:m:x:c:tn:T:d:qD:i:L:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'a': if (!parse_hex(optarg, &addr)) goto bad; break;
        case 'p': if (!parse_hex(optarg, &o->psw)) goto bad; o->psw_given = true; break;
        case 'l': if (!add_load(o, optarg)) goto bad; break;
        case 'm': if (!parse_size(optarg, &o->mem)) goto bad; break;
        case 'x': if (!parse_size(optarg, &o->expanded) || o->expanded % 4096) goto bad; break;
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
        case 'D': if (o->ndevs == MAX_DEVS) goto bad; o->devs[o->ndevs++] = optarg; break;
        case 'i': if (!parse_hex(optarg, &v) || v > 0xFFFF) goto bad;
                  o->ipl = true; o->ipl_dev = (uint16_t)v; break;
        case 'L': if (strlen(optarg) > 8) goto bad; o->loadparm = optarg; break;
        case 'h': run_usage(stdout); exit(0);
        default: goto bad;
        }
    }
    if (optind != argc - (o->ipl ? 0 : 1))
        goto bad;
    if (!o->ipl) {
        o->files[o->nfiles] = argv[optind];
        o->addrs[o->nfiles++] = (uint32_t)addr;
    }
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

/* ---- devices ---- */

/* Operator input for the first console: stdin, line by line, on a thread
   of its own (it may block for ever); `stop` ends its use of the device. */
struct console_feed {
    pthread_mutex_t lock;
    bool stop;
    struct device *con;
};

static void to_stdout(void *ctx, const char *text, size_t len)
{
    (void)ctx;
    fwrite(text, 1, len, stdout);
    fflush(stdout);
}

static void *read_stdin(void *arg)
{
    struct console_feed *f = arg;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        pthread_mutex_lock(&f->lock);
        if (!f->stop)
            console_input(f->con, line, (size_t)n);
        pthread_mutex_unlock(&f->lock);
    }
    pthread_mutex_lock(&f->lock);
    if (!f->stop)
        console_input_end(f->con);
    pthread_mutex_unlock(&f->lock);
    free(line);
    return NULL;
}

/* "DEVNUM,TYPE[,ARGS]" onto the next free subchannel. */
static bool attach_dev(struct css *css, const char *spec, struct console_feed *feed)
{
    char type[32];
    uint64_t devnum;
    const char *c1 = strchr(spec, ',');
    const char *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
    size_t tlen = c1 ? (c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1)) : 0;
    char num[8];
    if (!c1 || (size_t)(c1 - spec) >= sizeof num || !tlen || tlen >= sizeof type) {
        fprintf(stderr, "vm390 run: bad device '%s' (DEVNUM,TYPE[,ARGS])\n", spec);
        return false;
    }
    snprintf(num, sizeof num, "%.*s", (int)(c1 - spec), spec);
    snprintf(type, sizeof type, "%.*s", (int)tlen, c1 + 1);
    if (!parse_hex(num, &devnum) || devnum > 0xFFFF) {
        fprintf(stderr, "vm390 run: bad device number in '%s'\n", spec);
        return false;
    }
    char err[256] = "";
    struct device *d = device_create(type, (uint16_t)devnum, c2 ? c2 + 1 : NULL, err, sizeof err);
    if (d && !css_attach(css, d, -1, err, sizeof err)) {
        device_destroy(d);
        d = NULL;
    }
    if (!d) {
        fprintf(stderr, "vm390 run: device %s: %s\n", spec, err);
        return false;
    }
    if (device_is_console(d)) {
        console_set_sink(d, to_stdout, NULL);
        if (!feed->con)
            feed->con = d;
    }
    return true;
}

static void stop_feed(struct console_feed *f)
{
    pthread_mutex_lock(&f->lock);
    f->stop = true;
    pthread_mutex_unlock(&f->lock);
}

static struct css *setup_devices(struct machine *m, const struct run_opts *o,
                                 struct console_feed *feed)
{
    struct css *css = css_create(m);
    if (!css) {
        fprintf(stderr, "vm390 run: cannot create the channel subsystem\n");
        return NULL;
    }
    for (int i = 0; i < o->ndevs; i++)
        if (!attach_dev(css, o->devs[i], feed))
            return NULL;
    if (feed->con) {
        pthread_t t;
        if (pthread_create(&t, NULL, read_stdin, feed) == 0)
            pthread_detach(t);
    }
    return css;
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
    if (!machine_set_expanded(m, o.expanded)) {
        fprintf(stderr, "vm390 run: cannot allocate %" PRIu64 " bytes of expanded storage\n", o.expanded);
        machine_destroy(m);
        return 2;
    }
    static struct console_feed feed = { .lock = PTHREAD_MUTEX_INITIALIZER };
    struct css *css = setup_devices(m, &o, &feed);
    bool ok = css != NULL;
    for (int i = 0; ok && i < o.nfiles; i++)
        ok = load_image(m, o.files[i], o.addrs[i]);
    char err[256];
    if (ok && o.ipl && !css_ipl(css, m->cpu[0], o.ipl_dev, o.loadparm, false, err, sizeof err)) {
        fprintf(stderr, "vm390 run: %s\n", err);
        ok = false;
    }
    if (!ok) {
        stop_feed(&feed);
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
    if (!o.ipl)
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
    if (o.nfiles)
        report_bench390(m, o.addrs[0]);
    for (uint32_t i = 0; i < o.dump_len && storage_valid(m->ms, o.dump_addr + i, 1); i++) {
        if (i % 16 == 0)
            printf("%s%08" PRIX32 " ", i ? "\n" : "", o.dump_addr + i);
        printf("%s%02X", i % 4 ? "" : " ", m->ms->mem[o.dump_addr + i]);
    }
    if (o.dump_len)
        printf("\n");
    rc = !disabled_wait ? 3 : (be32(psw + 4) & 0x00FFFFFF) == 0 ? 0 : 1;
    stop_feed(&feed);
    machine_destroy(m);
    return rc;
}

/* Execution of one guest test case (JSON) against a fresh machine. */
#include "testcase.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "channel/css.h"
#include "cpu/insn.h"
#include "cpu/interrupt.h"
#include "cpu/machine.h"
#include "dat/dat.h"
#include "devices/ckd.h"
#include "devices/ckd_image.h"
#include "devices/console.h"
#include "devices/fba.h"
#include "devices/tape.h"
#include "util.h"

#define MAX_RUNS 64
#define MAX_PGM_LOG 256
#define MAX_IMAGES 32

uint64_t *tc_coverage;

struct run_record {
    bool done;              /* reached the quiet state before the timeout */
    bool pgm_quiet;         /* program interruptions were not traced */
    uint16_t pgm[MAX_PGM_LOG];
    int npgm;               /* codes logged (the newest MAX_PGM_LOG kept) */
};

struct tc {
    cJSON *root;
    char dir[PATH_MAX];
    const struct tc_options *opt;
    struct tc_result *res;
    bool failed;

    uint64_t mainsize;
    uint64_t expanded;      /* config.expanded_bytes (vm390 extension) */
    int numcpu;
    struct cpuid_config cpuid;
    struct machine *m;
    struct css *css;
    int selected;
    bool online[MAX_CPUS];

    int nruns;
    struct run_record runs[MAX_RUNS];
    pthread_mutex_t lock;   /* guards runs[] and console against CPU and I/O threads */
    char *console;          /* what the guest wrote to its consoles */
    size_t console_len, console_cap;
    bool *explicit_check;   /* expectation i is checked by a step */
    int nexp;

    char tmpdir[PATH_MAX];  /* the case's image files, removed at its end */
    int nimages;
    struct { uint16_t devnum; char path[PATH_MAX]; } images[MAX_IMAGES];
};

static void fail(struct tc *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct tc *t, const char *fmt, ...)
{
    if (t->failed)
        return;
    t->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->res->message, sizeof t->res->message, fmt, ap);
    va_end(ap);
}

static void skip(struct tc *t, const char *why)
{
    if (t->failed)
        return;
    t->failed = true;
    t->res->status = TC_SKIP;
    snprintf(t->res->message, sizeof t->res->message, "%s", why);
}

static const char *jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool jnum(const cJSON *o, const char *key, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v))
        return false;
    *out = v->valuedouble;
    return true;
}

static bool jhex(struct tc *t, const cJSON *o, const char *key, uint64_t *out)
{
    const char *s = jstr(o, key);
    if (!s || !parse_hex(s, out)) {
        fail(t, "field '%s' is missing or not hexadecimal", key);
        return false;
    }
    return true;
}

/* ---- hooks called on CPU threads ---- */

static void on_program_interrupt(void *ctx, struct cpu *c, uint16_t code)
{
    (void)c;
    struct tc *t = ctx;
    pthread_mutex_lock(&t->lock);
    struct run_record *r = &t->runs[t->nruns > 0 ? t->nruns - 1 : 0];
    r->pgm[r->npgm++ % MAX_PGM_LOG] = code;
    pthread_mutex_unlock(&t->lock);
}

static void on_trace(void *ctx, struct cpu *c, const uint8_t *ip)
{
    (void)ctx;
    (void)c;
    const struct insn_desc *d = insn_lookup(ip);
    if (d && tc_coverage)
        __atomic_fetch_add(&tc_coverage[d - insn_table], 1, __ATOMIC_RELAXED);
}

/* ---- machine configuration ---- */

static bool find_image(struct tc *t, const char *name, char *path, size_t n);

static void on_console_output(void *ctx, const char *text, size_t len)
{
    struct tc *t = ctx;
    pthread_mutex_lock(&t->lock);
    if (t->console_len + len + 1 > t->console_cap) {
        size_t cap = (t->console_len + len + 1) * 2;
        char *p = realloc(t->console, cap);
        if (p) {
            t->console = p;
            t->console_cap = cap;
        }
    }
    if (t->console_len + len + 1 <= t->console_cap) {
        memcpy(t->console + t->console_len, text, len);
        t->console_len += len;
        t->console[t->console_len] = 0;
    }
    pthread_mutex_unlock(&t->lock);
}

/* A console's operator input: the lines of "input", then end of input. */
static void feed_console(struct device *d, const cJSON *input)
{
    const cJSON *line;
    cJSON_ArrayForEach(line, input)
        if (cJSON_IsString(line))
            console_input(d, line->valuestring, strlen(line->valuestring));
    console_input_end(d);
}

/* ---- image files made for the case ---- */

static bool make_tmpdir(struct tc *t)
{
    if (t->tmpdir[0])
        return true;
    const char *base = getenv("TMPDIR");
    snprintf(t->tmpdir, sizeof t->tmpdir, "%s/vm390-case-XXXXXX", base && *base ? base : "/tmp");
    if (mkdtemp(t->tmpdir))
        return true;
    fail(t, "cannot create a temporary directory: %m");
    t->tmpdir[0] = 0;
    return false;
}

static void remove_tmpdir(struct tc *t)
{
    if (!t->tmpdir[0])
        return;
    DIR *d = opendir(t->tmpdir);
    struct dirent *e;
    char path[PATH_MAX + 256];
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", t->tmpdir, e->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
    rmdir(t->tmpdir);
}

static bool copy_file(const char *from, const char *to)
{
    size_t len;
    uint8_t *data = read_file(from, &len);
    FILE *f = data ? fopen(to, "wb") : NULL;
    bool ok = f && fwrite(data, 1, len, f) == len;
    if (f && fclose(f))
        ok = false;
    free(data);
    return ok;
}

/* A new image of "create" (a CKD or FBA model, "tape" or "empty"). */
static bool create_image(const cJSON *img, const char *what, const char *path, char *err,
                         size_t errlen)
{
    double n = 0;
    const char *volser = jstr(img, "volser");
    bool compress = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(img, "compress"));
    const struct ckd_model *ckd = ckd_model_find(what);
    const struct fba_model *fba = fba_model_find(what);
    if (ckd) {
        bool raw = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(img, "raw"));
        struct ckd_create c = { .devtype = ckd->devtype, .cyls = ckd->cyls, .compressed = compress,
                                .volser = raw ? NULL : volser ? volser : "VOL001" };
        if (jnum(img, "cyls", &n))
            c.cyls = (uint32_t)n;
        return ckd_image_create(path, &c, err, errlen);
    }
    if (fba) {
        struct fba_create c = { .devtype = fba->devtype, .blocks = fba->blocks,
                                .compressed = compress };
        if (jnum(img, "blocks", &n))
            c.blocks = (uint32_t)n;
        return fba_image_create(path, &c, err, errlen);
    }
    if (!strcmp(what, "tape"))
        return tape_image_create(path, volser, jstr(img, "owner"), compress, err, errlen);
    if (!strcmp(what, "empty"))
        return true;
    snprintf(err, errlen, "cannot create an image of \"%s\"", what);
    return false;
}

/* "image": {"create": ..., "name": file name} or {"copy": a file found
   like storage[].file}: a fresh file in the case's temporary directory,
   whose path goes in front of the device's arguments. */
static bool make_image(struct tc *t, uint16_t devnum, const cJSON *img, char *path, size_t n)
{
    const char *what = jstr(img, "create"), *from = jstr(img, "copy"), *name = jstr(img, "name");
    char src[PATH_MAX], err[512], dflt[16];
    if ((!what == !from) || t->nimages == MAX_IMAGES) {
        fail(t, "device %04X: \"image\" needs one of \"create\" and \"copy\" (at most %d images)",
             devnum, MAX_IMAGES);
        return false;
    }
    if (!make_tmpdir(t))
        return false;
    if (from && !find_image(t, from, src, sizeof src)) {
        fail(t, "device %04X: cannot find image '%s'", devnum, from);
        return false;
    }
    snprintf(dflt, sizeof dflt, "%04X.img", devnum);
    if (!name)
        name = from ? strrchr(from, '/') ? strrchr(from, '/') + 1 : from : dflt;
    if (snprintf(path, n, "%s/%s", t->tmpdir, name) >= (int)n) {
        fail(t, "device %04X: image name too long", devnum);
        return false;
    }
    unlink(path);   /* a rebuilt machine gets a fresh image */
    bool ok = from ? copy_file(src, path) : create_image(img, what, path, err, sizeof err);
    if (!ok) {
        fail(t, "device %04X: %s", devnum, from ? "cannot copy the image" : err);
        return false;
    }
    t->images[t->nimages].devnum = devnum;
    snprintf(t->images[t->nimages++].path, PATH_MAX, "%s", path);
    return true;
}

static const char *image_of(struct tc *t, uint16_t devnum)
{
    for (int i = t->nimages - 1; i >= 0; i--)
        if (t->images[i].devnum == devnum)
            return t->images[i].path;
    return NULL;
}

/* config.devices: {"devnum", "type", "subchannel" (default: the next
   free), "args", "image", "input" (console lines)}. */
static bool attach_device(struct tc *t, struct css *css, const cJSON *e)
{
    uint64_t devnum;
    double sch = -1;
    const char *type = jstr(e, "type");
    if (!jhex(t, e, "devnum", &devnum) || !type) {
        fail(t, "a device needs \"devnum\" and \"type\"");
        return false;
    }
    jnum(e, "subchannel", &sch);
    /* arguments naming a file next to the case (or in the image dir) */
    const char *args = jstr(e, "args");
    char path[PATH_MAX], full[2 * PATH_MAX];
    const cJSON *img = cJSON_GetObjectItemCaseSensitive(e, "image");
    if (img) {
        if (!make_image(t, (uint16_t)devnum, img, path, sizeof path))
            return false;
        snprintf(full, sizeof full, "%s%s%s", path, args ? " " : "", args ? args : "");
        args = full;
    } else if (args && find_image(t, args, path, sizeof path)) {
        args = path;
    }
    char err[256] = "";
    struct device *d = device_create(type, (uint16_t)devnum, args, err, sizeof err);
    if (d && !css_attach(css, d, (int)sch, err, sizeof err)) {
        device_destroy(d);
        d = NULL;
    }
    if (!d) {
        fail(t, "device %04" PRIX64 ": %s", devnum, err);
        return false;
    }
    if (device_is_console(d)) {
        console_set_sink(d, on_console_output, t);
        feed_console(d, cJSON_GetObjectItemCaseSensitive(e, "input"));
    }
    return true;
}

static bool attach_devices(struct tc *t)
{
    struct css *css = t->css = css_create(t->m);
    if (!css) {
        fail(t, "cannot create the channel subsystem");
        return false;
    }
    const cJSON *cfg = cJSON_GetObjectItemCaseSensitive(t->root, "config");
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(cfg, "devices"))
        if (!attach_device(t, css, e))
            return false;
    return true;
}

static bool build_machine(struct tc *t)
{
    if (t->m && t->m->ms->size == t->mainsize && t->m->ncpu == t->numcpu &&
        (uint64_t)t->m->xstore_blocks * 4096 == t->expanded)
        return true;
    machine_destroy(t->m);
    t->m = machine_create(t->mainsize, t->numcpu);
    if (!t->m) {
        fail(t, "cannot create a machine of %" PRIu64 " bytes with %d CPUs", t->mainsize, t->numcpu);
        return false;
    }
    if (!machine_set_expanded(t->m, t->expanded)) {
        fail(t, "cannot allocate %" PRIu64 " bytes of expanded storage", t->expanded);
        return false;
    }
    if (!attach_devices(t))
        return false;
    t->m->cpuid = t->cpuid;
    t->m->hooks.ctx = t;
    t->m->hooks.program_interrupt = on_program_interrupt;
    if (t->opt->coverage)
        t->m->hooks.trace = on_trace;
    return true;
}

/* "C8" or "C8 FORCE" (keep the version in LPAR mode): the leading hex. */
static bool parse_version(const char *s, uint64_t *out)
{
    char tok[8];
    return sscanf(s, "%7s", tok) == 1 && parse_hex(tok, out);
}

static void apply_config(struct tc *t, const char *key, const cJSON *val)
{
    const char *s = cJSON_IsString(val) ? val->valuestring : NULL;
    double d = cJSON_IsNumber(val) ? val->valuedouble : 0;
    uint64_t h;
    if (!strcmp(key, "mainsize_bytes"))
        t->mainsize = (uint64_t)d;
    else if (!strcmp(key, "expanded_bytes"))
        t->expanded = (uint64_t)d;
    else if (!strcmp(key, "numcpu"))
        t->numcpu = (int)d;
    else if (!strcmp(key, "lparnum") && s)
        t->cpuid.lpar = !strcmp(s, "BASIC") ? -1 : (int)strtol(s, NULL, 16);
    else if (!strcmp(key, "cpuidfmt") && s)
        t->cpuid.format = atoi(s);
    else if (!strcmp(key, "cpuverid") && s && parse_version(s, &h))
        t->cpuid.version = (uint8_t)h;
    else if (!strcmp(key, "cpumodel") && s && parse_hex(s, &h))
        t->cpuid.model = (uint16_t)h;
    else if (!strcmp(key, "cpuserial") && s && parse_hex(s, &h))
        t->cpuid.serial = (uint32_t)h;
    /* maxcpu and unknown keys do not change an ESA/390 machine */
    if (t->m)
        t->m->cpuid = t->cpuid;
}

static void load_config_object(struct tc *t)
{
    const cJSON *cfg = cJSON_GetObjectItemCaseSensitive(t->root, "config");
    const cJSON *item;
    cJSON_ArrayForEach(item, cfg)
        if (item->string && strcmp(item->string, "cpuid") && strcmp(item->string, "devices"))
            apply_config(t, item->string, item);
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(cfg, "cpuid"))
        apply_config(t, item->string, item);
}

/* ---- storage ---- */

static struct cpu *selected_cpu(struct tc *t)
{
    return t->m->cpu[t->selected];
}

/* Absolute address of a test address in space "real", "absolute" or "virtual". */
static bool to_absolute(struct tc *t, const char *space, uint64_t addr, uint64_t *abs)
{
    struct cpu *c = selected_cpu(t);
    if (!space || !strcmp(space, "absolute")) {
        *abs = addr;
    } else if (!strcmp(space, "real")) {
        *abs = prefix_real_to_abs((uint32_t)addr, c->prefix);
    } else if (!strcmp(space, "virtual")) {
        struct dat_result r;
        int code = dat_translate(t->m->ms, c->prefix, c->cr[0], c->cr[1], (uint32_t)addr, &r);
        if (code) {
            fail(t, "virtual address %06" PRIX64 " does not translate (code %02X)", addr, code);
            return false;
        }
        *abs = prefix_real_to_abs(r.real, c->prefix);
    } else {
        fail(t, "unknown address space '%s'", space);
        return false;
    }
    return true;
}

static FILE *open_in(const char *dir, const char *name, char *path, size_t n)
{
    int len = snprintf(path, n, "%s/%s", dir, name);
    return len > 0 && (size_t)len < n ? fopen(path, "rb") : NULL;
}

static bool find_image(struct tc *t, const char *name, char *path, size_t n)
{
    if (name[0] == '/') {
        snprintf(path, n, "%s", name);
        FILE *f = fopen(path, "rb");
        if (f)
            fclose(f);
        return f != NULL;
    }
    FILE *f = open_in(t->dir, name, path, n);
    if (!f && t->opt->image_dir)
        f = open_in(t->opt->image_dir, name, path, n);
    if (f)
        fclose(f);
    return f != NULL;
}

static void store_bytes(struct tc *t, uint64_t abs, const uint8_t *data, size_t len)
{
    if (!storage_valid(t->m->ms, abs, len)) {
        fail(t, "%zu bytes at %" PRIX64 " do not fit in %" PRIu64 " bytes of storage", len, abs, t->m->ms->size);
        return;
    }
    memcpy(t->m->ms->mem + abs, data, len);
}

static void store_hex(struct tc *t, uint64_t abs, const char *hex)
{
    size_t max = strlen(hex) / 2 + 1;
    uint8_t *buf = malloc(max);
    long n = buf ? hex_to_bytes(hex, buf, max) : -1;
    if (n < 0)
        fail(t, "bad hex string at %" PRIX64, abs);
    else
        store_bytes(t, abs, buf, (size_t)n);
    free(buf);
}

static void load_storage(struct tc *t)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t->root, "storage")) {
        uint64_t addr, abs;
        if (!jhex(t, e, "addr", &addr) || !to_absolute(t, jstr(e, "space"), addr, &abs))
            return;
        const char *file = jstr(e, "file"), *hex = jstr(e, "hex");
        if (file) {
            char path[PATH_MAX];
            size_t len;
            uint8_t *data = find_image(t, file, path, sizeof path) ? read_file(path, &len) : NULL;
            if (!data) {
                fail(t, "cannot read image '%s'", file);
                return;
            }
            store_bytes(t, abs, data, len);
            free(data);
        } else if (hex) {
            store_hex(t, abs, hex);
        }
    }
}

/* ---- running ---- */

static void do_run(struct tc *t, const cJSON *step)
{
    if (t->nruns == MAX_RUNS) {
        fail(t, "too many runs");
        return;
    }
    struct machine *m = t->m;
    struct cpu *c = selected_cpu(t);
    const char *method = jstr(step, "method");
    double timeout = 1.0;
    jnum(step, "timeout_s", &timeout);
    const char *mode = jstr(step, "pgm_trace");
    pthread_mutex_lock(&t->lock);
    struct run_record *r = &t->runs[t->nruns++];
    memset(r, 0, sizeof *r);
    r->pgm_quiet = mode && !strcmp(mode, "quiet");
    pthread_mutex_unlock(&t->lock);

    if (method && !strcmp(method, "restart_from_old_psw")) {
        static const struct { const char *name; uint32_t addr; } olds[] = {
            { "external", LC_EXT_OLD }, { "svc", LC_SVC_OLD }, { "program", LC_PGM_OLD },
            { "machine", LC_MCK_OLD }, { "io", LC_IO_OLD },
        };
        const char *which = jstr(step, "old_psw");
        for (size_t i = 0; which && i < sizeof olds / sizeof olds[0]; i++)
            if (!strcmp(which, olds[i].name))
                memcpy(m->ms->mem + c->prefix, m->ms->mem + c->prefix + olds[i].addr, 8);
        method = "restart";
    }
    if (!method || !strcmp(method, "restart"))
        cpu_restart_interrupt(c);
    else if (strcmp(method, "start")) {
        fail(t, "unsupported run method '%s'", method);
        return;
    }
    for (int i = 0; i < m->ncpu; i++) {
        m->cpu[i]->icount_limit = UINT64_MAX;
        if (t->opt->coverage)
            cpu_post_event(m->cpu[i], EV_TRACE);
    }
    machine_start_cpu(m, c);
    machine_start(m);
    double limit = timeout * t->opt->timeout_scale;
    r->done = machine_wait_quiet(m, (int)((limit < 2.0 ? 2.0 : limit) * 1000));
    machine_stop(m);
}

/* ---- expectations ---- */

static uint16_t last_traced(const struct run_record *r, const cJSON *exp)
{
    if (r->pgm_quiet)
        return 0;
    const char *traced = jstr(exp, "traced");
    const cJSON *untraced = cJSON_GetObjectItemCaseSensitive(exp, "untraced_codes");
    int first = r->npgm > MAX_PGM_LOG ? r->npgm - MAX_PGM_LOG : 0;
    for (int i = r->npgm - 1; i >= first; i--) {
        uint16_t code = r->pgm[i % MAX_PGM_LOG];
        bool hidden = false;
        const cJSON *u;
        cJSON_ArrayForEach(u, untraced) {
            uint64_t v;
            if (traced && !strcmp(traced, "all-except") && cJSON_IsString(u) &&
                parse_hex(u->valuestring, &v) && v == (code & 0x7F))
                hidden = true;
        }
        if (!hidden)
            return code;
    }
    return 0;
}

static const struct run_record *run_of(struct tc *t, const cJSON *exp)
{
    double after = -1;
    jnum(exp, "after_run", &after);
    int i = after < 0 ? t->nruns - 1 : (int)after;
    if (i < 0 || i >= t->nruns) {
        fail(t, "expectation refers to run %d, which did not happen", i);
        return NULL;
    }
    return &t->runs[i];
}

static struct cpu *cpu_of(struct tc *t, const cJSON *exp)
{
    double n;
    if (jnum(exp, "cpu", &n) && n >= 0 && n < t->m->ncpu)
        return t->m->cpu[(int)n];
    return selected_cpu(t);
}

static void check_wait(struct tc *t, const cJSON *exp)
{
    const struct run_record *r = run_of(t, exp);
    struct cpu *c = cpu_of(t, exp);
    if (!r)
        return;
    uint8_t psw[8];
    cpu_store_psw(c, psw);
    uint32_t w0 = be32(psw), w1 = be32(psw + 4);
    bool disabled = (c->pswm & PSW_WAIT) && !(c->pswm & (PSW_IO | PSW_EXT | PSW_MCHECK));
    if (!r->done || !disabled) {
        fail(t, "CPU %u did not end in a disabled wait%s (PSW %08X %08X%s)", c->cpuad,
             r->done ? "" : " before the timeout", w0, w1,
             c->pgm_loop ? ", program-interruption loop" : "");
        return;
    }
    const char *exact = jstr(exp, "psw");
    if (exact) {
        uint64_t want;
        if (parse_hex(exact, &want) && want != ((uint64_t)w0 << 32 | w1))
            fail(t, "wait PSW %08X %08X, expected %s", w0, w1, exact);
        return;
    }
    uint64_t low24 = 0;
    const char *s = jstr(exp, "psw_ia_low24");
    if (s && parse_hex(s, &low24) && (w1 & 0xFFFFFF) == low24)
        return;
    const char *dead = jstr(exp, "or_psw_ia_low16_DEAD_if_program_interrupt");
    uint64_t code;
    if (dead && parse_hex(dead, &code) && (w1 & 0xFFFF) == 0xDEAD) {
        const cJSON *pe = NULL, *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t->root, "expected"))
            if (jstr(e, "kind") && !strcmp(jstr(e, "kind"), "program_interrupt"))
                pe = e;
        if ((last_traced(r, pe) & 0x7F) == code)
            return;
    }
    fail(t, "wait PSW %08X %08X: instruction address does not end in %06" PRIX64, w0, w1, low24);
}

static void check_program_interrupt(struct tc *t, const cJSON *exp)
{
    const struct run_record *r = run_of(t, exp);
    if (!r)
        return;
    uint16_t last = last_traced(r, exp);
    const char *want = jstr(exp, "last_traced_code");
    uint64_t code = 0;
    if (want && !parse_hex(want, &code)) {
        fail(t, "bad last_traced_code '%s'", want);
        return;
    }
    if ((last & 0x7F) != code)
        fail(t, "last logged program interruption %04X, expected %04" PRIX64, last, code);
}

static void check_storage(struct tc *t, const cJSON *exp)
{
    uint64_t addr, abs;
    const char *hex = jstr(exp, "hex");
    if (!jhex(t, exp, "addr", &addr) || !hex || !to_absolute(t, jstr(exp, "space"), addr, &abs))
        return;
    uint8_t want[4096];
    long n = hex_to_bytes(hex, want, sizeof want);
    if (n < 0 || !storage_valid(t->m->ms, abs, (uint64_t)n)) {
        fail(t, "storage expectation at %" PRIX64 " is malformed or outside storage", addr);
        return;
    }
    const uint8_t *have = t->m->ms->mem + abs;
    for (long i = 0; i < n; i++)
        if (have[i] != want[i]) {
            char got[2 * 64 + 1] = "";
            for (long k = 0; k < n && k < 64; k++)
                sprintf(got + 2 * k, "%02X", have[k]);
            const char *label = jstr(exp, "label");
            fail(t, "storage %" PRIX64 ": %s, expected %s%s%s%s", addr, got, hex,
                 label ? " (" : "", label ? label : "", label ? ")" : "");
            return;
        }
}

static void check_register(struct tc *t, const cJSON *exp, const char *kind)
{
    struct cpu *c = cpu_of(t, exp);
    double reg = 0;
    uint64_t want, have;
    if (!jhex(t, exp, "hex", &want))
        return;
    jnum(exp, "reg", &reg);
    int r = (int)reg & 15;
    if (!strcmp(kind, "gpr"))
        have = c->gr[r];
    else if (!strcmp(kind, "cr"))
        have = c->cr[r];
    else if (!strcmp(kind, "ar"))
        have = c->ar[r];
    else if (!strcmp(kind, "fpr"))
        have = c->fpr[r];
    else if (!strcmp(kind, "fpc"))
        have = c->fpc;
    else if (!strcmp(kind, "prefix"))
        have = c->prefix;
    else {
        uint8_t psw[8];
        cpu_store_psw(c, psw);
        have = be64(psw);
    }
    if (have != want)
        fail(t, "%s %d of CPU %u is %" PRIX64 ", expected %" PRIX64, kind, r, c->cpuad, have, want);
}

static void check_key(struct tc *t, const cJSON *exp)
{
    uint64_t addr, abs, want;
    if (!jhex(t, exp, "addr", &addr) || !jhex(t, exp, "hex", &want) ||
        !to_absolute(t, jstr(exp, "space"), addr, &abs))
        return;
    if (abs >= t->m->ms->size) {
        fail(t, "key expectation outside storage");
        return;
    }
    uint8_t have = t->m->ms->skey[abs >> PAGE_SHIFT] & 0xFE;
    if (have != (want & 0xFE))
        fail(t, "storage key of %" PRIX64 " is %02X, expected %02" PRIX64, addr, have, want);
}

/* "text": exactly what the guest wrote; "contains": a part of it. */
static void check_console(struct tc *t, const cJSON *exp)
{
    const char *text = jstr(exp, "text"), *part = jstr(exp, "contains");
    pthread_mutex_lock(&t->lock);
    const char *have = t->console ? t->console : "";
    if (text && strcmp(have, text))
        fail(t, "console output \"%.400s\", expected \"%.400s\"", have, text);
    else if (part && !strstr(have, part))
        fail(t, "console output \"%.400s\" does not contain \"%.400s\"", have, part);
    else if (!text && !part)
        fail(t, "a console expectation needs \"text\" or \"contains\"");
    pthread_mutex_unlock(&t->lock);
}

/* "file": the image file of device "devnum" after the run: "text" all
   of it, "contains" a part, "hex" the bytes at "offset". */
static void check_file(struct tc *t, const cJSON *exp)
{
    uint64_t devnum, offset = 0;
    if (!jhex(t, exp, "devnum", &devnum))
        return;
    const char *path = image_of(t, (uint16_t)devnum);
    const char *text = jstr(exp, "text"), *part = jstr(exp, "contains"), *hex = jstr(exp, "hex");
    size_t len;
    char *have = path ? (char *)read_file(path, &len) : NULL;
    if (!have) {
        fail(t, "device %04" PRIX64 " has no image file to check", devnum);
        return;
    }
    if (jstr(exp, "offset"))
        jhex(t, exp, "offset", &offset);
    char *str = realloc(have, len + 1);
    if (str) {
        have = str;
        have[len] = 0;
    }
    uint8_t want[4096];
    long n = hex ? hex_to_bytes(hex, want, sizeof want) : 0;
    if (!str)
        fail(t, "out of memory");
    else if (text && (strlen(text) != len || memcmp(have, text, len)))
        fail(t, "file of %04" PRIX64 " holds \"%.400s\", expected \"%.400s\"", devnum, have, text);
    else if (part && !strstr(have, part))
        fail(t, "file of %04" PRIX64 " \"%.400s\" does not contain \"%.400s\"", devnum, have, part);
    else if (hex && (n < 0 || offset + (uint64_t)n > len || memcmp(have + offset, want, (size_t)n)))
        fail(t, "file of %04" PRIX64 ": bytes at %" PRIX64 " are not %s", devnum, offset, hex);
    else if (!text && !part && !hex)
        fail(t, "a file expectation needs \"text\", \"contains\" or \"hex\"");
    free(have);
}

static void check_expectation(struct tc *t, int idx)
{
    const cJSON *exp = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(t->root, "expected"), idx);
    const char *kind = jstr(exp, "kind");
    if (!kind) {
        fail(t, "expectation %d has no kind", idx);
    } else if (!strcmp(kind, "wait")) {
        check_wait(t, exp);
    } else if (!strcmp(kind, "program_interrupt")) {
        check_program_interrupt(t, exp);
    } else if (!strcmp(kind, "storage")) {
        check_storage(t, exp);
    } else if (!strcmp(kind, "key")) {
        check_key(t, exp);
    } else if (!strcmp(kind, "console")) {
        check_console(t, exp);
    } else if (!strcmp(kind, "file")) {
        check_file(t, exp);
    } else if (!strcmp(kind, "timeout")) {
        const struct run_record *r = run_of(t, exp);
        if (r && r->done)
            fail(t, "run ended before the timeout, a timeout was expected");
    } else if (!strcmp(kind, "icount_max")) {
        double max = 0;
        jnum(exp, "value", &max);
        uint64_t total = 0;
        for (int i = 0; i < t->m->ncpu; i++)
            total += t->m->cpu[i]->icount;
        if ((double)total > max)
            fail(t, "%" PRIu64 " instructions executed, at most %.0f expected", total, max);
    } else if (!strcmp(kind, "gpr") || !strcmp(kind, "cr") || !strcmp(kind, "ar") ||
               !strcmp(kind, "fpr") || !strcmp(kind, "fpc") || !strcmp(kind, "prefix") ||
               !strcmp(kind, "psw")) {
        check_register(t, exp, kind);
    } else {
        fail(t, "unsupported expectation kind '%s'", kind);
    }
}

/* Expectations not named by a check step are checked after their run. */
static void check_after_run(struct tc *t, int run)
{
    const cJSON *e;
    int i = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t->root, "expected")) {
        double after = 0;   /* without after_run: the (first) run */
        jnum(e, "after_run", &after);
        if (!t->explicit_check[i] && (int)after == run)
            check_expectation(t, i);
        i++;
    }
}

/* ---- steps ---- */

static void step_sysclear(struct tc *t)
{
    if (!build_machine(t))
        return;
    machine_clear_reset(t->m);
    t->selected = 0;
    for (int i = 0; i < MAX_CPUS; i++)
        t->online[i] = true;
}

static void step_set_reg(struct tc *t, const cJSON *s)
{
    struct cpu *c = selected_cpu(t);
    const char *file = jstr(s, "file");
    double reg = 0;
    uint64_t v;
    jnum(s, "reg", &reg);
    if (!file || !jhex(t, s, "hex", &v))
        return;
    int r = (int)reg & 15;
    if (!strcmp(file, "gpr"))
        c->gr[r] = (uint32_t)v;
    else if (!strcmp(file, "cr"))
        c->cr[r] = (uint32_t)v;
    else if (!strcmp(file, "ar"))
        c->ar[r] = (uint32_t)v;
    else if (!strcmp(file, "fpr"))
        c->fpr[r] = v;
    else
        fail(t, "unknown register file '%s'", file);
    cpu_psw_changed(c);
}

static void step_set_prefix(struct tc *t, const cJSON *s)
{
    uint64_t v;
    if (!jhex(t, s, "hex", &v))
        return;
    uint32_t p = (uint32_t)v & 0x7FFFF000u;
    if (storage_valid(t->m->ms, p, PAGE_SIZE)) {   /* else refused, unchanged */
        selected_cpu(t)->prefix = p;
        cpu_tlb_purge(selected_cpu(t));
    }
}

/* {"op": "ipl", "devnum": "0190", "loadparm": "...", "clear": false} */
static void step_ipl(struct tc *t, const cJSON *s)
{
    uint64_t devnum;
    char err[256];
    if (!jhex(t, s, "devnum", &devnum))
        return;
    bool clear = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "clear"));
    if (!css_ipl(t->css, selected_cpu(t), (uint16_t)devnum, jstr(s, "loadparm"), clear, err,
                 sizeof err))
        fail(t, "%s", err);
}

static void run_step(struct tc *t, const cJSON *s)
{
    const char *op = jstr(s, "op");
    double n = 0;
    if (!op) {
        fail(t, "step without op");
        return;
    }
    if (strcmp(op, "config") && strcmp(op, "sysclear") && strcmp(op, "set_arch") && !t->m) {
        if (!build_machine(t))
            return;
        step_sysclear(t);
    }
    if (!strcmp(op, "config")) {
        const char *key = jstr(s, "key");
        if (key)
            apply_config(t, key, cJSON_GetObjectItemCaseSensitive(s, "value"));
    } else if (!strcmp(op, "sysclear")) {
        step_sysclear(t);
    } else if (!strcmp(op, "sysreset")) {
        /* system reset: CPU reset and I/O-subsystem reset */
        for (int i = 0; i < t->m->ncpu; i++)
            cpu_reset(t->m->cpu[i]);
        t->m->io->reset(t->m->io_ctx);
    } else if (!strcmp(op, "set_arch")) {
        const char *arch = jstr(s, "arch");
        if (arch && strstr(arch, "z/Arch"))
            skip(t, "z/Architecture cases are not for an ESA/390 machine");
    } else if (!strcmp(op, "load_image")) {
        load_storage(t);
    } else if (!strcmp(op, "store")) {
        uint64_t addr, abs;
        if (jhex(t, s, "addr", &addr) && to_absolute(t, jstr(s, "space"), addr, &abs) && jstr(s, "hex"))
            store_hex(t, abs, jstr(s, "hex"));
    } else if (!strcmp(op, "set_reg")) {
        step_set_reg(t, s);
    } else if (!strcmp(op, "ipl")) {
        step_ipl(t, s);
    } else if (!strcmp(op, "set_prefix")) {
        step_set_prefix(t, s);
    } else if (!strcmp(op, "frame_usable")) {
        uint64_t addr;
        const cJSON *u = cJSON_GetObjectItemCaseSensitive(s, "usable");
        if (jhex(t, s, "addr", &addr) && addr < t->m->ms->size)
            t->m->ms->unusable[addr >> PAGE_SHIFT] = !cJSON_IsTrue(u);
    } else if (!strcmp(op, "select_cpu")) {
        if (jnum(s, "cpu", &n) && n >= 0 && n < t->m->ncpu)
            t->selected = (int)n;
        else
            fail(t, "select_cpu: no such CPU");
    } else if (!strcmp(op, "configure_cpu")) {
        if (jnum(s, "cpu", &n) && n >= 0 && n < t->m->ncpu) {
            bool on = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "online"));
            t->online[(int)n] = on;
            t->m->cpu[(int)n]->online = on;   /* SIGP finds it not operational */
        }
    } else if (!strcmp(op, "run")) {
        do_run(t, s);
        if (!t->failed)
            check_after_run(t, t->nruns - 1);
    } else if (!strcmp(op, "check")) {
        if (jnum(s, "expected", &n))
            check_expectation(t, (int)n);
    } else if (strcmp(op, "pgm_trace") && strcmp(op, "facility")) {
        fail(t, "unsupported step '%s'", op);
    }
}

static void run_default_steps(struct tc *t)
{
    step_sysclear(t);
    if (t->failed)
        return;
    load_storage(t);
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(t->root, "start");
    cJSON *step = cJSON_Duplicate(start ? start : t->root, true);
    if (!start)
        cJSON_AddStringToObject(step, "method", "restart");
    if (!t->failed)
        do_run(t, step);
    cJSON_Delete(step);
    if (!t->failed)
        check_after_run(t, 0);
}

static void mark_explicit_checks(struct tc *t)
{
    t->nexp = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(t->root, "expected"));
    t->explicit_check = calloc((size_t)t->nexp + 1, sizeof(bool));
    const cJSON *s;
    double n;
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(t->root, "steps"))
        if (jstr(s, "op") && !strcmp(jstr(s, "op"), "check") && jnum(s, "expected", &n) &&
            n >= 0 && n < t->nexp)
            t->explicit_check[(int)n] = true;
}

bool testcase_run_file(const char *path, const struct tc_options *opt, struct tc_result *res)
{
    memset(res, 0, sizeof *res);
    snprintf(res->id, sizeof res->id, "%s", path);
    size_t len;
    char *text = (char *)read_file(path, &len);
    if (!text) {
        res->status = TC_FAIL;
        snprintf(res->message, sizeof res->message, "cannot read %s: %m", path);
        return true;
    }
    struct tc t = { .opt = opt, .res = res, .mainsize = 2u << 20, .numcpu = 1 };
    t.cpuid = (struct cpuid_config){ .version = 0xFD, .serial = 0x039000, .model = 0x9672, .lpar = -1 };
    t.root = cJSON_Parse(text);
    free(text);
    if (!t.root) {
        res->status = TC_FAIL;
        snprintf(res->message, sizeof res->message, "not valid JSON near: %.40s", cJSON_GetErrorPtr());
        return true;
    }
    const char *format = jstr(t.root, "format");
    if (!format || (strncmp(format, "hercules-tst-neutral/", 21) && strncmp(format, "vm390-test/", 11))) {
        cJSON_Delete(t.root);
        return false;
    }
    if (jstr(t.root, "id"))
        snprintf(res->id, sizeof res->id, "%s", jstr(t.root, "id"));
    snprintf(res->name, sizeof res->name, "%s", jstr(t.root, "name") ? jstr(t.root, "name") : res->id);
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", path);
    snprintf(t.dir, sizeof t.dir, "%s", dirname(tmp));
    pthread_mutex_init(&t.lock, NULL);
    mark_explicit_checks(&t);
    load_config_object(&t);

    double t0 = now_seconds();
    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(t.root, "steps");
    if (cJSON_IsArray(steps)) {
        const cJSON *s;
        cJSON_ArrayForEach(s, steps) {
            if (t.failed)
                break;
            run_step(&t, s);
        }
    } else {
        run_default_steps(&t);
    }
    res->seconds = now_seconds() - t0;
    if (!t.failed)
        res->status = TC_PASS;
    else if (res->status != TC_SKIP)
        res->status = TC_FAIL;
    machine_destroy(t.m);
    remove_tmpdir(&t);
    free(t.console);
    free(t.explicit_check);
    pthread_mutex_destroy(&t.lock);
    cJSON_Delete(t.root);
    return true;
}

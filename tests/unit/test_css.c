/*
 * The channel subsystem through its io_ops and IPL: operand exceptions,
 * interruption subclasses and their priority, and the IPL sequence of
 * SA22-7201 chapter 17.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "channel/css.h"
#include "cpu/interrupt.h"
#include "devices/device.h"
#include "unit.h"

static struct machine *m;
static struct css *css;

static struct device *attach(uint16_t devnum, const char *args)
{
    char err[128] = "";
    struct device *d = device_create("TEST", devnum, args, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_TRUE_FATAL(css_attach(css, d, -1, err, sizeof err));
    return d;
}

static void setup(void)
{
    m = machine_create(1 << 20, 1);
    css = css_create(m);
}

/* Enable subchannel n on interruption subclass isc. */
static void enable(uint32_t n, unsigned isc)
{
    uint8_t schib[IO_SCHIB_SIZE];
    CU_ASSERT_EQUAL(m->io->store(m->io_ctx, 0x00010000 | n, schib), 0);
    schib[4] = (uint8_t)(isc << 3);
    schib[5] |= 0x80;
    CU_ASSERT_EQUAL(m->io->modify(m->io_ctx, 0x00010000 | n, schib), 0);
}

static void test_operand_exceptions(void)
{
    setup();
    attach(0x190, NULL);
    uint8_t orb[IO_ORB_SIZE] = { 0 };
    orb[7] = 1;                                   /* word 1 bit 31 */
    CU_ASSERT_EQUAL(m->io->start(m->io_ctx, 0x00010000, orb), -PGM_OPERAND);
    orb[7] = 0;
    orb[8] = 0x80;                                /* CCW address bit 0 */
    CU_ASSERT_EQUAL(m->io->start(m->io_ctx, 0x00010000, orb), -PGM_OPERAND);
    uint8_t schib[IO_SCHIB_SIZE] = { 0 };
    schib[5] = 0x60;                              /* limit mode 11 */
    CU_ASSERT_EQUAL(m->io->modify(m->io_ctx, 0x00010000, schib), -PGM_OPERAND);
    CU_ASSERT_EQUAL(m->io->set_address_limit(m->io_ctx, 0x80000000), -PGM_OPERAND);
    CU_ASSERT_EQUAL(m->io->set_monitor(m->io_ctx, 2, 0x1010), -PGM_OPERAND);
    CU_ASSERT_EQUAL(m->io->set_monitor(m->io_ctx, 0, 0x1010), 0);   /* origin unused */
    uint8_t irb[IO_IRB_SIZE];
    CU_ASSERT_EQUAL(m->io->test(m->io_ctx, 0x00010001, irb), 3);
    machine_destroy(m);
}

/* HALT SUBCHANNEL of an idle subchannel makes it status pending at once:
   a synchronous way to queue interruptions. */
static void test_interruption_priority(void)
{
    setup();
    attach(0x190, NULL);
    attach(0x191, NULL);
    attach(0x192, NULL);
    enable(0, 3);
    enable(1, 1);
    enable(2, 3);
    for (uint32_t n = 0; n < 3; n++)
        CU_ASSERT_EQUAL(m->io->halt(m->io_ctx, 0x00010000 | n), 0);
    CU_ASSERT_TRUE(m->io->pending(m->io_ctx, 0x10));     /* ISC 3 */
    CU_ASSERT_TRUE(m->io->pending(m->io_ctx, 0x40));     /* ISC 1 */
    CU_ASSERT_FALSE(m->io->pending(m->io_ctx, 0x8F));    /* neither */
    uint32_t ssid, parm;
    /* subclass 1 before subclass 3; within subclass 3 the older first */
    CU_ASSERT_TRUE(m->io->dequeue(m->io_ctx, 0xFF, &ssid, &parm));
    CU_ASSERT_EQUAL(ssid, 0x00010001);
    CU_ASSERT_TRUE(m->io->dequeue(m->io_ctx, 0x10, &ssid, &parm));
    CU_ASSERT_EQUAL(ssid, 0x00010000);
    /* TSCH of subchannel 2 withdraws its pending interruption */
    uint8_t irb[IO_IRB_SIZE];
    CU_ASSERT_EQUAL(m->io->test(m->io_ctx, 0x00010002, irb), 0);
    CU_ASSERT_EQUAL(be32(irb), 0x00002001);   /* halt function, status pending alone */
    CU_ASSERT_FALSE(m->io->dequeue(m->io_ctx, 0xFF, &ssid, &parm));
    /* the subchannels whose interruption was taken stay status pending */
    CU_ASSERT_EQUAL(m->io->test(m->io_ctx, 0x00010000, irb), 0);
    CU_ASSERT_EQUAL(m->io->test(m->io_ctx, 0x00010000, irb), 1);
    machine_destroy(m);
}

static char *write_file(const uint8_t *data, size_t len)
{
    static char path[] = "/tmp/vm390-ipl-XXXXXX";
    strcpy(path, "/tmp/vm390-ipl-XXXXXX");
    int fd = mkstemp(path);
    CU_ASSERT_TRUE_FATAL(fd >= 0);
    CU_ASSERT_EQUAL(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_ipl(void)
{
    static const uint8_t record[24] = {
        0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34,   /* PSW: disabled wait at 1234 */
        0x02, 0x00, 0x20, 0x00, 0x20, 0x00, 0x00, 0x08,   /* READ 8 bytes to 2000, SLI */
    };
    setup();
    char *path = write_file(record, sizeof record);
    attach(0x009, NULL);
    attach(0x190, path);
    char err[128];
    struct cpu *c = m->cpu[0];
    CU_ASSERT_TRUE(css_ipl(css, c, 0x190, "abc", true, err, sizeof err));
    uint8_t psw[8];
    cpu_store_psw(c, psw);
    CU_ASSERT_EQUAL(memcmp(psw, record, 8), 0);
    CU_ASSERT_EQUAL(be32(m->ms->mem + 184), 0x00010001);
    CU_ASSERT_EQUAL(be32(m->ms->mem + 188), 0);
    CU_ASSERT_EQUAL(memcmp(m->ms->mem + 0x2000, record, 8), 0);
    static const uint8_t lp[8] = { 0xC1, 0xC2, 0xC3, 0x40, 0x40, 0x40, 0x40, 0x40 };
    CU_ASSERT_EQUAL(memcmp(m->loadparm, lp, 8), 0);
    /* no such device */
    CU_ASSERT_FALSE(css_ipl(css, c, 0x999, NULL, false, err, sizeof err));
    /* a device with nothing to read, cleared storage: the zero CCW at 8 is
       a program check */
    CU_ASSERT_FALSE(css_ipl(css, c, 0x009, NULL, true, err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "subchannel status 20"));
    unlink(path);
    machine_destroy(m);
}

/* A device the test lets through: chain_begin and execute wait for their
   gate; HALT does not open them (so a halt stays pending). */
struct gate {
    struct device dev;
    pthread_mutex_t lock;
    pthread_cond_t cv;
    bool begin_open, exec_open;
    int nexec;
};

static void gate_wait(struct gate *g, const bool *open)
{
    pthread_mutex_lock(&g->lock);
    while (!*open)
        pthread_cond_wait(&g->cv, &g->lock);
    pthread_mutex_unlock(&g->lock);
}

static void gate_begin(struct device *d)
{
    struct gate *g = d->priv;
    gate_wait(g, &g->begin_open);
}

static void gate_execute(struct device *d, struct dev_cmd *cmd)
{
    struct gate *g = d->priv;
    gate_wait(g, &g->exec_open);
    __atomic_fetch_add(&g->nexec, 1, __ATOMIC_RELAXED);
    cmd->status = US_CE | US_DE;
    cmd->residual = cmd->count;
}

static void gate_destroy(struct device *d)
{
    (void)d;   /* static */
}

static const struct device_ops gate_ops = {
    .name = "gate", .chain_begin = gate_begin, .execute = gate_execute, .destroy = gate_destroy,
};

static struct gate gate;

static void gate_open(bool *which)
{
    pthread_mutex_lock(&gate.lock);
    *which = true;
    pthread_cond_broadcast(&gate.cv);
    pthread_mutex_unlock(&gate.lock);
}

/* A machine with the gate device on subchannel 0, enabled, and a NOP
   channel program at 1000 (ORB word 1 `orb1`). */
static void gate_setup(uint8_t *orb, uint32_t orb1)
{
    setup();
    memset(&gate, 0, sizeof gate);
    gate.dev = (struct device){ .ops = &gate_ops, .devnum = 0x200, .priv = &gate };
    pthread_mutex_init(&gate.lock, NULL);
    pthread_cond_init(&gate.cv, NULL);
    char err[64];
    CU_ASSERT_TRUE_FATAL(css_attach(css, &gate.dev, 0, err, sizeof err));
    enable(0, 0);
    put_be32(m->ms->mem + 0x1000, 0x03200001);   /* NOP, SLI, format 1 */
    memset(orb, 0, IO_ORB_SIZE);
    put_be32(orb + 4, orb1);
    put_be32(orb + 8, 0x1000);
}

/* Wait until SCSW byte 3 (activity and status controls) has a bit of mask. */
static bool wait_scsw(uint8_t mask)
{
    uint8_t schib[IO_SCHIB_SIZE];
    for (int i = 0; i < 2000000; i++) {
        m->io->store(m->io_ctx, 0x00010000, schib);
        if (schib[31] & mask)
            return true;
        sched_yield();
    }
    return false;
}

static void test_cancel_start_pending(void)
{
    uint8_t orb[IO_ORB_SIZE];
    gate_setup(orb, 0x0080FF00);
    CU_ASSERT_EQUAL(m->io->start(m->io_ctx, 0x00010000, orb), 0);
    /* the I/O thread waits in chain_begin: still start pending */
    CU_ASSERT_EQUAL(m->io->cancel(m->io_ctx, 0x00010000), 0);
    uint8_t schib[IO_SCHIB_SIZE];
    m->io->store(m->io_ctx, 0x00010000, schib);
    CU_ASSERT_EQUAL(be32(schib + 28), 0);
    CU_ASSERT_EQUAL(m->io->cancel(m->io_ctx, 0x00010000), 2);
    gate_open(&gate.exec_open);
    gate_open(&gate.begin_open);
    CU_ASSERT_EQUAL(m->io->start(m->io_ctx, 0x00010000, orb), 0);
    CU_ASSERT_TRUE(wait_scsw(0x01));
    CU_ASSERT_EQUAL(gate.nexec, 1);   /* only the second start ran */
    machine_destroy(m);
}

static void test_halt_pending(void)
{
    uint8_t orb[IO_ORB_SIZE];
    gate_setup(orb, 0x0080FF00);
    gate_open(&gate.begin_open);
    CU_ASSERT_EQUAL(m->io->start(m->io_ctx, 0x00010000, orb), 0);
    CU_ASSERT_TRUE(wait_scsw(0x80));                              /* subchannel active */
    CU_ASSERT_EQUAL(m->io->halt(m->io_ctx, 0x00010000), 0);
    CU_ASSERT_EQUAL(m->io->halt(m->io_ctx, 0x00010000), 2);       /* halt pending */
    CU_ASSERT_EQUAL(m->io->clear(m->io_ctx, 0x00010000), 0);      /* clear overrides */
    CU_ASSERT_EQUAL(m->io->halt(m->io_ctx, 0x00010000), 2);       /* clear pending */
    gate_open(&gate.exec_open);
    CU_ASSERT_TRUE(wait_scsw(0x01));
    uint8_t irb[IO_IRB_SIZE];
    CU_ASSERT_EQUAL(m->io->test(m->io_ctx, 0x00010000, irb), 0);
    CU_ASSERT_EQUAL(be32(irb), 0x00001001);   /* clear function, status pending alone */
    machine_destroy(m);
}

static void test_resume_pending(void)
{
    uint8_t orb[IO_ORB_SIZE];
    gate_setup(orb, 0x0880FF00);   /* suspend control */
    gate_open(&gate.begin_open);
    CU_ASSERT_EQUAL(m->io->start(m->io_ctx, 0x00010000, orb), 0);
    CU_ASSERT_TRUE(wait_scsw(0x80));
    CU_ASSERT_EQUAL(m->io->resume(m->io_ctx, 0x00010000), 0);
    CU_ASSERT_EQUAL(m->io->resume(m->io_ctx, 0x00010000), 2);     /* already resume pending */
    gate_open(&gate.exec_open);
    CU_ASSERT_TRUE(wait_scsw(0x01));
    uint8_t irb[IO_IRB_SIZE];
    CU_ASSERT_EQUAL(m->io->test(m->io_ctx, 0x00010000, irb), 0);
    CU_ASSERT_EQUAL(be32(irb), 0x08804007);   /* resume pending gone with the end */
    machine_destroy(m);
}

/* An IPL program that never ends (NOP, TIC back to it) fails instead of
   hanging the caller. */
static void test_ipl_endless(void)
{
    static const uint8_t record[24] = {
        0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34,   /* PSW */
        0x03, 0x00, 0x00, 0x00, 0x60, 0x00, 0x00, 0x01,   /* 08: NOP, CC, SLI */
        0x08, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00,   /* 10: TIC to 08 */
    };
    setup();
    char *path = write_file(record, sizeof record);
    attach(0x190, path);
    char err[128];
    CU_ASSERT_FALSE(css_ipl(css, m->cpu[0], 0x190, NULL, true, err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "did not end"));
    unlink(path);
    machine_destroy(m);
}

UNIT_SUITE(css)
{
    UNIT_TEST(s, test_cancel_start_pending);
    UNIT_TEST(s, test_halt_pending);
    UNIT_TEST(s, test_resume_pending);
    UNIT_TEST(s, test_operand_exceptions);
    UNIT_TEST(s, test_interruption_priority);
    UNIT_TEST(s, test_ipl);
    UNIT_TEST(s, test_ipl_endless);
}

/*
 * The I/O instructions (SA22-7201 chapter 14).  The CPU side decodes the
 * operands, checks and moves the storage operand, and leaves the rest to
 * the channel subsystem behind m->io.  A store operand is checked before
 * the channel subsystem acts, so that an access exception leaves the
 * subchannel unchanged.  A machine without a channel subsystem has no I/O
 * instructions (operation exception).
 */
#include <sched.h>

#include "access.h"
#include "insn.h"
#include "interrupt.h"
#include "machine.h"

static const struct io_ops *io_of(struct cpu *c)
{
    const struct io_ops *io = c->m->io;
    if (!io)
        cpu_program_check(c, PGM_OPERATION);
    return io;
}

/* General register 1 must hold a subsystem-identification word. */
static uint32_t ssid_of(struct cpu *c)
{
    if ((c->gr[1] >> 16) != 0x0001)
        cpu_program_check(c, PGM_OPERAND);
    return c->gr[1];
}

/* A negative result is a program-interruption code. */
static int checked(struct cpu *c, int rc)
{
    if (rc < 0)
        cpu_program_check(c, (uint16_t)-rc);
    return rc;
}

static uint32_t operand_address(struct cpu *c, const uint8_t *ip, uint32_t align)
{
    uint32_t ea = addr_bd(c, ip + 2);
    if (ea & (align - 1))
        cpu_program_check(c, PGM_SPECIFICATION);
    return ea;
}

static void fetch_operand(struct cpu *c, const uint8_t *ip, uint8_t *buf, uint32_t len)
{
    vfetch_bytes(c, operand_address(c, ip, 4), BASE(ip + 2), buf, len);
}

static void check_store_operand(struct cpu *c, const uint8_t *ip, uint32_t align, uint32_t len,
                                struct vspan *s)
{
    vspan_get(c, s, operand_address(c, ip, align), len, BASE(ip + 2), ACC_STORE);
}

void op_SSCH(struct cpu *c, const uint8_t *ip)
{
    const struct io_ops *io = io_of(c);
    uint32_t ssid = ssid_of(c);
    uint8_t orb[IO_ORB_SIZE];
    fetch_operand(c, ip, orb, sizeof orb);
    c->cc = (uint8_t)checked(c, io->start(c->m->io_ctx, ssid, orb));
}

void op_MSCH(struct cpu *c, const uint8_t *ip)
{
    const struct io_ops *io = io_of(c);
    uint32_t ssid = ssid_of(c);
    uint8_t schib[IO_SCHIB_SIZE];
    fetch_operand(c, ip, schib, sizeof schib);
    c->cc = (uint8_t)checked(c, io->modify(c->m->io_ctx, ssid, schib));
}

/* TSCH and STSCH store their block unless the subchannel is not operational. */
static void store_block(struct cpu *c, const uint8_t *ip, uint32_t len,
                        int (*op)(void *ctx, uint32_t ssid, uint8_t *buf))
{
    uint32_t ssid = ssid_of(c);
    struct vspan s;
    uint8_t buf[IO_IRB_SIZE > IO_SCHIB_SIZE ? IO_IRB_SIZE : IO_SCHIB_SIZE];
    check_store_operand(c, ip, 4, len, &s);
    int cc = checked(c, op(c->m->io_ctx, ssid, buf));
    if (cc != 3)
        vspan_write(&s, buf);
    c->cc = (uint8_t)cc;
}

void op_TSCH(struct cpu *c, const uint8_t *ip)
{
    store_block(c, ip, IO_IRB_SIZE, io_of(c)->test);
}

void op_STSCH(struct cpu *c, const uint8_t *ip)
{
    store_block(c, ip, IO_SCHIB_SIZE, io_of(c)->store);
}

/* HSCH, CSCH, RSCH, XSCH: GR1 is the only operand. */
static void subchannel_op(struct cpu *c, int (*op)(void *ctx, uint32_t ssid))
{
    uint32_t ssid = ssid_of(c);
    c->cc = (uint8_t)checked(c, op(c->m->io_ctx, ssid));
}

void op_HSCH(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    subchannel_op(c, io_of(c)->halt);
}

void op_CSCH(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    subchannel_op(c, io_of(c)->clear);
}

void op_RSCH(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    subchannel_op(c, io_of(c)->resume);
}

void op_XSCH(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    subchannel_op(c, io_of(c)->cancel);
}

/* TEST PENDING INTERRUPTION: with a second-operand address of zero the
   interruption code goes to real locations 184-191, as for an I/O
   interruption; otherwise to the logical operand. */
void op_TPI(struct cpu *c, const uint8_t *ip)
{
    const struct io_ops *io = io_of(c);
    uint32_t ea = addr_bd(c, ip + 2);
    struct vspan s;
    uint8_t *lowcore = NULL;
    if (ea == 0)
        lowcore = real_ptr(c, LC_IO_SSID, 8);
    else
        check_store_operand(c, ip, 4, 8, &s);
    uint32_t ssid, intparm;
    bool got = io->dequeue(c->m->io_ctx, (uint8_t)(c->cr[6] >> 24), &ssid, &intparm);
    if (got) {
        uint8_t code[8];
        put_be32(code, ssid);
        put_be32(code + 4, intparm);
        if (lowcore) {
            __builtin_memcpy(lowcore, code, sizeof code);
            storage_mark_change(c->ms, (uint64_t)(lowcore - c->ms->mem));
        } else {
            vspan_write(&s, code);
        }
    }
    c->cc = got;
    /* A guest that polls with TPI gives the host CPU to the I/O threads
       that will make its interruption pending. */
    if (!got)
        sched_yield();
}

void op_STCRW(struct cpu *c, const uint8_t *ip)
{
    const struct io_ops *io = io_of(c);
    struct vspan s;
    uint8_t crw[4];
    check_store_operand(c, ip, 4, sizeof crw, &s);
    c->cc = (uint8_t)io->store_crw(c->m->io_ctx, crw);
    vspan_write(&s, crw);
}

void op_STCPS(struct cpu *c, const uint8_t *ip)
{
    const struct io_ops *io = io_of(c);
    struct vspan s;
    uint8_t chps[IO_CHPS_SIZE];
    check_store_operand(c, ip, IO_CHPS_SIZE, sizeof chps, &s);
    io->store_path_status(c->m->io_ctx, chps);
    vspan_write(&s, chps);
}

void op_RCHP(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    const struct io_ops *io = io_of(c);
    c->cc = (uint8_t)checked(c, io->reset_path(c->m->io_ctx, c->gr[1]));
}

void op_SCHM(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    const struct io_ops *io = io_of(c);
    checked(c, io->set_monitor(c->m->io_ctx, c->gr[1], c->gr[2]));
}

void op_SAL(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    const struct io_ops *io = io_of(c);
    checked(c, io->set_address_limit(c->m->io_ctx, c->gr[1]));
}

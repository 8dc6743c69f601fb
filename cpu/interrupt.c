/* Interruptions (Principles of Operation chapter 6). */
#include "interrupt.h"

#include "access.h"
#include "machine.h"
#include "per.h"
#include "timer.h"

#define CR0_MALFUNC   0x00008000u
#define CR0_EMERGENCY 0x00004000u
#define CR0_EXTCALL   0x00002000u
#define CR0_CKC       0x00000800u
#define CR0_CPUTIMER  0x00000400u
#define CR0_SERVICE   0x00000200u
#define CR0_INTKEY    0x00000040u

/* Exceptions after which the old PSW addresses the instruction itself. */
static bool nullifying(uint16_t code)
{
    switch (code & 0x7F) {
    case PGM_SEGMENT_TRANS: case PGM_PAGE_TRANS: case PGM_TRACE_TABLE:
    case PGM_AFX_TRANS: case PGM_ASX_TRANS: case PGM_LX_TRANS: case PGM_EX_TRANS:
    case PGM_PRIMARY_AUTHORITY: case PGM_SECONDARY_AUTHORITY:
    case PGM_ALET_SPEC: case PGM_ALEN_TRANS: case PGM_ALE_SEQUENCE: case PGM_ASTE_VALIDITY:
    case PGM_ASTE_SEQUENCE: case PGM_EXTENDED_AUTHORITY:
    case PGM_STACK_FULL: case PGM_STACK_EMPTY: case PGM_STACK_SPEC:
    case PGM_STACK_TYPE: case PGM_STACK_OPERATION:
        return true;
    default:
        return false;
    }
}

static uint8_t *lowcore(struct cpu *c, uint32_t off)
{
    return c->ms->mem + c->prefix + off;
}

void cpu_psw_swap(struct cpu *c, uint32_t old_addr, uint32_t new_addr)
{
    cpu_store_psw(c, lowcore(c, old_addr));
    c->ex_active = false;
    cpu_load_psw(c, lowcore(c, new_addr));
}

/* Store the program-interruption information and swap PSWs. */
static void program_interrupt(struct cpu *c, uint16_t code, unsigned ilc)
{
    uint8_t *lc = lowcore(c, 0);
    if (c->events & EV_PER)
        per_settle(c, code);
    if (c->per_pending) {
        code |= PGM_PER_EVENT;
        put_be16(lc + LC_PER_CODE, c->per_code);
        put_be32(lc + LC_PER_ADDRESS, (uint32_t)c->per_address);
        c->per_pending = 0;
    }
    lc[LC_PGM_ILC] = 0;
    lc[LC_PGM_ILC + 1] = (uint8_t)ilc;
    put_be16(lc + LC_PGM_CODE, code);
    if (c->m->hooks.program_interrupt)
        c->m->hooks.program_interrupt(c->m->hooks.ctx, c, code);
    cpu_psw_swap(c, LC_PGM_OLD, LC_PGM_NEW);
    /* A program interruption on the very first instruction of the program
       interruption handler (or on its PSW) repeats forever: stop the CPU. */
    if (c->pgm_seen && cpu_icount(c) - c->pgm_icount <= 1) {
        c->pgm_loop = true;
        cpu_post_event(c, EV_STOP);
    }
    c->pgm_seen = true;
    c->pgm_icount = cpu_icount(c);
}

_Noreturn void cpu_program_check(struct cpu *c, uint16_t code)
{
    cpu_sync_ia(c);
    if (nullifying(code))
        c->ia = (c->ia - c->ilc) & c->amask;
    program_interrupt(c, code, c->ilc);
    longjmp(*c->jmp, 1);
}

void cpu_per_interrupt(struct cpu *c)
{
    program_interrupt(c, 0, c->ilc);
}

void cpu_early_psw_exception(struct cpu *c)
{
    /* The invalid PSW is stored unchanged, with an ILC of zero. */
    program_interrupt(c, PGM_SPECIFICATION, 0);
}

_Noreturn void cpu_data_exception(struct cpu *c, uint8_t dxc)
{
    lowcore(c, 0)[LC_DXC] = dxc;
    if (c->cr[0] & CR0_AFP)
        c->fpc = (c->fpc & ~0x0000FF00u) | (uint32_t)dxc << 8;
    cpu_program_check(c, PGM_DATA);
}

_Noreturn void cpu_translation_exception(struct cpu *c, uint16_t code, uint32_t teid)
{
    put_be32(lowcore(c, LC_TEID), teid);
    cpu_program_check(c, code);
}

void cpu_svc(struct cpu *c, uint8_t code)
{
    uint8_t *lc = lowcore(c, 0);
    lc[LC_SVC_ILC] = 0;
    lc[LC_SVC_ILC + 1] = c->ilc;
    lc[LC_SVC_CODE] = 0;
    lc[LC_SVC_CODE + 1] = code;
    cpu_psw_swap(c, LC_SVC_OLD, LC_SVC_NEW);
}

/* The highest-priority pending external interruption the CR0 subclass
   masks allow, as its interruption code; 0 if none. */
static uint16_t external_pending(struct cpu *c)
{
    uint32_t cr0 = c->cr[0];
    struct machine *m = c->m;
    if ((cr0 & CR0_EMERGENCY) && c->emergency_from)
        return 0x1201;
    if ((cr0 & CR0_EXTCALL) && (c->ext_pending & EXTP_EXTCALL))
        return 0x1202;
    if ((cr0 & CR0_CKC) && timer_ckc_pending(c))
        return 0x1004;
    if ((cr0 & CR0_CPUTIMER) && timer_cpu_timer_pending(c))
        return 0x1005;
    if ((cr0 & CR0_INTKEY) && m->intkey_pending)
        return 0x0040;
    if ((cr0 & CR0_SERVICE) && m->service_pending)
        return 0x2401;
    return 0;
}

static bool io_pending(struct cpu *c)
{
    const struct io_ops *io = c->m->io;
    return io && io->pending(c->m->io_ctx, (uint8_t)(c->cr[6] >> 24));
}

/* ---- machine check ---- */

/* CR14 subclass masks and the MCIC conditions each one allows. */
static const struct {
    uint32_t cr14;
    uint64_t mcic;
} mck_subclass[] = {
    { 0x10000000u, MCIC_CP },            /* bit 3: channel report */
    { 0x08000000u, MCIC_SR },            /* bit 4: recovery */
    { 0x04000000u, MCIC_DG },            /* bit 5: degradation */
    { 0x02000000u, MCIC_ED | MCIC_CD },  /* bit 6: external damage */
    { 0x01000000u, MCIC_W },             /* bit 7: warning */
};

/* Validity bits (MCIC bit n = 1 << (63 - n)) for the state stored with
   every machine check: PSW fields (20-23), floating-point, general and
   control registers (27-29), storage (31), CPU timer and clock
   comparator (46-47). */
#define MCIC_BIT(n) (UINT64_C(1) << (63 - (n)))
#define MCIC_VALIDITY (MCIC_BIT(20) | MCIC_BIT(21) | MCIC_BIT(22) | MCIC_BIT(23) | \
                       MCIC_BIT(27) | MCIC_BIT(28) | MCIC_BIT(29) | MCIC_BIT(31) | \
                       MCIC_BIT(46) | MCIC_BIT(47))

/* Save areas of the machine-check interruption (real addresses). */
#define LC_MCK_CPU_TIMER 0x0D8
#define LC_MCK_CKC       0x0E0
#define LC_MCK_AR        0x120
#define LC_MCK_FPR       0x160
#define LC_MCK_GR        0x180
#define LC_MCK_CR        0x1C0

/* The pending conditions the PSW and CR14 let through; exigent ones
   (system damage, instruction-processing damage) need only PSW bit 13. */
static uint64_t machine_check_enabled(const struct cpu *c)
{
    uint64_t pend = __atomic_load_n(&c->mck_pending, __ATOMIC_ACQUIRE);
    if (!pend || !(c->pswm & PSW_MCHECK))
        return 0;
    uint64_t allowed = MCIC_SD | MCIC_PD;
    for (size_t i = 0; i < sizeof mck_subclass / sizeof mck_subclass[0]; i++)
        if (c->cr[14] & mck_subclass[i].cr14)
            allowed |= mck_subclass[i].mcic;
    return pend & allowed;
}

void cpu_machine_check(struct cpu *c, uint64_t mcic)
{
    __atomic_fetch_or(&c->mck_pending, mcic, __ATOMIC_RELEASE);
    machine_kick(c->m);
}

static void take_machine_check(struct cpu *c, uint64_t conditions)
{
    __atomic_fetch_and(&c->mck_pending, ~conditions, __ATOMIC_ACQ_REL);
    uint8_t *lc = lowcore(c, 0);
    put_be64(lc + LC_MCK_CPU_TIMER, (uint64_t)timer_get_cpu_timer(c));
    put_be64(lc + LC_MCK_CKC, c->ckc);
    for (int i = 0; i < 16; i++) {
        put_be32(lc + LC_MCK_AR + 4 * i, c->ar[i]);
        put_be32(lc + LC_MCK_GR + 4 * i, c->gr[i]);
        put_be32(lc + LC_MCK_CR + 4 * i, c->cr[i]);
    }
    for (int i = 0; i < 4; i++)
        put_be64(lc + LC_MCK_FPR + 8 * i, c->fpr[2 * i]);
    put_be64(lc + LC_MCK_CODE, conditions | MCIC_VALIDITY);
    cpu_psw_swap(c, LC_MCK_OLD, LC_MCK_NEW);
}

bool cpu_interrupt_pending(struct cpu *c)
{
    if (machine_check_enabled(c))
        return true;
    if ((c->pswm & PSW_EXT) && external_pending(c))
        return true;
    return (c->pswm & PSW_IO) && io_pending(c);
}

static void take_external(struct cpu *c, uint16_t code)
{
    uint8_t *lc = lowcore(c, 0);
    struct machine *m = c->m;
    put_be16(lc + LC_EXT_CPUAD, 0);
    pthread_mutex_lock(&m->lock);
    switch (code) {
    case 0x1201: {
        int from = __builtin_ctzll(c->emergency_from);
        c->emergency_from &= ~(UINT64_C(1) << from);
        put_be16(lc + LC_EXT_CPUAD, (uint16_t)from);
        break;
    }
    case 0x1202:
        c->ext_pending &= ~EXTP_EXTCALL;
        put_be16(lc + LC_EXT_CPUAD, c->extcall_from);
        break;
    case 0x0040:
        m->intkey_pending = false;
        break;
    case 0x2401:
        m->service_pending = false;
        put_be32(lc + LC_EXT_PARAM, m->service_signal);
        break;
    default:
        break;   /* clock comparator and CPU timer persist while the condition does */
    }
    pthread_mutex_unlock(&m->lock);
    put_be16(lc + LC_EXT_CODE, code);
    cpu_psw_swap(c, LC_EXT_OLD, LC_EXT_NEW);
}

static bool take_io(struct cpu *c)
{
    uint32_t ssid, parm;
    const struct io_ops *io = c->m->io;
    if (!io || !io->dequeue(c->m->io_ctx, (uint8_t)(c->cr[6] >> 24), &ssid, &parm))
        return false;
    put_be32(lowcore(c, LC_IO_SSID), ssid);
    put_be32(lowcore(c, LC_IO_PARAM), parm);
    cpu_psw_swap(c, LC_IO_OLD, LC_IO_NEW);
    return true;
}

/* Priority at an instruction boundary: machine check, external, I/O;
   restart, the lowest, is left to the caller. */
bool cpu_take_interrupt(struct cpu *c)
{
    uint64_t mck = machine_check_enabled(c);
    if (mck) {
        take_machine_check(c, mck);
        return true;
    }
    if (c->pswm & PSW_EXT) {
        uint16_t code = external_pending(c);
        if (code) {
            take_external(c, code);
            return true;
        }
    }
    if ((c->pswm & PSW_IO) && take_io(c))
        return true;
    return false;
}

void cpu_restart_interrupt(struct cpu *c)
{
    cpu_psw_swap(c, LC_RESTART_OLD, LC_RESTART_NEW);
}

/*
 * The instruction table (from insn.def) and the dispatch tables derived
 * from it.  A dispatch table exists per facility set and per state: in the
 * problem state every privileged instruction's slot holds the
 * privileged-operation handler, so handlers never test the state.
 */
#include "insn.h"

#include <pthread.h>
#include <stdlib.h>

#include "interrupt.h"

/* Handlers are weak references: an instruction whose handler is not
   linked in yet behaves as not installed (operation exception) and shows
   up as missing in the coverage report. */
#define INSN(op, mn, fmt, fl, fac) extern insn_fn op_##mn __attribute__((weak));
#include "insn.def"
#undef INSN

const struct insn_desc insn_table[] = {
#define INSN(op, mn, fmt, fl, fac) { op, #mn, fmt, fl, fac, op_##mn },
#include "insn.def"
#undef INSN
};
const size_t insn_table_size = sizeof insn_table / sizeof insn_table[0];

static void op_invalid(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    cpu_program_check(c, PGM_OPERATION);
}

static void op_privileged(struct cpu *c, const uint8_t *ip)
{
    (void)ip;
    cpu_program_check(c, PGM_PRIVILEGED);
}

/* Where the rest of the opcode is for each group. */
static const struct {
    uint8_t first;
    uint8_t byte;      /* index of the byte holding the extension */
    uint8_t nibble;    /* only its low 4 bits */
} groups[G_COUNT] = {
    [G_01] = { 0x01, 1, 0 }, [G_A7] = { 0xA7, 1, 1 }, [G_B2] = { 0xB2, 1, 0 },
    [G_B3] = { 0xB3, 1, 0 }, [G_B9] = { 0xB9, 1, 0 }, [G_C0] = { 0xC0, 1, 1 },
    [G_E3] = { 0xE3, 5, 0 }, [G_E5] = { 0xE5, 1, 0 }, [G_EB] = { 0xEB, 5, 0 },
    [G_ED] = { 0xED, 5, 0 },
};

static int group_of(uint8_t first)
{
    for (int g = 0; g < G_COUNT; g++)
        if (groups[g].first == first)
            return g;
    return -1;
}

static unsigned ext_index(int g, const uint8_t *ip)
{
    uint8_t b = ip[groups[g].byte];
    return groups[g].nibble ? b & 0x0F : b;
}

#define GROUP_DISPATCHER(name, g, expr) \
    static void name(struct cpu *c, const uint8_t *ip) { c->disp->ext[g][expr](c, ip); }
GROUP_DISPATCHER(op_group_01, G_01, ip[1])
GROUP_DISPATCHER(op_group_a7, G_A7, ip[1] & 0x0F)
GROUP_DISPATCHER(op_group_b2, G_B2, ip[1])
GROUP_DISPATCHER(op_group_b3, G_B3, ip[1])
GROUP_DISPATCHER(op_group_b9, G_B9, ip[1])
GROUP_DISPATCHER(op_group_c0, G_C0, ip[1] & 0x0F)
GROUP_DISPATCHER(op_group_e3, G_E3, ip[5])
GROUP_DISPATCHER(op_group_e5, G_E5, ip[1])
GROUP_DISPATCHER(op_group_eb, G_EB, ip[5])
GROUP_DISPATCHER(op_group_ed, G_ED, ip[5])

static insn_fn *const group_fn[G_COUNT] = {
    [G_01] = op_group_01, [G_A7] = op_group_a7, [G_B2] = op_group_b2, [G_B3] = op_group_b3,
    [G_B9] = op_group_b9, [G_C0] = op_group_c0, [G_E3] = op_group_e3, [G_E5] = op_group_e5,
    [G_EB] = op_group_eb, [G_ED] = op_group_ed,
};

/* Slot of a table entry: its group (-1 = one-byte opcode) and index. */
static void slot_of(const struct insn_desc *d, int *g, unsigned *idx)
{
    uint8_t first = (uint8_t)(d->opcode >> 8);
    if (first == 0) {
        *g = -1;
        *idx = d->opcode & 0xFF;
    } else {
        *g = group_of(first);
        *idx = d->opcode & (groups[*g].nibble ? 0x0F : 0xFF);
    }
}

const struct dispatch *dispatch_build(uint32_t facilities, bool problem_state)
{
    struct dispatch *d = malloc(sizeof *d);
    if (!d)
        return NULL;
    for (int i = 0; i < 256; i++) {
        d->op[i] = op_invalid;
        for (int g = 0; g < G_COUNT; g++)
            d->ext[g][i] = op_invalid;
    }
    for (int g = 0; g < G_COUNT; g++)
        d->op[groups[g].first] = group_fn[g];
    for (size_t i = 0; i < insn_table_size; i++) {
        const struct insn_desc *e = &insn_table[i];
        if ((e->facility & facilities) != e->facility || !e->fn)
            continue;
        insn_fn *fn = (problem_state && (e->flags & IF_PRIV)) ? op_privileged : e->fn;
        int g;
        unsigned idx;
        slot_of(e, &g, &idx);
        if (g < 0)
            d->op[idx] = fn;
        else
            d->ext[g][idx] = fn;
    }
    return d;
}

void dispatch_free(const struct dispatch *d)
{
    free((void *)d);
}

/* Index from opcode to table entry, built once. */
static int16_t index_primary[256];
static int16_t index_ext[G_COUNT][256];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    for (int i = 0; i < 256; i++) {
        index_primary[i] = -1;
        for (int g = 0; g < G_COUNT; g++)
            index_ext[g][i] = -1;
    }
    for (size_t i = 0; i < insn_table_size; i++) {
        int g;
        unsigned idx;
        slot_of(&insn_table[i], &g, &idx);
        if (g < 0)
            index_primary[idx] = (int16_t)i;
        else
            index_ext[g][idx] = (int16_t)i;
    }
}

const struct insn_desc *insn_lookup(const uint8_t *ip)
{
    pthread_once(&index_once, build_index);
    int g = group_of(ip[0]);
    int16_t i = g < 0 ? index_primary[ip[0]] : index_ext[g][ext_index(g, ip)];
    return i < 0 ? NULL : &insn_table[i];
}

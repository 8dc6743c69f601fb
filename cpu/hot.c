/* Dispatch-table entry points of the hot instructions (cpu/hot.h). */
#include "hot.h"

#define HOT(opcode, name, flow) \
    void op_##name(struct cpu *c, const uint8_t *ip) { hot_##name(c, ip); }
#define CALL(opcode, name, flow)   /* their handlers live in the topic files */
#include "hot.def"
#undef HOT
#undef CALL

/* Fixed-point overflow: the result stands, CC 3, and the interruption
   happens if the program mask allows it. */
void fixed_overflow(struct cpu *c)
{
    c->cc = 3;
    if (c->pswm & PSW_PM_FXOVF)
        cpu_program_check(c, PGM_FIXED_OVERFLOW);
}

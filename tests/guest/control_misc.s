# MONITOR CALL, TRACE, TRAP2/TRAP4, DIAGNOSE, SERVICE CALL
# (SA22-7201 ch. 4 and 10).
        .include "lib.inc"
        .include "control.inc"
        TEST_BEGIN
        larl    %r12,data
        # MC: class 3 masked off (CR8 bits 16-31 zero): no interruption
        mc      0x123,3
        # class 3 enabled: monitor event, class at 148-149, code at 156
        lctl    %c8,%c8,cr8-data(%r12)
        lhi     %r1,0x100
        CATCH_PGM 1f
        mc      0x23(%r1),3
mc_next:
        FAIL    1
1:      CHECK_CAUGHT 4, 0x0040, 2
        CHECK_MEM "0x94(2,0)", class3, 3
        CHECK_MEM "0x9c(4,0)", code123, 4
        CHECK_MEM "0x204(4,0)", mc_old, 5       # completed: next instruction
        EXPECT_PGM 0x0006, 2f                   # class above 15
        mc      0,16
        FAIL    6
2:      CHECK_PGM_TAKEN 7
        # TRACE with explicit tracing off: nothing stored
        l       %r0,r0val-data(%r12)
        l       %r1,r1val-data(%r12)
        l       %r2,r2val-data(%r12)
        trace   %r0,%r2,op-data(%r12)
        # on: entry at X'5000' = X'72', 0, TOD bits 16-63, operand, GR0-GR2
        lctl    %c12,%c12,cr12-data(%r12)
        trace   %r0,%r2,op-data(%r12)
        l       %r3,tt-data(%r12)
        CHECK_MEM "0(2,%r3)", hdr, 8
        CHECK_MEM "8(16,%r3)", body, 9
        stctl   %c12,%c12,w-data(%r12)
        CHECK_MEM "w-data(4,%r12)", cr12next, 10
        # an operand with bit 0 on: no entry
        trace   %r0,%r2,opoff-data(%r12)
        stctl   %c12,%c12,w-data(%r12)
        CHECK_MEM "w-data(4,%r12)", cr12next, 11
        # an entry that would cross a 4K boundary: trace-table exception,
        # nullified (the old PSW addresses TRACE itself)
        lctl    %c12,%c12,cr12end-data(%r12)
        CATCH_PGM 3f
tr_at:  trace   %r0,%r2,op-data(%r12)
        FAIL    12
3:      CHECK_CAUGHT 4, 0x0016, 13
        CHECK_MEM "0x204(4,0)", tr_old, 14
        lctl    %c12,%c12,cr12off-data(%r12)
        # DIAGNOSE without a handler: specification exception
        PGM_CHECK 0x0006, 15, "diag    %r0,%r0,8"
        # SERVICE CALL: no service processor, CC 3
        .long   0xB2200012                      # servc %r1,%r2
        CHECK_CC 3, 17
        # TRAP2 with DAT off: special operation
        PGM_CHECK 0x0013, 18, "trap2"
        # DAT on (identity map of the first megabyte, primary = home)
        l       %r2,pto-data(%r12)
        lhi     %r3,256
        lhi     %r4,0
6:      st      %r4,0(%r2)
        ahi     %r2,4
        ahi     %r4,4096
        brct    %r3,6b
        l       %r2,sto-data(%r12)
        mvc     0(4,%r2),ste0-data(%r12)
        lctl    %c0,%c2,cr0cr2-data(%r12)
        lctl    %c13,%c13,cr0cr2+4-data(%r12)
        stosm   w-data(%r12),0x04
        # trap not enabled in the DUCT: special operation
        PGM_CHECK 0x0013, 20, "trap2"
        # enable: DUCT word 11 = TCB address + enabled bit
        l       %r2,duct-data(%r12)
        mvc     44(4,%r2),tcbe-data(%r12)
        l       %r2,tcb-data(%r12)
        mvc     12(4,%r2),save-data(%r12)
        larl    %r1,trapprog
        o       %r1,hibit-data(%r12)
        st      %r1,20(%r2)
        lhi     %r9,0x99
        larl    %r11,8f
trap2_at:
        trap2
        FAIL    22
8:      l       %r2,save-data(%r12)
        CHECK_MEM "0(16,%r2)", save2, 23        # flags, ILC 2, no operand
        CHECK_MEM "20(4,%r2)", trap2_next, 24   # PSW: next instruction
        CHECK_MEM "32+36(4,%r2)", r9val, 25     # GR9 saved
        CHECK_R %r15, 0x6100, 26                # GR15: the TCB address
        larl    %r11,9f
        trap4   0x321
        FAIL    27
9:      l       %r2,save-data(%r12)
        CHECK_MEM "0(16,%r2)", save4, 28        # TRAP4 flag, ILC 4, operand
        stnsm   w-data(%r12),0xfb
        TEST_END

# The trap program: back to the test at GR11 (it leaves the PSW as the
# trap set it: 31-bit, primary space).
trapprog:
        br      %r11
        .balign 8
data:
cr8:    .long   0x00001000
class3: .short  3
        .balign 4
code123: .long  0x123
mc_old: .long   0x80000000+mc_next
r0val:  .long   0x00000000
r1val:  .long   0x11111111
r2val:  .long   0x22222222
op:     .long   0x0BADCAFE
opoff:  .long   0x80000000
cr12:   .long   0x00005001
cr12next: .long 0x00005019
cr12end: .long  0x00005FF9
cr12off: .long  0
tt:     .long   0x5000
hdr:    .byte   0x72,0x00
        .balign 4
body:   .long   0x0BADCAFE,0x00000000,0x11111111,0x22222222
tr_old: .long   0x80000000+tr_at
sto:    .long   0x8000
pto:    .long   0x9000
ste0:   .long   0x0000900F
cr0cr2: .long   0x00B000E0,0x00008000,0x00006000
duct:   .long   0x6000
tcb:    .long   0x6100
tcbe:   .long   0x00006101
save:   .long   0x6200
hibit:  .long   0x80000000
save2:  .long   0x00020000,0,0,0
save4:  .long   0x40040000,0,0x321,0
trap2_next: .long 0x80000000+trap2_at+2
r9val:  .long   0x99
w:      .long   0

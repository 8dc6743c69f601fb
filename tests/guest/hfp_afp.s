# The AFP-register control (CR0 bit 13) for HFP instructions: while it is
# zero only FPRs 0, 2, 4 and 6 may be designated; any other FPR field gives
# a data exception (code 7) with DXC 1, the instruction suppressed.  An
# extended operand must designate a register pair (0,1,4,5,8,9,12,13), else
# a specification exception (code 6), recognized first.  With the control
# on, all sixteen FPRs and all eight pairs are usable.
        .include "lib.inc"
        .include "hfp.inc"
        TEST_BEGIN
        larl    %r12,data
        LFD     %f0,0x4110000000000000
        EXPECT_PGM 0x0007,1f
        ler     %f1,%f0
        FAIL    1
1:      CHECK_PGM_TAKEN 2
        CHECK_DXC 1,3
        CHECK_ILC 2,4
        mvi     0x93(0),0
        EXPECT_PGM 0x0007,2f
        aer     %f0,%f3                 # the R2 field counts too
        FAIL    5
2:      CHECK_PGM_TAKEN 6
        CHECK_DXC 1,7
        CHECK_FD %f0,0x4110000000000000,8
        mvi     0x93(0),0
        EXPECT_PGM 0x0007,3f
        le      %f9,one-data(%r12)
        FAIL    9
3:      CHECK_PGM_TAKEN 10
        CHECK_DXC 1,11
        CHECK_ILC 4,12
        EXPECT_PGM 0x0007,4f
        std     %f15,out-data(%r12)
        FAIL    13
4:      CHECK_PGM_TAKEN 14
        CHECK_MEM "out-data(8,%r12)",ones,15
        EXPECT_PGM 0x0007,5f
        axr     %f1,%f0                 # a valid pair, but not FPR 1
        FAIL    16
5:      CHECK_PGM_TAKEN 17
        EXPECT_PGM 0x0006,6f
        .short  0x3621                  # axr %f2,%f1: R1 2 is no pair, specification first
        FAIL    18
6:      CHECK_PGM_TAKEN 19
        EXPECT_PGM 0x0007,7f
        lxdr    %f4,%f8
        FAIL    20
7:      CHECK_PGM_TAKEN 21
        EXPECT_PGM 0x0007,8f
        cefr    %f1,%r2
        FAIL    22
8:      CHECK_PGM_TAKEN 23
        EXPECT_PGM 0x0007,9f
        cfer    %r2,5,%f1
        FAIL    24
9:      CHECK_PGM_TAKEN 25
        cfer    %r1,5,%f0               # R1 of CFER is a general register
        CHECK_R %r1,1,26
        .machine "z990"
        EXPECT_PGM 0x0007,10f
        maer    %f0,%f5,%f2             # the R3 field counts too
        FAIL    27
10:     CHECK_PGM_TAKEN 28
        EXPECT_PGM 0x0007,11f
        mae     %f0,%f3,one-data(%r12)
        FAIL    29
11:     CHECK_PGM_TAKEN 30
        # ---- AFP-register control on: every register
        lctl    %c0,%c0,cr0_afp-data(%r12)
        ler     %f1,%f0
        CHECK_FD %f1,0x4110000000000000,40
        le      %f9,one-data(%r12)
        CHECK_FE %f9,0x41100000,46
        LFX     %f9,%f11,0x4110000000000000,0x3300000000000000
        LFX     %f13,%f15,0x4120000000000000,0x3300000000000000
        axr     %f13,%f9                # 2 + 1
        CHECK_FX %f13,%f15,0x4130000000000000,0x3300000000000000,41
        cxfr    %f12,%r1
        CHECK_FX %f12,%f14,0x4110000000000000,0x3300000000000000,42
        std     %f15,out-data(%r12)
        CHECK_MEM "out-data(8,%r12)",w_low,43
        EXPECT_PGM 0x0006,12f
        .short  0x36E9                  # axr %f14,%f9: still not a pair
        FAIL    44
12:     CHECK_PGM_TAKEN 45
        TEST_END
        .balign 8
data:
one:    .long   0x41100000
cr0_afp: .long  0x000400E0
out:    .quad   0xFFFFFFFFFFFFFFFF
ones:   .quad   0xFFFFFFFFFFFFFFFF
w_low:  .quad   0x3300000000000000

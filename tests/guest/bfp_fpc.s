# FPC instructions (SFPC, EFPC, LFPC, STFPC, SRNM) and the AFP-register
# control, SA22-7201 chapter 19: without CR0 bit 13 every BFP and FPC
# instruction is a data exception with DXC 2; FPC bits defined as zero
# cannot be loaded (specification exception, FPC unchanged); an IEEE trap
# puts its DXC in FPC byte 2 as well as at real location 147.
        .include "lib.inc"
        .include "bfp.inc"
        TEST_BEGIN
        # AFP control off (CR0 after reset): DXC 2, for BFP and FPC alike
        EXPECT_PGM 0x0007, 1f
        aebr    %f0,%f0
        FAIL    1
1:      CHECK_PGM_TAKEN 2
        CHECK_DXC 0x02, 3
        EXPECT_PGM 0x0007, 2f
        efpc    %r1
        FAIL    4
2:      CHECK_PGM_TAKEN 5
        CHECK_DXC 0x02, 6
        EXPECT_PGM 0x0007, 3f
        srnm    1
        FAIL    7
3:      CHECK_PGM_TAKEN 8
        AFP_ON
        # the DXC went to the FPC only with the AFP control on: still zero
        CHECK_FPC 0x00000000, 9
        # SFPC / EFPC with every assignable bit
        larl    %r1,allbits
        l       %r2,0(%r1)
        sfpc    %r2
        efpc    %r3
        CHECK_R %r3, 0xF8F8FF03, 10
        CHECK_FPC 0xF8F8FF03, 11
        # LFPC / STFPC
        larl    %r1,fpcval
        lfpc    0(%r1)
        stfpc   4(%r1)
        clc     4(4,%r1),0(%r1)
        je      4f
        FAIL    12
4:      # a one in bit 5 (a mask bit that does not exist): SFPC is refused
        l       %r2,8(%r1)
        EXPECT_PGM 0x0006, 5f
        sfpc    %r2
        FAIL    13
5:      CHECK_PGM_TAKEN 14
        CHECK_FPC 0x48080002, 15
        # ... and so is LFPC with bit 29 (next to the rounding mode)
        EXPECT_PGM 0x0006, 6f
        lfpc    12(%r1)
        FAIL    16
6:      CHECK_PGM_TAKEN 17
        CHECK_FPC 0x48080002, 18
        # SRNM takes bits 30-31 of its address and nothing else
        srnm    0xFFD
        CHECK_FPC 0x48080001, 19
        lhi     %r4,0x7FFF
        srnm    3(%r4)
        CHECK_FPC 0x48080002, 20
        srnm    0
        CHECK_FPC 0x48080000, 21
        # an enabled IEEE invalid-operation trap: the DXC is also in the FPC,
        # and the instruction is suppressed (first operand unchanged)
        SET_FPC 0x80000000
        LOAD_E  0, 0x3F800000
        LOAD_E  2, 0x7F800001           # signaling NaN
        EXPECT_PGM 0x0007, 7f
        aebr    %f0,%f2
        FAIL    22
7:      CHECK_PGM_TAKEN 23
        CHECK_DXC 0x80, 24
        CHECK_FPC 0x80008000, 25
        CHECK_E 0, 0x3F800000, 26
        # SFPC may set the DXC field too
        larl    %r1,dxcval
        l       %r2,0(%r1)
        sfpc    %r2
        TEST_END
        .balign 4
allbits: .long  0xF8F8FF03
fpcval: .long   0x48080002, 0, 0x04000000, 0x00000004
dxcval: .long   0x00001203

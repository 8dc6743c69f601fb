# Fixed-point arithmetic: expected values from the definitions in
# SA22-7201 chapter 7 (two's-complement 32-bit, CC 0 zero / 1 negative /
# 2 positive / 3 overflow).
        .include "lib.inc"
        TEST_BEGIN
        lhi     %r1,5
        lhi     %r2,-7
        ar      %r1,%r2                 # 5 + -7 = -2, CC 1
        CHECK_CC 1, 1
        CHECK_R %r1, 0xFFFFFFFE, 2
        l       %r3,maxint
        ahi     %r3,1                   # overflow, program mask off: CC 3
        CHECK_CC 3, 3
        CHECK_R %r3, 0x80000000, 4
        lhi     %r4,0
        sr      %r4,%r4                 # zero, CC 0
        CHECK_CC 0, 5
        # add logical: carry and zero -> CC 2
        l       %r5,allones
        lhi     %r6,1
        alr     %r5,%r6
        CHECK_CC 2, 6
        CHECK_R %r5, 0, 7
        # subtract logical 1 - 2: no carry, nonzero -> CC 1
        lhi     %r5,1
        lhi     %r6,2
        slr     %r5,%r6
        CHECK_CC 1, 8
        CHECK_R %r5, 0xFFFFFFFF, 9
        # multiply pair: 0x10000 * 0x10000 = 2**32 in R2:R3
        l       %r3,x10000
        m       %r2,x10000
        CHECK_R %r2, 1, 10
        CHECK_R %r3, 0, 11
        # divide: -7 / 2 = -3 remainder -1
        lhi     %r2,-1
        lhi     %r3,-7
        lhi     %r6,2
        dr      %r2,%r6
        CHECK_R %r2, 0xFFFFFFFF, 12
        CHECK_R %r3, 0xFFFFFFFD, 13
        # divide by zero: fixed-point divide exception (code 9)
        EXPECT_PGM 0x0009, 1f
        lhi     %r6,0
        dr      %r2,%r6
        FAIL    14
1:      CHECK_PGM_TAKEN 15
        # odd R1 of a pair: specification exception (code 6)
        EXPECT_PGM 0x0006, 2f
        .long   0x1d36a7f4              # dr %r3,%r6 ; followed by filler
2:      CHECK_PGM_TAKEN 16
        # shift left single arithmetic keeps the sign: -1 << 4 = -16, CC 1
        lhi     %r7,-1
        sla     %r7,4
        CHECK_CC 1, 17
        CHECK_R %r7, 0xFFFFFFF0, 18
        # fixed-point overflow with the program mask on: code 8, result stored
        lhi     %r8,0x0800
        sll     %r8,16                  # R8 = 0x08000000: PM bit 20 (overflow)
        spm     %r8
        EXPECT_PGM 0x0008, 3f
        l       %r9,maxint
        ahi     %r9,1
        FAIL    19
3:      CHECK_PGM_TAKEN 20
        CHECK_R %r9, 0x80000000, 21
        TEST_END
        .balign 4
maxint: .long   0x7FFFFFFF
allones: .long  0xFFFFFFFF
x10000: .long   0x00010000

# LOAD ACCESS MULTIPLE, STORE ACCESS MULTIPLE, COPY ACCESS, EXTRACT ACCESS,
# SET ACCESS (SA22-7201 chapter 7): register ranges that wrap from 15 to
# 0, word alignment, and the moves between general and access registers.
        .include "lib.inc"
        .include "mp.inc"

        TEST_BEGIN
        larl    %r4,values
        lam     %a0,%a15,0(%r4)         # all sixteen
        ear     %r2,%a15
        CHECK_R %r2, 0xAF, 1
        ear     %r2,%a0
        CHECK_R %r2, 0xA0, 2
        lam     %a14,%a1,64(%r4)        # 14, 15, 0, 1 (wrapping)
        ear     %r2,%a14
        CHECK_R %r2, 0xB0, 3
        ear     %r2,%a1
        CHECK_R %r2, 0xB3, 4
        ear     %r2,%a2                 # outside the range: unchanged
        CHECK_R %r2, 0xA2, 5
        larl    %r5,stored
        stam    %a15,%a2,0(%r5)         # 15, 0, 1, 2
        CHECK_MEM "0(16,%r5)", wrapped, 6
        stam    %a5,%a5,16(%r5)         # a single register
        CHECK_MEM "16(4,%r5)", a5, 7
        cpya    %a3,%a14
        ear     %r2,%a3
        CHECK_R %r2, 0xB0, 8
        LV      %r6,0x12345678
        sar     %a7,%r6
        ear     %r7,%a7
        CHECK_R %r7, 0x12345678, 9
        # the second operand must be on a word boundary
        EXPECT_PGM 0x0006, 1f
        lam     %a0,%a0,2(%r4)
        FAIL    10
1:      EXPECT_PGM 0x0006, 2f
        stam    %a0,%a0,1(%r5)
        FAIL    11
2:      ear     %r2,%a0                 # suppressed: unchanged
        CHECK_R %r2, 0xB2, 12
        TEST_END

        .balign 4
values: .long   0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7
        .long   0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF
        .long   0xB0, 0xB1, 0xB2, 0xB3
wrapped: .long  0xB1, 0xB2, 0xB3, 0xA2
a5:     .long   0xA5
stored: .fill   32,1,0

# String instructions CLST, MVST and SRST (SA22-7201 chapter 7):
# terminating character in GR0 bits 24-31 (bits 0-23 must be zero),
# condition codes and register updates, page-crossing operands, access
# exceptions only for bytes that are reached, CC 3 after a CPU-determined
# amount (resumed by executing the instruction again).
        .include "lib.inc"
        .include "regs.inc"
# The end of main storage (1 MiB in the test case).
        .ifndef MEMEND
        .set    MEMEND, 0x100000
        .endif
        TEST_BEGIN
        lhi     %r0,0
        # CLST equal strings: CC 0, registers unchanged
        LV      %r2, abc0
        LV      %r4, abc0b
        clst    %r2,%r4
        CHECK_CC 0, 1
        CHECK_R %r2, abc0, 2
        CHECK_R %r4, abc0b, 3
        # first operand low at the third byte: CC 1, registers there
        LV      %r2, aba0
        clst    %r2,%r4
        CHECK_CC 1, 4
        CHECK_R %r2, aba0+2, 5
        CHECK_R %r4, abc0b+2, 6
        # first operand ends first: it is the low one (CC 1)
        LV      %r2, ab0
        LV      %r4, abc0
        clst    %r2,%r4
        CHECK_CC 1, 7
        CHECK_R %r2, ab0+2, 8
        CHECK_R %r4, abc0+2, 9
        # second operand ends first: CC 2
        LV      %r2, abc0
        LV      %r4, ab0
        clst    %r2,%r4
        CHECK_CC 2, 10
        CHECK_R %r2, abc0+2, 11
        # bits 0-23 of GR0 not zero: specification exception
        EXPECT_PGM 0x0006, 1f
        lhi     %r0,0x100
        clst    %r2,%r4
        FAIL    12
1:      CHECK_PGM_TAKEN 13
        lhi     %r0,0
        # equal strings crossing a page boundary (X'1FFE', X'2FFD')
        LV      %r2, 0x1FFE
        LV      %r4, 0x2FFD
        larl    %r1,hello0
        mvc     0(6,%r2),0(%r1)
        mvc     0(6,%r4),0(%r1)
        clst    %r2,%r4
        CHECK_CC 0, 14
        # strings that differ before the end of storage (1 MiB): the
        # bytes beyond are not accessed
        LV      %r2, MEMEND-4
        LV      %r4, MEMEND-16
        larl    %r1,abcd
        mvc     0(4,%r2),0(%r1)
        mvc     0(4,%r4),4(%r1)
        clst    %r2,%r4
        CHECK_CC 1, 15
        CHECK_R %r2, MEMEND-1, 16
        # equal through the end of storage: addressing exception
        LV      %r2, MEMEND-4
        LV      %r4, MEMEND-16
        mvc     0(4,%r4),0(%r1)
        EXPECT_PGM 0x0005, 2f
        clst    %r2,%r4
        FAIL    17
2:      CHECK_PGM_TAKEN 18
        # 24-bit mode: the updated address has bits 0-7 zero
        sam24
        LV      %r2, 0xFF000000+aba0
        LV      %r4, abc0
        clst    %r2,%r4
        sam31
        CHECK_CC 1, 19
        CHECK_R %r2, aba0+2, 20

        # MVST: moves through the ending character, R1 addresses it in
        # the first operand, R2 unchanged, CC 1
        LV      %r2, buf
        LV      %r4, hello0
        mvst    %r2,%r4
        CHECK_CC 1, 21
        CHECK_R %r2, buf+5, 22
        CHECK_R %r4, hello0, 23
        CHECK_MEM "0(7,%r2)",buf_exp, 24
        larl    %r1,buf
        CHECK_MEM "0(7,%r1)",buf_exp2, 25
        # other ending character ('L'): moves "HEL"
        larl    %r1,buf
        mvi     0(%r1),0
        lhi     %r0,0x4C                # 'L'
        LV      %r2, buf+16
        mvst    %r2,%r4
        CHECK_CC 1, 26
        CHECK_R %r2, buf+18, 27
        CHECK_MEM "16(3,%r1)",hel, 28
        # a string longer than the CPU-determined amount: CC 3 first, with
        # both addresses advanced by the same amount, then resumed (zeros
        # ended by X'FF')
        LV      %r2, 0x40000
        LV      %r4, 0x20000
        lr      %r6,%r4
        ahi     %r6,12000
        mvi     0(%r6),0xFF             # ending character at 0x20000+12000
        lhi     %r0,0xFF
        lr      %r8,%r2
        mvst    %r2,%r4
        CHECK_CC 3, 29
        lr      %r7,%r2
        slr     %r7,%r8                 # bytes moved so far
        lr      %r9,%r4
        LV      %r10, 0x20000
        slr     %r9,%r10
        cr      %r7,%r9
        je      3f
        FAIL    30
3:      ltr     %r7,%r7
        jp      4f
        FAIL    31
4:      mvst    %r2,%r4
        jo      4b
        CHECK_CC 1, 32
        CHECK_R %r2, 0x40000+12000, 33
        lhi     %r0,0
        # MVST destination at the end of storage: the bytes moved before
        # the exception are stored, the rest is not reached
        LV      %r2, MEMEND-3
        LV      %r4, hello0
        EXPECT_PGM 0x0005, 5f
9:      mvst    %r2,%r4
        jo      9b                      # CC 3 may come at the page end
        FAIL    34
5:      CHECK_PGM_TAKEN 35
        # MVST with a short destination before the end: no exception
        LV      %r2, MEMEND-6
        LV      %r4, hello0
        mvst    %r2,%r4
        CHECK_CC 1, 36
        CHECK_R %r2, MEMEND-1, 37

        # SRST: R1 = end of the operand, R2 = start; found: CC 1, R1
        # addresses the character, R2 unchanged
        lhi     %r0,0x43                # 'C'
        LV      %r2, abc0+3
        LV      %r4, abc0
        srst    %r2,%r4
        CHECK_CC 1, 40
        CHECK_R %r2, abc0+2, 41
        CHECK_R %r4, abc0, 42
        # not found before the end: CC 2, registers unchanged
        LV      %r2, abc0+2
        srst    %r2,%r4
        CHECK_CC 2, 43
        CHECK_R %r2, abc0+2, 44
        CHECK_R %r4, abc0, 45
        # empty operand (R1 = R2): CC 2
        LV      %r2, abc0
        srst    %r2,%r4
        CHECK_CC 2, 46
        # bits 0-23 of GR0 not zero: specification exception
        EXPECT_PGM 0x0006, 6f
        LV      %r1, 0x80000043
        lr      %r0,%r1
        srst    %r2,%r4
        FAIL    47
6:      CHECK_PGM_TAKEN 48
        # a long search: CC 3 with R2 advanced and R1 unchanged, resumed
        # until not found (storage from X'50000' is zero)
        lhi     %r0,0xFF
        LV      %r2, 0x58000
        LV      %r4, 0x50000
        srst    %r2,%r4
        CHECK_CC 3, 49
        CHECK_R %r2, 0x58000, 50
        LV      %r10, 0x50000
        clr     %r4,%r10
        jh      7f
        FAIL    51
7:      srst    %r2,%r4
        jo      7b
        CHECK_CC 2, 52
        # the character found near the end of storage: the bytes after it
        # are not accessed
        LV      %r2, MEMEND+16
        LV      %r4, MEMEND-16
        mvi     5(%r4),0xFF
        srst    %r2,%r4
        CHECK_CC 1, 53
        CHECK_R %r2, MEMEND-11, 54
        # not found before the end of storage: addressing exception
        mvi     5(%r4),0
        LV      %r2, MEMEND+16
        EXPECT_PGM 0x0005, 8f
        srst    %r2,%r4
        FAIL    55
8:      CHECK_PGM_TAKEN 56
        TEST_END

        .balign 2
abc0:   .ascii  "ABC"
        .byte   0
        .balign 2
abc0b:  .ascii  "ABC"
        .byte   0
        .balign 2
aba0:   .ascii  "ABA"
        .byte   0
        .balign 2
ab0:    .ascii  "AB"
        .byte   0
        .balign 2
hello0: .ascii  "HELLO"
        .byte   0
        .balign 2
abcd:   .ascii  "ABCD"
        .balign 2
abce:   .ascii  "ABCE"
        .balign 2
hel:    .ascii  "HEL"
        .balign 2
buf_exp: .byte  0
        .ascii  "\x55\x55\x55\x55\x55\x55"
        .balign 2
buf_exp2: .ascii "HELLO"
        .byte   0,0x55
        .balign 16
        .balign 2
buf:    .fill   32,1,0x55

# MOVE LONG EXTENDED, COMPARE LOGICAL LONG EXTENDED and their Unicode
# forms MVCLU, CLCLU (SA22-7201 chapter 7; z/Architecture POP for the
# Unicode forms): 32-bit lengths, the pad character from the second-operand
# address, condition codes, register updates per addressing mode, CC 3
# after a CPU-determined amount, specification and access exceptions.
        .include "lib.inc"
        .include "regs.inc"


# clclu %r2,%r4,disp (not known to the assembler)
        .macro  CLCLU24 disp
        .long   0xEB240000+(\disp)
        .short  0x008F
        .endm

# The end of main storage (1 MiB in the test case).
        .ifndef MEMEND
        .set    MEMEND, 0x100000
        .endif
        TEST_BEGIN
        # MVCLE: first operand longer, padded with X'2A' ('*'): CC 2
        OPS     buf, 8, s_hello, 5
        mvcle   %r2,%r4,0x2A
        CHECK_CC 2, 1
        CHECK_R %r2, buf+8, 2
        CHECK_R %r3, 0, 3
        CHECK_R %r4, s_hello+5, 4
        CHECK_R %r5, 0, 5
        larl    %r1,buf
        CHECK_MEM "0(8,%r1)",s_hello_pad, 6
        # first operand shorter: CC 1, the rest of the source remains
        OPS     buf, 3, s_world, 5
        mvcle   %r2,%r4,0
        CHECK_CC 1, 7
        CHECK_R %r4, s_world+3, 8
        CHECK_R %r5, 2, 9
        CHECK_MEM "0(8,%r1)",s_worlo_pad, 10
        # equal lengths: CC 0; the pad comes from bits 24-31 of the address
        OPS     buf, 5, s_hello, 5
        lhi     %r6,0x100
        mvcle   %r2,%r4,0x2B(%r6)
        CHECK_CC 0, 11
        # zero-length first operand: nothing is accessed (the address is
        # outside storage), CC 1
        OPS     0x300000, 0, s_hello, 5
        mvcle   %r2,%r4,0
        CHECK_CC 1, 12
        # odd R1: specification exception
        EXPECT_PGM 0x0006, 1f
        .long   0xA8340000              # mvcle %r3,%r4,0
        FAIL    13
1:      CHECK_PGM_TAKEN 14
        # 10000 bytes from 6000 source bytes of X'01', padded with X'02':
        # CC 3 with progress first, resumed to CC 2 (pages crossed)
        OPS     0x20000, 6000, 0, 0
7:      mvcle   %r2,%r4,1               # source fill: pad X'01'
        jo      7b
        OPS     0x40001, 10000, 0x20000, 6000
        mvcle   %r2,%r4,2
        CHECK_CC 3, 15
        lr      %r6,%r3
        alr     %r6,%r2
        CHECK_R %r6, 0x40001+10000, 16  # address + length preserved
2:      mvcle   %r2,%r4,2
        jo      2b
        CHECK_CC 2, 17
        CHECK_R %r2, 0x40001+10000, 18
        CHECK_R %r4, 0x20000+6000, 19
        LV      %r1, 0x40001+5998
        CHECK_MEM "0(4,%r1)",b_0102, 20
        LV      %r1, 0x40001+9999
        CHECK_MEM "0(2,%r1)",b_0200, 21
        # 24-bit mode: bits 0-7 of the address registers become zero
        sam24
        OPS     0xAA000000+buf, 2, 0x55000000+s_hello, 2
        mvcle   %r2,%r4,0
        sam31
        CHECK_R %r2, buf+2, 22
        CHECK_R %r4, s_hello+2, 23
        # the destination ends at the end of storage: no exception
        OPS     MEMEND-2, 2, s_hello, 2
        mvcle   %r2,%r4,0
        CHECK_CC 0, 24
        # one byte more: addressing exception, the bytes before it moved
        OPS     MEMEND-2, 3, s_world, 3
        EXPECT_PGM 0x0005, 3f
9:      mvcle   %r2,%r4,0
        jo      9b                      # CC 3 may come at the page end
        FAIL    25
3:      CHECK_PGM_TAKEN 26
        CHECK_R %r3, 1, 27
        LV      %r1, MEMEND-2
        CHECK_MEM "0(2,%r1)",s_world, 28

        # CLCLE: unequal at the third byte: CC 1, registers address it
        OPS     s_abc, 3, s_abd, 3
        clcle   %r2,%r4,0
        CHECK_CC 1, 30
        CHECK_R %r2, s_abc+2, 31
        CHECK_R %r3, 1, 32
        CHECK_R %r4, s_abd+2, 33
        CHECK_R %r5, 1, 34
        # the shorter operand is padded (blank): equal, CC 0, lengths zero
        OPS     s_ab2blank, 2, s_ab2blank, 4
        clcle   %r2,%r4,0x20
        CHECK_CC 0, 35
        CHECK_R %r2, s_ab2blank+2, 36
        CHECK_R %r3, 0, 37
        CHECK_R %r4, s_ab2blank+4, 38
        # pad X'20' against '!' (X'21'): first operand low, CC 1
        OPS     s_ab2blank, 2, s_ab_excl, 4
        clcle   %r2,%r4,0x20
        CHECK_CC 1, 39
        CHECK_R %r2, s_ab2blank+2, 40
        CHECK_R %r4, s_ab_excl+3, 41
        CHECK_R %r5, 1, 42
        # 8 KiB of equal bytes: CC 3 first, resumed to CC 0
        OPS     0x50000, 8192, 0x60000, 8192
        clcle   %r2,%r4,0
        CHECK_CC 3, 43
4:      clcle   %r2,%r4,0
        jo      4b
        CHECK_CC 0, 44
        CHECK_R %r2, 0x52000, 45
        # both lengths zero: CC 0
        OPS     0, 0, 0, 0
        clcle   %r2,%r4,0
        CHECK_CC 0, 46

        # MVCLU: two-byte pad character from bits 16-31 of the address
        OPS     buf, 8, u_ab, 4
        mvclu   %r2,%r4,0x20
        CHECK_CC 2, 50
        CHECK_R %r2, buf+8, 51
        CHECK_R %r5, 0, 52
        larl    %r1,buf
        CHECK_MEM "0(8,%r1)",u_ab_pad, 53
        # padding across a page boundary from an odd address
        OPS     0x1FFF, 6, 0, 0
        LV      %r6, 0x1234
8:      mvclu   %r2,%r4,0(%r6)
        jo      8b
        CHECK_CC 2, 54
        LV      %r1, 0x1FFF
        CHECK_MEM "0(6,%r1)",u_1234, 55
        # odd length: specification exception
        OPS     buf, 3, u_ab, 4
        EXPECT_PGM 0x0006, 5f
        mvclu   %r2,%r4,0
        FAIL    56
5:      CHECK_PGM_TAKEN 57

        # CLCLU: unequal second character: CC 1, registers at its start
        OPS     u_ab, 4, u_ac, 4
        CLCLU24 0
        CHECK_CC 1, 60
        CHECK_R %r2, u_ab+2, 61
        CHECK_R %r3, 2, 62
        CHECK_R %r4, u_ac+2, 63
        # padded with X'0020': equal, CC 0
        OPS     u_ab, 2, u_a_blank, 4
        CLCLU24 0x20
        CHECK_CC 0, 64
        # pad X'0020' against X'0021' (unequal in the second byte): CC 1,
        # the second operand registers address the character
        OPS     u_ab, 2, u_a_excl, 4
        CLCLU24 0x20
        CHECK_CC 1, 65
        CHECK_R %r2, u_ab+2, 66
        CHECK_R %r3, 0, 67
        CHECK_R %r4, u_a_excl+2, 68
        CHECK_R %r5, 2, 69
        # odd length: specification exception
        OPS     u_ab, 4, u_ac, 3
        EXPECT_PGM 0x0006, 6f
        CLCLU24 0
        FAIL    70
6:      CHECK_PGM_TAKEN 71
        TEST_END

        .balign 2
s_hello: .ascii "HELLO"
        .balign 2
s_world: .ascii "WORLD"
        .balign 2
s_hello_pad: .ascii "HELLO***"
        .balign 2
s_worlo_pad: .ascii "WORLO***"
        .balign 2
b_0102: .byte   1,1,2,2
b_0200: .byte   2,0
        .balign 2
s_abc:  .ascii  "ABC"
        .balign 2
s_abd:  .ascii  "ABD"
        .balign 2
s_ab2blank: .ascii "AB  "
        .balign 2
s_ab_excl: .ascii "AB !"
        .balign 2
u_ab:   .short  0x0041,0x0042
u_ac:   .short  0x0041,0x0043
u_a_blank: .short 0x0041,0x0020
u_a_excl: .short 0x0041,0x0021
u_ab_pad: .short 0x0041,0x0042,0x0020,0x0020
u_1234: .short  0x1234,0x1234,0x1234
        .balign 16
buf:    .fill   16,1,0

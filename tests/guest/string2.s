# COMPARE UNTIL SUBSTRING EQUAL and CHECKSUM (SA22-7201 chapter 7):
# substring length in GR0, pad byte in GR1, register pairs with 32-bit
# lengths, condition codes, padding, CC 3 after a CPU-determined amount.
        .include "lib.inc"
        .include "regs.inc"

# Fill LEN bytes at ADDR with BYTE (MVCL with padding; uses GR8-GR11).
        .macro  FILL addr, len, byte
        LV      %r8, \addr
        LV      %r9, \len
        lhi     %r10,0
        LV      %r11, (\byte)<<24
        mvcl    %r8,%r10
        .endm


# The end of main storage (1 MiB in the test case).
        .ifndef MEMEND
        .set    MEMEND, 0x100000
        .endif
        TEST_BEGIN
        # a substring of 3 equal bytes from the second position: CC 0,
        # the registers address it with the remaining lengths
        lhi     %r0,3
        lhi     %r1,0x20
        OPS     s_abcdef, 6, s_xbcdyf, 6
        cuse    %r2,%r4
        CHECK_CC 0, 1
        CHECK_R %r2, s_abcdef+1, 2
        CHECK_R %r3, 5, 3
        CHECK_R %r4, s_xbcdyf+1, 4
        CHECK_R %r5, 5, 5
        # the operands end in a partial equal substring: CC 1
        lhi     %r0,2
        OPS     s_abxd, 4, s_cbyd, 4
        cuse    %r2,%r4
        CHECK_CC 1, 6
        CHECK_R %r2, s_abxd+3, 7
        CHECK_R %r3, 1, 8
        CHECK_R %r5, 1, 9
        # the last bytes unequal: CC 2, addresses past the operands
        lhi     %r0,1
        OPS     s_ab, 2, s_cd, 2
        cuse    %r2,%r4
        CHECK_CC 2, 10
        CHECK_R %r2, s_ab+2, 11
        CHECK_R %r3, 0, 12
        CHECK_R %r4, s_cd+2, 13
        CHECK_R %r5, 0, 14
        # the shorter operand is padded with the GR1 byte (blank)
        lhi     %r0,2
        OPS     s_ab2blank, 4, s_cd, 2
        cuse    %r2,%r4
        CHECK_CC 0, 15
        CHECK_R %r2, s_ab2blank+2, 16
        CHECK_R %r3, 2, 17
        CHECK_R %r4, s_cd+2, 18
        CHECK_R %r5, 0, 19
        # an equal substring in the last bytes is found: CC 0
        OPS     s_abcd, 4, s_xycd, 4
        cuse    %r2,%r4
        CHECK_CC 0, 20
        CHECK_R %r2, s_abcd+2, 21
        CHECK_R %r3, 2, 22
        # substring length zero: CC 0, registers unchanged
        lhi     %r0,0
        OPS     s_ab, 2, s_cd, 2
        cuse    %r2,%r4
        CHECK_CC 0, 23
        CHECK_R %r2, s_ab, 24
        CHECK_R %r3, 2, 25
        # both operands empty: CC 2
        lhi     %r0,1
        OPS     s_ab, 0, s_cd, 0
        cuse    %r2,%r4
        CHECK_CC 2, 26
        # odd register: specification exception
        EXPECT_PGM 0x0006, 1f
        .long   0xB2570034              # cuse %r3,%r4
        FAIL    27
1:      CHECK_PGM_TAKEN 28
        # 8 KiB without an equal byte: CC 3 with both operands advanced by
        # the same amount, then resumed to CC 2
        FILL    0x30000, 8192, 1
        OPS     0x20000, 8192, 0x30000, 8192
        cuse    %r2,%r4
        CHECK_CC 3, 29
        lr      %r6,%r2
        LV      %r7, 0x20000
        slr     %r6,%r7                 # bytes done in op 1
        lr      %r7,%r4
        LV      %r8, 0x30000
        slr     %r7,%r8                 # bytes done in op 2
        cr      %r6,%r7
        je      2f
        FAIL    30
2:      ltr     %r6,%r6
        jp      3f
        FAIL    31
3:      alr     %r6,%r3                 # done + remaining = 8192
        CHECK_R %r6, 8192, 32
4:      cuse    %r2,%r4
        jo      4b
        CHECK_CC 2, 33
        CHECK_R %r2, 0x22000, 34
        CHECK_R %r5, 0, 35

        # CHECKSUM: 32-bit one's-complement sum with end-around carry; the
        # last 1-3 bytes are padded on the right with zeros
        lhi     %r6,0
        LV      %r2, ck_data
        lhi     %r3,15
        cksm    %r6,%r2
        CHECK_CC 0, 40
        CHECK_R %r6, 0x92345603, 41
        CHECK_R %r2, ck_data+15, 42
        CHECK_R %r3, 0, 43
        # a carry out of bit 0 is added back: FFFFFFFF + 2 = 2
        lhi     %r6,0
        LV      %r2, ck_carry
        lhi     %r3,8
        cksm    %r6,%r2
        CHECK_R %r6, 2, 44
        # words crossing a page boundary
        LV      %r2, 0x1FFE
        larl    %r1,ck_cross
        mvc     0(8,%r2),0(%r1)
        lhi     %r3,8
        lhi     %r6,0
        cksm    %r6,%r2
        CHECK_CC 0, 45
        CHECK_R %r6, 0x00040006, 46
        # 8 KiB of X'01': CC 3 first with the partial sum, resumed
        FILL    0x40000, 8192, 1
        lhi     %r6,0
        LV      %r2, 0x40000
        LV      %r3, 8192
        cksm    %r6,%r2
        CHECK_CC 3, 47
5:      cksm    %r6,%r2
        jo      5b
        CHECK_CC 0, 48
        CHECK_R %r6, 0x08080808, 49
        CHECK_R %r2, 0x42000, 50
        # the last word of storage is summed without an exception
        LV      %r2, MEMEND-4
        lhi     %r3,4
        cksm    %r6,%r2
        CHECK_CC 0, 51
        # beyond it: addressing exception
        lhi     %r3,1
        EXPECT_PGM 0x0005, 6f
        cksm    %r6,%r2
        FAIL    52
6:      CHECK_PGM_TAKEN 53
        # odd R2: specification exception
        EXPECT_PGM 0x0006, 7f
        .long   0xB2410063              # cksm %r6,%r3
        FAIL    54
7:      CHECK_PGM_TAKEN 55
        TEST_END

        .balign 4
ck_data: .long  0x00010002,0xFFFF0000,0x80000000
        .byte   0x12,0x34,0x56
        .balign 4
ck_carry: .long 0xFFFFFFFF,0x00000002
ck_cross: .long 0x00010002,0x00030004
s_abcdef: .ascii "ABCDEF"
s_xbcdyf: .ascii "XBCDYF"
s_abxd: .ascii  "ABXD"
s_cbyd: .ascii  "CBYD"
s_ab:   .ascii  "AB"
s_cd:   .ascii  "CD"
s_ab2blank: .ascii "AB  "
s_abcd: .ascii  "ABCD"
s_xycd: .ascii  "XYCD"

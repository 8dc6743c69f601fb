# COMPARE AND FORM CODEWORD (SA22-7201 chapter 7): ascending and
# descending codewords, operands in and out of sequence (GR1 and GR3
# exchanged), equal operands up to the index limit, the starting index in
# GR2 bits 16-31, odd registers, an access exception that leaves the
# registers alone.
        .include "lib.inc"
        .include "regs.inc"
        TEST_BEGIN
        # ascending, in sequence: X'0003' < X'0005' at index 4
        larl    %r1,low
        larl    %r3,high
        lr      %r6,%r1
        lr      %r7,%r3
        lhi     %r2,0
        cfc     0x10
        CHECK_CC 1, 1
        CHECK_R %r2, 0x0006FFFA, 2      # index 6, ones' complement of 5
        cr      %r1,%r6
        je      1f
        FAIL    3
1:      cr      %r3,%r7
        je      2f
        FAIL    4
        # ascending, out of sequence: GR1 and GR3 exchanged, the codeword
        # from the higher (first) operand
2:      larl    %r1,high
        larl    %r3,low
        lhi     %r2,0
        cfc     0x10
        CHECK_CC 2, 5
        CHECK_R %r2, 0x0006FFFA, 6
        cr      %r1,%r6                 # now the low operand
        je      3f
        FAIL    7
3:      cr      %r3,%r7
        je      4f
        FAIL    8
        # descending (operand-control bit 1), in sequence: the lower
        # (third) operand as it is
4:      larl    %r1,high
        larl    %r3,low
        lhi     %r2,0
        cfc     0x11
        CHECK_CC 1, 9
        CHECK_R %r2, 0x00060003, 10
        cr      %r1,%r7
        je      5f
        FAIL    11
        # descending, out of sequence: exchanged, the lower (first) operand
5:      larl    %r1,low
        larl    %r3,high
        lhi     %r2,0
        cfc     0x11
        CHECK_CC 2, 12
        CHECK_R %r2, 0x00060003, 13
        cr      %r1,%r7
        je      6f
        FAIL    14
6:      cr      %r3,%r6
        je      7f
        FAIL    15
        # index limit 2: the halfwords at 0 and 2 are equal, the one at 4
        # is not compared: CC 0, GR2 = GR3 with bit 0 one
7:      larl    %r1,low
        larl    %r3,high
        lhi     %r2,0
        cfc     0x3                     # limit 2 (bit 31 is the control)
        CHECK_CC 0, 16
        LV      %r8,0x80000000
        or      %r8,%r3
        cr      %r2,%r8
        je      8f
        FAIL    17
        # bits 0-15 of GR2 are ignored; the index starts at 8: X'000F'
        # against X'0010' (ascending, in sequence), the codeword index 10
8:      larl    %r1,low
        larl    %r3,high
        LV      %r2,0xABCD0008
        LV      %r9,0x12347FFE          # limit: bits 17-30 only
        cfc     0(%r9)
        CHECK_CC 1, 18
        CHECK_R %r2, 0x000AFFEF, 19
        # an index above the limit: CC 0 at once
        larl    %r1,low
        larl    %r3,high
        LV      %r2,0x00000006
        cfc     4
        CHECK_CC 0, 20
        # halfwords compare as logical values: X'8000' > X'7FFF' at index
        # 12 (ascending: out of sequence, the complement of X'8000')
        larl    %r1,low
        larl    %r3,high
        lhi     %r2,12
        cfc     0x100
        CHECK_CC 2, 21
        CHECK_R %r2, 0x000E7FFF, 22
        # odd GR1, GR2 or GR3: specification exception, nothing changed
        lhi     %r2,1
        EXPECT_PGM 0x0006, 9f
        cfc     0x10
        FAIL    23
9:      CHECK_PGM_TAKEN 24
        CHECK_R %r2, 1, 25
        larl    %r1,low
        la      %r1,1(%r1)
        lhi     %r2,0
        EXPECT_PGM 0x0006, 10f
        cfc     0x10
        FAIL    26
10:     larl    %r1,low
        larl    %r3,high
        la      %r3,1(%r3)
        EXPECT_PGM 0x0006, 11f
        cfc     0x10
        FAIL    27
        # the third operand runs out of storage (1 MB) at the second
        # halfword pair: addressing exception, GR2 as it was
11:     larl    %r1,edge
        LV      %r3,0x000FFFFE
        lhi     %r2,0
        EXPECT_PGM 0x0005, 12f
        cfc     0x10
        FAIL    28
12:     CHECK_PGM_TAKEN 29
        CHECK_R %r2, 0, 30
        TEST_END

        .balign 2
low:    .short  1, 2, 3, 0x10, 0x0F, 0, 0x8000
high:   .short  1, 2, 5, 0x10, 0x10, 0, 0x7FFF
edge:   .short  0

# EDIT and EDIT AND MARK.  Expected values from SA22-7201 chapter 8 (the
# editing rules and the worked example of appendix A): fill byte = first
# pattern byte; digit selector X'20', significance starter X'21', field
# separator X'22', other bytes are message bytes; a plus sign in the right
# half of a source byte turns significance off, a minus sign leaves it.
# CC 0 last field zero, 1 nonzero with significance on, 2 nonzero with it
# off.  EDMK puts the address of the first significant digit in GR1 (bits
# 1-31 with bit 0 zero, or 8-31 with bits 0-7 kept) when a nonzero digit
# turned significance on.
        .include "lib.inc"
        .include "decimal.inc"
        TEST_BEGIN
        larl    %r12,D0

        ed      P1-D0(13,%r12),S1-D0(%r12)       # +2574.26 -> "  2,574.26   "
        CHECK_CC 2, 1
        CHECK_FIELD P1, 13, P1E, 2
        ed      P2-D0(13,%r12),S2-D0(%r12)       # -0.26 -> "      0.26 CR"
        CHECK_CC 1, 3
        CHECK_FIELD P2, 13, P2E, 4
        ed      P3-D0(6,%r12),S3-D0(%r12)        # two fields, the last zero
        CHECK_CC 0, 5
        CHECK_FIELD P3, 6, P3E, 6
        ed      P4-D0(3,%r12),S4-D0(%r12)        # ends with a field separator
        CHECK_CC 0, 7
        CHECK_FIELD P4, 3, P4E, 8
        ed      P5-D0(3,%r12),S5-D0(%r12)        # fill byte is a digit selector
        CHECK_CC 2, 9
        CHECK_FIELD P5, 3, P5E, 10
        ed      P6-D0(4,%r12),S6-D0(%r12)        # sign F: plus
        CHECK_CC 2, 11
        CHECK_FIELD P6, 4, P6E, 12
        ed      P7-D0(4,%r12),S7-D0(%r12)        # sign B: minus
        CHECK_CC 1, 13
        CHECK_FIELD P7, 4, P7E, 14
        ed      P8-D0(4,%r12),S8-D0(%r12)        # all zero, significance on
        CHECK_CC 0, 15
        CHECK_FIELD P8, 4, P8E, 16
        ed      P9-D0(4,%r12),S15-D0(%r12)       # no digit selectors: no source
        CHECK_CC 0, 17
        CHECK_FIELD P9, 4, P9E, 18

# ---- EDMK, 31-bit mode ----
        l       %r1,ONES-D0(%r12)
        edmk    P10-D0(13,%r12),S1-D0(%r12)      # mark at the digit 2
        CHECK_CC 2, 20
        CHECK_R %r1, P10+2, 21
        CHECK_FIELD P10, 13, P1E, 22
        l       %r1,JUNK-D0(%r12)
        edmk    P11-D0(13,%r12),S2-D0(%r12)      # forced by X'21': GR1 kept
        CHECK_R %r1, 0x12345678, 23
        CHECK_FIELD P11, 13, P2E, 24
        l       %r1,ONES-D0(%r12)
        edmk    P12-D0(3,%r12),S12-D0(%r12)      # starter with 0C, then 5C
        CHECK_CC 2, 25
        CHECK_R %r1, P12+2, 26
        CHECK_FIELD P12, 3, P12E, 27
        l       %r1,ONES-D0(%r12)
        edmk    P13-D0(6,%r12),S13-D0(%r12)      # two fields: the last mark
        CHECK_R %r1, P13+5, 28
        CHECK_FIELD P13, 6, P13E, 29

# ---- EDMK, 24-bit mode: bits 0-7 of GR1 unchanged ----
        sam24
        l       %r1,ONES-D0(%r12)
        edmk    P14-D0(13,%r12),S1-D0(%r12)
        sam31
        CHECK_R %r1, 0xFF000000+P14+2, 30

# ---- invalid source digit: data exception (the operation is terminated:
# pattern and GR1 are unpredictable, so they are not checked) ----
        EXPECT_DATA 1f
        ed      P15-D0(3,%r12),S15-D0(%r12)      # left half A
        FAIL    31
1:      CHECK_PGM_TAKEN 32
        CHECK_DXC0 33
        EXPECT_DATA 2f
        edmk    P16-D0(4,%r12),S16-D0(%r12)      # second source byte B3
        FAIL    34
2:      CHECK_PGM_TAKEN 35
        CHECK_DXC0 36
        TEST_END

        .balign 4
D0:
ONES:   .long   0xFFFFFFFF
JUNK:   .long   0x12345678
P1:     .byte   0x40,0x20,0x20,0x6B,0x20,0x21,0x20,0x4B,0x20,0x20,0x40,0xC3,0xD9
P1E:    .byte   0x40,0x40,0xF2,0x6B,0xF5,0xF7,0xF4,0x4B,0xF2,0xF6,0x40,0x40,0x40
S1:     .byte   0x02,0x57,0x42,0x6C
P2:     .byte   0x40,0x20,0x20,0x6B,0x20,0x21,0x20,0x4B,0x20,0x20,0x40,0xC3,0xD9
P2E:    .byte   0x40,0x40,0x40,0x40,0x40,0x40,0xF0,0x4B,0xF2,0xF6,0x40,0xC3,0xD9
S2:     .byte   0x00,0x00,0x02,0x6D
P3:     .byte   0x40,0x20,0x20,0x22,0x20,0x20
P3E:    .byte   0x40,0xF1,0xF2,0x40,0x40,0x40
S3:     .byte   0x12,0x0C,0x00
P4:     .byte   0x40,0x20,0x22
P4E:    .byte   0x40,0xF5,0x40
S4:     .byte   0x5C
P5:     .byte   0x20,0x20,0x20
P5E:    .byte   0x20,0xF1,0xF2
S5:     .byte   0x01,0x2C
P6:     .byte   0x40,0x20,0x40,0xC3
P6E:    .byte   0x40,0xF1,0x40,0x40
S6:     .byte   0x1F
P7:     .byte   0x40,0x20,0x40,0xC3
P7E:    .byte   0x40,0xF1,0x40,0xC3
S7:     .byte   0x1B
P8:     .byte   0x40,0x20,0x21,0x20
P8E:    .byte   0x40,0x40,0x40,0xF0
S8:     .byte   0x00,0x0D
P9:     .byte   0x5C,0x4B,0x22,0xC1
P9E:    .byte   0x5C,0x5C,0x5C,0x5C
P10:    .byte   0x40,0x20,0x20,0x6B,0x20,0x21,0x20,0x4B,0x20,0x20,0x40,0xC3,0xD9
P11:    .byte   0x40,0x20,0x20,0x6B,0x20,0x21,0x20,0x4B,0x20,0x20,0x40,0xC3,0xD9
P12:    .byte   0x40,0x21,0x20
P12E:   .byte   0x40,0x40,0xF5
S12:    .byte   0x0C,0x5C
P13:    .byte   0x40,0x20,0x20,0x22,0x20,0x20
P13E:   .byte   0x40,0xF1,0xF2,0x40,0x40,0xF3
S13:    .byte   0x12,0x03
P14:    .byte   0x40,0x20,0x20,0x6B,0x20,0x21,0x20,0x4B,0x20,0x20,0x40,0xC3,0xD9
P15:    .byte   0x40,0x20,0x20
S15:    .byte   0xA1
P16:    .byte   0x40,0x20,0x20,0x20
S16:    .byte   0x12,0xB3

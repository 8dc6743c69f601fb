# TRANSLATE EXTENDED (SA22-7201), TRANSLATE ONE TO ONE / ONE TO TWO /
# TWO TO ONE / TWO TO TWO (z/Architecture POP, extended-translation
# facility 2 in ESA/390 mode), CONVERT UNICODE TO UTF-8 and UTF-8 TO
# UNICODE: results, test characters, table alignment, register updates,
# CC 1/2/3, specification exceptions.
        .include "lib.inc"
        .include "regs.inc"


        TEST_BEGIN
        # table at X'3000': byte i -> i+1
        LV      %r1, 0x3000
        lhi     %r2,1
        lhi     %r3,256
1:      stc     %r2,0(%r1)
        la      %r1,1(%r1)
        la      %r2,1(%r2)
        brct    %r3,1b

        # TRE: stops at the test byte (before translation): CC 1
        larl    %r6,buf
        mvc     0(5,%r6),s_abcde
        lhi     %r0,0x44                # 'D'
        LV      %r2, buf
        lhi     %r3,5
        LV      %r4, 0x3000
        tre     %r2,%r4
        CHECK_CC 1, 1
        CHECK_R %r2, buf+3, 2
        CHECK_R %r3, 2, 3
        CHECK_MEM "0(5,%r6)",s_bcdde, 4
        # no test byte: all translated, CC 0
        lhi     %r0,0xFF
        LV      %r2, buf
        lhi     %r3,5
        tre     %r2,%r4
        CHECK_CC 0, 5
        CHECK_R %r2, buf+5, 6
        CHECK_R %r3, 0, 7
        CHECK_MEM "0(5,%r6)",s_cdeef, 8
        # zero length: CC 0
        lhi     %r3,0
        tre     %r2,%r4
        CHECK_CC 0, 9
        # odd R1: specification exception
        EXPECT_PGM 0x0006, 2f
        .long   0xB2A50034              # tre %r3,%r4
        FAIL    10
2:      CHECK_PGM_TAKEN 11
        # 8 KiB of zeros from X'40800': CC 3 first, each byte translated
        # exactly once across the resumptions
        LV      %r2, 0x40800
        LV      %r3, 8192
3:      tre     %r2,%r4
        jo      3b
        CHECK_CC 0, 12
        CHECK_R %r2, 0x42800, 13
        LV      %r1, 0x40800
        CHECK_MEM "0(2,%r1)",b_0101, 14
        CHECK_MEM "4094(4,%r1)",b_01010101, 15
        LV      %r1, 0x40800+8190
        CHECK_MEM "0(2,%r1)",b_0101, 16

        # TROO: the table address in GR1 ignores bits 29-31; R1+1 is the
        # second-operand length
        LV      %r1, 0x3007
        lhi     %r0,0
        OPS     buf, 3, s_abcde, 0
        .long   0xB9930024              # troo %r2,%r4
        CHECK_CC 0, 20
        CHECK_R %r2, buf+3, 21
        CHECK_R %r3, 0, 22
        CHECK_R %r4, s_abcde+3, 23
        CHECK_MEM "0(3,%r6)",s_bcdde, 24
        # the function character equals the test character: CC 1, it is
        # not stored
        lhi     %r0,0x43                # 'C' = translation of 'B'
        OPS     buf+8, 3, s_abcde, 0
        .long   0xB9930024
        CHECK_CC 1, 25
        CHECK_R %r2, buf+9, 26
        CHECK_R %r3, 2, 27
        CHECK_R %r4, s_abcde+1, 28

        # TROT: one-byte arguments, two-byte function characters (table at
        # X'3800', entry i = X'0100'+i); test character in GR0 bits 16-31
        LV      %r1, 0x3800
        lhi     %r2,0x100
        lhi     %r3,256
4:      sth     %r2,0(%r1)
        la      %r1,2(%r1)
        la      %r2,1(%r2)
        brct    %r3,4b
        LV      %r1, 0x3800
        lhi     %r0,-1
        srl     %r0,16                  # X'FFFF'
        OPS     buf, 2, s_abcde, 0
        .long   0xB9920024              # trot %r2,%r4
        CHECK_CC 0, 30
        CHECK_R %r2, buf+4, 31
        CHECK_MEM "0(4,%r6)",u_0141_0142, 32
        lhi     %r0,0x142
        OPS     buf+8, 2, s_abcde, 0
        .long   0xB9920024
        CHECK_CC 1, 33
        CHECK_R %r2, buf+10, 34
        CHECK_R %r3, 1, 35

        # TRTO: two-byte arguments, a 4K-aligned table (GR1 bits 20-31
        # ignored); the length must be even
        LV      %r1, 0x10000
        mvi     0x141(%r1),0x61
        mvi     0x142(%r1),0x62
        LV      %r1, 0x10ABC
        lhi     %r0,0
        OPS     buf, 4, u_0141_0142, 0
        .long   0xB9910024              # trto %r2,%r4
        CHECK_CC 0, 40
        CHECK_R %r2, buf+2, 41
        CHECK_R %r4, u_0141_0142+4, 42
        CHECK_MEM "0(2,%r6)",s_ab_lower, 43
        OPS     buf, 3, u_0141_0142, 0
        EXPECT_PGM 0x0006, 5f
        .long   0xB9910024
        FAIL    44
5:      CHECK_PGM_TAKEN 45
        # TRTT: two-byte arguments and function characters
        LV      %r1, 0x20000
        LV      %r2, 0x3041
        sth     %r2,0x282(%r1)
        OPS     buf, 2, u_0141_0142, 0
        lhi     %r0,-1
        srl     %r0,16                  # X'FFFF'
        .long   0xB9900024              # trtt %r2,%r4
        CHECK_CC 0, 46
        CHECK_MEM "0(2,%r6)",u_3041, 47
        # odd R1: specification exception
        EXPECT_PGM 0x0006, 6f
        .long   0xB9900034
        FAIL    48
6:      CHECK_PGM_TAKEN 49

        # CUUTF: A, e-acute, euro sign, a surrogate pair (U+1F600)
        OPS     buf, 16, u_text, 10
        cuutf   %r2,%r4
        CHECK_CC 0, 50
        CHECK_R %r2, buf+10, 51
        CHECK_R %r3, 6, 52
        CHECK_R %r5, 0, 53
        CHECK_MEM "0(10,%r6)",utf8_text, 54
        # first operand too short for the euro sign: CC 1
        OPS     buf, 5, u_text, 10
        cuutf   %r2,%r4
        CHECK_CC 1, 55
        CHECK_R %r2, buf+3, 56
        CHECK_R %r3, 2, 57
        CHECK_R %r4, u_text+4, 58
        CHECK_R %r5, 6, 59
        # the second operand ends inside the surrogate pair: CC 0, the
        # high surrogate is left
        OPS     buf, 16, u_text, 8
        cuutf   %r2,%r4
        CHECK_CC 0, 60
        CHECK_R %r4, u_text+6, 61
        CHECK_R %r5, 2, 62
        # odd R2: specification exception
        EXPECT_PGM 0x0006, 7f
        .long   0xB2A60023              # cuutf %r2,%r3
        FAIL    63
7:      CHECK_PGM_TAKEN 64

        # CUTFU: the reverse conversion
        OPS     buf, 16, utf8_text, 10
        cutfu   %r2,%r4
        CHECK_CC 0, 70
        CHECK_R %r2, buf+10, 71
        CHECK_R %r5, 0, 72
        CHECK_MEM "0(10,%r6)",u_text, 73
        # no room for the surrogate pair: CC 1 after three characters
        OPS     buf, 8, utf8_text, 10
        cutfu   %r2,%r4
        CHECK_CC 1, 74
        CHECK_R %r2, buf+6, 75
        CHECK_R %r4, utf8_text+6, 76
        # the last character cut off: CC 0, it is left
        OPS     buf, 16, utf8_text, 9
        cutfu   %r2,%r4
        CHECK_CC 0, 77
        CHECK_R %r4, utf8_text+6, 78
        CHECK_R %r5, 3, 79
        # an invalid first byte (X'80'): CC 2, registers address it
        OPS     buf, 16, utf8_bad, 3
        cutfu   %r2,%r4
        CHECK_CC 2, 80
        CHECK_R %r2, buf+2, 81
        CHECK_R %r4, utf8_bad+1, 82
        CHECK_R %r5, 2, 83
        TEST_END

        .balign 2
s_abcde: .ascii "ABCDE"
        .balign 2
s_bcdde: .ascii "BCDDE"
        .balign 2
s_cdeef: .ascii "CDEEF"
        .balign 2
s_ab_lower: .ascii "ab"
        .balign 2
b_0101: .byte   1,1
        .balign 2
b_01010101: .byte 1,1,1,1
        .balign 2
u_0141_0142: .short 0x0141,0x0142
u_3041: .short  0x3041
u_text: .short  0x0041,0x00E9,0x20AC,0xD83D,0xDE00
utf8_text: .byte 0x41,0xC3,0xA9,0xE2,0x82,0xAC,0xF0,0x9F,0x98,0x80
utf8_bad: .byte 0x41,0x80,0x41
        .balign 16
buf:    .fill   16,1,0

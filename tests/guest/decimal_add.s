# ADD DECIMAL, SUBTRACT DECIMAL, ZERO AND ADD, COMPARE DECIMAL.
# Expected values from SA22-7201 chapter 8: algebraic results with the
# preferred signs C/D, a zero result positive unless overflow (then it has
# the sign of the true result), CC 0 zero / 1 less / 2 greater / 3
# overflow, decimal overflow (code X'0A') only with PSW bit 21 on and the
# result stored, data exception (code 7, DXC 0) with nothing stored.
        .include "lib.inc"
        .include "decimal.inc"
        TEST_BEGIN
        larl    %r12,D0

# ---- AP ----
        ap      A1-D0(4,%r12),B1-D0(2,%r12)      # +12345 + +987 = +13332
        CHECK_CC 2, 1
        CHECK_FIELD A1, 4, E1, 2
        ap      A2-D0(4,%r12),B2-D0(3,%r12)      # +1000 + -1001 = -1
        CHECK_CC 1, 3
        CHECK_FIELD A2, 4, E2, 4
        ap      A3-D0(1,%r12),B3-D0(1,%r12)      # +5 + -5 (sign B) = +0
        CHECK_CC 0, 5
        CHECK_FIELD A3, 1, E3, 6
        ap      A4-D0(2,%r12),B4-D0(1,%r12)      # +123 (F) + +1 (A) = +124 (C)
        CHECK_CC 2, 7
        CHECK_FIELD A4, 2, E4, 8
        ap      A5-D0(2,%r12),B5-D0(1,%r12)      # 999 + 1: overflow, +000
        CHECK_CC 3, 9
        CHECK_FIELD A5, 2, E5, 10
        ap      A6-D0(2,%r12),B6-D0(1,%r12)      # -999 + -1: overflow, -000
        CHECK_CC 3, 11
        CHECK_FIELD A6, 2, E6, 12
        ap      A7-D0(1,%r12),B7-D0(4,%r12)      # 1 + 100 = 101: 1 digit fits
        CHECK_CC 3, 13
        CHECK_FIELD A7, 1, E7, 14
        ap      A8-D0(1,%r12),B8-D0(4,%r12)      # longer op2, no overflow
        CHECK_CC 2, 15
        CHECK_FIELD A8, 1, E8, 16
        ap      A9-D0(2,%r12),A9-D0(2,%r12)      # -123 + itself = -246
        CHECK_CC 1, 17
        CHECK_FIELD A9, 2, E9, 18
        ap      A10-D0(16,%r12),B10-D0(1,%r12)   # 16 nines + 1: carry to digit 17
        CHECK_CC 2, 19
        CHECK_FIELD A10, 16, E10, 20
        sp      A10-D0(16,%r12),B10-D0(1,%r12)   # and back: borrow through 16 digits
        CHECK_CC 2, 21
        CHECK_FIELD A10, 16, E10B, 22
        ap      A11-D0(16,%r12),A11-D0(16,%r12)  # 31 digits doubled: overflow
        CHECK_CC 3, 23
        CHECK_FIELD A11, 16, E11, 24

# decimal overflow with the program mask bit on: result stored, CC 3
        SET_PM  0x4
        EXPECT_PGM 0x000A, 1f
        ap      A12-D0(2,%r12),B12-D0(1,%r12)    # 999 + 2 = 1001: +001, CC 3
        FAIL    25
1:      CHECK_CC 3, 27                  # the CC of the old PSW (before CLC)
        CHECK_PGM_TAKEN 26
        CHECK_FIELD A12, 2, E12, 28
        ap      A13-D0(2,%r12),B13-D0(1,%r12)    # no overflow: no interruption
        CHECK_CC 2, 29
        SET_PM  0

# invalid digit in op1, invalid sign in op2: data exception, op1 unchanged
        EXPECT_DATA 2f
        ap      A14-D0(2,%r12),B14-D0(1,%r12)
        FAIL    30
2:      CHECK_PGM_TAKEN 31
        CHECK_DXC0 32
        CHECK_FIELD A14, 2, A14C, 33
        EXPECT_DATA 3f
        ap      A15-D0(2,%r12),B15-D0(1,%r12)
        FAIL    34
3:      CHECK_PGM_TAKEN 35
        CHECK_DXC0 36
        CHECK_FIELD A15, 2, A15C, 37

# ---- SP ----
        sp      S1-D0(3,%r12),T1-D0(2,%r12)      # +100 - +250 = -150
        CHECK_CC 1, 40
        CHECK_FIELD S1, 3, F1, 41
        sp      S2-D0(2,%r12),S2-D0(2,%r12)      # -123 - -123 = +0
        CHECK_CC 0, 42
        CHECK_FIELD S2, 2, F2, 43
        sp      S3-D0(1,%r12),T3-D0(1,%r12)      # +5 - -3 = +8
        CHECK_CC 2, 44
        CHECK_FIELD S3, 1, F3, 45
        sp      S4-D0(2,%r12),T4-D0(2,%r12)      # -900 - +200 = -1100: -100, CC 3
        CHECK_CC 3, 46
        CHECK_FIELD S4, 2, F4, 47

# ---- ZAP ----
        zap     Z1-D0(4,%r12),Y1-D0(2,%r12)      # op1 garbage is not checked
        CHECK_CC 1, 50
        CHECK_FIELD Z1, 4, G1, 51
        zap     Z2-D0(2,%r12),Y2-D0(1,%r12)      # -0 becomes +0
        CHECK_CC 0, 52
        CHECK_FIELD Z2, 2, G2, 53
        zap     Z3-D0(1,%r12),Y3-D0(2,%r12)      # +123 (F) into 1 digit: 3C, CC 3
        CHECK_CC 3, 54
        CHECK_FIELD Z3, 1, G3, 55
        zap     Z4-D0(1,%r12),Y4-D0(2,%r12)      # -100 into 1 digit: -0, CC 3
        CHECK_CC 3, 56
        CHECK_FIELD Z4, 1, G4, 57
        zap     Z5-D0(5,%r12),Z5-D0(3,%r12)      # op1 ends right of op2: allowed
        CHECK_CC 2, 58
        CHECK_FIELD Z5, 5, G5, 59
        EXPECT_DATA 4f
        zap     Z6-D0(2,%r12),Y6-D0(2,%r12)      # invalid digit in op2
        FAIL    60
4:      CHECK_PGM_TAKEN 61
        CHECK_DXC0 62
        CHECK_FIELD Z6, 2, Z6C, 63

# ---- CP ----
        cp      C1-D0(1,%r12),C2-D0(2,%r12)      # +5 < +12
        CHECK_CC 1, 70
        cp      C3-D0(1,%r12),C4-D0(2,%r12)      # -0 = +0
        CHECK_CC 0, 71
        cp      C5-D0(1,%r12),C6-D0(2,%r12)      # -3 > -12
        CHECK_CC 2, 72
        cp      C7-D0(1,%r12),C8-D0(1,%r12)      # +7 (F) > -7 (B)
        CHECK_CC 2, 73
        cp      C8-D0(1,%r12),C7-D0(1,%r12)      # -7 < +7
        CHECK_CC 1, 74
        cp      C9-D0(16,%r12),C10-D0(16,%r12)   # 31 digits, last digit differs
        CHECK_CC 2, 75
        cp      C10-D0(16,%r12),C10-D0(16,%r12)
        CHECK_CC 0, 76
        cp      C11-D0(16,%r12),C9-D0(16,%r12)   # high halves differ
        CHECK_CC 1, 77
        EXPECT_DATA 5f
        cp      C12-D0(2,%r12),C1-D0(1,%r12)     # invalid sign in op1
        FAIL    78
5:      CHECK_PGM_TAKEN 79
        CHECK_DXC0 80
        TEST_END

D0:
A1:     .byte   0x00,0x12,0x34,0x5C
B1:     .byte   0x98,0x7C
E1:     .byte   0x00,0x13,0x33,0x2C
A2:     .byte   0x00,0x01,0x00,0x0C
B2:     .byte   0x01,0x00,0x1D
E2:     .byte   0x00,0x00,0x00,0x1D
A3:     .byte   0x5C
B3:     .byte   0x5B
E3:     .byte   0x0C
A4:     .byte   0x12,0x3F
B4:     .byte   0x1A
E4:     .byte   0x12,0x4C
A5:     .byte   0x99,0x9C
B5:     .byte   0x1C
E5:     .byte   0x00,0x0C
A6:     .byte   0x99,0x9D
B6:     .byte   0x1D
E6:     .byte   0x00,0x0D
A7:     .byte   0x1C
B7:     .byte   0x00,0x00,0x10,0x0C
E7:     .byte   0x1C
A8:     .byte   0x1C
B8:     .byte   0x00,0x00,0x00,0x2C
E8:     .byte   0x3C
A9:     .byte   0x12,0x3D
E9:     .byte   0x24,0x6D
A10:    .byte   0,0,0,0,0,0,0,0x09,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C
B10:    .byte   0x1C
E10:    .byte   0,0,0,0,0,0,0,0x10,0,0,0,0,0,0,0,0x0C
E10B:   .byte   0,0,0,0,0,0,0,0x09,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C
A11:    .byte   0x50,0,0,0,0,0,0,0,0,0,0,0,0,0,0x12,0x3D      # -5 000...0123
E11:    .byte   0x00,0,0,0,0,0,0,0,0,0,0,0,0,0,0x24,0x6D      # -10 000...0246
A12:    .byte   0x99,0x9C
B12:    .byte   0x2C
E12:    .byte   0x00,0x1C
A13:    .byte   0x00,0x1C
B13:    .byte   0x2C
A14:    .byte   0x1A,0x2C
A14C:   .byte   0x1A,0x2C
B14:    .byte   0x1C
A15:    .byte   0x12,0x3C
A15C:   .byte   0x12,0x3C
B15:    .byte   0x12
S1:     .byte   0x00,0x10,0x0C
T1:     .byte   0x25,0x0C
F1:     .byte   0x00,0x15,0x0D
S2:     .byte   0x12,0x3D
F2:     .byte   0x00,0x0C
S3:     .byte   0x5C
T3:     .byte   0x3D
F3:     .byte   0x8C
S4:     .byte   0x90,0x0D
T4:     .byte   0x20,0x0C
F4:     .byte   0x10,0x0D
Z1:     .byte   0xFF,0xFF,0xFF,0xFF
Y1:     .byte   0x12,0x3D
G1:     .byte   0x00,0x00,0x12,0x3D
Z2:     .byte   0x77,0x77
Y2:     .byte   0x0D
G2:     .byte   0x00,0x0C
Z3:     .byte   0x00
Y3:     .byte   0x12,0x3F
G3:     .byte   0x3C
Z4:     .byte   0x00
Y4:     .byte   0x10,0x0D
G4:     .byte   0x0D
Z5:     .byte   0x01,0x23,0x4C,0x99,0x99
G5:     .byte   0x00,0x00,0x01,0x23,0x4C
Z6:     .byte   0x55,0x55
Z6C:    .byte   0x55,0x55
Y6:     .byte   0x1F,0x3C
C1:     .byte   0x5C
C2:     .byte   0x01,0x2C
C3:     .byte   0x0D
C4:     .byte   0x00,0x0C
C5:     .byte   0x3D
C6:     .byte   0x01,0x2D
C7:     .byte   0x7F
C8:     .byte   0x7B
C9:     .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C
C10:    .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x8C
C11:    .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x98,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C
C12:    .byte   0x12,0x34

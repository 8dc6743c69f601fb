# MULTIPLY DECIMAL, DIVIDE DECIMAL, SHIFT AND ROUND DECIMAL.
# Expected values from SA22-7201 chapter 8.  MP/DP: L2 <= 7 and L2 < L1 or
# a specification exception; signs by the rules of algebra even for zero
# (the DP remainder takes the dividend's sign); CC unchanged.  MP needs as
# many leftmost zero bytes in the multiplicand as the multiplier has bytes
# (else data exception).  DP: zero divisor or a quotient longer than its
# field is a decimal-divide exception (X'0B'), nothing stored.  SRP: shift
# count from address bits 26-31, rounding digit I3 added to the leftmost
# digit shifted out, CC as for AP, zero positive unless overflow.
        .include "lib.inc"
        .include "decimal.inc"
        TEST_BEGIN
        larl    %r12,D0

# ---- MP ----
        lhi     %r2,1
        ltr     %r2,%r2                          # CC 2: MP must keep it
        mp      M1-D0(4,%r12),N1-D0(1,%r12)      # +123 * -4 = -492
        CHECK_CC 2, 1
        CHECK_FIELD M1, 4, M1E, 2
        mp      M2-D0(3,%r12),N2-D0(1,%r12)      # +0 * -5 = -0
        CHECK_FIELD M2, 3, M2E, 3
        mp      M3-D0(16,%r12),N3-D0(8,%r12)     # (10**15-1)**2
        CHECK_FIELD M3, 16, M3E, 4
        mp      M4-D0(4,%r12),N4-D0(2,%r12)      # exactly 2 leading zero bytes
        CHECK_FIELD M4, 4, M4E, 5
        EXPECT_DATA 1f
        mp      M5-D0(3,%r12),N5-D0(2,%r12)      # only 1 leading zero byte
        FAIL    6
1:      CHECK_PGM_TAKEN 7
        CHECK_DXC0 8
        CHECK_FIELD M5, 3, M5C, 9
        EXPECT_DATA 2f
        mp      M6-D0(3,%r12),N6-D0(1,%r12)      # invalid multiplier digit
        FAIL    10
2:      CHECK_PGM_TAKEN 11
        CHECK_FIELD M6, 3, M6C, 12
        EXPECT_PGM 0x0006, 3f
        mp      M3-D0(16,%r12),N3-D0(9,%r12)     # L2 = 8
        FAIL    13
3:      CHECK_PGM_TAKEN 14
        EXPECT_PGM 0x0006, 4f
        mp      M1-D0(3,%r12),N1-D0(3,%r12)      # L2 = L1
        FAIL    15
4:      CHECK_PGM_TAKEN 16

# ---- DP ----
        dp      V1-D0(4,%r12),W1-D0(2,%r12)      # +1234 / +12 = 102 r 10
        CHECK_FIELD V1, 4, V1E, 20
        dp      V2-D0(4,%r12),W2-D0(2,%r12)      # -1234 / +12 = -102 r -10
        CHECK_FIELD V2, 4, V2E, 21
        dp      V3-D0(3,%r12),W3-D0(1,%r12)      # -5 / +7 = -0 r -5
        CHECK_FIELD V3, 3, V3E, 22
        dp      V4-D0(3,%r12),W4-D0(1,%r12)      # +12 / -4 = -3 r +0
        CHECK_FIELD V4, 3, V4E, 23
        dp      V5-D0(3,%r12),W5-D0(1,%r12)      # 999 / 1: largest quotient
        CHECK_FIELD V5, 3, V5E, 24
        dp      V6-D0(16,%r12),W6-D0(8,%r12)     # 30 digits / 15 digits
        CHECK_FIELD V6, 16, V6E, 25
        EXPECT_PGM 0x000B, 5f
        dp      V7-D0(3,%r12),W7-D0(1,%r12)      # divisor zero
        FAIL    26
5:      CHECK_PGM_TAKEN 27
        CHECK_FIELD V7, 3, V7C, 28
        EXPECT_PGM 0x000B, 6f
        dp      V8-D0(3,%r12),W8-D0(1,%r12)      # 1000 / 1: quotient too long
        FAIL    29
6:      CHECK_PGM_TAKEN 30
        CHECK_FIELD V8, 3, V8C, 31
        EXPECT_PGM 0x000B, 7f
        dp      V9-D0(16,%r12),W9-D0(8,%r12)     # 31 / 15 digits: 16-digit quotient
        FAIL    32
7:      CHECK_PGM_TAKEN 33
        EXPECT_DATA 8f
        dp      V10-D0(3,%r12),W7-D0(1,%r12)     # data exception before divide
        FAIL    34
8:      CHECK_PGM_TAKEN 35
        CHECK_DXC0 36
        EXPECT_PGM 0x0006, 9f
        dp      V6-D0(16,%r12),W6-D0(9,%r12)     # L2 = 8
        FAIL    37
9:      CHECK_PGM_TAKEN 38
        EXPECT_PGM 0x0006, 10f
        dp      V1-D0(2,%r12),W1-D0(2,%r12)      # L2 = L1
        FAIL    39
10:     CHECK_PGM_TAKEN 40

# ---- SRP ----
        srp     R1-D0(4,%r12),3,0                # +1234 << 3
        CHECK_CC 2, 50
        CHECK_FIELD R1, 4, R1E, 51
        srp     R2-D0(3,%r12),64-2,5             # -1234 >> 2 rounded: -12
        CHECK_CC 1, 52
        CHECK_FIELD R2, 3, R2E, 53
        srp     R3-D0(3,%r12),64-2,5             # +1250 >> 2 rounded: +13
        CHECK_CC 2, 54
        CHECK_FIELD R3, 3, R3E, 55
        srp     R4-D0(3,%r12),64-2,0             # +1299 >> 2, no rounding: +12
        CHECK_FIELD R4, 3, R4E, 56
        srp     R5-D0(2,%r12),64-1,5             # -4 >> 1 rounded: +0
        CHECK_CC 0, 57
        CHECK_FIELD R5, 2, R5E, 58
        srp     R6-D0(2,%r12),64-1,5             # -5 >> 1 rounded: -1
        CHECK_CC 1, 59
        CHECK_FIELD R6, 2, R6E, 60
        srp     R7-D0(2,%r12),1,0                # +123 << 1: 1 lost, CC 3
        CHECK_CC 3, 61
        CHECK_FIELD R7, 2, R7E, 62
        srp     R8-D0(2,%r12),1,0                # -100 << 1: -000, CC 3
        CHECK_CC 3, 63
        CHECK_FIELD R8, 2, R8E, 64
        srp     R9-D0(2,%r12),0,0                # no shift: preferred sign
        CHECK_CC 2, 65
        CHECK_FIELD R9, 2, R9E, 66
        srp     R10-D0(2,%r12),0,9               # no shift: -0 becomes +0
        CHECK_CC 0, 67
        CHECK_FIELD R10, 2, R10E, 68
        srp     R11-D0(16,%r12),64-31,5          # -(31 nines) >> 31 rounded: -1
        CHECK_CC 1, 69
        CHECK_FIELD R11, 16, R11E, 70
        srp     R12-D0(16,%r12),64-32,9          # >> 32: nothing left
        CHECK_CC 0, 71
        CHECK_FIELD R12, 16, R12E, 72
        srp     R13-D0(16,%r12),31,0             # << 31: all digits lost
        CHECK_CC 3, 73
        CHECK_FIELD R13, 16, R13E, 74
        l       %r5,HIGHBITS-D0(%r12)
        srp     R14-D0(3,%r12),0(%r5),0          # address X'7FFFFFC2': << 2
        CHECK_CC 2, 75
        CHECK_FIELD R14, 3, R14E, 76
        SET_PM  0x4
        EXPECT_PGM 0x000A, 11f
        srp     R15-D0(2,%r12),2,0               # +123 << 2 = 300, overflow
        FAIL    77
11:     CHECK_CC 3, 78
        CHECK_PGM_TAKEN 79
        CHECK_FIELD R15, 2, R15E, 80
        SET_PM  0
        EXPECT_DATA 12f
        srp     R16-D0(2,%r12),0,10              # rounding digit X'A'
        FAIL    81
12:     CHECK_PGM_TAKEN 82
        CHECK_DXC0 83
        CHECK_FIELD R16, 2, R16C, 84
        EXPECT_DATA 13f
        srp     R17-D0(2,%r12),1,0               # invalid sign
        FAIL    85
13:     CHECK_PGM_TAKEN 86
        CHECK_FIELD R17, 2, R17C, 87
        TEST_END

        .balign 4
D0:
HIGHBITS: .long 0x7FFFFFC2
M1:     .byte   0x00,0x00,0x12,0x3C
N1:     .byte   0x4D,0,0
M1E:    .byte   0x00,0x00,0x49,0x2D
M2:     .byte   0x00,0x00,0x0C
N2:     .byte   0x5D
M2E:    .byte   0x00,0x00,0x0D
M3:     .byte   0,0,0,0,0,0,0,0,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C
N3:     .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C,0x0C
M3E:    .byte   0x09,0x99,0x99,0x99,0x99,0x99,0x99,0x98,0,0,0,0,0,0,0,0x1C
M4:     .byte   0x00,0x00,0x12,0x3C
N4:     .byte   0x01,0x0C
M4E:    .byte   0x00,0x01,0x23,0x0C
M5:     .byte   0x00,0x12,0x3C
M5C:    .byte   0x00,0x12,0x3C
N5:     .byte   0x00,0x5C
M6:     .byte   0x00,0x12,0x3C
M6C:    .byte   0x00,0x12,0x3C
N6:     .byte   0xA5
V1:     .byte   0x00,0x01,0x23,0x4C
W1:     .byte   0x01,0x2C
V1E:    .byte   0x10,0x2C,0x01,0x0C
V2:     .byte   0x00,0x01,0x23,0x4D
W2:     .byte   0x01,0x2C
V2E:    .byte   0x10,0x2D,0x01,0x0D
V3:     .byte   0x00,0x00,0x5D
W3:     .byte   0x7C
V3E:    .byte   0x00,0x0D,0x5D
V4:     .byte   0x00,0x01,0x2C
W4:     .byte   0x4D
V4E:    .byte   0x00,0x3D,0x0C
V5:     .byte   0x00,0x99,0x9C
W5:     .byte   0x1C
V5E:    .byte   0x99,0x9C,0x0C
V6:     .byte   0x01,0x23,0x45,0x67,0x89,0x01,0x23,0x45,0x67,0x89,0x01,0x23,0x45,0x67,0x89,0x0D
W6:     .byte   0x98,0x76,0x54,0x32,0x10,0x98,0x76,0x5C,0x0C
V6E:    .byte   0x12,0x49,0x99,0x99,0x88,0x60,0x93,0x7D,0x54,0x78,0x54,0x95,0x71,0x25,0x08,0x5D
V7:     .byte   0x00,0x12,0x3C
V7C:    .byte   0x00,0x12,0x3C
W7:     .byte   0x0C
V8:     .byte   0x01,0x00,0x0C
V8C:    .byte   0x01,0x00,0x0C
W8:     .byte   0x1C
V9:     .byte   0x12,0x34,0x56,0x78,0x90,0x12,0x34,0x56,0x78,0x90,0x12,0x34,0x56,0x78,0x90,0x1C
W9:     .byte   0x98,0x76,0x54,0x32,0x10,0x98,0x76,0x5C
V10:    .byte   0x00,0x1B,0x3C
R1:     .byte   0x00,0x01,0x23,0x4C
R1E:    .byte   0x12,0x34,0x00,0x0C
R2:     .byte   0x01,0x23,0x4D
R2E:    .byte   0x00,0x01,0x2D
R3:     .byte   0x01,0x25,0x0C
R3E:    .byte   0x00,0x01,0x3C
R4:     .byte   0x01,0x29,0x9F
R4E:    .byte   0x00,0x01,0x2C
R5:     .byte   0x00,0x4D
R5E:    .byte   0x00,0x0C
R6:     .byte   0x00,0x5D
R6E:    .byte   0x00,0x1D
R7:     .byte   0x12,0x3C
R7E:    .byte   0x23,0x0C
R8:     .byte   0x10,0x0D
R8E:    .byte   0x00,0x0D
R9:     .byte   0x12,0x3F
R9E:    .byte   0x12,0x3C
R10:    .byte   0x00,0x0D
R10E:   .byte   0x00,0x0C
R11:    .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9D
R11E:   .byte   0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0x1D
R12:    .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9C
R12E:   .byte   0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0x0C
R13:    .byte   0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0x1D
R13E:   .byte   0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0x0D
R14:    .byte   0x00,0x12,0x3C
R14E:   .byte   0x12,0x30,0x0C
R15:    .byte   0x12,0x3C
R15E:   .byte   0x30,0x0C
R16:    .byte   0x12,0x3C
R16C:   .byte   0x12,0x3C
R17:    .byte   0x12,0x34
R17C:   .byte   0x12,0x34

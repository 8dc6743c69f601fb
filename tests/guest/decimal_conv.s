# CONVERT TO BINARY, CONVERT TO DECIMAL, PACK, UNPACK, MOVE WITH OFFSET.
# Expected values from SA22-7201 chapters 7 and 8.  CVB: data exception for
# invalid codes (R1 unchanged); out of the 32-bit range the rightmost 32
# bits go to R1 and a fixed-point-divide exception (9) follows.  CVD: sign
# C or D.  PACK, UNPK, MVO check no codes and work right to left, each
# result byte stored right after the source bytes it needs are fetched, so
# overlapping operands see earlier result bytes.
        .include "lib.inc"
        .include "decimal.inc"
        TEST_BEGIN
        larl    %r12,D0

# ---- CVB ----
        cvb     %r3,CB1-D0(%r12)                 # +12345
        CHECK_R %r3, 12345, 1
        cvb     %r3,CB2-D0(%r12)                 # -123
        CHECK_R %r3, 0xFFFFFF85, 2
        cvb     %r3,CB3-D0(%r12)                 # +2147483647 (sign F)
        CHECK_R %r3, 0x7FFFFFFF, 3
        cvb     %r3,CB4-D0(%r12)                 # -2147483648 (sign B)
        CHECK_R %r3, 0x80000000, 4
        cvb     %r3,CB5-D0(%r12)                 # -0
        CHECK_R %r3, 0, 5
        cvb     %r3,CB6-D0(%r12)                 # unaligned operand
        CHECK_R %r3, 987654, 6
        EXPECT_PGM 0x0009, 1f
        cvb     %r3,CB7-D0(%r12)                 # +2147483648
        FAIL    7
1:      CHECK_PGM_TAKEN 8
        CHECK_R %r3, 0x80000000, 9
        EXPECT_PGM 0x0009, 2f
        cvb     %r3,CB8-D0(%r12)                 # +999999999999999
        FAIL    10
2:      CHECK_PGM_TAKEN 11
        CHECK_R %r3, 0xA4C67FFF, 12
        EXPECT_PGM 0x0009, 3f
        cvb     %r3,CB9-D0(%r12)                 # -2147483649
        FAIL    13
3:      CHECK_PGM_TAKEN 14
        CHECK_R %r3, 0x7FFFFFFF, 15
        lhi     %r3,77
        EXPECT_DATA 4f
        cvb     %r3,CB10-D0(%r12)                # invalid sign 9
        FAIL    16
4:      CHECK_PGM_TAKEN 17
        CHECK_DXC0 18
        CHECK_R %r3, 77, 19
        EXPECT_DATA 5f
        cvb     %r3,CB11-D0(%r12)                # invalid digit
        FAIL    20
5:      CHECK_PGM_TAKEN 21
        CHECK_R %r3, 77, 22

# ---- CVD ----
        l       %r4,K12345-D0(%r12)
        cvd     %r4,CD1-D0(%r12)
        CHECK_FIELD CD1, 8, CD1E, 30
        lhi     %r4,-1
        cvd     %r4,CD2-D0(%r12)
        CHECK_FIELD CD2, 8, CD2E, 31
        l       %r4,KMIN-D0(%r12)
        cvd     %r4,CD3-D0(%r12)                 # unaligned
        CHECK_FIELD CD3, 8, CD3E, 32
        l       %r4,KMAX-D0(%r12)
        cvd     %r4,CD4-D0(%r12)
        CHECK_FIELD CD4, 8, CD4E, 33
        lhi     %r4,0
        cvd     %r4,CD5-D0(%r12)
        CHECK_FIELD CD5, 8, CD5E, 34

# ---- PACK ----
        pack    PK1-D0(3,%r12),ZN1-D0(5,%r12)    # F1F2F3F4C5 -> 12345C
        CHECK_FIELD PK1, 3, PK1E, 40
        pack    PK2-D0(2,%r12),ZN1-D0(5,%r12)    # truncated on the left
        CHECK_FIELD PK2, 2, PK2E, 41
        pack    PK3-D0(4,%r12),ZN3-D0(3,%r12)    # extended with zeros
        CHECK_FIELD PK3, 4, PK3E, 42
        pack    PK4-D0(2,%r12),ZN4-D0(3,%r12)    # C1C2C3: codes not checked
        CHECK_FIELD PK4, 2, PK4E, 43
        pack    PK5-D0(8,%r12),ZN5-D0(15,%r12)   # 15 zoned bytes to 8
        CHECK_FIELD PK5, 8, PK5E, 44
        pack    PK6-D0(16,%r12),ZN6-D0(16,%r12)
        CHECK_FIELD PK6, 16, PK6E, 45
        pack    OV1-D0(3,%r12),OV1+1-D0(4,%r12)  # op1 left of op2, overlapping
        CHECK_FIELD OV1, 5, OV1E, 46
        pack    OV2-D0(4,%r12),OV2-D0(4,%r12)    # in place
        CHECK_FIELD OV2, 4, OV2E, 47

# ---- UNPK ----
        unpk    UZ1-D0(5,%r12),UP1-D0(3,%r12)    # 12345C -> F1F2F3F4C5
        CHECK_FIELD UZ1, 5, UZ1E, 50
        unpk    UZ2-D0(3,%r12),UP1-D0(3,%r12)    # truncated
        CHECK_FIELD UZ2, 3, UZ2E, 51
        unpk    UZ3-D0(6,%r12),UP3-D0(2,%r12)    # extended with F0
        CHECK_FIELD UZ3, 6, UZ3E, 52
        unpk    UZ4-D0(15,%r12),UP4-D0(8,%r12)   # 8 packed bytes to 15
        CHECK_FIELD UZ4, 15, UZ4E, 53
        unpk    UZ5-D0(16,%r12),UP5-D0(16,%r12)
        CHECK_FIELD UZ5, 16, UZ5E, 54
        unpk    OV3-D0(4,%r12),OV3+1-D0(3,%r12)  # op2 rightmost = op1 rightmost
        CHECK_FIELD OV3, 4, OV3E, 55
        unpk    OV4-D0(5,%r12),OV4-D0(3,%r12)    # the allowed overlap
        CHECK_FIELD OV4, 5, OV4E, 56

# ---- MVO ----
        mvo     MV1-D0(4,%r12),MW1-D0(3,%r12)    # 123456 left of sign C
        CHECK_FIELD MV1, 4, MV1E, 60
        mvo     MV2-D0(3,%r12),MW1-D0(3,%r12)    # truncated
        CHECK_FIELD MV2, 3, MV2E, 61
        mvo     OV5-D0(3,%r12),OV5-D0(2,%r12)    # shift in place
        CHECK_FIELD OV5, 3, OV5E, 62
        mvo     OV6-D0(3,%r12),OV6+1-D0(3,%r12)  # op2 ends right of op1
        CHECK_FIELD OV6, 4, OV6E, 63

# ---- operands crossing page boundaries (X'2000', X'3000') ----
        lhi     %r7,0x1FF0
        lhi     %r6,0x2FF0
        pack    0xD(5,%r7),0xB(8,%r6)            # 1FFD-2001 <- 2FFB-3002
        clc     0xD(5,%r7),XPE-D0(%r12)
        je      6f
        FAIL    70
6:      xc      0xB(8,%r6),0xB(%r6)
        unpk    0xB(8,%r6),0xD(5,%r7)
        clc     0xB(8,%r6),XZE-D0(%r12)
        je      7f
        FAIL    71
7:      ap      0xD(5,%r7),ONE-D0(1,%r12)
        CHECK_CC 2, 72
        clc     0xD(5,%r7),XAE-D0(%r12)
        je      8f
        FAIL    73
8:      mvo     0xD(5,%r7),0xB(4,%r6)            # F1F2F3F4 (zones too) left of C
        clc     0xD(5,%r7),XME-D0(%r12)
        je      9f
        FAIL    74
9:
        TEST_END

        .balign 4
D0:
K12345: .long   12345
KMIN:   .long   0x80000000
KMAX:   .long   0x7FFFFFFF
CB1:    .byte   0,0,0,0,0,0x12,0x34,0x5C
CB2:    .byte   0,0,0,0,0,0,0x12,0x3D
CB3:    .byte   0,0,0x02,0x14,0x74,0x83,0x64,0x7F
CB4:    .byte   0,0,0x02,0x14,0x74,0x83,0x64,0x8B
CB5:    .byte   0,0,0,0,0,0,0,0x0D
        .byte   0
CB6:    .byte   0,0,0,0,0x09,0x87,0x65,0x4A
CB7:    .byte   0,0,0x02,0x14,0x74,0x83,0x64,0x8C
CB8:    .byte   0x99,0x99,0x99,0x99,0x99,0x99,0x99,0x9E
CB9:    .byte   0,0,0x02,0x14,0x74,0x83,0x64,0x9D
CB10:   .byte   0,0,0,0,0,0,0x12,0x39
CB11:   .byte   0,0,0,0,0,0xC0,0x12,0x3C
CD1:    .quad   0
CD1E:   .byte   0,0,0,0,0,0x12,0x34,0x5C
CD2:    .quad   0
CD2E:   .byte   0,0,0,0,0,0,0,0x1D
        .byte   0
CD3:    .quad   0
CD3E:   .byte   0,0,0x02,0x14,0x74,0x83,0x64,0x8D
CD4:    .quad   0
CD4E:   .byte   0,0,0x02,0x14,0x74,0x83,0x64,0x7C
CD5:    .quad   -1
CD5E:   .byte   0,0,0,0,0,0,0,0x0C
PK1:    .byte   0,0,0
PK1E:   .byte   0x12,0x34,0x5C
ZN1:    .byte   0xF1,0xF2,0xF3,0xF4,0xC5
PK2:    .byte   0,0
PK2E:   .byte   0x34,0x5C
PK3:    .byte   0xEE,0xEE,0xEE,0xEE
PK3E:   .byte   0x00,0x00,0x12,0x3F
ZN3:    .byte   0xF1,0xF2,0xF3
PK4:    .byte   0,0
PK4E:   .byte   0x12,0x3C
ZN4:    .byte   0xC1,0xC2,0xC3
PK5:    .quad   0
PK5E:   .byte   0x98,0x76,0x54,0x32,0x10,0x98,0x76,0x5D
ZN5:    .byte   0xF9,0xF8,0xF7,0xF6,0xF5,0xF4,0xF3,0xF2,0xF1,0xF0,0xF9,0xF8,0xF7,0xF6,0xD5
PK6:    .quad   -1,-1
PK6E:   .byte   0,0,0,0,0,0,0,0x05,0x67,0x89,0x01,0x23,0x45,0x67,0x89,0x0C
ZN6:    .byte   0xF5,0xF6,0xF7,0xF8,0xF9,0xF0,0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xF8,0xF9,0xC0
OV1:    .byte   0xF1,0xF2,0xF3,0xF4,0xF5
OV1E:   .byte   0x04,0xF4,0x5F,0xF4,0xF5
OV2:    .byte   0xF1,0xF2,0xF3,0xF4
OV2E:   .byte   0x00,0x01,0x23,0x4F
UZ1:    .byte   0,0,0,0,0
UZ1E:   .byte   0xF1,0xF2,0xF3,0xF4,0xC5
UP1:    .byte   0x12,0x34,0x5C
UZ2:    .byte   0,0,0
UZ2E:   .byte   0xF3,0xF4,0xC5
UZ3:    .byte   0,0,0,0,0,0
UZ3E:   .byte   0xF0,0xF0,0xF0,0xF1,0xF2,0xD3
UP3:    .byte   0x12,0x3D
UZ4:    .fill   15,1,0
UZ4E:   .byte   0xF9,0xF8,0xF7,0xF6,0xF5,0xF4,0xF3,0xF2,0xF1,0xF0,0xF9,0xF8,0xF7,0xF6,0xD5
UP4:    .byte   0x98,0x76,0x54,0x32,0x10,0x98,0x76,0x5D
UZ5:    .fill   16,1,0
UZ5E:   .byte   0xF5,0xF6,0xF7,0xF8,0xF9,0xF0,0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xF8,0xF9,0xC0
UP5:    .byte   0x01,0x23,0x45,0x67,0x89,0x01,0x23,0x45,0x67,0x89,0x01,0x23,0x45,0x67,0x89,0x0C
OV3:    .byte   0x00,0x12,0x34,0x5C
OV3E:   .byte   0xF3,0xF3,0xF4,0xC5
OV4:    .byte   0x12,0x34,0x5C,0xEE,0xEE
OV4E:   .byte   0xF1,0xF2,0xF3,0xF4,0xC5
MV1:    .byte   0x77,0x88,0x99,0x0C
MV1E:   .byte   0x01,0x23,0x45,0x6C
MW1:    .byte   0x12,0x34,0x56
MV2:    .byte   0x00,0x00,0x0D
MV2E:   .byte   0x23,0x45,0x6D
OV5:    .byte   0x12,0x34,0x5F
OV5E:   .byte   0x01,0x23,0x4F
OV6:    .byte   0x00,0x12,0x34,0x5C
OV6E:   .byte   0x5C,0x45,0xC4,0x5C
XPE:    .byte   0x01,0x23,0x45,0x67,0x8C
XZE:    .byte   0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xC8
XAE:    .byte   0x01,0x23,0x45,0x67,0x9C
XME:    .byte   0x0F,0x1F,0x2F,0x3F,0x4C
ONE:    .byte   0x1C

        .org    _start+0x2FFB
        .byte   0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xC8
        .fill   16,1,0

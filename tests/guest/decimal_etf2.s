# PACK ASCII, PACK UNICODE, UNPACK ASCII, UNPACK UNICODE (extended-
# translation facility 2, z/Architecture POP SA22-7832, usable in ESA/390).
# PKA/PKU: the rightmost four bits of each character become the digits of
# a 16-byte packed result with sign C; zones are not checked; a 32nd digit
# is dropped; CC unchanged.  Second-operand length at most 32 bytes (PKA)
# or an even number up to 64 (PKU), else specification exception.
# UNPKA/UNPKU: the 31 digits of a 16-byte packed operand, each with zone
# X'3' (X'003' for Unicode), right-aligned in the first operand (lengths as
# for PKA/PKU); digits are not checked; CC 0 plus sign, 1 minus, 3 invalid.
        .include "lib.inc"
        .include "decimal.inc"
        TEST_BEGIN
        larl    %r12,D0

# ---- PKA ----
        lhi     %r2,1
        ltr     %r2,%r2                          # CC 2: PKA keeps it
        pka     K1-D0(%r12),A1-D0(5,%r12)        # "12345"
        CHECK_CC 2, 1
        CHECK_FIELD K1, 16, K1E, 2
        pka     K2-D0(%r12),A2-D0(32,%r12)       # 32 characters: first dropped
        CHECK_FIELD K2, 16, K2E, 3
        pka     K3-D0(%r12),A3-D0(2,%r12)        # "A?": zones and codes ignored
        CHECK_FIELD K3, 16, K3E, 4
        EXPECT_PGM 0x0006, 1f
        pka     K3-D0(%r12),A2-D0(33,%r12)
        FAIL    5
1:      CHECK_PGM_TAKEN 6

# ---- PKU ----
        pku     K4-D0(%r12),U1-D0(10,%r12)       # u"12345"
        CHECK_FIELD K4, 16, K1E, 10
        pku     K5-D0(%r12),U2-D0(64,%r12)       # 32 characters: first dropped
        CHECK_FIELD K5, 16, K2E, 11
        EXPECT_PGM 0x0006, 2f
        pku     K5-D0(%r12),U1-D0(9,%r12)        # odd length
        FAIL    12
2:      CHECK_PGM_TAKEN 13
        EXPECT_PGM 0x0006, 3f
        pku     K5-D0(%r12),U2-D0(66,%r12)       # longer than 64
        FAIL    14
3:      CHECK_PGM_TAKEN 15

# ---- UNPKA ----
        unpka   B1-D0(5,%r12),Q1-D0(%r12)        # +12345
        CHECK_CC 0, 20
        CHECK_FIELD B1, 5, A1, 21
        unpka   B2-D0(32,%r12),Q2-D0(%r12)       # 31 digits, sign D
        CHECK_CC 1, 22
        CHECK_FIELD B2, 32, B2E, 23
        unpka   B3-D0(3,%r12),Q3-D0(%r12)        # digit A unchecked, sign 2
        CHECK_CC 3, 24
        CHECK_FIELD B3, 3, B3E, 25
        unpka   B3-D0(1,%r12),Q4-D0(%r12)        # sign F
        CHECK_CC 0, 26
        unpka   B3-D0(1,%r12),Q5-D0(%r12)        # sign B
        CHECK_CC 1, 27
        EXPECT_PGM 0x0006, 4f
        unpka   B2-D0(33,%r12),Q1-D0(%r12)
        FAIL    28
4:      CHECK_PGM_TAKEN 29

# ---- UNPKU ----
        unpku   V1-D0(10,%r12),Q1-D0(%r12)
        CHECK_CC 0, 30
        CHECK_FIELD V1, 10, U1, 31
        unpku   V2-D0(64,%r12),Q2-D0(%r12)
        CHECK_CC 1, 32
        CHECK_FIELD V2, 64, V2E, 33
        unpku   V3-D0(2,%r12),Q3-D0(%r12)
        CHECK_CC 3, 34
        CHECK_FIELD V3, 2, V3E, 35
        EXPECT_PGM 0x0006, 5f
        unpku   V2-D0(9,%r12),Q1-D0(%r12)        # odd length
        FAIL    36
5:      CHECK_PGM_TAKEN 37
        TEST_END

D0:
K1:     .fill   16,1,0xEE
K1E:    .fill   13,1,0
        .byte   0x12,0x34,0x5C
A1:     .ascii  "12345"
K2:     .fill   16,1,0xEE
K2E:    .byte   0x12,0x34,0x56,0x78,0x90,0x12,0x34,0x56,0x78,0x90,0x12,0x34,0x56,0x78,0x90,0x1C
A2:     .ascii  "91234567890123456789012345678901"
        .byte   0x35
K3:     .fill   16,1,0xEE
K3E:    .fill   14,1,0
        .byte   0x01,0xFC
A3:     .byte   0x41,0x3F
K4:     .fill   16,1,0xEE
U1:     .short  0x31,0x32,0x33,0x34,0x35
K5:     .fill   16,1,0xEE
U2:     .short  0x39,0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x30
        .short  0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x30
        .short  0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x30,0x31
        .short  0x35
B1:     .fill   5,1,0
Q1:     .fill   13,1,0
        .byte   0x12,0x34,0x5C
B2:     .fill   33,1,0xEE
B2E:    .ascii  "01234567890123456789012345678901"
Q2:     .byte   0x12,0x34,0x56,0x78,0x90,0x12,0x34,0x56,0x78,0x90,0x12,0x34,0x56,0x78,0x90,0x1D
B3:     .fill   3,1,0
B3E:    .byte   0x39,0x3A,0x31
Q3:     .fill   14,1,0
        .byte   0x9A,0x12
Q4:     .fill   15,1,0
        .byte   0x7F
Q5:     .fill   15,1,0
        .byte   0x7B
V1:     .fill   10,1,0
V2:     .fill   64,1,0xEE
V2E:    .short  0x30,0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x30
        .short  0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x30
        .short  0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x30,0x31
V3:     .fill   2,1,0
V3E:    .short  0x31

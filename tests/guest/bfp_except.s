# IEEE exceptions (SA22-7201 ch. 19), each masked and trapped.  Masked: the
# default result and the FPC flag.  Trapped: a data exception whose DXC
# (also in FPC byte 2) names the exception; invalid operation and division
# by zero suppress the instruction, overflow, underflow and inexact
# complete it with the scaled (exponent -/+ 192 for short) or rounded
# result and set no flag of their own.  Tininess is detected before
# rounding.
        .include "lib.inc"
        .include "bfp.inc"
        TEST_BEGIN
        AFP_ON
        # ---- invalid operation ----
        LOAD_E  0, 0x3F800000
        LOAD_E  1, 0x7F800001           # SNaN
        aebr    %f0,%f1
        CHECK_CC 3, 1
        CHECK_E 0, 0x7FC00001, 2        # quieted
        CHECK_FPC 0x00800000, 3
        SET_FPC 0x80000000
        LOAD_E  0, 0x3F800000
        lhi     %r2,-1
        ltr     %r2,%r2                 # CC 1
        EXPECT_PGM 0x0007, 1f
        aebr    %f0,%f1
        FAIL    4
1:      CHECK_CC 1, 9
        CHECK_PGM_TAKEN 5
        CHECK_DXC 0x80, 6
        CHECK_FPC 0x80008000, 7
        CHECK_E 0, 0x3F800000, 8        # suppressed
        SET_FPC 0
        LOAD_E  2, 0xBF800000
        sqebr   %f3,%f2                 # sqrt(-1): the default NaN
        CHECK_E 3, 0x7FC00000, 10
        CHECK_FPC 0x00800000, 11
        # COMPARE is quiet for a quiet NaN, COMPARE AND SIGNAL is not
        SET_FPC 0
        LOAD_E  4, 0x7FC00000
        cebr    %f4,%f0
        CHECK_CC 3, 12
        CHECK_FPC 0x00000000, 13
        kebr    %f4,%f0
        CHECK_CC 3, 14
        CHECK_FPC 0x00800000, 15
        SET_FPC 0x80000000
        ltr     %r2,%r2
        EXPECT_PGM 0x0007, 2f
        kebr    %f0,%f4
        FAIL    16
2:      CHECK_CC 1, 18                  # unchanged
        CHECK_PGM_TAKEN 17
        # LOAD AND TEST quiets a signaling NaN
        SET_FPC 0
        ltebr   %f5,%f1
        CHECK_CC 3, 19
        CHECK_E 5, 0x7FC00001, 20
        CHECK_FPC 0x00800000, 21
        # CONVERT TO FIXED of a NaN: -2**31, CC 3, invalid and inexact
        SET_FPC 0
        lhi     %r3,5
        cfebr   %r3,0,%f4
        CHECK_CC 3, 22
        CHECK_R %r3, 0x80000000, 23
        CHECK_FPC 0x00880000, 24
        # ... with only inexact enabled: invalid flagged, inexact traps
        SET_FPC 0x08000000
        lhi     %r3,5
        EXPECT_PGM 0x0007, 3f
        cfebr   %r3,0,%f4
        FAIL    25
3:      CHECK_PGM_TAKEN 26
        CHECK_DXC 0x08, 27
        CHECK_R %r3, 0x80000000, 28
        CHECK_FPC 0x08800800, 29
        # ---- division by zero ----
        SET_FPC 0
        LOAD_E  6, 0xBF800000
        LOAD_E  7, 0x00000000
        debr    %f6,%f7
        CHECK_E 6, 0xFF800000, 30
        CHECK_FPC 0x00400000, 31
        SET_FPC 0x40000000
        LOAD_E  6, 0x3F800000
        EXPECT_PGM 0x0007, 4f
        debr    %f6,%f7
        FAIL    32
4:      CHECK_PGM_TAKEN 33
        CHECK_DXC 0x40, 34
        CHECK_E 6, 0x3F800000, 35
        CHECK_FPC 0x40004000, 36
        # ---- overflow ----
        SET_FPC 0
        LOAD_E  0, 0x7F7FFFFF           # Nmax
        LOAD_E  1, 0x40000000
        meebr   %f0,%f1
        CHECK_E 0, 0x7F800000, 37
        CHECK_FPC 0x00280000, 38        # overflow and inexact
        # trapped, exact: (2 - 2**-23) * 2**128 scaled to 2**-64
        SET_FPC 0x20000000
        LOAD_E  0, 0x7F7FFFFF
        EXPECT_PGM 0x0007, 5f
        aebr    %f0,%f0
        FAIL    39
5:      CHECK_CC 2, 42                  # completed
        CHECK_PGM_TAKEN 40
        CHECK_DXC 0x20, 41
        CHECK_E 0, 0x1FFFFFFF, 43
        CHECK_FPC 0x20002000, 44
        # trapped, inexact and truncated: Nmax**2 rounds down
        SET_FPC 0x20000000
        LOAD_E  0, 0x7F7FFFFF
        EXPECT_PGM 0x0007, 6f
        meebr   %f0,%f0
        FAIL    45
6:      CHECK_PGM_TAKEN 46
        CHECK_DXC 0x28, 47
        CHECK_E 0, 0x5F7FFFFE, 48
        # trapped, inexact and incremented: Nmax * (1 + 2**-23) =
        # (1 + 2**-24 - 2**-47) * 2**128, toward +infinity 1 + 2**-23
        SET_FPC 0x20000002
        LOAD_E  0, 0x7F7FFFFF
        LOAD_E  1, 0x3F800001
        EXPECT_PGM 0x0007, 7f
        meebr   %f0,%f1
        FAIL    49
7:      CHECK_PGM_TAKEN 50
        CHECK_DXC 0x2C, 51
        CHECK_E 0, 0x1F800001, 52
        # overflow masked, inexact trapped: infinity stored, overflow flagged
        SET_FPC 0x08000000
        LOAD_E  0, 0x7F7FFFFF
        LOAD_E  1, 0x40000000
        EXPECT_PGM 0x0007, 8f
        meebr   %f0,%f1
        FAIL    53
8:      CHECK_PGM_TAKEN 54
        CHECK_DXC 0x0C, 55
        CHECK_E 0, 0x7F800000, 56
        CHECK_FPC 0x08200C00, 57
        # LOAD ROUNDED: the trapped result stays in the source format,
        # rounded to the target precision, exponent -512 (long source)
        SET_FPC 0x20000000
        LOAD_D  2, 0x48000000, 0x10000000       # 2**129 * (1 + 2**-24)
        EXPECT_PGM 0x0007, 9f
        ledbr   %f3,%f2
        FAIL    58
9:      CHECK_PGM_TAKEN 59
        CHECK_DXC 0x28, 60
        CHECK_D 3, 0x28000000, 0, 61            # 2**(129-512)
        # ... exponent -8192 for an extended source
        LOAD_X  4, 0x444B0000, 0, 0, 0          # 2**1100
        EXPECT_PGM 0x0007, 10f
        ldxbr   %f5,%f4
        FAIL    62
10:     CHECK_PGM_TAKEN 63
        CHECK_DXC 0x20, 64
        CHECK_X 5, 0x244B0000, 0, 0, 0, 65
        # ---- underflow ----
        # Nmin / 2 = 2**-127 is exact: no underflow while masked
        SET_FPC 0
        LOAD_E  0, 0x00800000
        LOAD_E  1, 0x3F000000
        meebr   %f0,%f1
        CHECK_E 0, 0x00400000, 66
        CHECK_FPC 0x00000000, 67
        # (2**25 - 1) * 2**-151 is tiny before rounding (only after it
        # would it be Nmin): underflow and inexact
        LOAD_E  2, 0x19F80000
        LOAD_E  3, 0x26042108
        meebr   %f2,%f3
        CHECK_E 2, 0x00800000, 68
        CHECK_FPC 0x00180000, 69
        # trapped, exact: 2**-127 scaled to 2**65
        SET_FPC 0x10000000
        LOAD_E  0, 0x00800000
        EXPECT_PGM 0x0007, 11f
        meebr   %f0,%f1
        FAIL    70
11:     CHECK_PGM_TAKEN 71
        CHECK_DXC 0x10, 72
        CHECK_E 0, 0x60000000, 73
        CHECK_FPC 0x10001000, 74
        # trapped, inexact and incremented: 2**-126 scaled to 2**66
        LOAD_E  2, 0x19F80000
        EXPECT_PGM 0x0007, 12f
        meebr   %f2,%f3
        FAIL    75
12:     CHECK_PGM_TAKEN 76
        CHECK_DXC 0x1C, 77
        CHECK_E 2, 0x60800000, 78
        # underflow masked, inexact trapped: the denormalized result
        SET_FPC 0x08000000
        LOAD_E  2, 0x19F80000
        EXPECT_PGM 0x0007, 13f
        meebr   %f2,%f3
        FAIL    79
13:     CHECK_PGM_TAKEN 80
        CHECK_DXC 0x0C, 81
        CHECK_E 2, 0x00800000, 82
        CHECK_FPC 0x08100C00, 83
        # LOAD ROUNDED 2**-130: long 2**(-130+512) when trapped
        SET_FPC 0x10000000
        LOAD_D  6, 0x37D00000, 0
        EXPECT_PGM 0x0007, 14f
        ledbr   %f7,%f6
        FAIL    84
14:     CHECK_PGM_TAKEN 85
        CHECK_DXC 0x10, 86
        CHECK_D 7, 0x57D00000, 0, 87
        SET_FPC 0
        ledbr   %f7,%f6
        CHECK_E 7, 0x00080000, 88
        CHECK_FPC 0x00000000, 89
        # ---- inexact ----
        SET_FPC 0x08000001                      # trap; toward zero
        LOAD_E  0, 0x3F800000
        LOAD_E  1, 0x40400000
        EXPECT_PGM 0x0007, 15f
        debr    %f0,%f1
        FAIL    90
15:     CHECK_PGM_TAKEN 91
        CHECK_DXC 0x08, 92                      # truncated
        CHECK_E 0, 0x3EAAAAAA, 93
        SET_FPC 0x08000000                      # to nearest: rounds up
        LOAD_E  0, 0x3F800000
        EXPECT_PGM 0x0007, 16f
        debr    %f0,%f1
        FAIL    94
16:     CHECK_PGM_TAKEN 95
        CHECK_DXC 0x0C, 96
        CHECK_E 0, 0x3EAAAAAB, 97
        CHECK_FPC 0x08000C00, 98
        # CONVERT TO FIXED 2.5: 2 to nearest, stored before the trap
        LOAD_E  2, 0x40200000
        EXPECT_PGM 0x0007, 17f
        cfebr   %r4,4,%f2
        FAIL    99
17:     CHECK_CC 2, 103
        CHECK_PGM_TAKEN 100
        CHECK_DXC 0x08, 101
        CHECK_R %r4, 2, 102
        # CONVERT FROM FIXED 2**24 + 1: a tie, to even (truncated)
        larl    %r1,big
        l       %r5,0(%r1)
        EXPECT_PGM 0x0007, 18f
        cefbr   %f3,%r5
        FAIL    104
18:     CHECK_PGM_TAKEN 105
        CHECK_DXC 0x08, 106
        CHECK_E 3, 0x4B800000, 107
        # masked: only the flag
        SET_FPC 0
        cefbr   %f3,%r5
        CHECK_FPC 0x00080000, 108
        TEST_END
        .balign 4
big:    .long   0x01000001


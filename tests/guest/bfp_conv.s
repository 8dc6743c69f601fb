# BFP conversions (SA22-7201 ch. 19 and the HFP/BFP conversions of ch. 9):
# LOAD LENGTHENED (exact; a signaling NaN is made quiet), LOAD ROUNDED (FPC
# rounding mode), LOAD FP INTEGER and CONVERT TO FIXED (M3 rounding: 0 FPC
# mode, 1 nearest/ties away, 4 nearest/even, 5 zero, 6 +inf, 7 -inf; others
# a specification exception), CONVERT FROM FIXED, CONVERT HFP TO BFP (M3
# rounding, CC 3 on overflow, no flags) and CONVERT BFP TO HFP (exact, CC 3
# for NaN, infinity or too large, zero when too small).
        .include "lib.inc"
        .include "bfp.inc"
        TEST_BEGIN
        AFP_ON
        # ---- LOAD LENGTHENED ----
        LOAD_E  0, 0x3FC00000
        ldebr   %f1,%f0
        CHECK_D 1, 0x3FF80000, 0, 1
        LOAD_E  0, 0x00000001                   # 2**-149, subnormal
        ldebr   %f1,%f0
        CHECK_D 1, 0x36A00000, 0, 2
        larl    %r1,snan_e
        ldeb    %f2,0(%r1)
        CHECK_D 2, 0x7FF80000, 0x20000000, 3
        CHECK_FPC 0x00800000, 4
        SET_FPC 0
        ldeb    %f2,4(%r1)                      # -0
        CHECK_D 2, 0x80000000, 0, 5
        LOAD_D  3, 0x3FD55555, 0x55555555       # 1/3
        lxdbr   %f4,%f3
        CHECK_X 4, 0x3FFD5555, 0x55555555, 0x50000000, 0, 6
        larl    %r1,third_d
        lxdb    %f5,0(%r1)
        CHECK_X 5, 0x3FFD5555, 0x55555555, 0x50000000, 0, 7
        LOAD_E  8, 0xC0490FDB                   # -pi, short
        lxebr   %f8,%f8
        CHECK_X 8, 0xC000921F, 0xB6000000, 0, 0, 8
        larl    %r1,mpi_e
        lxeb    %f9,0(%r1)
        CHECK_X 9, 0xC000921F, 0xB6000000, 0, 0, 9
        CHECK_FPC 0x00000000, 10
        # ---- LOAD ROUNDED ----
        LOAD_D  1, 0x11111111, 0x22222222       # a short result keeps bits 32-63
        ledbr   %f1,%f3
        CHECK_D 1, 0x3EAAAAAB, 0x22222222, 11
        CHECK_FPC 0x00080000, 12
        srnm    1
        ledbr   %f1,%f3
        CHECK_E 1, 0x3EAAAAAA, 13
        srnm    0
        LOAD_X  12, 0x3FFD5555, 0x55555555, 0x55555555, 0x55555555
        ldxbr   %f12,%f12
        CHECK_D 12, 0x3FD55555, 0x55555555, 14
        LOAD_X  12, 0x3FFD5555, 0x55555555, 0x55555555, 0x55555555
        lexbr   %f13,%f12
        CHECK_E 13, 0x3EAAAAAB, 15
        SET_FPC 0
        LOAD_D  6, 0x7FF00000, 1                # SNaN: quiet, payload cut
        ledbr   %f7,%f6
        CHECK_E 7, 0x7FC00000, 16
        CHECK_FPC 0x00800000, 17
        # ---- LOAD FP INTEGER ----
        SET_FPC 0
        LOAD_E  0, 0x40200000                   # 2.5
        fiebr   %f1,0,%f0
        CHECK_E 1, 0x40000000, 18
        fiebr   %f1,1,%f0
        CHECK_E 1, 0x40400000, 19
        fiebr   %f1,4,%f0
        CHECK_E 1, 0x40000000, 20
        fiebr   %f1,5,%f0
        CHECK_E 1, 0x40000000, 21
        fiebr   %f1,6,%f0
        CHECK_E 1, 0x40400000, 22
        fiebr   %f1,7,%f0
        CHECK_E 1, 0x40000000, 23
        LOAD_E  0, 0xC0200000                   # -2.5
        fiebr   %f1,7,%f0
        CHECK_E 1, 0xC0400000, 24
        CHECK_FPC 0x00080000, 25
        LOAD_D  2, 0xBFE00000, 0                # -0.5 toward +inf: -0
        fidbr   %f3,6,%f2
        CHECK_D 3, 0x80000000, 0, 26
        LOAD_X  4, 0x40004000, 0, 0, 0          # 2.5
        fixbr   %f5,1,%f4
        CHECK_X 5, 0x40008000, 0, 0, 0, 27
        EXPECT_PGM 0x0006, 1f
        fiebr   %f1,2,%f0
        FAIL    28
1:      CHECK_PGM_TAKEN 29
        EXPECT_PGM 0x0006, 2f
        fidbr   %f1,8,%f2
        FAIL    30
2:      CHECK_PGM_TAKEN 31
        # ---- CONVERT FROM FIXED ----
        lhi     %r2,-7
        cefbr   %f0,%r2
        CHECK_E 0, 0xC0E00000, 32
        larl    %r1,ints
        l       %r3,0(%r1)                      # 2**31 - 1
        cdfbr   %f1,%r3
        CHECK_D 1, 0x41DFFFFF, 0xFFC00000, 33
        l       %r3,4(%r1)                      # -2**31
        cxfbr   %f4,%r3
        CHECK_X 4, 0xC01E0000, 0, 0, 0, 34
        lhi     %r3,0
        cxfbr   %f5,%r3
        CHECK_X 5, 0, 0, 0, 0, 35
        # ---- CONVERT TO FIXED: the CC tells the sign of the source ----
        LOAD_E  0, 0xC0200000                   # -2.5
        cfebr   %r4,4,%f0
        CHECK_CC 1, 36
        CHECK_R %r4, 0xFFFFFFFE, 37
        cfebr   %r4,1,%f0
        CHECK_R %r4, 0xFFFFFFFD, 38
        cfebr   %r4,6,%f0
        CHECK_R %r4, 0xFFFFFFFE, 39
        LOAD_E  0, 0xBF000000                   # -0.5 to nearest: 0, CC 1
        cfebr   %r4,0,%f0
        CHECK_CC 1, 40
        CHECK_R %r4, 0, 41
        LOAD_E  0, 0x80000000
        cfebr   %r4,0,%f0
        CHECK_CC 0, 42
        SET_FPC 0
        LOAD_D  2, 0x4202A05F, 0x20000000       # 1e10: out of range
        cfdbr   %r5,0,%f2
        CHECK_CC 3, 43
        CHECK_R %r5, 0x7FFFFFFF, 44
        CHECK_FPC 0x00880000, 45
        SET_FPC 0
        LOAD_D  2, 0x41DFFFFF, 0xFFE00000       # 2**31 - 0.5
        cfdbr   %r5,5,%f2
        CHECK_CC 2, 46
        CHECK_R %r5, 0x7FFFFFFF, 47
        LOAD_X  8, 0xC01E0000, 0, 0, 0          # -2**31, exact
        cfxbr   %r6,0,%f8
        CHECK_CC 1, 48
        CHECK_R %r6, 0x80000000, 49
        EXPECT_PGM 0x0006, 3f
        cfebr   %r4,3,%f0
        FAIL    50
3:      CHECK_PGM_TAKEN 51
        # ---- CONVERT HFP TO BFP ----
        SET_FPC 0
        LOAD_D  0, 0x41180000, 0                # HFP 1.5
        tbedr   %f1,0,%f0
        CHECK_CC 2, 52
        CHECK_E 1, 0x3FC00000, 53
        LOAD_D  0, 0xC1180000, 0
        tbdr    %f1,0,%f0
        CHECK_CC 1, 54
        CHECK_D 1, 0xBFF80000, 0, 55
        LOAD_D  0, 0x80000000, 0                # HFP -0
        tbedr   %f1,0,%f0
        CHECK_CC 0, 56
        CHECK_E 1, 0x80000000, 57
        # 20/7 rounded to 24 and 53 bits
        LOAD_D  0, 0x412DB6DB, 0x6DB6DB6B
        tbedr   %f1,5,%f0
        CHECK_E 1, 0x4036DB6D, 58
        tbedr   %f1,4,%f0
        CHECK_E 1, 0x4036DB6E, 59
        tbdr    %f1,5,%f0
        CHECK_D 1, 0x4006DB6D, 0xB6DB6DB5, 60
        tbdr    %f1,4,%f0                       # a tie: to even
        CHECK_D 1, 0x4006DB6D, 0xB6DB6DB6, 61
        tbdr    %f1,7,%f0
        CHECK_D 1, 0x4006DB6D, 0xB6DB6DB5, 62
        # an unnormalized operand
        LOAD_D  0, 0x48000000, 0x0B000002
        tbedr   %f1,6,%f0
        CHECK_E 1, 0x41300001, 63
        # too large for short: the overflow result of the rounding, CC 3
        LOAD_D  0, 0x7EFFFFFF, 0
        tbedr   %f1,5,%f0
        CHECK_CC 3, 64
        CHECK_E 1, 0x7F7FFFFF, 65
        tbedr   %f1,1,%f0
        CHECK_CC 3, 66
        CHECK_E 1, 0x7F800000, 67
        # too small: zero or Dmin, the CC still tells the sign
        LOAD_D  0, 0x00100000, 0                # 16**-65
        tbedr   %f1,6,%f0
        CHECK_CC 2, 68
        CHECK_E 1, 0x00000001, 69
        tbedr   %f1,5,%f0
        CHECK_CC 2, 70
        CHECK_E 1, 0x00000000, 71
        CHECK_FPC 0x00000000, 72                # no flags
        # ---- CONVERT BFP TO HFP ----
        LOAD_E  2, 0x3FC00000
        thder   %f3,%f2
        CHECK_CC 2, 73
        CHECK_D 3, 0x41180000, 0, 74
        LOAD_E  2, 0x00000001                   # Dmin = 2**-149
        thder   %f3,%f2
        CHECK_D 3, 0x1B800000, 0, 75
        LOAD_E  2, 0x7F7FFFFF
        thder   %f3,%f2
        CHECK_D 3, 0x60FFFFFF, 0, 76
        LOAD_E  2, 0xFF800000
        thder   %f3,%f2
        CHECK_CC 3, 77
        CHECK_D 3, 0xFFFFFFFF, 0xFFFFFFFF, 78
        LOAD_E  2, 0xFFC00000
        thder   %f3,%f2
        CHECK_CC 3, 79
        CHECK_D 3, 0x7FFFFFFF, 0xFFFFFFFF, 80
        LOAD_D  4, 0x4FAFFFFF, 0xFFFFFFFF       # just below 2**252
        thdr    %f5,%f4
        CHECK_CC 2, 81
        CHECK_D 5, 0x7FFFFFFF, 0xFFFFFFF8, 82
        LOAD_D  4, 0xCFB00000, 0                # -2**252: too large
        thdr    %f5,%f4
        CHECK_CC 3, 83
        CHECK_D 5, 0xFFFFFFFF, 0xFFFFFFFF, 84
        LOAD_D  4, 0x2FB00000, 0                # 2**-260, the smallest HFP
        thdr    %f5,%f4
        CHECK_D 5, 0x00100000, 0, 85
        LOAD_D  4, 0xAFA00000, 0                # -2**-261: too small
        thdr    %f5,%f4
        CHECK_CC 1, 86
        CHECK_D 5, 0x80000000, 0, 87
        LOAD_D  4, 0x80000000, 0
        thdr    %f5,%f4
        CHECK_CC 0, 88
        CHECK_D 5, 0x80000000, 0, 89
        # without the AFP-register control: registers 0, 2, 4, 6 only
        AFP_OFF
        thdr    %f0,%f4
        CHECK_D 0, 0x80000000, 0, 90
        EXPECT_PGM 0x0007, 4f
        thdr    %f1,%f4
        FAIL    91
4:      CHECK_PGM_TAKEN 92
        CHECK_DXC 0x01, 93
        EXPECT_PGM 0x0007, 5f
        tbdr    %f2,0,%f9
        FAIL    94
5:      CHECK_PGM_TAKEN 95
        CHECK_DXC 0x01, 96
        TEST_END
        .balign 8
third_d: .long  0x3FD55555, 0x55555555
snan_e: .long   0x7F800001, 0x80000000
mpi_e:  .long   0xC0490FDB
ints:   .long   0x7FFFFFFF, 0x80000000

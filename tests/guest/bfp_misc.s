# BFP sign operations, LOAD AND TEST, COMPARE, TEST DATA CLASS, DIVIDE TO
# INTEGER and the operand specification checks (SA22-7201 ch. 19): an
# extended operand must be in a register pair (R = 0, 1, 4, 5, 8, 9, 12,
# 13); DIVIDE TO INTEGER needs three different registers and a valid M4.
        .include "lib.inc"
        .include "bfp.inc"
        TEST_BEGIN
        AFP_ON
        # ---- LOAD POSITIVE / NEGATIVE / COMPLEMENT: sign bit only ----
        LOAD_E  0, 0xBF800000
        lpebr   %f1,%f0
        CHECK_CC 2, 1
        CHECK_E 1, 0x3F800000, 2
        lnebr   %f1,%f1
        CHECK_CC 1, 3
        CHECK_E 1, 0xBF800000, 4
        lcebr   %f1,%f1
        CHECK_CC 2, 5
        CHECK_E 1, 0x3F800000, 6
        LOAD_E  0, 0xFF800001                   # a signaling NaN: no exception
        SET_FPC 0x80000000
        lpebr   %f1,%f0
        CHECK_CC 3, 7
        CHECK_E 1, 0x7F800001, 8
        SET_FPC 0
        LOAD_D  2, 0x80000000, 0                # -0
        lpdbr   %f3,%f2
        CHECK_CC 0, 9
        CHECK_D 3, 0, 0, 10
        lndbr   %f3,%f3
        CHECK_D 3, 0x80000000, 0, 11
        LOAD_D  2, 0x40000000, 5
        lcdbr   %f3,%f2
        CHECK_CC 1, 12
        CHECK_D 3, 0xC0000000, 5, 13
        LOAD_X  4, 0xBFFF0000, 0, 0, 1
        lpxbr   %f5,%f4
        CHECK_CC 2, 14
        CHECK_X 5, 0x3FFF0000, 0, 0, 1, 15
        lnxbr   %f5,%f5
        CHECK_CC 1, 16
        CHECK_X 5, 0xBFFF0000, 0, 0, 1, 17
        lcxbr   %f8,%f4
        CHECK_X 8, 0x3FFF0000, 0, 0, 1, 18
        # ---- LOAD AND TEST ----
        LOAD_E  0, 0x80000000
        ltebr   %f1,%f0
        CHECK_CC 0, 19
        LOAD_D  2, 0xFFF00000, 0                # -infinity
        ltdbr   %f3,%f2
        CHECK_CC 1, 20
        CHECK_D 3, 0xFFF00000, 0, 21
        LOAD_X  4, 0x7FFF0000, 0, 0, 1          # signaling NaN
        ltxbr   %f4,%f4
        CHECK_CC 3, 22
        CHECK_X 4, 0x7FFF8000, 0, 0, 1, 23
        CHECK_FPC 0x00800000, 24
        # ---- COMPARE ----
        SET_FPC 0
        LOAD_E  0, 0x3F800000
        LOAD_E  1, 0x40000000
        cebr    %f0,%f1
        CHECK_CC 1, 25
        cebr    %f1,%f0
        CHECK_CC 2, 26
        LOAD_E  2, 0x00000000
        LOAD_E  3, 0x80000000
        cebr    %f2,%f3                         # +0 = -0
        CHECK_CC 0, 27
        larl    %r1,cmp_e
        ceb     %f1,0(%r1)                      # 2 vs -inf
        CHECK_CC 2, 28
        keb     %f1,4(%r1)                      # 2 vs 2
        CHECK_CC 0, 29
        LOAD_D  4, 0xC0000000, 0
        LOAD_D  5, 0xBFF00000, 0
        cdbr    %f4,%f5                         # -2 < -1
        CHECK_CC 1, 30
        kdbr    %f5,%f4
        CHECK_CC 2, 31
        larl    %r1,cmp_d
        cdb     %f5,0(%r1)                      # -1 vs QNaN
        CHECK_CC 3, 32
        CHECK_FPC 0x00000000, 33
        kdb     %f5,0(%r1)
        CHECK_CC 3, 34
        CHECK_FPC 0x00800000, 35
        LOAD_X  8, 0x3FFF0000, 0, 0, 0
        LOAD_X  9, 0x3FFF0000, 0, 0, 1
        cxbr    %f8,%f9
        CHECK_CC 1, 36
        kxbr    %f9,%f8
        CHECK_CC 2, 37
        # ---- TEST DATA CLASS: the address bits select the classes ----
        LOAD_E  0, 0x80000001                   # -subnormal: bit 57 (0x040)
        tceb    %f0,0x040
        CHECK_CC 1, 38
        tceb    %f0,0xFBF
        CHECK_CC 0, 39
        lhi     %r2,0x7000                      # only bits 20-31 count
        tceb    %f0,0x040(%r2)
        CHECK_CC 1, 40
        LOAD_D  2, 0x7FF80000, 0                # +QNaN: 0x008
        tcdb    %f2,0x008
        CHECK_CC 1, 41
        tcdb    %f2,0x002
        CHECK_CC 0, 42
        LOAD_X  4, 0xFFFF0000, 0, 0, 0          # -infinity: 0x010
        tcxb    %f4,0x010
        CHECK_CC 1, 43
        LOAD_X  4, 0, 0, 0, 0                   # +0: 0x800
        tcxb    %f4,0x800
        CHECK_CC 1, 44
        CHECK_FPC 0x00800000, 45                # no flags from TEST DATA CLASS
        # ---- DIVIDE TO INTEGER ----
        SET_FPC 0
        LOAD_E  0, 0x40E00000                   # 7
        LOAD_E  1, 0x40000000                   # 2
        diebr   %f0,%f2,%f1,0                   # 3.5 -> 4 (even), r = -1
        CHECK_CC 0, 46
        CHECK_E 0, 0xBF800000, 47
        CHECK_E 2, 0x40800000, 48
        LOAD_E  0, 0x40E00000
        diebr   %f0,%f2,%f1,5                   # toward zero: 3, r = 1
        CHECK_E 0, 0x3F800000, 49
        CHECK_E 2, 0x40400000, 50
        LOAD_E  0, 0xC0000000                   # -2 / -2: n = 1, r = -0
        LOAD_E  1, 0xC0000000
        diebr   %f0,%f2,%f1,4
        CHECK_CC 0, 51
        CHECK_E 0, 0x80000000, 52
        CHECK_E 2, 0x3F800000, 53
        # 2**30 / 3 = 357913941.33: partial results, n truncated to 24 bits
        LOAD_E  0, 0x4E800000
        LOAD_E  1, 0x40400000
        diebr   %f0,%f2,%f1,0
        CHECK_CC 2, 54
        CHECK_E 0, 0x42800000, 55               # 64
        CHECK_E 2, 0x4DAAAAAA, 56               # 357913920
        diebr   %f0,%f2,%f1,0                   # again with the partial remainder
        CHECK_CC 0, 57
        CHECK_E 0, 0x3F800000, 58               # 64 = 3 * 21 + 1
        CHECK_E 2, 0x41A80000, 59
        LOAD_D  4, 0x43B00000, 0                # 2**60 / 3
        LOAD_D  5, 0x40080000, 0
        didbr   %f4,%f6,%f5,0
        CHECK_CC 2, 60
        CHECK_D 4, 0x40500000, 0, 61
        CHECK_D 6, 0x43955555, 0x55555555, 62
        # quotient overflow: 2**127 / 2**-149 = 2**276, scaled by 2**-192
        LOAD_E  0, 0x7F000000
        LOAD_E  1, 0x00000001
        diebr   %f0,%f2,%f1,0
        CHECK_CC 1, 63
        CHECK_E 0, 0x00000000, 64
        CHECK_E 2, 0x69800000, 65
        # partial and overflow: Nmax / (11 * 2**-149)
        LOAD_E  0, 0x7F7FFFFF
        LOAD_E  1, 0x0000000B
        diebr   %f0,%f2,%f1,0
        CHECK_CC 3, 66
        CHECK_E 0, 0x73A00000, 67
        CHECK_E 2, 0x683A2E8A, 68
        # a zero divisor: invalid, the default NaN in both, CC 1
        LOAD_E  0, 0x3F800000
        LOAD_E  1, 0x00000000
        diebr   %f0,%f2,%f1,0
        CHECK_CC 1, 69
        CHECK_E 0, 0x7FC00000, 70
        CHECK_E 2, 0x7FC00000, 71
        CHECK_FPC 0x00800000, 72
        # ... trapped: suppressed
        SET_FPC 0x80000000
        LOAD_E  0, 0x3F800000
        EXPECT_PGM 0x0007, 1f
        diebr   %f0,%f2,%f1,0
        FAIL    73
1:      CHECK_PGM_TAKEN 74
        CHECK_E 0, 0x3F800000, 75
        # a tiny remainder with the underflow trap: scaled by 2**192
        SET_FPC 0x10000000
        LOAD_E  0, 0x00000003                   # 3 Dmin / 2 Dmin: n = 2, r = -Dmin
        LOAD_E  1, 0x00000002
        EXPECT_PGM 0x0007, 2f
        diebr   %f0,%f2,%f1,4
        FAIL    76
2:      CHECK_CC 0, 77
        CHECK_PGM_TAKEN 78
        CHECK_DXC 0x10, 79
        CHECK_E 0, 0xD5000000, 80
        CHECK_E 2, 0x40000000, 81
        SET_FPC 0
        # ---- specification exceptions ----
        EXPECT_PGM 0x0006, 3f
        diebr   %f0,%f0,%f1,0                   # R1 = R3
        FAIL    82
3:      CHECK_PGM_TAKEN 83
        EXPECT_PGM 0x0006, 4f
        didbr   %f0,%f2,%f1,3                   # M4 = 3
        FAIL    84
4:      CHECK_PGM_TAKEN 85
        EXPECT_PGM 0x0006, 5f
        .long   0xB34A0020                      # axbr %f2,%f0: R1 = 2
        FAIL    86
5:      CHECK_PGM_TAKEN 87
        EXPECT_PGM 0x0006, 6f
        .long   0xB3160007                      # sqxbr %f0,%f7: R2 = 7
        FAIL    88
6:      CHECK_PGM_TAKEN 89
        EXPECT_PGM 0x0006, 7f
        .long   0xB30500E0                      # lxdbr %f14,%f0
        FAIL    90
7:      CHECK_PGM_TAKEN 91
        EXPECT_PGM 0x0006, 8f
        .long   0xB3450034                      # ldxbr %f3,%f4: the result may be extended
        FAIL    92
8:      CHECK_PGM_TAKEN 93
        EXPECT_PGM 0x0006, 9f
        .short  0xEDA0,0x0800,0x0012            # tcxb %f10,0x800
        FAIL    94
9:      CHECK_PGM_TAKEN 95
        EXPECT_PGM 0x0006, 10f
        .long   0xB3070060                      # mxdbr %f6,%f0
        FAIL    96
10:     CHECK_PGM_TAKEN 97
        EXPECT_PGM 0x0006, 11f
        .long   0xB39A001B                      # cfxbr %r1,0,%f11
        FAIL    98
11:     CHECK_PGM_TAKEN 99
        EXPECT_PGM 0x0006, 12f
        .long   0xB39600F1                      # cxfbr %f15,%r1
        FAIL    100
12:     CHECK_PGM_TAKEN 101
        TEST_END
        .balign 8
cmp_d:  .long   0x7FF80000, 0
cmp_e:  .long   0xFF800000, 0x40000000

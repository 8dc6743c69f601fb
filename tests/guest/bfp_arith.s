# BFP arithmetic (SA22-7201 ch. 19): ADD, SUBTRACT, MULTIPLY (also to a
# longer format), DIVIDE, SQUARE ROOT, MULTIPLY AND ADD/SUBTRACT in the
# short, long and extended formats, register and storage forms; results
# rounded by the FPC rounding mode; ADD and SUBTRACT set the CC (0 zero,
# 1 negative, 2 positive, 3 NaN), the others leave it alone.
        .include "lib.inc"
        .include "bfp.inc"
        TEST_BEGIN
        AFP_ON
        # ---- add / subtract, short ----
        LOAD_E  0, 0x3FC00000           # 1.5
        LOAD_E  1, 0x40100000           # 2.25
        aebr    %f0,%f1
        CHECK_CC 2, 1
        CHECK_E 0, 0x40700000, 2        # 3.75
        LOAD_E  0, 0x3F800000
        LOAD_E  1, 0xC0400000
        aebr    %f0,%f1                 # 1 + -3 = -2
        CHECK_CC 1, 3
        CHECK_E 0, 0xC0000000, 4
        # 1 + 2**-24 is halfway between 1 and the next float up
        larl    %r1,tie_s
        LOAD_E  0, 0x3F800000
        aeb     %f0,0(%r1)
        CHECK_E 0, 0x3F800000, 5        # to nearest even
        srnm    2                       # toward +infinity
        LOAD_E  0, 0x3F800000
        aeb     %f0,0(%r1)
        CHECK_E 0, 0x3F800001, 6
        srnm    3                       # toward -infinity: -(1 + 2**-24)
        LOAD_E  0, 0xBF800000
        seb     %f0,4(%r1)              # -1 - 2**-24
        CHECK_CC 1, 7
        CHECK_E 0, 0xBF800001, 8
        LOAD_E  0, 0x40400000
        seb     %f0,8(%r1)              # 3 - 3 = -0 toward -infinity
        CHECK_CC 0, 9
        CHECK_E 0, 0x80000000, 10
        srnm    1                       # toward zero
        LOAD_E  0, 0xBF800000
        seb     %f0,4(%r1)
        CHECK_E 0, 0xBF800000, 11
        srnm    0
        LOAD_E  0, 0x40400000
        sebr    %f0,%f0                 # +0 to nearest
        CHECK_CC 0, 12
        CHECK_E 0, 0x00000000, 13
        LOAD_E  2, 0x7FC01234           # a quiet NaN propagates, CC 3
        LOAD_E  3, 0x40A00000
        sebr    %f3,%f2
        CHECK_CC 3, 14
        CHECK_E 3, 0x7FC01234, 15
        # ---- add / subtract, long and extended ----
        LOAD_D  4, 0x3FB99999, 0x9999999A       # 0.1
        LOAD_D  5, 0x3FC99999, 0x9999999A       # 0.2
        adbr    %f4,%f5
        CHECK_CC 2, 16
        CHECK_D 4, 0x3FD33333, 0x33333334, 17   # 0.30000000000000004
        larl    %r1,ten_d
        LOAD_D  6, 0x40080000, 0                # 3
        sdb     %f6,0(%r1)                      # 3 - 10 = -7
        CHECK_CC 1, 18
        CHECK_D 6, 0xC01C0000, 0, 19
        adb     %f6,0(%r1)
        CHECK_D 6, 0x40080000, 0, 20
        LOAD_D  7, 0x40240000, 0                # 3 - 10 in registers
        sdbr    %f6,%f7
        CHECK_CC 1, 59
        CHECK_D 6, 0xC01C0000, 0, 60
        LOAD_X  8, 0x3FFF0000, 0, 0, 0          # 1
        LOAD_X  9, 0x3F8F0000, 0, 0, 0          # 2**-112
        axbr    %f8,%f9
        CHECK_CC 2, 21
        CHECK_X 8, 0x3FFF0000, 0, 0, 1, 22
        sxbr    %f8,%f8
        CHECK_CC 0, 23
        CHECK_X 8, 0, 0, 0, 0, 24
        # ---- multiply ----
        LOAD_E  0, 0x40400000                   # 3
        LOAD_E  1, 0xC0200000                   # -2.5
        meebr   %f0,%f1
        CHECK_CC 0, 25                          # unchanged
        CHECK_E 0, 0xC0F00000, 26               # -7.5
        larl    %r1,ten_e
        meeb    %f0,0(%r1)
        CHECK_E 0, 0xC2960000, 27               # -75
        # 1/3 (long) times 3 = 1 - 2**-54 exactly: a tie, to even gives 1
        LOAD_D  2, 0x3FD55555, 0x55555555
        LOAD_D  3, 0x40080000, 0
        mdbr    %f2,%f3
        CHECK_D 2, 0x3FF00000, 0, 28
        srnm    1
        LOAD_D  2, 0x3FD55555, 0x55555555
        larl    %r1,three_d
        mdb     %f2,0(%r1)
        CHECK_D 2, 0x3FEFFFFF, 0xFFFFFFFF, 29
        srnm    0
        # (1 + 2**-112)**2 = 1 + 2**-111 + 2**-224
        LOAD_X  12, 0x3FFF0000, 0, 0, 1
        mxbr    %f12,%f12
        CHECK_X 12, 0x3FFF0000, 0, 0, 2, 30
        # to a longer format, exact: (1 + 2**-23)**2, (1 + 2**-52)**2
        LOAD_E  1, 0x3F800001
        LOAD_E  7, 0x3F800001
        mdebr   %f1,%f7
        CHECK_D 1, 0x3FF00000, 0x40000040, 31
        larl    %r1,onep_e
        LOAD_E  3, 0x3F800001
        mdeb    %f3,0(%r1)
        CHECK_D 3, 0x3FF00000, 0x40000040, 32
        LOAD_D  4, 0x3FF00000, 1
        LOAD_D  5, 0x3FF00000, 1
        mxdbr   %f4,%f5
        CHECK_X 4, 0x3FFF0000, 0, 0x20000000, 0x00000100, 33
        LOAD_D  13, 0x3FF00000, 1
        larl    %r1,onep_d
        mxdb    %f13,0(%r1)
        CHECK_X 13, 0x3FFF0000, 0, 0x20000000, 0x00000100, 34
        # ---- divide ----
        LOAD_E  0, 0x3F800000
        LOAD_E  1, 0x40400000
        debr    %f0,%f1                         # 1/3
        CHECK_E 0, 0x3EAAAAAB, 35
        LOAD_E  0, 0x40E00000
        larl    %r1,two_e
        deb     %f0,0(%r1)                      # 7/2
        CHECK_E 0, 0x40600000, 36
        LOAD_D  2, 0x3FF00000, 0
        LOAD_D  3, 0x40080000, 0
        ddbr    %f2,%f3
        CHECK_D 2, 0x3FD55555, 0x55555555, 37
        LOAD_D  2, 0x40240000, 0                # 10 / 4
        larl    %r1,four_d
        ddb     %f2,0(%r1)
        CHECK_D 2, 0x40040000, 0, 38
        LOAD_X  1, 0x3FFF0000, 0, 0, 0
        LOAD_X  4, 0x40008000, 0, 0, 0          # 3
        dxbr    %f1,%f4
        CHECK_X 1, 0x3FFD5555, 0x55555555, 0x55555555, 0x55555555, 39
        srnm    2
        LOAD_X  1, 0x3FFF0000, 0, 0, 0
        dxbr    %f1,%f4
        CHECK_X 1, 0x3FFD5555, 0x55555555, 0x55555555, 0x55555556, 40
        srnm    0
        # ---- square root ----
        LOAD_E  6, 0x40000000
        sqebr   %f6,%f6
        CHECK_E 6, 0x3FB504F3, 41
        larl    %r1,sixteen_e
        sqeb    %f7,0(%r1)
        CHECK_E 7, 0x40800000, 42
        LOAD_D  8, 0x40000000, 0
        sqdbr   %f9,%f8
        CHECK_D 9, 0x3FF6A09E, 0x667F3BCD, 43
        larl    %r1,four_d
        sqdb    %f10,0(%r1)
        CHECK_D 10, 0x40000000, 0, 44
        LOAD_X  0, 0x40000000, 0, 0, 0
        sqxbr   %f0,%f0
        CHECK_X 0, 0x3FFF6A09, 0xE667F3BC, 0xC908B2FB, 0x1366EA95, 45
        # ---- multiply and add / subtract: one rounding ----
        # R3 * R2 - R1 = (1 + 2**-23)(1 - 2**-23) - 1 = -2**-46 exactly
        LOAD_E  0, 0x3F800000
        LOAD_E  2, 0x3F800001
        LOAD_E  4, 0x3F7FFFFE
        msebr   %f0,%f2,%f4
        CHECK_E 0, 0xA8800000, 46
        LOAD_E  0, 0xBF800000
        maebr   %f0,%f2,%f4
        CHECK_E 0, 0xA8800000, 47
        LOAD_D  1, 0xBFF00000, 0
        LOAD_D  3, 0x3FF00000, 1
        LOAD_D  5, 0x3FEFFFFF, 0xFFFFFFFE
        madbr   %f1,%f3,%f5
        CHECK_D 1, 0xB9700000, 0, 48
        LOAD_D  1, 0x3FF00000, 0
        msdbr   %f1,%f3,%f5
        CHECK_D 1, 0xB9700000, 0, 49
        larl    %r1,three_e
        LOAD_E  8, 0x3F800000                   # 1 + 3 * 3
        LOAD_E  9, 0x40400000
        maeb    %f8,%f9,0(%r1)
        CHECK_E 8, 0x41200000, 50
        LOAD_E  8, 0x3F800000                   # 3 * 3 - 1
        mseb    %f8,%f9,0(%r1)
        CHECK_E 8, 0x41000000, 51
        larl    %r1,five_d
        LOAD_D  10, 0x40080000, 0               # 2 * 5 - 3
        LOAD_D  11, 0x40000000, 0
        msdb    %f10,%f11,0(%r1)
        CHECK_D 10, 0x401C0000, 0, 52
        madb    %f10,%f11,0(%r1)                # 2 * 5 + 7
        CHECK_D 10, 0x40310000, 0, 53
        CHECK_CC 0, 54                          # still that of SUBTRACT (id 23)
        CHECK_FPC 0x00080000, 55                # the inexact flag stays set
        SET_FPC 0
        LOAD_E  0, 0x3FC00000
        LOAD_E  1, 0x40100000
        debr    %f0,%f1                         # exact: 1.5 / 2.25 is not...
        CHECK_FPC 0x00080000, 56                # ... 2/3 is inexact
        SET_FPC 0
        meebr   %f1,%f1                         # 2.25**2 = 5.0625, exact
        CHECK_FPC 0x00000000, 57
        CHECK_E 1, 0x40A20000, 58
        TEST_END
        .balign 8
tie_s:  .long   0x33800000, 0x33800000, 0x40400000
ten_d:  .long   0x40240000, 0
three_d: .long  0x40080000, 0
four_d: .long   0x40100000, 0
five_d: .long   0x40140000, 0
onep_d: .long   0x3FF00000, 1
ten_e:  .long   0x41200000
onep_e: .long   0x3F800001
two_e:  .long   0x40000000
three_e: .long  0x40400000
sixteen_e: .long 0x41800000

# HFP multiply, divide and halve (SA22-7201 chapter 18, MEE/MEER of the
# HFP extensions): operands prenormalized, results normalized and truncated;
# a zero fraction gives a true zero; divisor zero: HFP divide exception
# (0F, suppressed); exponent overflow 0C and underflow 0D (under PSW bit 22)
# complete with the characteristic 128 off.  No condition code.
        .include "lib.inc"
        .include "hfp.inc"
        TEST_BEGIN
        larl    %r12,data
        # ---- multiply
        LFD     %f0,0x4120000000000000
        LFD     %f2,0x4130000000000000
        meer    %f0,%f2                 # 2 * 3, short result
        CHECK_FE %f0,0x41600000,1
        LFD     %f0,0x4110000100000000
        mee     %f0,s_onep-data(%r12)   # (1 + 16^-5)^2 truncated
        CHECK_FE %f0,0x41100002,2
        LFD     %f0,0x4110000199999999
        LFD     %f2,0x41100001AAAAAAAA
        mder    %f0,%f2                 # short operands, exact long product
        CHECK_FD %f0,0x4110000200001000,3
        LFD     %f0,0x4120000000000000
        mde     %f0,s_m8-data(%r12)     # 2 * -8
        CHECK_FD %f0,0xC210000000000000,4
        LFD     %f0,0x4110000000000001
        mdr     %f0,%f0                 # (1 + 16^-13)^2 truncated
        CHECK_FD %f0,0x4110000000000002,5
        LFD     %f0,0x4220000000000000
        md      %f0,l_32nd-data(%r12)   # 32 * 1/32
        CHECK_FD %f0,0x4110000000000000,6
        LFD     %f0,0x4201000000000000  # unnormalized 1.0
        LFD     %f2,0x4130000000000000
        mdr     %f0,%f2
        CHECK_FD %f0,0x4130000000000000,7
        LFD     %f0,0x4512345600000000
        LFD     %f2,0x4700000000000000
        mdr     %f0,%f2                 # zero fraction: true zero
        CHECK_FD %f0,0,8
        LFD     %f0,0x41FFFFFFFFFFFFFF
        mxdr    %f0,%f0                 # (1 - 16^-14)^2, exact
        CHECK_FX %f0,%f2,0x42FFFFFFFFFFFFFE,0x3400000000000001,9
        LFD     %f4,0x4120000000000000
        mxd     %f4,l_three-data(%r12)
        CHECK_FX %f4,%f6,0x4160000000000000,0x3300000000000000,10
        LFX     %f0,%f2,0x4110000000000000,0x3300000000000001
        LFX     %f4,%f6,0x4110000000000000,0x3300000000000001
        mxr     %f0,%f4                 # (1 + 16^-27)^2 truncated
        CHECK_FX %f0,%f2,0x4110000000000000,0x3300000000000002,11
        EXPECT_PGM 0x0006,1f
        .short  0x2624                  # mxr %f2,%f4: not a pair
        FAIL    12
1:      CHECK_PGM_TAKEN 13
        EXPECT_PGM 0x0006,2f
        .long   0x6760c000              # mxd %f6,0(%r12): not a pair
        FAIL    14
2:      CHECK_PGM_TAKEN 15
        # multiply: overflow and underflow
        LFD     %f0,0x7F10000000000000
        EXPECT_PGM 0x000C,3f
        mder    %f0,%f0
        FAIL    16
3:      CHECK_PGM_TAKEN 17
        CHECK_ILC 2,18
        CHECK_FD %f0,0x3D10000000000000,19
        LFD     %f0,0x1010000000000000
        mdr     %f0,%f0                 # mask off: true zero
        CHECK_FD %f0,0,20
        SETPM   2
        LFD     %f0,0x1010000000000000
        EXPECT_PGM 0x000D,4f
        mdr     %f0,%f0
        FAIL    21
4:      CHECK_PGM_TAKEN 22
        CHECK_FD %f0,0x5F10000000000000,23
        SETPM   0
        # ---- divide
        LFD     %f0,0x4160000000000000
        LFD     %f2,0x4120000000000000
        der     %f0,%f2                 # 6 / 2
        CHECK_FE %f0,0x41300000,30
        LFD     %f0,0x4110000000000000
        de      %f0,s_three-data(%r12)  # 1 / 3 truncated
        CHECK_FE %f0,0x40555555,31
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x4130000000000000
        ddr     %f0,%f2
        CHECK_FD %f0,0x4055555555555555,32
        LFD     %f0,0x4160000000000000
        dd      %f0,l_two-data(%r12)
        CHECK_FD %f0,0x4130000000000000,33
        LFX     %f0,%f2,0x4110000000000000,0
        LFX     %f4,%f6,0x4130000000000000,0
        dxr     %f0,%f4
        CHECK_FX %f0,%f2,0x4055555555555555,0x3255555555555555,34
        LFD     %f0,0x4300000000000000
        LFD     %f2,0x4130000000000000
        ddr     %f0,%f2                 # zero dividend: true zero
        CHECK_FD %f0,0,35
        # divisor zero: suppressed
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x4200000000000000
        EXPECT_PGM 0x000F,5f
        der     %f0,%f2
        FAIL    36
5:      CHECK_PGM_TAKEN 37
        CHECK_ILC 2,38
        CHECK_FD %f0,0x4110000000000000,39
        EXPECT_PGM 0x000F,6f
        dd      %f0,l_zero-data(%r12)
        FAIL    40
6:      CHECK_PGM_TAKEN 41
        CHECK_ILC 4,42
        LFX     %f4,%f6,0,0
        EXPECT_PGM 0x000F,7f
        dxr     %f0,%f4
        FAIL    43
7:      CHECK_PGM_TAKEN 44
        CHECK_FD %f0,0x4110000000000000,45
        # divide: overflow and underflow
        LFD     %f0,0x7F10000000000000
        LFD     %f2,0x0110000000000000
        EXPECT_PGM 0x000C,8f
        der     %f0,%f2                 # 16^126
        FAIL    46
8:      CHECK_PGM_TAKEN 47
        CHECK_FE %f0,0x3F100000,48
        LFD     %f0,0x0110000000000000
        LFD     %f2,0x7F10000000000000
        ddr     %f0,%f2                 # 16^-126, mask off
        CHECK_FD %f0,0,49
        SETPM   2
        LFD     %f0,0x0110000000000000
        EXPECT_PGM 0x000D,9f
        ddr     %f0,%f2
        FAIL    50
9:      CHECK_PGM_TAKEN 51
        CHECK_FD %f0,0x4310000000000000,52
        SETPM   0
        # ---- halve: the bit shifted out returns through the guard digit
        LFD     %f0,0x4110000000000000
        her     %f2,%f0
        CHECK_FE %f2,0x40800000,60
        LFD     %f0,0x4130000000000000
        her     %f2,%f0
        CHECK_FE %f2,0x41180000,61
        LFD     %f0,0x4110000100000000
        her     %f2,%f0
        CHECK_FE %f2,0x40800008,62
        LFD     %f0,0xC5000000FFFFFFFF
        LFD     %f2,0x0000000012345678
        her     %f2,%f0                 # zero fraction: true zero
        CHECK_FD %f2,0x0000000012345678,63
        LFD     %f0,0x4110000000000001
        hdr     %f2,%f0
        CHECK_FD %f2,0x4080000000000008,64
        LFD     %f0,0x0010000000000000
        hdr     %f2,%f0                 # underflow, mask off
        CHECK_FD %f2,0,65
        SETPM   2
        EXPECT_PGM 0x000D,10f
        hdr     %f2,%f0
        FAIL    66
10:     CHECK_PGM_TAKEN 67
        CHECK_FD %f2,0x7F80000000000000,68
        SETPM   0
        TEST_END
        .balign 8
data:
s_onep: .long   0x41100001
s_m8:   .long   0xC1800000
s_three: .long  0x41300000
l_32nd: .quad   0x3F80000000000000
l_three: .quad  0x4130000000000000
l_two:  .quad   0x4120000000000000
l_zero: .quad   0x4000000000000000

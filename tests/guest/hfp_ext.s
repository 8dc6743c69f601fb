# HFP square root (ESA/390) and the HFP extensions: load FP integer,
# convert from/to fixed, multiply and add/subtract.  Square roots are
# normalized and rounded (sqrt 2 = 1.6A09E667F3BCC908B2FB1366EA9 5...); a
# negative nonzero operand is a square-root exception (1D, suppressed).
# LOAD FP INTEGER truncates toward zero.  CONVERT FROM FIXED truncates to the
# format.  CONVERT TO FIXED rounds by M3 (1 nearest/ties away, 4 nearest/
# ties even, 0 and 5 toward zero, 6 up, 7 down), CC from the source sign,
# CC 3 and the largest integer of the sign when out of range.  MULTIPLY AND
# ADD/SUBTRACT: op1 = op3 * op2 +/- op1 with the whole product, a zero
# result is a true zero, only the final result can overflow or underflow.
        .include "lib.inc"
        .include "hfp.inc"
        TEST_BEGIN
        larl    %r12,data
        # ---- square root
        LFD     %f2,0x41400000FFFFFFFF
        LFD     %f0,0x0000000011111111
        sqer    %f0,%f2                 # sqrt 4
        CHECK_FD %f0,0x4120000011111111,1
        sqe     %f0,s_16-data(%r12)
        CHECK_FE %f0,0x41400000,2
        LFD     %f2,0x4120000000000000
        sqer    %f0,%f2                 # sqrt 2, next digit 6: down
        CHECK_FE %f0,0x4116A09E,3
        sqdr    %f0,%f2                 # next digit 9: up
        CHECK_FD %f0,0x4116A09E667F3BCD,4
        sqd     %f0,l_4sm-data(%r12)    # sqrt(4 * 16^-2), odd exponent
        CHECK_FD %f0,0x4020000000000000,5
        LFX     %f4,%f6,0x4120000000000000,0
        sqxr    %f0,%f4
        CHECK_FX %f0,%f2,0x4116A09E667F3BCC,0x33908B2FB1366EA9,6
        LFD     %f2,0xC300000000000000  # minus zero: true zero
        sqdr    %f0,%f2
        CHECK_FD %f0,0,7
        LFD     %f2,0xC110000000000000
        EXPECT_PGM 0x001D,1f
        sqer    %f0,%f2
        FAIL    8
1:      CHECK_PGM_TAKEN 9
        CHECK_ILC 4,10
        CHECK_FD %f0,0,11
        EXPECT_PGM 0x001D,2f
        sqd     %f0,l_m1-data(%r12)
        FAIL    12
2:      CHECK_PGM_TAKEN 13
        CHECK_ILC 6,14
        # ---- load FP integer
        LFD     %f2,0x42123456FFFFFFFF
        fier    %f0,%f2
        CHECK_FE %f0,0x42120000,20
        LFD     %f2,0xC30123456789ABCD  # -0x12.3456789ABCD, unnormalized
        fidr    %f0,%f2
        CHECK_FD %f0,0xC212000000000000,21
        LFD     %f2,0x4080000000000000
        fidr    %f0,%f2                 # 0.5: true zero
        CHECK_FD %f0,0,22
        LFX     %f4,%f6,0x4F12345678ABCDEF,0x41FEDCBA98765432
        fixr    %f0,%f4                 # 15 integer digits
        CHECK_FX %f0,%f2,0x4F12345678ABCDEF,0x41F0000000000000,23
        # ---- convert from fixed
        LFD     %f0,0x0000000033333333
        lhi     %r2,1
        cefr    %f0,%r2
        CHECK_FD %f0,0x4110000033333333,30
        l       %r2,maxint-data(%r12)
        cefr    %f0,%r2                 # eight digits truncated to six
        CHECK_FE %f0,0x487FFFFF,31
        cdfr    %f0,%r2
        CHECK_FD %f0,0x487FFFFFFF000000,32
        l       %r2,minint-data(%r12)
        cdfr    %f0,%r2
        CHECK_FD %f0,0xC880000000000000,33
        lhi     %r2,-2
        cxfr    %f4,%r2
        CHECK_FX %f4,%f6,0xC120000000000000,0xB300000000000000,34
        lhi     %r2,0
        cdfr    %f0,%r2
        CHECK_FD %f0,0,35
        # ---- convert to fixed
        LFD     %f0,0x4118000000000000  # 1.5
        cfer    %r2,1,%f0
        CHECK_CC 2,40
        CHECK_R %r2,2,41
        cfer    %r2,4,%f0
        CHECK_R %r2,2,42
        cfer    %r2,5,%f0
        CHECK_R %r2,1,43
        cfer    %r2,0,%f0
        CHECK_R %r2,1,44
        cfer    %r2,6,%f0
        CHECK_R %r2,2,45
        cfer    %r2,7,%f0
        CHECK_R %r2,1,46
        LFD     %f0,0xC128000000000000  # -2.5
        cfer    %r2,4,%f0
        CHECK_CC 1,47
        CHECK_R %r2,0xFFFFFFFE,48
        cfer    %r2,1,%f0
        CHECK_R %r2,0xFFFFFFFD,49
        LFD     %f0,0x487FFFFFFF800000  # 0x7FFFFFFF.8
        cfdr    %r2,1,%f0
        CHECK_CC 3,50
        CHECK_R %r2,0x7FFFFFFF,51
        cfdr    %r2,5,%f0
        CHECK_CC 2,52
        CHECK_R %r2,0x7FFFFFFF,53
        LFD     %f0,0xC880000000000001  # -0x80000000.00000001
        cfdr    %r2,5,%f0
        CHECK_CC 1,54
        CHECK_R %r2,0x80000000,55
        cfdr    %r2,7,%f0
        CHECK_CC 3,56
        CHECK_R %r2,0x80000000,57
        LFX     %f4,%f6,0x4812345678ABCDEF,0
        cfxr    %r2,4,%f4
        CHECK_CC 2,58
        CHECK_R %r2,0x12345679,59
        LFD     %f0,0x8000000000000000
        cfer    %r2,7,%f0
        CHECK_CC 0,60
        CHECK_R %r2,0,61
        EXPECT_PGM 0x0006,3f
        .long   0xb3b82020              # cfer %r2,2,%f0: M3 2 is invalid
        FAIL    62
3:      CHECK_PGM_TAKEN 63
        # ---- multiply and add/subtract: op1 = op3 * op2 +/- op1
        .machine "z990"
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x4120000000000000
        LFD     %f4,0x4130000000000000
        maer    %f0,%f4,%f2             # 3 * 2 + 1
        CHECK_FE %f0,0x41700000,70
        LFD     %f0,0x4110000000000000
        mser    %f0,%f4,%f2             # 3 * 2 - 1
        CHECK_FE %f0,0x41500000,71
        LFD     %f0,0xC110000000000000
        LFD     %f2,0x4110000000000001
        madr    %f0,%f2,%f2             # (1 + 16^-13)^2 - 1: all product digits
        CHECK_FD %f0,0x3420000000000001,72
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x4120000000000000
        LFD     %f4,0x4130000000000000
        msdr    %f0,%f4,%f2
        CHECK_FD %f0,0x4150000000000000,73
        LFD     %f0,0xC110000000000000
        LFD     %f4,0x4110000100000000
        mae     %f0,%f4,s_onep-data(%r12)
        CHECK_FE %f0,0x3C200001,74
        LFD     %f0,0x4110000000000000
        LFD     %f4,0x4120000000000000
        mse     %f0,%f4,s_two-data(%r12)
        CHECK_FE %f0,0x41300000,75
        SETPM   3
        LFD     %f0,0x4080000000000000
        LFD     %f4,0x1010000000000000
        mad     %f0,%f4,l_tiny-data(%r12) # the product 16^-98 does not underflow
        CHECK_FD %f0,0x4080000000000000,76
        LFD     %f0,0x4110000000000000
        LFD     %f4,0x4110000000000000
        msd     %f0,%f4,l_one-data(%r12) # zero: true zero, no significance
        CHECK_FD %f0,0,77
        LFD     %f0,0
        LFD     %f2,0x1010000000000000
        EXPECT_PGM 0x000D,4f
        maer    %f0,%f2,%f2             # the result underflows
        FAIL    78
4:      CHECK_PGM_TAKEN 79
        CHECK_ILC 4,80
        CHECK_FE %f0,0x5F100000,81
        SETPM   0
        LFD     %f0,0x4080000000000000
        LFD     %f4,0x7010000000000000
        EXPECT_PGM 0x000C,5f
        mad     %f0,%f4,l_huge-data(%r12) # 16^94: characteristic 0x9F
        FAIL    82
5:      CHECK_PGM_TAKEN 83
        CHECK_ILC 6,84
        CHECK_FD %f0,0x1F10000000000000,85
        TEST_END
        .balign 8
data:
s_16:   .long   0x42100000
s_onep: .long   0x41100001
s_two:  .long   0x41200000
maxint: .long   0x7FFFFFFF
minint: .long   0x80000000
        .balign 8
l_4sm:  .quad   0x3F40000000000000
l_m1:   .quad   0xC110000000000000
l_tiny: .quad   0x1010000000000000
l_one:  .quad   0x4110000000000000
l_huge: .quad   0x7010000000000000

# HFP add, subtract and compare (SA22-7201 chapter 18): one guard digit,
# truncation, normalized and unnormalized sums, CC 0 zero fraction /
# 1 negative / 2 positive; exponent overflow (code 0C, always), exponent
# underflow (0D under PSW bit 22, else a true zero) and significance (0E
# under PSW bit 23, else a true zero).  1.0 = 41100000, 16^-14 = 33100000.
        .include "lib.inc"
        .include "hfp.inc"
        TEST_BEGIN
        larl    %r12,data
        # ---- normalized add/subtract, short
        LFD     %f0,0x4110000000000000
        ler     %f2,%f0
        aer     %f0,%f2                 # 1 + 1
        CHECK_CC 2,1
        CHECK_FE %f0,0x41200000,2
        ler     %f0,%f2
        se      %f0,s_f-data(%r12)      # 1 - 0.FFFFFF: the guard digit counts
        CHECK_CC 2,3
        CHECK_FE %f0,0x3B100000,4
        LFD     %f0,0xC110000000000000
        LFD     %f2,0x4130000000000000
        ser     %f0,%f2                 # -1 - 3
        CHECK_CC 1,5
        CHECK_FE %f0,0xC1400000,6
        LFD     %f0,0x4110000000000000
        ae      %f0,s_tiny-data(%r12)   # 1 + 16^-7: lost beyond the guard digit
        CHECK_CC 2,7
        CHECK_FE %f0,0x41100000,8
        # ---- normalized add/subtract, long
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x3410000000000000
        adr     %f0,%f2                 # 1 + 16^-13
        CHECK_FD %f0,0x4110000000000001,10
        LFD     %f0,0x4110000000000000
        ad      %f0,l_guard-data(%r12)  # 1 + 16^-14: only in the guard digit
        CHECK_FD %f0,0x4110000000000000,11
        LFD     %f2,0x40FFFFFFFFFFFFFF
        sdr     %f0,%f2                 # 1 - (1 - 16^-14)
        CHECK_CC 2,12
        CHECK_FD %f0,0x3310000000000000,13
        LFD     %f0,0x4120000000000000
        sd      %f0,l_three-data(%r12)  # 2 - 3
        CHECK_CC 1,14
        CHECK_FD %f0,0xC110000000000000,15
        # ---- extended
        LFX     %f0,%f2,0x4110000000000000,0x3300000000000000
        LFX     %f4,%f6,0x2610000000000000,0x1800000000000000
        axr     %f0,%f4                 # 1 + 16^-27
        CHECK_CC 2,20
        CHECK_FX %f0,%f2,0x4110000000000000,0x3300000000000001,21
        LFX     %f4,%f6,0x4110000000000000,0x3300000000000000
        sxr     %f0,%f4                 # back to 16^-27
        CHECK_CC 2,22
        CHECK_FX %f0,%f2,0x2610000000000000,0x1800000000000000,23
        EXPECT_PGM 0x0006,1f
        .short  0x3624                  # axr %f2,%f4: not a pair
        FAIL    24
1:      CHECK_PGM_TAKEN 25
        # ---- unnormalized
        LFD     %f0,0x4300001000000000
        LFD     %f2,0x4200010000000000
        aur     %f0,%f2
        CHECK_CC 2,30
        CHECK_FE %f0,0x43000020,31
        LFD     %f0,0x4180000000000000
        au      %f0,s_eight-data(%r12)  # a carry still shifts right
        CHECK_FE %f0,0x42100000,32
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x40FFFFFF00000000
        sur     %f0,%f2                 # the nonzero guard digit is dropped
        CHECK_CC 0,33
        CHECK_FE %f0,0,34
        LFD     %f0,0x4300030000000000
        su      %f0,s_unn-data(%r12)
        CHECK_CC 2,35
        CHECK_FE %f0,0x43000200,36
        LFD     %f0,0x4400000000000010
        LFD     %f2,0x4300000000000100
        awr     %f0,%f2
        CHECK_FD %f0,0x4400000000000020,37
        LFD     %f0,0xC100000000000001
        aw      %f0,l_pos3-data(%r12)   # the larger magnitude gives the sign
        CHECK_CC 2,38
        CHECK_FD %f0,0x4100000000000002,39
        LFD     %f0,0x4100000000000005
        sw      %f0,l_pos7-data(%r12)
        CHECK_CC 1,40
        CHECK_FD %f0,0xC100000000000002,41
        LFD     %f0,0x4200000000001000
        LFD     %f2,0x4100000000010000
        swr     %f0,%f2                 # equal values: true zero
        CHECK_CC 0,42
        CHECK_FD %f0,0,43
        # ---- compare
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x4130000000000000
        cer     %f0,%f2
        CHECK_CC 1,50
        ce      %f2,s_one-data(%r12)
        CHECK_CC 2,51
        LFD     %f4,0x4201000000000000  # 1.0 unnormalized
        cer     %f0,%f4
        CHECK_CC 0,52
        LFD     %f4,0x4100000000000000
        LFD     %f6,0x3F00000100000000  # shifted beyond the guard digit
        cer     %f4,%f6
        CHECK_CC 0,53
        LFD     %f6,0x4000000100000000  # in the guard digit
        cer     %f4,%f6
        CHECK_CC 1,54
        LFD     %f4,0x4500000000000000
        LFD     %f6,0x8000000000000000
        cdr     %f4,%f6                 # zero fractions are equal
        CHECK_CC 0,55
        cd      %f0,l_onep-data(%r12)   # 1 vs 1 + 16^-13
        CHECK_CC 1,56
        LFX     %f0,%f2,0x4110000000000000,0x3300000000000000
        LFX     %f4,%f6,0x4110000000000000,0x3300000000000001
        cxr     %f0,%f4
        CHECK_CC 1,57
        cxr     %f4,%f0
        CHECK_CC 2,58
        cxr     %f0,%f0
        CHECK_CC 0,59
        # ---- exponent overflow: completed, characteristic 128 too small
        LFD     %f0,0x7F80000000000000
        EXPECT_PGM 0x000C,2f
        aer     %f0,%f0
        FAIL    60
2:      CHECK_CC 2,62
        CHECK_PGM_TAKEN 61
        CHECK_ILC 2,63
        CHECK_FE %f0,0x00100000,64
        LFD     %f0,0xFFF0000000000000
        EXPECT_PGM 0x000C,3f
        ad      %f0,l_neg-data(%r12)
        FAIL    65
3:      CHECK_CC 1,67
        CHECK_PGM_TAKEN 66
        CHECK_ILC 4,68
        CHECK_FD %f0,0x8010000000000000,69
        LFD     %f0,0x7FF0000000000000
        EXPECT_PGM 0x000C,4f
        au      %f0,s_big-data(%r12)
        FAIL    70
4:      CHECK_PGM_TAKEN 71
        CHECK_FE %f0,0x00100000,72
        # ---- exponent underflow: 1.0*16^-64 - 0.5*16^-64
        LFD     %f0,0x0010000000000000
        LFD     %f2,0x0008000000000000
        ser     %f0,%f2                 # mask off: true zero
        CHECK_CC 0,80
        CHECK_FE %f0,0,81
        SETPM   2
        LFD     %f0,0x0010000000000000
        EXPECT_PGM 0x000D,5f
        ser     %f0,%f2
        FAIL    82
5:      CHECK_CC 2,84
        CHECK_PGM_TAKEN 83
        CHECK_FE %f0,0x7F800000,85
        LFX     %f0,%f2,0x0010000000000000,0
        LFX     %f4,%f6,0x0008000000000000,0
        EXPECT_PGM 0x000D,6f
        sxr     %f0,%f4
        FAIL    86
6:      CHECK_PGM_TAKEN 87
        CHECK_FX %f0,%f2,0x7F80000000000000,0x7100000000000000,88
        SETPM   0
        LFX     %f0,%f2,0x0010000000000000,0
        sxr     %f0,%f4
        CHECK_CC 0,89
        CHECK_FX %f0,%f2,0,0,90
        # ---- significance: zero keeps the characteristic under the mask
        LFD     %f0,0xC212345600000000
        LFD     %f2,0x4212345600000000
        aer     %f0,%f2                 # mask off: true zero
        CHECK_CC 0,100
        CHECK_FE %f0,0,101
        SETPM   1
        LFD     %f0,0xC212345600000000
        EXPECT_PGM 0x000E,7f
        aer     %f0,%f2
        FAIL    102
7:      CHECK_CC 0,104
        CHECK_PGM_TAKEN 103
        CHECK_FE %f0,0x42000000,105
        LFD     %f0,0x4110000000000000
        LFD     %f2,0x40FFFFFF00000000
        EXPECT_PGM 0x000E,8f
        sur     %f0,%f2
        FAIL    106
8:      CHECK_PGM_TAKEN 107
        CHECK_FE %f0,0x41000000,108
        LFX     %f0,%f2,0x4110000000000000,0x3300000000000000
        EXPECT_PGM 0x000E,9f
        sxr     %f0,%f0
        FAIL    109
9:      CHECK_PGM_TAKEN 110
        CHECK_FX %f0,%f2,0x4100000000000000,0x3300000000000000,111
        SETPM   0
        TEST_END
        .balign 8
data:
s_f:    .long   0x40FFFFFF
s_tiny: .long   0x3A100000
s_eight: .long  0x41800000
s_unn:  .long   0x43000100
s_one:  .long   0x41100000
s_big:  .long   0x7F100000
l_guard: .quad  0x3310000000000000
l_three: .quad  0x4130000000000000
l_pos3: .quad   0x4100000000000003
l_pos7: .quad   0x4100000000000007
l_onep: .quad   0x4110000000000001
l_neg:  .quad   0xFF10000000000000

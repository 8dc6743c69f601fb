# HFP loads, stores, sign control, load zero, load lengthened and load
# rounded (SA22-7201 chapter 18, z/Architecture HFP extensions).  Short
# operands are bits 0-31 of an FPR; a short result leaves bits 32-63.  An
# extended operand is a register pair: the low-order part gets the sign and
# a characteristic 14 less than the high-order part.  CC: 0 zero fraction,
# 1 negative, 2 positive.
        .include "lib.inc"
        .include "hfp.inc"
        TEST_BEGIN
        larl    %r12,data
        # ---- LER, LDR, LE, LD, STE, STD
        LFD     %f0,0x41123456789ABCDE
        LFD     %f2,0xC2ABCDEF01234567
        ler     %f2,%f0
        CHECK_FD %f2,0x4112345601234567,1
        ldr     %f4,%f0
        CHECK_FD %f4,0x41123456789ABCDE,2
        le      %f4,s_neg-data(%r12)
        CHECK_FD %f4,0xC1200000789ABCDE,3
        ld      %f6,l_val-data(%r12)
        CHECK_FD %f6,0x0112345678ABCDEF,4
        ste     %f0,out-data(%r12)
        std     %f0,out+4-data(%r12)
        CHECK_MEM "out-data(12,%r12)",w_store,5
        # ---- short sign control
        LFD     %f0,0x41123456FFFFFFFF
        LFD     %f2,0x0000000011111111
        lter    %f2,%f0
        CHECK_CC 2,10
        CHECK_FD %f2,0x4112345611111111,11
        lcer    %f2,%f0
        CHECK_CC 1,12
        CHECK_FD %f2,0xC112345611111111,13
        lper    %f4,%f2
        CHECK_CC 2,14
        CHECK_FE %f4,0x41123456,15
        lner    %f4,%f0
        CHECK_CC 1,16
        CHECK_FE %f4,0xC1123456,17
        LFD     %f6,0x8000000000000000  # minus zero: CC 0, kept as is
        lter    %f4,%f6
        CHECK_CC 0,18
        CHECK_FE %f4,0x80000000,19
        LFD     %f6,0x45000000FFFFFFFF
        lcer    %f4,%f6
        CHECK_CC 0,20
        CHECK_FE %f4,0xC5000000,21
        lner    %f4,%f6
        CHECK_CC 0,22
        lper    %f4,%f4
        CHECK_CC 0,23
        CHECK_FE %f4,0x45000000,24
        # ---- long sign control: the low half counts for the CC
        LFD     %f0,0xC100000000000001
        lpdr    %f2,%f0
        CHECK_CC 2,30
        CHECK_FD %f2,0x4100000000000001,31
        lndr    %f4,%f2
        CHECK_CC 1,32
        CHECK_FD %f4,0xC100000000000001,33
        lcdr    %f4,%f0
        CHECK_CC 2,34
        CHECK_FD %f4,0x4100000000000001,35
        ltdr    %f4,%f0
        CHECK_CC 1,36
        LFD     %f6,0x4500000000000000
        ltdr    %f4,%f6
        CHECK_CC 0,37
        lcdr    %f4,%f6
        CHECK_CC 0,38
        CHECK_FD %f4,0xC500000000000000,39
        # ---- extended sign control and LXR
        LFX     %f0,%f2,0x4112345678ABCDEF,0x00FEDCBA98765432
        ltxr    %f4,%f0
        CHECK_CC 2,40
        CHECK_FX %f4,%f6,0x4112345678ABCDEF,0x33FEDCBA98765432,41
        lcxr    %f4,%f0
        CHECK_CC 1,42
        CHECK_FX %f4,%f6,0xC112345678ABCDEF,0xB3FEDCBA98765432,43
        lpxr    %f4,%f4
        CHECK_CC 2,44
        CHECK_FX %f4,%f6,0x4112345678ABCDEF,0x33FEDCBA98765432,45
        lnxr    %f4,%f0
        CHECK_CC 1,46
        CHECK_FX %f4,%f6,0xC112345678ABCDEF,0xB3FEDCBA98765432,47
        lxr     %f4,%f0                 # a plain copy
        CHECK_FX %f4,%f6,0x4112345678ABCDEF,0x00FEDCBA98765432,48
        # a zero fraction: characteristics zero, the sign as the operation says
        LFX     %f0,%f2,0xC500000000000000,0x1200000000000000
        ltxr    %f4,%f0
        CHECK_CC 0,50
        CHECK_FX %f4,%f6,0x8000000000000000,0x8000000000000000,51
        lpxr    %f4,%f0
        CHECK_CC 0,52
        CHECK_FX %f4,%f6,0,0,53
        lcxr    %f4,%f4
        CHECK_CC 0,54
        CHECK_FX %f4,%f6,0x8000000000000000,0x8000000000000000,55
        # R2 6 does not designate a pair: specification exception
        EXPECT_PGM 0x0006,1f
        .long   0xb3610046              # lnxr %f4,%f6
        FAIL    56
1:      CHECK_PGM_TAKEN 57
        CHECK_ILC 4,58
        # ---- load zero
        LFD     %f0,0x4112345678ABCDEF
        lzer    %f0
        CHECK_FD %f0,0x0000000078ABCDEF,60
        LFD     %f0,0x4112345678ABCDEF
        lzdr    %f0
        CHECK_FD %f0,0,61
        LFX     %f4,%f6,0x4112345678ABCDEF,0x3312345678ABCDEF
        lzxr    %f4
        CHECK_FX %f4,%f6,0,0,62
        # ---- load lengthened: zeros appended, no normalization
        LFD     %f0,0x41123456789ABCDE
        lder    %f2,%f0
        CHECK_FD %f2,0x4112345600000000,70
        lde     %f2,s_zero-data(%r12)
        CHECK_FD %f2,0xC500000000000000,71
        lxdr    %f4,%f0
        CHECK_FX %f4,%f6,0x41123456789ABCDE,0x3300000000000000,72
        lxer    %f4,%f0
        CHECK_FX %f4,%f6,0x4112345600000000,0x3300000000000000,73
        lxd     %f4,l_val-data(%r12)   # characteristic 01: low part 73
        CHECK_FX %f4,%f6,0x0112345678ABCDEF,0x7300000000000000,74
        lxe     %f4,s_neg-data(%r12)
        CHECK_FX %f4,%f6,0xC120000000000000,0xB300000000000000,75
        LFD     %f0,0xC500000000000000  # zero fraction: only the sign stays
        lxdr    %f4,%f0
        CHECK_FX %f4,%f6,0x8000000000000000,0x8000000000000000,76
        # ---- load rounded: one added at the first bit dropped
        LFD     %f0,0x4112345680000000
        LFD     %f2,0x0000000022222222
        ledr    %f2,%f0
        CHECK_FD %f2,0x4112345722222222,80
        LFD     %f0,0x411234567FFFFFFF
        ledr    %f2,%f0
        CHECK_FE %f2,0x41123456,81
        LFD     %f0,0xC1FFFFFF80000000  # carry: one digit right
        ledr    %f2,%f0
        CHECK_FE %f2,0xC2100000,82
        LFX     %f0,%f2,0x41123456789ABCDE,0x3380000000000000
        ldxr    %f6,%f0
        CHECK_FD %f6,0x41123456789ABCDF,83
        LFX     %f0,%f2,0x4112345680000000,0x3300000000000000
        lexr    %f6,%f0
        CHECK_FE %f6,0x41123457,84
        # exponent overflow: completed with the characteristic 128 too small
        LFD     %f0,0x7FFFFFFF80000000
        EXPECT_PGM 0x000C,2f
        ledr    %f2,%f0
        FAIL    85
2:      CHECK_PGM_TAKEN 86
        CHECK_ILC 2,87
        CHECK_FE %f2,0x00100000,88
        TEST_END
        .balign 8
data:
s_neg:  .long   0xC1200000
s_zero: .long   0xC5000000
l_val:  .quad   0x0112345678ABCDEF
out:    .long   0,0,0
w_store: .long  0x41123456,0x41123456,0x789ABCDE

# General instructions (SA22-7201 chapter 7 and the z900 additions):
# loads/stores, logical and signed arithmetic, compares, shifts, interlocked
# updates, PSW fields, byte reversal, 64-bit helpers.
        .include "lib.inc"
        TEST_BEGIN
        larl    %r11,area
        # LH sign-extends, STH/STC store the low bytes, IC inserts one byte
        lh      %r1,hneg-_start(0)              # X'8001'
        CHECK_R %r1, 0xFFFF8001, 1
        sth     %r1,0(%r11)
        stc     %r1,2(%r11)
        CHECK_MEM "0(3,%r11)", sthres, 2
        l       %r2,allones-_start(0)
        ic      %r2,hneg-_start(0)
        CHECK_R %r2, 0xFFFFFF80, 3
        # LM/STM wrap around from R14 to R1
        larl    %r3,four
        lm      %r14,%r1,0(%r3)
        CHECK_R %r0, 3, 4
        CHECK_R %r1, 4, 5
        stm     %r0,%r1,0(%r11)
        CHECK_MEM "0(8,%r11)", four+8, 6
        # LPR/LNR/LCR/LTR
        lhi     %r1,-5
        lpr     %r2,%r1
        CHECK_CC 2, 7
        CHECK_R %r2, 5, 8
        lnr     %r3,%r2
        CHECK_CC 1, 9
        CHECK_R %r3, 0xFFFFFFFB, 10
        lcr     %r4,%r3
        CHECK_CC 2, 11
        l       %r5,minint-_start(0)
        lpr     %r6,%r5                         # overflow: result stays max negative
        CHECK_CC 3, 12
        CHECK_R %r6, 0x80000000, 13
        lcr     %r6,%r5
        CHECK_CC 3, 14
        ltr     %r7,%r5
        CHECK_CC 1, 15
        # N/O/X storage forms and CC
        l       %r1,pat-_start(0)               # X'F0F0F0F0'
        n       %r1,mask-_start(0)              # & X'0FF00FF0'
        CHECK_CC 1, 16
        CHECK_R %r1, 0x00F000F0, 17
        o       %r1,mask-_start(0)
        CHECK_R %r1, 0x0FF00FF0, 18
        x       %r1,mask-_start(0)
        CHECK_CC 0, 19
        # logical compare vs signed compare
        lhi     %r1,-1
        lhi     %r2,1
        cr      %r1,%r2
        CHECK_CC 1, 20
        clr     %r1,%r2
        CHECK_CC 2, 21
        cl      %r2,allones-_start(0)
        CHECK_CC 1, 22
        ch      %r2,hneg-_start(0)              # 1 > -32767
        CHECK_CC 2, 23
        chi     %r1,-1
        CHECK_CC 0, 24
        # A/S/AH/SH/AL/SL storage forms
        lhi     %r3,100
        a       %r3,four-_start(0)              # +1
        s       %r3,four+4-_start(0)            # -2
        ah      %r3,hneg-_start(0)              # + -32767
        sh      %r3,hneg-_start(0)              # - -32767
        CHECK_R %r3, 99, 25
        l       %r4,allones-_start(0)
        al      %r4,four-_start(0)              # FFFFFFFF + 1 = 0 carry: CC 2
        CHECK_CC 2, 26
        sl      %r4,four-_start(0)              # 0 - 1: borrow, nonzero: CC 1
        CHECK_CC 1, 27
        # multiply forms: MH/MHI/MS/MSR keep 32 bits, MR/M give 64
        lhi     %r5,300
        mh      %r5,hneg-_start(0)              # 300 * -32767 = -9830100
        CHECK_R %r5, 0xFF6A012C, 28
        mhi     %r5,-1
        CHECK_R %r5, 9830100, 29
        l       %r6,big-_start(0)               # 0x12345678
        msr     %r6,%r6                         # low 32 bits of 0x12345678**2
        CHECK_R %r6, 0x1DF4D840, 30
        l       %r7,big-_start(0)
        ms      %r7,big-_start(0)
        CHECK_R %r7, 0x1DF4D840, 31
        lhi     %r9,-2
        mr      %r8,%r9                         # R9 * R9 = 4
        CHECK_R %r8, 0, 32
        CHECK_R %r9, 4, 33
        # D: the storage form of DR, -100 / 7 = -14 remainder -2
        lhi     %r8,-1
        lhi     %r9,-100
        d       %r8,seven-_start(0)
        CHECK_R %r8, 0xFFFFFFFE, 79
        CHECK_R %r9, 0xFFFFFFF2, 80
        # ML/MLR/DL/DLR: unsigned 64-bit
        l       %r9,allones-_start(0)
        mlr     %r8,%r9                         # FFFFFFFF**2 = FFFFFFFE 00000001
        CHECK_R %r8, 0xFFFFFFFE, 34
        CHECK_R %r9, 1, 35
        dl      %r8,allones-_start(0)           # back to FFFFFFFF rem 0
        CHECK_R %r9, 0xFFFFFFFF, 36
        CHECK_R %r8, 0, 37
        lhi     %r8,1
        sr      %r9,%r9                         # 2**32 / 1 does not fit: divide exception
        EXPECT_PGM 0x0009, 1f
        lhi     %r2,1
        dlr     %r8,%r2
        FAIL    38
1:      CHECK_PGM_TAKEN 39
        lhi     %r8,0
        l       %r9,big-_start(0)
        ml      %r8,four+4-_start(0)            # * 2
        CHECK_R %r9, 0x2468ACF0, 40
        # ALC/ALCR/SLB/SLBR chain a 64-bit add and subtract
        l       %r0,allones-_start(0)           # R0:R1 = 00000000 FFFFFFFF
        sr      %r0,%r0
        l       %r1,allones-_start(0)
        alr     %r1,%r1                         # low: FFFFFFFE carry
        alcr    %r0,%r0                         # high: 0+0+1
        CHECK_R %r0, 1, 41
        CHECK_R %r1, 0xFFFFFFFE, 42
        sl      %r1,allones-_start(0)           # FFFFFFFE - FFFFFFFF: borrow
        slbr    %r0,%r2                         # 1 - 1 - borrow = -1
        CHECK_R %r0, 0xFFFFFFFF, 43
        sr      %r3,%r3
        cr      %r3,%r3                         # CC 0: carry bit off
        alc     %r3,four-_start(0)              # 0 + 1 + 0
        CHECK_R %r3, 1, 44
        lhi     %r3,5
        cr      %r3,%r3                         # CC 0: a borrow pending
        slb     %r3,four-_start(0)              # 5 - 1 - 1 = 3
        CHECK_R %r3, 3, 45
        # shifts
        l       %r1,pat-_start(0)
        srl     %r1,4
        CHECK_R %r1, 0x0F0F0F0F, 46
        sra     %r1,1
        CHECK_CC 2, 47
        lhi     %r1,-16
        sra     %r1,2
        CHECK_R %r1, 0xFFFFFFFC, 48
        lhi     %r1,0x4000
        sll     %r1,16                          # X'40000000'
        sla     %r1,1                           # overflow into the sign: CC 3
        CHECK_CC 3, 49
        CHECK_R %r1, 0, 50                      # sign kept (0), magnitude shifted out
        lhi     %r2,1
        sr      %r3,%r3
        sldl    %r2,32                          # R2:R3 = 1:0 -> 0 ... moves R3 into R2
        CHECK_R %r2, 0, 51
        lhi     %r2,1
        srdl    %r2,1
        CHECK_R %r3, 0x80000000, 52
        lhi     %r2,-1
        lhi     %r3,-4
        srda    %r2,1
        CHECK_CC 1, 53
        CHECK_R %r3, 0xFFFFFFFE, 54
        lhi     %r2,0
        lhi     %r3,1
        slda    %r2,62                          # into bit 1, sign 0: no overflow
        CHECK_CC 2, 55
        CHECK_R %r2, 0x40000000, 56
        l       %r4,big-_start(0)
        rll     %r5,%r4,8
        CHECK_R %r5, 0x34567812, 57
        # CS / CDS / TS
        l       %r1,big-_start(0)
        st      %r1,0(%r11)
        l       %r2,allones-_start(0)
        cs      %r1,%r2,0(%r11)                 # equal: swapped
        CHECK_CC 0, 58
        cs      %r1,%r2,0(%r11)                 # now unequal: R1 loaded
        CHECK_CC 1, 59
        CHECK_R %r1, 0xFFFFFFFF, 60
        xc      0(8,%r11),0(%r11)
        sr      %r0,%r0
        sr      %r1,%r1
        l       %r2,big-_start(0)
        lr      %r3,%r2
        cds     %r0,%r2,0(%r11)
        CHECK_CC 0, 61
        CHECK_MEM "0(8,%r11)", bigbig, 62
        EXPECT_PGM 0x0006, 2f                   # CS on an unaligned word
        cs      %r1,%r2,1(%r11)
        FAIL    63
2:      CHECK_PGM_TAKEN 64
        mvi     8(%r11),0x00
        ts      8(%r11)
        CHECK_CC 0, 65
        ts      8(%r11)
        CHECK_CC 1, 66
        # IPM/SPM/EPSW: CC and program mask
        lhi     %r1,-1
        ltr     %r1,%r1                         # CC 1
        l       %r2,allones-_start(0)
        ipm     %r2
        CHECK_R %r2, 0x10FFFFFF, 67             # bits 0-1 zero, CC 1, PM 0
        l       %r3,spmval-_start(0)            # CC 2, PM B'0100' (decimal overflow)
        spm     %r3
        epsw    %r4,%r5
epswnext:
        CHECK_R %r4, 0x00082400, 68
        CHECK_R %r5, 0x80000000+epswnext, 69
        l       %r3,spmzero-_start(0)
        spm     %r3
        # byte-reversed loads and stores
        lrv     %r1,big-_start(0)
        CHECK_R %r1, 0x78563412, 70
        lrvr    %r2,%r1
        CHECK_R %r2, 0x12345678, 71
        l       %r3,allones-_start(0)
        lrvh    %r3,big-_start(0)               # X'1234' reversed into bits 16-31
        CHECK_R %r3, 0xFFFF3412, 72
        strv    %r2,0(%r11)
        strvh   %r2,4(%r11)
        CHECK_MEM "0(6,%r11)", revres, 73
        # TMH/TML (test under mask high/low)
        l       %r1,big-_start(0)               # X'12345678'
        tmh     %r1,0x1234
        CHECK_CC 3, 74
        tml     %r1,0x0081                      # X'5678' & X'0081' = X'0000'
        CHECK_CC 0, 75
        tml     %r1,0x8040                      # X'0040' selected: leftmost bit 0
        CHECK_CC 1, 76
        tmh     %r1,0x1001                      # X'1000' selected: leftmost bit 1
        CHECK_CC 2, 77
        # LAE forms the address like LA
        lae     %r1,12(%r11)
        CHECK_R %r1, area+12, 78
        TEST_END
        .balign 4
allones: .long  0xFFFFFFFF
minint: .long   0x80000000
pat:    .long   0xF0F0F0F0
mask:   .long   0x0FF00FF0
big:    .long   0x12345678
seven:  .long   7
spmval: .long   0x24000000
spmzero: .long  0
four:   .long   1,2,3,4
bigbig: .long   0x12345678,0x12345678
hneg:   .short  0x8001
sthres: .byte   0x80,0x01,0x01
        .balign 2
revres: .byte   0x78,0x56,0x34,0x12,0x78,0x56
        .balign 8
area:   .space  64

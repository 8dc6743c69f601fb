# Character and immediate instructions (SA22-7201 chapter 7): moves with
# overlap, compares, boolean SS/SI, under-mask operations, MVCL and CLCL.
        .include "lib.inc"
        TEST_BEGIN
        larl    %r11,area               # R11: 256-byte work area
        # MVC with destination one byte into the source propagates byte 0
        mvi     0(%r11),0xC1
        mvc     1(15,%r11),0(%r11)
        CHECK_MEM "0(16,%r11)", allc1, 1
        # MVC overlapping the other way behaves as a plain move
        larl    %r2,digits
        mvc     0(10,%r11),0(%r2)
        mvc     0(9,%r11),1(%r11)
        CHECK_MEM "0(9,%r11)", digits1, 2
        # CLC: equal, low, high
        clc     0(4,%r11),0(%r11)
        CHECK_CC 0, 3
        clc     0(3,%r2),digits1-digits(%r2)    # "012" < "123"
        CHECK_CC 1, 4
        clc     digits1-digits(3,%r2),0(%r2)
        CHECK_CC 2, 5
        # XC of a field with itself clears it, CC 0; NC/OC/XC results
        xc      0(16,%r11),0(%r11)
        CHECK_CC 0, 6
        CHECK_MEM "0(16,%r11)", zeros, 7
        mvc     0(4,%r11),pat1-_start(0)        # F0F0 0F0F
        nc      0(4,%r11),pat2-_start(0)        # & FF00 FF00 = F000 0F00
        CHECK_CC 1, 8
        CHECK_MEM "0(4,%r11)", and12, 9
        oc      0(4,%r11),pat2-_start(0)        # | FF00 FF00 = FF00 FF00
        CHECK_MEM "0(4,%r11)", pat2, 10
        xc      0(4,%r11),pat2-_start(0)
        CHECK_CC 0, 11
        # MVN / MVZ: numeric and zone halves
        mvc     0(3,%r11),digits-_start(0)      # F0 F1 F2
        mvn     0(3,%r11),pat3-_start(0)        # low nibbles of C7 D8 E9
        CHECK_MEM "0(3,%r11)", mvnres, 12
        mvz     0(3,%r11),pat3-_start(0)        # high nibbles
        CHECK_MEM "0(3,%r11)", pat3, 13
        # MVCIN: reversed copy; the operand 2 address is its rightmost byte
        mvcin   0(5,%r11),digits+4-_start(0)
        CHECK_MEM "0(5,%r11)", rev5, 14
        # TR with a table that maps digits F0-F9 to C1-CA (data are EBCDIC)
        mvc     0(4,%r11),digits-_start(0)
        larl    %r3,trtab
        tr      0(4,%r11),0(%r3)
        CHECK_MEM "0(4,%r11)", trres, 15
        # TRT: stops at the first nonzero function byte
        larl    %r4,trttab
        l       %r1,allones-_start(0)
        sr      %r2,%r2
        trt     digits-_start(10,0),0(%r4)      # function byte at '7' (X'F7') is 5
        CHECK_CC 1, 16
        CHECK_R %r1, digits+7, 17               # 31-bit mode: bit 0 set to zero
        CHECK_R %r2, 5, 18
        trt     digits-_start(7,0),0(%r4)       # none of 0-6 selected
        CHECK_CC 0, 19
        # SI: MVI CLI TM NI OI XI
        mvi     0(%r11),0x5A
        cli     0(%r11),0x5A
        CHECK_CC 0, 20
        cli     0(%r11),0x5B
        CHECK_CC 1, 21
        tm      0(%r11),0x0A                    # 0101 1010 & 0000 1010 = all ones
        CHECK_CC 3, 22
        tm      0(%r11),0x60                    # mixed
        CHECK_CC 1, 23
        tm      0(%r11),0x24                    # all zero
        CHECK_CC 0, 24
        ni      0(%r11),0x0F
        CHECK_CC 1, 25
        oi      0(%r11),0xF0
        xi      0(%r11),0xFA
        CHECK_CC 0, 26
        # ICM / STCM / CLM
        l       %r5,allones-_start(0)
        icm     %r5,0b1010,digits-_start(0)     # bytes 0 and 2 from F0 F1
        CHECK_CC 1, 28                          # leftmost inserted bit one
        CHECK_R %r5, 0xF0FFF1FF, 27
        icm     %r5,0,digits-_start(0)
        CHECK_CC 0, 29
        stcm    %r5,0b0101,0(%r11)
        CHECK_MEM "0(2,%r11)", ffff, 30
        clm     %r5,0b1000,digits-_start(0)     # F0 vs F0
        CHECK_CC 0, 31
        clm     %r5,0b0010,digits-_start(0)     # F1 vs F0: high
        CHECK_CC 2, 32
        # masks select bytes left to right: R4 = R5 = F0FFF1FF
        lr      %r4,%r5
        stcm    %r4,0b1011,0(%r11)              # bytes 0, 2, 3
        CHECK_MEM "0(3,%r11)", f0f1ff, 41
        icm     %r4,0b0110,digits+2-_start(0)   # F2 F3 into bytes 1, 2
        CHECK_CC 1, 42
        CHECK_R %r4, 0xF0F2F3FF, 43
        icm     %r4,0b0011,zero7f-_start(0)     # 00 7F: nonzero, leftmost bit 0
        CHECK_CC 2, 44
        CHECK_R %r4, 0xF0F2007F, 45
        clm     %r4,0b1001,digits-_start(0)     # F0 7F vs F0 F1: low
        CHECK_CC 1, 46
        icm     %r4,0b0101,zero7f-_start(0)     # zero byte first: CC still 2
        CHECK_CC 2, 47
        CHECK_R %r4, 0xF000007F, 48
        # MVCL: 20 bytes from 10 with padding X'40'; CC 2 (first longer)
        lr      %r6,%r11
        lhi     %r7,20
        larl    %r8,digits
        l       %r9,pad10
        mvcl    %r6,%r8
        CHECK_CC 2, 33
        CHECK_MEM "0(20,%r11)", padded, 34
        CHECK_R %r7, 0, 35
        CHECK_R %r9, 0x40000000, 36     # pad byte kept, length 0
        # MVCL destructive overlap: CC 3, nothing moved
        lr      %r6,%r11
        la      %r6,1(%r6)
        lhi     %r7,8
        lr      %r8,%r11
        lhi     %r9,8
        mvcl    %r6,%r8
        CHECK_CC 3, 37
        CHECK_R %r7, 8, 38
        # CLCL with padding: "0123456789" vs "01234567" padded with F8: unequal at index 8
        larl    %r6,digits
        lhi     %r7,10
        larl    %r8,digits
        l       %r9,pad8
        clcl    %r6,%r8
        CHECK_CC 1, 39                  # X'F8' (digit 8) below the pad X'F9'
        CHECK_R %r7, 2, 40
        TEST_END
        .balign 4
allones: .long  0xFFFFFFFF
pad10:  .long   0x4000000A              # pad X'40', length 10
pad8:   .long   0xF9000008              # pad X'F9', length 8
        .balign 2
pat1:   .byte   0xF0,0xF0,0x0F,0x0F
        .balign 2
pat2:   .byte   0xFF,0x00,0xFF,0x00
        .balign 2
and12:  .byte   0xF0,0x00,0x0F,0x00
        .balign 2
pat3:   .byte   0xC7,0xD8,0xE9
        .balign 2
mvnres: .byte   0xF7,0xF8,0xF9
        .balign 2
ffff:   .byte   0xFF,0xFF
        .balign 2
f0f1ff: .byte   0xF0,0xF1,0xFF
        .balign 2
zero7f: .byte   0x00,0x7F
        .balign 2
digits:
        .byte   0xF0,0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xF8,0xF9
        .balign 2
digits1:
        .byte   0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xF8,0xF9
        .balign 2
rev5:
        .byte   0xF4,0xF3,0xF2,0xF1,0xF0
        .balign 2
trres:  .byte   0xC1,0xC2,0xC3,0xC4
        .balign 2
padded:
        .byte   0xF0,0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xF8,0xF9
        .byte   0x40,0x40,0x40,0x40,0x40,0x40,0x40,0x40,0x40,0x40
        .balign 2
allc1:  .fill   16,1,0xC1
        .balign 2
zeros:  .fill   16,1,0
        .balign 256
trtab:  .fill   0xF0,1,0                # identity for nothing but F0-F9
        .byte   0xC1,0xC2,0xC3,0xC4,0xC5,0xC6,0xC7,0xC8,0xC9,0xCA
        .fill   6,1,0
trttab: .fill   0xF7,1,0
        .byte   5
        .fill   8,1,0
area:   .space  256

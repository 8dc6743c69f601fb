# PAGE IN, PAGE OUT (SA22-7201 chapter 10) with 64K of expanded storage
# (16 blocks): the round trip of a page, blocks beyond the end (CC 3),
# real addresses (bits 20-31 ignored, the 24-bit mode, prefixing), no
# key-controlled protection but low-address protection, the change bit,
# addressing and privileged-operation exceptions.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"

        .equ    PAGE_A, 0x20000
        .equ    PAGE_B, 0x21000
        .equ    PAGE_K, 0x22000         # storage key 5, fetch protected

        TEST_BEGIN
        # a pattern in page A: byte i = i mod 256 (4096 bytes)
        LV      %r2,PAGE_A
        lhi     %r3,0
        lhi     %r4,4096
1:      stc     %r3,0(%r3,%r2)
        ahi     %r3,1
        brct    %r4,1b
        LV      %r1,PAGE_A+0xABC        # bits 20-31 are ignored
        lhi     %r2,3
        pgout   %r1,%r2
        CHECK_CC 0, 1
        LV      %r1,PAGE_B
        pgin    %r1,%r2                 # block 3 into page B
        CHECK_CC 0, 2
        LV      %r4,PAGE_B
        LV      %r5,4096
        LV      %r6,PAGE_A
        lr      %r7,%r5
        clcl    %r4,%r6
        CHECK_CC 0, 3
        # blocks 16 and X'FFFFFFFF' are not available: CC 3, no move
        xc      0(256,%r1),0(%r1)
        lhi     %r2,16
        pgin    %r1,%r2
        CHECK_CC 3, 4
        CHECK_MEM "0(2,%r1)", zero, 5
        pgout   %r1,%r2
        CHECK_CC 3, 6
        lhi     %r2,-1
        pgin    %r1,%r2
        CHECK_CC 3, 7
        # block 15, the last one, holds zeros until written
        lhi     %r2,15
        pgin    %r1,%r2
        CHECK_CC 0, 8
        CHECK_MEM "0xFFE(2,%r1)", zero, 9
        # the 24-bit mode: bits 1-7 of R1 ignored as well
        sam24
        LV      %r1,0x7F000000+PAGE_B
        lhi     %r2,3
        pgin    %r1,%r2
        CHECK_CC 0, 10
        sam31
        LV      %r1,PAGE_B
        CHECK_MEM "0x101(2,%r1)", pattern, 11
        # key-controlled protection does not apply (PSW key 3, storage
        # key 5 with fetch protection); the change bit is set
        LV      %r1,PAGE_K
        lhi     %r0,0x58                # key 5, fetch protection
        sske    %r0,%r1
        spka    0x30
        lhi     %r2,3
        pgin    %r1,%r2
        CHECK_CC 0, 12
        pgout   %r1,%r2
        CHECK_CC 0, 13
        spka    0
        iske    %r0,%r1
        CHECK_R %r0, 0x5E, 14           # key 5, F, R, C
        CHECK_MEM "0x201(4,%r1)", pattern, 15
        # prefixing applies: with the prefix X'30000' (a copy of page 0
        # with a marker at X'500'), real page 0 is absolute X'30000'
        LV      %r4,0x30000
        lhi     %r5,4096
        lhi     %r6,0
        lhi     %r7,4096
        mvcl    %r4,%r6
        LV      %r4,0x30000
        mvc     0x500(4,%r4),marker
        spx     prefix
        lhi     %r1,0
        lhi     %r2,5
        pgout   %r1,%r2                 # real 0 = absolute X'30000'
        CHECK_CC 0, 16
        spx     prefix0
        LV      %r1,PAGE_B
        pgin    %r1,%r2
        CHECK_MEM "0x500(4,%r1)", marker, 17
        # low-address protection: PAGE IN to real 0 is refused, PAGE OUT
        # from it is not (the library's handler stores into low storage:
        # a handler of our own switches the protection off first)
        larl    %r3,lapnew
        mvc     0x68(8,0),0(%r3)
        SET_CR  %c0, 0x10000000+0x000000E0
        lhi     %r1,0
        pgin    %r1,%r2
        FAIL    18
laph:   SET_CR  %c0, 0x000000E0
        CHECK_MEM "0x8E(2,0)", code4, 19
        larl    %r3,libnew
        mvc     0x68(8,0),0(%r3)
        SET_CR  %c0, 0x10000000+0x000000E0
        pgout   %r1,%r2
        CHECK_CC 0, 20
        SET_CR  %c0, 0x000000E0
        # outside main storage (1M): addressing exception
        LV      %r1,0x00100000
        EXPECT_PGM 0x0005, 3f
        pgin    %r1,%r2
        FAIL    21
3:      CHECK_PGM_TAKEN 22
        EXPECT_PGM 0x0005, 4f
        pgout   %r1,%r2
        FAIL    23
4:      CHECK_PGM_TAKEN 24
        # privileged
        larl    %r2,svcpsw
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x00090000
        lhi     %r2,3
        EXPECT_PGM 0x0002, 5f
        pgin    %r1,%r2
        FAIL    25
5:      CHECK_PGM_TAKEN 26
        EXPECT_PGM 0x0002, 6f
        pgout   %r1,%r2
        FAIL    27
6:      svc     0
svcback: TEST_END

        .balign 8
svcpsw: .long   0x00080000, 0x80000000+svcback
lapnew: .long   0x00080000, 0x80000000+laph
libnew: .long   0x00080000, 0x80000300
code4:  .short  4
        .balign 4
prefix: .long   0x30000
prefix0: .long  0
marker: .long   0xC1C2C3C4
pattern: .byte  0x01, 0x02, 0x03, 0x04
zero:   .short  0

# MOVE TO PRIMARY, MOVE TO SECONDARY, MOVE WITH KEY, MOVE WITH SOURCE KEY,
# MOVE WITH DESTINATION KEY (SA22-7201 chapter 10): the spaces the
# operands are taken from, the true length in GR R1 (at most 256 bytes
# move, CC 3 when it was longer), the length in GR0 for MVCSK/MVCDK, the
# special-operation and privileged-operation rules, and the byte-by-byte
# result of overlapping operands.  (Storage-key protection with the
# explicit keys is covered by the unit tests.)
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"

        .equ    DST, 0x61000            # primary destinations
        .equ    SRC, 0x64000            # primary sources

        TEST_BEGIN
        LV      %r4,SECONDARY_FRAME     # the secondary view of SHARED_PAGE
        larl    %r2,secondary_text
        mvc     0(16,%r4),0(%r2)
        mvi     0xFF(%r4),0xAA          # bytes 255 and 256
        mvi     0x100(%r4),0xBB
        LV      %r4,SRC
        larl    %r2,primary_text
        mvc     0(16,%r4),0(%r2)
        # DAT off: special operation
        LV      %r5,DST
        LV      %r6,SHARED_PAGE
        lhi     %r1,16
        lhi     %r3,0
        EXPECT_PGM 0x0013, 1f
        mvcp    0(%r1,%r5),0(%r6),%r3
        FAIL    1
1:      SETUP_SPACES CR0_EXTRACT+CR0_ASF
        LV      %r5,DST
        SET_PSW 0x04080000              # DAT on, primary-space mode
        # secondary-space control off: special operation
        EXPECT_PGM 0x0013, 2f
        mvcs    0(%r1,%r6),0(%r5),%r3
        FAIL    2
2:      SET_CR  %c0, CR0_DAT_BASE+CR0_EXTRACT+CR0_SECONDARY+CR0_ASF
        # MVCP: 16 bytes from the secondary space
        mvcp    0(%r1,%r5),0(%r6),%r3
        CHECK_CC 0, 3
        CHECK_MEM "0(16,%r5)", secondary_text, 4
        # a true length of 300 moves 256 bytes, CC 3
        lhi     %r1,300
        mvcp    0x100(%r1,%r5),0(%r6),%r3
        CHECK_CC 3, 5
        CHECK_MEM "0x100(16,%r5)", secondary_text, 6
        CHECK_MEM "0x1FF(2,%r5)", aa00, 7
        CHECK_R %r1, 300, 8             # the register is not changed
        # a true length of zero moves nothing
        lhi     %r1,0
        mvi     0x300(%r5),0x11
        mvcp    0x300(%r1,%r5),0(%r6),%r3
        CHECK_CC 0, 9
        CHECK_MEM "0x300(1,%r5)", x11, 10
        # MVCS: from the primary space into the secondary space
        LV      %r7,SRC
        lhi     %r1,16
        mvcs    0x80(%r1,%r6),0(%r7),%r3
        CHECK_CC 0, 11
        LV      %r4,SECONDARY_FRAME     # identity in the primary space
        CHECK_MEM "0x80(16,%r4)", primary_text, 12
        CHECK_MEM "0x80(16,%r6)", zero16, 13  # primary SHARED_PAGE untouched
        # MVCP and MVCS are allowed in the secondary-space mode ...
        sac     0x100
        mvcp    0x400(%r1,%r5),0(%r6),%r3
        CHECK_CC 0, 14
        sac     0
        CHECK_MEM "0x400(16,%r5)", secondary_text, 15
        # ... but not in the access-register or home-space mode
        sac     0x200
        EXPECT_PGM 0x0013, 3f
        mvcp    0(%r1,%r5),0(%r6),%r3
        FAIL    16
3:      sac     0x300
        EXPECT_PGM 0x0013, 4f
        mvcs    0(%r1,%r6),0(%r5),%r3
        FAIL    17
4:      sac     0

        # MVCK: in the current space; true length and CC as for MVCP
        LV      %r8,DST+0x800
        lhi     %r1,257
        mvck    0x100(%r1,%r8),0(%r7),%r3
        CHECK_CC 3, 20
        lhi     %r1,16
        mvck    0(%r1,%r8),0(%r7),%r3
        CHECK_CC 0, 18
        CHECK_MEM "0(16,%r8)", primary_text, 19
        # overlapping operands: the first byte propagates
        lhi     %r1,8
        mvck    1(%r1,%r7),0(%r7),%r3
        CHECK_MEM "0(9,%r7)", propagated, 21
        # MVCK in the secondary-space mode moves in the secondary space
        sac     0x100
        lhi     %r1,4
        mvck    0x200(%r1,%r6),0(%r6),%r3
        sac     0
        CHECK_MEM "0x200(4,%r4)", secondary_text, 22
        # MVCK in the access-register mode: each operand's own ALET
        lhi     %r2,1
        sar     %a6,%r2                 # source: secondary
        lhi     %r2,0
        sar     %a8,%r2                 # destination: primary
        sac     0x200
        mvck    0x20(%r1,%r8),0(%r6),%r3
        sac     0
        CHECK_MEM "0x20(4,%r8)", secondary_text, 23

        # MVCSK and MVCDK: GR0 bits 24-31 = length - 1, GR1 = key
        lhi     %r0,3
        lhi     %r1,0
        mvcsk   0x40(%r8),9(%r7)
        CHECK_MEM "0x40(4,%r8)", pace, 24
        LV      %r0,0xFFFFFF00          # only bits 24-31: one byte
        mvcdk   0x50(%r8),0(%r7)
        CHECK_MEM "0x50(2,%r8)", mvcdk_one, 25

        # problem state: keys outside the PSW-key mask (keys 0 and 1)
        larl    %r2,svc_back
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000
        lhi     %r3,0x10                # key 1: permitted
        lhi     %r1,4
        mvcp    0x500(%r1,%r5),0(%r6),%r3
        CHECK_CC 0, 26
        lhi     %r3,0x20                # key 2: privileged operation
        EXPECT_PGM 0x0002, 5f
        mvcp    0x600(%r1,%r5),0(%r6),%r3
        FAIL    27
5:      EXPECT_PGM 0x0002, 6f
        mvcs    0(%r1,%r6),0(%r7),%r3
        FAIL    28
6:      EXPECT_PGM 0x0002, 7f
        mvck    0x600(%r1,%r5),0(%r7),%r3
        FAIL    29
7:      lhi     %r1,0xF0                # key 15
        EXPECT_PGM 0x0002, 8f
        mvcsk   0x600(%r5),0(%r7)
        FAIL    30
8:      EXPECT_PGM 0x0002, 9f
        mvcdk   0x600(%r5),0(%r7)
        FAIL    31
9:      svc     0
back:   CHECK_MEM "0x500(4,%r5)", secondary_text, 32
        CHECK_MEM "0x600(1,%r5)", zero16, 33
        SET_PSW 0x00080000
        TEST_END

        .balign 8
svc_back:       .long 0x04080000, 0x80000000+back
        .balign 2                       # LARL needs even addresses
secondary_text: .ascii "SECONDARY-SPACE!"
        .balign 2
primary_text:   .ascii "PRIMARY-SPACE..."
        .balign 2
zero16:         .fill 16,1,0
        .balign 2
aa00:           .byte 0xAA, 0x00
        .balign 2
x11:            .byte 0x11
        .balign 2
propagated:     .ascii "PPPPPPPPP"
        .balign 2
mvcdk_one:      .ascii "P"
                .byte 0
        .balign 2
pace:           .ascii "PACE"

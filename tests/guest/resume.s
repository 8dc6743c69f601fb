# RESUME PROGRAM (SA22-7201 chapter 10): the descriptor after the
# instruction, PSW bits 16-23 and 32-63 from the operand (the rest kept),
# access and general register B2, problem state, EXECUTE, the exceptions
# (flags, PSW, AR mode without the address-space function, home space in
# the problem state) and the space-switch event into and out of the
# home-space mode.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"

        TEST_BEGIN
        # CC 2, program mask F, 31-bit; bits 0-15 and 24-31 of the operand
        # do not matter
        larl    %r9,blk
        rp      0(%r9)
        .short  0, 0, 8, 12
        FAIL    1
res1:   ipm     %r2
        CHECK_R %r2, 0x2F000000, 2
        CHECK_R %r9, 0x12345678, 3
        ear     %r2,%a9
        CHECK_R %r2, 0xAAAAAAAA, 4
        stnsm   save-_start(0),0xFF               # the system mask is still zero
        CHECK_MEM "save-_start(1,0)", zero, 5
        lhi     %r2,0
        spm     %r2
        # B2 = 0: GR0 and AR0; the offsets reach the PSW in 24-bit mode
        larl    %r0,blk2
        rp      blk2-_start(0)
        .short  0, 16, 0, 4
        FAIL    6
res2:   CHECK_CC 1, 7
        CHECK_R %r0, 0x0BADCAFE, 8
        ear     %r2,%a0
        CHECK_R %r2, 0x0000AAAA, 9
        bras    %r2,1f                  # 24-bit mode: no bit 0
1:      LV      %r3, 1b
        cr      %r2,%r3
        je      2f
        FAIL    10
2:      sam31
        # the subject of EXECUTE: the descriptor follows the subject
        larl    %r9,blk
        larl    %r3,subject
        ex      0,0(%r3)
        FAIL    11
res3:   CHECK_R %r9, 0x12345678, 12
        # nonzero flags: specification, nothing changed
        larl    %r9,blk
        EXPECT_PGM 0x0006, 3f
        rp      0(%r9)
        .short  1, 0, 8, 12
3:      CHECK_PGM_TAKEN 13
        larl    %r2,blk
        cr      %r2,%r9
        je      4f
        FAIL    14
        # an odd resume address, a 24-bit PSW with bits 33-39 nonzero
4:      EXPECT_PGM 0x0006, 5f
        rp      0(%r9)
        .short  0, 24, 8, 12
5:      CHECK_PGM_TAKEN 15
        EXPECT_PGM 0x0006, 6f
        rp      0(%r9)
        .short  0, 32, 8, 12
6:      CHECK_PGM_TAKEN 16
        larl    %r2,blk
        cr      %r2,%r9
        je      7f
        FAIL    17

        # DAT on: AR mode without the address-space-function control
7:      SETUP_SPACES CR0_SECONDARY
        SET_PSW 0x04080000
        larl    %r9,blk
        EXPECT_PGM 0x0013, 8f
        rp      0(%r9)
        .short  0, 40, 8, 12
8:      CHECK_PGM_TAKEN 18
        # into the home-space mode with the home space-switch-event
        # control: the interruption follows the completed instruction,
        # TEID = PASN with bit 0 = the primary control (zero)
        SET_CR  %c13, PRIMARY_STO+0x80000000
        EXPECT_PGM 0x001C, res4
        rp      0(%r9)
        .short  0, 48, 8, 12
        FAIL    19
res4:   CHECK_PGM_TAKEN 20
        CHECK_MEM "0x28(8,0)", old_home, 21
        CHECK_MEM "0x90(4,0)", teid_into, 22
        CHECK_R %r9, 0x12345678, 23
        # and out of it: TEID bit 0 = the home control
        larl    %r9,blk
        EXPECT_PGM 0x001C, res5
        rp      0(%r9)
        .short  0, 56, 8, 12
        FAIL    24
res5:   CHECK_PGM_TAKEN 25
        CHECK_MEM "0x90(4,0)", teid_out, 26
        SET_CR  %c13, PRIMARY_STO
        # problem state: RP is not privileged, but the home-space mode is
        larl    %r2,svcpsw
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000
        larl    %r9,blk
        rp      0(%r9)
        .short  0, 72, 8, 12
        FAIL    27
res5p:  larl    %r9,blk
        EXPECT_PGM 0x0002, 9f
        rp      0(%r9)
        .short  0, 48, 8, 12
9:      CHECK_PGM_TAKEN 28
        svc     0                       # back to the supervisor state
        FAIL    29
svcback: SET_PSW 0x00080000
        TEST_END

subject: rp     0(%r9)
        .short  0, 64, 8, 12

        .balign 8
blk:    .long   0xFFFF2FFF, 0x80000000+res1   # +0
        .long   0xAAAAAAAA                    # +8: AR
        .long   0x12345678                    # +12: GR
        .long   0x00080000, 0x80000001        # +16: unused
        .long   0x00080000, 0x80000000+res1+1 # +24: odd address
        .long   0x00080000, 0x01000000+res1   # +32: 24-bit, bits 33-39
        .long   0x04084000, 0x80000000+res1   # +40: AR mode
        .long   0x0408C000, 0x80000000+res4   # +48: home space
        .long   0x04080000, 0x80000000+res5   # +56: primary space
        .long   0x00080000, 0x80000000+res3   # +64
        .long   0x04090000, 0x80000000+res5p  # +72: bits 0-15 ignored
blk2:   .long   0x0000AAAA                    # +0: AR
        .long   0x0BADCAFE                    # +4: GR
        .long   0, 0
        .long   0x00001000, res2              # +16: CC 1, 24-bit
teid_into: .long 0x00000011
teid_out: .long 0x80000000
svcpsw: .long   0x04080000, 0x80000000+svcback
old_home: .long 0x0408C000, 0x80000000+res4
save:   .byte   0xEE
zero:   .byte   0

# The linkage stack (SA22-7201 chapter 5 "Linkage-Stack Operations",
# chapter 10 BAKR, PR, EREG, ESTA, MSTA): the contents of a branch state
# entry, what PR restores and what it leaves, a stack of two sections
# (trailer to header forward, header to trailer backward), and the stack
# exceptions: full, empty, specification, type, operation.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"

        .equ    SEC1, 0x30000           # section 1: header, 2 entries, trailer
        .equ    SEC2, 0x32000           # section 2: the same
        .equ    CR0_STACK, CR0_DAT_BASE+CR0_EXTRACT+CR0_SECONDARY+CR0_ASF

        TEST_BEGIN
        EXPECT_PGM 0x0013, 1f           # DAT off: special operation
        bakr    0,0
        FAIL    1
1:      SETUP_SPACES CR0_EXTRACT+CR0_SECONDARY
        LV      %r4,SEC1
        larl    %r5,sections
        mvc     0(16,%r4),0(%r5)        # section 1 header
        mvc     0x160(16,%r4),16(%r5)   # section 1 trailer
        LV      %r4,SEC2
        mvc     0(16,%r4),32(%r5)
        mvc     0x160(16,%r4),48(%r5)
        SET_CR  %c15, SEC1+8
        SET_PSW 0x04080000
        EXPECT_PGM 0x0013, 2f           # address-space-function control off
        bakr    0,0
        FAIL    2
2:      SET_CR  %c0, CR0_STACK

        # BAKR to sub1: what the entry holds, then PR back
        larl    %r1,regs
        lam     %a2,%a14,0(%r1)
        lm      %r2,%r14,0(%r1)
        LV      %r15,0x0F0F0F0F
        larl    %r9,sub1
        lhi     %r0,0
        ltr     %r0,%r0                 # CC 0
        bakr    0,%r9
back1:  CHECK_CC 0, 3
        CHECK_R %r15, 0xF0F0F0F0, 4     # GR15 is not restored
        CHECK_R %r14, 0x1E1E1E1E, 5     # GR2-14 are
        CHECK_R %r2, 0x12121212, 6
        ear     %r0,%a14
        CHECK_R %r0, 0x1E1E1E1E, 7
        stctl   %c15,%c15,save
        CHECK_MEM "save(4,0)", cr15_bottom, 8
        LV      %r4,SEC1
        CHECK_MEM "0x0C(2,%r4)", zero, 9   # next-entry size cleared

        # four entries fill both sections; the fifth finds the stack full
        LV      %r8,0x80000000+back2
        lhi     %r15,0
        bakr    %r8,0
        bakr    %r8,0
        stctl   %c15,%c15,save
        CHECK_MEM "save(4,0)", cr15_entry2, 10
        CHECK_MEM "0x15A(2,%r4)", zero, 11  # no free space left in it
        bakr    %r8,0                   # into section 2
        stctl   %c15,%c15,save
        CHECK_MEM "save(4,0)", cr15_sec2_entry1, 12
        LV      %r5,SEC2
        CHECK_MEM "4(4,%r5)", backward, 13
        CHECK_MEM "0x0C(2,%r5)", nes, 14
        bakr    %r8,0
        EXPECT_PGM 0x0030, 3f           # stack full
        bakr    %r8,0
        FAIL    15
3:      stctl   %c15,%c15,save          # nullified: CR15 unchanged
        CHECK_MEM "save(4,0)", cr15_sec2_entry2, 16
        pr                              # four returns to back2
back2:  ahi     %r15,1
        chi     %r15,4
        jnl     4f
        pr
4:      stctl   %c15,%c15,save
        CHECK_MEM "save(4,0)", cr15_bottom, 17
        EXPECT_PGM 0x0031, 5f           # stack empty
        pr
        FAIL    18
5:      EXPECT_PGM 0x0031, 6f
        ereg    %r0,%r1
        FAIL    19

        # unstack suppression stops PR only
6:      LV      %r8,0x80000000+back3
        bakr    %r8,0
        LV      %r4,SEC1
        oi      0xB0(%r4),0x80
        EXPECT_PGM 0x0034, 7f
        pr
        FAIL    20
7:      ereg    %r2,%r2
        ni      0xB0(%r4),0x7F
        pr
        FAIL    21
back3:  # the wrong kind of entry, a bad free-space value
        SET_CR  %c15, SEC1+0x168        # the trailer
        EXPECT_PGM 0x0033, 8f
        ereg    %r0,%r0
        FAIL    22
8:      SET_CR  %c15, SEC1+8
        mvi     0x0A(%r4),0x00          # 4 bytes free: not a multiple of 8
        mvi     0x0B(%r4),0x04
        EXPECT_PGM 0x0032, 9f
        bakr    0,0
        FAIL    23
9:      mvi     0x0A(%r4),0x01
        mvi     0x0B(%r4),0x50

        # 24-bit return address, no branch: ESTA codes 0-3, MSTA
        LV      %r8,0x12345678
        LV      %r6,0x66666666
        LV      %r7,0x77777777
        lhi     %r0,0
        ltr     %r0,%r0                 # CC 0
        bakr    %r8,0
next5:  lhi     %r1,1
        esta    %r2,%r1                 # the PSW with the return address
        CHECK_CC 0, 24                  # a branch state entry
        CHECK_R %r2, 0x04080000, 25
        CHECK_R %r3, 0x00345678, 26
        lhi     %r1,2                   # the called address
        esta    %r2,%r1
        CHECK_R %r3, 0x80000000+next5, 27
        lhi     %r1,0                   # PKM, SASN, EAX, PASN
        esta    %r2,%r1
        CHECK_R %r2, 0xC0000022, 28
        CHECK_R %r3, 0x00000011, 29
        lhi     %r1,3                   # the modifiable area
        esta    %r2,%r1
        CHECK_R %r2, 0, 30
        msta    %r6
        esta    %r2,%r1
        CHECK_R %r2, 0x66666666, 31
        CHECK_R %r3, 0x77777777, 32
        EXPECT_PGM 0x0006, 10f          # odd register
        esta    %r3,%r1
        FAIL    33
10:     lhi     %r1,4                   # code above 3
        EXPECT_PGM 0x0006, 11f
        esta    %r2,%r1
        FAIL    34
11:     EXPECT_PGM 0x0006, 12f
        msta    %r7
        FAIL    35
        # modes: EREG works in the home-space mode, PR and BAKR do not;
        # nothing of it works in the secondary-space mode
12:     sac     0x300
        ereg    %r2,%r2
        EXPECT_PGM 0x0013, 13f
        pr
        FAIL    36
13:     EXPECT_PGM 0x0013, 14f
        bakr    0,0
        FAIL    37
14:     sac     0x100
        EXPECT_PGM 0x0013, 15f
        ereg    %r2,%r2
        FAIL    38
15:     sac     0
        SET_PSW 0x00080000
        TEST_END

# Called by BAKR: the entry is current, then extract, modify, return.
sub1:   stctl   %c15,%c15,save
        CHECK_MEM "save(4,0)", cr15_entry1, 40
        LV      %r4,SEC1
        CHECK_MEM "0x0C(2,%r4)", nes, 41   # header: next entry 168 bytes
        CHECK_MEM "0xB0(8,%r4)", lsed1, 42 # branch state entry, 168 used
        lhi     %r1,1
        esta    %r6,%r1
        CHECK_R %r6, 0x04080000, 43
        CHECK_R %r7, 0x80000000+back1, 44
        LV      %r2,0xDEADBEEF
        sar     %a3,%r2
        ereg    %r2,%r3                 # GR2-3 and AR2-3 back
        CHECK_R %r2, 0x12121212, 45
        ear     %r0,%a3
        CHECK_R %r0, 0x13131313, 46
        LV      %r14,0xEEEEEEEE
        LV      %r15,0xF0F0F0F0
        lhi     %r0,1
        ltr     %r0,%r0                 # CC 2 here; PR restores CC 0
        pr

        .balign 4
sections:
        .long   0, 0, 0x01000150, 0                # header: 336 bytes free
        .long   0, 0x80000000+SEC2+8, 0x02000000, 0   # trailer: forward
        .long   0, 0, 0x01010150, 0
        .long   0, 0, 0x02010000, 0                # trailer: no next section
regs:   .long   0x12121212, 0x13131313, 0x14141414, 0x15151515, 0x16161616
        .long   0x17171717, 0x18181818, 0x19191919, 0x1A1A1A1A, 0x1B1B1B1B
        .long   0x1C1C1C1C, 0x1D1D1D1D, 0x1E1E1E1E
save:   .long   0
cr15_bottom:       .long SEC1+8
cr15_entry1:       .long SEC1+0x10+160
cr15_entry2:       .long SEC1+0x10+168+160
cr15_sec2_entry1:  .long SEC2+0x10+160
cr15_sec2_entry2:  .long SEC2+0x10+168+160
backward:          .long 0x80000000+SEC1+0x10+168+160
lsed1:             .long 0x04000000+0x150-168, 0
nes:               .short 168
zero:              .short 0

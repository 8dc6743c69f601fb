# Branching and linkage (SA22-7201 chapter 7): link information in the
# 24- and 31-bit modes, index loops, relative branches, EXECUTE, SVC.
        .include "lib.inc"
        TEST_BEGIN
        # BALR in the 31-bit mode: bit 0 one, then the next address
        balr    %r1,0
b1:     CHECK_R %r1, 0x80000000+b1, 1
        # BASR the same; BAS/BAL with a branch
        basr    %r2,0
b2:     CHECK_R %r2, 0x80000000+b2, 2
        bas     %r3,t3
b3:     FAIL    3
t3:     CHECK_R %r3, 0x80000000+b3, 4
        # 24-bit mode: BALR stores ILC (1), CC and program mask in byte 0
        sam24
        lhi     %r4,1
        chi     %r4,0                   # CC 2 (high)
        balr    %r5,0
b5:     CHECK_R %r5, 0x60000000+b5, 5
        bal     %r6,t6                  # ILC 2, CC 2 (CHECK_R's CL left CC 0)
b6:     FAIL    6
t6:     CHECK_R %r6, 0x80000000+b6, 7
        basr    %r7,0                   # 24-bit BASR: plain address
b7:     CHECK_R %r7, b7, 8
        # BSM with R2=0 only records the mode in bit 0 of R1
        l       %r8,allones
        bsm     %r8,0
        CHECK_R %r8, 0x7FFFFFFF, 9
        # BASSM to a 31-bit address switches the mode back
        larl    %r9,t10
        o       %r9,bit0
        bassm   %r10,%r9
b10:    FAIL    10
t10:    CHECK_R %r10, b10, 11           # link made in the 24-bit mode
        tam
        CHECK_CC 1, 12                  # now 31-bit
        # BCT / BCTR count down; BCTR with R2=0 does not branch
        lhi     %r1,3
        sr      %r2,%r2
1:      ahi     %r2,1
        bct     %r1,1b
        CHECK_R %r2, 3, 13
        lhi     %r1,5
        bctr    %r1,0
        CHECK_R %r1, 4, 14
        # BXLE: index 0 step 4 limit 12 -> 4 trips
        sr      %r4,%r4
        lhi     %r6,4
        lhi     %r7,12
        sr      %r1,%r1
2:      ahi     %r1,1
        bxle    %r4,%r6,2b
        CHECK_R %r1, 4, 15
        CHECK_R %r4, 16, 16
        # BXH counting down: index 10 step -3 limit 1 (odd R3 is the limit)
        lhi     %r4,10
        lhi     %r6,-3
        lhi     %r7,1
        sr      %r1,%r1
3:      ahi     %r1,1
        bxh     %r4,%r6,3b
        CHECK_R %r1, 3, 17              # 7, 4, 1 -> stops when 1 <= 1
        # BRXLE/BRXH with an even R3 whose odd partner is the limit
        sr      %r4,%r4
        lhi     %r6,2
        lhi     %r7,6
        sr      %r1,%r1
4:      ahi     %r1,1
        brxle   %r4,%r6,4b
        CHECK_R %r1, 4, 18
        lhi     %r4,5
        lhi     %r6,-1
        lhi     %r7,2
        sr      %r1,%r1
5:      ahi     %r1,1
        brxh    %r4,%r6,5b
        CHECK_R %r1, 3, 19
        # BRCT, BRAS, BRASL, BRCL, LARL
        lhi     %r1,2
        sr      %r2,%r2
6:      ahi     %r2,1
        brct    %r1,6b
        CHECK_R %r2, 2, 20
        bras    %r3,7f
b21:    FAIL    21
7:      CHECK_R %r3, 0x80000000+b21, 22
        brasl   %r3,8f
b23:    FAIL    23
8:      CHECK_R %r3, 0x80000000+b23, 24
        cr      %r3,%r3
        brcl    7,9f                    # CC 0: not taken
        brcl    8,10f                   # taken
9:      FAIL    25
10:     larl    %r5,data
        CHECK_R %r5, data, 26
        # BCR 15,0 does not branch; BC with mask 0 does not branch
        bcr     15,0
        bc      0,11f
        j       12f
11:     FAIL    27
12:
        # EXECUTE: R1 bits 24-31 ORed into byte 1 of the subject
        lhi     %r1,0x0F                # MVC length 16
        larl    %r13,exmvc
        ex      %r1,0(%r13)
        larl    %r13,src16
        CHECK_MEM "dst16-_start(16,0)", src16, 28
        # EX of a relative branch: relative to the subject's address
        sr      %r1,%r1
        larl    %r13,exbr
        ex      %r1,0(%r13)
        FAIL    29
exdone: # EX of EX: execute exception (code 3)
        EXPECT_PGM 0x0003, 13f
        larl    %r13,exex
        ex      %r1,0(%r13)
        FAIL    30
13:     CHECK_PGM_TAKEN 31
        # EX of an odd address: specification exception
        EXPECT_PGM 0x0006, 14f
        larl    %r13,exex
        ex      %r1,1(%r13)
        FAIL    32
14:     CHECK_PGM_TAKEN 33
        # SVC: old PSW addresses the next instruction, code stored at X'8A'
        larl    %r1,15f
        st      %r1,0x64(0)
        mvc     0x60(4,0),svcmask-_start(0)
        svc     0x42
s34:    FAIL    34
15:     CHECK_MEM "0x24(4,0)", svcold, 35
        CHECK_MEM "0x88(4,0)", svccode, 36
        TEST_END
exmvc:  mvc     dst16-_start(1,0),src16-_start(0)
exbr:   j       exdone
exex:   ex      0,0
        .balign 4
allones: .long  0xFFFFFFFF
bit0:   .long   0x80000000
svcmask: .long  0x00080000
svcold: .long   0x80000000+s34
svccode: .long  0x00020042              # ILC 2 (one halfword pair), code 42
data:   .long   0
src16:  .ascii  "0123456789ABCDEF"
dst16:  .space  16

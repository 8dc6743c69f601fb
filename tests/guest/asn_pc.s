# PROGRAM CALL and the return from it (SA22-7201 chapters 5 and 10):
# PC-number translation through the linkage and entry tables; basic PC-cp
# and PC-ss (registers 3, 4, 14, PSW-key mask, SASN) returning by PT 3,14;
# stacking PC-ss with the entry-table controls (key, PKM, EAX, AR mode,
# SASN) and stacking PC-cp into the problem state, returning by PR with
# the spaces, EAX and PSW restored; the exceptions: LX and EX
# translation (TEID = PC number), PC-translation specification, ASX
# translation, privileged and special operation, space-switch events of
# PC and PR, secondary authority of PR, stack full.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"
        .include "asn.inc"

        ASN_BEGIN

        # basic PC-cp (PC number 0)
        lhi     %r3,0
        lhi     %r4,0
        pc      0
ret0:   CHECK_CR %c3, 0xC0000011, 1     # PT 3,14: PKM ANDed again
        CHECK_R %r4, 0x00E0E0E0, 2

        # basic PC-ss to C (PC number 1); back by PT-ss
        SET_CR  %c3, 0xC0000022
        pc      1
ret1:   CHECK_CR %c1, STD_P, 3
        CHECK_CR %c4, 0x00010011, 4
        CHECK_CR %c5, ASTE_P, 5
        CHECK_CR %c3, 0xC0000011, 6
        CHECK_CR %c7, STD_P, 7
        CHECK_PAGE 0xD7D7D7D7, 8

        # stacking PC-ss (PC number 2): key 3, PKM replaced, EAX 7, AR
        # mode, SASN = new PASN; PR restores everything
        SET_CR  %c3, 0xC0000022
        larl    %r1,regs
        lm      %r2,%r14,0(%r1)
        pc      2
ret2:   CHECK_R %r2, 0x02020202, 9      # GR2-14 restored
        CHECK_R %r14, 0x0E0E0E0E, 10
        ipk
        CHECK_R %r2, 0x02020200, 11     # key 0 again
        iac     %r2
        CHECK_CC 0, 12                  # primary-space mode
        CHECK_CR %c1, STD_P, 13
        CHECK_CR %c3, 0xC0000022, 14
        CHECK_CR %c4, 0x00010011, 15
        CHECK_CR %c5, ASTE_P, 16
        CHECK_CR %c7, STD_S, 17
        CHECK_CR %c8, 0, 18
        CHECK_CR %c15, STACK+8, 19
        LV      %r4,STACK
        CHECK_MEM "0x0C(2,%r4)", zero, 20
        CHECK_MEM "0xA4(4,%r4)", pcnum2, 21   # bytes 148-151: the PC number
        CHECK_MEM "0xB0(2,%r4)", lsed2, 22    # program-call state entry

        # stacking PC-cp into the problem state and the 24-bit mode
        pc      3
ret3:   CHECK_CR %c15, STACK+8, 24

        # LX translation: LX 1 invalid, LX 32 beyond the table
        EXPECT_PGM 0x0022, 1f
        pc      0x100
        FAIL    93
1:      CHECK_LOW 0x90, 0x00000100, 26
        LV      %r9,0x2000
        EXPECT_PGM 0x0022, 2f
        pc      0(%r9)
        FAIL    27
2:      CHECK_LOW 0x90, 0x00002000, 28
        # EX translation: EX 4 beyond LX 2's entry table (EX 0-3)
        EXPECT_PGM 0x0023, 3f
        pc      0x204
        FAIL    29
3:      CHECK_LOW 0x90, 0x00000204, 30
        # a 24-bit entry address above 16M; an invalid ASTE
        EXPECT_PGM 0x001F, 4f
        pc      5
        FAIL    31
4:      EXPECT_PGM 0x0021, 5f
        pc      6
        FAIL    32
5:      CHECK_LOW 0x90, 0x00000033, 33
        CHECK_CR %c4, 0x00010011, 34
        # special operation: basic PC in the AR mode, the secondary-space
        # mode, no subsystem linkage, no ASN translation for PC-ss
        sac     0x200
        EXPECT_PGM 0x0013, 6f
        pc      7
        FAIL    35
6:      sac     0x100
        EXPECT_PGM 0x0013, 7f
        pc      0
        FAIL    36
7:      sac     0
        LV      %r4,ASTE_P
        ni      12(%r4),0x7F
        EXPECT_PGM 0x0013, 8f
        pc      0
        FAIL    37
8:      oi      12(%r4),0x80
        SET_CR  %c14, 0x0000000C
        EXPECT_PGM 0x0013, 9f
        pc      1
        FAIL    38
9:      SET_CR  %c14, CR14_ASN
        # space-switch event of PC-ss into C (its STD has the control),
        # and of PT-ss back
        LV      %r4,ASTE_C
        oi      8(%r4),0x80
        EXPECT_PGM 0x001C, sse1
        pc      0x200
        FAIL    39
sse1:   CHECK_PGM_TAKEN 40
        CHECK_LOW 0x90, 0x00000011, 41
        CHECK_CR %c4, 0x00030033, 42
        LV      %r2,0x80000000+sse2
        lr      %r14,%r2
        EXPECT_PGM 0x001C, sse2
        pt      %r3,%r14
        FAIL    43
sse2:   CHECK_PGM_TAKEN 44
        CHECK_LOW 0x90, 0x80000033, 45
        CHECK_CR %c4, 0x00010011, 46
        LV      %r4,ASTE_C
        ni      8(%r4),0x7F
        # PR: secondary authority for the restored SASN (X'22') with
        # AX 4, nullified; then with AX 1
        SET_CR  %c3, 0xC0000022
        pc      0x201
ret4:   CHECK_CR %c15, STACK+8, 47
        CHECK_CR %c3, 0xC0000022, 48
        CHECK_CR %c7, STD_S, 49
        # PR-ss with the control in the current PSTD: a space-switch event
        # after PR has completed
        pc      0x202
ret5:   CHECK_PGM_TAKEN 50
        CHECK_LOW 0x90, 0x80000033, 51
        CHECK_CR %c1, STD_P, 52
        # stacking PC with a full linkage stack (two branch entries in its
        # one section): nullified, CR15 unchanged
        LV      %r8,0x80000000+full1
        bakr    %r8,0
        LV      %r8,0x80000000+full2
        bakr    %r8,0
        EXPECT_PGM 0x0030, 12f
        pc      3
        FAIL    96
12:     CHECK_CR %c15, STACK+0x10+168+160, 97
        pr
full2:  pr
full1:  CHECK_CR %c15, STACK+8, 98
        # privileged: the problem state with a PKM that the AKM excludes
        larl    %r2,svc1
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000
        EXPECT_PGM 0x0002, 10f
        pc      4
        FAIL    53
10:     pc      0x203                   # AKM X'8000': allowed
ret6:   svc     0
        FAIL    54
back1:  SET_PSW 0x00080000
        TEST_END

# PC 0: basic PC-cp
pc0:    CHECK_R %r14, 0x80000000+ret0, 60
        CHECK_R %r3, 0xC0000011, 61
        CHECK_CR %c3, 0xE0000011, 62    # PKM ORed with the EKM
        CHECK_CR %c7, STD_P, 63
        pt      %r3,%r14

# PC 1: basic PC-ss to C
pc1:    CHECK_CR %c1, STD_C, 64
        CHECK_CR %c4, 0x00030033, 65
        CHECK_CR %c5, ASTE_C, 66
        CHECK_CR %c3, 0xE0000011, 67
        CHECK_CR %c7, STD_P, 68
        CHECK_R %r4, 0x11111111, 69
        CHECK_R %r3, 0xC0000011, 70
        CHECK_PAGE 0xC3C3C3C3, 71
        pt      %r3,%r14

# PC 2: stacking PC-ss to C; the key is 3 on entry
pc2:    ipk
        CHECK_R %r2, 0x02020230, 72
        spka    0
        iac     %r2
        CHECK_CC 2, 73                  # AR mode
        CHECK_CR %c3, 0x30000033, 74    # PKM = EKM; SASN = new PASN
        CHECK_CR %c7, STD_C, 75
        CHECK_CR %c8, 0x00070000, 76
        CHECK_CR %c1, STD_C, 77
        CHECK_CR %c15, STACK+0x10+160, 78
        CHECK_R %r4, 0x22222222, 79
        LV      %r2,0x00000004          # ALEN 4: private, AX 7 = EAX
        sar     %a7,%r2
        CHECK_PAGE 0xE2E2E2E2, 80, %r7
        lhi     %r2,0
        sar     %a7,%r2
        lhi     %r1,1
        esta    %r2,%r1                 # CC 1: a program-call state entry
        CHECK_CC 1, 81
        CHECK_R %r3, 0x80000000+ret2, 82
        lhi     %r1,0
        esta    %r2,%r1
        CHECK_R %r2, 0xC0000022, 83
        CHECK_R %r3, 0x00000011, 84
        larl    %r1,trash
        lm      %r2,%r14,0(%r1)
        pr

# PC 3: stacking PC-cp to the problem state, 24-bit mode
pc3:    lhi     %r1,2
        esta    %r2,%r1                 # called address word: PC number
        CHECK_R %r3, 3, 23
        bras    %r2,1f                  # the 24-bit mode
1:      LV      %r3,1b
        cr      %r2,%r3
        je      2f
        FAIL    25
2:      pr

# PC X'201': stacking PC-cp; PR fails with AX 4, works with AX 1
pcr4:   SET_CR  %c4, 0x00040011
        EXPECT_PGM 0x0025, 11f
        pr
        FAIL    90
11:     CHECK_LOW 0x90, 0x00000022, 91
        CHECK_CR %c15, STACK+0x10+160, 92
        SET_CR  %c4, 0x00010011
        pr

# PC X'203': basic PC-cp from the problem state; back to it by PT
pcp:    CHECK_R %r14, 0x80000000+ret6+1, 94
        CHECK_R %r3, 0xC0000011, 95
        pt      %r3,%r14

# PC X'202': stacking PC-ss to C; the control set in CR1 before PR
pcr5:   SET_CR  %c1, STD_C+SSE
        EXPECT_PGM 0x001C, ret5
        pr

        .balign 8
svc1:   .long   0x04080000, 0x80000000+back1
regs:   .long   0x02020202, 0x03030303, 0x04040404, 0x05050505, 0x06060606
        .long   0x07070707, 0x08080808, 0x09090909, 0x0A0A0A0A, 0x0B0B0B0B
        .long   0x0C0C0C0C, 0x0D0D0D0D, 0x0E0E0E0E
trash:  .fill   13,4,0xEEEEEEEE
pcnum2: .long   2
lsed2:  .byte   0x05, 0x00
zero:   .short  0

        ASN_TABLES
        .org    _start+ENTRY_TABLE      # LX 0
        ETE     0x80000000, 0x80000000+pc0, 0x00E0E0E0, 0x20000000, 0
        ETE     0xC0000033, 0x80000000+pc1, 0x11111111, 0x20000000, 0, ASTE_C
        ETE     0xC0000033, 0x80000000+pc2, 0x22222222, 0x30000000, 0x9F300007, ASTE_C
        ETE     0x80000000, pc3+1, 0, 0, 0x80000000
        ETE     0x00010000, 0x80000000+pc0, 0, 0, 0
        ETE     0x80000000, 0x01000000, 0, 0, 0
        ETE     0x80000033, 0x80000000+pc1, 0, 0, 0, ASTE_BAD
        ETE     0x80000000, 0x80000000+pc0, 0, 0, 0
        .org    _start+0xB200           # LX 2
        ETE     0xC0000033, 0x80000000+sse1, 0, 0, 0, ASTE_C
        ETE     0x80000000, 0x80000000+pcr4, 0, 0, 0x80000000
        ETE     0xC0000033, 0x80000000+pcr5, 0, 0, 0x80000000, ASTE_C
        ETE     0x80000000, 0x80000000+pcp, 0, 0, 0
        ASN_AFT

# BRANCH AND SET AUTHORITY and BRANCH IN SUBSPACE GROUP (SA22-7201
# chapters 5 and 10): the DUCT's return address and PKM/key/problem
# state, reduced authority and back; branching into a subspace of the
# group (by an ALET, by ALET 1 to the last one) and to the base space
# (ALET 0) with the DUCT's subspace fields; subspace replacement in ASN
# translation (LASP); the exceptions.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"
        .include "asn.inc"

        .equ    STD_PG, STD_P+SUBSPACE_GROUP
        .equ    STD_SUBG, STD_C+SUBSPACE_GROUP

        ASN_BEGIN
        # BSA to reduced authority: key 2, PKM X'2000', problem state
        # (page 0 gets storage key 2 so that the checks can store there)
        lhi     %r0,0x20
        lhi     %r1,0
        sske    %r0,%r1
        LV      %r1,0x20000020
        LV      %r2,0x80000000+reduced
        bsa     %r1,%r2
ret1:   j       back2                   # BSA back returns here
reduced:
        lhi     %r2,0
        ipk
        CHECK_R %r2, 0x00000020, 2
        EXPECT_PGM 0x0013, 1f           # reduced authority: R2 must be 0
        bsa     0,%r1
        FAIL    3
1:      bsa     %r5,0                   # back to base authority
ret2:   FAIL    4
back2:  CHECK_R %r5, 0x80000000+ret2, 5
        CHECK_CR %c3, 0xC0000022, 6
        LV      %r4,DUCT
        CHECK_MEM "0x20(8,%r4)", duct_ba, 7
        lhi     %r2,0
        ipk
        CHECK_R %r2, 0x00000000, 8
        lhi     %r0,0
        lhi     %r1,0
        sske    %r0,%r1
        # base authority: R2 0 is a special operation; a key outside the
        # PKM in the problem state a privileged operation
        EXPECT_PGM 0x0013, 2f
        bsa     %r1,0
        FAIL    9
2:      larl    %r2,svc1
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000
        LV      %r1,0x00000030          # key 3: PKM has keys 0 and 1
        LV      %r2,0x80000000+ret1
        EXPECT_PGM 0x0002, 3f
        bsa     %r1,%r2
        FAIL    10
3:      svc     0
        FAIL    11
back3:  SET_CR  %c0, CR0_DAT_BASE
        EXPECT_PGM 0x0013, 4f           # the address-space function is off
        bsa     %r1,%r2
        FAIL    12
4:      SET_CR  %c0, CR0_ASN

        # BSG: P is the base space of a group with the subspace X'9F00'
        LV      %r4,ASTE_P
        oi      10(%r4),SUBSPACE_GROUP>>8
        SET_CR  %c1, STD_PG
        SET_CR  %c3, 0xC0000022
        LV      %r2,0x00000007          # DU-AL entry 7: the subspace
        sar     %a2,%r2
        LV      %r2,0x80000000+sub1
        bsg     %r3,%r2
rbsg:   FAIL    13
sub1:   CHECK_R %r3, 0x80000000+rbsg, 14
        CHECK_CR %c1, STD_SUBG, 15
        CHECK_CR %c7, STD_SUBG, 16
        CHECK_CR %c3, 0xC0000011, 17
        CHECK_PAGE 0xC3C3C3C3, 18
        LV      %r4,DUCT
        CHECK_MEM "4(4,%r4)", duct_sa, 19
        CHECK_MEM "12(4,%r4)", sub_sn, 20
        # subspace replacement: translating PASN P (the base ASTE) while
        # subspace active gives the subspace STD (LASP, bit 29)
        larl    %r2,lasp1
        lasp    0(%r2),4
        CHECK_CC 0, 21
        CHECK_CR %c1, STD_SUBG, 22
        # an ASTE sequence number that no longer matches: CC 1
        mvi     12(%r4),0
        lasp    0(%r2),4
        CHECK_CC 1, 23
        mvi     12(%r4),0x3C
        # to the base space by ALET 0 (R2 = 0): the subspace-active bit off
        LV      %r0,0x80000000+base1
        bsg     0,%r0
        FAIL    24
base1:  CHECK_CR %c1, STD_PG, 25
        CHECK_PAGE 0xD7D7D7D7, 26
        LV      %r4,DUCT
        CHECK_MEM "4(4,%r4)", duct_nsa, 27
        lasp    0(%r2),4                # no replacement now
        CHECK_CR %c1, STD_PG, 28
        # to the last subspace by ALET 1
        lhi     %r2,1
        sar     %a2,%r2
        LV      %r2,0x80000000+sub2
        bsg     0,%r2
        FAIL    29
sub2:   CHECK_CR %c1, STD_SUBG, 30
        CHECK_MEM "4(4,%r4)", duct_sa, 31
        # ALET 1 with a wrong ASTE sequence number in the DUCT
        mvi     12(%r4),0
        EXPECT_PGM 0x002C, 5f
        bsg     0,%r2
        FAIL    32
5:      mvi     12(%r4),0x3C
        # special operations: not in the group (C), no subspace in the
        # DUCT for ALET 1, the PASTE not the base ASTE, DAT off
        LV      %r2,0x00050001
        sar     %a2,%r2
        EXPECT_PGM 0x0013, 6f
        bsg     0,%r2
        FAIL    33
6:      lhi     %r2,1
        sar     %a2,%r2
        mvc     0x100(4,%r4),4(%r4)     # save DUCT word 1
        xc      4(4,%r4),4(%r4)
        EXPECT_PGM 0x0013, 7f
        bsg     0,%r2
        FAIL    34
7:      mvc     4(4,%r4),0x100(%r4)
        SET_CR  %c5, ASTE_C
        EXPECT_PGM 0x0013, 8f
        bsg     0,%r2
        FAIL    35
8:      SET_CR  %c5, ASTE_P
        # an ALET error: the access register is the exception access id
        LV      %r2,0x00000003
        sar     %a2,%r2
        mvi     0xA0(0),0
        EXPECT_PGM 0x0029, 9f
        bsg     0,%r2
        FAIL    36
9:      cli     0xA0(0),2
        je      10f
        FAIL    37
10:     SET_PSW 0x00080000
        EXPECT_PGM 0x0013, 11f
        bsg     0,%r2
        FAIL    38
11:     TEST_END

        .balign 8
svc1:   .long   0x04080000, 0x80000000+back3
duct_ba: .long  0x80000000+ret1, 0xC0000000
duct_sa: .long  0x80000000+ASTE_SUB
duct_nsa: .long ASTE_SUB
sub_sn: .long   0x3C3C0000
        .balign 8
lasp1:  .short  0xC000, 0x0011, 0x0000, 0x0011

        ASN_TABLES
        ASN_AFT

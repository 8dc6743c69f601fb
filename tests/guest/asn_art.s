# Access-register translation (SA22-7201 chapter 5): ALETs through the
# dispatchable-unit and the primary-space access lists to other spaces in
# the access-register mode, fetch and store, MVC between two of them,
# B field 0, access-list-controlled protection (TEID), extended
# authorization of private entries with the EAX (CR8), the exceptions
# with the exception access identification (real 160): ALET
# specification, ALEN translation, ALE sequence, ASTE validity, ASTE
# sequence, extended authority; TEST ACCESS; LRA and TPROT with ALETs.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"
        .include "asn.inc"

        .equ    ALET_C, 0x00050001
        .equ    ALET_C_RO, 0x00060002
        .equ    ALET_S_PRIV, 0x00000004
        .equ    ALET_S_PL, 0x01000000

        ASN_BEGIN
        sac     0x200                   # access-register mode
        LV      %r2,ALET_C
        sar     %a6,%r2
        LV      %r2,ALET_S_PL
        sar     %a7,%r2
        CHECK_PAGE 0xC3C3C3C3, 1, %r6
        CHECK_PAGE 0xE2E2E2E2, 2, %r7
        l       %r0,0(%r6,0)            # B field 0: the primary space
        LV      %r1,0xD7D7D7D7
        cr      %r0,%r1
        je      1f
        FAIL    3
1:      LV      %r0,0xC1C2C3C4
        st      %r0,4(%r6)              # into C (real X'71004')
        mvc     8(4,%r7),0(%r6)         # C to S (real X'70008')
        # fetch-only: fetch yes, store no (TEID: page, bit 29, AR mode)
        LV      %r2,ALET_C_RO
        sar     %a8,%r2
        CHECK_PAGE 0xC3C3C3C3, 4, %r8
        EXPECT_PGM 0x0004, 2f
        mvi     0xA0(0),0
        st      %r0,0(%r8)
        FAIL    5
2:      CHECK_PGM_TAKEN 6
        CHECK_LOW 0x90, 0x00060005, 7
        cli     0xA0(0),8               # exception access identification
        je      2f
        FAIL    25
2:
        # the exceptions, each with AR 9 as exception access identification
        LV      %r9,0x60000
        larl    %r10,bad_alets
        lhi     %r11,6
3:      lam     %a9,%a9,0(%r10)
        lh      %r12,4(%r10)
        sth     %r12,0x2F0(0)           # the expected code
        larl    %r13,4f
        st      %r13,0x2F4(0)
        mvi     0xA0(0),0
        l       %r0,0(%r9)
        FAIL    8
4:      CHECK_PGM_TAKEN 9
        cli     0xA0(0),9
        je      5f
        FAIL    10
5:      la      %r10,8(%r10)
        brct    %r11,3b
        # private entry (ALEAX 7): EAX 7 equal, EAX 1 with S authority in
        # the authority table; EAX 4 (P only), EAX 0 and 16: no authority
        # (PALB: a CPU may keep ART results in its ART-lookaside buffer)
        LV      %r2,ALET_S_PRIV
        sar     %a9,%r2
        SET_CR  %c8, 0x00070000
        palb
        CHECK_PAGE 0xE2E2E2E2, 11, %r9
        SET_CR  %c8, 0x00010000
        palb
        CHECK_PAGE 0xE2E2E2E2, 12, %r9
        SET_CR  %c8, 0x00040000
        palb
        EXPECT_PGM 0x002D, 6f
        l       %r0,0(%r9)
        FAIL    13
6:      SET_CR  %c8, 0x00000000
        palb
        EXPECT_PGM 0x002D, 7f
        l       %r0,0(%r9)
        FAIL    14
7:      SET_CR  %c8, 0x00100000
        palb
        EXPECT_PGM 0x002D, 8f
        l       %r0,0(%r9)
        FAIL    15
8:      SET_CR  %c8, 0x00000000
        palb
        # LRA and TPROT through ALETs
        lra     %r2,0(%r6)
        CHECK_CC 0, 16
        CHECK_R %r2, 0x00071000, 17
        LV      %r2,0x00000008          # ALEN beyond the list
        sar     %a9,%r2
        lra     %r2,0(%r9)
        CHECK_CC 3, 18
        CHECK_R %r2, 0x80000029, 19
        tprot   0(%r9),0
        CHECK_CC 3, 20
        tprot   0(%r8),0                # fetch-only
        CHECK_CC 1, 21
        tprot   0(%r6),0
        CHECK_CC 0, 22
        sac     0

        # TEST ACCESS: CC 0 ALET 0, 1 DU-AL, 2 PASN-AL, 3 ALET 1 or error
        larl    %r10,tar_cases
        lhi     %r11,7
9:      lam     %a1,%a1,0(%r10)
        l       %r2,4(%r10)             # EAX in bits 0-15
        tar     %a1,%r2
        ipm     %r3
        srl     %r3,28
        c       %r3,8(%r10)
        je      10f
        FAIL    23
10:     la      %r10,12(%r10)
        brct    %r11,9b
        SET_CR  %c0, CR0_DAT_BASE
        EXPECT_PGM 0x0013, 11f
        tar     %a1,%r2
        FAIL    24
11:     SET_PSW 0x00080000
        TEST_END

        .balign 4
# ALET, expected program-interruption code
bad_alets:
        .long   0x02000001, 0x00280000          # ALET bits 0-6
        .long   0x00000008, 0x00290000          # ALEN beyond the list
        .long   0x00000003, 0x00290000          # ALE invalid
        .long   0x00070001, 0x002A0000          # ALE sequence
        .long   0x00000005, 0x002B0000          # ASTE invalid
        .long   0x00000006, 0x002C0000          # ASTE sequence
# ALET, GR R2 (EAX), CC
tar_cases:
        .long   0, 0, 0
        .long   1, 0, 3
        .long   ALET_C, 0, 1
        .long   ALET_S_PL, 0, 2
        .long   0x00000008, 0, 3
        .long   ALET_S_PRIV, 0x00070000, 1
        .long   ALET_S_PRIV, 0x00040000, 3

        ASN_TABLES
        ASN_AFT

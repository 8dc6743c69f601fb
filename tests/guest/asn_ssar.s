# SET SECONDARY ASN, PROGRAM TRANSFER, LOAD ADDRESS SPACE PARAMETERS
# (SA22-7201 chapters 3 and 10): ASN translation through the ASN first and
# second tables, secondary and primary authorization through the
# authority table, the control registers they load, space-switch events,
# and the exceptions: AFX and ASX translation (TEID = ASN), ASN-translation
# specification, primary and secondary authority, special operation,
# privileged operation, specification; LASP's condition codes.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"
        .include "asn.inc"

        ASN_BEGIN
        # SSAR to C: AX 1 has the secondary authority
        lhi     %r1,0x33
        ssar    %r1
        CHECK_CR %c3, 0xC0000033, 1
        CHECK_CR %c7, STD_C, 2
        sac     0x100
        CHECK_PAGE 0xC3C3C3C3, 3
        sac     0
        # SSAR to the primary ASN: SSTD = PSTD, no translation
        lhi     %r1,0x11
        ssar    %r1
        CHECK_CR %c3, 0xC0000011, 4
        CHECK_CR %c7, STD_P, 5
        # AX 2: S authority; AX 4: P only; AX 16: beyond the table
        SET_CR  %c4, 0x00020011
        lhi     %r1,0x22
        ssar    %r1
        CHECK_CR %c7, STD_S, 6
        SET_CR  %c4, 0x00040011
        lhi     %r1,0x33
        EXPECT_PGM 0x0025, 1f
        ssar    %r1
        FAIL    7
1:      CHECK_PGM_TAKEN 8
        CHECK_LOW 0x90, 0x00000033, 9
        CHECK_CR %c7, STD_S, 10          # nullified: nothing changed
        SET_CR  %c4, 0x00100011
        EXPECT_PGM 0x0025, 2f
        ssar    %r1
        FAIL    12
        # AFX invalid (ASN X'40'), ASX invalid (X'3D'), reserved bit (X'38')
2:      SET_CR  %c4, 0x00010011
        lhi     %r1,0x40
        EXPECT_PGM 0x0020, 3f
        ssar    %r1
        FAIL    13
3:      CHECK_LOW 0x90, 0x00000040, 14
        lhi     %r1,0x3D
        EXPECT_PGM 0x0021, 4f
        ssar    %r1
        FAIL    15
4:      CHECK_LOW 0x90, 0x0000003D, 16
        lhi     %r1,0x38
        EXPECT_PGM 0x0017, 5f
        ssar    %r1
        FAIL    17
        # ASN translation off, DAT off: special operation
5:      SET_CR  %c14, 0x0000000C
        lhi     %r1,0x22
        EXPECT_PGM 0x0013, 6f
        ssar    %r1
        FAIL    18
6:      SET_CR  %c14, CR14_ASN
        SET_PSW 0x00080000
        EXPECT_PGM 0x0013, 7f
        ssar    %r1
        FAIL    19
        # the problem state may use SSAR
7:      larl    %r2,svc1
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000
        lhi     %r1,0x22
        ssar    %r1
        svc     0
        FAIL    20
back1:  CHECK_CR %c3, 0xC0000022, 21

        # PT-cp: PKM ANDed with R1 bits 0-15, SASN = PASN, SSTD = PSTD
        LV      %r1,0x80000011
        LV      %r2,0x80000000+pt1
        pt      %r1,%r2
        FAIL    22
pt1:    CHECK_CR %c3, 0x80000011, 23
        CHECK_CR %c7, STD_P, 24
        SET_CR  %c3, 0xC0000022
        # PT-ss to C with P authority (AX 1): the primary space is C's
        LV      %r1,0xFFFF0033
        LV      %r2,0x80000000+pt2
        pt      %r1,%r2
        FAIL    25
pt2:    CHECK_CR %c1, STD_C, 26
        CHECK_CR %c4, 0x00030033, 27
        CHECK_CR %c5, ASTE_C, 28
        CHECK_CR %c3, 0xC0000033, 29
        CHECK_CR %c7, STD_C, 30
        CHECK_PAGE 0xC3C3C3C3, 31
        epar    %r3
        CHECK_R %r3, 0x33, 32
        # and back (AX 3 of C has P on P's table)
        LV      %r1,0xFFFF0011
        LV      %r2,0x80000000+pt3
        pt      %r1,%r2
        FAIL    33
pt3:    CHECK_CR %c1, STD_P, 34
        CHECK_CR %c4, 0x00010011, 35
        CHECK_CR %c5, ASTE_P, 36
        CHECK_PAGE 0xD7D7D7D7, 37
        # AX 2 has no primary authority
        SET_CR  %c4, 0x00020011
        LV      %r1,0xFFFF0033
        EXPECT_PGM 0x0024, 8f
        pt      %r1,%r2
        FAIL    38
8:      CHECK_LOW 0x90, 0x00000033, 39
        CHECK_CR %c4, 0x00020011, 40
        SET_CR  %c4, 0x00010011
        # a space-switch event: C's STD with the control; the instruction
        # completes, TEID = old PASN (old control 0), then back: TEID bit 0
        LV      %r4,ASTE_C
        oi      8(%r4),0x80
        LV      %r2,0x80000000+pt4
        EXPECT_PGM 0x001C, pt4
        pt      %r1,%r2
        FAIL    41
pt4:    CHECK_PGM_TAKEN 42
        CHECK_LOW 0x90, 0x00000011, 43
        CHECK_CR %c1, STD_C+SSE, 44
        LV      %r1,0xFFFF0011
        LV      %r2,0x80000000+pt5
        EXPECT_PGM 0x001C, pt5
        pt      %r1,%r2
        FAIL    45
pt5:    CHECK_PGM_TAKEN 46
        CHECK_LOW 0x90, 0x80000033, 47
        CHECK_CR %c1, STD_P, 48
        LV      %r4,ASTE_C
        ni      8(%r4),0x7F
        # specification: a 24-bit address above 16M
        LV      %r2,0x01000000
        EXPECT_PGM 0x0006, 9f
        pt      %r1,%r2
        FAIL    49
        # special operation: not in the primary-space mode
9:      LV      %r2,0x80000000+pt6
        sac     0x100
        EXPECT_PGM 0x0013, 10f
        pt      %r1,%r2
        FAIL    50
10:     sac     0
        # privileged: from the problem state to the supervisor state
        larl    %r2,svc2
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000
        LV      %r2,0x80000000+pt6
        EXPECT_PGM 0x0002, 11f
        pt      %r1,%r2
        FAIL    51
11:     svc     0
pt6:    FAIL    52

        # LASP: PKM X'8000', SASN S, AX 3 from the operand (bit 30), PASN C
back2:  larl    %r2,lasp1
        lasp    0(%r2),2
        CHECK_CC 0, 53
        CHECK_CR %c1, STD_C, 54
        CHECK_CR %c3, 0x80000022, 55
        CHECK_CR %c4, 0x00030033, 56
        CHECK_CR %c5, ASTE_C, 57
        CHECK_CR %c7, STD_S, 58
        # back to P; the AX from the ASTE, SSTD = PSTD
        larl    %r2,lasp2
        lasp    0(%r2),0
        CHECK_CC 0, 59
        CHECK_CR %c4, 0x00010011, 60
        CHECK_CR %c7, STD_P, 61
        CHECK_CR %c5, ASTE_P, 62
        # CC 1: PASN AFX invalid; CC 2: SASN ASX invalid, or no authority
        larl    %r2,lasp3
        lasp    0(%r2),0
        CHECK_CC 1, 63
        lasp    8(%r2),0
        CHECK_CC 2, 64
        lasp    16(%r2),2               # AX 4: P only
        CHECK_CC 2, 65
        CHECK_CR %c4, 0x00010011, 66    # nothing loaded
        lasp    16(%r2),3               # bit 31: no SASN authorization
        CHECK_CC 0, 67
        CHECK_CR %c4, 0x00040011, 68
        CHECK_CR %c7, STD_S, 69
        # CC 3: the new PSTD has the space-switch-event control
        LV      %r4,ASTE_C
        oi      8(%r4),0x80
        larl    %r2,lasp1
        lasp    0(%r2),2
        CHECK_CC 3, 70
        CHECK_CR %c1, STD_P, 71
        ni      8(%r4),0x7F
        # specification (not a doubleword), special operation (CR14)
        EXPECT_PGM 0x0006, 12f
        lasp    4(%r2),0
        FAIL    72
12:     SET_CR  %c14, 0x0000000C
        EXPECT_PGM 0x0013, 13f
        lasp    0(%r2),0
        FAIL    73
13:     SET_CR  %c14, CR14_ASN
        SET_PSW 0x00080000
        TEST_END

        .balign 8
svc1:   .long   0x04080000, 0x80000000+back1
svc2:   .long   0x04080000, 0x80000000+back2
lasp1:  .short  0x8000, 0x0022, 0x0003, 0x0033
lasp2:  .short  0xC000, 0x0011, 0x0000, 0x0011
lasp3:  .short  0xC000, 0x0011, 0x0000, 0x0040
        .short  0xC000, 0x003D, 0x0000, 0x0011
        .short  0xC000, 0x0022, 0x0004, 0x0011

        ASN_TABLES
        ASN_AFT

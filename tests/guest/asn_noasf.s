# The space-switching instructions without the address-space function
# (CR0 bit 15 zero, SA22-7201 chapter 3): 16-byte ASN-second-table
# entries, the linkage-table designation in CR5 (loaded from the ASTE by
# PC-ss and PT-ss), 16-byte entry-table entries (basic PC only), the ASN-
# translation-specification exception for AFT and AST entry bits.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"
        .include "asn.inc"

        .equ    AST16, 0xD000                 # 16-byte ASTEs
        .equ    AFT16, 0xE000
        .equ    LTD_C, LTD+1                  # C's LTD: LTL 1

        ASN_BEGIN
        larl    %r2,crs
        lctl    %c0,%c0,0(%r2)
        lctl    %c5,%c5,4(%r2)
        lctl    %c14,%c14,8(%r2)
        # SSAR through the 16-byte AST
        lhi     %r1,0x33
        ssar    %r1
        CHECK_CR %c7, STD_C, 1
        CHECK_CR %c3, 0xC0000033, 2
        # basic PC-ss to C by ASN translation; CR5 := C's LTD
        pc      1
ret1:   CHECK_CR %c5, LTD, 3
        CHECK_CR %c1, STD_P, 4
        CHECK_CR %c4, 0x00010011, 5
        # ASN-translation specification: AFTE bits 28-31, ASTE bit 31
        lhi     %r1,0x40                # AFX 1
        EXPECT_PGM 0x0017, 1f
        ssar    %r1
        FAIL    6
1:      lhi     %r1,0x22                # its ASTE has the base-space bit
        EXPECT_PGM 0x0017, 2f
        ssar    %r1
        FAIL    7
2:      SET_PSW 0x00080000
        TEST_END

# PC 1: basic PC-ss to C
pc1:    CHECK_CR %c5, LTD_C, 10
        CHECK_CR %c1, STD_C, 11
        CHECK_CR %c4, 0x00030033, 12
        CHECK_PAGE 0xC3C3C3C3, 13
        pt      %r3,%r14

        .balign 4
crs:    .long   CR0_DAT_BASE+CR0_EXTRACT+CR0_SECONDARY, LTD, 0x0008000E

        ASN_TABLES
        .org    _start+ENTRY_TABLE      # LX 0: 16-byte entries
        .long   0x80000000, 0x80000000+ret1, 0, 0
        .long   0xC0000033, 0x80000000+pc1, 0, 0
        .org    _start+AST16+0x11*16
        .long   AUTH_TABLE, 0x00010000, STD_P, LTD
        .org    _start+AST16+0x22*16
        .long   AUTH_TABLE+1, 0x00020000, STD_S, LTD
        .org    _start+AST16+0x33*16
        .long   AUTH_TABLE, 0x00030000, STD_C, LTD_C
        .org    _start+AFT16
        .long   AST16, AST16+8

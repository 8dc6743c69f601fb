# Without expanded storage every block is not available: PAGE IN and
# PAGE OUT set CC 3 and move nothing.  INVALIDATE EXPANDED STORAGE BLOCK
# ENTRY (it works on page tables in main storage; .insn: the assembler
# lacks the mnemonic): bit 23 of the designated page-table entry is set
# to zero, nothing else changes; the translation format of CR0 is
# checked; privileged.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"

        .equ    PAGE_A, 0x20000
        .equ    PTO, 0x30000

        TEST_BEGIN
        LV      %r1,PAGE_A
        mvc     0(4,%r1),marker
        lhi     %r2,0
        pgin    %r1,%r2
        CHECK_CC 3, 1
        CHECK_MEM "0(4,%r1)", marker, 2
        pgout   %r1,%r2
        CHECK_CC 3, 3
        SET_CR  %c0, 0x00B000E0         # the ESA/390 translation format
        # IESBE: R1 = page-table origin (STE format, length bits ignored),
        # R2 = page index X'05' of the virtual address
        LV      %r3,PTO
        mvc     0x14(4,%r3),pte_es      # entry 5: invalid, in expanded storage
        mvc     0x18(4,%r3),pte_es      # entry 6: left alone
        LV      %r1,PTO+0x0F
        LV      %r2,0x12305ABC
        .insn   rre,0xb2590000,%r1,%r2 # IESBE
        CHECK_MEM "0x14(4,%r3)", pte_inv, 4
        CHECK_MEM "0x18(4,%r3)", pte_es, 5
        .insn   rre,0xb2590000,%r1,%r2 # IESBE                 # again: no change
        CHECK_MEM "0x14(4,%r3)", pte_inv, 6
        # CR0 bits 8-12 not the ESA/390 translation format
        SET_CR  %c0, 0x00000000
        EXPECT_PGM 0x0012, 1f
        .insn   rre,0xb2590000,%r1,%r2 # IESBE
        FAIL    7
1:      CHECK_PGM_TAKEN 8
        SET_CR  %c0, 0x00B000E0
        # privileged
        larl    %r4,svcpsw
        mvc     0x60(8,0),0(%r4)
        SET_PSW 0x00090000
        EXPECT_PGM 0x0002, 2f
        .insn   rre,0xb2590000,%r1,%r2 # IESBE
        FAIL    9
2:      CHECK_PGM_TAKEN 10
        svc     0
svcback: TEST_END

        .balign 8
svcpsw: .long   0x00080000, 0x80000000+svcback
marker: .long   0xC1C2C3C4
pte_es: .long   0x00045500
pte_inv: .long  0x00045400

# Translation-related control instructions and DAT exceptions
# (SA22-7201 ch. 3 and 10): LRA, TPROT, IPTE, IVSK, LURA, STURA, PTLB,
# PALB, CSP; page protection and the translation-exception identification.
#
# Tables: segment table X'8000' (STL 0: segments 0-15), segment 0 -> page
# table X'9000' (PTL 15): pages 0-X'1F' map to themselves, page X'20' is
# invalid, X'21' -> X'30000' protected, X'22' -> X'31000'; segment 2 ->
# page table X'A000' with PTL 0; all other segments invalid.
        .include "lib.inc"
        .include "control.inc"

# LRA of the address in the word at `label`: CC and R1 (failure ids id, id+1).
        .macro  LRA_CHECK label, cc, r1, id
        l       %r5,\label-data(%r12)
        lra     %r1,0(%r5)
        CHECK_CC \cc, \id
        CHECK_R %r1, \r1, (\id+1)
        .endm

# Store `count` words from the address in the word at `at`: first, then
# each incremented by incr.
        .macro  FILL_WORDS at, count, first, incr
        l       %r2,\at-data(%r12)
        lhi     %r3,\count
        lhi     %r4,\first
.Lf\@:  st      %r4,0(%r2)
        ahi     %r2,4
        ahi     %r4,\incr
        brct    %r3,.Lf\@
        .endm

        TEST_BEGIN
        larl    %r12,data
        # build the tables
        FILL_WORDS sto, 16, 0x20, 0             # invalid STEs
        FILL_WORDS pto0, 256, 0x400, 0          # invalid PTEs
        FILL_WORDS pto0, 0x20, 0, 4096          # identity for pages 0-X'1F'
        l       %r2,pto0-data(%r12)
        mvc     0x84(8,%r2),ptes-data(%r12)     # pages X'21' and X'22'
        l       %r2,sto-data(%r12)
        mvc     0(4,%r2),ste0-data(%r12)
        mvc     8(4,%r2),ste2-data(%r12)
        lctl    %c0,%c1,cr0cr1-data(%r12)
        # LRA works with DAT off too: CC 0 and the real address
        LRA_CHECK a1234, 0, 0x00001234, 1
        stosm   m-data(%r12),0x04               # DAT on
        LRA_CHECK a21010, 0, 0x00030010, 3
        # CC 1: segment-table entry invalid, R1 = its real address
        LRA_CHECK seg1, 1, 0x00008004, 5
        # CC 2: page-table entry invalid, R1 = its real address
        LRA_CHECK page20, 2, 0x00009080, 7
        # CC 3: beyond the segment table / the page table
        LRA_CHECK seg16, 3, 0x00008040, 9
        LRA_CHECK seg2p50, 3, 0x0000A140, 11
        # TPROT: page protection allows fetch only; no translation: CC 3
        l       %r5,a21010-data(%r12)
        tprot   0(%r5),0
        CHECK_CC 1, 13
        l       %r5,page20-data(%r12)
        tprot   0(%r5),0
        CHECK_CC 3, 14
        lhi     %r5,0x1000
        tprot   0(%r5),0
        CHECK_CC 0, 15
        # a store into the protected page: protection, TEID = page, bit 29
        # (page protection), primary space
        l       %r5,a21010-data(%r12)
        mvc     0x90(4,0),ones-data(%r12)
        PGM_CHECK 0x0004, 16, "mvi     0(%r5),1"
        CHECK_MEM "0x90(4,0)", teid21, 18
        # page-translation exception, TEID = page address, nullified
        l       %r5,page20-data(%r12)
        PGM_CHECK 0x0011, 19, "cli     0(%r5),0"
        CHECK_MEM "0x90(4,0)", teid20, 21
        # segment-translation exception
        l       %r5,seg1-data(%r12)
        PGM_CHECK 0x0010, 22, "cli     0(%r5),0"
        CHECK_MEM "0x90(4,0)", teid100, 24
        # IPTE: the page was usable (and is in the TLB) ...
        l       %r5,page22-data(%r12)
        cli     0(%r5),0
        l       %r1,pto0-data(%r12)
        ipte    %r1,%r5
        l       %r2,pto0-data(%r12)
        CHECK_MEM "0x88(4,%r2)", pte22i, 25
        # ... and now is invalid
        PGM_CHECK 0x0011, 26, "cli     0(%r5),0"
        # IVSK: key of the frame behind virtual X'21000' (ACC and F only)
        l       %r1,key6e-data(%r12)
        l       %r2,frame30-data(%r12)
        sske    %r1,%r2
        l       %r5,a21010-data(%r12)
        l       %r1,ones-data(%r12)
        ivsk    %r1,%r5
        CHECK_R %r1, 0xFFFFFF68, 28
        # LURA/STURA: real addresses even with DAT on
        l       %r1,pattern-data(%r12)
        l       %r2,real20-data(%r12)
        stura   %r1,%r2
        lhi     %r1,0
        lura    %r1,%r2
        CHECK_R %r1, 0x5A5AA5A5, 29
        EXPECT_PGM 0x0006, 8f
        ahi     %r2,2
        lura    %r1,%r2
        FAIL    30
8:      CHECK_PGM_TAKEN 31
        ptlb
        palb
        # CSP: equal -> swap, CC 0; unequal -> R1 loaded, CC 1; odd R1: specification
        lhi     %r4,1
        lhi     %r5,7
        l       %r7,cspword-data(%r12)          # X'5000' with bit 31 (purge)
        l       %r8,frame5-data(%r12)
        mvc     0(4,%r8),one-data(%r12)
        csp     %r4,%r7
        CHECK_CC 0, 32
        CHECK_MEM "0(4,%r8)", seven, 33
        csp     %r4,%r7
        CHECK_CC 1, 34
        CHECK_R %r4, 7, 35
        PGM_CHECK 0x0006, 36, "csp     %r5,%r7"
        stnsm   m-data(%r12),0xfb               # DAT off
        # a translation format other than B'10110' in CR0: LRA gives a
        # translation-specification exception
        lctl    %c0,%c0,cr0bad-data(%r12)
        EXPECT_PGM 0x0012, 10f
        lra     %r1,0x100
        FAIL    38
10:     CHECK_PGM_TAKEN 39
        TEST_END
        .balign 4
data:
sto:    .long   0x8000
pto0:   .long   0x9000
ste0:   .long   0x0000900F
ste2:   .long   0x0000A000
ptes:   .long   0x00030200,0x00031000
cr0cr1: .long   0x00B000E0,0x00008000
cr0bad: .long   0x000000E0
a1234:  .long   0x1234
a21010: .long   0x21010
seg1:   .long   0x100000
seg16:  .long   0x1000000
seg2p50: .long  0x250000
page20: .long   0x20000
page22: .long   0x22000
teid21: .long   0x00021004
teid20: .long   0x00020000
teid100: .long  0x00100000
pte22i: .long   0x00031400
key6e:  .long   0x6E
frame30: .long  0x30000
real20: .long   0x30020
pattern: .long  0x5A5AA5A5
cspword: .long  0x00005001
frame5: .long   0x5000
one:    .long   1
seven:  .long   7
ones:   .long   0xFFFFFFFF
m:      .byte   0

# UPDATE TREE (SA22-7201 chapter 7): walking towards the root, exchanging
# higher codewords, equal codeword (CC 0), root reached (CC 1), negative
# GR0 (CC 3), alignment of GR4 and GR5.  Tree nodes at X'5000' + index:
#   8: (X'10', X'A1')  16: (X'30', X'A2')  24: (X'05', X'A3')  32: (X'20', X'A4')
        .include "lib.inc"
        .include "regs.inc"
        TEST_BEGIN
        LV      %r4, 0x5000
        larl    %r6,tree
        mvc     8(32,%r4),0(%r6)
        # insert (X'25', X'B0') from index 64: X'20' is lower, X'30' is
        # higher (exchanged), X'10' lower; CC 1 at the root
        lhi     %r0,0x25
        lhi     %r1,0xB0
        lhi     %r5,64
        upt
        CHECK_CC 1, 1
        CHECK_R %r0, 0x30, 2
        CHECK_R %r1, 0xA2, 3
        CHECK_R %r5, 0, 4
        CHECK_MEM "16(8,%r4)",node_25, 5
        CHECK_MEM "32(8,%r4)",node_20, 6
        # an equal codeword: CC 0, the node in GR2/GR3, GR5 its index
        lhi     %r0,0x10
        lhi     %r1,0xB1
        lhi     %r5,16
        upt
        CHECK_CC 0, 7
        CHECK_R %r2, 0x10, 8
        CHECK_R %r3, 0xA1, 9
        CHECK_R %r5, 8, 10
        CHECK_R %r1, 0xB1, 11
        # a negative codeword in GR0: CC 3 at the first node
        LV      %r1, 0x80000000
        lr      %r0,%r1
        lhi     %r5,64
        upt
        CHECK_CC 3, 12
        CHECK_R %r5, 32, 13
        # GR5 or GR4 not a multiple of 8: specification exception
        lhi     %r5,0x44
        EXPECT_PGM 0x0006, 1f
        upt
        FAIL    14
1:      CHECK_PGM_TAKEN 15
        lhi     %r5,64
        lhi     %r4,4
        EXPECT_PGM 0x0006, 2f
        upt
        FAIL    16
2:      CHECK_PGM_TAKEN 17
        TEST_END

        .balign 8
tree:   .long   0x10,0xA1,0x30,0xA2,0x05,0xA3,0x20,0xA4
node_25: .long  0x25,0xB0
node_20: .long  0x20,0xA4

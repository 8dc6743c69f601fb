# PERFORM LOCKED OPERATION (SA22-7201 chapter 7): every ESA/390 function
# code, 32-bit operands in registers and 64-bit operands in the parameter
# list, the test bit, specification exceptions, and no store at all when
# an operand to be stored is inaccessible.
        .include "lib.inc"
        .include "regs.inc"

# GR0 <- function code (or test bit + code)
        .macro  FC code
        lhi     %r0,\code
        .endm

# plo %r2,OP2,%r4,OP4 with operands addressed from GR10 (the data area)
        .macro  PLO24 op2, op4
        plo     %r2,\op2-data(%r10),%r4,\op4-data(%r10)
        .endm

# Fail unless the word (or doubleword) at label equals the value.
        .macro  CHECK_W label, value, id
        l       %r11,\label-data(%r10)
        CHECK_R %r11, \value, \id
        .endm

        TEST_BEGIN
        larl    %r10,data
        LV      %r1, lockword
        # the test bit: CC 0 for an installed function, CC 3 otherwise
        FC      0x100+20
        plo     %r2,0,%r4,0
        CHECK_CC 0, 1
        FC      0x100+2
        plo     %r2,0,%r4,0
        CHECK_CC 3, 2
        FC      0x100+24
        plo     %r2,0,%r4,0
        CHECK_CC 3, 3
        # GR0 bits 0-22 not zero, or an invalid code: specification
        EXPECT_PGM 0x0006, 1f
        FC      0x200
        plo     %r2,0,%r4,0
        FAIL    4
1:      CHECK_PGM_TAKEN 5
        EXPECT_PGM 0x0006, 2f
        FC      3
        plo     %r2,0,%r4,0
        FAIL    6
2:      CHECK_PGM_TAKEN 7

        # CL (0): equal, the fourth operand is loaded into R3
        FC      0
        lhi     %r2,5
        PLO24   w_five, w_1234
        CHECK_CC 0, 10
        CHECK_R %r4, 0x1234, 11
        # unequal: R1 gets the second operand
        lhi     %r2,6
        PLO24   w_five, w_1234
        CHECK_CC 1, 12
        CHECK_R %r2, 5, 13
        # CS (4): equal, R1+1 stored; again: unequal, R1 loaded
        FC      4
        lhi     %r3,9
        PLO24   w_cs, w_1234
        CHECK_CC 0, 14
        CHECK_W w_cs, 9, 15
        PLO24   w_cs, w_1234
        CHECK_CC 1, 16
        CHECK_R %r2, 9, 17
        # DCS (8): both equal, both replaced
        FC      8
        lhi     %r2,1
        lhi     %r3,11
        lhi     %r4,2
        lhi     %r5,22
        PLO24   w_dcs2, w_dcs4
        CHECK_CC 0, 18
        CHECK_W w_dcs2, 11, 19
        CHECK_W w_dcs4, 22, 20
        # second equal, fourth unequal: CC 2, R3 loaded, nothing stored
        lhi     %r2,11
        lhi     %r3,12
        lhi     %r4,99
        PLO24   w_dcs2, w_dcs4
        CHECK_CC 2, 21
        CHECK_R %r4, 22, 22
        CHECK_W w_dcs2, 11, 23
        # second unequal: CC 1
        lhi     %r2,0
        PLO24   w_dcs2, w_dcs4
        CHECK_CC 1, 24
        CHECK_R %r2, 11, 25
        # CSST (12): R3 stored at the fourth operand
        FC      12
        lhi     %r2,7
        lhi     %r3,8
        lhi     %r4,0x55
        PLO24   w_csst2, w_csst4
        CHECK_CC 0, 26
        CHECK_W w_csst2, 8, 27
        CHECK_W w_csst4, 0x55, 28
        # CSDST (16): operands 3 and 5 from the list (words at 60 and 92)
        FC      16
        lhi     %r2,8
        lhi     %r3,9
        PLO24   w_csst2, pl32
        CHECK_CC 0, 29
        CHECK_W w_csst2, 9, 30
        CHECK_W t4, 0xA3, 31
        CHECK_W t6, 0xA5, 32
        CHECK_W t8, 0, 33
        # CSTST (20): and operand 7 (word at 124) at operand 8
        FC      20
        lhi     %r2,9
        lhi     %r3,10
        PLO24   w_csst2, pl32
        CHECK_CC 0, 34
        CHECK_W t8, 0xA7, 35
        CHECK_W w_csst2, 10, 36
        # CSTST unequal: CC 1, nothing stored
        xc      t4-data(4,%r10),t4-data(%r10)
        PLO24   w_csst2, pl32
        CHECK_CC 1, 37
        CHECK_R %r2, 10, 38
        CHECK_W t4, 0, 39
        # an inaccessible operand 6 (outside storage): addressing
        # exception with neither operand 4 nor the second operand stored
        larl    %r6,pl32
        LV      %r7, 0x200000
        st      %r7,108(%r6)
        FC      16
        EXPECT_PGM 0x0005, 3f
        PLO24   w_csst2, pl32
        FAIL    40
3:      CHECK_PGM_TAKEN 41
        CHECK_W t4, 0, 42
        CHECK_W w_csst2, 10, 43

        # CSG (5): 64-bit values in the list
        FC      5
        PLO24   d_op2, pl64
        CHECK_CC 0, 50
        CHECK_W d_op2, 3, 51
        CHECK_W d_op2+4, 4, 52
        # now unequal: the comparison value in the list is replaced
        PLO24   d_op2, pl64
        CHECK_CC 1, 53
        CHECK_W pl64+8, 3, 54
        CHECK_W pl64+12, 4, 55
        # CLG (1): operand 4 (address at 76) is loaded into the list at 40
        FC      1
        PLO24   d_op2, pl64
        CHECK_CC 0, 56
        CHECK_W pl64+40, 0x44, 57
        CHECK_W pl64+44, 0x4444, 58
        # DCSG (9): the third-operand comparison value (40) now equals
        # operand 4; replacements at 24 and 56
        FC      9
        PLO24   d_op2, pl64
        CHECK_CC 0, 59
        CHECK_W d_op4+4, 0x56, 60
        CHECK_W d_op2+4, 4, 61
        # operand 4 unequal: CC 2, the list slot at 40 gets operand 4
        PLO24   d_op2, pl64
        CHECK_CC 2, 62
        CHECK_W pl64+44, 0x56, 63
        # CSSTG (13), CSDSTG (17), CSTSTG (21): operands 3, 5, 7 at 56, 88,
        # 120 stored at the addresses at 76, 108, 140
        FC      21
        PLO24   d_op2, pl64
        CHECK_CC 0, 64
        CHECK_W d_op4+4, 0x56, 65
        CHECK_W d_op6+4, 0x58, 66
        CHECK_W d_op8+4, 0x78, 67
        # specification: second operand not on a doubleword boundary
        EXPECT_PGM 0x0006, 4f
        PLO24   d_op2+4, pl64
        FAIL    68
4:      CHECK_PGM_TAKEN 69
        # odd R1 for CS (32-bit)
        FC      4
        EXPECT_PGM 0x0006, 5f
        plo     %r3,w_cs-data(%r10),%r4,w_cs-data(%r10)
        FAIL    70
5:      CHECK_PGM_TAKEN 71
        TEST_END

        .balign 8
data:
lockword: .long 0
w_five: .long   5
w_1234: .long   0x1234
w_cs:   .long   5
w_dcs2: .long   1
w_dcs4: .long   2
w_csst2: .long  7
w_csst4: .long  0
t4:     .long   0
t6:     .long   0
t8:     .long   0
        .balign 8
pl32:   .fill   60,1,0
        .long   0xA3                    # 60: operand 3
        .long   0,0,0
        .long   t4                      # 76: operand 4 address
        .long   0,0,0
        .long   0xA5                    # 92: operand 5
        .long   0,0,0
        .long   t6                      # 108: operand 6 address
        .long   0,0,0
        .long   0xA7                    # 124: operand 7
        .long   0,0,0
        .long   t8                      # 140: operand 8 address
        .balign 8
d_op2:  .long   1,2
d_op4:  .long   0x44,0x4444
d_op6:  .long   0,0
d_op8:  .long   0,0
pl64:   .long   0,0
        .long   1,2                     # 8: first-operand comparison
        .long   0,0
        .long   3,4                     # 24: replacement
        .long   0,0
        .long   0,0                     # 40: third operand
        .long   0,0
        .long   0,0x56                  # 56: third-operand replacement
        .long   0,0,0
        .long   d_op4                   # 76: operand 4 address
        .long   0,0
        .long   0,0x58                  # 88: operand 5
        .long   0,0,0
        .long   d_op6                   # 108: operand 6 address
        .long   0,0
        .long   0,0x78                  # 120: operand 7
        .long   0,0,0
        .long   d_op8                   # 140: operand 8 address

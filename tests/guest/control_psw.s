# PSW instructions (SA22-7201 ch. 10): SET SYSTEM MASK, STORE THEN AND/OR
# SYSTEM MASK, SET PSW KEY FROM ADDRESS, INSERT PSW KEY, LOAD PSW, and PSW
# format errors (ch. 6: early specification exception, ILC 0).
        .include "lib.inc"
        .include "control.inc"
        TEST_BEGIN
        larl    %r12,data
        # STNSM stores the mask, then ANDs: mask 00 stays 00
        stnsm   m1-data(%r12),0xff
        CHECK_MEM "m1-data(1,%r12)", zero, 1
        # STOSM X'03' sets the I/O and external masks (PSW bits 6-7)
        stosm   m1-data(%r12),0x03
        stnsm   m2-data(%r12),0xfc              # stores 03, leaves 00
        CHECK_MEM "m2-data(1,%r12)", x03, 2
        stnsm   m3-data(%r12),0xff
        CHECK_MEM "m3-data(1,%r12)", zero, 3
        # SSM loads PSW bits 0-7 from storage
        ssm     x03-data(%r12)
        stnsm   m1-data(%r12),0x00
        CHECK_MEM "m1-data(1,%r12)", x03, 4
        # SSM with CR0 bit 1 (SSM suppression) on: special operation (X'13')
        lctl    %c0,%c0,cr0ssm-data(%r12)
        PGM_CHECK 0x0013, 5, "ssm     x03-data(%r12)"
        lctl    %c0,%c0,cr0std-data(%r12)
        ssm     zero-data(%r12)
        # SSM with bit 0 on: the PSW is invalid; specification exception
        # before the next instruction, ILC 0, the PSW stored as introduced
        CATCH_PGM 2f
        ssm     x80-data(%r12)
ssm_next:
        FAIL    7
2:      CHECK_CAUGHT 0, 0x0006, 8
        CHECK_MEM "0x204(4,0)", ia_ssm, 9
        cli     0x200(0),0x80
        je      2f
        FAIL    31
2:
        # STOSM with bit 2: the mask is stored first, then the early exception
        CATCH_PGM 3f
        mvi     m1-data(%r12),0xee
        stosm   m1-data(%r12),0x20
        FAIL    10
3:      CHECK_CAUGHT 0, 0x0006, 11
        CHECK_MEM "m1-data(1,%r12)", zero, 12
        cli     0x200(0),0x20
        je      4f
        FAIL    13
4:
        # SPKA takes the key from bits 24-27 of the operand address; IPK
        # puts it in GR2 bits 24-27 (28-31 zero, 0-23 unchanged)
        l       %r2,ones-data(%r12)
        spka    0x30
        ipk
        CHECK_R %r2, 0xFFFFFF30, 14
        spka    0
        ipk
        CHECK_R %r2, 0xFFFFFF00, 15
        # LPSW: a PSW whose bit 12 is zero is invalid: early exception
        CATCH_PGM 5f
        lpsw    psw_nobit12-data(%r12)
        FAIL    16
5:      CHECK_CAUGHT 0, 0x0006, 17
        CHECK_MEM "0x200(8,0)", psw_nobit12, 18
        # LPSW to an odd instruction address: specification exception when
        # the instruction is fetched; ILC 0, the odd address in the old PSW
        CATCH_PGM 6f
        lpsw    psw_odd-data(%r12)
        FAIL    19
6:      CHECK_CAUGHT 0, 0x0006, 20
        CHECK_MEM "0x200(8,0)", psw_odd, 21
        # LPSW operand not doubleword aligned: specification, ILC 2
        PGM_CHECK 0x0006, 22, "lpsw    psw_odd+4-data(%r12)"
        # problem state: privileged instructions, PSW-key mask, extraction authority
        larl    %r1,8f
        st      %r1,svcnew+4-data(%r12)
        oi      svcnew+4-data(%r12),0x80
        mvc     0x60(8,0),svcnew-data(%r12)     # SVC returns to supervisor at 8f
        lctl    %c3,%c3,pkm-data(%r12)          # PSW-key mask: key 5 only
        larl    %r1,pstate
        st      %r1,psw_prob+4-data(%r12)
        oi      psw_prob+4-data(%r12),0x80
        lpsw    psw_prob-data(%r12)
pstate: EXPECT_PGM 0x0002, 10f                  # IPK without extraction authority
        ipk
        FAIL    24
10:     CHECK_PGM_TAKEN 25
        EXPECT_PGM 0x0002, 11f                  # key 6 not in the PSW-key mask
        spka    0x60
        FAIL    26
11:     CHECK_PGM_TAKEN 27
        EXPECT_PGM 0x0002, 12f                  # SSM is privileged
        ssm     x03-data(%r12)
        FAIL    28
12:     CHECK_PGM_TAKEN 29
        spka    0x50                            # key 5 is allowed
        svc     1
8:      # back in the supervisor state: the old SVC PSW shows key 5, problem state
        CHECK_MEM "0x20(2,0)", svcold, 30
        TEST_END
        .balign 8
data:
psw_nobit12: .long 0x00000000,0x80000000
psw_odd:     .long 0x00080000,0x80000401
psw_prob:    .long 0x00090000,0
svcnew:      .long 0x00080000,0
ia_ssm:      .long 0x80000000+ssm_next
cr0ssm:      .long 0x400000E0
cr0std:      .long 0x000000E0
pkm:         .long 0x04000000
ones:        .long 0xFFFFFFFF
svcold:      .byte 0x00,0x59
m1:          .byte 0
m2:          .byte 0
m3:          .byte 0
zero:        .byte 0
x03:         .byte 0x03
x80:         .byte 0x80

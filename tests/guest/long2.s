# MVCL and CLCL (destructive overlap, padding), MOVE PAGE (SA22-7201
# chapter 7: GR0 controls, condition-code option for invalid pages, the
# PSW-key mask in the problem state), and the register progress of MVCLE
# when a page-translation exception interrupts it.
        .include "lib.inc"
        .include "regs.inc"


# Load a PSW with word 0 `w0` continuing at the next instruction.
        .macro  PSW_CONTINUE w0
        LV      %r1, \w0
        larl    %r6,psw_area
        st      %r1,0(%r6)
        LV      %r1, 0x80000000+.Lc\@
        st      %r1,4(%r6)
        lpsw    0(%r6)
.Lc\@:
        .endm

        TEST_BEGIN
        # MVCL with destructive overlap: CC 3, nothing moved
        OPS     buf+1, 4, buf, 4
        mvcl    %r2,%r4
        CHECK_CC 3, 1
        CHECK_R %r3, 4, 2
        # overlap to the left is not destructive: CC 0
        larl    %r1,buf
        mvc     0(5,%r1),s_hello
        OPS     buf, 4, buf+1, 4
        mvcl    %r2,%r4
        CHECK_CC 0, 3
        CHECK_MEM "0(5,%r1)",s_ello, 4
        # pad from bits 0-7 of R2+1, 24-bit lengths
        OPS     buf, 4, s_hello, 0x2A000002
        mvcl    %r2,%r4
        CHECK_CC 2, 5
        CHECK_MEM "0(4,%r1)",s_he_pad, 6
        CHECK_R %r5, 0x2A000000, 7
        # CLCL: padded second operand, first operand high at the pad
        OPS     s_hello, 5, s_hello, 0x20000002
        clcl    %r2,%r4
        CHECK_CC 2, 8
        CHECK_R %r2, s_hello+2, 9
        CHECK_R %r5, 0x20000000, 10

        # MVPG, DAT off: the page of each address (low 12 bits ignored)
        OPS     0x20000, 4096, 0, 0
11:     mvcle   %r2,%r4,1
        jo      11b
        lhi     %r0,0
        LV      %r2, 0x50123
        LV      %r4, 0x20FFF
        mvpg    %r2,%r4
        CHECK_CC 0, 12
        LV      %r1, 0x50000
        CHECK_MEM "0(2,%r1)",b_0101, 13
        CHECK_MEM "4094(2,%r1)",b_0101, 14
        # GR0 bits 16-19 not zero, or bits 20 and 21 both one: specification
        EXPECT_PGM 0x0006, 1f
        lhi     %r0,0x1000
        mvpg    %r2,%r4
        FAIL    15
1:      CHECK_PGM_TAKEN 16
        EXPECT_PGM 0x0006, 2f
        lhi     %r0,0x0C00
        mvpg    %r2,%r4
        FAIL    17
2:      CHECK_PGM_TAKEN 18

        # DAT on: identity-mapped segment 0 with pages X'61' and X'62'
        # invalid (segment table X'6000', page table X'7000')
        LV      %r1, 0x6000
        LV      %r2, 0x700F
        st      %r2,0(%r1)
        LV      %r1, 0x7000
        lhi     %r2,0
        lhi     %r3,256
3:      st      %r2,0(%r1)
        la      %r1,4(%r1)
        ahi     %r2,4096
        brct    %r3,3b
        LV      %r1, 0x7000+0x61*4
        oi      2(%r1),0x04
        oi      6(%r1),0x04
        larl    %r1,cregs
        lctl    %c0,%c1,0(%r1)
        PSW_CONTINUE 0x04080000
        # with the condition-code option: second operand invalid CC 2,
        # first operand invalid CC 1, both invalid CC 2
        lhi     %r0,0x100
        LV      %r2, 0x50000
        LV      %r4, 0x61000
        mvpg    %r2,%r4
        CHECK_CC 2, 20
        mvpg    %r4,%r2
        CHECK_CC 1, 21
        LV      %r2, 0x62000
        mvpg    %r2,%r4
        CHECK_CC 2, 22
        # without it: page-translation exception
        lhi     %r0,0
        EXPECT_PGM 0x0011, 4f
        mvpg    %r2,%r4
        FAIL    23
4:      CHECK_PGM_TAKEN 24
        # MVCLE into the invalid page: the bytes before it are moved and
        # the registers show that progress (the exception nullifies only
        # the unit that faulted)
        OPS     0x60800, 0x1000, 0x20000, 0x1000
        EXPECT_PGM 0x0011, 5f
9:      mvcle   %r2,%r4,0
        jo      9b                      # CC 3 may come at the page end
        FAIL    25
5:      CHECK_PGM_TAKEN 26
        CHECK_R %r2, 0x61000, 27
        CHECK_R %r3, 0x800, 28
        CHECK_R %r4, 0x20800, 29
        CHECK_R %r5, 0x800, 30
        LV      %r1, 0x60FFF
        CHECK_MEM "0(1,%r1)",b_0101, 31
        PSW_CONTINUE 0x00080000

        # problem state: a GR0 key the PSW-key mask (CR3) does not allow
        # is a privileged-operation exception
        LV      %r1, 0x00080000
        st      %r1,0x60
        LV      %r1, 0x80000000+7f
        st      %r1,0x64                # SVC new PSW: back to supervisor
        PSW_CONTINUE 0x00090000
        EXPECT_PGM 0x0002, 8f
        lhi     %r0,0x0850              # bit 20, key 5
        LV      %r2, 0x50000
        LV      %r4, 0x20000
        mvpg    %r2,%r4
        FAIL    33
8:      CHECK_PGM_TAKEN 34
        svc     0
7:      TEST_END

        .balign 4
cregs:  .long   0x00B00000,0x00006000
        .balign 8
psw_area: .long 0,0
s_hello: .ascii "HELLO"
        .balign 2
s_ello: .ascii  "ELLOO"
        .balign 2
s_he_pad: .ascii "HE**"
        .balign 2
b_0101: .byte   1,1
        .balign 16
buf:    .fill   16,1,0

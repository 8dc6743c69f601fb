# The old PSW address and ILC that program interruptions store when
# instructions of every dispatch route raise them: inline instructions
# whose PSW address is derived only when needed (L, AR, after a branch
# that falls through, first in a page reached sequentially, across a page
# boundary) and out-of-line ones (AP, MVC).  SA22-7201 chapter 6: for a
# suppressed or completed instruction the old PSW addresses the next
# instruction, and the ILC (bits 13-14 of the halfword at X'8C') gives
# the length of the instruction in halfwords.
        .include "lib.inc"
        TEST_BEGIN
        larl    %r1,record              # own program-interruption handler
        o       %r1,hibit-_start(0)
        st      %r1,0x6c(0)
        l       %r9,far-_start(0)       # beyond the 1 MiB of storage

        # 1. L (inline): addressing exception, suppressed
        larl    %r1,res1
        st      %r1,0x250(0)
        l       %r1,0(%r9)
res1:   CHECK_MEM "0x248(8,0)", exp1, 1

        # 2. AR (inline) with the fixed-point-overflow mask on: completed
        l       %r3,fxmask-_start(0)
        spm     %r3
        larl    %r1,res2
        st      %r1,0x250(0)
        l       %r4,maxpos-_start(0)
        lhi     %r5,1
        ar      %r4,%r5
res2:   CHECK_MEM "0x248(8,0)", exp2, 2
        CHECK_R %r4, 0x80000000, 3
        lhi     %r3,0
        spm     %r3

        # 3. after a conditional branch (BC) that falls through
        larl    %r1,res3
        st      %r1,0x250(0)
        cr      %r0,%r0
        bc      7,bad-_start(0)
        l       %r1,0(%r9)
res3:   CHECK_MEM "0x248(8,0)", exp3, 4

        # 4. AP (out of line): data exception (invalid sign)
        larl    %r1,res4
        st      %r1,0x250(0)
        ap      badpk-_start(2,0),badpk-_start(2,0)
res4:   CHECK_MEM "0x248(8,0)", exp4, 5

        # 5. MVC (out of line): addressing exception
        larl    %r1,res5
        st      %r1,0x250(0)
        mvc     0(4,%r9),0(%r0)
res5:   CHECK_MEM "0x248(8,0)", exp5, 6

        j       p6                      # 6. and 7.: page boundaries
bad:    FAIL    7
        .balign 4
hibit:  .long   0x80000000
far:    .long   0x7FFFF000
fxmask: .long   0x08000000              # SPM: fixed-point-overflow mask
maxpos: .long   0x7FFFFFFF
        .balign 2
badpk:  .byte   0x12,0x34               # sign 4: invalid
        .balign 2                       # old PSW word 1; ILC and code
exp1:   .long   0x80000000+res1, 0x00040005
exp2:   .long   0x80000000+res2, 0x00020008
exp3:   .long   0x80000000+res3, 0x00040005
exp4:   .long   0x80000000+res4, 0x00060007
exp5:   .long   0x80000000+res5, 0x00060005
exp6:   .long   0x80000000+res6, 0x00040005
exp7:   .long   0x80000000+res7, 0x00040005

# Keep the old PSW at X'244' and the ILC and code at X'24C', then resume
# at the address in X'250'.
record: mvc     0x244(8,0),0x28(0)
        mvc     0x24c(4,0),0x8c(0)
        l       %r13,0x250(0)
        st      %r13,0x2c(0)
        oi      0x2c(0),0x80
        lpsw    0x28(0)

        .org    _start+0x2ff0
p6:     larl    %r1,res6                # X'2FF0'
        st      %r1,0x250(0)            # X'2FF6'
        lr      %r1,%r1                 # X'2FFA'
        lr      %r1,%r1                 # X'2FFC'
        lr      %r1,%r1                 # X'2FFE', ends the page
        l       %r1,0(%r9)              # X'3000', first in its page
res6:   CHECK_MEM "0x248(8,0)", exp6, 8
        larl    %r1,res7
        st      %r1,0x250(0)
        j       p7
        .org    _start+0x3ffe
p7:     l       %r1,0(%r9)              # X'3FFE' to X'4001'
res7:   CHECK_MEM "0x248(8,0)", exp7, 9
        TEST_END

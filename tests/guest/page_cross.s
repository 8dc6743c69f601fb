# Instructions at the end of a page and across page boundaries: the
# instruction-fetch cache and the sequential shortcut of the dispatch loop
# must fetch exactly the bytes of each instruction (SA22-7201 chapter 5,
# instruction fetching).
        .include "lib.inc"
        TEST_BEGIN
        sr      %r2,%r2
        j       p1
        .org    _start+0x1ffc
p1:     la      %r2,1(%r2)              # 4 bytes ending at the page end
        ar      %r2,%r2                 # first instruction of the next page: 2
        j       p2
        .org    _start+0x2ffe
p2:     la      %r2,3(%r2)              # 4 bytes across the boundary: 5
        lr      %r3,%r2
        j       p3
        .org    _start+0x3ffc
p3:     larl    %r4,p3                  # 6 bytes across the boundary
        ahi     %r2,10                  # 15
        j       p4
        .org    _start+0x4ffa
p4:     larl    %r5,p4                  # 6 bytes ending exactly at the page end
        ahi     %r2,100                 # 115
        j       p5
        .org    _start+0x5ffe
p5:     lr      %r6,%r2                 # 2 bytes ending at the page end
        cli     0x2f0(0),0              # 4 bytes in the next page
        j       p6
        .org    _start+0x6ffc
p6:     cli     0x2f0(0),0              # a compare that ends at the page end,
        je      p7                      # then a branch at the next page start
        FAIL    1
        .org    _start+0x7ff8
p7:     larl    %r13,exlr
        ex      %r0,0(%r13)             # EX (at 7FFE) across the boundary
        CHECK_R %r2, 115, 2
        CHECK_R %r3, 5, 3
        CHECK_R %r4, p3, 4
        CHECK_R %r5, p4, 5
        CHECK_R %r6, 115, 6
        CHECK_R %r7, 115, 7
        TEST_END
        .balign 2
exlr:   lr      %r7,%r2

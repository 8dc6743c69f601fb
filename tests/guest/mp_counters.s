# Four CPUs, each on its own host thread, update shared counters at the
# same time with the interlocked-update instructions (SA22-7201 chapter 7
# COMPARE AND SWAP, COMPARE DOUBLE AND SWAP, TEST AND SET; chapter 5
# "Storage-Operand Consistency"): every update must survive, so the
# totals are exact.  CPU 0 starts CPUs 1-3 with set prefix and restart,
# works along, then waits until the others have stopped themselves.
        .include "lib.inc"
        .include "mp.inc"

        .equ    N, 100000               # updates per CPU and counter
        .equ    DATA, 0x40000           # shared data, outside page 0
        .equ    CS_COUNT, 0             # word: COMPARE AND SWAP counter
        .equ    CDS_PAIR, 8             # doubleword: +1 and +2 per update
        .equ    TS_LOCK, 16             # byte: TEST AND SET lock
        .equ    TS_COUNT, 20            # word: updated under the lock
        .equ    DONE, 24                # word: CPUs that have finished

        TEST_BEGIN
        START_CPU 1, 0x20000, worker, 1
        START_CPU 2, 0x21000, worker, 2
        START_CPU 3, 0x22000, worker, 3
        bras    %r14,work
        LV      %r6,DATA
        lhi     %r7,4
1:      c       %r7,DONE(%r6)           # wait until all four are done
        jne     1b
        # each of them has stopped itself
        lhi     %r3,1
2:      WAIT_STOPPED
        CHECK_R %r0, 0x00000040, 4
        ahi     %r3,1
        chi     %r3,3
        jnh     2b
        CHECK_MEM "CS_COUNT(4,%r6)", total1, 5
        CHECK_MEM "CDS_PAIR(8,%r6)", total_pair, 6
        CHECK_MEM "TS_COUNT(4,%r6)", total1, 7
        CHECK_MEM "TS_LOCK(1,%r6)", zero, 8
        TEST_END

# The updates, N times each; then count this CPU as done.
work:   LV      %r6,DATA
        LV      %r9,N
3:      l       %r2,CS_COUNT(%r6)       # COMPARE AND SWAP: retry until
4:      lr      %r3,%r2                 # no other CPU came in between
        ahi     %r3,1
        cs      %r2,%r3,CS_COUNT(%r6)
        jnz     4b
        lm      %r2,%r3,CDS_PAIR(%r6)   # COMPARE DOUBLE AND SWAP: both
5:      lr      %r4,%r2                 # words change together
        ahi     %r4,1
        lr      %r5,%r3
        ahi     %r5,2
        cds     %r2,%r4,CDS_PAIR(%r6)
        jnz     5b
6:      ts      TS_LOCK(%r6)            # TEST AND SET lock around a
        jnz     6b                      # plain load and store
        l       %r2,TS_COUNT(%r6)
        ahi     %r2,1
        st      %r2,TS_COUNT(%r6)
        mvi     TS_LOCK(%r6),0
        brct    %r9,3b
        l       %r2,DONE(%r6)
7:      lr      %r3,%r2
        ahi     %r3,1
        cs      %r2,%r3,DONE(%r6)
        jnz     7b
        br      %r14

worker: bras    %r14,work
        STOP_SELF

        .balign 8
total_pair: .long 4*N, 8*N
total1: .long   4*N
zero:   .byte   0

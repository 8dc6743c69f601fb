# Start, stop, restart and CPU reset of a CPU thread, hundreds of times
# in a row: every accepted order takes effect (a lost wake-up or a stop
# not honoured at an instruction boundary hangs the test), and a CPU that
# is still busy with an accepted order answers CC 2, never a wrong state.
        .include "lib.inc"
        .include "mp.inc"

        .equ    AREA1, 0x20000          # prefix area of CPU 1
        .equ    COUNT, 0x40000          # CPU 1 counts here while running
        .equ    ROUNDS, 200

        TEST_BEGIN
        START_CPU 1, AREA1, count, 1
        LV      %r6,COUNT
        LV      %r9,ROUNDS
        lhi     %r10,0                  # round number modulo 3
1:      l       %r7,0(%r6)              # CPU 1 is running: it counts
2:      c       %r7,0(%r6)
        je      2b
        SIGPW   0x05                    # stop
        CHECK_CC 0, 2
        WAIT_STOPPED
        CHECK_R %r0, 0x00000040, 3
        chi     %r10,1
        jl      3f
        je      4f
        SIGPW   0x0c                    # CPU reset, then restart
        CHECK_CC 0, 4
        WAIT_STOPPED
4:      SIGPW   0x06                    # restart
        CHECK_CC 0, 5
        j       5f
3:      SIGPW   0x04                    # start
        CHECK_CC 0, 6
5:      ahi     %r10,1
        chi     %r10,3
        jl      6f
        lhi     %r10,0
6:      brct    %r9,1b
        SIGPW   0x05
        WAIT_STOPPED
        TEST_END

count:  larl    %r12,count_addr
        l       %r11,0(%r12)
7:      l       %r2,0(%r11)
        ahi     %r2,1
        st      %r2,0(%r11)
        j       7b

        .balign 4
count_addr: .long COUNT

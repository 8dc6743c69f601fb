# SIGNAL PROCESSOR orders between two running CPUs (SA22-7201 chapter 4,
# "Signal-Processor Orders", "Store Status", "CPU Resets"): condition
# codes, status bits, busy retries, the store-status layout, start/stop/
# restart of a CPU that really runs on its own host thread, and resets.
# Three CPUs are configured; CPU 2 is offline (not operational).
        .include "lib.inc"
        .include "mp.inc"

        .equ    AREA1, 0x20000          # prefix area of CPU 1
        .equ    SAVE, 0x30000           # store-status-at-address area
        .equ    COUNT, 0x40000          # CPU 1 counts here while running

        TEST_BEGIN
        # sense a stopped CPU: CC 1 with only the stopped bit (25)
        lhi     %r3,1
        SIGPW   0x01
        CHECK_CC 1, 1
        CHECK_R %r0, 0x00000040, 2
        # bits 0-15 of the CPU-address register are ignored
        LV      %r3,0xFFFF0001
        SIGPW   0x01
        CHECK_CC 1, 3
        # no CPU 5: not operational, CC 3, GR0 unchanged
        LV      %r0,0x12345678
        lhi     %r3,5
        sigp    %r0,%r3,0x01
        CHECK_CC 3, 4
        CHECK_R %r0, 0x12345678, 5
        # CPU 2 is configured offline: not operational
        lhi     %r3,2
        sigp    %r0,%r3,0x05
        CHECK_CC 3, 6
        # unassigned orders (set architecture X'12' included): invalid order
        lhi     %r3,1
        SIGPW   0x12
        CHECK_CC 1, 7
        CHECK_R %r0, 0x00000002, 8
        SIGPW   0x00
        CHECK_CC 1, 9
        CHECK_R %r0, 0x00000002, 10
        # the order code is bits 24-31 of the second-operand address
        la      %r4,0x100
        sigp    %r0,%r3,0x01(%r4)       # address X'101': sense
        CHECK_CC 1, 12
        CHECK_R %r0, 0x00000040, 13
        # store status at address of the stopped CPU; the parameter's bits
        # 23-31 are ignored (512-byte area)
        LV      %r1,SAVE+0x1FF
        SIGPW   0x0e
        CHECK_CC 0, 14
        LV      %r4,SAVE
        CHECK_MEM "0x100(8,%r4)", psw_reset, 15       # PSW after clear reset
        CHECK_MEM "0x108(4,%r4)", zero4, 16           # prefix
        CHECK_MEM "0x1C0(4,%r4)", cr0_reset, 17
        CHECK_MEM "0x1F8(4,%r4)", cr14_reset, 18
        # parameters outside the configuration: invalid parameter (bit 23)
        LV      %r1,0x7FFFFE00
        SIGPW   0x0e
        CHECK_CC 1, 19
        CHECK_R %r0, 0x00000100, 20
        LV      %r1,0x7FFFF000
        SIGPW   0x0d
        CHECK_CC 1, 21
        CHECK_R %r0, 0x00000100, 22

        # CPU 1 runs its counting loop
        START_CPU 1, AREA1, cpu1, 23
        LV      %r6,COUNT
1:      icm     %r5,15,0(%r6)
        jz      1b
        SIGPW   0x01                    # operating, nothing pending
        CHECK_CC 0, 24
        # set prefix and store status need a stopped CPU: incorrect state
        LV      %r1,AREA1
        SIGPW   0x0d
        CHECK_CC 1, 25
        CHECK_R %r0, 0x00000200, 26
        LV      %r1,SAVE
        SIGPW   0x0e
        CHECK_CC 1, 27
        CHECK_R %r0, 0x00000200, 28
        # CPU 1 is disabled for external interruptions: the external call
        # stays pending and a second one is refused
        SIGPW   0x02
        CHECK_CC 0, 29
        SIGPW   0x02
        CHECK_CC 1, 30
        CHECK_R %r0, 0x00000080, 31
        SIGPW   0x01
        CHECK_CC 1, 32
        CHECK_R %r0, 0x00000080, 33

        # stop and store status: the status lands at absolute 216-511
        SIGPW   0x09
        CHECK_CC 0, 34
        WAIT_STOPPED
        CHECK_R %r0, 0x000000C0, 35
        CHECK_MEM "0x180(40,0)", cpu1_gr, 36          # GR0-GR9
        CHECK_MEM "0x1AC(4,0)", count_addr, 37        # GR11
        CHECK_MEM "0x120(64,0)", cpu1_ar, 38          # AR0-AR15
        CHECK_MEM "0x100(4,0)", psw_loop, 39          # PSW word 0 (CC 2)
        CHECK_MEM "0x108(4,0)", area1, 40             # prefix
        CHECK_MEM "0x1C0(4,0)", cr0_reset, 41
        l       %r4,0x104(0)                        # the stop came at an
        LV      %r5,0x80000000+cpu1_loop            # instruction boundary
        slr     %r4,%r5                             # of the loop: offset
        lhi     %r5,12                              # 0, 4, 8 or 12
        clr     %r4,%r5
        jh      7f
        tml     %r4,3
        jz      8f
7:      FAIL    42
8:
        # a stopped CPU does not count
        l       %r7,0(%r6)
        LV      %r8,200000
2:      brct    %r8,2b
        c       %r7,0(%r6)
        je      3f
        FAIL    43
3:      # start makes it count again
        SIGPW   0x04
        CHECK_CC 0, 44
4:      c       %r7,0(%r6)
        je      4b
        # stop, then restart: the restart old PSW is the stopped PSW
        SIGPW   0x05
        CHECK_CC 0, 45
        WAIT_STOPPED
        LV      %r1,SAVE
        SIGPW   0x0e
        CHECK_CC 0, 46
        l       %r7,0(%r6)
        SIGPW   0x06
        CHECK_CC 0, 47
5:      c       %r7,0(%r6)
        je      5b
        LV      %r4,SAVE
        LV      %r5,AREA1
        clc     0x100(8,%r4),0x008(%r5)
        je      6f
        FAIL    48
6:      # CPU reset of the running CPU: stopped, external call cleared,
        # PSW and prefix kept
        SIGPW   0x0c
        CHECK_CC 0, 49
        WAIT_STOPPED
        CHECK_R %r0, 0x00000040, 50
        LV      %r1,SAVE
        SIGPW   0x0e
        LV      %r4,SAVE
        CHECK_MEM "0x100(4,%r4)", psw_loop, 51
        CHECK_MEM "0x108(4,%r4)", area1, 52
        # emergency signal and external call are accepted by a stopped CPU
        SIGPW   0x03
        CHECK_CC 0, 53
        SIGPW   0x02
        CHECK_CC 0, 54
        SIGPW   0x01
        CHECK_R %r0, 0x000000C0, 55
        # initial CPU reset: PSW, prefix and control registers initialized,
        # general registers kept
        SIGPW   0x0b
        CHECK_CC 0, 56
        SIGPW   0x01
        CHECK_CC 1, 57
        CHECK_R %r0, 0x00000040, 58
        LV      %r1,SAVE
        SIGPW   0x0e
        LV      %r4,SAVE
        CHECK_MEM "0x100(8,%r4)", psw_reset, 59
        CHECK_MEM "0x108(4,%r4)", zero4, 60
        CHECK_MEM "0x1C0(4,%r4)", cr0_reset, 61
        CHECK_MEM "0x180(40,%r4)", cpu1_gr, 62
        TEST_END

# CPU 1: known registers, then count forever.
cpu1:   larl    %r12,cpu1_gr
        lm      %r0,%r9,0(%r12)
        larl    %r12,cpu1_ar
        lam     %a0,%a15,0(%r12)
        larl    %r12,count_addr
        l       %r11,0(%r12)
cpu1_loop:
        l       %r10,0(%r11)
        ahi     %r10,1
        st      %r10,0(%r11)
        j       cpu1_loop

        .balign 8
psw_reset:  .long 0, 0
zero4:      .long 0
cr0_reset:  .long 0x000000E0
cr14_reset: .long 0xC2000000
psw_loop:   .long 0x00082000
area1:      .long AREA1
count_addr: .long COUNT
cpu1_gr:    .long 0x10101010, 0x11111111, 0x12121212, 0x13131313, 0x14141414
            .long 0x15151515, 0x16161616, 0x17171717, 0x18181818, 0x19191919
cpu1_ar:    .long 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7
            .long 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF

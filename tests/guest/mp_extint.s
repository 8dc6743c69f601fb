# Emergency-signal and external-call interruptions between two CPU
# threads (SA22-7201 chapter 4 "Signal-Processor Orders", chapter 6
# "External Interruption"): codes X'1201'/X'1202' with the sending CPU's
# address at real 132, the CR0 subclass masks (bits 17 and 18), one
# pending emergency signal per sending CPU, one pending external call.
        .include "lib.inc"
        .include "mp.inc"

        .equ    AREA1, 0x20000          # prefix area of CPU 1
        .equ    LOG, 0x50000            # per CPU (64 bytes each): count,
                                        # then code and CPU address pairs
        .equ    READY, 0x50100          # CPU 1 waits enabled
        .equ    SAVE_GR, 0x240          # handler register save (lowcore)

        TEST_BEGIN
        # CPU 0 takes external interruptions in ext0 from now on
        larl    %r2,ext0_psw
        mvc     0x58(8,0),0(%r2)
        PREPARE_CPU 1, AREA1, cpu1, 1
        LV      %r2,AREA1
        larl    %r4,ext1_psw
        mvc     0x58(8,%r2),0(%r4)      # CPU 1's external new PSW
        SIGPW   0x06
        CHECK_CC 0, 2
        LV      %r6,LOG
        LV      %r7,READY
1:      icm     %r0,15,0(%r7)
        jz      1b

        # emergency signal: code 1201 from CPU 0
        lhi     %r3,1
        SIGPW   0x03
        CHECK_CC 0, 3
        lhi     %r8,1
        bras    %r14,wait_log1
        CHECK_MEM "68(4,%r6)", from0_emergency, 4
        # external call: code 1202 from CPU 0; CPU 1 answers with an
        # emergency signal to CPU 0 before it logs the interruption
        SIGPW   0x02
        CHECK_CC 0, 5
        lhi     %r8,2
        bras    %r14,wait_log1
        CHECK_MEM "72(4,%r6)", from0_extcall, 6

        # CPU 0 is disabled: its own signals stay pending with CPU 1's
        lhi     %r3,0
        SIGPW   0x03                    # emergency signal to itself, twice:
        CHECK_CC 0, 7                   # still one condition per sender
        SIGPW   0x03
        CHECK_CC 0, 8
        SIGPW   0x02                    # external call to itself
        CHECK_CC 0, 9
        SIGPW   0x02                    # a second one is refused
        CHECK_CC 1, 10
        CHECK_R %r0, 0x00000080, 11
        SIGPW   0x01                    # sense: external call pending
        CHECK_CC 1, 12
        CHECK_R %r0, 0x00000080, 13
        # PSW enabled but the CR0 subclass masks off: nothing is taken
        larl    %r2,enabled
        lpsw    0(%r2)
after_enable:
        LV      %r8,100000
3:      brct    %r8,3b
        icm     %r0,15,0(%r6)
        jz      4f
        FAIL    14
4:      # open the masks: both emergency signals (in either order), then
        # the external call
        lctl    %c0,%c0,cr0_signals
        LV      %r8,100000
5:      brct    %r8,5b
        CHECK_MEM "0(4,%r6)", three, 15
        CHECK_MEM "4(2,%r6)", code1201, 16
        CHECK_MEM "8(2,%r6)", code1201, 17
        lh      %r2,6(%r6)
        ah      %r2,10(%r6)
        CHECK_R %r2, 1, 18                          # from CPUs 0 and 1
        CHECK_MEM "12(4,%r6)", from0_extcall, 19
        lhi     %r3,0
        SIGPW   0x01                    # no external call pending now
        CHECK_CC 0, 20
        lhi     %r3,1                   # CPU 1 has nothing pending either
        SIGPW   0x01
        CHECK_CC 0, 21
        SIGPW   0x05
        WAIT_STOPPED
        CHECK_R %r0, 0x00000040, 22
        TEST_END

# Wait until CPU 1 has logged GR8 interruptions.
wait_log1:
6:      c       %r8,64(%r6)
        jne     6b
        br      %r14

# Log the interruption code and CPU address in this CPU's LOG slot.
        .macro  EXT_LOG
        l       %r1,MY_CPU_ADDRESS(0)
        sll     %r1,6
        larl    %r2,log_addr
        a       %r1,0(%r2)
        l       %r3,0(%r1)
        lr      %r4,%r3
        sll     %r4,2
        la      %r4,4(%r4,%r1)
        mvc     0(2,%r4),0x86(0)        # interruption code
        mvc     2(2,%r4),0x84(0)        # sending CPU
        ahi     %r3,1
        st      %r3,0(%r1)
        .endm

ext0:   stm     %r0,%r15,SAVE_GR(0)
        EXT_LOG
        lm      %r0,%r15,SAVE_GR(0)
        lpsw    0x18(0)

# CPU 1 answers an external call with an emergency signal to CPU 0.
ext1:   stm     %r0,%r15,SAVE_GR(0)
        clc     0x86(2,0),code1202
        jne     7f
        lhi     %r3,0
        SIGPW   0x03
7:      EXT_LOG
        lm      %r0,%r15,SAVE_GR(0)
        lpsw    0x18(0)                 # back into the enabled wait

# CPU 1: open both subclass masks, then wait enabled.
cpu1:   lctl    %c0,%c0,cr0_signals
        larl    %r2,ready_addr
        l       %r2,0(%r2)
        mvi     3(%r2),1
        larl    %r2,wait_psw
        lpsw    0(%r2)

        .balign 8
ext0_psw:  .long 0x00080000, 0x80000000+ext0
ext1_psw:  .long 0x00080000, 0x80000000+ext1
enabled:   .long 0x01080000, 0x80000000+after_enable
wait_psw:  .long 0x010A0000, 0x80000000
cr0_signals: .long 0x000060E0           # emergency signal and external call
log_addr:  .long LOG
ready_addr: .long READY
three:     .long 3
from0_emergency: .short 0x1201, 0
from0_extcall:   .short 0x1202, 0
code1201:  .short 0x1201
code1202:  .short 0x1202

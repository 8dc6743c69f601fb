# External interruptions from the clock comparator and the CPU timer
# (SA22-7201 ch. 4 and 6): subclass masks in CR0 bits 20-21, codes X'1004'
# and X'1005', enabled waits, and their relative priority.
        .include "lib.inc"
        TEST_BEGIN
        larl    %r12,data
        # the external new PSW: handler below, DAT off, disabled
        larl    %r1,exthand
        st      %r1,extnew+4-data(%r12)
        oi      extnew+4-data(%r12),0x80
        mvc     0x58(8,0),extnew-data(%r12)
        # 1. clock comparator in the past but its mask off: nothing happens
        sckc    zero8-data(%r12)
        spt     big-data(%r12)
        stosm   m-data(%r12),0x01               # external interruptions on
        lhi     %r3,100
1:      brct    %r3,1b
        stnsm   m-data(%r12),0xfe
        CHECK_R %r10, 0, 1                      # no interruption taken
        # 2. both pending, both masks on: the clock comparator comes first
        spt     zero8-data(%r12)                # CPU timer goes negative
        lctl    %c0,%c0,cr0both-data(%r12)
        larl    %r11,2f                         # where the handler returns
        stosm   m-data(%r12),0x01
        FAIL    2                               # interruption before this
2:      CHECK_R %r10, 2, 3                      # two interruptions ...
        CHECK_MEM "codes-data(4,%r12)", c1004, 4  # ... clock comparator first
        # 3. enabled wait for the clock comparator: now + 2 ms
        lhi     %r10,0
        lctl    %c0,%c0,cr0ckc-data(%r12)
        stck    t-data(%r12)
        lm      %r4,%r5,t-data(%r12)
        al      %r5,ms2-data(%r12)
        brc     12,3f
        ahi     %r4,1
3:      stm     %r4,%r5,t-data(%r12)
        sckc    t-data(%r12)
        larl    %r11,4f
        lpsw    waitpsw-data(%r12)
4:      CHECK_R %r10, 1, 5
        CHECK_MEM "codes-data(2,%r12)", c1004, 6
        stck    t2-data(%r12)                   # not before the comparator
        clc     t2-data(8,%r12),t-data(%r12)
        jh      5f
        FAIL    7
5:      # 4. enabled wait for the CPU timer (1 ms)
        lhi     %r10,0
        lctl    %c0,%c0,cr0cpt-data(%r12)
        spt     ms1tod-data(%r12)
        larl    %r11,6f
        lpsw    waitpsw-data(%r12)
6:      CHECK_R %r10, 1, 8
        CHECK_MEM "codes-data(2,%r12)", c1005, 9
        TEST_END

# External interruption handler: count in GR10, record the code, make the
# condition go away (comparator far ahead, timer positive), and return to
# the address in GR11 with the interruption mask of the old PSW, unless
# another condition is still pending (then the old PSW is reloaded).
exthand:
        lr      %r1,%r10
        sll     %r1,1
        la      %r1,codes-data(%r1,%r12)
        mvc     0(2,%r1),0x86(0)
        ahi     %r10,1
        clc     0x86(2,0),c1004-data(%r12)
        jne     1f
        sckc    never-data(%r12)
        j       2f
1:      spt     big-data(%r12)
2:      st      %r11,0x1c(0)                    # resume at GR11
        oi      0x1c(0),0x80
        ni      0x19(0),0xfd                    # not in the wait state
        lpsw    0x18(0)
        .balign 8
data:
extnew: .long   0x00080000,0
waitpsw: .long  0x010A0000,0x80000000
zero8:  .long   0,0
never:  .long   0xFFFFFFFF,0xFFFFFFFF
big:    .long   0x7FFFFFFF,0xFFFFFFFF
ms1tod: .long   0,0x003E8000                    # 1000 us << 12
t:      .long   0,0
t2:     .long   0,0
ms2:    .long   0x007D0000                      # 2000 us << 12
cr0both: .long  0x00000CE0
cr0ckc: .long   0x000008E0
cr0cpt: .long   0x000004E0
codes:  .short  0,0,0,0
c1004:  .short  0x1004,0x1005
c1005:  .short  0x1005
m:      .byte   0

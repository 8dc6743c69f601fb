# Every I/O instruction: program exceptions, every condition code, the
# SCSW after start, halt, clear, suspend/resume, PCI, unit check
# and attention, channel reports, measurement and address limit.  The
# TEST device 0190 is on subchannel 1.  SA22-7201 chapters 14-16.
        .include "lib.inc"

# Load a word / CR6 from a label anywhere in the program.
        .macro  LW reg, label
        larl    %r13,\label
        l       \reg,0(%r13)
        .endm
        .macro  LCR6 label
        larl    %r13,\label
        lctl    %c6,%c6,0(%r13)
        .endm

        TEST_BEGIN
        LCR6    cr6all
        larl    %r4,irb
        larl    %r5,schib
        larl    %r6,data
        # ---- program exceptions ----
        LW       %r1, badsid  # bits 0-15 are not X'0001'
        larl    %r3,orb_nop
        EXPECT_PGM 0x0015, 1f
        ssch    0(%r3)
        FAIL    1
1:      CHECK_PGM_TAKEN 2
        LW       %r1, sid1
        EXPECT_PGM 0x0006, 1f
        ssch    2(%r3)                  # ORB not on a word boundary
        FAIL    3
1:      CHECK_PGM_TAKEN 4
        larl    %r3,orb_bad
        EXPECT_PGM 0x0015, 1f
        ssch    0(%r3)                  # reserved ORB bit
        FAIL    5
1:      CHECK_PGM_TAKEN 6
        larl    %r3,schib_bad
        EXPECT_PGM 0x0015, 1f
        msch    0(%r3)                  # reserved PMCW bit
        FAIL    7
1:      CHECK_PGM_TAKEN 8
        EXPECT_PGM 0x0006, 1f
        tsch    2(%r4)
        FAIL    9
1:      CHECK_PGM_TAKEN 10
        larl    %r3,chps
        EXPECT_PGM 0x0006, 1f
        stcps   4(%r3)                  # not on a 32-byte boundary
        FAIL    11
1:      CHECK_PGM_TAKEN 12
        LW       %r1, x100
        EXPECT_PGM 0x0015, 1f
        rchp                            # GR1 bits 0-23 not zero
        FAIL    13
1:      CHECK_PGM_TAKEN 14
        lhi     %r1,1
        EXPECT_PGM 0x0015, 1f
        sal                             # GR1 bits 16-31 not zero
        FAIL    15
1:      CHECK_PGM_TAKEN 16
        LW       %r1, x100
        EXPECT_PGM 0x0015, 1f
        schm                            # GR1 bits 4-29 not zero
        FAIL    17
1:      CHECK_PGM_TAKEN 18
        EXPECT_PGM 0x0006, 1f
        tpi     2(%r4)
        FAIL    19
1:      CHECK_PGM_TAKEN 20
        # ---- not operational: subchannel FFFF is not installed ----
        LW       %r1, sidx
        stsch   0(%r5)
        CHECK_CC 3, 21
        tsch    0(%r4)
        CHECK_CC 3, 22
        larl    %r3,schib_ok
        msch    0(%r3)
        CHECK_CC 3, 23
        larl    %r3,orb_nop
        ssch    0(%r3)
        CHECK_CC 3, 24
        hsch
        CHECK_CC 3, 25
        csch
        CHECK_CC 3, 26
        rsch
        CHECK_CC 3, 27
        xsch
        CHECK_CC 3, 28
        # a disabled subchannel cannot start
        LW       %r1, sid1
        ssch    0(%r3)
        CHECK_CC 3, 29
        lhi     %r1,0x55                # no such channel path
        rchp
        CHECK_CC 3, 30
        # ---- enable 0190: ISC 5 ----
        LW       %r1, sid1
        stsch   0(%r5)
        CHECK_CC 0, 31
        CHECK_MEM "0(28,%r5)", pmcw_reset, 32
        oi      4(%r5),0x28             # ISC 5
        oi      5(%r5),0x80             # enabled
        msch    0(%r5)
        CHECK_CC 0, 33
        larl    %r3,orb_nolpm           # no path in the LPM
        ssch    0(%r3)
        CHECK_CC 3, 34
        # ---- a start; TPI takes the interruption, status stays pending ----
        larl    %r3,orb_nop
        ssch    0(%r3)
        CHECK_CC 0, 35
        bras    %r14,pollint
        CHECK_MEM "0xb8(8,0)", code_nop, 36
        ssch    0(%r3)
        CHECK_CC 1, 37
        msch    0(%r5)
        CHECK_CC 1, 38
        hsch
        CHECK_CC 1, 39
        rsch
        CHECK_CC 1, 40
        xsch
        CHECK_CC 1, 41
        tpi     0(%r4)                  # nothing else pending
        CHECK_CC 0, 42
        stsch   0(%r5)
        CHECK_MEM "40(4,%r5)", zeros, 43     # model-dependent area
        tsch    0(%r4)
        CHECK_CC 0, 44
        CHECK_MEM "0(12,%r4)", scsw_nop, 45
        CHECK_MEM "12(4,%r4)", esw_lpum, 46
        tsch    0(%r4)
        CHECK_CC 1, 47
        # ---- busy: the WAIT command holds the device until halted ----
        larl    %r3,orb_wait
        ssch    0(%r3)
        CHECK_CC 0, 48
        lhi     %r2,0x80                # subchannel active
        bras    %r14,pollsch
        ssch    0(%r3)
        CHECK_CC 2, 49
        msch    0(%r5)
        CHECK_CC 2, 50
        xsch                            # already at the device
        CHECK_CC 2, 51
        rsch                            # no suspend control
        CHECK_CC 2, 52
        tsch    0(%r4)
        CHECK_CC 1, 53
        CHECK_MEM "0(4,%r4)", scsw_active, 54
        hsch
        CHECK_CC 0, 55
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_CC 0, 56
        CHECK_MEM "0(4,%r4)", scsw_halted, 57
        CHECK_MEM "8(2,%r4)", cede, 58
        # ---- halt and clear of an idle subchannel ----
        hsch
        CHECK_CC 0, 59
        bras    %r14,pollint
        hsch                            # status pending alone
        CHECK_CC 1, 60
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_halt_idle, 61
        csch
        CHECK_CC 0, 62
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_clear, 63
        # clear while the device is busy
        larl    %r3,orb_wait
        ssch    0(%r3)
        lhi     %r2,0x80
        bras    %r14,pollsch
        csch
        CHECK_CC 0, 64
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(12,%r4)", scsw_clear_busy, 65
        # ---- suspend and resume ----
        larl    %r3,orb_susp
        ssch    0(%r3)
        CHECK_CC 0, 66
        bras    %r14,pollint            # the suspension interrupts
        tsch    0(%r4)
        CHECK_MEM "0(8,%r4)", scsw_susp, 67
        stsch   0(%r5)                  # still suspended, no status
        CHECK_MEM "28(4,%r5)", scsw_susp_quiet, 68
        larl    %r3,ccw_s2
        ni      1(%r3),0xfd             # take the suspend flag away
        rsch
        CHECK_CC 0, 69
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(12,%r4)", scsw_resumed, 70
        CHECK_MEM "0(4,%r6)", hello, 71
        rsch                            # nothing to resume
        CHECK_CC 2, 72
        # suspended without an interruption (U); XSCH does not withdraw a
        # program that is merely suspended; CSCH does
        larl    %r3,orb_suspu
        ssch    0(%r3)
        lhi     %r2,0x20                # suspended
        bras    %r14,pollsch
        tpi     0(%r4)
        CHECK_CC 0, 73
        xsch
        CHECK_CC 2, 74
        csch
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_clear, 75
        xsch                            # nothing to cancel
        CHECK_CC 2, 76
        # ---- PCI: an intermediate interruption while the program runs ----
        larl    %r3,orb_pci
        ssch    0(%r3)
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_CC 0, 77
        CHECK_MEM "0(10,%r4)", scsw_pci, 78
        hsch                            # intermediate status is gone: halt
        CHECK_CC 0, 79
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_halted, 80
        CHECK_MEM "8(2,%r4)", cede, 81
        # ---- unit check, SENSE ----
        larl    %r3,orb_uc
        ssch    0(%r3)
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(12,%r4)", scsw_uc, 82
        larl    %r3,orb_sense
        ssch    0(%r3)
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "8(2,%r4)", cede, 83
        CHECK_MEM "0(1,%r6)", reject, 84
        # ---- attention: unsolicited, presented once the subchannel is idle ----
        larl    %r3,orb_attn
        ssch    0(%r3)
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_nop, 85
        bras    %r14,pollint
        CHECK_MEM "0xb8(4,0)", sid1, 86
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_attn, 87
        CHECK_MEM "8(2,%r4)", attn_st, 102
        # ---- channel reports, channel-path status ----
        larl    %r3,crw
        stcrw   0(%r3)
        CHECK_CC 1, 88
        CHECK_MEM "0(4,%r3)", zeros, 89
        lhi     %r1,0x01                # the path of 0190
        rchp
        CHECK_CC 0, 90
        stcrw   0(%r3)
        CHECK_CC 0, 91
        CHECK_MEM "0(4,%r3)", crw_reset, 92
        stcrw   0(%r3)
        CHECK_CC 1, 93
        larl    %r3,chps
        stcps   0(%r3)
        CHECK_MEM "0(32,%r3)", zeros, 94
        # ---- measurement: the block counts starts ----
        larl    %r2,mblock
        LW       %r1, schm_m
        schm
        LW       %r1, sid1
        stsch   0(%r5)
        oi      5(%r5),0x10             # measurement-block update
        msch    0(%r5)
        larl    %r3,orb_nop
        ssch    0(%r3)
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(2,%r2)", one, 95
        # ---- address limit: data at 128K, limit 64K, LM "below only" ----
        LW       %r1, limit
        sal
        LW       %r1, sid1
        stsch   0(%r5)
        oi      5(%r5),0x40             # LM 10
        msch    0(%r5)
        larl    %r3,orb_lim
        ssch    0(%r3)
        bras    %r14,pollint
        tsch    0(%r4)
        CHECK_MEM "0(4,%r4)", scsw_lim, 96
        CHECK_MEM "8(2,%r4)", progchk, 97
        # ---- the I/O interruption, masked by CR6 ----
        LCR6    cr6isc0                 # ISC 0 only
        larl    %r3,orb_nop
        ssch    0(%r3)
        lhi     %r2,0x01                # status pending
        bras    %r14,pollsch
        tpi     0(%r4)                  # ISC 5 is masked
        CHECK_CC 0, 98
        LCR6    cr6isc5
        WAIT_IO
        CHECK_MEM "0xb8(8,0)", code_nop, 100
        tsch    0(%r4)
        CHECK_CC 0, 101
        TEST_END

# Poll TPI until an interruption code is stored at 184.
pollint: larl    %r13,maxpoll
        l       %r0,0(%r13)
1:      tpi     0
        brc     4,2f
        brct    %r0,1b
        FAIL    900
2:      br      %r14

# Poll STSCH (subchannel in GR1) until SCSW byte 3 has a bit of GR2.
pollsch: larl    %r13,maxpoll
        l       %r0,0(%r13)
1:      stsch   0(%r5)
        larl    %r13,tmsch
        ex      %r2,0(%r13)
        brc     7,2f
        brct    %r0,1b
        FAIL    901
2:      br      %r14
tmsch:  tm      31(%r5),0

        .balign 4
maxpoll: .long  20000000
cr6all: .long   0xFF000000
cr6isc0: .long  0x80000000
cr6isc5: .long  0x04000000
badsid: .long   0x00020001
sid1:   .long   0x00010001
sidx:   .long   0x0001FFFF
x100:   .long   0x00000100
limit:  .long   0x00010000
schm_m: .long   0x00000002              # M: update measurement blocks
zeros:  .fill   32,1,0
one:    .short  1
cede:   .byte   0x0C,0x00
progchk: .byte  0x00,0x20
reject: .byte   0x80
        .balign 4
pmcw_reset: .long 0,0x00010190,0x80000080,0x0000FF80,0x01000000,0,0
code_nop: .long 0x00010001,0xAAAA0001
esw_lpum: .long 0x00800000
crw_reset: .long 0x44020001             # solicited, channel path, initialized, CHPID 01
scsw_nop: .long 0x00804007,ccw_nop+8,0x0C000001
scsw_active: .long 0x008040C0
scsw_halted: .long 0x00806007
scsw_halt_idle: .long 0x00002001
scsw_clear: .long 0x00001001
scsw_clear_busy: .long 0x00001001,ccw_wait,0x00000000
scsw_susp: .long 0x08804029,ccw_s2+8
scsw_susp_quiet: .long 0x08804020
scsw_resumed: .long 0x08804007,ccw_s2+16,0x0C000000
scsw_pci: .long 0x008040C9,ccw_pci+8
        .byte   0x00,0x80
scsw_uc: .long  0x00804017,ccw_uc+8,0x0E400004
scsw_attn: .long 0x00000011
attn_st: .byte  0x80,0x00
        .balign 4
scsw_lim: .long 0x00904017
hello:  .byte   0xC8,0xC5,0xD3,0xD3

        .balign 4
orb_nop: .long  0xAAAA0001,0x0080FF00,ccw_nop
orb_nolpm: .long 0xAAAA0001,0x00800000,ccw_nop
orb_bad: .long  0xAAAA0001,0x0080FF01,ccw_nop
orb_wait: .long 0xAAAA0002,0x0080FF00,ccw_wait
orb_susp: .long 0xAAAA0003,0x0880FF00,ccw_s1
orb_suspu: .long 0xAAAA0004,0x0888FF00,ccw_su
orb_pci: .long  0xAAAA0005,0x0080FF00,ccw_pci
orb_uc: .long   0xAAAA0006,0x0080FF00,ccw_uc
orb_sense: .long 0xAAAA0007,0x0080FF00,ccw_sense
orb_attn: .long 0xAAAA0008,0x0080FF00,ccw_attn
orb_lim: .long  0xAAAA0009,0x0090FF00,ccw_lim
schib_bad: .long 0,0x80800000,0,0,0,0,0
schib_ok: .long 0,0,0,0,0,0,0

        .balign 8
ccw_nop: CCW1   0x03, 0x20, 1, 0        # NOP, SLI
ccw_wait: CCW1  0x13, 0x20, 1, 0        # wait until halted
ccw_s1: CCW1    0x03, 0x60, 1, 0        # NOP, CC SLI
ccw_s2: CCW1    0x01, 0x62, 4, hello_w  # WRITE, CC SLI S
        CCW1    0x02, 0x20, 4, data     # READ it back
ccw_su: CCW1    0x03, 0x22, 1, 0        # NOP, SLI S
ccw_pci: CCW1   0x03, 0x68, 1, 0        # NOP, CC SLI PCI
        CCW1    0x13, 0x20, 1, 0        # wait until halted
ccw_uc: CCW1    0x23, 0x00, 4, data     # rejected
ccw_sense: CCW1 0x04, 0x00, 1, data
ccw_attn: CCW1  0x17, 0x20, 1, 0
ccw_lim: CCW1   0x01, 0x00, 4, 0x00020000
hello_w: .byte  0xC8,0xC5,0xD3,0xD3
        .balign 32
mblock: .fill   32,1,0
chps:   .fill   36,1,0xFF
        .balign 4
schib:  .fill   52,1,0
irb:    .fill   64,1,0
crw:    .fill   4,1,0xFF
data:   .fill   16,1,0

# The 1052 console at device 0009 (subchannel 0): find it with STSCH,
# enable it with MSCH, WRITE with and without carrier return, READ an
# operator line, SENSE after unit check; each I/O interruption taken
# from an enabled wait.  SCSW values from SA22-7201 chapters 14-16.
        .include "lib.inc"
        TEST_BEGIN
        lctl    %c6,%c6,cr6
        l       %r1,sid0
        la      %r2,schib
        stsch   0(%r2)
        CHECK_CC 0, 1
        CHECK_MEM "6(2,%r2)", devnum, 2
        tm      5(%r2),0x01             # device number valid
        jo      1f
        FAIL    3
1:      mvc     0(4,%r2),intparm
        oi      5(%r2),0x80             # enabled
        oi      4(%r2),0x18             # ISC 3
        msch    0(%r2)
        CHECK_CC 0, 4
        stsch   0(%r2)
        CHECK_MEM "0(8,%r2)", pmcw0, 5
        # WRITE with carrier return
        la      %r3,orb_w
        ssch    0(%r3)
        CHECK_CC 0, 6
        WAIT_IO
        CHECK_MEM "0xb8(8,0)", code0, 7   # subsystem id, interruption parameter
        la      %r4,irb
        tsch    0(%r4)
        CHECK_CC 0, 8
        CHECK_MEM "0(12,%r4)", scsw_w, 9
        tsch    0(%r4)                  # no longer status pending
        CHECK_CC 1, 10
        CHECK_MEM "0(4,%r4)", zero, 11
        # WRITE without, then with carrier return, command-chained
        la      %r3,orb_w2
        ssch    0(%r3)
        CHECK_CC 0, 12
        WAIT_IO
        tsch    0(%r4)
        CHECK_MEM "0(12,%r4)", scsw_w2, 13
        # READ an operator line (SLI: 20 bytes wanted, 6 given)
        la      %r3,orb_r
        ssch    0(%r3)
        WAIT_IO
        tsch    0(%r4)
        CHECK_MEM "0(12,%r4)", scsw_r, 14
        CHECK_MEM "inbuf(6)", answer, 15
        # READ again: the input has ended, intervention required
        la      %r3,orb_r2
        ssch    0(%r3)
        WAIT_IO
        tsch    0(%r4)
        CHECK_MEM "0(12,%r4)", scsw_r2, 16
        la      %r3,orb_s               # SENSE
        ssch    0(%r3)
        WAIT_IO
        tsch    0(%r4)
        CHECK_MEM "8(4,%r4)", status_s, 17
        CHECK_MEM "sensebuf(1)", sense_ir, 18
        # SENSE ID: FF, control unit 1052-01, device 1052-01
        la      %r3,orb_id
        ssch    0(%r3)
        WAIT_IO
        tsch    0(%r4)
        CHECK_MEM "8(4,%r4)", status_id, 19
        CHECK_MEM "idbuf(7)", senseid, 20
        TEST_END

        .balign 4
cr6:    .long   0xFF000000
sid0:   .long   0x00010000
intparm: .long  0x12345678
code0:  .long   0x00010000,0x12345678
devnum: .short  0x0009
pmcw0:  .long   0x12345678,0x18810009   # ISC 3, enabled, valid, 0009
zero:   .long   0
        .balign 4
orb_w:  .long   0x12345678,0x0000FF00,ccw_w      # key 0, format 0, LPM FF
orb_w2: .long   0x12345678,0x0000FF00,ccw_w2
orb_r:  .long   0x12345678,0x0000FF00,ccw_r
orb_r2: .long   0x12345678,0x0000FF00,ccw_r2
orb_s:  .long   0x12345678,0x0000FF00,ccw_s
orb_id: .long   0x12345678,0x0000FF00,ccw_id
        .balign 8
ccw_w:  CCW0    0x09, hello, 0, 5       # WRITE, carrier return
ccw_w2: CCW0    0x01, abc, 0x40, 3      # WRITE, command chaining
        CCW0    0x09, def, 0, 3
ccw_r:  CCW0    0x0A, inbuf, 0x20, 20   # READ, SLI
ccw_r2: CCW0    0x0A, inbuf, 0, 10
ccw_s:  CCW0    0x04, sensebuf, 0, 1    # SENSE
ccw_id: CCW0    0xE4, idbuf, 0, 7       # SENSE ID
scsw_w: .long   0x00004007,ccw_w+8,0x0C000000
scsw_w2: .long  0x00004007,ccw_w2+16,0x0C000000
scsw_r: .long   0x00004007,ccw_r+8,0x0C00000E
scsw_r2: .long  0x00004017,ccw_r2+8,0x0E40000A  # unit check, alert, incorrect length
status_s: .long 0x0C000000
status_id: .long 0x0C000000
sense_ir: .byte 0x40
        .balign 2
senseid: .byte  0xFF,0x10,0x52,0x01,0x10,0x52,0x01
        .balign 2
answer: .byte   0x81,0x95,0xA2,0xA6,0x85,0x99   # "answer" in EBCDIC
hello:  .byte   0xC8,0xC5,0xD3,0xD3,0xD6        # HELLO
abc:    .byte   0xC1,0xC2,0xC3
def:    .byte   0xC4,0xC5,0xC6
        .balign 4
schib:  .fill   52,1,0
        .balign 4
irb:    .fill   64,1,0
inbuf:  .fill   20,1,0
sensebuf: .fill 4,1,0
idbuf:  .fill   8,1,0

# An IPL record and program for the TEST device (ipl.json): the IPL PSW,
# a CCW that reads the whole file again to X'1000', then position-
# independent code that checks the I/O-interruption code IPL stored at
# 184 (subchannel 1, parameter zero), writes a line to the console on
# subchannel 0 and stops.  SA22-7201 chapter 17.
        .text
        .globl  _start
_start:
        .long   0x00080000,0x80001000+code      # IPL PSW: code as loaded
        .long   0x02001000,0x20000000+(end-_start)  # READ to 1000, SLI
        .long   0,0
code:   larl    %r12,base
        clc     0xb8(8,0),ssid-base(%r12)
        jne     fail
        l       %r1,sid0-base(%r12)     # enable the console
        la      %r2,schib-base(%r12)
        stsch   0(%r2)
        oi      5(%r2),0x80
        msch    0(%r2)
        la      %r3,ccw-base(%r12)      # absolute addresses in ORB and CCW
        st      %r3,orb+8-base(%r12)
        la      %r3,msg-base(%r12)
        st      %r3,ccw+4-base(%r12)
        lctl    %c6,%c6,cr6-base(%r12)
        la      %r3,orb-base(%r12)
        ssch    0(%r3)
        jnz     fail
1:      tpi     0                       # wait for the interruption
        jz      1b
        la      %r4,irb-base(%r12)
        tsch    0(%r4)
        clc     8(2,%r4),cede-base(%r12)
        jne     fail
        lpsw    okpsw-base(%r12)
fail:   lpsw    failpsw-base(%r12)

        .balign 8
base:
okpsw:  .long   0x000A0000,0x00000000
failpsw: .long  0x000A0000,0x00000BAD
ssid:   .long   0x00010001,0x00000000
sid0:   .long   0x00010000
cr6:    .long   0x80000000
cede:   .byte   0x0C,0x00
        .balign 4
orb:    .long   0,0x0080FF00,0
        .balign 8
ccw:    .long   0x09000006,0            # WRITE, carrier return, 6 bytes
msg:    .byte   0xC9,0xD7,0xD3,0x40,0xD6,0xD2   # IPL OK
        .balign 4
schib:  .fill   52,1,0
irb:    .fill   64,1,0
end:

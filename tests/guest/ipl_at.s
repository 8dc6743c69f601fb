# A position-independent program for vm390 mktape --ipl / mkdisk --ipl
# at a load address other than 0 (the IPL PSW starts it at its first
# byte): it checks the I/O-interruption code IPL stored at 184, writes
# IPL AT OK to the console on subchannel 0 (found with a TPI loop) and
# stops with a disabled wait at address 0.  SA22-7201 chapter 17.
        .text
        .globl  _start
_start: basr    %r12,0
base:   clc     0xb8(8,0),ssid-base(%r12)
        jne     fail
        l       %r1,sid0-base(%r12)
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
1:      tpi     0
        jz      1b
        la      %r4,irb-base(%r12)
        tsch    0(%r4)
        clc     8(2,%r4),cede-base(%r12)
        jne     fail
        lpsw    okpsw-base(%r12)
fail:   lpsw    failpsw-base(%r12)
        .balign 8
okpsw:  .long   0x000A0000,0x00000000
failpsw: .long  0x000A0000,0x00000BAD
ssid:   .long   0x00010001,0x00000000
sid0:   .long   0x00010000
cr6:    .long   0x80000000
cede:   .byte   0x0C,0x00
        .balign 4
orb:    .long   0,0x0080FF00,0
        .balign 8
ccw:    .long   0x09000009,0            # WRITE with carrier return, 9 bytes
msg:    .byte   0xC9,0xD7,0xD3,0x40,0xC1,0xE3,0x40,0xD6,0xD2   # IPL AT OK
        .balign 4
schib:  .fill   52,1,0
irb:    .fill   64,1,0

# A program for vm390 mkdisk --ipl / mktape --ipl (loaded at 0, so its
# restart PSW at 0 is also its IPL PSW): it checks the I/O-interruption
# code IPL stored (subchannel 1, parameter 0) and the last bytes of its
# 60 KB (all its records or blocks were read), writes IPL OK to the
# console on subchannel 0 and stops.  SA22-7201 chapter 17.
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        larl    %r2,ssid
        CHECK_MEM "0xb8(8,0)", ssid, 1
        larl    %r2,tail
        CHECK_MEM "0(4,%r2)", tailtext, 2
        IO_ENABLE sid0, 3
        IO_RUN  msg, sid0, 1
        TEST_END
        IO_LIB

        .balign 4
ssid:   .long   0x00010001,0
sid0:   .long   0x00010000
msg:    IOE     ccw, ccw+8, CEDE, 0, 0
        .long   0
        .balign 8
ccw:    CCW1    0x09, 0, 6, text
text:   .byte   0xC9,0xD7,0xD3,0x40,0xD6,0xD2   # IPL OK
tailtext: .byte 0xE3,0xC1,0xC9,0xD3
        .fill   60000,1,0x77
tail:   .byte   0xE3,0xC1,0xC9,0xD3             # TAIL

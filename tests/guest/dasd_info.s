# CKD disk 0190 (subchannel 1, a fresh 2-cylinder volume): SENSE ID, READ
# DEVICE CHARACTERISTICS, SENSE, NOP, RESERVE, RELEASE, UNCONDITIONAL
# RESERVE.  The byte at X'2E0' names the device (0: 3390-1, 1: 3380-1):
# identification and characteristics are those docs/devices.md lists for
# a 3390 / 3380 behind a 3990 model 2 (the values of the IBM device
# references).
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        IO_ENABLE sid1, 1
        IO_RUN  common, sid1, 1
        cli     0x2e0(0),1
        je      1f
        IO_RUN  t3390, sid1, 2
        TEST_END
1:      IO_RUN  t3380, sid1, 3
        TEST_END
        IO_LIB

        .balign 4
sid1:   .long   0x00010001

common:
        IOE     nop, nop+8, CEDE, 0, 1
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, zeros
        IOE     reserve, reserve+8, CEDE, 0, 0, buf, 4, zeros
        IOE     release, release+8, CEDE, 0, 0, buf, 4, zeros
        IOE     ureserve, ureserve+16, CEDE, 0, 0, buf, 4, zeros
        IOE     late_rsv, late_rsv+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     dx_rel, dx_rel+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     release, release+8, CEDE, 0, 0
        .long   0
t3390:
        IOE     sid, sid+8, CEDE, 0, 0, buf, 13, id3390
        IOE     sid_sli, sid_sli+8, CEDE, 0, 8, buf, 13, id3390
        IOE     sid_il, sid_il+8, CEDE, IL, 8
        IOE     rdc, rdc+8, CEDE, 0, 0, buf, 64, rdc3390
        .long   0
t3380:
        IOE     sid, sid+8, CEDE, 0, 0, buf, 13, id3380
        IOE     sid_sli, sid_sli+8, CEDE, 0, 8, buf, 13, id3380
        IOE     sid_il, sid_il+8, CEDE, IL, 8
        IOE     rdc, rdc+8, CEDE, 0, 0, buf, 64, rdc3380
        .long   0

        .balign 8
nop:    CCW1    0x03, 0, 1, 0
sense:  CCW1    0x04, CD, 4, buf        # bytes 0-3, skip 4-6, 7-31
        CCW1    0x00, CD+SKIP, 3, 0
        CCW1    0x00, 0, 25, buf+4
reserve: CCW1   0xB4, 0, 32, buf        # both return the sense bytes
release: CCW1   0x94, 0, 32, buf
ureserve: CCW1  0x14, CC, 32, buf
        CCW1    0x94, 0, 32, buf
late_rsv: CCW1  0x03, CC, 1, 0          # reserve must come first
        CCW1    0xB4, 0, 32, buf
dx_rel: CCW1    0x63, CC, 16, dx        # release not after Define Extent
        CCW1    0x94, 0, 32, buf
sid:    CCW1    0xE4, 0, 12, buf
sid_sli: CCW1   0xE4, SLI, 20, buf
sid_il: CCW1    0xE4, 0, 20, buf
rdc:    CCW1    0x64, 0, 64, buf

        .balign 4
dx:     .byte   0xC0,0xC0,0,0,0,0,0,0
        .short  1,0,1,14
zeros:  .fill   8,1,0
sns_seq: .byte  0x80,0x00,0,0,0x02
        .balign 2
# SENSE ID: FF, control unit 3990-C2, device and model, then a CIW for
# READ CONFIGURATION DATA (X'FA', 256 bytes); the 13th byte is untouched
id3390: .byte   0xFF,0x39,0x90,0xC2,0x33,0x90,0x02,0x00,0x40,0xFA,0x01,0x00,0x5A
        .balign 2
id3380: .byte   0xFF,0x39,0x90,0xC2,0x33,0x80,0x02,0x00,0x40,0xFA,0x01,0x00,0x5A
        .balign 2
# READ DEVICE CHARACTERISTICS of a 2-cylinder 3390-1: 3990-C2, 3390-02,
# features, class X'20' type X'26', 2 cylinders, 15 heads, 224 sectors,
# track length 58786, HA+R0 1428, formula 2 with 34 19 9 6 116, ...,
# R0 maximum 57326, f6 6, RPS X'7708', 2 cylinders (bytes 60-63)
rdc3390: .byte  0x39,0x90,0xC2,0x33,0x90,0x02,0xD0,0x00,0x00,0x00,0x20,0x26
        .byte   0x00,0x02,0x00,0x0F,0xE0,0x00,0xE5,0xA2,0x05,0x94,0x02,0x22
        .byte   0x13,0x09,0x06,0x74,0,0,0,0,0,0,0,0
        .byte   0,0,0,0,0x26,0x26,0x10,0x02,0xDF,0xEE,0x00,0x01
        .byte   0x06,0x77,0x08,0,0,0,0,0,0,0xFF,0,0
        .byte   0x00,0x00,0x00,0x02
# 3380-1: 24-byte compatible sense (feature bit 31), type X'0E', 222
# sectors, track length 47968, HA+R0 1088, formula 1 with 32, 492, 236,
# R0 maximum 47988, RPS X'5007'
rdc3380: .byte  0x39,0x90,0xC2,0x33,0x80,0x02,0xD0,0x00,0x00,0x01,0x20,0x0E
        .byte   0x00,0x02,0x00,0x0F,0xDE,0x00,0xBB,0x60,0x04,0x40,0x01,0x20
        .byte   0x01,0xEC,0x00,0xEC,0,0,0,0,0,0,0,0
        .byte   0,0,0,0,0x0E,0x0E,0x10,0x02,0xBB,0x74,0x00,0x01
        .byte   0x00,0x50,0x07,0,0,0,0,0,0,0xFF,0,0
        .byte   0x00,0x00,0x00,0x02
        .balign 8
buf:    .fill   512,1,0

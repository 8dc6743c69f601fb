# Unit-record devices: the 3215 console 0009 (subchannel 0: WRITE with and
# without carrier return, READ of an operator line, READ after the input
# ended, SENSE, SENSE ID), the 1403 printer 000E (subchannel 1: write with
# space and without, immediate skip, NOP, SENSE ID refused) and the 3525
# punch 000D (subchannel 2: cards of 80 columns).  The printed lines and
# cards land in host files that the case checks (docs/devices.md).
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        IO_ENABLE sid0, 1
        IO_ENABLE sid1, 2
        IO_ENABLE sid2, 3
        IO_RUN  t_con, sid0, 1
        IO_RUN  t_prt, sid1, 2
        IO_RUN  t_pun, sid2, 3
        TEST_END
        IO_LIB

        .balign 4
sid0:   .long   0x00010000
sid1:   .long   0x00010001
sid2:   .long   0x00010002

t_con:
        IOE     c_write, c_write+16, CEDE, 0, 0
        IOE     c_read, c_read+8, CEDE, 0, 17, buf, 4, abc
        IOE     c_read, c_read+8, CEDE+UC, 0, ANY
        IOE     c_sense, c_sense+8, CEDE, 0, 0, buf, 2, sns_ir
        IOE     c_sense, c_sense+8, CEDE, 0, 0, buf, 2, sns_none
        IOE     c_nop, c_nop+8, CEDE, 0, 1
        IOE     c_sid, c_sid+8, CEDE, 0, 13, buf, 8, id3215
        .long   0
t_prt:
        IOE     p_lines, p_lines+48, CEDE, 0, 1
        IOE     p_sid, p_sid+8, CEDE+UC, 0, ANY
        IOE     p_sense, p_sense+8, CEDE, 0, 0, buf, 2, sns_rej
        .long   0
t_pun:
        IOE     u_cards, u_cards+16, CEDE, 0, 0
        .long   0

        .balign 8
c_write: CCW1   0x01, CC, 6, hello      # HELLO and a blank, then WORLD
        CCW1    0x09, 0, 5, world
c_read: CCW1    0x0A, SLI, 20, buf
c_sense: CCW1   0x04, 0, 1, buf
c_nop:  CCW1    0x03, 0, 1, 0
c_sid:  CCW1    0xE4, SLI, 20, buf
p_lines: CCW1   0x09, CC, 6, line1      # space 1 after
        CCW1    0x01, CC, 4, over       # no space: overprint
        CCW1    0x09, CC, 5, printed
        CCW1    0x8B, CC, 1, 0          # immediate skip to channel 1
        CCW1    0x11, CC, 3, top        # space 2 after
        CCW1    0x03, 0, 1, 0
p_sid:  CCW1    0xE4, 0, 7, buf         # a 1403 has no SENSE ID
p_sense: CCW1   0x04, 0, 1, buf
u_cards: CCW1   0x01, CC+SLI, 6, card1  # columns 7-80 blank (SLI: short card)
        CCW1    0x01, 0, 80, card2

hello:  .byte   0xC8,0xC5,0xD3,0xD3,0xD6,0x40
world:  .byte   0xE6,0xD6,0xD9,0xD3,0xC4
line1:  .byte   0xD3,0xC9,0xD5,0xC5,0x40,0xF1
over:   .byte   0xD6,0xE5,0xC5,0xD9
printed: .byte  0xD7,0xD9,0xC9,0xD5,0xE3
top:    .byte   0xE3,0xD6,0xD7
card1:  .byte   0xC3,0xC1,0xD9,0xC4,0x40,0xF1
card2:  .byte   0xC3,0xC1,0xD9,0xC4,0x40,0xF2
        .fill   74,1,0x40
        .balign 2
abc:    .byte   0xC1,0xC2,0xC3,0x5A
# console sense: X'40' intervention required (input ended), then nothing
sns_ir: .byte   0x40,0x5A
sns_none: .byte 0x00,0x5A
sns_rej: .byte  0x80,0x5A
id3215: .byte   0xFF,0x32,0x15,0x01,0x32,0x15,0x01,0x5A
        .balign 8
buf:    .fill   64,1,0

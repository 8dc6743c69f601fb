# Tape drives 0180 (subchannel 1, a fresh empty cartridge) and 0181
# (subchannel 2, a cartridge of 8 KiB): WRITE, WRITE TAPE MARK, REWIND,
# READ (tape mark, incorrect length), READ BACKWARD, FORWARD SPACE and
# BACKSPACE BLOCK and FILE, load point, early warning and physical end of
# tape, REWIND UNLOAD, SENSE and SENSE ID.  The byte at X'2E0' names the
# drive (0: 3480, 1: 3490).  IBM 3480 reference (sense byte 0 reasons,
# byte 3 error recovery action); SCSW per SA22-7201 chapter 16.
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        IO_ENABLE sid1, 1
        IO_ENABLE sid2, 2
        IO_RUN  t_main, sid1, 1
        IO_RUN  t_eot, sid2, 2
        cli     0x2e0(0),1
        je      1f
        IO_RUN  t3480, sid1, 3
        TEST_END
1:      IO_RUN  t3490, sid1, 4
        TEST_END
        IO_LIB

        .balign 4
sid1:   .long   0x00010001
sid2:   .long   0x00010002

t_main:
        IOE     w_all, w_all+48, CEDE, 0, 1
        IOE     rew, rew+8, CEDE, 0, 1
        IOE     sense01, sense01+24, CEDE, 0, ANY, buf, 2, sns_bot
        IOE     r_a, r_a+8, CEDE, 0, 120, buf, 81, blk_a
        IOE     r_b, r_b+8, CEDE, IL, 0, buf, 51, blk_b50
        IOE     r_tm, r_tm+8, CEDE+UE, IL, 10
        IOE     r_c, r_c+8, CEDE, 0, 0, buf, 51, blk_c
        IOE     rb_c, rb_c+8, CEDE, 0, 0, buf, 51, blk_c
        IOE     rb_tm, rb_tm+8, CEDE+UE, IL, 10
        IOE     bsb2, bsb2+16, CEDE, 0, 1
        IOE     bsb, bsb+8, CEDE+UC, 0, ANY
        IOE     sense03, sense03+32, CEDE, 0, ANY, buf, 2, sns_bot_back
        IOE     rb_c, rb_c+8, CEDE+UC, 0, ANY
        IOE     sense03, sense03+32, CEDE, 0, ANY, buf, 2, sns_bot_back
        IOE     fsf_r, fsf_r+16, CEDE, 0, 0, buf, 51, blk_c
        IOE     fsb_r, fsb_r+24, CEDE, 0, 0, buf, 101, blk_b
        IOE     bsf_r, bsf_r+24, CEDE+UE, IL, 10
        IOE     fsb_tm, fsb_tm+32, CEDE+UE, 0, 1
        IOE     unload, unload+8, CEDE, 0, 1
        IOE     nop, nop+8, CEDE+UC, 0, ANY
        IOE     sense03, sense03+32, CEDE, 0, ANY, buf, 2, sns_noload
        .long   0
t_eot:
        IOE     e_two, e_two+16, CEDE, 0, 0
        IOE     e_one, e_one+8, CEDE+UE, 0, 0
        IOE     e_one, e_one+8, CEDE+UE, 0, 0
        IOE     e_one, e_one+8, CEDE+UC, 0, ANY
        IOE     sense03, sense03+32, CEDE, 0, ANY, buf, 2, sns_end
        .long   0
t3480:
        IOE     sid, sid+8, CEDE, 0, 13, buf, 8, id3480
        .long   0
t3490:
        IOE     sid, sid+8, CEDE, 0, 13, buf, 8, id3490
        .long   0

        .balign 8
w_all:  CCW1    0x01, CC, 80, blk_a     # A B * C * *
        CCW1    0x01, CC, 100, blk_b
        CCW1    0x1F, CC, 1, 0
        CCW1    0x01, CC, 50, blk_c
        CCW1    0x1F, CC, 1, 0
        CCW1    0x1F, 0, 1, 0
rew:    CCW1    0x07, 0, 1, 0
r_a:    CCW1    0x02, SLI, 200, buf
r_b:    CCW1    0x02, 0, 50, buf        # 50 of 100 bytes
r_tm:   CCW1    0x02, 0, 10, buf
r_c:    CCW1    0x02, 0, 50, buf
rb_c:   CCW1    0x0C, 0, 50, buf+49     # stored from the end down
rb_tm:  CCW1    0x0C, 0, 10, buf+9
bsb2:   CCW1    0x27, CC, 1, 0          # over B and A: load point
        CCW1    0x27, 0, 1, 0
bsb:    CCW1    0x27, 0, 1, 0
fsf_r:  CCW1    0x3F, CC, 1, 0          # past the first tape mark: C
        CCW1    0x02, 0, 50, buf
fsb_r:  CCW1    0x07, CC, 1, 0
        CCW1    0x37, CC, 1, 0          # over A: B
        CCW1    0x02, 0, 100, buf
bsf_r:  CCW1    0x3F, CC, 1, 0          # to C, back over the tape mark
        CCW1    0x2F, CC, 1, 0
        CCW1    0x02, 0, 10, buf        # which is then read
fsb_tm: CCW1    0x07, CC, 1, 0
        CCW1    0x37, CC, 1, 0
        CCW1    0x37, CC, 1, 0
        CCW1    0x37, 0, 1, 0           # a tape mark: unit exception
unload: CCW1    0x0F, 0, 1, 0
nop:    CCW1    0x03, 0, 1, 0
e_two:  CCW1    0x01, CC, 2000, blk_big
        CCW1    0x01, 0, 2000, blk_big
e_one:  CCW1    0x01, 0, 2000, blk_big
sid:    CCW1    0xE4, SLI, 20, buf
# sense bytes 0 and 1, or 0 and 3 (error recovery action)
sense01: CCW1   0x04, CD, 2, buf
        CCW1    0x00, CD+SKIP, 10, 0
        CCW1    0x00, SKIP+SLI, 20, 0
sense03: CCW1   0x04, CD, 1, buf
        CCW1    0x00, CD+SKIP, 2, 0
        CCW1    0x00, CD, 1, buf+1
        CCW1    0x00, SKIP+SLI, 28, 0

# byte 1: online X'40', at load point X'08'; ERA X'39' backward at load
# point, X'43' not ready (intervention required, X'40' in byte 0), X'38'
# physical end of tape (equipment check, X'10')
sns_bot: .byte  0x00,0x48
sns_bot_back: .byte 0x00,0x39
sns_noload: .byte 0x40,0x43
sns_end: .byte  0x10,0x38
# SENSE ID: FF, control unit and model, drive and model
id3480: .byte   0xFF,0x34,0x80,0x01,0x34,0x80,0x01,0x5A
id3490: .byte   0xFF,0x34,0x90,0x01,0x34,0x90,0x01,0x5A
blk_a:  .fill   80,1,0xC1
        .byte   0x5A
        .balign 2
blk_b:  .fill   100,1,0xC2
        .byte   0x5A
        .balign 2
blk_b50: .fill  50,1,0xC2
        .byte   0x5A
        .balign 2
blk_c:  .fill   50,1,0xC3
        .byte   0x5A
        .balign 2
blk_big: .fill  2000,1,0xE7
        .balign 8
buf:    .fill   256,1,0

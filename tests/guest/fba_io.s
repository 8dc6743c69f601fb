# FBA disk 0200 (subchannel 1, a fresh image of 200 blocks): DEFINE
# EXTENT, LOCATE, WRITE, READ (with the extent origin), incorrect length,
# extent and file-mask violations and sequence errors with their sense,
# SENSE, SENSE ID and READ DEVICE CHARACTERISTICS.  The byte at X'2E0'
# names the device (0: 9336-10, 1: 3370-1).  IBM FBA device references;
# SCSW per SA22-7201 chapter 16.
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        IO_ENABLE sid1, 1
        IO_RUN  common, sid1, 1
        cli     0x2e0(0),1
        je      1f
        IO_RUN  t9336, sid1, 2
        TEST_END
1:      IO_RUN  t3370, sid1, 3
        TEST_END
        IO_LIB

        .balign 4
sid1:   .long   0x00010001

common:
        IOE     write, write+24, CEDE, 0, 0
        IOE     read, read+24, CEDE, 0, 0, buf, 1025, data_x
        IOE     origin, origin+24, CEDE, 0, 0, buf, 513, data_x+512
        IOE     short, short+24, CEDE, IL, 0, buf, 4, data
        IOE     short_sli, short_sli+24, CEDE, 0, 0, buf, 4, data
        IOE     beyond, beyond+16, CEDE+UC, 0, ANY
        IOE     sense, sense+8, CEDE, 0, 0, buf, 4, sns_rej
        IOE     inhibit, inhibit+16, CEDE+UC, 0, ANY
        IOE     sense, sense+8, CEDE, 0, 0, buf, 4, sns_rej
        IOE     nodx, nodx+8, CEDE+UC, 0, ANY
        IOE     sense, sense+8, CEDE, 0, 0, buf, 4, sns_rej
        IOE     noloc, noloc+16, CEDE+UC, 0, ANY
        IOE     sense, sense+8, CEDE, 0, 0, buf, 4, sns_rej
        IOE     sense, sense+8, CEDE, 0, 0, buf, 25, sense24   # none pending
        IOE     nop, nop+8, CEDE, 0, 1
        .long   0
t9336:
        IOE     sid, sid+8, CEDE, 0, 13, buf, 8, id9336
        IOE     rdc, rdc+8, CEDE, 0, 0, buf, 18, rdc9336
        .long   0
t3370:
        IOE     sid, sid+8, CEDE, 0, 13, buf, 8, id3370
        IOE     rdc, rdc+8, CEDE, 0, 0, buf, 18, rdc3370
        .long   0

        .balign 8
write:  CCW1    0x63, CC, 16, dx_0_99   # blocks 10 and 11
        CCW1    0x43, CC, 8, loc_w10
        CCW1    0x41, 0, 1024, data
read:   CCW1    0x63, CC, 16, dx_0_99
        CCW1    0x43, CC, 8, loc_r10
        CCW1    0x42, 0, 1024, buf
origin: CCW1    0x63, CC, 16, dx_org8   # extent block 3 = device block 11
        CCW1    0x43, CC, 8, loc_r3
        CCW1    0x42, 0, 512, buf
short:  CCW1    0x63, CC, 16, dx_0_99   # 4 bytes of two blocks
        CCW1    0x43, CC, 8, loc_r10
        CCW1    0x42, 0, 4, buf
short_sli: CCW1 0x63, CC, 16, dx_0_99
        CCW1    0x43, CC, 8, loc_r10
        CCW1    0x42, SLI, 4, buf
beyond: CCW1    0x63, CC, 16, dx_0_9    # block 10 is outside blocks 0-9
        CCW1    0x43, 0, 8, loc_r10
inhibit: CCW1   0x63, CC, 16, dx_ro     # file mask: no writes
        CCW1    0x43, 0, 8, loc_w10
nodx:   CCW1    0x43, 0, 8, loc_r10     # no Define Extent
noloc:  CCW1    0x63, CC, 16, dx_0_99   # READ not after LOCATE
        CCW1    0x42, 0, 512, buf
sense:  CCW1    0x04, 0, 24, buf
nop:    CCW1    0x03, 0, 1, 0
sid:    CCW1    0xE4, SLI, 20, buf
rdc:    CCW1    0x64, 0, 32, buf

        .balign 4
# Define Extent: file mask, 0, 0, 0, origin, first and last block
dx_0_99: .long  0x00000000,0,0,99
dx_org8: .long  0x00000000,8,0,9
dx_0_9: .long   0x00000000,0,0,9
dx_ro:  .long   0x40000000,0,0,99
# Locate: operation (01 write, 06 read), 0, block count, first block
loc_w10: .long  0x01000002,10
loc_r10: .long  0x06000002,10
loc_r3: .long   0x06000001,3
sns_rej: .byte  0x80,0,0,0
zeros:  .fill   4,1,0
sense24: .fill  24,1,0
        .byte   0x5A
        .balign 2
# SENSE ID: FF, control unit (6310 / 3880) model 01, device, model
id9336: .byte   0xFF,0x63,0x10,0x01,0x93,0x36,0x00,0x5A
id3370: .byte   0xFF,0x38,0x80,0x01,0x33,0x70,0x00,0x5A
# characteristics: modes, features, class X'21', unit type, block size
# 512, blocks per cyclical group, per access position, blocks (200)
rdc9336: .byte  0x30,0x08,0x21,0x11,0x02,0x00
        .long   63,315,200
rdc3370: .byte  0x30,0x08,0x21,0x02,0x02,0x00
        .long   62,744,200
data:   .fill   512,1,0xA1
        .fill   512,1,0xB2
data_x: .fill   512,1,0xA1
        .fill   512,1,0xB2
        .byte   0x5A
        .balign 8
buf:    .fill   1100,1,0

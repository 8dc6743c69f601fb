# CKD disk 0190 (subchannel 1, a fresh 2-cylinder volume): ECKD channel
# programs -- DEFINE EXTENT, LOCATE RECORD (format write, read data, read,
# read tracks) with WRITE CKD, READ DATA, READ COUNT, READ KEY AND DATA,
# READ CKD, READ TRACK, multitrack reads within a domain; extent and
# file-mask violations and parameter errors with their sense bytes.
# IBM 3990 storage control reference; SCSW per SA22-7201 chapter 16.
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        IO_ENABLE sid1, 1
        IO_RUN  progs, sid1, 1
        TEST_END
        IO_LIB

        .balign 4
sid1:   .long   0x00010001

progs:
        IOE     fmt, fmt+40, CEDE, 0, 0
        IOE     rdata, rdata+40, CEDE, 0, 0, buf, 96, t12_data
        IOE     rread, rread+40, CEDE, 0, 0, buf, 80, t12_mix
        IOE     rtrk, rtrk+32, CEDE, 0, 0, buf, 160, t12_trk
        IOE     fmt13, fmt13+32, CEDE, 0, 0
        IOE     rmt, rmt+40, CEDE, 0, 0, buf, 96, mt_data
        IOE     xout, xout+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 4, sns_fp
        IOE     xseek, xseek+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 4, sns_fp
        IOE     xmt, xmt+48, CEDE+UC, 0, ANY, buf, 64, t12_data
        IOE     sense, sense+24, CEDE, 0, 0, buf, 4, sns_fp
        IOE     xmask, xmask+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     xr0, xr0+24, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     xparm, xparm+8, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_param
        IOE     xnodx, xnodx+8, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     xshort, xshort+8, CEDE+UC, IL, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_count
        .long   0

        .balign 8
# cylinder 1 head 2: R1-R3 of 32 bytes after the R0 the volume has
fmt:    CCW1    0x63, CC, 16, dx_all
        CCW1    0x47, CC, 16, lr_fmt
        CCW1    0x1D, CC, 40, t12
        CCW1    0x1D, CC, 40, t12+40
        CCW1    0x1D, 0, 40, t12+80
rdata:  CCW1    0x63, CC, 16, dx_all
        CCW1    0x47, CC, 16, lr_rdata
        CCW1    0x06, CC, 32, buf
        CCW1    0x06, CC, 32, buf+32
        CCW1    0x06, 0, 32, buf+64
rread:  CCW1    0x63, CC, 16, dx_all    # oriented to R0: R1 count, R1 data,
        CCW1    0x47, CC, 16, lr_read   # then all of R2
        CCW1    0x12, CC, 8, buf
        CCW1    0x0E, CC, 32, buf+8
        CCW1    0x1E, 0, 40, buf+40
rtrk:   CCW1    0x63, CC, 16, dx_all    # tracks 1/2 and 1/3, R0 first
        CCW1    0x47, CC, 16, lr_rtrk
        CCW1    0xDE, CC+SLI, 136, buf
        CCW1    0xDE, SLI, 16, buf+136
fmt13:  CCW1    0x63, CC, 16, dx_all    # two records on 1/3
        CCW1    0x47, CC, 16, lr_fmt13
        CCW1    0x1D, CC, 40, t13
        CCW1    0x1D, 0, 40, t13+40
rmt:    CCW1    0x63, CC, 16, dx_all    # R2, R3 of 1/2, then R1 of 1/3
        CCW1    0x47, CC, 16, lr_mt
        CCW1    0x86, CC, 32, buf
        CCW1    0x86, CC, 32, buf+32
        CCW1    0x86, 0, 32, buf+64
xout:   CCW1    0x63, CC, 16, dx_10_11  # Locate Record outside the extent
        CCW1    0x47, 0, 16, lr_rdata
xseek:  CCW1    0x63, CC, 16, dx_10_11  # a seek outside it
        CCW1    0x07, 0, 6, sk00
xmt:    CCW1    0x63, CC, 16, dx_12_12  # the fourth record is past the
        CCW1    0x47, CC, 16, lr_rdata4 # extent's end
        CCW1    0x86, CC, 32, buf
        CCW1    0x86, CC, 32, buf+32
        CCW1    0x86, CC, 32, buf+64
        CCW1    0x86, 0, 32, buf+96
xmask:  CCW1    0x63, CC, 16, dx_nowrite  # writes inhibited, format write
        CCW1    0x47, 0, 16, lr_fmt
xr0:    CCW1    0x63, CC, 16, dx_nor0   # Write R0 inhibited by mask 00
        CCW1    0x47, CC, 16, lr_fmt_ha
        CCW1    0x15, 0, 16, r0_12
xparm:  CCW1    0x63, 0, 16, dx_resv    # a reserved file-mask bit
xnodx:  CCW1    0x47, 0, 16, lr_rdata   # no Define Extent
xshort: CCW1    0x63, 0, 8, dx_all      # 8 of 16 parameter bytes
sense:  CCW1    0x04, CD, 4, buf        # bytes 0-3, skip 4-6, 7-31
        CCW1    0x00, CD+SKIP, 3, 0
        CCW1    0x00, 0, 25, buf+4

        .balign 4
# Define Extent: file mask, global attributes (ECKD mode), block size,
# 4 reserved, first and last CCHH
dx_all: .byte   0xC0,0xC0,0,0,0,0,0,0
        .short  1,0,1,14
dx_10_11: .byte 0xC0,0xC0,0,0,0,0,0,0
        .short  1,0,1,1
dx_12_12: .byte 0xC0,0xC0,0,0,0,0,0,0
        .short  1,2,1,2
dx_nowrite: .byte 0x40,0xC0,0,0,0,0,0,0
        .short  1,0,1,14
dx_nor0: .byte  0x00,0xC0,0,0,0,0,0,0
        .short  1,0,1,14
dx_resv: .byte  0xE0,0xC0,0,0,0,0,0,0
        .short  1,0,1,14
# Locate Record: operation, auxiliary, 0, count, seek CCHH, search CCHHR,
# sector (FF none), transfer length factor
lr_fmt: .byte   0x03,0,0,3
        .short  1,2,1,2
        .byte   0,0xFF,0,0
lr_fmt_ha: .byte 0x43,0,0,2
        .short  1,2,1,2
        .byte   0,0xFF,0,0
lr_rdata: .byte 0x06,0,0,3
        .short  1,2,1,2
        .byte   1,0xFF,0,0
lr_rdata4: .byte 0x06,0,0,4
        .short  1,2,1,2
        .byte   1,0xFF,0,0
lr_read: .byte  0x16,0,0,3
        .short  1,2,1,2
        .byte   0,0xFF,0,0
lr_rtrk: .byte  0x4C,0,0,2               # home-address orientation
        .short  1,2,1,2
        .byte   0,0xFF,0,0
lr_mt:  .byte   0x06,0,0,3
        .short  1,2,1,2
        .byte   2,0xFF,0,0
lr_fmt13: .byte 0x03,0,0,2
        .short  1,3,1,3
        .byte   0,0xFF,0,0
sk00:   .short  0,0,0
r0_12:  .long   0x00010002,0x00000008,0,0
# the records of cylinder 1 head 2: count and 32 bytes of data
t12:    .long   0x00010002,0x01000020
t12_r1: .fill   32,1,0xC1
        .long   0x00010002,0x02000020
t12_r2: .fill   32,1,0xC2
        .long   0x00010002,0x03000020
t12_r3: .fill   32,1,0xC3
t13:    .long   0x00010003,0x01000020
        .fill   32,1,0xD1
        .long   0x00010003,0x02000020
        .fill   32,1,0xD2
mt_data: .fill  32,1,0xC2
        .fill   32,1,0xC3
        .fill   32,1,0xD1
t12_data: .fill 32,1,0xC1
        .fill   32,1,0xC2
        .fill   32,1,0xC3
t12_mix: .long  0x00010002,0x01000020
        .fill   32,1,0xC1
        .long   0x00010002,0x02000020
        .fill   32,1,0xC2
# READ TRACK of 1/2 (R0 .. R3) and of 1/3 (R0 alone)
t12_trk: .long  0x00010002,0x00000008,0,0
        .long   0x00010002,0x01000020
        .fill   32,1,0xC1
        .long   0x00010002,0x02000020
        .fill   32,1,0xC2
        .long   0x00010002,0x03000020
        .fill   32,1,0xC3
        .long   0x00010003,0x00000008,0,0
        .fill   8,1,0x5A                # (16 bytes of 1/3 asked for)
# sense bytes 0-3 and 7
sns_fp: .byte   0x00,0x04,0,0
        .balign 2
sns_seq: .byte  0x80,0x00,0,0,0x02
        .balign 2
sns_param: .byte 0x80,0x00,0,0,0x04
        .balign 2
sns_count: .byte 0x80,0x00,0,0,0x03
        .balign 8
buf:    .fill   512,1,0

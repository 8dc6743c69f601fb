# CKD disk 0190 (subchannel 1, a fresh 2-cylinder volume with IPL1, IPL2
# and VOL1 on track 0): the classic commands -- SEEK, SEEK CYLINDER, SEEK
# HEAD, SET SECTOR, SEARCH ID / KEY / HOME ADDRESS with TIC loops, the
# reads (DATA, KEY AND DATA, COUNT, R0, HA, CKD, MULTIPLE CKD) and the
# writes (WRITE HA, R0, CKD, DATA, KEY AND DATA, ERASE) after SET FILE
# MASK.  The same program runs against a 3390 and a 3380.  Semantics from
# the IBM 3990 storage control reference; status from SA22-7201 ch. 16.
        .include "lib.inc"
        .include "io.inc"
        TEST_BEGIN
        IO_ENABLE sid1, 1
        IO_RUN  reads, sid1, 1
        IO_RUN  writes, sid1, 2
        TEST_END
        IO_LIB

        .balign 4
sid1:   .long   0x00010001

# ---- track 0 as created: R0, IPL1 (key IPL1, 24), IPL2 (144), VOL1 (80)
reads:
        IOE     r_vol1, r_vol1+32, CEDE, 0, 0, buf, 10, vol1_10
        IOE     r_key, r_key+32, CEDE, 0, 0, buf, 10, vol1_10
        IOE     r_r0, r_r0+24, CEDE, 0, 0, buf, 24, r0_cnt1
        IOE     r_ha, r_ha+16, CEDE, 0, 0, buf, 6, ha_00
        IOE     r_kd, r_kd+32, CEDE, 0, 0, buf, 28, ipl1_kd
        IOE     r_ckd, r_ckd+32, CEDE, 0, 0, buf, 16, vol1_ckd
        IOE     r_mul, r_mul+16, CEDE, 0, 16, buf, 12, ipl1_cnt
        IOE     r_mul_il, r_mul_il+16, CEDE, IL, 16
        IOE     r_shd, r_shd+48, CEDE, 0, 0, buf, 6, ha_01
        IOE     r_idhi, r_idhi+32, CEDE, 0, 0, buf, 4, ipl2_key
        IOE     r_idhe, r_idhe+32, CEDE, 0, 0, buf, 4, ipl2_key
        IOE     r_khi, r_khi+32, CEDE, 0, 0, buf, 8, zeros
        IOE     r_khe, r_khe+32, CEDE, 0, 0, buf, 4, vol1_10
        IOE     r_nrf, r_nrf+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 4, sns_nrf
        IOE     r_nop, r_nop+8, CEDE, 0, 1      # immediate: count unchanged
        .long   0

# ---- cylinder 1: format, update, erase, and what is refused
writes:
        IOE     w_fmt, w_fmt+64, CEDE, 0, 0
        IOE     w_back, w_back+40, CEDE, 0, 0, buf, 100, t10
        IOE     w_data, w_data+64, CEDE, 0, 0, buf, 16, newdata
        IOE     w_kd, w_kd+64, CEDE, 0, 0, buf, 16, kdx+4
        IOE     w_erase, w_erase+40, CEDE, 0, 0
        IOE     w_mul, w_mul+16, CEDE, 0, 44, buf, 12, r1_cnt
        IOE     w_ha, w_ha+48, CEDE, 0, 0, buf, 21, t11
        IOE     w_noauth, w_noauth+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     w_inhibit, w_inhibit+40, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     w_r0mask, w_r0mask+32, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_seq
        IOE     w_noseek, w_noseek+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 4, sns_fp
        IOE     w_seekcyl, w_seekcyl+16, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 4, sns_fp
        IOE     w_headok, w_headok+32, CEDE, 0, 0, buf, 6, ha_01
        IOE     w_range, w_range+8, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_param
        IOE     w_badcmd, w_badcmd+8, CEDE+UC, 0, ANY
        IOE     sense, sense+24, CEDE, 0, 0, buf, 5, sns_cmd
        .long   0

        .balign 8
r_vol1: CCW1    0x07, CC, 6, sk00
        CCW1    0x31, CC, 5, id003
        CCW1    0x08, 0, 0, r_vol1+8
        CCW1    0x06, 0, 80, buf
r_key:  CCW1    0x07, CC, 6, sk00
        CCW1    0x29, CC, 4, vol1_10
        CCW1    0x08, 0, 0, r_key+8
        CCW1    0x06, 0, 80, buf
r_r0:   CCW1    0x07, CC, 6, sk00
        CCW1    0x16, CC, 16, buf
        CCW1    0x12, 0, 8, buf+16
r_ha:   CCW1    0x07, CC, 6, sk00
        CCW1    0x1A, 0, 5, buf
r_kd:   CCW1    0x07, CC, 6, sk00
        CCW1    0x31, CC, 5, id001
        CCW1    0x08, 0, 0, r_kd+8
        CCW1    0x0E, 0, 28, buf
r_ckd:  CCW1    0x07, CC, 6, sk00
        CCW1    0x31, CC, 5, id002
        CCW1    0x08, 0, 0, r_ckd+8
        CCW1    0x1E, 0, 92, buf
r_mul:  CCW1    0x07, CC, 6, sk00       # R1 36 + R2 156 + R3 92 = 284
        CCW1    0x5E, SLI, 300, buf
r_mul_il: CCW1  0x07, CC, 6, sk00
        CCW1    0x5E, 0, 300, buf
r_shd:  CCW1    0x0B, CC, 6, sk00       # seek cylinder 0 head 0
        CCW1    0x1B, CC, 6, skx01      # seek head 1 (cylinder bytes ignored)
        CCW1    0x23, CC, 1, zeros      # set sector 0
        CCW1    0x39, CC, 4, ha0001
        CCW1    0x08, 0, 0, r_shd+24
        CCW1    0x1A, 0, 5, buf
r_idhi: CCW1    0x07, CC, 6, sk00       # first id above 0000 0000 01: R2
        CCW1    0x51, CC, 5, id001
        CCW1    0x08, 0, 0, r_idhi+8
        CCW1    0x0E, SLI, 20, buf
r_idhe: CCW1    0x07, CC, 6, sk00
        CCW1    0x71, CC, 5, id002
        CCW1    0x08, 0, 0, r_idhe+8
        CCW1    0x0E, SLI, 20, buf
r_khi:  CCW1    0x07, CC, 6, sk00       # first key above IPL1: IPL2
        CCW1    0x49, CC, 4, ipl1_kd
        CCW1    0x08, 0, 0, r_khi+8
        CCW1    0x06, 0, 144, buf
r_khe:  CCW1    0x07, CC, 6, sk00
        CCW1    0x69, CC, 4, vol1_10
        CCW1    0x08, 0, 0, r_khe+8
        CCW1    0x06, 0, 80, buf
r_nrf:  CCW1    0x07, CC, 6, sk00       # no record 4: twice past the index
        CCW1    0x31, CC, 5, id004
        CCW1    0x08, 0, 0, r_nrf+8
        CCW1    0x06, 0, 80, buf
sense:  CCW1    0x04, CD, 4, buf        # bytes 0-3, skip 4-6, 7-31
        CCW1    0x00, CD+SKIP, 3, 0
        CCW1    0x00, 0, 25, buf+4
r_nop:  CCW1    0x03, 0, 1, 0

w_fmt:  CCW1    0x1F, CC, 1, mask_c0    # set file mask: all writes
        CCW1    0x07, CC, 6, sk10
        CCW1    0x39, CC, 4, ha0100
        CCW1    0x08, 0, 0, w_fmt+16
        CCW1    0x15, CC, 16, t10       # R0
        CCW1    0x1D, CC, 28, t10+16    # R1 .. R3: key 4, data 16
        CCW1    0x1D, CC, 28, t10+44
        CCW1    0x1D, 0, 28, t10+72
w_back: CCW1    0x07, CC, 6, sk10
        CCW1    0x16, CC, 16, buf
        CCW1    0x1E, CC, 28, buf+16
        CCW1    0x1E, CC, 28, buf+44
        CCW1    0x1E, 0, 28, buf+72
w_data: CCW1    0x07, CC, 6, sk10
        CCW1    0x31, CC, 5, id102
        CCW1    0x08, 0, 0, w_data+8
        CCW1    0x05, CC, 16, newdata
        CCW1    0x07, CC, 6, sk10
        CCW1    0x31, CC, 5, id102
        CCW1    0x08, 0, 0, w_data+40
        CCW1    0x06, 0, 16, buf
w_kd:   CCW1    0x07, CC, 6, sk10
        CCW1    0x31, CC, 5, id103
        CCW1    0x08, 0, 0, w_kd+8
        CCW1    0x0D, CC, 20, kdx
        CCW1    0x07, CC, 6, sk10
        CCW1    0x29, CC, 4, kdx
        CCW1    0x08, 0, 0, w_kd+40
        CCW1    0x06, 0, 16, buf
w_erase: CCW1   0x1F, CC, 1, mask_c0
        CCW1    0x07, CC, 6, sk10
        CCW1    0x31, CC, 5, id102
        CCW1    0x08, 0, 0, w_erase+16
        CCW1    0x11, 0, 28, t10+72     # erase what follows R2
w_mul:  CCW1    0x07, CC, 6, sk10       # R1 and R2 are left: 56 bytes
        CCW1    0x5E, SLI, 100, buf
w_ha:   CCW1    0x1F, CC, 1, mask_c0
        CCW1    0x07, CC, 6, sk11
        CCW1    0x19, CC, 5, t11        # home address, then R0 after it
        CCW1    0x15, CC, 16, t11+5
        CCW1    0x1A, CC, 5, buf
        CCW1    0x16, 0, 16, buf+5
w_noauth: CCW1  0x07, CC, 6, sk10       # a write not after a search
        CCW1    0x05, 0, 16, newdata
w_inhibit: CCW1 0x1F, CC, 1, mask_40    # all writes inhibited
        CCW1    0x07, CC, 6, sk10
        CCW1    0x31, CC, 5, id101
        CCW1    0x08, 0, 0, w_inhibit+16
        CCW1    0x05, 0, 16, newdata
w_r0mask: CCW1  0x07, CC, 6, sk10       # mask 00: no Write R0
        CCW1    0x39, CC, 4, ha0100
        CCW1    0x08, 0, 0, w_r0mask+8
        CCW1    0x15, 0, 16, t10
w_noseek: CCW1  0x1F, CC, 1, mask_18    # no seeks
        CCW1    0x07, 0, 6, sk10
w_seekcyl: CCW1 0x1F, CC, 1, mask_10    # seek head only
        CCW1    0x0B, 0, 6, sk10
w_headok: CCW1  0x07, CC, 6, sk00       # the mask applies from here on:
        CCW1    0x1F, CC, 1, mask_10    # seek head is allowed
        CCW1    0x1B, CC, 6, skx01
        CCW1    0x1A, 0, 5, buf
w_range: CCW1   0x07, 0, 6, sk_far      # cylinder 5 of 2
w_badcmd: CCW1  0x2B, 0, 1, buf

        .balign 2
sk00:   .short  0,0,0
sk10:   .short  0,1,0
sk11:   .short  0,1,1
skx01:  .short  0,0x55,1
sk_far: .short  0,5,0
id001:  .byte   0,0,0,0,1
        .balign 2
id002:  .byte   0,0,0,0,2
        .balign 2
id003:  .byte   0,0,0,0,3
        .balign 2
id004:  .byte   0,0,0,0,4
        .balign 2
id101:  .byte   0,1,0,0,1
        .balign 2
id102:  .byte   0,1,0,0,2
        .balign 2
id103:  .byte   0,1,0,0,3
        .balign 2
ha0001: .short  0,1
ha0100: .short  1,0
mask_c0: .byte  0xC0
mask_40: .byte  0x40
mask_18: .byte  0x18
mask_10: .byte  0x10
        .balign 2
vol1_10: .byte  0xE5,0xD6,0xD3,0xF1,0xE5,0xD6,0xD3,0xF0,0xF0,0xF1
        .balign 2
r0_cnt1: .long  0,8,0,0                 # R0: count, 8 zero bytes
ipl1_cnt: .long 0x00000000,0x01040018   # R1: CC HH R KL DL
        .byte   0xC9,0xD7,0xD3,0xF1
        .balign 2
ha_00:  .byte   0,0,0,0,0,0x5A
        .balign 2
ha_01:  .byte   0,0,0,0,1,0x5A
        .balign 2
ipl1_kd: .byte  0xC9,0xD7,0xD3,0xF1     # IPL1: a disabled wait and a NOP
        .long   0x000A0000,0,0x03000000,0x20000001,0,0
ipl2_key: .byte 0xC9,0xD7,0xD3,0xF2
vol1_ckd: .long 0x00000000,0x03040050,0xE5D6D3F1,0xE5D6D3F1
zeros:  .fill   16,1,0
        .balign 2
r1_cnt: .long   0x00010000,0x01040010
        .byte   0xD2,0xC5,0xE8,0xF1
        .balign 2
# cylinder 1 head 0 as formatted: R0 (16), R1-R3 (28 each)
t10:    .long   0x00010000,0x00000008,0xD9F0D9F0,0xD9F0D9F0
        .long   0x00010000,0x01040010,0xD2C5E8F1,0xC1C1C1C1,0xC1C1C1C1,0xC1C1C1C1,0xC1C1C1C1
        .long   0x00010000,0x02040010,0xD2C5E8F2,0xC2C2C2C2,0xC2C2C2C2,0xC2C2C2C2,0xC2C2C2C2
        .long   0x00010000,0x03040010,0xD2C5E8F3,0xC3C3C3C3,0xC3C3C3C3,0xC3C3C3C3,0xC3C3C3C3
# head 1: HA, R0 written after it, read back
t11:    .byte   0,0,1,0,1
        .long   0x00010001,0x00000008,0xF1F2F3F4,0xF5F6F7F8
        .balign 2
newdata: .long  0xD5C5E6D5,0xC5E6D5C5,0xE6D5C5E6,0xD5C5E6D5
kdx:    .long   0xD2C5E8E7,0xE7E7E7E7,0xE7E7E7E7,0xE7E7E7E7,0xE7E7E7E7
# sense bytes 0-3 and 7 (format 0 message)
sns_nrf: .byte  0x00,0x08,0,0
        .balign 2
sns_seq: .byte  0x80,0x00,0,0,0x02
        .balign 2
sns_fp: .byte   0x00,0x04,0,0
        .balign 2
sns_param: .byte 0x80,0x00,0,0,0x04
        .balign 2
sns_cmd: .byte  0x80,0x00,0,0,0x01
        .balign 8
buf:    .fill   512,1,0

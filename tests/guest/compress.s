# COMPRESSION CALL (SA22-7201 chapter 7, dictionary formats of SA22-7208):
# 9-bit symbols (CDSS 1) with a small hand-built compression dictionary at
# X'4000' and expansion dictionary at X'5000':
#   'A' -> child 'B' (256, examined) -> child 'A' (257, not examined)
#   'X' -> child 'Y' (258) with extension characters "ZZ"
#   'S' -> children '1'-'5' (260-264), sibling descriptor 265 with '6', '7'
#   'F' -> children '1'-'5' (270-274), format-1 descriptor 275 ('a'-'h')
#   'Q' -> an invalid entry (child count 7)
# Longest matches, bit packing at the CBN in GR1, symbol translation,
# expansion through preceded entries, CC 0/1, data and specification
# exceptions.
        .include "lib.inc"
        .include "regs.inc"

        .macro  GR0 value
        LV      %r1, \value
        lr      %r0,%r1
        .endm

        TEST_BEGIN
        # compress "ABABABC": symbols 257, X'42', 256, X'43'
        GR0     0x1000
        OPS     out, 16, s_abababc, 7
        LV      %r1, 0x4000
        cmpsc   %r2,%r4
        CHECK_CC 0, 1
        CHECK_R %r2, out+4, 2
        CHECK_R %r3, 12, 3
        CHECK_R %r4, s_abababc+7, 4
        CHECK_R %r5, 0, 5
        CHECK_R %r1, 0x4004, 6                  # CBN 4
        larl    %r6,out
        CHECK_MEM "0(5,%r6)",c_abababc, 7
        # extension characters: "XYZZ" is 258, "XYZW" falls back to 'X'
        GR0     0x1000
        OPS     out, 16, s_xyzz, 8
        LV      %r1, 0x4000
        cmpsc   %r2,%r4
        CHECK_CC 0, 8
        CHECK_R %r1, 0x4005, 9
        CHECK_MEM "0(6,%r6)",c_xyzz, 10
        # children found through a sibling descriptor: "S7" 267, "S3" 262
        OPS     out, 16, s_s7s3, 4
        LV      %r1, 0x4000
        cmpsc   %r2,%r4
        CHECK_CC 0, 11
        CHECK_MEM "0(3,%r6)",c_s7s3, 12
        # format-1 sibling descriptors (GR0 bit 22): 'F' has children
        # '1'-'5' (270-274) and descriptor 275 with 'a'-'f' in its first
        # half and 'g', 'h' in the second (expansion-dictionary entry 275):
        # "Fh" is 283
        GR0     0x1200
        OPS     out, 16, s_fh, 2
        LV      %r1, 0x4000
        cmpsc   %r2,%r4
        CHECK_CC 0, 60
        CHECK_MEM "0(2,%r6)",c_fh, 61
        GR0     0x1000
        # the first operand too short for the second symbol: CC 1 after
        # the first, the source left at the second
        OPS     out, 2, s_abababc, 7
        LV      %r1, 0x4000
        cmpsc   %r2,%r4
        CHECK_CC 1, 13
        CHECK_R %r3, 1, 14
        CHECK_R %r4, s_abababc+3, 15
        CHECK_R %r1, 0x4001, 16
        # symbol translation: table at origin + X'2000' (GR1 bits 20-28 =
        # X'200' / 16), 'A' -> X'1FF'
        GR0     0x11000
        OPS     out, 16, s_abababc, 1
        LV      %r1, 0x4200
        cmpsc   %r2,%r4
        CHECK_CC 0, 17
        CHECK_MEM "0(2,%r6)",c_1ff, 18
        # 8 KiB of 'B' (no children): CC 3 first, resumed to CC 0; 8192
        # symbols of 9 bits fill 9216 bytes exactly
        OPS     0x10000, 8192, 0, 0x42000000
        mvcl    %r2,%r4
        GR0     0x1000
        OPS     0x20000, 0x4000, 0x10000, 8192
        LV      %r1, 0x4000
        cmpsc   %r2,%r4
        CHECK_CC 3, 50
5:      cmpsc   %r2,%r4
        jo      5b
        CHECK_CC 0, 51
        CHECK_R %r2, 0x20000+9216, 52
        CHECK_R %r4, 0x12000, 53
        CHECK_R %r1, 0x4000, 54
        # empty second operand: CC 0; empty first operand: CC 1
        GR0     0x1000
        OPS     out, 16, s_abababc, 0
        cmpsc   %r2,%r4
        CHECK_CC 0, 19
        OPS     out, 0, s_abababc, 7
        cmpsc   %r2,%r4
        CHECK_CC 1, 20
        # an invalid dictionary entry: data exception
        OPS     out, 16, s_q, 1
        LV      %r1, 0x4000
        EXPECT_PGM 0x0007, 1f
        cmpsc   %r2,%r4
        FAIL    21
1:      CHECK_PGM_TAKEN 22
        # CDSS 0, odd register: specification exception
        GR0     0
        EXPECT_PGM 0x0006, 2f
        cmpsc   %r2,%r4
        FAIL    23
2:      CHECK_PGM_TAKEN 24
        GR0     0x1000
        EXPECT_PGM 0x0006, 3f
        .long   0xB2630034              # cmpsc %r3,%r4
        FAIL    25
3:      CHECK_PGM_TAKEN 26

        # expand the compressed "ABABABC" (GR0 bit 23, expansion dictionary
        # origin in GR1): the last 4 bits are not a whole symbol, CC 0
        GR0     0x1100
        OPS     buf, 16, c_abababc, 5
        LV      %r1, 0x5000
        cmpsc   %r2,%r4
        CHECK_CC 0, 30
        CHECK_R %r2, buf+7, 31
        CHECK_R %r4, c_abababc+4, 32
        CHECK_R %r5, 1, 33
        CHECK_R %r1, 0x5004, 34
        larl    %r7,buf
        CHECK_MEM "0(7,%r7)",s_abababc, 35
        # "XYZZXYZW" back from its symbols
        OPS     buf, 16, c_xyzz, 6
        LV      %r1, 0x5000
        cmpsc   %r2,%r4
        CHECK_CC 0, 36
        CHECK_MEM "0(8,%r7)",s_xyzz, 37
        # the first operand too short for "ABA": CC 1, nothing consumed
        OPS     buf, 2, c_abababc, 5
        LV      %r1, 0x5000
        cmpsc   %r2,%r4
        CHECK_CC 1, 38
        CHECK_R %r4, c_abababc, 39
        CHECK_R %r1, 0x5000, 40
        # a symbol whose entry has a zero length: data exception
        OPS     buf, 16, c_300, 2
        LV      %r1, 0x5000
        EXPECT_PGM 0x0007, 4f
        cmpsc   %r2,%r4
        FAIL    41
4:      CHECK_PGM_TAKEN 42
        TEST_END

        .balign 2
s_abababc: .ascii "ABABABC"
        .balign 2
s_xyzz: .ascii  "XYZZXYZW"
        .balign 2
s_s7s3: .ascii  "S7S3"
        .balign 2
s_q:    .ascii  "Q"
        .balign 2
s_fh:   .ascii  "Fh"
        .balign 2
c_fh:   .byte   0x8D,0x80
        .balign 2
c_abababc: .byte 0x80,0x90,0xA0,0x04,0x30
        .balign 2
c_xyzz: .byte   0x81,0x16,0x0B,0x25,0xA2,0xB8
        .balign 2
c_s7s3: .byte   0x85,0xC1,0x80
        .balign 2
c_1ff:  .byte   0xFF,0x80
        .balign 2
c_300:  .byte   0x96,0x00
        .balign 16
out:    .fill   16,1,0
buf:    .fill   16,1,0

# ---- compression dictionary (512 entries) ----
        .org    _start+0x4000+0x41*8
        .byte   0x30,0x01,0x00,0x42             # 'A': child 'B' at 256
        .org    _start+0x4000+0x46*8
        .byte   0xC0,0x01,0x0E,0x31,0x32,0x33,0x34,0x35   # 'F': 270-274 + SD
        .org    _start+0x4000+0x51*8
        .byte   0xE0                            # 'Q': child count 7
        .org    _start+0x4000+0x53*8
        .byte   0xC0,0x01,0x04,0x31,0x32,0x33,0x34,0x35   # 'S': 260-264 + SD
        .org    _start+0x4000+0x58*8
        .byte   0x30,0x01,0x02,0x59             # 'X': child 'Y' at 258
        .org    _start+0x4000+256*8
        .byte   0x20,0x01,0x01,0x41             # "AB": child 'A' at 257
        .org    _start+0x4000+258*8
        .byte   0x00,0x40,0x00,0x5A,0x5A        # "XY" + "ZZ"
        .org    _start+0x4000+265*8
        .byte   0x40,0x36,0x37                  # SD: '6' 266, '7' 267
        .org    _start+0x4000+275*8
        .byte   0x80,0x00,0x61,0x62,0x63,0x64,0x65,0x66   # format-1 SD, 8
# ---- expansion dictionary ----
        .org    _start+0x5000+256*8
        .byte   0x02,0x41,0x42                  # "AB"
        .org    _start+0x5000+257*8
        .byte   0x21,0x00,0x41,0,0,0,0,0x02     # 257: 'A' at 2 after 256
        .org    _start+0x5000+258*8
        .byte   0x04,0x58,0x59,0x5A,0x5A        # 258: "XYZZ"
        .org    _start+0x5000+262*8
        .byte   0x02,0x53,0x33                  # "S3"
        .org    _start+0x5000+267*8
        .byte   0x02,0x53,0x37                  # "S7"
        .org    _start+0x5000+275*8
        .byte   0x67,0x68                       # second half of descriptor 275
# ---- symbol-translation table at X'6000' ----
        .org    _start+0x6000+0x41*2
        .short  0x01FF
        .org    _start+0x7000

# Channel programs against the TEST device 0190 (subchannel 1): data
# chaining, IDAWs, READ BACKWARD, skip, incorrect length and SLI, TIC,
# status modifier, unit exception, and the program and protection checks.
# SA22-7201 chapter 15.
        .include "lib.inc"

# Start the program of ORB `orb`, wait for its interruption, TSCH the IRB
# to (r4); check that SSCH gave cc 0 (failure id `id`).
        .macro  DOIO orb, id
        larl    %r3,\orb
        ssch    0(%r3)
        CHECK_CC 0, \id
        WAIT_IO
        tsch    0(%r4)
        .endm

# Compare `len` bytes at label `at` with those at `expected`.
        .macro  CHECK_AT at, len, expected, id
        larl    %r7,\at
        CHECK_MEM "0(\len,%r7)", \expected, \id
        .endm

        TEST_BEGIN
        larl    %r13,cr6
        lctl    %c6,%c6,0(%r13)
        larl    %r4,irb
        larl    %r5,schib
        larl    %r13,sid1
        l       %r1,0(%r13)
        stsch   0(%r5)
        oi      5(%r5),0x80             # enabled, ISC 0
        msch    0(%r5)
        CHECK_CC 0, 1
        # write ten bytes, read them back in three data-chained pieces
        DOIO    orb_write, 2
        CHECK_MEM "0(12,%r4)", st_write, 3
        DOIO    orb_chain, 4
        CHECK_MEM "0(12,%r4)", st_chain, 5
        CHECK_AT buf1, 3, digits, 6
        CHECK_AT buf2, 3, dig3, 7
        CHECK_AT buf3, 4, dig6, 8
        # the same in format 0
        DOIO    orb_chain0, 9
        CHECK_MEM "0(12,%r4)", st_chain0, 10
        CHECK_AT buf4, 10, digits, 11
        # IDAWs: 4 bytes before a 2K boundary, then 6 from the next block
        DOIO    orb_idaw, 12
        CHECK_MEM "8(4,%r4)", st_ok, 13
        CHECK_AT idaw1, 4, digits, 14
        CHECK_AT idaw2, 6, dig4, 15
        # READ BACKWARD: the device sends the last byte first, stored downwards
        DOIO    orb_back, 16
        CHECK_MEM "8(4,%r4)", st_ok, 17
        CHECK_AT buf5, 10, digits, 18
        # skip the first 5 bytes
        DOIO    orb_skip, 19
        CHECK_AT buf6, 5, zeros, 20
        CHECK_AT buf7, 5, dig5, 21
        # 20 wanted, 10 given: incorrect length, command chaining suppressed
        DOIO    orb_il, 22
        CHECK_MEM "0(12,%r4)", st_il, 23
        # 4 wanted, 10 given: incorrect length with count 0; SLI suppresses it
        DOIO    orb_short, 24
        CHECK_MEM "4(8,%r4)", st_short, 25
        DOIO    orb_short_sli, 26
        CHECK_MEM "4(8,%r4)", st_short_sli, 27
        # TIC
        DOIO    orb_tic, 28
        CHECK_MEM "4(8,%r4)", st_tic, 29
        # TIC to TIC: program check, alert
        DOIO    orb_tictic, 30
        CHECK_MEM "0(12,%r4)", st_tictic, 31
        # invalid command code: program check before the device
        DOIO    orb_badcmd, 32
        CHECK_MEM "0(12,%r4)", st_badcmd, 33
        # format 0, count zero
        DOIO    orb_zero0, 34
        CHECK_MEM "8(2,%r4)", prog, 35
        # key 5 may not store into key-0 storage: protection check
        DOIO    orb_prot, 36
        CHECK_MEM "0(10,%r4)", st_prot, 37
        CHECK_AT buf9, 4, zeros, 38
        # data beyond the 1M of storage; a channel program beyond it
        DOIO    orb_addr, 39
        CHECK_MEM "8(2,%r4)", prog, 40
        DOIO    orb_ccwaddr, 41
        CHECK_MEM "4(6,%r4)", st_ccwaddr, 42
        # status modifier skips one CCW; NOP is immediate (no incorrect length)
        DOIO    orb_sm, 43
        CHECK_MEM "4(8,%r4)", st_sm, 44
        # unit exception ends the chain
        DOIO    orb_ue, 45
        CHECK_MEM "4(8,%r4)", st_ue, 46
        TEST_END

        .balign 4
cr6:    .long   0x80000000
sid1:   .long   0x00010001
zeros:  .fill   10,1,0
        .balign 2
digits: .byte   0xF0,0xF1,0xF2,0xF3,0xF4,0xF5,0xF6,0xF7,0xF8,0xF9
dig3:   .byte   0xF3,0xF4,0xF5
        .balign 2
dig4:   .byte   0xF4,0xF5,0xF6,0xF7,0xF8,0xF9
dig5:   .byte   0xF5,0xF6,0xF7,0xF8,0xF9
        .balign 2
dig6:   .byte   0xF6,0xF7,0xF8,0xF9
        .balign 2
prog:   .byte   0x00,0x20
        .balign 4
st_ok:  .long   0x0C000000
st_write: .long 0x00804007,cw_write+8,0x0C000000
st_chain: .long 0x00804007,cw_chain+24,0x0C000000
st_chain0: .long 0x00004007,cw_chain0+16,0x0C000000
st_il:  .long   0x00804007,cw_il+8,0x0C40000A
st_short: .long cw_short+8,0x0C400000
st_short_sli: .long cw_short_sli+8,0x0C000000
st_tic: .long   cw_tic2+8,0x0C000000
st_tictic: .long 0x00804017,cw_tictic2+8,0x00200000
st_badcmd: .long 0x00804017,cw_badcmd+8,0x00200000
st_prot: .long  0x50804017,cw_prot+8
        .short  0x0010
st_ccwaddr: .long 0x00200008
        .short  0x0020
        .balign 4
st_sm:  .long   cw_sm+24,0x0C000001
st_ue:  .long   cw_ue+8,0x0D000001

orb_write: .long 1,0x0080FF00,cw_write
orb_chain: .long 2,0x0080FF00,cw_chain
orb_chain0: .long 3,0x0000FF00,cw_chain0
orb_idaw: .long 4,0x0080FF00,cw_idaw
orb_back: .long 5,0x0080FF00,cw_back
orb_skip: .long 6,0x0080FF00,cw_skip
orb_il: .long   7,0x0080FF00,cw_il
orb_short: .long 8,0x0080FF00,cw_short
orb_short_sli: .long 9,0x0080FF00,cw_short_sli
orb_tic: .long  10,0x0080FF00,cw_tic
orb_tictic: .long 11,0x0080FF00,cw_tictic
orb_badcmd: .long 12,0x0080FF00,cw_badcmd
orb_zero0: .long 13,0x0000FF00,cw_zero0
orb_prot: .long 14,0x5080FF00,cw_prot
orb_addr: .long 15,0x0080FF00,cw_addr
orb_ccwaddr: .long 16,0x0080FF00,0x00200000
orb_sm: .long   17,0x0080FF00,cw_sm
orb_ue: .long   18,0x0080FF00,cw_ue

        .balign 8
cw_write: CCW1  0x01, 0x00, 10, digits
cw_chain: CCW1  0x02, 0x80, 3, buf1     # CD
        CCW1    0x00, 0x80, 3, buf2
        CCW1    0x00, 0x00, 4, buf3
cw_chain0: CCW0 0x02, buf4, 0x80, 6
        CCW0    0x00, buf4+6, 0x00, 4
cw_idaw: CCW1   0x02, 0x04, 10, idaws   # IDA
cw_back: CCW1   0x0C, 0x00, 10, buf5+9
cw_skip: CCW1   0x02, 0x90, 5, buf6     # CD SKIP
        CCW1    0x00, 0x00, 5, buf7
cw_il:  CCW1    0x02, 0x40, 20, buf8    # CC: suppressed by incorrect length
        CCW1    0x01, 0x00, 1, zeros
cw_short: CCW1  0x02, 0x00, 4, buf8
cw_short_sli: CCW1 0x02, 0x20, 4, buf8
cw_tic: CCW1    0x03, 0x60, 1, 0        # NOP, CC SLI
        CCW1    0x08, 0x00, 0, cw_tic2  # TIC
        CCW1    0x01, 0x00, 1, zeros    # (not executed)
cw_tic2: CCW1   0x02, 0x00, 10, buf8
cw_tictic: CCW1 0x08, 0x00, 0, cw_tictic2
cw_tictic2: CCW1 0x08, 0x00, 0, cw_write
cw_badcmd: CCW1 0x00, 0x00, 1, buf8
cw_zero0: CCW0  0x02, buf8, 0x00, 0
cw_prot: CCW1   0x02, 0x00, 4, buf9
cw_addr: CCW1   0x02, 0x00, 4, 0x00100000
cw_sm:  CCW1    0x07, 0x60, 1, 0        # status modifier, CC SLI
        CCW1    0x01, 0x00, 1, zeros    # skipped
        CCW1    0x03, 0x00, 1, 0        # NOP: immediate, no incorrect length
cw_ue:  CCW1    0x0F, 0x60, 1, 0        # unit exception, CC SLI
        CCW1    0x01, 0x00, 1, zeros

        .balign 4
idaws:  .long   idaw1,idaw2
        .balign 4
schib:  .fill   52,1,0
irb:    .fill   64,1,0
buf1:   .fill   4,1,0
buf2:   .fill   4,1,0
buf3:   .fill   4,1,0
buf4:   .fill   12,1,0
buf5:   .fill   12,1,0
buf6:   .fill   8,1,0
buf7:   .fill   8,1,0
buf8:   .fill   24,1,0
buf9:   .fill   4,1,0
        .balign 2048
        .fill   2044,1,0
idaw1:  .fill   4,1,0
idaw2:  .fill   8,1,0

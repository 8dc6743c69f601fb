# Control registers, prefix and machine identification (SA22-7201 ch. 10):
# LCTL, STCTL, SPX, STPX, STAP, STIDP, STFL, STSI.
        .include "lib.inc"
        .include "control.inc"
        TEST_BEGIN
        larl    %r12,data
        # LCTL/STCTL wrap from CR15 to CR0
        lctl    %c14,%c1,crs-data(%r12)
        stctl   %c14,%c1,out-data(%r12)
        CHECK_MEM "out-data(16,%r12)", crs, 1
        stctl   %c1,%c1,out-data(%r12)
        CHECK_MEM "out-data(4,%r12)", crs+12, 2
        EXPECT_PGM 0x0006, 1f                   # not on a word boundary
        stctl   %c0,%c0,out+2-data(%r12)
        FAIL    3
1:      CHECK_PGM_TAKEN 4
        lctl    %c0,%c1,crstd-data(%r12)
        # STAP: CPU address 0
        stap    hw-data(%r12)
        CHECK_MEM "hw-data(2,%r12)", zero4, 5
        PGM_CHECK 0x0006, 6, "stap    hw+1-data(%r12)"
        # STIDP: version 12, serial 5ABCDE with its first digit replaced by
        # the CPU address (basic mode), machine type 2064
        stidp   dw-data(%r12)
        CHECK_MEM "dw-data(8,%r12)", cpuid, 8
        PGM_CHECK 0x0006, 9, "stidp   dw+4-data(%r12)"
        # STFL stores at real 200 whatever its operand address
        stfl    0x7F0
        CHECK_MEM "0xc8(4,0)", facilities, 11
        # STSI function code 0: the configuration level (1 = basic machine)
        lhi     %r0,0
        lhi     %r1,0
        stsi    0
        CHECK_CC 0, 12
        CHECK_R %r0, 0x10000000, 13
        # 1.1.1: manufacturer and type in EBCDIC
        lhi     %r0,1
        sll     %r0,28
        ahi     %r0,1
        lhi     %r1,1
        l       %r2,sysib_at-data(%r12)
        stsi    0(%r2)
        CHECK_CC 0, 14
        CHECK_MEM "32(8,%r2)", manuf, 15
        CHECK_MEM "48(4,%r2)", type, 16
        # 1.2.2: one CPU configured
        ahi     %r0,1
        lhi     %r1,2
        stsi    0(%r2)
        CHECK_CC 0, 17
        CHECK_MEM "32(4,%r2)", cpus, 18
        # 1.2.1: CPU address at byte 102
        lhi     %r1,1
        stsi    0(%r2)
        CHECK_MEM "102(2,%r2)", zero4, 19
        # function code 2 on a basic machine: CC 3
        l       %r0,fc2-data(%r12)
        stsi    0(%r2)
        CHECK_CC 3, 20
        # unknown selector: CC 3
        l       %r0,fc1sel3-data(%r12)
        stsi    0(%r2)
        CHECK_CC 3, 21
        # reserved bits of GR0: specification
        l       %r0,fc1rsvd-data(%r12)
        PGM_CHECK 0x0006, 22, "stsi    0(%r2)"
        # operand not on a 4K boundary: specification
        l       %r0,fc1sel1-data(%r12)
        PGM_CHECK 0x0006, 24, "stsi    8(%r2)"
        # STPX: prefix 0
        stpx    out-data(%r12)
        CHECK_MEM "out-data(4,%r12)", zero4, 26
        # SPX beyond storage: addressing exception, prefix unchanged
        PGM_CHECK 0x0005, 27, "spx     far-data(%r12)"
        PGM_CHECK 0x0006, 29, "spx     far+2-data(%r12)"
        # copy the first 4K (PSWs, handlers, this program) to X'10000' and
        # move the prefix there; real 0-4095 now reaches absolute X'10000'
        l       %r2,pfx-data(%r12)
        lhi     %r3,4096
        lhi     %r4,0
        lhi     %r5,4096
        mvcl    %r2,%r4
        spx     pfx-data(%r12)
        stpx    out-data(%r12)
        CHECK_MEM "out-data(4,%r12)", pfx, 31
        mvi     0x250(0),0xa5                   # real X'250' = absolute X'10250'
        l       %r2,pfx-data(%r12)
        cli     0x250(%r2),0x00                 # real X'10250' = absolute X'250'
        je      8f
        FAIL    32
8:      TEST_END
        .balign 8
data:
crs:    .long   0x11111111,0x22222222,0x00B000E0,0x00000000
crstd:  .long   0x000000E0,0x00000000
out:    .long   0,0,0,0
dw:     .long   0,0,0,0
cpuid:  .long   0x120ABCDE,0x20640000
facilities: .long 0x80008800
sysib_at: .long 0x3000
fc2:    .long   0x20000002
fc1sel3: .long  0x10000003
fc1rsvd: .long  0x10010001
fc1sel1: .long  0x10000001
far:    .long   0x7FFFF000,0
pfx:    .long   0x00010000
manuf:  .byte   0xE5,0xD4,0xF3,0xF9,0xF0,0x40,0x40,0x40
type:   .byte   0xF2,0xF0,0xF6,0xF4
cpus:   .short  1,1
zero4:  .long   0
hw:     .short  0xffff,0xffff

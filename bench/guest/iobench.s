# iobench.s -- ESA/390 sequential disk I/O benchmark guest (bench/io).
#
# Load the flat binary at X'10000' and start it with the PSW
# X'00080000 80010000' on a machine with at least 3 MiB of storage and a
# 3390 CKD disk at device number DEVNO (header, default 0190).
#
# The guest finds the disk's subchannel (STORE SUBCHANNEL over all
# subchannels, by device number), enables it, reads the device
# characteristics (READ DEVICE CHARACTERISTICS: cylinders at +12), then
#   write pass, WREPS times: every cylinder from 1 to the last (cylinder 0
#       keeps the volume label), one START SUBCHANNEL per cylinder running
#       DEFINE EXTENT (the cylinder) and for each of the 15 tracks
#       LOCATE RECORD (format write, oriented to R0) + WRITE CKD of one
#       full-track record R1 (key length 0, 56664 data bytes);
#   read pass, RREPS times: the same cylinders, one START SUBCHANNEL per
#       cylinder running DEFINE EXTENT, LOCATE RECORD (read, 15 records,
#       oriented to R0 of head 0) and 15 multitrack READ CKD, after which
#       the cylinder's 15 records (count fields and data) are compared with
#       what the write pass wrote: all bytes in the first repetition, the
#       count fields and data stamps in the others (the read buffer's are
#       cleared before each read).
# Each record's data is a fixed pseudo-random pattern whose first 8 bytes
# are replaced by its cylinder and head, so a record read from the wrong
# track, or not read at all, fails the comparison.  Every channel program
# must end with channel end + device end and nothing else; the guest waits
# for each I/O interruption in an enabled wait and takes the status with
# TEST SUBCHANNEL.
#
# Timing: STCK just before each START SUBCHANNEL and just after its I/O
# interruption; the differences are summed per pass (I/O time: building
# and checking the data is not counted).  The pass times (first STCK to
# last) are kept as well.  All times are TOD clock units (bit 51 = 1 us).
#
# Header (offsets from the load address; big-endian):
#   +X'08' F  DEVNO   device number of the disk (patchable)
#   +X'0C' F  CYLS    in: most cylinders to use, 0 = all; out: cylinders
#                     written and read
#   +X'10' D  WIO     write pass I/O time
#   +X'18' D  RIO     read pass I/O time
#   +X'20' D  WPASS   write pass time
#   +X'28' D  RPASS   read pass time
#   +X'30' H  WREPS   repetitions of the write pass (patchable, >= 1)
#   +X'32' H  RREPS   repetitions of the read pass (patchable, >= 1)
#   +X'34' F  STEP    0, or the step that failed (as the wait PSW address)
#   +X'38' CL8 MAGIC  "IOBENCH1" (ASCII)
#
# The program ends in a disabled wait: X'000A0000 00000000' success, else
# the address is the failing step: 1 no such device, 2 MSCH, 3 START
# SUBCHANNEL condition code, 4 interruption from another subchannel,
# 5 TEST SUBCHANNEL condition code, 6 ending status (the IRB is at
# `irb`, with unit check the sense bytes at `sense`), 7 not a 3390 or too
# few cylinders or WREPS / RREPS not positive, 8 data read back differs;
# X'B00'-X'F00' unexpected I/O, machine-check, program, SVC, external
# interruption.
#
# Assembled with -march=z900 for LARL and BRASL, which ESA/390 mode on a
# z900 has and Hercules 3.13 runs in ARCHMODE ESA/390; nothing else beyond
# the ESA/390 instruction set is used.

        .equ    TRACKS, 15
        .equ    DLEN, 56664             # largest R1 of a 3390 track
        .equ    SLOT, DLEN+8            # count field + data
        .equ    WBUF, 0x100000          # records written (one cylinder)
        .equ    RBUF, 0x200000          # records read
        .equ    CC, 0x40                # CCW flags
        .equ    SLI, 0x20

        .macro  CCW1 cmd, flags, count, addr
        .long   ((\cmd)<<24)+((\flags)<<16)+(\count)
        .long   \addr
        .endm

        .macro  FAIL step
        lhi     %r15,\step
        j       fail
        .endm

        .text
        .globl  _start
_start: j       start
        .balign 8
DEVNO:  .long   0x0190                  # +X'08'
CYLS:   .long   0                       # +X'0C'
WIO:    .quad   0                       # +X'10'
RIO:    .quad   0                       # +X'18'
WPASS:  .quad   0                       # +X'20'
RPASS:  .quad   0                       # +X'28'
WREPS:  .short  1                       # +X'30'
RREPS:  .short  1                       # +X'32'
STEP:   .long   0                       # +X'34'
MAGIC:  .ascii  "IOBENCH1"              # +X'38'

start:  larl    %r13,newpsws            # r13: constants, all along
        mvc     0x58(40,%r0),0(%r13)    # ext, svc, pgm, mck, I/O new PSWs
        brasl   %r14,find
        larl    %r2,rdc
        sr      %r3,%r3
        brasl   %r14,doio
        brasl   %r14,limits
        brasl   %r14,pattern
# write pass: WREPS times over the cylinders
        larl    %r2,WPASS
        stck    0(%r2)
        larl    %r9,WREPS
        lh      %r9,0(%r9)
1:      lhi     %r10,1
2:      brasl   %r14,stamp
        larl    %r2,wprog
        larl    %r3,WIO
        brasl   %r14,doio
        ahi     %r10,1
        cr      %r10,%r11
        jnh     2b
        brct    %r9,1b
        larl    %r2,WPASS
        brasl   %r14,elapsed
# read pass: RREPS times over the cylinders
        larl    %r2,RPASS
        stck    0(%r2)
        larl    %r8,RREPS
        lh      %r8,0(%r8)              # r8: RREPS
        lr      %r9,%r8
3:      lhi     %r10,1
4:      brasl   %r14,stamp
        brasl   %r14,unstamp
        larl    %r2,rprog
        larl    %r3,RIO
        brasl   %r14,doio
        brasl   %r14,verify
        ahi     %r10,1
        cr      %r10,%r11
        jnh     4b
        brct    %r9,3b
        larl    %r2,RPASS
        brasl   %r14,elapsed
        lpsw    okpsw-newpsws(%r13)

# r1 := the subsystem id of device DEVNO; enable it for I/O interruptions
# (subclass 0, CR6).
find:   l       %r1,sid0-newpsws(%r13)
        larl    %r2,schib
        larl    %r3,DEVNO
1:      stsch   0(%r2)
        jz      2f
        FAIL    1                       # no more subchannels
2:      tm      5(%r2),0x01             # device number valid
        jz      3f
        clc     6(2,%r2),2(%r3)
        je      4f
3:      ahi     %r1,1
        j       1b
4:      oi      5(%r2),0x80             # enabled
        msch    0(%r2)
        jz      5f
        FAIL    2
5:      lctl    %c6,%c6,cr6-newpsws(%r13)
        br      %r14

# r11 := the last cylinder: READ DEVICE CHARACTERISTICS must say a 3390
# with at least 2 cylinders; CYLS, if set, limits the count.  CYLS := r11.
limits: larl    %r2,rdcdata
        clc     3(2,%r2),c3390-newpsws(%r13)   # device type
        jne     2f
        lh      %r11,12(%r2)            # cylinders
        n       %r11,c_ffff-newpsws(%r13)
        ahi     %r11,-1                 # cylinder 0 is left alone
        jnp     2f
        larl    %r3,CYLS
        icm     %r4,15,0(%r3)
        jz      1f
        cr      %r4,%r11
        jnl     1f
        lr      %r11,%r4
1:      st      %r11,0(%r3)
        larl    %r3,WREPS
        lh      %r4,0(%r3)
        ltr     %r4,%r4
        jnp     2f
        lh      %r4,2(%r3)              # RREPS
        ltr     %r4,%r4
        bpr     %r14
2:      FAIL    7

# The write buffer: TRACKS slots of a count field and DLEN data bytes; the
# data is a pseudo-random word sequence (a 32-bit Galois LFSR).
pattern:
        l       %r2,c_wbuf-newpsws(%r13)
        l       %r3,c_words-newpsws(%r13)
        l       %r4,c_seed-newpsws(%r13)
1:      st      %r4,0(%r2)
        ltr     %r4,%r4                 # the bit shifted out
        sll     %r4,1
        jnm     2f
        x       %r4,c_poly-newpsws(%r13)
2:      la      %r2,4(%r2)
        brct    %r3,1b
        br      %r14

# Prepare cylinder r10: count fields and data stamps in the write buffer,
# the extent of DEFINE EXTENT, the seek and search addresses of the LOCATE
# RECORD parameters.
stamp:  l       %r2,c_wbuf-newpsws(%r13)
        lr      %r4,%r10
        sll     %r4,16                  # CCHH of head 0
        larl    %r5,lrw
        lhi     %r3,TRACKS
1:      st      %r4,0(%r2)              # count: CCHH, R1, KL 0, DL
        mvc     4(4,%r2),c_rkd-newpsws(%r13)
        st      %r4,8(%r2)              # data: CCHH, its complement, ...
        lr      %r6,%r4
        x       %r6,c_ones-newpsws(%r13)
        st      %r6,12(%r2)
        sth     %r10,4(%r5)             # LOCATE RECORD seek and search
        sth     %r10,8(%r5)
        ahi     %r4,1
        a       %r2,c_slot-newpsws(%r13)
        la      %r5,16(%r5)
        brct    %r3,1b
        larl    %r5,dx
        sth     %r10,8(%r5)             # extent: cylinder r10, heads 0-14
        sth     %r10,12(%r5)
        larl    %r5,lrr
        sth     %r10,4(%r5)
        sth     %r10,8(%r5)
        br      %r14

# Before a read: the count fields and data stamps in the read buffer are
# cleared, so that records not read cannot pass for records read.
unstamp:
        l       %r2,c_rbuf-newpsws(%r13)
        lhi     %r3,TRACKS
1:      xc      0(16,%r2),0(%r2)
        a       %r2,c_slot-newpsws(%r13)
        brct    %r3,1b
        br      %r14

# Compare the records read with those written: all of them in the first
# repetition of the read pass, in the others the count fields and data
# stamps.
verify: l       %r2,c_wbuf-newpsws(%r13)
        l       %r6,c_rbuf-newpsws(%r13)
        cr      %r9,%r8                 # the first repetition?
        jne     2f
        l       %r3,c_cylslots-newpsws(%r13)
        lr      %r7,%r3
        clcl    %r2,%r6
        bzr     %r14
        FAIL    8
2:      lhi     %r3,TRACKS
3:      clc     0(16,%r2),0(%r6)
        jne     4f
        a       %r2,c_slot-newpsws(%r13)
        a       %r6,c_slot-newpsws(%r13)
        brct    %r3,3b
        br      %r14
4:      FAIL    8

# Run the channel program at r2 on subchannel r1 and wait for its I/O
# interruption; it must end with channel end and device end alone.  With
# r3 not 0, add the time from START SUBCHANNEL to the interruption to the
# doubleword at r3.
doio:   larl    %r12,orb
        st      %r2,8(%r12)
        mvc     0x78(8,%r0),iocont-newpsws(%r13)
        stck    t0-newpsws(%r13)
        ssch    0(%r12)
        jz      1f
        FAIL    3
1:      lpsw    iowait-newpsws(%r13)    # enabled wait, on to io_resume
io_resume:
        larl    %r13,newpsws
        stck    t1-newpsws(%r13)
        mvc     0x78(8,%r0),iofail-newpsws(%r13)
        c       %r1,0xb8(%r0)
        je      3f
        FAIL    4
3:      larl    %r12,irb
        tsch    0(%r12)
        jz      4f
        FAIL    5
4:      clc     8(4,%r12),endok-newpsws(%r13)  # CE+DE, no subchannel
        je      5f                             # status, residual count 0
        brasl   %r14,getsense
        FAIL    6
5:      ltr     %r3,%r3
        bzr     %r14
        lm      %r4,%r5,t1-newpsws(%r13)  # r4:r5 := t1 - t0
        sl      %r5,t0+4-newpsws(%r13)
        brc     3,6f                    # no borrow
        ahi     %r4,-1
6:      sl      %r4,t0-newpsws(%r13)
        al      %r5,4(%r3)              # 0(r3) += r4:r5
        brc     12,7f                   # no carry
        ahi     %r4,1
7:      al      %r4,0(%r3)
        stm     %r4,%r5,0(%r3)
        br      %r14

# After a unit check: the sense bytes to `sense` (failure path only).
getsense:
        tm      8(%r12),0x02            # unit check
        bzr     %r14
        larl    %r12,orb
        larl    %r2,sensep
        st      %r2,8(%r12)
        ssch    0(%r12)
        bnzr    %r14
        mvc     0x78(8,%r0),iosense-newpsws(%r13)
        lpsw    iowait-newpsws(%r13)
sense_resume:
        larl    %r12,sirb
        tsch    0(%r12)
        br      %r14

# r2 -> a doubleword holding the start TOD; make it the time since then.
elapsed:
        stck    t1-newpsws(%r13)
        lm      %r4,%r5,t1-newpsws(%r13)
        sl      %r5,4(%r2)
        brc     3,1f                    # no borrow
        ahi     %r4,-1
1:      sl      %r4,0(%r2)
        stm     %r4,%r5,0(%r2)
        br      %r14

fail:   larl    %r13,STEP
        st      %r15,0(%r13)
        larl    %r13,failpsw
        st      %r15,4(%r13)
        lpsw    0(%r13)

        .balign 8
newpsws:
        .long   0x000A0000,0x00000E00   # external
        .long   0x000A0000,0x00000D00   # SVC
        .long   0x000A0000,0x00000F00   # program
        .long   0x000A0000,0x00000C00   # machine check
iofail: .long   0x000A0000,0x00000B00   # I/O (unexpected)
okpsw:  .long   0x000A0000,0x00000000
failpsw: .long  0x000A0000,0x00000000
sid0:   .long   0x00010000              # subsystem id of subchannel 0
cr6:    .long   0x80000000              # I/O interruption subclass 0
c3390:  .short  0x3390
        .balign 4
c_ffff: .long   0x0000FFFF
c_wbuf: .long   WBUF
c_rbuf: .long   RBUF
c_words: .long  TRACKS*SLOT/4
c_seed: .long   0x2545F491
c_poly: .long   0x00400007              # taps for the LFSR (any odd value works)
c_rkd:  .long   0x01000000+DLEN         # R1, KL 0, DL
c_ones: .long   0xFFFFFFFF
c_slot: .long   SLOT
c_cylslots: .long TRACKS*SLOT
endok:  .long   0x0C000000
        .balign 8
t0:     .quad   0
t1:     .quad   0
iocont: .long   0x00080000,0x80000000+io_resume
iowait: .long   0x020A0000,0x80000000   # enabled wait for I/O
iosense: .long  0x00080000,0x80000000+sense_resume
orb:    .long   0,0x0080FF00,0          # key 0, format-1 CCWs, LPM FF
        .long   0,0,0,0,0
irb:    .fill   64,1,0
sirb:   .fill   64,1,0                  # the SENSE's IRB
schib:  .fill   52,1,0
        .balign 4
rdcdata: .fill  64,1,0
sense:  .fill   32,1,0

        .balign 8
rdc:    CCW1    0x64, 0, 64, rdcdata    # READ DEVICE CHARACTERISTICS
sensep: CCW1    0x04, SLI, 32, sense
wprog:  CCW1    0x63, CC, 16, dx        # DEFINE EXTENT
        .set    h, 0
        .rept   TRACKS
        CCW1    0x47, CC, 16, lrw+16*h  # LOCATE RECORD: format write
        .if     h < TRACKS-1
        CCW1    0x1D, CC, SLOT, WBUF+SLOT*h   # WRITE CKD
        .else
        CCW1    0x1D, 0, SLOT, WBUF+SLOT*h
        .endif
        .set    h, h+1
        .endr
rprog:  CCW1    0x63, CC, 16, dx        # DEFINE EXTENT
        CCW1    0x47, CC, 16, lrr       # LOCATE RECORD: read
        .set    h, 0
        .rept   TRACKS
        .if     h < TRACKS-1
        CCW1    0x9E, CC, SLOT, RBUF+SLOT*h   # READ CKD, multitrack
        .else
        CCW1    0x9E, 0, SLOT, RBUF+SLOT*h
        .endif
        .set    h, h+1
        .endr

        .balign 4
# DEFINE EXTENT: file mask (all writes), global attributes (ECKD), block
# size, reserved, first and last CCHH (the cylinder is filled in)
dx:     .byte   0xC0,0xC0,0,0,0,0,0,0
        .short  0,0,0,TRACKS-1
# LOCATE RECORD: operation, auxiliary, 0, count, seek CCHH, search CCHHR,
# sector (FF none), transfer length factor
lrw:    .set    h, 0
        .rept   TRACKS
        .byte   0x03,0,0,1              # format write, one record
        .short  0,h,0,h
        .byte   0,0xFF,0,0
        .set    h, h+1
        .endr
lrr:    .byte   0x16,0,0,TRACKS         # read, one record per track
        .short  0,0,0,0
        .byte   0,0xFF,0,0

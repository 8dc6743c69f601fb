# Storage keys and key-controlled protection (SA22-7201 ch. 3 and 10):
# SSKE, ISKE, RRBE, IVSK (DAT off), TB, fetch protection, fetch- and
# storage-protection override, low-address protection, TPROT.
        .include "lib.inc"
        .include "control.inc"
        TEST_BEGIN
        larl    %r12,data
        l       %r2,frame-data(%r12)            # block X'5000'
        # SSKE sets ACC, F, R, C from GR1 bits 24-30; ISKE inserts them
        l       %r1,key30-data(%r12)
        sske    %r1,%r2
        l       %r1,ones-data(%r12)
        iske    %r1,%r2
        CHECK_R %r1, 0xFFFFFF30, 1
        # a store sets reference and change
        mvi     0(%r2),1
        iske    %r1,%r2
        CHECK_R %r1, 0xFFFFFF36, 2
        # RRBE: CC = R and C; R is reset
        rrbe    %r0,%r2
        CHECK_CC 3, 3
        rrbe    %r0,%r2
        CHECK_CC 1, 4
        # a later fetch must set R again (no stale TLB entry)
        cli     0(%r2),1
        rrbe    %r0,%r2
        CHECK_CC 3, 5
        # key 2 may fetch from key-3 storage without F, but not store
        EXPECT_PGM 0x0004, 1f                   # (set up with key 0)
        spka    0x20
        cli     0(%r2),1
        mvi     0(%r2),2
        FAIL    6
1:      spka    0
        CHECK_PGM_TAKEN 7
        cli     0(%r2),1                        # the store was suppressed
        je      2f
        FAIL    8
2:
        # key 2 on the block: key 2 can store now ...
        l       %r1,key20-data(%r12)
        sske    %r1,%r2
        spka    0x20
        mvi     0(%r2),3
        spka    0
        # ... and not after the key is back to 3 with fetch protection
        l       %r1,key38-data(%r12)
        sske    %r1,%r2
        EXPECT_PGM 0x0004, 3f
        spka    0x20
        mvi     0(%r2),4
        FAIL    9
3:      spka    0
        CHECK_PGM_TAKEN 10
        EXPECT_PGM 0x0004, 4f
        spka    0x20
        cli     0(%r2),3                        # fetch protected
        FAIL    11
4:      spka    0
        CHECK_PGM_TAKEN 12
        # TPROT: CC 0 fetch+store, 1 fetch only, 2 neither
        tprot   0(%r2),0x00                     # key 0
        CHECK_CC 0, 13
        tprot   0(%r2),0x30                     # key 3 = storage key
        CHECK_CC 0, 14
        tprot   0(%r2),0x20                     # F on: neither
        CHECK_CC 2, 15
        l       %r1,key30-data(%r12)
        sske    %r1,%r2
        tprot   0(%r2),0x20                     # F off: fetch only
        CHECK_CC 1, 16
        # fetch-protection override (CR0 bit 6): locations 0-2047 only
        l       %r1,key38-data(%r12)
        lhi     %r3,0
        sske    %r1,%r3                         # block 0: key 3, F
        tprot   0x100,0x20
        CHECK_CC 2, 17
        lctl    %c0,%c0,cr0fpo-data(%r12)
        tprot   0x100,0x20
        CHECK_CC 1, 18
        tprot   0x900,0x20
        CHECK_CC 2, 19
        lctl    %c0,%c0,cr0std-data(%r12)
        l       %r1,key00-data(%r12)
        sske    %r1,%r3                         # block 0 back to key 0
        # storage-protection override (CR0 bit 7): key-9 storage is open
        l       %r1,key98-data(%r12)
        sske    %r1,%r2
        tprot   0(%r2),0x20
        CHECK_CC 2, 20
        lctl    %c0,%c0,cr0spo-data(%r12)
        tprot   0(%r2),0x20
        CHECK_CC 0, 21
        spka    0x20
        mvi     0(%r2),5                        # allowed by the override
        spka    0
        lctl    %c0,%c0,cr0std-data(%r12)
        # low-address protection (CR0 bit 3): stores to 0-511 refused,
        # TEID identifies page 0 of the real space; TPROT shows CC 1
        mvc     0x90(4,0),ones-data(%r12)
        CATCH_PGM 5f                            # (set up before LAP is on)
        lctl    %c0,%c0,cr0lap-data(%r12)
        mvi     0x200(0),1                      # 512 and above: allowed
        tprot   0x100,0
        CHECK_CC 1, 25
        mvi     0x1f0(0),1
        FAIL    22
5:      CHECK_CAUGHT 4, 0x0004, 23
        CHECK_MEM "0x214(4,0)", zero4, 24
        # TEST BLOCK of block 0 under low-address protection
        CATCH_PGM 6f
        lctl    %c0,%c0,cr0lap-data(%r12)
        tb      %r0,%r3
        FAIL    26
6:      CHECK_CAUGHT 4, 0x0004, 27
        lctl    %c0,%c0,cr0std-data(%r12)
        # IVSK needs DAT: special operation with DAT off
        PGM_CHECK 0x0013, 28, "ivsk    %r1,%r2"
        # TEST BLOCK: usable block cleared, CC 0, GR0 zero
        lhi     %r0,-1
        mvi     0(%r2),0xff
        tb      %r0,%r2
        CHECK_CC 0, 30
        CHECK_R %r0, 0, 31
        cli     0(%r2),0
        je      8f
        FAIL    32
8:      l       %r4,badframe-data(%r12)         # marked unusable by the case
        tb      %r0,%r4
        CHECK_CC 1, 33
        # blocks outside storage: addressing exception
        l       %r4,far-data(%r12)
        PGM_CHECK 0x0005, 34, "iske    %r1,%r4"
        EXPECT_PGM 0x0005, 10f
        sske    %r1,%r4
        FAIL    36
10:     CHECK_PGM_TAKEN 37
        EXPECT_PGM 0x0005, 11f
        rrbe    %r1,%r4
        FAIL    38
11:     CHECK_PGM_TAKEN 39
        TEST_END
        .balign 4
data:
frame:  .long   0x5000
badframe: .long 0x6000
far:    .long   0x7FFFF000
key00:  .long   0x00
key20:  .long   0x20
key30:  .long   0x30
key38:  .long   0x38
key98:  .long   0x98
ones:   .long   0xFFFFFFFF
zero4:  .long   0
cr0std: .long   0x000000E0
cr0fpo: .long   0x020000E0
cr0spo: .long   0x010000E0
cr0lap: .long   0x100000E0

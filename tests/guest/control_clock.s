# Clock instructions (SA22-7201 ch. 4 and 10): SCK, STCK, STCKE, SCKC,
# STCKC, SPT, STPT.
        .include "lib.inc"
        .include "control.inc"
        TEST_BEGIN
        larl    %r12,data
        # SET CLOCK: CC 0; the clock then runs on from the value set
        sck     todset-data(%r12)
        CHECK_CC 0, 1
        stck    t1-data(%r12)
        CHECK_CC 0, 2
        CHECK_MEM "t1-data(4,%r12)", todset, 3   # same high word
        clc     t1-data(8,%r12),todset-data(%r12)
        jnl     1f
        FAIL    4
1:      # STORE CLOCK values are unique and increasing
        stck    t2-data(%r12)
        clc     t2-data(8,%r12),t1-data(%r12)
        jh      2f
        FAIL    5
2:      # STORE CLOCK EXTENDED: zero epoch byte, TOD, zero programmable field
        mvi     ext-data(%r12),0xff
        stcke   ext-data(%r12)
        CHECK_CC 0, 6
        CHECK_MEM "ext-data(1,%r12)", zero8, 7
        CHECK_MEM "ext+1-data(4,%r12)", todset, 8
        CHECK_MEM "ext+14-data(2,%r12)", zero8, 9
        clc     ext+1-data(8,%r12),t2-data(%r12)
        jh      3f
        FAIL    10
3:      # clock comparator: stored as set
        sckc    ckcval-data(%r12)
        stckc   t1-data(%r12)
        CHECK_MEM "t1-data(8,%r12)", ckcval, 11
        EXPECT_PGM 0x0006, 4f                   # doubleword boundary
        sckc    ckcval+4-data(%r12)
        FAIL    12
4:      CHECK_PGM_TAKEN 13
        PGM_CHECK 0x0006, 14, "stckc   ckcval+4-data(%r12)"
        # CPU timer: decrements from the value set
        spt     cpt-data(%r12)
        stpt    t1-data(%r12)
        clc     t1-data(8,%r12),cpt-data(%r12)
        jnh     6f
        FAIL    16
6:      CHECK_MEM "t1-data(4,%r12)", cpt, 17      # less than 2**31 units later
        PGM_CHECK 0x0006, 18, "spt     cpt+4-data(%r12)"
        PGM_CHECK 0x0006, 20, "sck     cpt+4-data(%r12)"
        TEST_END
        .balign 8
data:
todset: .long   0xB1234567,0x00000000
ckcval: .long   0xFEDCBA98,0x76543000
cpt:    .long   0x00001000,0x80000000
t1:     .long   0,0
t2:     .long   0,0
ext:    .long   0,0,0,0
zero8:  .long   0,0

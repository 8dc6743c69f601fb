# SET ADDRESS SPACE CONTROL (FAST), INSERT ADDRESS SPACE CONTROL, EXTRACT
# PRIMARY/SECONDARY ASN (SA22-7201 chapter 10): special-operation
# exceptions with DAT off or the secondary-space control off, the
# address-space-function control for the access-register mode, the
# problem-state rules, space-switch events on entering and leaving the
# home-space mode, and accesses in each mode.
        .include "lib.inc"
        .include "mp.inc"
        .include "spaces.inc"

        TEST_BEGIN
        # DAT off: special operation for all of them
        EXPECT_PGM 0x0013, 1f
        sac     0
        FAIL    1
1:      EXPECT_PGM 0x0013, 2f
        iac     %r2
        FAIL    2
2:      EXPECT_PGM 0x0013, 3f
        epar    %r2
        FAIL    3
3:      EXPECT_PGM 0x0013, 4f
        esar    %r2
        FAIL    4
4:      LV      %r2,0x12345678          # markers at both frames of the
        LV      %r4,SHARED_PAGE         # shared virtual page
        st      %r2,0(%r4)
        LV      %r2,0x9ABCDEF0
        LV      %r4,SECONDARY_FRAME
        st      %r2,0(%r4)
        SETUP_SPACES CR0_EXTRACT
        SET_PSW 0x04080000              # DAT on, primary-space mode
        # secondary-space control off: SAC and SACF are special operations
        EXPECT_PGM 0x0013, 5f
        sac     0x100
        FAIL    5
5:      EXPECT_PGM 0x0013, 6f
        sacf    0
        FAIL    6
6:      SET_CR  %c0, CR0_DAT_BASE+CR0_EXTRACT+CR0_SECONDARY
        LV      %r2,0xFFFFFFFF
        iac     %r2                     # primary: CC 0, bits 16-23 zero
        CHECK_CC 0, 7
        CHECK_R %r2, 0xFFFF00FF, 8
        epar    %r3
        CHECK_R %r3, 0x00000011, 9
        esar    %r3
        CHECK_R %r3, 0x00000022, 10
        LV      %r6,SHARED_PAGE
        sac     0x100                   # secondary-space mode
        iac     %r2
        CHECK_CC 1, 11
        CHECK_R %r2, 0xFFFF01FF, 12
        l       %r3,0(%r6)              # operands come from the secondary space
        CHECK_R %r3, 0x9ABCDEF0, 13
        sacf    0                       # SACF works the same
        l       %r3,0(%r6)
        CHECK_R %r3, 0x12345678, 14
        # access-register mode needs the address-space-function control
        EXPECT_PGM 0x0013, 7f
        sac     0x200
        FAIL    15
7:      SET_CR  %c0, CR0_DAT_BASE+CR0_EXTRACT+CR0_SECONDARY+CR0_ASF
        lhi     %r4,1
        sar     %a6,%r4                 # ALET 1: the secondary space
        sac     0x200
        iac     %r2
        CHECK_CC 2, 16
        CHECK_R %r2, 0xFFFF02FF, 17
        l       %r3,0(%r6)
        CHECK_R %r3, 0x9ABCDEF0, 18
        lhi     %r4,0
        sar     %a6,%r4                 # ALET 0: the primary space
        l       %r3,0(%r6)
        CHECK_R %r3, 0x12345678, 19
        # home-space mode (home = primary here), no space-switch event
        sac     0x300
        iac     %r2
        CHECK_CC 3, 20
        CHECK_R %r2, 0xFFFF03FF, 21
        l       %r3,0(%r6)
        CHECK_R %r3, 0x12345678, 22
        # bits 20-23 above 3: specification exception, mode unchanged
        EXPECT_PGM 0x0006, 8f
        sac     0x400
        FAIL    23
8:      iac     %r2
        CHECK_CC 3, 24
        LV      %r2,0xFFFF00FF          # only bits 20-23 count: primary
        sac     0(%r2)
        iac     %r2
        CHECK_CC 0, 25

        # space-switch events: CR1 bit 0 on
        SET_CR  %c1, 0x80000000+PRIMARY_STO
        EXPECT_PGM 0x001C, 9f           # entering home: TEID = PASN with
        sac     0x300                   # the primary control in bit 0
        FAIL    26
9:      CHECK_MEM "0x90(4,0)", teid_enter_primary, 27
        iac     %r2                     # the instruction completed
        CHECK_CC 3, 28
        EXPECT_PGM 0x001C, 10f          # leaving home: TEID = home control
        sac     0
        FAIL    29
10:     CHECK_MEM "0x90(4,0)", zero, 30
        iac     %r2
        CHECK_CC 0, 31
        sac     0x100                   # primary <-> secondary: no event
        sac     0x200
        sac     0
        SET_CR  %c1, PRIMARY_STO        # CR13 bit 0 on instead
        SET_CR  %c13, 0x80000000+PRIMARY_STO
        EXPECT_PGM 0x001C, 11f
        sac     0x300
        FAIL    32
11:     CHECK_MEM "0x90(4,0)", teid_enter_home, 33
        EXPECT_PGM 0x001C, 12f
        sac     0
        FAIL    34
12:     CHECK_MEM "0x90(4,0)", teid_high, 35
        SET_CR  %c13, PRIMARY_STO

        # problem state, extraction-authority control off
        SET_CR  %c0, CR0_DAT_BASE+CR0_SECONDARY+CR0_ASF
        larl    %r2,svc_to_part2
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04090000              # DAT on, problem state
        EXPECT_PGM 0x0002, 13f
        iac     %r2
        FAIL    36
13:     EXPECT_PGM 0x0002, 14f
        epar    %r2
        FAIL    37
14:     EXPECT_PGM 0x0002, 15f
        esar    %r2
        FAIL    38
15:     sac     0x100                   # secondary and AR mode are allowed
        sac     0x200
        EXPECT_PGM 0x0002, 16f          # home is privileged
        sac     0x300
        FAIL    39
16:     svc     1
part2:  # problem state with the extraction-authority control on
        SET_CR  %c0, CR0_DAT_BASE+CR0_EXTRACT+CR0_SECONDARY+CR0_ASF
        larl    %r2,svc_to_end
        mvc     0x60(8,0),0(%r2)
        SET_PSW 0x04098000              # problem state, secondary mode
        iac     %r2
        CHECK_CC 1, 40
        epar    %r3
        CHECK_R %r3, 0x00000011, 41
        esar    %r3
        CHECK_R %r3, 0x00000022, 42
        svc     2
done:   SET_PSW 0x00080000              # DAT off again
        EXPECT_PGM 0x0013, 17f
        sacf    0x100
        FAIL    43
17:     TEST_END

        .balign 8
svc_to_part2: .long 0x04080000, 0x80000000+part2
svc_to_end:   .long 0x04080000, 0x80000000+done
teid_enter_primary: .long 0x80000011
teid_enter_home:    .long 0x00000011
teid_high:          .long 0x80000000
zero:               .long 0

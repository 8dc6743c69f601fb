# Program-event recording (SA22-7201 ch. 4): successful branching (with
# branch-address control), instruction fetching (also of an EXECUTE
# subject and of SVC), storage alteration (range checks on every stored
# byte), general-register alteration, STURA, and an event together with
# a program exception.  PER code at 150 (events, then the ATMID: X'60' =
# valid, 31-bit, DAT off, primary), PER address at 152; the interruption
# comes after the instruction.
        .include "lib.inc"
        .include "control.inc"

# Load CR9-CR11 from three words at label, catch the next interruption
# (continuing at resume) and turn PER on.
        .macro  PER_ON cr9, resume
        lctl    %c9,%c11,\cr9-data(%r12)
        CATCH_PGM \resume
        stosm   m-data(%r12),0x40
        .endm

# Fail unless the captured PER code and address are code, addr.
        .macro  CHECK_PER code, addr, id
        clc     0x20c(2,0),.Lc\@
        jne     .Lf\@
        clc     0x20e(4,0),.La\@
        je      .Lok\@
.Lf\@:  FAIL    \id
        .balign 4
.La\@:  .long   \addr
.Lc\@:  .short  \code
.Lok\@:
        .endm

# End of a PER case whose event is expected after the instruction at `at`:
# failure id if none comes; at `resume` check the interruption (ILC, code)
# and the PER code and address (ids id+1, id+2).
        .macro  PER_DONE resume, at, ilc, code, percode, id
        FAIL    \id
\resume:
        CHECK_CAUGHT \ilc, \code, (\id+1)
        CHECK_PER \percode, \at, (\id+2)
        .endm

        TEST_BEGIN
        larl    %r12,data
        # 1. successful branching: the event comes after the branch, the
        # old PSW has the target, the PER address is the branch
        PER_ON  sb, 1f
sb_at:  j       sb_to
        FAIL    1
sb_to:  FAIL    2
1:      CHECK_CAUGHT 4, 0x0080, 3
        CHECK_PER 0x8060, sb_at, 4
        CHECK_MEM "0x204(4,0)", sb_to_psw, 5
        # 2. branch-address control: only branches into the range count
        PER_ON  sbbac, 2f
        j       3f                              # outside the range: no event
3:      lhi     %r1,1                           # not a branch: no event
bac_at: j       bac_to                          # into the range
        FAIL    6
bac_to: FAIL    7
2:      CHECK_CAUGHT 4, 0x0080, 8
        CHECK_PER 0x8060, bac_at, 9
        # 3. instruction fetching: the instruction completes first
        lhi     %r5,0
        PER_ON  ifx, per4
        lhi     %r4,4                           # outside the range
if_at:  lhi     %r5,5
        PER_DONE per4, if_at, 4, 0x0080, 0x4060, 10
        CHECK_R %r5, 5, 13
        # 4. storage alteration, range X'5000'-X'50FF': a move ending just
        # before it is no event, one byte further is
        l       %r2,a4f00-data(%r12)
        PER_ON  sax, per5
        mvc     0(256,%r2),0(%r12)              # X'4F00'-X'4FFF'
sa_at:  mvc     1(256,%r2),0(%r12)              # X'4F01'-X'5000'
        PER_DONE per5, sa_at, 6, 0x0080, 0x2060, 14
        # 5. general-register alteration: GR5 monitored, GR6 not
        PER_ON  grax, per6
        lhi     %r6,66
gra_at: lhi     %r5,55
        PER_DONE per6, gra_at, 4, 0x0080, 0x1060, 17
        # 6. an event together with a program exception: instruction
        # fetching and a fixed-point divide exception, code X'0089'
        lhi     %r2,0
        lhi     %r3,1
        lhi     %r6,0
        PER_ON  ifdr, per7
dr_at:  dr      %r2,%r6
        PER_DONE per7, dr_at, 2, 0x0089, 0x4060, 20
        # 7. SVC: the supervisor-call interruption comes first; the PER
        # interruption then stores the SVC new PSW as its old PSW
        larl    %r1,svc_land
        st      %r1,svcnew+4-data(%r12)
        oi      svcnew+4-data(%r12),0x80
        mvc     0x60(8,0),svcnew-data(%r12)
        PER_ON  ifsvc, per8
svc_at: svc     9
        FAIL    23
svc_land:
        PER_DONE per8, svc_at, 2, 0x0080, 0x4060, 24
        CHECK_MEM "0x204(4,0)", svc_land_psw, 27
        # 8. the subject of EXECUTE is fetched from the range
        lhi     %r7,0
        larl    %r8,ex_subj
        PER_ON  ifex, per9
ex_at:  ex      %r0,0(%r8)
        PER_DONE per9, ex_at, 4, 0x0080, 0x4060, 28
        CHECK_R %r7, 77, 31
        # 9. STORE USING REAL ADDRESS with CR9 bits 2 and 4: both bits in
        # the code, no space identification
        l       %r2,a5000-data(%r12)
        PER_ON  stura, 10f
stura_at:
        stura   %r1,%r2
        FAIL    32
10:     CHECK_CAUGHT 4, 0x0080, 33
        CHECK_PER 0x2860, stura_at, 34
        # 10. PER events are not recognized with PSW bit 1 off
        lctl    %c9,%c11,sb-data(%r12)
        j       11f
11:     TEST_END

ex_subj: lhi    %r7,77
        .balign 8
data:
sb:     .long   0x80000000,0,0x7FFFFFFF
sbbac:  .long   0x80800000,bac_to,bac_to
ifx:    .long   0x40000000,if_at,if_at
sax:    .long   0x20000000,0x5000,0x50FF
grax:   .long   0x10000400,0,0x7FFFFFFF
ifdr:   .long   0x40000000,dr_at,dr_at
ifsvc:  .long   0x40000000,svc_at,svc_at
ifex:   .long   0x40000000,ex_subj,ex_subj
stura:  .long   0x28000000,0x5000,0x5003
svcnew: .long   0x00080000,0
sb_to_psw: .long 0x80000000+sb_to
svc_land_psw: .long 0x80000000+svc_land
a4f00:  .long   0x4F00
a5000:  .long   0x5000
m:      .byte   0

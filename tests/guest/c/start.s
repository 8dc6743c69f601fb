# Start-up for freestanding C guest programs (image at absolute 0).
# Lowcore new PSWs are disabled waits naming the class; cmain() runs with
# a stack below X'80000' and its return value decides the wait PSW:
# 0 -> 000A0000 00000000 (success), n -> 000A0000 00EE<n> (check n failed).
        .text
        .globl  _start
_start:
        .long   0x00080000,0x80000400           # restart new PSW
        .org    _start+0x58
        .long   0x000A0000,0x00E0E058,0x000A0000,0x00E0E060
        .long   0x000A0000,0x00E0E068,0x000A0000,0x00E0E070
        .long   0x000A0000,0x00E0E078
        .org    _start+0x400
        larl    %r15,stack_top-96
        xc      0(96,%r15),0(%r15)
        brasl   %r14,cmain
        ltr     %r2,%r2
        jnz     1f
        lpsw    ok_psw-_start(0)
1:      sth     %r2,fail_psw+6-_start(0)
        lpsw    fail_psw-_start(0)
        .balign 8
ok_psw:   .long 0x000A0000,0x00000000
fail_psw: .long 0x000A0000,0x00EE0000
        .section .bss
        .balign 8
        .space  65536
stack_top:
        .section .note.GNU-stack,"",@progbits

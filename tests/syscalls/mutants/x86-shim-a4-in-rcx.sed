# file: syscalls/x86_64/syscall.S
# why: a4 goes in rcx (the C ABI register) instead of r10
/^	mov	%r8, %r10$/s/%r10/%rcx/

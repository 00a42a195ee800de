# file: syscalls/aarch64/syscall.S
# why: a5 taken from x6 instead of x5
/^	mov	x4, x5$/s/x5/x6/

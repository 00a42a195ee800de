# file: syscalls/aarch64/syscall.S
# why: the syscall number goes in x16 (Darwin) instead of x8
/^	mov	x8, x0$/s/x8/x16/

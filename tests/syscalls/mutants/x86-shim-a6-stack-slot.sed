# file: syscalls/x86_64/syscall.S
# why: a6 read one stack slot too high
/^	mov	8(%rsp), %r9$/s/8(%rsp)/16(%rsp)/

# file: syscalls/x86_64/include/redox/syscall_arch.h
# why: inline syscall4 passes a4 in r8
/^static inline unsigned long redox_syscall4_inline/,/^}/s/__asm__("r10") = a4/__asm__("r8") = a4/

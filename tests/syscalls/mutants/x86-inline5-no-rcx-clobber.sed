# file: syscalls/x86_64/include/redox/syscall_arch.h
# why: rcx clobber dropped from one arity (syscall5) of the inline syscalls
/"r"(_a4), "r"(_a5) : "rcx", "r11", "memory");$/s/"rcx", //

# file: syscalls/x86_64/include/redox/syscall_arch.h
# why: r11 clobber dropped from the two-argument inline syscall
/: "r"(_a1), "r"(_a2) : "rcx", "r11", "memory");$/s/"r11", //

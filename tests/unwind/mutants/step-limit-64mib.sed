# file: unwind/backtrace.c
# why: the shipped step limit is 64 MiB, so a pointer into another mapping is followed
/^	\.max_step = (uintptr_t)16 << 20,$/s/16 << 20/64 << 20/

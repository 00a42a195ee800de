# file: unwind/backtrace.c
# why: the shipped step limit is 1 MiB instead of 16 MiB (a 1 MiB stack's frames only)
/^	\.max_step = (uintptr_t)16 << 20,$/s/16 << 20/1 << 20/

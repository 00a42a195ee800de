# file: unwind/backtrace.c
# why: the shipped frame limit is 128 instead of 256
/^	\.max_depth = 256,$/s/256/128/

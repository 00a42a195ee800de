# file: unwind/x86_64/frame.h
# why: x86_64 DWARF register of rbp given as 7 (rsp) instead of 6
/^#define RU_DWARF_FP 6$/s/6/7/

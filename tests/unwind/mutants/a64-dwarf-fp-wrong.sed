# file: unwind/aarch64/frame.h
# why: aarch64 frame pointer given as DWARF 30 (lr) instead of 29
/^#define RU_DWARF_FP 29$/s/29/30/

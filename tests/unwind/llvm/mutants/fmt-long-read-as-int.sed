# file: unwind/llvm/fprintf.c
# why: %lu/%lx read an unsigned int, so a 64-bit value is truncated
/uint64_t v = len == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);/s/va_arg(ap, unsigned long)/va_arg(ap, unsigned)/

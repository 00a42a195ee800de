# file: unwind/llvm/phdr.c
# why: __ehdr_start is accepted only as ELFCLASS32 (1), so a 64-bit header falls back to the auxv
/e->e_ident\[4\] == 2 \/\* ELFCLASS64 \*\//s/== 2/== 1/

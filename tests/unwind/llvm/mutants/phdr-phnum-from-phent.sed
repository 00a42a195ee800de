# file: unwind/llvm/phdr.c
# why: the header count read from AT_PHENT (4) instead of AT_PHNUM (5)
/info\.dlpi_phnum = (Elf64_Half)aux(AT_PHNUM);/s/AT_PHNUM/AT_PHENT/

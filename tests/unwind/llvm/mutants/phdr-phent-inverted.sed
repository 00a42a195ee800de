# file: unwind/llvm/phdr.c
# why: AT_PHENT check inverted: the right entry size is refused
/if (phent && phent != sizeof(Elf64_Phdr))/s/phent != sizeof/phent == sizeof/

elf_is "prog is an executable" prog X86-64

elf_is "hello-x86_64 is a static x86_64 executable" hello-x86_64 X86-64
elf_is "hello-aarch64 is a static aarch64 executable" hello-aarch64 AArch64
"$LLVM_READELF" -s hello-x86_64 > .syms 2>&1
expect_grep "$LBL: -nolibc linked the freestanding runtime (redox_getauxval)" ' redox_getauxval$' .syms

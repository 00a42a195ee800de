# file: unwind/llvm/part.mk
# why: phdr.c (dl_iterate_phdr) left out of libunwind.a
# clean: build/x86_64/unwind-llvm build/aarch64/unwind-llvm build/test/unwind
/^LU_OWN := phdr fprintf bsp$/s/phdr //

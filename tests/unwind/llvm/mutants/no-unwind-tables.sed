# file: unwind/llvm/part.mk
# why: libunwind's own objects built without unwind tables (-funwind-tables dropped)
# clean: build/x86_64/unwind-llvm build/aarch64/unwind-llvm build/test/unwind
/fno-stack-protector -fPIC -O2 -g -funwind-tables -ffunction-sections/s/ -funwind-tables//

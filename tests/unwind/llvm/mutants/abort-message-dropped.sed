# file: unwind/llvm/part.mk
# why: NDEBUG with _LIBUNWIND_IS_BAREMETAL: libunwind aborts without its fatal message
# clean: build/x86_64/unwind-llvm build/aarch64/unwind-llvm build/test/unwind
/-fdata-sections -DNDEBUG -D_LIBUNWIND_IS_NATIVE_ONLY/s/-DNDEBUG/-DNDEBUG -D_LIBUNWIND_IS_BAREMETAL/

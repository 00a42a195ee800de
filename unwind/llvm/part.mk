# SPDX-License-Identifier: MIT
# LLVM libunwind 19 built for the Redox targets from the same Debian
# llvm-toolchain-19 source extraction as the builtins (builtins/part.mk,
# builtins/fetch-source.sh). Per target, with UNWIND=llvm (the default):
#   lib/libunwind.a, the same as lib/libgcc_eh.a (rustc's Redox std links
#   -lgcc_eh), and <unwind.h>, <libunwind.h> with the headers they include.
# How it is configured and what it needs from a libc: docs/unwind.md.
ifeq ($(UNWIND),llvm)
LU_SRC := $(BUILTINS_SRC)/libunwind
# The 9 sources of libunwind/src/CMakeLists.txt for a non-AIX target (the
# EHABI, SEH, SjLj and wasm ones compile to nothing here).
LU_CXX := libunwind.cpp Unwind-EHABI.cpp Unwind-seh.cpp
LU_C   := UnwindLevel1.c UnwindLevel1-gcc-ext.c Unwind-sjlj.c Unwind-wasm.c
LU_ASM := UnwindRegistersRestore.S UnwindRegistersSave.S
# Ours: dl_iterate_phdr for static executables, the fprintf(stderr)
# libunwind reports fatal errors with, and nongnu's _Unwind_GetBSP.
LU_OWN := phdr fprintf bsp
LU_HEADERS := unwind.h libunwind.h __libunwind_config.h unwind_itanium.h unwind_arm_ehabi.h

# libunwind's CMake defaults for a static native library, plus: no threads
# (nothing to lock against without pthreads in the freestanding runtime),
# dl_iterate_phdr lookup without dladdr, DW_CFA_remember_state on the stack
# (no malloc while unwinding), the frame-registration entry points libgcc_eh
# has, NDEBUG (release), and the flags every Redox object carries. Only our
# shim headers and clang's own are visible (unwind/llvm/include/README).
lu_flags = --target=$(TRIPLE.$(1)) --sysroot=$(EMPTY_SYSROOT) -ffreestanding \
	-fno-stack-protector -fPIC -O2 -g -funwind-tables -ffunction-sections \
	-fdata-sections -DNDEBUG -D_LIBUNWIND_IS_NATIVE_ONLY -D_LIBUNWIND_HAS_NO_THREADS \
	-D_LIBUNWIND_USE_DLADDR=0 -D_LIBUNWIND_REMEMBER_STACK_ALLOC \
	-D_LIBUNWIND_SUPPORT_FRAME_APIS -Werror=return-type $(CROSS_ARCH_FLAGS.$(1)) \
	-Iunwind/llvm/include -I$(LU_SRC)/include
lu_cxxflags = $(lu_flags) -std=c++17 -nostdinc++ -fno-exceptions -fno-rtti -fstrict-aliasing
lu_cflags = $(lu_flags) -std=c99

LU_DEPS := $(BUILTINS_STAMP) unwind/llvm/part.mk
$(LU_SRC)/%: $(BUILTINS_STAMP) ;

define llvm_unwind_arch
LU_OUT.$(1) := $(BUILD)/$(1)/unwind-llvm
LU_OBJS.$(1) := $$(patsubst %,$$(LU_OUT.$(1))/obj/%.o,$(LU_CXX) $(LU_C) $(LU_ASM)) \
	$(addprefix $(BUILD)/$(1)/obj/unwind/llvm/,$(addsuffix .o,$(LU_OWN))) \
	$(BUILD)/$(1)/obj/unwind/$(1)/write2.o
LU_LIB.$(1) := $$(LU_OUT.$(1))/libunwind.a
$(BUILD)/$(1)/obj/unwind/llvm/%.o: EXTRA_CFLAGS := -Iunwind/llvm/include -Werror

$$(LU_OUT.$(1))/obj/%.cpp.o: $(LU_DEPS) | $(EMPTY_SYSROOT)
	$$(call msg,CXX,$(1),libunwind/$$*.cpp)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call lu_cxxflags,$(1)) -MMD -MP -c $(LU_SRC)/src/$$*.cpp -o $$@
$$(LU_OUT.$(1))/obj/%.c.o: $(LU_DEPS) | $(EMPTY_SYSROOT)
	$$(call msg,CC,$(1),libunwind/$$*.c)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call lu_cflags,$(1)) -MMD -MP -c $(LU_SRC)/src/$$*.c -o $$@
$$(LU_OUT.$(1))/obj/%.S.o: $(LU_DEPS) | $(EMPTY_SYSROOT)
	$$(call msg,AS,$(1),libunwind/$$*.S)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call lu_cflags,$(1)) -MMD -MP -c $(LU_SRC)/src/$$*.S -o $$@

$$(call cross_archive,$$(LU_LIB.$(1)),$$(LU_OBJS.$(1)),$(1))
$(foreach n,unwind gcc_eh,$$(call sysroot_copy,$(call sysroot_lib,$(1))/lib$(n).a,$$(LU_LIB.$(1))))
$(foreach h,$(LU_HEADERS),$$(call sysroot_copy,$(call sysroot_inc,$(1))/$(h),$(LU_SRC)/include/$(h)))
endef
$(foreach a,$(ARCHS),$(eval $(call llvm_unwind_arch,$(a))))

.PHONY: llvm-unwind
llvm-unwind: $(foreach a,$(ARCHS),$(LU_LIB.$(a)))
endif

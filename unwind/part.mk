# unwind: the _Unwind_* ABI with stub semantics and frame-pointer backtraces
# (design.md "Unwind stubs"), installed per target as lib/libunwind_stubs.a
# and, under the names link lines use (-lgcc_eh for rustc's Redox std,
# redox-abi.md §6, and -lunwind), in lib/unwind-stubs/: a link that puts
# -L<lib>/unwind-stubs first (redox-crt-config --unwind=stubs) gets the
# stubs for -lgcc_eh/-lunwind. lib/libgcc_eh.a and lib/libunwind.a are LLVM
# libunwind (unwind/llvm/part.mk), or these stubs with UNWIND=stubs.
#
# UNWIND=llvm|stubs picks what lib/libunwind.a and lib/libgcc_eh.a are.
# Default llvm; with BUILTINS=no (no LLVM source download) default stubs.
UNWIND ?= $(if $(filter no,$(BUILTINS)),stubs,llvm)
ifeq ($(filter llvm stubs,$(UNWIND)),)
$(error UNWIND='$(UNWIND)' is neither llvm nor stubs; fix: make UNWIND=llvm (LLVM libunwind, the default) or UNWIND=stubs)
endif
UNWIND_SRCS := walk backtrace raise frames
UNWIND_LIBNAMES := gcc_eh unwind

define unwind_arch
UNWIND_OBJS.$(1) := $(addprefix $(BUILD)/$(1)/obj/unwind/,$(addsuffix .o,$(UNWIND_SRCS))) \
	$(BUILD)/$(1)/obj/unwind/$(1)/write2.o
UNWIND_LIB.$(1) := $(BUILD)/$(1)/unwind/libunwind_stubs.a
$$(UNWIND_OBJS.$(1)): EXTRA_CFLAGS := -Iunwind/$(1) -Werror
$$(call cross_archive,$$(UNWIND_LIB.$(1)),$$(UNWIND_OBJS.$(1)),$(1))
$$(call sysroot_copy,$(call sysroot_lib,$(1))/libunwind_stubs.a,$$(UNWIND_LIB.$(1)))
$(foreach n,$(UNWIND_LIBNAMES),$$(call sysroot_copy,$(call sysroot_lib,$(1))/unwind-stubs/lib$(n).a,$$(UNWIND_LIB.$(1))))
ifeq ($(UNWIND),stubs)
$(foreach n,$(UNWIND_LIBNAMES),$$(call sysroot_copy,$(call sysroot_lib,$(1))/lib$(n).a,$$(UNWIND_LIB.$(1))))
endif
endef
$(foreach a,$(ARCHS),$(eval $(call unwind_arch,$(a))))

# Built without LLVM libunwind: said once when the sysroot is made, and
# recorded in it (redox-crt-config --unwind=llvm then names the fix).
ifeq ($(UNWIND),stubs)
UNWIND_STUBS_WHY := unwind: note: UNWIND=stubs$(if $(filter no,$(BUILTINS)), (the default with BUILTINS=no)): lib/libunwind.a and lib/libgcc_eh.a are redox-crt's stubs (frame-pointer backtraces; throw, cleanups and catch do not unwind); fix: make UNWIND=llvm for LLVM libunwind
SYSROOT_FILES += $(SYSROOT_SHARE)/UNWIND-STUBS
$(SYSROOT_SHARE)/UNWIND-STUBS: unwind/part.mk
	@echo "$(UNWIND_STUBS_WHY)" >&2
	$(Q)mkdir -p $(@D)
	$(Q)echo "$(UNWIND_STUBS_WHY)" > $@
endif

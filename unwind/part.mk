# unwind: the _Unwind_* ABI with stub semantics and frame-pointer backtraces
# (design.md "Unwind stubs"). One archive per target, installed under the
# three names link lines use: -lunwind_stubs, -lgcc_eh (rustc's Redox std,
# redox-abi.md §6) and -lunwind.
UNWIND_SRCS := walk backtrace raise frames
UNWIND_LIBNAMES := unwind_stubs gcc_eh unwind

define unwind_arch
UNWIND_OBJS.$(1) := $(addprefix $(BUILD)/$(1)/obj/unwind/,$(addsuffix .o,$(UNWIND_SRCS))) \
	$(BUILD)/$(1)/obj/unwind/$(1)/write2.o
UNWIND_LIB.$(1) := $(BUILD)/$(1)/unwind/libunwind_stubs.a
$$(UNWIND_OBJS.$(1)): EXTRA_CFLAGS := -Iunwind/$(1) -Werror
$$(call cross_archive,$$(UNWIND_LIB.$(1)),$$(UNWIND_OBJS.$(1)),$(1))
$(foreach n,$(UNWIND_LIBNAMES),$$(call sysroot_copy,$(call sysroot_lib,$(1))/lib$(n).a,$$(UNWIND_LIB.$(1))))
endef
$(foreach a,$(ARCHS),$(eval $(call unwind_arch,$(a))))

# Freestanding runtime: libredox_start.a and <redox/start.h> per target.
START_SRCS := start/start.c start/exit.c
# What a freestanding program built with -fexceptions needs besides, with
# LLVM libunwind (docs/unwind.md); one object each, linked only when used.
START_SRCS += start/mem.c start/malloc.c start/abort.c
define start_arch
START_OBJS.$(1) := $(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(START_SRCS))
$$(call cross_archive,$(BUILD)/$(1)/lib/libredox_start.a,$$(START_OBJS.$(1)),$(1))
$$(call sysroot_copy,$(call sysroot_lib,$(1))/libredox_start.a,$(BUILD)/$(1)/lib/libredox_start.a)
$$(call sysroot_copy,$(call sysroot_inc,$(1))/redox/start.h,include/redox/start.h)
endef
$(foreach a,$(ARCHS),$(eval $(call start_arch,$(a))))
$(foreach a,$(ALL_ARCHS),$(BUILD)/$(a)/obj/start/%.o): EXTRA_CFLAGS += -Os
# The ABI note (docs/abi-note.md) names the ABI of the selected syscall table.
# (Also in the host builds of start.c for tests/start/unit.c.)
$(foreach a,$(ALL_ARCHS),$(BUILD)/$(a)/obj/start/start.o): EXTRA_CFLAGS += -DREDOX_CRT_ABI='"$(SC_ABI)"'
$(foreach v,host host-san,$(BUILD)/$(v)/obj/start/start.o): HOST_EXTRA_CFLAGS += -DREDOX_CRT_ABI='"$(SC_ABI)"'
$(foreach a,$(ALL_ARCHS) host host-san,$(BUILD)/$(a)/obj/start/start.o): $(SC_STAMP)

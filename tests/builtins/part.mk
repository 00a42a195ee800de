# SPDX-License-Identifier: MIT
# Suite `builtins`: static checks of the archives and crtbegin/crtend,
# compiler-rt's own unit tests run in redox-run, and a demo program linked
# with -lgcc compared with the host's (gcc + libgcc) output. Not registered
# when the builtins are not built (make BUILTINS=no).
ifeq ($(BUILTINS),yes)
CHECK_SUITES += builtins

BT_OUT = $(BUILD)/test/builtins/$(1)
BI_UNIT_DIR := $(BUILTINS_SRC)/compiler-rt/test/builtins/Unit

# The unit tests and the demo are ordinary C for Redox, built against the
# shim libc in tests/builtins/shim (headers + shim.c), at -O0 (as lit) and
# with the flags lit and compiler-rt's test CMake add (-fno-builtin, the
# _Float16 ABI switch). -ffp-contract=off: the tests compare with reference
# expressions such as a*c - b*d, which clang would fuse into an FMA on
# aarch64 and so no longer equal the library's (unfused, correct) result
# (muldc3_test: 1e-6 * 1e-6 - 1e-6 * 1e-6 gives the rounding error, not 0).
bt_cflags = --target=$(TRIPLE.$(1)) --sysroot=$(EMPTY_SYSROOT) -ffreestanding \
	-fno-builtin -DCOMPILER_RT_HAS_FLOAT16 -O0 -ffp-contract=off -w -Itests/builtins/shim -I$(BI_UNIT_DIR) -I$(BUILTINS_DIR) \
	$(CROSS_ARCH_FLAGS.$(1))
# x86_64 tests of binary128 need __float128, which clang enables for the
# linux triple only (see builtins/part.mk).
BT_QUAD_TESTS.x86_64 = $(BI_F128_FLAGS.x86_64)

define builtins_test_arch
$(BUILD)/$(1)/builtins-test/shim.o: tests/builtins/shim/shim.c $(wildcard tests/builtins/shim/*.h) | $(EMPTY_SYSROOT)
	$$(call msg,CC,$(1),$$<)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call bt_cflags,$(1)) -Wall -Wextra -c $$< -o $$@

$(BUILD)/$(1)/builtins-test/demo.o: tests/builtins/demo.c | $(EMPTY_SYSROOT)
	$$(call msg,CC,$(1),$$<)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call bt_cflags,$(1)) $(if $(filter aarch64,$(1)),-moutline-atomics) -c $$< -o $$@

# Linked the way a C program for Redox is: crtbegin/crtend around the
# objects, -lgcc resolved from the sysroot.
$(BUILD)/$(1)/builtins-test/demo: $(BUILD)/$(1)/builtins-test/demo.o $(BUILD)/$(1)/builtins-test/shim.o \
		$(call sysroot_crt,$(1)) $(addprefix $(call sysroot_lib,$(1))/,libgcc.a crtbegin.o crtend.o)
	$$(call msg,LD,$(1),$$@)
	$(Q)$$(call freestanding_link,$(1),$$@,$(call sysroot_lib,$(1))/crtbegin.o \
		$(BUILD)/$(1)/builtins-test/demo.o $(BUILD)/$(1)/builtins-test/shim.o -lgcc \
		$(call sysroot_lib,$(1))/crtend.o)
endef
$(foreach a,$(ARCHS),$(eval $(call builtins_test_arch,$(a))))

# The host oracle: the same demo built by the host compiler and its libgcc.
$(BUILD)/host/builtins-test/demo-%: tests/builtins/demo.c
	$(call msg,HOSTCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) -O1 -w $(if $(filter aarch64,$*),-DDEMO_HOST_QUAD) $< -o $@ -latomic

BT_DEPS = $(foreach a,$(ARCHS),$(addprefix $(call sysroot_lib,$(a))/,libgcc.a crtbegin.o crtend.o) \
	$(call sysroot_crt,$(a)) $(BUILD)/$(a)/builtins-test/shim.o $(BUILD)/$(a)/builtins-test/demo \
	$(BUILD)/host/builtins-test/demo-$(a)) $(REDOX_RUN)

.PHONY: check-builtins
check-builtins: $(BT_DEPS)
	@rc=0; $(foreach a,$(ARCHS), \
	sh tests/builtins/symbols.sh $(a) $(call sysroot_lib,$(a)) $(call BT_OUT,$(a))/symbols || rc=1; \
	sh tests/builtins/demo.sh $(a) $(BUILD)/$(a)/builtins-test/demo $(BUILD)/host/builtins-test/demo-$(a) \
		$(call BT_OUT,$(a))/demo || rc=1; \
	BI_UNIT='$(BI_UNIT_DIR)' BI_ARCHIVE='$(call sysroot_lib,$(a))/libclang_rt.builtins-$(a).a' \
	BI_SHIM_OBJ='$(BUILD)/$(a)/builtins-test/shim.o' \
	BI_CFLAGS='$(call bt_cflags,$(a))' BI_QUAD_FLAGS='$(BT_QUAD_TESTS.$(a))' \
	BI_LINK='$(call freestanding_link,$(a),"$$out",$$objs)' \
	REDOX_RUN='$(REDOX_RUN)' \
	sh tests/builtins/unit.sh $(a) $(call BT_OUT,$(a))/unit || rc=1;) \
	exit $$rc
endif

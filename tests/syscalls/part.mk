# Syscall layer tests (issue 4): host unit tests of every table version,
# plain and with ASan+UBSan, then end-to-end programs in redox-run.
CHECK_SUITES += syscalls

# Host builds see the host arch's inline syscalls (the native oracle uses them).
SCT_HOST_ARCH := $(or $(filter x86_64 aarch64,$(shell uname -m)),x86_64)
SCT_UNIT_SRCS := tests/syscalls/unit.c tests/syscalls/fake_kernel.c syscalls/errno.c syscalls/proc.c
# $(call sct_unit_rule,VERSION,VARIANT,EXTRA_FLAGS)
define sct_unit_rule
$(BUILD)/$(2)/test/syscalls/$(1)/unit: $(SCT_UNIT_SRCS) $(call sc_gen,$(1))/wrappers.c \
		$(call sc_gen,$(1))/wrapper_cases.h $(addprefix $(call sc_gen,$(1))/include/redox/,syscall_numbers.h syscall_wrappers.h) \
		$(SC_GEN_COMMON)
	$$(call msg,HOSTCC,$(2),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -Werror=implicit-function-declaration $(3) $(CHECK_CFLAGS) -Iinclude -I$(call sc_gen,$(1))/include \
		-I$(SC_GEN)/include -I$(SC_GEN) -I$(call sc_gen,$(1)) -Isyscalls/$(SCT_HOST_ARCH)/include -MMD -MP \
		-o $$@ $(SCT_UNIT_SRCS) $(call sc_gen,$(1))/wrappers.c $(CHECK_LIBS)
SCT_UNIT_BINS += $(BUILD)/$(2)/test/syscalls/$(1)/unit
endef
$(foreach v,$(SC_VERSIONS),$(eval $(call sct_unit_rule,$(v),host,)) \
	$(eval $(call sct_unit_rule,$(v),host-san,$(HOST_SAN_FLAGS))))

.PHONY: check-syscalls check-syscalls-unit
check-syscalls: check-syscalls-unit
check-syscalls-unit: $(SCT_UNIT_BINS)
	@rc=0; for t in $(SCT_UNIT_BINS); do echo "-- $$t"; $$t || rc=1; done; exit $$rc

# The real Linux kernel as an oracle for the x86_64 shims (same registers).
ifeq ($(shell uname -m),x86_64)
define sct_native_rule
$(BUILD)/$(1)/test/syscalls/native: tests/syscalls/native.c syscalls/x86_64/syscall.S \
		$(addprefix $(call sc_gen,$(SYSCALL_VERSION))/include/redox/,syscall_numbers.h syscall_wrappers.h) $(SC_GEN_COMMON)
	$$(call msg,HOSTCC,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -Werror=implicit-function-declaration $(2) $(CHECK_CFLAGS) -Iinclude \
		-I$(call sc_gen,$(SYSCALL_VERSION))/include -I$(SC_GEN)/include -Isyscalls/x86_64/include -Icrt/x86_64 -MMD -MP \
		-o $$@ tests/syscalls/native.c syscalls/x86_64/syscall.S $(CHECK_LIBS)
SCT_NATIVE += $(BUILD)/$(1)/test/syscalls/native
endef
$(eval $(call sct_native_rule,host,))
$(eval $(call sct_native_rule,host-san,$(HOST_SAN_FLAGS)))
.PHONY: check-syscalls-native
check-syscalls: check-syscalls-native
check-syscalls-native: $(SCT_NATIVE)
	@rc=0; for t in $(SCT_NATIVE); do echo "-- $$t"; $$t || rc=1; done; exit $$rc
endif

# End to end in redox-run, each arch: programs linked like any freestanding
# Redox program (crt0, libredox_start, libredox_syscall).
SCT_E2E_PROGS := rawargs regs io exitcode wrappers
define sct_e2e_arch
$(foreach p,$(SCT_E2E_PROGS),$$(call freestanding_prog,$(1),$(BUILD)/$(1)/test/syscalls/$(p),$(BUILD)/$(1)/obj/tests/syscalls/e2e/$(p).o \
	$(if $(filter regs,$(p)),$(BUILD)/$(1)/obj/tests/syscalls/$(1)/regs_probe.o)))
check-syscalls-e2e: $(addprefix $(BUILD)/$(1)/test/syscalls/,$(SCT_E2E_PROGS))
endef
$(foreach a,$(ARCHS),$(eval $(call sct_e2e_arch,$(a))))
# wrappers.c calls every wrapper through the generated unit-test cases.
$(foreach a,$(ARCHS),$(BUILD)/$(a)/obj/tests/syscalls/e2e/wrappers.o): EXTRA_CFLAGS += -I$(call sc_gen,$(SYSCALL_VERSION))
$(foreach a,$(ARCHS),$(BUILD)/$(a)/obj/tests/syscalls/e2e/wrappers.o): $(call sc_gen,$(SYSCALL_VERSION))/wrapper_cases.h $(SC_STAMP)
.PHONY: check-syscalls-e2e
check-syscalls: check-syscalls-e2e
check-syscalls-e2e: $(REDOX_RUN)
	@rc=0; $(foreach a,$(ARCHS),REDOX_RUN=$(REDOX_RUN) SCT_TABLE=$(SC_TABLE) sh tests/syscalls/e2e.sh $(a) $(BUILD)/$(a)/test/syscalls $(BUILD)/test/syscalls/$(a) || rc=1;) exit $$rc

# The same programs in redox-run built with ASan+UBSan (RR_SAN_BIN, on the
# static Unicorn link): any report makes a run's status or output differ.
CHECK_SUITES += syscalls-asan
.PHONY: check-syscalls-asan
check-syscalls-asan: $(RR_SAN_BIN) $(foreach a,$(ARCHS),$(addprefix $(BUILD)/$(a)/test/syscalls/,$(SCT_E2E_PROGS)))
	@rc=0; $(foreach a,$(ARCHS),REDOX_RUN=$(RR_SAN_BIN) SCT_TABLE=$(SC_TABLE) sh tests/syscalls/e2e.sh $(a) $(BUILD)/$(a)/test/syscalls $(BUILD)/test/syscalls-asan/$(a) || rc=1;) exit $$rc

# Generator errors, version switching, archive and header inspection.
.PHONY: check-syscalls-build
check-syscalls: check-syscalls-build
check-syscalls-build: syscalls $(foreach v,$(SC_VERSIONS),$(call sc_gen,$(v))/include/redox/syscall_wrappers.h)
	@sh tests/syscalls/build.sh $(BUILD)/test/syscalls/build "$(ARCHS)"

# The same end-to-end programs against the other table, in a build tree of
# their own, so the version a sysroot can select is proven to work too.
SCT_OTHER_VERSION := $(firstword $(filter-out $(SYSCALL_VERSION),$(SC_VERSIONS)))
ifneq ($(SCT_OTHER_VERSION),)
CHECK_SUITES += syscalls-$(SCT_OTHER_VERSION)
.PHONY: check-syscalls-$(SCT_OTHER_VERSION)
check-syscalls-$(SCT_OTHER_VERSION):
	@echo "-- end to end with SYSCALL_VERSION=$(SCT_OTHER_VERSION) (build tree $(BUILD)/v$(SCT_OTHER_VERSION))"
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/v$(SCT_OTHER_VERSION) \
		SYSCALL_VERSION=$(SCT_OTHER_VERSION) check-syscalls-e2e
endif

# syscalls: libredox_syscall.a and <redox/*.h> per target, for the
# redox_syscall version SYSCALL_VERSION (one syscalls/table-<version>.txt each).

SC_VERSIONS := $(sort $(patsubst syscalls/table-%.txt,%,$(wildcard syscalls/table-*.txt)))
SC_TABLE := syscalls/table-$(SYSCALL_VERSION).txt
ifeq ($(wildcard $(SC_TABLE)),)
$(error SYSCALL_VERSION=$(SYSCALL_VERSION) has no table $(SC_TABLE); fix: make SYSCALL_VERSION=<one of: $(SC_VERSIONS)>, or add the table)
endif

# The ABI name of each table (redox-run --abi; the freestanding runtime's ABI
# note, docs/abi-note.md): 0.6.0 is what relibc of 2026-01 spoke, 0.9.x what
# relibc dadb4375 (2026-08) speaks (redox-abi.md §4).
SC_ABI.0.6.0 := 2026-01
SC_ABI.0.9.3 := 2026-08
SC_ABI := $(SC_ABI.$(SYSCALL_VERSION))
ifeq ($(SC_ABI),)
$(error SYSCALL_VERSION=$(SYSCALL_VERSION) has a table but no ABI name; fix: add SC_ABI.$(SYSCALL_VERSION) := <redox-run --abi name> to syscalls/part.mk)
endif

SC_GEN := $(BUILD)/gen/syscalls
# $(call sc_gen,VERSION): generated sources of one table version.
sc_gen = $(SC_GEN)/$(1)
SC_GEN_COMMON := $(SC_GEN)/include/redox/errno_numbers.h $(SC_GEN)/errno_table.inc
SC_AWK := awk -f syscalls/gen.awk

# Records the selected version; rewritten only when it changes, so switching
# SYSCALL_VERSION rebuilds exactly what depends on the table.
SC_STAMP := $(SC_GEN)/selected-version
$(SC_STAMP): syscalls-force
	$(Q)mkdir -p $(@D)
	$(Q)[ "$$(cat $@ 2>/dev/null)" = "$(SYSCALL_VERSION)" ] || echo "$(SYSCALL_VERSION)" > $@
.PHONY: syscalls-force
syscalls-force:

$(SC_GEN)/include/redox/errno_numbers.h: syscalls/errno.txt syscalls/gen.awk
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(SC_AWK) -v mode=errno $< > $@.tmp && mv $@.tmp $@
$(SC_GEN)/errno_table.inc: syscalls/errno.txt syscalls/gen.awk
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(SC_AWK) -v mode=errtab $< > $@.tmp && mv $@.tmp $@

define sc_version_rules
$(call sc_gen,$(1))/include/redox/syscall_numbers.h: syscalls/table-$(1).txt syscalls/gen.awk
	$$(call msg,GEN,,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(SC_AWK) -v mode=numbers -v version=$(1) $$< > $$@.tmp && mv $$@.tmp $$@
$(call sc_gen,$(1))/include/redox/syscall_wrappers.h: syscalls/table-$(1).txt syscalls/gen.awk
	$$(call msg,GEN,,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(SC_AWK) -v mode=decls $$< > $$@.tmp && mv $$@.tmp $$@
$(call sc_gen,$(1))/stubs/%.S: syscalls/table-$(1).txt syscalls/gen.awk
	$$(call msg,GEN,,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(SC_AWK) -v mode=stubs -v only=$$* $$< > $$@.tmp && mv $$@.tmp $$@
$(call sc_gen,$(1))/wrappers.c: syscalls/table-$(1).txt syscalls/gen.awk
	$$(call msg,GEN,,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(SC_AWK) -v mode=wrappers $$< > $$@.tmp && mv $$@.tmp $$@
$(call sc_gen,$(1))/wrapper_cases.h: syscalls/table-$(1).txt syscalls/gen.awk
	$$(call msg,GEN,,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(SC_AWK) -v mode=cases $$< > $$@.tmp && mv $$@.tmp $$@
endef
$(foreach v,$(SC_VERSIONS),$(eval $(call sc_version_rules,$(v))))

SC_PUBLIC_HEADERS := syscall.h types.h errno.h proc.h auxv.h
SC_GEN_HEADERS := syscall_numbers.h syscall_wrappers.h errno_numbers.h syscall_arch.h

# Per arch: the selected version's generated headers on the cross include
# path (every arch: other parts compile against them), then the archive and
# the installed copies (selected arches).
define sc_gen_arch_rules
$(BUILD)/gen/$(1)/include/redox/syscall_numbers.h: $(call sc_gen,$(SYSCALL_VERSION))/include/redox/syscall_numbers.h $(SC_STAMP)
	$(Q)mkdir -p $$(@D)
	$(Q)cp $$< $$@
$(BUILD)/gen/$(1)/include/redox/syscall_wrappers.h: $(call sc_gen,$(SYSCALL_VERSION))/include/redox/syscall_wrappers.h $(SC_STAMP)
	$(Q)mkdir -p $$(@D)
	$(Q)cp $$< $$@
$(BUILD)/gen/$(1)/include/redox/errno_numbers.h: $(SC_GEN)/include/redox/errno_numbers.h
	$(Q)mkdir -p $$(@D)
	$(Q)cp $$< $$@
# The inline syscalls are arch code: each target's sysroot gets its own.
$(BUILD)/gen/$(1)/include/redox/syscall_arch.h: syscalls/$(1)/include/redox/syscall_arch.h
	$(Q)mkdir -p $$(@D)
	$(Q)cp $$< $$@
endef
$(foreach a,$(ALL_ARCHS),$(eval $(call sc_gen_arch_rules,$(a))))

# The typed wrappers of the selected table, one archive member each, so a
# program pulls only the wrappers it calls (and never a second definition of a
# name relibc's libc.a also exports, such as redox_fpath, unless it calls it).
SC_STUB_NAMES := $(shell $(SC_AWK) -v mode=names syscalls/table-$(SYSCALL_VERSION).txt)
ifeq ($(SC_STUB_NAMES),)
$(error syscalls/table-$(SYSCALL_VERSION).txt lists no wrappers (or gen.awk failed on it); fix: check the table)
endif
# Generated sources are kept (not make intermediates, which it would delete).
.SECONDARY: $(patsubst %,$(call sc_gen,$(SYSCALL_VERSION))/stubs/%.S,$(SC_STUB_NAMES))
define sc_arch_rules
SC_STUB_OBJS.$(1) := $(patsubst %,$(BUILD)/$(1)/obj/$(call sc_gen,$(SYSCALL_VERSION))/stubs/%.o,$(SC_STUB_NAMES))
SC_OBJS.$(1) := $(BUILD)/$(1)/obj/syscalls/$(1)/syscall.o \
	$(BUILD)/$(1)/obj/syscalls/errno.o $(BUILD)/$(1)/obj/syscalls/proc.o \
	$$(SC_STUB_OBJS.$(1))
# Straight-line stubs (syscalls/$(1)/stub.h) generated from the table; the C
# form (wrappers.c) is for the host unit tests only.
$$(SC_STUB_OBJS.$(1)): EXTRA_ASFLAGS += -Isyscalls/$(1)
$$(SC_STUB_OBJS.$(1)): syscalls/$(1)/stub.h
# C objects wait for the generated headers (order-only, mk/rules.mk); errno.c
# also includes the generated table.
$(BUILD)/$(1)/obj/syscalls/errno.o: $(SC_GEN)/errno_table.inc
$$(SC_OBJS.$(1)): EXTRA_CFLAGS += -ffunction-sections -fdata-sections -I$(SC_GEN)
$(BUILD)/$(1)/syscalls/libredox_syscall.a: $$(SC_OBJS.$(1)) $(SC_STAMP)
$$(call cross_archive,$(BUILD)/$(1)/syscalls/libredox_syscall.a,$$(SC_OBJS.$(1)),$(1))
$$(call sysroot_copy,$(call sysroot_lib,$(1))/libredox_syscall.a,$(BUILD)/$(1)/syscalls/libredox_syscall.a)
$(foreach h,$(SC_PUBLIC_HEADERS),$$(call sysroot_copy,$(call sysroot_inc,$(1))/redox/$(h),include/redox/$(h))
)
$(foreach h,$(SC_GEN_HEADERS),$$(call sysroot_copy,$(call sysroot_inc,$(1))/redox/$(h),$(BUILD)/gen/$(1)/include/redox/$(h))
)
endef
$(foreach a,$(ARCHS),$(eval $(call sc_arch_rules,$(a))))

.PHONY: syscalls
syscalls: $(foreach a,$(ARCHS),$(call sysroot_lib,$(a))/libredox_syscall.a \
	$(addprefix $(call sysroot_inc,$(a))/redox/,$(SC_PUBLIC_HEADERS) $(SC_GEN_HEADERS)))
# Size over speed: these run once per syscall at most and are dwarfed by the
# trap itself; -Os keeps a freestanding program small (make bench).
$(foreach a,$(ALL_ARCHS),$(BUILD)/$(a)/obj/syscalls/%.o $(BUILD)/$(a)/obj/$(SC_GEN)/%.o): EXTRA_CFLAGS += -Os

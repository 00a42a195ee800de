# Generic build rules. Objects for Redox land in $(BUILD)/<arch>/obj/<source
# path>.o, host objects in $(BUILD)/host/obj/<source path>.o.
# Every rule depends order-only on the directory it writes; .d files give
# header dependencies so rebuilds are incremental.

$(EMPTY_SYSROOT):
	$(Q)mkdir -p $@

define cross_rules
$(BUILD)/$(1)/obj/%.o: %.S | $(EMPTY_SYSROOT)
	$$(call msg,AS,$(1),$$<)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call cross_asflags,$(1)) $$(EXTRA_ASFLAGS) -MMD -MP -c $$< -o $$@

$(BUILD)/$(1)/obj/%.o: %.c | $(EMPTY_SYSROOT) $$(call syscall_headers,$(1))
	$$(call msg,CC,$(1),$$<)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call cross_cflags,$(1)) $$(EXTRA_CFLAGS) -MMD -MP -c $$< -o $$@
endef
$(foreach a,$(ALL_ARCHS),$(eval $(call cross_rules,$(a))))

$(BUILD)/host/obj/%.o: %.c
	$(call msg,HOSTCC,host,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_EXTRA_CFLAGS) -Iinclude -MMD -MP -c $< -o $@

# Same sources with AddressSanitizer and UndefinedBehaviorSanitizer.
$(BUILD)/host-san/obj/%.o: %.c
	$(call msg,HOSTCC,asan,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_SAN_FLAGS) $(HOST_EXTRA_CFLAGS) -Iinclude -MMD -MP -c $< -o $@

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# $(call sysroot_copy,DEST,SRC[,MODE]): DEST in the sysroot is a copy of SRC,
# and is part of `make all` and of `make install`.
define sysroot_copy_rule
SYSROOT_FILES += $(1)
$(1): $(2)
	$$(call msg,INSTALL,,$(1))
	$(Q)mkdir -p $$(@D)
	$(Q)install -m $(if $(3),$(3),644) $$< $$@
endef
sysroot_copy = $(eval $(call sysroot_copy_rule,$(1),$(2),$(3)))

# $(call cross_archive,ARCHIVE,OBJECTS,ARCH): a static archive of Redox objects.
define cross_archive_rule
$(1): $(2)
	$$(call msg,AR,$(3),$(1))
	$(Q)mkdir -p $$(@D)
	$(Q)rm -f $$@
	$(Q)$(LLVM_AR) rcsD $$@ $$(filter %.o,$$^)
endef
cross_archive = $(eval $(call cross_archive_rule,$(1),$(2),$(3)))

# $(call freestanding_prog,ARCH,OUT,OBJS): OUT is a freestanding Redox program
# linked from OBJS against the built sysroot (freestanding_link's order).
define freestanding_prog_rule
$(2): $(3) $$(call sysroot_crt,$(1))
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$$(call freestanding_link,$(1),$$@,$(3))
endef
freestanding_prog = $(eval $(call freestanding_prog_rule,$(1),$(2),$(3)))

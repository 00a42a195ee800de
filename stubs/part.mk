# Empty archives so link lines naming -lpthread -ldl -lrt -lm resolve
# (relibc installs the same empty ones, redox-abi.md §7). An imported relibc
# libm.a replaces ours at install time (toolchain/).
STUB_LIBS := pthread dl rt m
define stub_arch
$(BUILD)/$(1)/stubs/lib%.a:
	$$(call msg,AR,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)rm -f $$@ && $(LLVM_AR) rcs $$@
$(foreach l,$(STUB_LIBS),$$(call sysroot_copy,$(call sysroot_lib,$(1))/lib$(l).a,$(BUILD)/$(1)/stubs/lib$(l).a))
endef
$(foreach a,$(ARCHS),$(eval $(call stub_arch,$(a))))

# crt: crt0.o (also crt1.o, Scrt1.o), crti.o, crtn.o per target.
define crt_arch
CRT_OBJS.$(1) := $(addprefix $(BUILD)/$(1)/obj/crt/$(1)/,crt0.o crti.o crtn.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crt0.o,$(BUILD)/$(1)/obj/crt/$(1)/crt0.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crt1.o,$(BUILD)/$(1)/obj/crt/$(1)/crt0.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/Scrt1.o,$(BUILD)/$(1)/obj/crt/$(1)/crt0.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crti.o,$(BUILD)/$(1)/obj/crt/$(1)/crti.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crtn.o,$(BUILD)/$(1)/obj/crt/$(1)/crtn.o)
endef
$(foreach a,$(ARCHS),$(eval $(call crt_arch,$(a))))

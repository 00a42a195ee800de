# crt objects: inspection of linked binaries per arch, and the libunwind
# oracle on the host.
CHECK_SUITES += crt
.PHONY: check-crt
check-crt: $(foreach a,$(ARCHS),$(addprefix $(call sysroot_lib,$(a))/,crt0.o crti.o crtn.o))
	@rc=0; \
	$(foreach a,$(ARCHS),sh tests/crt/inspect.sh $(a) $(call sysroot_lib,$(a)) $(BUILD)/test/crt/$(a) || rc=1;) \
	$(foreach a,$(ARCHS),sh tests/crt/mutants.sh $(a) $(call sysroot_lib,$(a)) $(BUILD)/test/crt/mutants-$(a) || rc=1;) \
	sh tests/crt/oracle.sh $(BUILD)/test/crt/host || rc=1; exit $$rc

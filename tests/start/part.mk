# Freestanding runtime end to end (issue 5), both arches, both auxv layouts.
CHECK_SUITES += start
START_TEST_BINS := order probe
START_TEST_OBJS.order := order.o order_arrays.o fragment.o
START_TEST_OBJS.probe := probe.o
define start_test_arch
$(BUILD)/$(1)/test/start/%: $$(call sysroot_crt,$(1))
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$$(call freestanding_link,$(1),$$@,$$(filter %.o,$$^))
$(BUILD)/$(1)/test/start/order: $(addprefix $(BUILD)/$(1)/obj/tests/start/,$(START_TEST_OBJS.order))
$(BUILD)/$(1)/test/start/probe: $(addprefix $(BUILD)/$(1)/obj/tests/start/,$(START_TEST_OBJS.probe))
check-start: $(addprefix $(BUILD)/$(1)/test/start/,$(START_TEST_BINS))
endef
$(foreach a,$(ARCHS),$(eval $(call start_test_arch,$(a))))
.PHONY: check-start
check-start: $(REDOX_RUN)
	@rc=0; $(foreach a,$(ARCHS),REDOX_RUN=$(REDOX_RUN) sh tests/start/run.sh $(a) $(BUILD)/$(a)/test/start $(BUILD)/test/start/$(a) || rc=1;) exit $$rc

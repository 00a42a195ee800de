# Freestanding runtime end to end (issue 5), both arches, both auxv layouts.
CHECK_SUITES += start
START_TEST_BINS := order probe
START_TEST_OBJS.order := order.o order_arrays.o fragment.o
START_TEST_OBJS.probe := probe.o
define start_test_arch
$(foreach p,$(START_TEST_BINS),$$(call freestanding_prog,$(1),$(BUILD)/$(1)/test/start/$(p),$(addprefix $(BUILD)/$(1)/obj/tests/start/,$(START_TEST_OBJS.$(p)))))
check-start: $(addprefix $(BUILD)/$(1)/test/start/,$(START_TEST_BINS))
endef
$(foreach a,$(ARCHS),$(eval $(call start_test_arch,$(a))))
.PHONY: check-start
check-start: $(REDOX_RUN)
	@rc=0; $(foreach a,$(ARCHS),REDOX_RUN=$(REDOX_RUN) SYSCALL_VERSION=$(SYSCALL_VERSION) sh tests/start/run.sh $(a) $(BUILD)/$(a)/test/start $(BUILD)/test/start/$(a) || rc=1;) exit $$rc

# Host unit tests (Check) of start/*.c, plain and with ASan+UBSan. The
# runtime's libc names are renamed so they do not replace the host's.
CHECK_SUITES += start-unit
START_HOST_RENAMES := -Dexit=rs_exit -D_Exit=rs__Exit -D_exit=rs__exit -Datexit=rs_atexit \
	-D__cxa_atexit=rs___cxa_atexit -D__cxa_finalize=rs___cxa_finalize -Denviron=rs_environ -D_init=rs__init -D_fini=rs__fini
START_UNIT_SRCS := start/start.c start/exit.c tests/start/unit.c
define start_unit_variant
$(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(START_UNIT_SRCS)): $(call syscall_headers,x86_64)
$(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(START_UNIT_SRCS)): HOST_EXTRA_CFLAGS += -I$(BUILD)/gen/x86_64/include $(CHECK_CFLAGS)
$(BUILD)/$(1)/obj/start/%.o: HOST_EXTRA_CFLAGS += $(START_HOST_RENAMES)
$(BUILD)/$(1)/test/start-unit: $(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(START_UNIT_SRCS))
	$$(call msg,LINK,host,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(HOST_CC) $(2) -o $$@ $$^ $(CHECK_LIBS)
endef
$(eval $(call start_unit_variant,host,))
$(eval $(call start_unit_variant,host-san,$(HOST_SAN_FLAGS)))
.PHONY: check-start-unit
check-start-unit: $(BUILD)/host/test/start-unit $(BUILD)/host-san/test/start-unit
	@rc=0; echo "-- plain"; $(BUILD)/host/test/start-unit || rc=1; \
	echo "-- ASan+UBSan"; $(BUILD)/host-san/test/start-unit || rc=1; exit $$rc

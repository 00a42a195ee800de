# make bench: start-up cost, size, syscall path, emulator and build speed,
# beside musl (issue 10) and before/after the issue 17 work. Prints a
# markdown table, writes build/bench.md and refreshes the copy in README.md.
# Measures only; never fails on a figure.
BENCH_PROGS := empty hello loop yield
$(foreach a,$(ARCHS),$(foreach p,$(BENCH_PROGS),\
	$(call freestanding_prog,$(a),$(BUILD)/$(a)/bench/$(p),$(BUILD)/$(a)/obj/bench/$(p).o)))
BENCH_BINS := $(foreach a,$(ARCHS),$(addprefix $(BUILD)/$(a)/bench/,$(BENCH_PROGS)))

# The revision every "before" figure is measured at, built from git in a
# scratch tree: main just before issue 17 (dynamic Unicorn, C wrappers over
# redox_syscallN, the 1257/1468-byte empty program).
BENCH_BASE ?= 7993002

# Host programs of the benchmark (build/bench/host/): the interleaving timer,
# the bare-engine floor (Unicorn linked statically the default way, as issue
# 17 defines it, and the way redox-run links it), and redox-run linked each
# way along the path to the default, so each step's gain is measured.
BH := $(BUILD)/bench/host
BENCH_HOST := $(BH)/timeit $(BH)/floor $(BH)/floor-as-rr \
	$(BH)/rr-shared $(BH)/rr-static-pie-all $(BH)/rr-static-pie $(BH)/rr-teardown
$(BH)/timeit: bench/timeit.c
	$(call msg,HOSTCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $<
$(BH)/floor: bench/floor.c
	$(call msg,HOSTCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(RR_UC_CFLAGS) -o $@ $< $(RR_UC_ARCHIVE) $(RR_UC_STATIC_LIBS)
$(BH)/floor-as-rr: bench/floor.c $(RR_UC_DEPS)
	$(call msg,HOSTCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(RR_UC_CFLAGS) -o $@ $< $(RR_UC_LIBS)
$(BH)/rr-shared: $(RR_OBJS)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ $(shell pkg-config --libs unicorn 2>/dev/null || echo -lunicorn)
$(BH)/rr-static-pie-all: $(RR_OBJS)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -Wl,--gc-sections $(RR_UC_ARCHIVE) $(RR_UC_STATIC_LIBS)
$(BH)/rr-static-pie: $(RR_OBJS) $(RR_UC_TRIM)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ -Wl,--gc-sections $(RR_UC_ARCHIVE) $(RR_UC_STATIC_LIBS)
# The default link with the engine torn down at exit (RR_TEARDOWN=1).
$(BH)/obj/main-teardown.o: tools/redox-run/main.c
	$(call msg,HOSTCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(RR_UC_CFLAGS) -DRR_TEARDOWN=1 -Iinclude -c $< -o $@
$(BH)/rr-teardown: $(BH)/obj/main-teardown.o $(filter-out %/main.o,$(RR_OBJS)) $(RR_UC_DEPS)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $(filter-out $(RR_UC_DEPS),$^) $(RR_UC_LIBS)

# One 6-frame _Unwind_Backtrace, with LLVM libunwind and with the stubs
# (bench/unwind_bt.c, issue 13).
ifeq ($(UNWIND),llvm)
$(foreach a,$(ARCHS),\
	$(call freestanding_prog,$(a),$(BUILD)/$(a)/bench/unwind_bt-llvm,$(BUILD)/$(a)/obj/bench/unwind_bt.o $(call sysroot_lib,$(a))/libunwind.a)\
	$(call freestanding_prog,$(a),$(BUILD)/$(a)/bench/unwind_bt-stubs,$(BUILD)/$(a)/obj/bench/unwind_bt.o $(call sysroot_lib,$(a))/libunwind_stubs.a))
BENCH_BINS += $(foreach a,$(ARCHS),$(BUILD)/$(a)/bench/unwind_bt-llvm $(BUILD)/$(a)/bench/unwind_bt-stubs)
endif

E2E_SUITES := $(filter start redox-run syscalls unwind,$(CHECK_SUITES))

.PHONY: bench
bench: all $(BENCH_BINS) $(BENCH_HOST) $(RELIBC_DEP) $(RRT_E2E)
	@ARCHS="$(ARCHS)" UNWIND="$(UNWIND)" E2E_SUITES="$(E2E_SUITES)" BENCH_BASE="$(BENCH_BASE)" RELIBC_SRC="$(RELIBC_SRC)" sh bench/bench.sh

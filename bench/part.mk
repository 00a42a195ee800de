# make bench: start-up cost, size, syscall path, emulator and build speed,
# beside musl (issue 10). Prints a markdown table, writes build/bench.md and
# refreshes the copy in README.md. Measures only; never fails on a figure.
BENCH_PROGS := empty hello loop
define bench_prog
$(BUILD)/$(1)/bench/$(2): $(BUILD)/$(1)/obj/bench/$(2).o $$(call sysroot_crt,$(1))
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$$(call freestanding_link,$(1),$$@,$$<)
BENCH_BINS += $(BUILD)/$(1)/bench/$(2)
endef
$(foreach a,$(ARCHS),$(foreach p,$(BENCH_PROGS),$(eval $(call bench_prog,$(a),$(p)))))

E2E_SUITES := $(filter start redox-run syscalls unwind,$(CHECK_SUITES))

.PHONY: bench
bench: all $(BENCH_BINS)
	@ARCHS="$(ARCHS)" E2E_SUITES="$(E2E_SUITES)" sh bench/bench.sh

# make bench: start-up cost, size, syscall path, emulator and build speed,
# beside musl (issue 10). Prints a markdown table, writes build/bench.md and
# refreshes the copy in README.md. Measures only; never fails on a figure.
BENCH_PROGS := empty hello loop
$(foreach a,$(ARCHS),$(foreach p,$(BENCH_PROGS),\
	$(call freestanding_prog,$(a),$(BUILD)/$(a)/bench/$(p),$(BUILD)/$(a)/obj/bench/$(p).o)))
BENCH_BINS := $(foreach a,$(ARCHS),$(addprefix $(BUILD)/$(a)/bench/,$(BENCH_PROGS)))

E2E_SUITES := $(filter start redox-run syscalls unwind,$(CHECK_SUITES))

.PHONY: bench
bench: all $(BENCH_BINS)
	@ARCHS="$(ARCHS)" E2E_SUITES="$(E2E_SUITES)" sh bench/bench.sh

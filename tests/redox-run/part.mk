# Tests of redox-run (included by tests/part.mk): Check unit
# tests of the loader and stack builder (plain and ASan+UBSan), end-to-end
# programs for every arch, bad-ELF cases and a bounded libFuzzer run.

RRT_OUT := $(BUILD)/test/redox-run
RRT_UNIT_SRCS := tests/redox-run/unit/test_rr.c tools/redox-run/elf.c tools/redox-run/stack.c \
	tools/common/redox-load.c tools/redox-run/fdtab.c
RRT_UNIT     := $(RRT_OUT)/unit
RRT_UNIT_SAN := $(RRT_OUT)/unit-san
RRT_FUZZER   := $(RRT_OUT)/fuzz-elf
FUZZ_TIME ?= 60
RRT_CHECK_FUZZ_TIME ?= 20

$(RRT_UNIT:$(RRT_OUT)/%=$(BUILD)/host/obj/%) $(RRT_UNIT_SAN): HOST_EXTRA_CFLAGS += $(CHECK_CFLAGS)
$(BUILD)/host/obj/tests/redox-run/unit/test_rr.o $(BUILD)/host-san/obj/tests/redox-run/unit/test_rr.o: \
	HOST_EXTRA_CFLAGS += $(CHECK_CFLAGS)

$(RRT_UNIT): $(RRT_UNIT_SRCS:%.c=$(BUILD)/host/obj/%.o)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ $(CHECK_LIBS)

$(RRT_UNIT_SAN): $(RRT_UNIT_SRCS:%.c=$(BUILD)/host-san/obj/%.o)
	$(call msg,LINK,asan,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_SAN_FLAGS) -o $@ $^ $(CHECK_LIBS)

$(RRT_FUZZER): tests/redox-run/fuzz/fuzz_elf.c tools/redox-run/elf.c tools/redox-run/elf.h \
		tools/common/redox-load.c tools/common/redox-load.h
	$(call msg,FUZZCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-o $@ tests/redox-run/fuzz/fuzz_elf.c tools/redox-run/elf.c tools/common/redox-load.c

# e2e program: one freestanding binary per arch, linked with ld.lld directly.
define rrt_arch
$(RRT_OUT)/$(1)/rrtest: $(BUILD)/$(1)/obj/tests/redox-run/e2e/$(1)/start.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/rrtest.o
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(LD_LLD) $(cross_ldflags) -o $$@ $$^
$(RRT_OUT)/$(1)/rrtest-misaligned: $(BUILD)/$(1)/obj/tests/redox-run/e2e/$(1)/start.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/rrtest.o
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(LD_LLD) $(cross_ldflags) -e _start_misaligned -o $$@ $$^
$(RRT_OUT)/$(1)/fdtest: $(BUILD)/$(1)/obj/tests/redox-run/e2e/$(1)/start.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/fdtest.o
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(LD_LLD) $(cross_ldflags) -o $$@ $$^
$(RRT_OUT)/$(1)/evtest: $(BUILD)/$(1)/obj/tests/redox-run/e2e/$(1)/start.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/evtest.o
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(LD_LLD) $(cross_ldflags) -o $$@ $$^
# rrtest with ABI notes (tests/redox-run/e2e/abinote.S, docs/abi-note.md):
# one naming 2026-08, one an ABI redox-run does not know, a malformed one,
# one whose size runs past its segment, and two that disagree.
$(BUILD)/$(1)/obj/tests/redox-run/e2e/abinote-%.o: tests/redox-run/e2e/abinote.S
	$$(call msg,AS,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call cross_asflags,$(1)) $$(RRT_NOTE.$$*) -c $$< -o $$@
$(RRT_OUT)/$(1)/rrtest-note-%: $(BUILD)/$(1)/obj/tests/redox-run/e2e/$(1)/start.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/rrtest.o $(BUILD)/$(1)/obj/tests/redox-run/e2e/abinote-%.o
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(LD_LLD) $(cross_ldflags) -o $$@ $$^
$(RRT_OUT)/$(1)/rrtest-note-two: $(BUILD)/$(1)/obj/tests/redox-run/e2e/$(1)/start.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/rrtest.o $(BUILD)/$(1)/obj/tests/redox-run/e2e/abinote-01.o \
		$(BUILD)/$(1)/obj/tests/redox-run/e2e/abinote-08.o
	$$(call msg,LD,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(LD_LLD) $(cross_ldflags) -o $$@ $$^
endef
RRT_NOTE.01 := -DNOTE_ABI='"2026-01"'
RRT_NOTE.08 := -DNOTE_ABI='"2026-08"'
RRT_NOTE.unknown := -DNOTE_ABI='"2031-13"'
RRT_NOTE.nonul := -DNOTE_NONUL
RRT_NOTE.huge := -DNOTE_HUGE
RRT_NOTE.type2 := -DNOTE_TYPE2
RRT_NOTE.align8 := -DNOTE_ALIGN8
RRT_NOTES := 08 unknown nonul huge two type2 align8
.SECONDARY: $(foreach a,$(ARCHS),$(foreach n,01 $(RRT_NOTES),$(BUILD)/$(a)/obj/tests/redox-run/e2e/abinote-$(n).o))
$(foreach a,$(ARCHS),$(eval $(call rrt_arch,$(a))))
RRT_E2E := $(foreach a,$(ARCHS),$(RRT_OUT)/$(a)/rrtest $(RRT_OUT)/$(a)/rrtest-misaligned \
	$(addprefix $(RRT_OUT)/$(a)/rrtest-note-,$(RRT_NOTES)))

CHECK_SUITES += redox-run
.PHONY: check-redox-run fuzz fuzz-redox-run
check-redox-run: $(REDOX_RUN) $(RRT_UNIT) $(RRT_UNIT_SAN) $(RRT_E2E) $(RRT_FUZZER)
	@echo "-- unit tests"; $(RRT_UNIT); u=$$?; \
	echo "-- unit tests, ASan+UBSan"; $(RRT_UNIT_SAN); s=$$?; \
	echo "-- end to end"; LLVM_NM=$(LLVM_NM) sh tests/redox-run/e2e.sh $(REDOX_RUN) $(RRT_OUT) \
		"$(ARCHS)" $(RRT_FUZZER) $(RRT_CHECK_FUZZ_TIME); e=$$?; \
	[ $$u -eq 0 ] && [ $$s -eq 0 ] && [ $$e -eq 0 ]

fuzz: fuzz-redox-run
fuzz-redox-run: $(RRT_FUZZER) $(RRT_E2E)
	@mkdir -p $(RRT_OUT)/fuzz-corpus
	@for a in $(ARCHS); do cp $(RRT_OUT)/$$a/rrtest $(RRT_OUT)/fuzz-corpus/rrtest-$$a; done
	$(RRT_FUZZER) -max_total_time=$(FUZZ_TIME) -max_len=65536 -print_final_stats=1 \
		-artifact_prefix=$(RRT_OUT)/fuzz- $(RRT_OUT)/fuzz-corpus
include tests/redox-run/fs/part.mk

# relibc programs under redox-run (tests/redox-run/relibc.sh): relibc comes
# from the sysroot (`make relibc` imports libc.a and headers); without it the
# cases are counted as skipped. RRT_RELIBC_SYSROOT points elsewhere for trials.
RRT_RELIBC_SYSROOT ?= $(SYSROOT)
CHECK_SUITES += redox-run-relibc
.PHONY: check-redox-run-relibc
# $(RELIBC_DEP) (relibc/part.mk) builds and imports relibc first when there is one.
check-redox-run-relibc: $(REDOX_RUN) $(RELIBC_DEP) $(foreach a,$(ARCHS),$(RRT_OUT)/$(a)/fdtest $(RRT_OUT)/$(a)/evtest \
		$(addprefix $(call sysroot_lib,$(a))/,crt0.o crti.o crtn.o libgcc.a))
	@CLANG=$(CLANG) LD_LLD=$(LD_LLD) LLVM_NM=$(LLVM_NM) sh tests/redox-run/relibc.sh $(REDOX_RUN) \
		$(RRT_OUT)/relibc "$(ARCHS)" $(SYSROOT) $(RRT_RELIBC_SYSROOT) $(RRT_OUT)

# Guest threads (tests/redox-run/threads.sh): relibc pthread programs, both
# arches; skipped (and counted) without relibc, as check-redox-run-relibc.
CHECK_SUITES += redox-run-threads
.PHONY: check-redox-run-threads
check-redox-run-threads: $(REDOX_RUN) $(RELIBC_DEP) $(foreach a,$(ARCHS),\
		$(addprefix $(call sysroot_lib,$(a))/,crt0.o crti.o crtn.o libgcc.a))
	@CLANG=$(CLANG) LD_LLD=$(LD_LLD) LLVM_NM=$(LLVM_NM) sh tests/redox-run/threads.sh $(REDOX_RUN) \
		$(RRT_OUT)/threads "$(ARCHS)" $(SYSROOT) $(RRT_RELIBC_SYSROOT)
# The same under the ASan+UBSan redox-run (RR_SAN_BIN): a report changes a
# run's status or stderr.
CHECK_SUITES += redox-run-threads-asan
.PHONY: check-redox-run-threads-asan
check-redox-run-threads-asan: $(RR_SAN_BIN) $(RELIBC_DEP) $(foreach a,$(ARCHS),\
		$(addprefix $(call sysroot_lib,$(a))/,crt0.o crti.o crtn.o libgcc.a))
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/redox-run/unicorn.supp:print_suppressions=0 \
		CLANG=$(CLANG) LD_LLD=$(LD_LLD) LLVM_NM=$(LLVM_NM) sh tests/redox-run/threads.sh $(RR_SAN_BIN) \
		$(RRT_OUT)/threads-asan "$(ARCHS)" $(SYSROOT) $(RRT_RELIBC_SYSROOT)

# Hostile input (issue 14): privileged guests, mapping exhaustion, special
# and huge files, crafted PT_LOADs fed to redox-run and redox-elfcheck.
CHECK_SUITES += redox-run-hostile
.PHONY: check-redox-run-hostile
# shrink.so: an LD_PRELOAD shim that truncates the program file mid-read.
$(RRT_OUT)/shrink.so: tests/redox-run/shrink.c
	$(call msg,HOSTCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -shared -fPIC -o $@ $< -ldl
check-redox-run-hostile: $(REDOX_RUN) $(REDOX_ELFCHECK) $(RRT_E2E) $(RRT_OUT)/shrink.so
	@LLVM_NM=$(LLVM_NM) SHRINK_SO=$(RRT_OUT)/shrink.so sh tests/redox-run/hostile.sh $(REDOX_RUN) $(REDOX_ELFCHECK) $(RRT_OUT) "$(ARCHS)"

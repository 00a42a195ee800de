# redox-elfcheck: a host tool that diagnoses linked Redox binaries, its unit
# tests, the end-to-end suite in tests/elfcheck/ and a libFuzzer target.
EC_DIR  := tools/redox-elfcheck
EC_SRCS := check.c report.c
EC_LIBS := $(shell pkg-config --libs libelf 2>/dev/null || echo -lelf)
# tools/common/redox-load.c: file reading and PT_LOAD rules shared with redox-run.
EC_OBJS      := $(addprefix $(BUILD)/host/obj/$(EC_DIR)/,$(EC_SRCS:.c=.o)) \
	$(BUILD)/host/obj/tools/common/redox-load.o
EC_SAN_OBJS  := $(addprefix $(BUILD)/host-san/obj/$(EC_DIR)/,$(EC_SRCS:.c=.o)) \
	$(BUILD)/host-san/obj/tools/common/redox-load.o
EC_BIN       := $(BUILD)/host/bin/redox-elfcheck
EC_SAN_BIN   := $(BUILD)/host-san/bin/redox-elfcheck
EC_UNIT      := $(BUILD)/host/tests/elfcheck/unit
EC_SAN_UNIT  := $(BUILD)/host-san/tests/elfcheck/unit
EC_OUT       := $(BUILD)/elfcheck
EC_FUZZER    := $(EC_OUT)/fuzz-elfcheck
EC_CORPUS    := $(EC_OUT)/corpus
FUZZ_TIME    ?= 60

$(BUILD)/host/obj/$(EC_DIR)/%.o $(BUILD)/host-san/obj/$(EC_DIR)/%.o: \
	HOST_EXTRA_CFLAGS += -DELFCHECK_VERSION='"$(VERSION)"'
$(BUILD)/host/obj/tests/elfcheck/%.o $(BUILD)/host-san/obj/tests/elfcheck/%.o: \
	HOST_EXTRA_CFLAGS += -I$(EC_DIR) $(CHECK_CFLAGS)

$(EC_BIN): $(EC_OBJS) $(BUILD)/host/obj/$(EC_DIR)/main.o
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^ $(EC_LIBS)

$(EC_SAN_BIN): $(EC_SAN_OBJS) $(BUILD)/host-san/obj/$(EC_DIR)/main.o
	$(call msg,LINK,asan,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_SAN_FLAGS) -o $@ $^ $(EC_LIBS)

$(EC_UNIT): $(EC_OBJS) $(BUILD)/host/obj/tests/elfcheck/unit.o
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^ $(EC_LIBS) $(CHECK_LIBS)

$(EC_SAN_UNIT): $(EC_SAN_OBJS) $(BUILD)/host-san/obj/tests/elfcheck/unit.o
	$(call msg,LINK,asan,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_SAN_FLAGS) -o $@ $^ $(EC_LIBS) $(CHECK_LIBS)

$(call sysroot_copy,$(REDOX_ELFCHECK),$(EC_BIN),755)

# The fuzzer is built straight from the sources: libFuzzer needs clang's
# coverage instrumentation on every file.
$(EC_FUZZER): $(addprefix $(EC_DIR)/,$(EC_SRCS) fuzz.c elfcheck.h) tools/common/redox-load.c \
		tools/common/redox-load.h
	$(call msg,FUZZCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)rt=$$($(CLANG) -print-file-name=libclang_rt.fuzzer-x86_64.a); [ -f "$$rt" ] || { \
		echo "redox-elfcheck: $(CLANG) has no libFuzzer runtime ($$rt); fix: apt-get install libclang-rt-19-dev" >&2; exit 1; }
	$(Q)$(CLANG) -O1 -g -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -o $@ $(filter %.c,$^) $(EC_LIBS)

# Test binaries: one good and many deliberately broken links per arch.
EC_TEST_SRCS := $(wildcard tests/elfcheck/*.c tests/elfcheck/*.ld) tests/elfcheck/mkbins.sh
define ec_bins
$(EC_OUT)/$(1)/stamp: $(EC_TEST_SRCS) $(if $(filter common,$(1)),,$(addprefix $(call sysroot_lib,$(1))/,crt0.o crti.o crtn.o)) | $(EMPTY_SYSROOT)
	$$(call msg,MKBINS,$(1),$(EC_OUT)/$(1))
	$(Q)rm -rf $(EC_OUT)/$(1) && mkdir -p $(EC_OUT)/$(1)
	$(Q)EC_CFLAGS='$(if $(filter common,$(1)),,$$(call cross_cflags,$(1)))' HOST_CC='$(HOST_CC)' \
		sh tests/elfcheck/mkbins.sh $(EC_OUT)/$(1) $(1) $(call sysroot_lib,$(1))
	$(Q)touch $$@
endef
$(foreach a,$(ARCHS) common,$(eval $(call ec_bins,$(a))))
EC_STAMPS := $(foreach a,$(ARCHS) common,$(EC_OUT)/$(a)/stamp)

# Seed corpus: every test binary and object (nothing binary is committed).
$(EC_CORPUS)/stamp: $(EC_STAMPS)
	$(call msg,CORPUS,host,$(EC_CORPUS))
	$(Q)rm -rf $(EC_CORPUS) && mkdir -p $(EC_CORPUS)
	$(Q)for d in $(ARCHS) common; do for f in $(EC_OUT)/$$d/*; do \
		case $$f in */stamp|*.log) continue;; esac; \
		cp "$$f" "$(EC_CORPUS)/$$d-$${f##*/}"; done; done
	$(Q)touch $@

.PHONY: fuzz-elfcheck
fuzz-elfcheck: $(EC_FUZZER) $(EC_CORPUS)/stamp
	$(Q)mkdir -p $(EC_OUT)/fuzz-work $(EC_OUT)/fuzz-artifacts
	$(EC_FUZZER) -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
		-artifact_prefix=$(EC_OUT)/fuzz-artifacts/ $(EC_OUT)/fuzz-work $(EC_CORPUS)

CHECK_SUITES += elfcheck
.PHONY: check-elfcheck
check-elfcheck: $(REDOX_ELFCHECK) $(REDOX_RUN) $(EC_SAN_BIN) $(EC_UNIT) $(EC_SAN_UNIT) \
		$(EC_STAMPS) $(EC_FUZZER) $(EC_CORPUS)/stamp
	$(Q)$(EC_UNIT)
	$(Q)$(EC_SAN_UNIT)
	$(Q)EC_TOOL=$(REDOX_ELFCHECK) EC_REDOX_RUN=$(REDOX_RUN) EC_SAN_TOOL=$(EC_SAN_BIN) EC_OUT=$(EC_OUT) \
		EC_ARCHS='$(ARCHS)' EC_FUZZER=$(EC_FUZZER) EC_CORPUS=$(EC_CORPUS) \
		EC_FUZZ_TIME=$(or $(EC_CHECK_FUZZ_TIME),15) sh tests/elfcheck/run.sh

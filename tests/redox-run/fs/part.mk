# Tests of redox-run's --root file system (tools/redox-run/fs.c; included by
# tests/redox-run/part.mk): Check unit tests against temporary trees, plain
# and ASan+UBSan, a bounded libFuzzer run over random trees and paths, and a
# relibc program trying every libc way out under redox-run (skipped without
# relibc in RRFS_RELIBC_SYSROOT, by default the sysroot `make relibc` fills).

RRFS_OUT      := $(BUILD)/test/redox-run-fs
RRFS_SRCS     := tests/redox-run/fs/test_fs.c tools/redox-run/fs.c
RRFS_UNIT     := $(RRFS_OUT)/unit
RRFS_UNIT_SAN := $(RRFS_OUT)/unit-san

$(BUILD)/host/obj/tests/redox-run/fs/test_fs.o $(BUILD)/host-san/obj/tests/redox-run/fs/test_fs.o: \
	HOST_EXTRA_CFLAGS += $(CHECK_CFLAGS)

$(RRFS_UNIT): $(RRFS_SRCS:%.c=$(BUILD)/host/obj/%.o)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ $(CHECK_LIBS) -lpthread

$(RRFS_UNIT_SAN): $(RRFS_SRCS:%.c=$(BUILD)/host-san/obj/%.o)
	$(call msg,LINK,asan,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_SAN_FLAGS) -o $@ $^ $(CHECK_LIBS) -lpthread

RRFS_FUZZER := $(RRFS_OUT)/fuzz-fs
RRFS_CHECK_FUZZ_TIME ?= 20

$(RRFS_FUZZER): tests/redox-run/fs/fuzz_fs.c tools/redox-run/fs.c tools/redox-run/fs.h
	$(call msg,FUZZCC,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-o $@ tests/redox-run/fs/fuzz_fs.c tools/redox-run/fs.c

.PHONY: fuzz-redox-run-fs
fuzz: fuzz-redox-run-fs
fuzz-redox-run-fs: $(RRFS_FUZZER)
	@sh tests/redox-run/fs/fuzz.sh $(RRFS_FUZZER) $(RRFS_OUT) $(FUZZ_TIME)

RRFS_RELIBC_SYSROOT ?= $(SYSROOT)
CHECK_SUITES += redox-run-fs
.PHONY: check-redox-run-fs
check-redox-run-fs: $(RRFS_UNIT) $(RRFS_UNIT_SAN) $(RRFS_FUZZER) $(REDOX_RUN) \
		$(foreach a,$(ARCHS),$(addprefix $(call sysroot_lib,$(a))/,crt0.o crti.o crtn.o libgcc.a))
	@mkdir -p $(RRFS_OUT)/tmp; export TMPDIR=$(abspath $(RRFS_OUT)/tmp); \
	echo "-- fs unit tests"; $(RRFS_UNIT); u=$$?; \
	echo "-- fs unit tests, ASan+UBSan"; $(RRFS_UNIT_SAN); s=$$?; \
	echo "-- fs fuzz"; sh tests/redox-run/fs/fuzz.sh $(RRFS_FUZZER) $(RRFS_OUT) $(RRFS_CHECK_FUZZ_TIME); f=$$?; \
	echo "-- fs end to end (relibc)"; CLANG=$(CLANG) LD_LLD=$(LD_LLD) LLVM_NM=$(LLVM_NM) \
		sh tests/redox-run/fs/e2e.sh $(REDOX_RUN) $(RRFS_OUT) "$(ARCHS)" $(SYSROOT) $(RRFS_RELIBC_SYSROOT); e=$$?; \
	[ $$u -eq 0 ] && [ $$s -eq 0 ] && [ $$f -eq 0 ] && [ $$e -eq 0 ]

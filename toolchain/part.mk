# toolchain: redox-crt-config, redox-crt-target-spec, <triple>-clang wrappers,
# Rust target specs, CMake/meson/pkg-config files, relibc import.

TC_BUILD := $(BUILD)/toolchain
# redox-run's --abi for programs built against this sysroot (the CMake
# emulator, meson's exe_wrapper): the freestanding runtime speaks the ABI of
# the syscall table (redox_syscall 0.6.0: 2026-01, 0.9.x: 2026-08), relibc
# the one of what `make relibc` builds (relibc dadb4375, redox_syscall 0.9).
TC_RUN_ABI.0.6.0 := 2026-01
TC_RUN_ABI.0.9.3 := 2026-08
TC_RUN_ABI := $(or $(TC_RUN_ABI.$(SYSCALL_VERSION)),$(error toolchain: no redox-run ABI known for SYSCALL_VERSION=$(SYSCALL_VERSION); fix: add TC_RUN_ABI.$(SYSCALL_VERSION) to toolchain/part.mk))
TC_RELIBC_RUN_ABI := 2026-08
TC_SUBST = sed -e 's|@TRIPLE@|$(TRIPLE.$(1))|g' -e 's|@ARCH@|$(1)|g' \
	-e 's|@RUN_ABI@|$(TC_RUN_ABI)|g' -e 's|@RELIBC_RUN_ABI@|$(TC_RELIBC_RUN_ABI)|g' \
	-e 's|@VERSION@|$(VERSION)|g' -e 's|@CLANG@|$(CLANG)|g' \
	-e 's|@LD_LLD@|$(LD_LLD)|g' -e 's|@LLVM_SUFFIX@|$(LLVM_SUFFIX)|g'

$(TC_BUILD)/redox-crt-config: toolchain/redox-crt-config.sh Makefile mk/config.mk toolchain/part.mk
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(call TC_SUBST,x86_64) $< > $@.tmp && mv -f $@.tmp $@
$(call sysroot_copy,$(SYSROOT_BIN)/redox-crt-config,$(TC_BUILD)/redox-crt-config,755)
$(call sysroot_copy,$(SYSROOT_BIN)/redox-crt-target-spec,toolchain/redox-crt-target-spec.sh,755)
# redox-crt env (toolchain/redox-crt.sh) and the autoconf site file it names.
# redox-run's ABI for freestanding programs: redox_syscall 0.6.0 is 2026-01.
TC_FREESTANDING_ABI := $(if $(filter 0.6.0,$(SYSCALL_VERSION)),2026-01,2026-08)
$(TC_BUILD)/redox-crt: toolchain/redox-crt.sh Makefile mk/config.mk $(SC_STAMP)
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(call TC_SUBST,x86_64) -e 's|@FREESTANDING_ABI@|$(TC_FREESTANDING_ABI)|g' $< > $@.tmp && mv -f $@.tmp $@
$(call sysroot_copy,$(SYSROOT_BIN)/redox-crt,$(TC_BUILD)/redox-crt,755)
$(call sysroot_copy,$(SYSROOT_SHARE)/autoconf/config.site,toolchain/autoconf/config.site)
$(call sysroot_copy,$(SYSROOT_SHARE)/cmake/Platform/Redox.cmake,toolchain/cmake/Platform-Redox.cmake)

# $(call tc_gen,ARCH,OUT,TEMPLATE): OUT is TEMPLATE with the @NAMES@ filled in.
define tc_gen
$(2): $(3) mk/config.mk toolchain/part.mk
	$$(call msg,GEN,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$$(call TC_SUBST,$(1)) $$< > $$@.tmp && mv -f $$@.tmp $$@
endef

# No redox-builtins.pc when the builtins are not built (BUILTINS=no).
TC_PC_NAMES := redox-syscall redox-start redox-unwind redox-unwind-stubs $(if $(filter yes,$(BUILTINS)),redox-builtins)

define toolchain_arch
$$(eval $$(call tc_gen,$(1),$(TC_BUILD)/$(1)/$(TRIPLE.$(1))-clang,toolchain/redox-clang.sh))
$$(eval $$(call tc_gen,$(1),$(TC_BUILD)/$(1)/$(TRIPLE.$(1)).cmake,toolchain/cmake/toolchain.cmake.in))
$$(eval $$(call tc_gen,$(1),$(TC_BUILD)/$(1)/$(TRIPLE.$(1)).ini,toolchain/meson/cross.ini.in))
$(foreach p,$(TC_PC_NAMES),
$$(eval $$(call tc_gen,$(1),$(TC_BUILD)/$(1)/pkgconfig/$(p).pc,toolchain/pkgconfig/$(p).pc.in)))
$$(call sysroot_copy,$(SYSROOT_BIN)/$(TRIPLE.$(1))-clang,$(TC_BUILD)/$(1)/$(TRIPLE.$(1))-clang,755)
$$(call sysroot_copy,$(SYSROOT_SHARE)/cmake/$(TRIPLE.$(1)).cmake,$(TC_BUILD)/$(1)/$(TRIPLE.$(1)).cmake)
$$(call sysroot_copy,$(SYSROOT_SHARE)/meson/$(TRIPLE.$(1)).ini,$(TC_BUILD)/$(1)/$(TRIPLE.$(1)).ini)
$(foreach p,$(TC_PC_NAMES),
$$(call sysroot_copy,$(SYSROOT_SHARE)/pkgconfig/$(TRIPLE.$(1))/$(p).pc,$(TC_BUILD)/$(1)/pkgconfig/$(p).pc))
endef
$(foreach a,$(ARCHS),$(eval $(call toolchain_arch,$(a))))

# Rust target specs, generated from the built-in specs of one rustc, chosen
# once here and used by every later step (spec validation, make relibc, the
# Rust tests get RUSTC='$(RUSTC)'): RUSTC from the command line or the
# environment, else the first of RUSTC_PREFERRED (Debian's rustc-web) and the
# rustcs along PATH that has rust-src (toolchain/pick-rustc.sh: a rustup
# rustc first on PATH without rust-src is passed over). The choice is
# recorded in share/redox-crt/rust/rustc-version: line 1 its `-V`, line 2
# its absolute path; redox-crt-config and redox-crt-target-spec read it.
# Without rustc or jq the sysroot is built without specs and says so in
# share/redox-crt/rust/NO-SPECS.
RUSTC_PREFERRED ?= /usr/bin/rustc
ifeq ($(origin RUSTC),undefined)
RUSTC := $(shell sh toolchain/pick-rustc.sh $(RUSTC_PREFERRED))
endif
TC_RUSTC_PATH := $(if $(RUSTC),$(shell sh toolchain/pick-rustc.sh --path '$(RUSTC)'))
# Later steps get the absolute path, so they run the very rustc recorded.
ifneq ($(TC_RUSTC_PATH),)
override RUSTC := $(TC_RUSTC_PATH)
endif
# cargo-web's cargo sits next to rustc-web's rustc.
CARGO ?= $(firstword $(wildcard $(dir $(TC_RUSTC_PATH))cargo /usr/bin/cargo) cargo)
TC_JQ := $(shell command -v jq 2>/dev/null)
TC_SPECDIR := $(SYSROOT_SHARE)/rust
TC_SPEC_NAMES := $(foreach a,$(ARCHS),$(a)-unknown-redox-clif $(a)-unknown-redox-clif-stubs $(a)-redox-none)
ifneq ($(and $(TC_RUSTC_PATH),$(TC_JQ)),)
TC_SPECS := $(TC_SPEC_NAMES:%=$(TC_SPECDIR)/%.json)
SYSROOT_FILES += $(TC_SPECS) $(TC_SPECDIR)/rustc-version
# The specs follow the rustc that will use them: when the chosen rustc's -V
# or path is not what rustc-version records (another RUSTC, rustc-web
# installed or upgraded since the last make), both are made again even if
# the rustc binary is older than them.
TC_RUSTC_V := $(shell '$(TC_RUSTC_PATH)' -V 2>/dev/null)
ifneq ($(TC_RUSTC_V) $(TC_RUSTC_PATH),$(shell cat $(TC_SPECDIR)/rustc-version 2>/dev/null))
$(TC_SPECDIR)/rustc-version: FORCE
endif
ifeq ($(shell sh toolchain/pick-rustc.sh --has-src '$(TC_RUSTC_PATH)' && echo y),)
TC_NOSRC_NOTE = @echo "toolchain: note: $(TC_RUSTC_PATH) ($(TC_RUSTC_V)) has no rust-src, so -Zbuild-std (make relibc, Rust std programs) will fail with it; fix: apt-get install rustc-web rust-web-src and make again (without RUSTC=)" >&2
endif
.PHONY: FORCE
FORCE:
$(TC_SPECDIR)/%.json: toolchain/redox-crt-target-spec.sh $(TC_RUSTC_PATH) $(TC_SPECDIR)/rustc-version
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)MAKEFLAGS= sh $< --rustc '$(TC_RUSTC_PATH)' $(if $(findstring -none,$*),--kernel) $(if $(filter %-stubs,$*),--unwind=stubs) $(firstword $(subst -, ,$*)) -o $@.tmp.json
	$(Q)MAKEFLAGS= RUSTC_BOOTSTRAP=1 '$(TC_RUSTC_PATH)' -Z unstable-options --target $@.tmp.json --print cfg > /dev/null || \
		{ rm -f $@.tmp.json; echo "toolchain: $(TC_RUSTC_PATH) rejects the spec it was derived from ($*); see the error above" >&2; exit 1; }
	$(Q)mv -f $@.tmp.json $@
$(TC_SPECDIR)/rustc-version: $(TC_RUSTC_PATH)
	$(call msg,GEN,,$@ for $(TC_RUSTC_PATH))
	$(TC_NOSRC_NOTE)
	$(Q)mkdir -p $(@D)
	$(Q){ '$(TC_RUSTC_PATH)' -V && echo '$(TC_RUSTC_PATH)'; } > $@.tmp && mv -f $@.tmp $@
else
TC_SPECS :=
TC_NOSPEC_WHY := $(if $(TC_RUSTC_PATH),jq is not installed (apt-get install jq),$(if $(RUSTC),rustc '$(RUSTC)' was not found,no rustc was found) (apt-get install rustc-web rust-web-src))
SYSROOT_FILES += $(TC_SPECDIR)/NO-SPECS
$(TC_SPECDIR)/NO-SPECS:
	@echo "toolchain: note: Rust target specs not generated: $(TC_NOSPEC_WHY); generate them later with bin/redox-crt-target-spec" >&2
	$(Q)mkdir -p $(@D)
	$(Q)echo "Rust target specs were not generated at build time: $(TC_NOSPEC_WHY). Run bin/redox-crt-target-spec --help." > $@
endif

TOOLCHAIN_FILES := $(filter $(SYSROOT_BIN)/% $(SYSROOT_SHARE)/%,$(SYSROOT_FILES))
.PHONY: toolchain
toolchain: $(TOOLCHAIN_FILES)

# relibc import: make import-relibc RELIBC=DIR, or make install RELIBC=DIR.
# It writes into $(SYSROOT) after the sysroot is complete, so the stub libm.a
# cannot overwrite relibc's afterwards; layouts in toolchain/import-relibc.sh.
.PHONY: import-relibc
import-relibc: $(SYSROOT_FILES)
	$(if $(RELIBC),,@echo "import-relibc: RELIBC is not set; fix: make import-relibc RELIBC=DIR (DIR with lib/libc.a and include/, or <triple>/{lib,include} per target)" >&2; exit 1)
	$(Q)LLVM_READELF=$(LLVM_READELF) LLVM_NM=$(LLVM_NM) LLVM_AR=$(LLVM_AR) LLVM_OBJCOPY=$(LLVM_OBJCOPY) \
	 RELIBC_ABI='$(RELIBC_ABI)' sh toolchain/import-relibc.sh '$(RELIBC)' '$(SYSROOT)' $(ARCHS)
ifneq ($(RELIBC),)
INSTALL_EXTRA += import-relibc
endif

CHECK_SUITES += toolchain
.PHONY: check-toolchain
check-toolchain: $(TOOLCHAIN_FILES) $(REDOX_RUN) $(foreach a,$(ARCHS),$(call sysroot_crt,$(a))) \
		$(filter %/libgcc.a %/crtbegin.o %/crtend.o %/libunwind_stubs.a $(SYSROOT)/%.h,$(SYSROOT_FILES))
	@ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' BUILD='$(BUILD)' VERSION='$(VERSION)' \
	 REDOX_RUN='$(REDOX_RUN)' RUSTC='$(RUSTC)' CARGO='$(CARGO)' CLANG='$(CLANG)' \
	 LLVM_AR='$(LLVM_AR)' LLVM_READELF='$(LLVM_READELF)' LLVM_NM='$(LLVM_NM)' \
	 MAKE='$(MAKE)' sh tests/toolchain/run.sh

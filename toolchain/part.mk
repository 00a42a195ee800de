# toolchain: redox-crt-config, redox-crt-target-spec, <triple>-clang wrappers,
# Rust target specs, CMake/meson/pkg-config files, relibc import.

TC_BUILD := $(BUILD)/toolchain
TC_SUBST = sed -e 's|@TRIPLE@|$(TRIPLE.$(1))|g' -e 's|@ARCH@|$(1)|g' \
	-e 's|@VERSION@|$(VERSION)|g' -e 's|@CLANG@|$(CLANG)|g' \
	-e 's|@LD_LLD@|$(LD_LLD)|g' -e 's|@LLVM_SUFFIX@|$(LLVM_SUFFIX)|g'

$(TC_BUILD)/redox-crt-config: toolchain/redox-crt-config.sh Makefile mk/config.mk
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(call TC_SUBST,x86_64) $< > $@.tmp && mv -f $@.tmp $@
$(call sysroot_copy,$(SYSROOT_BIN)/redox-crt-config,$(TC_BUILD)/redox-crt-config,755)
$(call sysroot_copy,$(SYSROOT_BIN)/redox-crt-target-spec,toolchain/redox-crt-target-spec.sh,755)
$(call sysroot_copy,$(SYSROOT_SHARE)/cmake/Platform/Redox.cmake,toolchain/cmake/Platform-Redox.cmake)

# $(call tc_gen,ARCH,OUT,TEMPLATE): OUT is TEMPLATE with the @NAMES@ filled in.
define tc_gen
$(2): $(3) mk/config.mk
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

# Rust target specs, generated from the built-in specs of the rustc found at
# build time (Debian's rustc-web by default: a rustup rustc earlier on PATH
# has no rust-src) and validated by that rustc. Without rustc or jq the
# sysroot is built without them and says so in share/redox-crt/rust/NO-SPECS.
RUSTC ?= $(firstword $(wildcard /usr/bin/rustc) rustc)
CARGO ?= $(firstword $(wildcard /usr/bin/cargo) cargo)
TC_RUSTC_PATH := $(shell command -v $(RUSTC) 2>/dev/null)
TC_JQ := $(shell command -v jq 2>/dev/null)
TC_SPECDIR := $(SYSROOT_SHARE)/rust
TC_SPEC_NAMES := $(foreach a,$(ARCHS),$(a)-unknown-redox-clif $(a)-unknown-redox-clif-stubs $(a)-redox-none)
ifneq ($(and $(TC_RUSTC_PATH),$(TC_JQ)),)
TC_SPECS := $(TC_SPEC_NAMES:%=$(TC_SPECDIR)/%.json)
SYSROOT_FILES += $(TC_SPECS) $(TC_SPECDIR)/rustc-version
# The specs follow the rustc that will use them: when `$(RUSTC) -V` is not
# what rustc-version records (another RUSTC, an upgraded rustc-web), both are
# made again even if the rustc binary is older than them.
TC_RUSTC_V := $(shell $(RUSTC) -V 2>/dev/null)
ifneq ($(TC_RUSTC_V),$(shell cat $(TC_SPECDIR)/rustc-version 2>/dev/null))
$(TC_SPECDIR)/rustc-version: FORCE
endif
.PHONY: FORCE
FORCE:
$(TC_SPECDIR)/%.json: toolchain/redox-crt-target-spec.sh $(TC_RUSTC_PATH) $(TC_SPECDIR)/rustc-version
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)MAKEFLAGS= sh $< --rustc $(RUSTC) $(if $(findstring -none,$*),--kernel) $(if $(filter %-stubs,$*),--unwind=stubs) $(firstword $(subst -, ,$*)) -o $@.tmp.json
	$(Q)MAKEFLAGS= RUSTC_BOOTSTRAP=1 $(RUSTC) -Z unstable-options --target $@.tmp.json --print cfg > /dev/null || \
		{ rm -f $@.tmp.json; echo "toolchain: $(RUSTC) rejects the spec it was derived from ($*); see the error above" >&2; exit 1; }
	$(Q)mv -f $@.tmp.json $@
$(TC_SPECDIR)/rustc-version: $(TC_RUSTC_PATH)
	$(Q)mkdir -p $(@D)
	$(Q)$(RUSTC) -V > $@
else
TC_SPECS :=
TC_NOSPEC_WHY := $(if $(TC_RUSTC_PATH),jq is not installed (apt-get install jq),rustc '$(RUSTC)' was not found (apt-get install rustc-web rust-web-src))
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
	$(Q)LLVM_READELF=$(LLVM_READELF) sh toolchain/import-relibc.sh '$(RELIBC)' '$(SYSROOT)' $(ARCHS)
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

# SPDX-License-Identifier: MIT
# relibc: `make relibc` builds relibc (libc.a with openlibm merged in, libm.a,
# headers) for every target in ARCHS through the sysroot's generated
# <arch>-unknown-redox-clif Rust target spec and imports it into the sysroot
# with toolchain/import-relibc.sh. The result is cached outside build/ by the
# hash of everything it depends on, so a second run only checks.
#
#   make relibc RELIBC_SRC=DIR [RELIBC_VENDOR=DIR] [CBINDGEN=PATH | CBINDGEN_SRC=DIR]
#
# For other parts: $(RELIBC_DEP) is the prerequisite that ensures relibc is
# built and imported ($(RELIBC_STAMP)), or empty when there is no relibc
# (RELIBC_SRC empty), in which case a suite says it is skipped.

RELIBC_SRC ?= $(if $(wildcard ../shared/relibc/src/Cargo.toml),../shared/relibc/src)
RELIBC_VENDOR ?=
CBINDGEN ?=
CBINDGEN_SRC ?= $(if $(wildcard ../shared/relibc/cbindgen/Cargo.toml),../shared/relibc/cbindgen)
REDOX_CRT_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/redox-crt
RELIBC_WORK := $(BUILD)/relibc/work
RELIBC_STAMP := $(BUILD)/relibc/imported.stamp
RELIBC_DEP := $(if $(RELIBC_SRC),$(RELIBC_STAMP))

# Run every time: the script finds the cached result (or builds it) and
# imports it only when the sysroot does not already hold it, touching the
# stamp only then, so what depends on the stamp is remade only then.
$(RELIBC_STAMP): $(SYSROOT_FILES) relibc/build-relibc.sh relibc/symbols.sh relibc/import.sh \
		toolchain/import-relibc.sh FORCE
	$(Q)mkdir -p $(@D)
	$(Q)RUSTC='$(RUSTC)' CARGO='$(CARGO)' CLANG='$(CLANG)' LLVM_AR='$(LLVM_AR)' LLVM_NM='$(LLVM_NM)' \
	 LLVM_OBJCOPY='$(LLVM_OBJCOPY)' LLVM_READELF='$(LLVM_READELF)' \
	 sh relibc/import.sh '$(RELIBC_SRC)' '$(RELIBC_VENDOR)' '$(CBINDGEN)' '$(CBINDGEN_SRC)' \
		'$(TC_SPECDIR)' '$(RELIBC_WORK)' '$(REDOX_CRT_CACHE)' '$(SYSROOT)' '$@' $(ARCHS)

.PHONY: relibc
relibc: $(RELIBC_STAMP)

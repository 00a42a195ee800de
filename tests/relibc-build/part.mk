# SPDX-License-Identifier: MIT
# check-relibc-build: `make relibc` end to end (tests/relibc-build/run.sh).
# Without a relibc tree (RELIBC_SRC empty) it reports itself skipped.
CHECK_SUITES += relibc-build
.PHONY: check-relibc-build
check-relibc-build: $(SYSROOT_FILES)
	@ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' BUILD='$(BUILD)' MAKE='$(MAKE)' \
	 RELIBC_SRC='$(RELIBC_SRC)' RELIBC_VENDOR='$(RELIBC_VENDOR)' CBINDGEN='$(CBINDGEN)' \
	 REDOX_CRT_CACHE='$(REDOX_CRT_CACHE)' RELIBC_STAMP='$(RELIBC_STAMP)' TC_SPECDIR='$(TC_SPECDIR)' \
	 RUSTC='$(RUSTC)' CARGO='$(CARGO)' CLANG='$(CLANG)' LD_LLD='$(LD_LLD)' LLVM_AR='$(LLVM_AR)' \
	 LLVM_NM='$(LLVM_NM)' LLVM_READELF='$(LLVM_READELF)' sh tests/relibc-build/run.sh

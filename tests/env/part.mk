# check-env: `redox-crt env`, its autoconf site file and a small autoconf
# package configured and built with it (tests/env/run.sh). The relibc parts
# are counted skips when no relibc is imported.
CHECK_SUITES += env
.PHONY: check-env
check-env: all $(REDOX_RUN) $(RELIBC_DEP)
	$(Q)ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' REDOX_RUN='$(REDOX_RUN)' VERSION='$(VERSION)' SYSCALL_VERSION='$(SYSCALL_VERSION)' \
	 LLVM_SUFFIX='$(LLVM_SUFFIX)' LLVM_READELF='$(LLVM_READELF)' LLVM_NM='$(LLVM_NM)' \
	 sh tests/env/run.sh

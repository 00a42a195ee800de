# check-relibc: relibc's own C test suite (RELIBC_SRC/tests) compiled static
# against the sysroot and run in redox-run on every arch (tests/relibc/run.sh).
# Objects and binaries are cached in build/test/relibc/<arch>/; the runs and
# results.md are redone every time. Without a relibc tree the suite says it
# is skipped.
RELIBC_SRC ?= $(if $(wildcard ../shared/relibc/src/tests/Makefile.tests.mk),../shared/relibc/src)

CHECK_SUITES += relibc
.PHONY: check-relibc
check-relibc: all $(REDOX_RUN) $(RELIBC_DEP)
	+$(Q)ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' REDOX_RUN='$(REDOX_RUN)' RELIBC_SRC='$(RELIBC_SRC)' \
		MAKE='$(MAKE)' sh tests/relibc/run.sh

# check-relibc-programs: one C program against relibc through the wrapper,
# CMake and meson, run in redox-run (tests/toolchain/relibc-programs.sh).
CHECK_SUITES += relibc-programs
.PHONY: check-relibc-programs
check-relibc-programs: all $(REDOX_RUN) $(RELIBC_DEP)
	$(Q)ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' REDOX_RUN='$(REDOX_RUN)' LLVM_READELF='$(LLVM_READELF)' RELIBC_SRC='$(RELIBC_SRC)' \
		sh tests/toolchain/relibc-programs.sh

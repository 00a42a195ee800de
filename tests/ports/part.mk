# check-ports: real C packages cross-built with `redox-crt env` and run in
# redox-run against a host build of the same source. GNU hello from Debian's
# source package (tests/ports/hello/run.sh; the source is cached outside
# build/ by mk/deb-source.sh). Counted skips without relibc or without the
# source.
CHECK_SUITES += ports
.PHONY: check-ports
check-ports: all $(REDOX_RUN) $(RELIBC_DEP)
	$(Q)ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' BUILD='$(BUILD)' REDOX_RUN='$(REDOX_RUN)' \
	 LLVM_READELF='$(LLVM_READELF)' sh tests/ports/hello/run.sh

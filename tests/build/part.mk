# Build system: bad input, install/uninstall, incremental rebuild (issue 2).
CHECK_SUITES += build
.PHONY: check-build
check-build: all
	@sh tests/build/run.sh $(BUILD)/test/build

# SPDX-License-Identifier: MIT
# check-readme: README.md's commands extracted and run as written
# (tests/readme/README has the marker convention). The sysroot, relibc (when
# RELIBC_SRC is set) and the recorded rustc are what the blocks use; a block
# whose needs= is unmet is a counted skip.
CHECK_SUITES += readme
.PHONY: check-readme
check-readme: all $(REDOX_RUN) $(RELIBC_DEP) rust-std-target
	@ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' REDOX_RUN='$(REDOX_RUN)' LLVM_READELF='$(LLVM_READELF)' \
	 RUSTC='$(RUSTC)' CARGO='$(CARGO)' RELIBC_SRC='$(RELIBC_SRC)' \
	 sh tests/readme/run.sh $(if $(READMETEST),--only $(READMETEST))

# check-rust-std (issue 16 items 1-2): a Rust std program built with cargo
# -Zbuild-std=std,panic_abort through the sysroot's -clif spec and the
# .cargo/config.toml that `redox-crt-config --cargo-config --offline` writes,
# run in redox-run on every arch and compared with the same program built
# for the host; `cargo run` and `cargo test` through the config's runner.
# Without relibc or without rustc-web/rust-web-src every check is a skip.
# The panic=abort release profile is built too (one more cold std build per
# arch, about 4 minutes each here); RUST_STD_ABORT=no leaves it out, and its
# checks are then counted as skips.
#
# cargo's output goes to $(RUST_STD_TARGET), a link into the cache (see
# tests/rust-std/target-dir.sh), so std is compiled once per arch and
# rustc; check-readme's Rust blocks use the same directory.
RUST_STD_TARGET := $(BUILD)/rust-std/target
RUST_STD_ABORT ?= yes
.PHONY: rust-std-target
rust-std-target: $(SYSROOT_FILES)
	$(Q)RUSTC='$(RUSTC)' CARGO='$(CARGO)' sh tests/rust-std/target-dir.sh '$(RUST_STD_TARGET)' \
		'$(REDOX_CRT_CACHE)' '$(abspath $(SYSROOT))' $(ARCHS)

CHECK_SUITES += rust-std
.PHONY: check-rust-std
check-rust-std: $(SYSROOT_FILES) $(REDOX_RUN) $(RELIBC_DEP) rust-std-target
	$(Q)ARCHS='$(ARCHS)' SYSROOT='$(SYSROOT)' BUILD='$(BUILD)' REDOX_RUN='$(REDOX_RUN)' \
	 RUSTC='$(RUSTC)' CARGO='$(CARGO)' UNWIND='$(UNWIND)' RELIBC_SRC='$(RELIBC_SRC)' \
	 RUST_STD_TARGET='$(RUST_STD_TARGET)' RUST_STD_ABORT='$(RUST_STD_ABORT)' \
	 LLVM_READELF='$(LLVM_READELF)' LLVM_NM='$(LLVM_NM)' LLVM_SYMBOLIZER='llvm-symbolizer$(LLVM_SUFFIX)' \
	 sh tests/rust-std/run.sh

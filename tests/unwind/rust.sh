# Sourced by tests/unwind/run.sh (issue 13): a no_std Rust program built
# with the -clif spec, panic=abort and no frame pointers, whose panic
# handler walks _Unwind_Backtrace (LLVM libunwind, from the spec's -lunwind)
# and prints its callers; run in redox-run, frames resolved with the ELF
# symbol table. Shares build/rust/target with check-toolchain, so core and
# alloc are built once for both.
vendor=$("${RUSTC:-rustc}" --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/vendor
if [ "${UNWIND:-llvm}" != llvm ]; then
	skip "rust: panic backtrace through LLVM libunwind" "this sysroot was built with UNWIND=$UNWIND"
elif ! command -v "${CARGO:-cargo}" > /dev/null 2>&1 || [ ! -d "$vendor" ]; then
	fail "rust: cargo and the vendored std sources" "need ${CARGO:-cargo} and $vendor (apt-get install cargo-web rust-web-src)"
else
	top=$(pwd)
	for a in $ARCHS; do
		spec=$("$SYSROOT/bin/redox-crt-config" --target $a --target-spec 2>/dev/null)
		log=$work/$a/rust-build.log
		if RUSTC_BOOTSTRAP=1 RUSTC="$RUSTC" \
		   RUSTFLAGS="$("$SYSROOT/bin/redox-crt-config" --target $a --freestanding --rustflags)" \
		   "$CARGO" build --offline --release --manifest-path tests/unwind/rust/Cargo.toml \
			-Zbuild-std=core,alloc -Zbuild-std-features=compiler-builtins-mem -Zjson-target-spec \
			--target "$spec" --target-dir "$top/$BUILD/rust/target" \
			--config 'source.crates-io.replace-with="vendored-std"' \
			--config "source.vendored-std.directory=\"$vendor\"" > "$log" 2>&1; then
			ok "rust $a: panic-backtrace builds with the -clif spec"
		else
			fail "rust $a: panic-backtrace builds" "see below"; tail -15 "$log" | sed 's/^/    /'
			continue
		fi
		p=$top/$BUILD/rust/target/$a-unknown-redox-clif/release/panic-backtrace
		$LLVM_OBJDUMP -d --no-show-raw-insn --disassemble-symbols=bt_level2 "$p" > "$work/$a/rust-l2.dis" 2>&1
		if grep -Eq 'movq?[[:space:]]+%rsp, %rbp|mov[[:space:]]+x29, sp' "$work/$a/rust-l2.dis"; then
			fail "rust $a: bt_level2 keeps no frame pointer" "$(grep -E 'rbp|x29' "$work/$a/rust-l2.dis" | head -2)"
		elif grep -q 'bt_level2' "$work/$a/rust-l2.dis"; then ok "rust $a: bt_level2 keeps no frame pointer"
		else fail "rust $a: bt_level2 is in the program" "not in the disassembly"; fi
		"$REDOX_RUN" --max-insns 100000000 "$p" > "$work/$a/rust.out" 2>&1; rc=$?
		norm "$p" "$work/$a/rust.out" > "$work/$a/rust.norm"
		sed 's/^/    /' "$work/$a/rust.norm"
		expect_eq "rust $a: the panic handler exits 101" 101 "$rc"
		expect_grep "rust $a: the panic message" '^panic: level 3 reached with n=3$' "$work/$a/rust.norm"
		f=$(frames "$work/$a/rust.norm" frame)
		case " $f " in
		*" bt_level3 bt_level2 bt_level1 main relibc_start_v1 _start ") ok "rust $a: frames name the callers ($f)" ;;
		*) fail "rust $a: frames name the callers bt_level3 bt_level2 bt_level1 main relibc_start_v1 _start" "got: $f" ;;
		esac
		expect_grep "rust $a: _Unwind_Backtrace returns END_OF_STACK" '^backtrace rc=5 frames=[0-9]+$' "$work/$a/rust.norm"
	done
fi

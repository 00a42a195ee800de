# SPDX-License-Identifier: MIT
# Sourced by tests/toolchain/run.sh (uses its T, SR, RUSTC, MAKE, ok/fail).
# One rustc, chosen once and recorded: on a machine where a rustup rustc
# without rust-src comes first on PATH (common), make must choose the rustc
# that has rust-src, record it (-V and path) in share/redox-crt/rust/
# rustc-version, and every later step must use the recorded one. A fresh
# Debian machine that made the specs with the rustup rustc before rustc-web
# was installed must get them made again by the next make.
#
# The stand-in for rustup's rustc (tests/lib/rustup-standin.sh) passes all
# but -V and --print sysroot to the real rustc and marks the specs it prints.

real=$RUSTC
. tests/lib/rustup-standin.sh
rustup_standin "$T/rc/fake" "$real"
# Another rustc with rust-src, reached through PATH (a wrapper of the real one).
mkdir -p "$T/rc/other"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$real" > "$T/rc/other/rustc"
chmod +x "$T/rc/other/rustc"
FPATH=$T/rc/fake:$PATH
rv_real=$("$real" -V)

# rc_make BUILD VAR=VAL...: make only the Rust specs, rustc-version and the
# two scripts into a scratch BUILD (x86_64 only), with the stand-in first
# on PATH and RUSTC unset unless given.
rc_make() {
	_b=$1; shift
	env -u RUSTC -u CARGO PATH="$FPATH" "$MAKE" --no-print-directory NODEPS=1 ARCHS=x86_64 BUILD="$_b" "$@" \
		"$_b/sysroot/share/redox-crt/rust/rustc-version" \
		"$_b/sysroot/share/redox-crt/rust/x86_64-unknown-redox-clif.json" \
		"$_b/sysroot/share/redox-crt/rust/x86_64-redox-none.json" \
		"$_b/sysroot/bin/redox-crt-config" "$_b/sysroot/bin/redox-crt-target-spec" > "$T/rc/make.log" 2>&1 ||
		{ sed 's/^/    /' "$T/rc/make.log" | tail -15; return 1; }
	mkdir -p "$_b/sysroot/x86_64-unknown-redox/lib"
}
vendor_of() { jq -r '.vendor // "unknown"' "$1" 2>/dev/null; }

### A: rustup's rustc first on PATH, rustc-web installed
B=$T/rc/a
if rc_make "$B"; then ok "rustc choice: make with the rustup stand-in first on PATH"
else fail "rustc choice: make with the rustup stand-in first on PATH" "see above"; fi
V=$B/sysroot/share/redox-crt/rust
expect_eq "rustc choice: rustc-version line 1 is the -V of the rustc with rust-src" "$rv_real" "$(sed -n 1p "$V/rustc-version")"
expect_eq "rustc choice: rustc-version line 2 is its path" "$real" "$(sed -n 2p "$V/rustc-version")"
expect_eq "rustc choice: rustc-version has two lines" 2 "$(wc -l < "$V/rustc-version")"
expect_eq "rustc choice: the spec comes from the real rustc, not the stand-in" unknown "$(vendor_of "$V/x86_64-unknown-redox-clif.json")"
PATH=$FPATH "$B/sysroot/bin/redox-crt-config" --target x86_64 --target-spec > "$T/rc/ts.out" 2> "$T/rc/ts.err"
expect_eq "rustc choice: --target-spec with RUSTC unset names the shipped spec" "$V/x86_64-unknown-redox-clif.json" "$(cat "$T/rc/ts.out")"
expect_eq "rustc choice: --target-spec with RUSTC unset does not warn (stand-in on PATH)" "" "$(cat "$T/rc/ts.err")"
PATH=$FPATH RUSTC=rustc "$B/sysroot/bin/redox-crt-config" --target x86_64 --target-spec > /dev/null 2> "$T/rc/ts.err"
check "rustc choice: --target-spec with RUSTC=<the stand-in> warns, naming both versions" \
	grep -qF -- "generated for '$rv_real' but RUSTC is 'rustc 1.95.0 (rustup stand-in)'" "$T/rc/ts.err"
expect_eq "rustc choice: redox-crt-config --rustc prints the recorded rustc" "$real" \
	"$(PATH=$FPATH "$B/sysroot/bin/redox-crt-config" --rustc)"
expect_eq "rustc choice: redox-crt-config --cargo prints the cargo beside it" "$(dirname "$real")/cargo" \
	"$(PATH=$FPATH "$B/sysroot/bin/redox-crt-config" --cargo)"
for k in "" --kernel; do
	n=x86_64-unknown-redox-clif; [ -n "$k" ] && n=x86_64-redox-none
	env -u RUSTC PATH="$FPATH" "$B/sysroot/bin/redox-crt-target-spec" $k x86_64 -o "$T/rc/$n.json" 2> "$T/rc/gen.err" &&
		cmp -s "$T/rc/$n.json" "$V/$n.json"
	expect_eq "rustc choice: redox-crt-target-spec $k (no --rustc, stand-in on PATH) reproduces the shipped $n" 0 $?
done
rc_make "$B" > /dev/null
expect_no_grep "rustc choice: a second make leaves the specs alone" 'GEN.*rust/' "$T/rc/make.log"

### B: the fresh-machine order: the first make ran before rustc-web was
### installed, so it could only use the rustup rustc (old behaviour: `rustc`
### from PATH); the next make (e.g. `make check` after installing rustc-web)
### must choose again and make rustc-version and the specs again.
B=$T/rc/b V=$B/sysroot/share/redox-crt/rust
rc_make "$B" RUSTC="$T/rc/fake/rustc"
expect_eq "rustc order: with RUSTC=<stand-in> the specs are made with it" fake "$(vendor_of "$V/x86_64-unknown-redox-clif.json")"
expect_grep "rustc order: make says the stand-in has no rust-src, and the fix" "has no rust-src.*fix: apt-get install rustc-web rust-web-src" "$T/rc/make.log"
expect_eq "rustc order: rustc-version records the stand-in" "rustc 1.95.0 (rustup stand-in) $T/rc/fake/rustc" "$(cat "$V/rustc-version" | tr '\n' ' ' | sed 's/ $//')"
rc_make "$B"
expect_eq "rustc order: the next make records the rustc with rust-src" "$rv_real $real" "$(cat "$V/rustc-version" | tr '\n' ' ' | sed 's/ $//')"
for n in x86_64-unknown-redox-clif x86_64-redox-none; do
	expect_eq "rustc order: $n made again from the real rustc" unknown "$(vendor_of "$V/$n.json")"
	k=; [ $n = x86_64-redox-none ] && k=--kernel
	"$SR/bin/redox-crt-target-spec" --rustc "$real" $k x86_64 -o "$T/rc/g.json" && cmp -s "$T/rc/g.json" "$V/$n.json"
	expect_eq "rustc order: the generator reproduces the remade $n" 0 $?
done

### C: the choice is by rust-src, in PATH order, after RUSTC_PREFERRED
B=$T/rc/c V=$B/sysroot/share/redox-crt/rust
FPATH=$T/rc/fake:$T/rc/other:$PATH
rc_make "$B" RUSTC_PREFERRED=/nonexistent/rustc
FPATH=$T/rc/fake:$PATH
expect_eq "rustc choice: without the preferred rustc, the first on PATH with rust-src (not the stand-in before it)" \
	"$T/rc/other/rustc" "$(sed -n 2p "$V/rustc-version")"
if PATH=$FPATH "$B/sysroot/bin/redox-crt-config" --cargo > "$T/rc/cargo.out" 2>&1; then
	fail "rustc choice: --cargo with no cargo beside the recorded rustc fails" "printed $(cat "$T/rc/cargo.out")"
else expect_grep "rustc choice: --cargo with no cargo beside the recorded rustc says so and the fix" \
	"no cargo beside $T/rc/other/rustc.*fix: apt-get install cargo-web" "$T/rc/cargo.out"; fi
mkdir -p "$T/rc/tools"; for t in dirname basename; do ln -sf "$(command -v $t)" "$T/rc/tools/$t"; done
expect_eq "rustc choice: no rustc with rust-src: the first that runs" "$T/rc/fake/rustc" \
	"$(PATH=$T/rc/fake:$T/rc/tools /bin/sh toolchain/pick-rustc.sh /nonexistent/rustc)"
expect_eq "rustc choice: no rustc at all: nothing" "" "$(PATH=$T/rc/tools /bin/sh toolchain/pick-rustc.sh /nonexistent/rustc)"

### Packages: rustc-web comes with plain make, not only with make check.
printf 'include Makefile\nprint-build-pkgs:\n\t@echo $(BUILD_PKGS)\n' > "$T/rc/print.mk"
pk=$("$MAKE" --no-print-directory -s NODEPS=1 -f "$T/rc/print.mk" print-build-pkgs 2>/dev/null)
for p in rustc-web rust-web-src cargo-web jq; do
	case " $pk " in *" $p "*) ok "packages: $p is a build package (installed by plain make)" ;;
	*) fail "packages: $p is a build package (installed by plain make)" "BUILD_PKGS is '$pk'" ;; esac
done

#!/bin/sh
# SPDX-License-Identifier: MIT
# redox-crt-target-spec: write a Rust target spec for Redox, derived from the
# built-in spec of the rustc you have, so it follows that rustc's JSON schema.
set -eu
me=redox-crt-target-spec
die() { echo "$me: $*" >&2; exit 1; }

usage() {
	cat <<USAGE
usage: $me [--kernel] [--unwind=llvm|stubs] [--rustc RUSTC] [--linker LD] [-o FILE] <arch|triple>
  <arch|triple>   x86_64, aarch64, x86_64-unknown-redox or aarch64-unknown-redox
  --kernel        kernel spec <arch>-redox-none (from <arch>-unknown-none):
                  no crt objects, static, max-atomic-width 64, no red zone
                  (default: userspace spec <arch>-unknown-redox-clif)
  --unwind=llvm   userspace spec for LLVM libunwind (default): unwind tables in
                  every function (default-uwtable), so panic=abort code can be
                  walked; links -lunwind after -lgcc
  --unwind=stubs  for redox-crt's stubs, which follow frame pointers:
                  frame-pointer always; links -lunwind (with redox-crt-config
                  --unwind=stubs --rustflags that is lib/unwind-stubs' copy)
  --rustc RUSTC   rustc to ask for its built-in spec (default: \$RUSTC, else
                  the rustc this sysroot's specs were made for, recorded in
                  share/redox-crt/rust/rustc-version, else rustc)
  --linker LD     value of "linker" (default: ld.lld)
  -o FILE         write FILE instead of standard output; rustc names the
                  target after the file's stem, so keep <target>.json
Needs jq. RUSTC_BOOTSTRAP=1 is set so a stable rustc can print its specs.
USAGE
}

# The default rustc is the one make chose and recorded for this sysroot
# (toolchain/pick-rustc.sh), not whichever rustc comes first on PATH.
rustc=${RUSTC:-}
if [ -z "$rustc" ]; then
	rv=$(dirname "$(readlink -f "$0")")/../share/redox-crt/rust/rustc-version
	[ -f "$rv" ] && rustc=$(sed -n 2p "$rv")
	[ -n "$rustc" ] || rustc=rustc
fi
kernel=0 linker=ld.lld out= target= unwind=llvm
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=1 ;;
	--unwind) [ $# -ge 2 ] || die "--unwind needs a value (llvm or stubs)"; unwind=$2; shift ;;
	--unwind=*) unwind=${1#*=} ;;
	--rustc) [ $# -ge 2 ] || die "--rustc needs a value"; rustc=$2; shift ;;
	--rustc=*) rustc=${1#*=} ;;
	--linker) [ $# -ge 2 ] || die "--linker needs a value"; linker=$2; shift ;;
	--linker=*) linker=${1#*=} ;;
	-o) [ $# -ge 2 ] || die "-o needs a file name"; out=$2; shift ;;
	--target) [ $# -ge 2 ] || die "--target needs a value"; target=$2; shift ;;
	--target=*) target=${1#*=} ;;
	-h|--help) usage; exit 0 ;;
	-*) die "unknown option '$1'; see $me --help" ;;
	*) [ -z "$target" ] || die "more than one target given ('$target', '$1')"; target=$1 ;;
	esac
	shift
done
[ -n "$target" ] || { usage >&2; exit 2; }
case $unwind in llvm|stubs) ;; *) die "unknown unwinder '$unwind' in --unwind; accepted: llvm, stubs" ;; esac
case $target in
x86_64|x86_64-unknown-redox|x86_64-unknown-redox-clif*|x86_64-redox-none) arch=x86_64 ;;
aarch64|aarch64-unknown-redox|aarch64-unknown-redox-clif*|aarch64-redox-none) arch=aarch64 ;;
*) die "unknown target '$target'; accepted: x86_64 aarch64 x86_64-unknown-redox aarch64-unknown-redox" ;;
esac
command -v jq >/dev/null 2>&1 || die "jq not found, needed to edit the JSON; fix: apt-get install jq"
command -v "$rustc" >/dev/null 2>&1 || die "rustc '$rustc' not found; fix: pass --rustc PATH or set RUSTC"

if [ $kernel = 1 ]; then base=$arch-unknown-none; else base=$arch-unknown-redox; fi
# Only stdout is JSON: rustc warns on stderr, e.g. about a make jobserver
# it inherits through MAKEFLAGS but cannot open.
errf=$(mktemp) || die "cannot create a temporary file"
builtin=$(RUSTC_BOOTSTRAP=1 "$rustc" -Z unstable-options --print target-spec-json --target "$base" 2>"$errf") || {
	e=$(grep -v '^warning' "$errf" | head -1); rm -f "$errf"
	die "$rustc cannot print the built-in spec of $base: $e"
}
rm -f "$errf"

if [ $kernel = 1 ]; then
	# The kernel brings its own linker script and entry: no crt objects, no
	# libraries; 128-bit atomics are not available with Cranelift.
	filter='del(.metadata)
	| .["max-atomic-width"] = 64
	| .["relocation-model"] = "static"
	| .["position-independent-executables"] = false
	| .["static-position-independent-executables"] = false
	| .["disable-redzone"] = true
	| .["panic-strategy"] = "abort"
	| .linker = $ld | .["linker-flavor"] = "gnu-lld"'
else
	# Early-2026 Redox maps PT_LOADs at their link address (redox-abi.md §1),
	# so executables are static ET_EXEC; crt objects come from redox-crt and
	# are found through -L native=<sysroot lib> (redox-crt-config --rustflags).
	filter='del(.metadata)
	| .["max-atomic-width"] = 64
	| .["relocation-model"] = "static"
	| .["position-independent-executables"] = false
	| .["static-position-independent-executables"] = false
	| .["crt-static-default"] = true
	| .linker = $ld | .["linker-flavor"] = "gnu-lld"
	| del(.["pre-link-args"]) | del(.["post-link-args"])
	| .["pre-link-objects"] = {"static-nopic-exe": ["crt0.o", "crti.o"],
	                           "static-pic-exe": ["crt0.o", "crti.o"],
	                           "dynamic-nopic-exe": ["crt0.o", "crti.o"],
	                           "dynamic-pic-exe": ["crt0.o", "crti.o"]}
	| .["post-link-objects"] = {"static-nopic-exe": ["crtn.o"],
	                            "static-pic-exe": ["crtn.o"],
	                            "dynamic-nopic-exe": ["crtn.o"],
	                            "dynamic-pic-exe": ["crtn.o"]}
	| .["late-link-args"] = {"gnu-lld": ["-lgcc", "-lunwind"]}'
	# What the unwinder needs to walk the code (docs/unwind.md).
	if [ "$unwind" = llvm ]; then filter="$filter | .[\"default-uwtable\"] = true"
	else filter="$filter | .[\"frame-pointer\"] = \"always\""; fi
fi
spec=$(printf '%s\n' "$builtin" | jq --sort-keys --arg ld "$linker" "$filter") ||
	die "jq could not edit the spec of $base printed by $rustc"
if [ -n "$out" ]; then
	tmp="$out.tmp.$$"
	printf '%s\n' "$spec" > "$tmp" || die "cannot write $out"
	mv -f "$tmp" "$out"
else
	printf '%s\n' "$spec"
fi

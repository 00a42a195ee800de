#!/bin/sh
# SPDX-License-Identifier: MIT
# make relibc: for each ARCH, find relibc in the cache (or build it with
# build-relibc.sh) and import it into SYSROOT with toolchain/import-relibc.sh,
# unless SYSROOT already holds exactly that build. STAMP is touched only when
# something was imported (or it is missing).
#   import.sh SRC VENDOR CBINDGEN CBINDGEN_SRC SPECDIR WORK CACHE SYSROOT STAMP ARCH...
set -eu
me=relibc
[ $# -ge 10 ] || { echo "$me: usage: import.sh SRC VENDOR CBINDGEN CBINDGEN_SRC SPECDIR WORK CACHE SYSROOT STAMP ARCH..." >&2; exit 2; }
src=$1 vendor=$2 cbindgen=$3 cbindgen_src=$4 specs=$5 work=$6 cache=$7 sysroot=$8 stamp=$9
shift 9
here=$(cd "$(dirname "$0")" && pwd -P)
changed=0
# The ABI relibc speaks, from the redox_syscall its Cargo.lock pins
# (redox-abi.md §4: 0.6 is 2026-01's, 0.9 is dadb4375's 2026-08), for the
# ABI note import-relibc.sh adds (docs/abi-note.md).
# Computed once relibc has built (so a bad RELIBC_SRC gets build-relibc.sh's message).
abi=
relibc_abi() {
	sc=$(awk '$1 == "name" && $3 == "\"redox_syscall\"" { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' "$src/Cargo.lock" 2>/dev/null || true)
	case $sc in
	0.6.*) abi=2026-01 ;;
	0.9.*) abi=2026-08 ;;
	*) abi=none
	   echo "$me: $src/Cargo.lock pins redox_syscall '${sc:-(none found)}', whose ABI redox-run does not know; its programs get no ABI note, so run them with redox-run --abi=..." >&2 ;;
	esac
}
sha() { if [ -f "$1" ]; then sha256sum < "$1" | cut -d' ' -f1; else echo missing; fi; }
import_state() {
	echo "$1"; echo "abi $abi"
	for f in "$1/lib/libc.a" "$1/lib/libm.a" "$2/libc.a" "$2/libm.a"; do sha "$f"; done
}
for arch in "$@"; do
	dir=$(sh "$here/build-relibc.sh" --src "$src" ${vendor:+--vendor "$vendor"} \
		${cbindgen:+--cbindgen "$cbindgen"} ${cbindgen_src:+--cbindgen-src "$cbindgen_src"} \
		--specs "$specs" --arch "$arch" --work "$work" --cache "$cache")
	[ -n "$abi" ] || relibc_abi
	lib=$sysroot/$arch-unknown-redox/lib
	mark=$(dirname "$stamp")/$arch.imported
	# The sysroot's libc.a is the build's plus the ABI note, so "up to date"
	# is: the mark names this build, the ABI, and the SHA-256 of the build's
	# libc.a and libm.a and of the sysroot's, as the last import left them.
	if [ -f "$mark" ] && [ "$(cat "$mark")" = "$(import_state "$dir" "$lib")" ]; then
		printf '  %-7s %-8s %s\n' RELIBC "$arch" "up to date ($dir)"
		continue
	fi
	RELIBC_ABI=$abi sh "$here/../toolchain/import-relibc.sh" "$dir" "$sysroot" "$arch"
	import_state "$dir" "$lib" > "$mark"
	changed=1
done
if [ $changed = 1 ] || [ ! -f "$stamp" ]; then touch "$stamp"; fi

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
for arch in "$@"; do
	dir=$(sh "$here/build-relibc.sh" --src "$src" ${vendor:+--vendor "$vendor"} \
		${cbindgen:+--cbindgen "$cbindgen"} ${cbindgen_src:+--cbindgen-src "$cbindgen_src"} \
		--specs "$specs" --arch "$arch" --work "$work" --cache "$cache")
	lib=$sysroot/$arch-unknown-redox/lib
	mark=$(dirname "$stamp")/$arch.imported
	if [ -f "$mark" ] && [ "$(cat "$mark")" = "$dir" ] &&
	   cmp -s "$dir/lib/libc.a" "$lib/libc.a" && cmp -s "$dir/lib/libm.a" "$lib/libm.a"; then
		printf '  %-7s %-8s %s\n' RELIBC "$arch" "up to date ($dir)"
		continue
	fi
	sh "$here/../toolchain/import-relibc.sh" "$dir" "$sysroot" "$arch"
	echo "$dir" > "$mark"
	changed=1
done
if [ $changed = 1 ] || [ ! -f "$stamp" ]; then touch "$stamp"; fi

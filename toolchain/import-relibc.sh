#!/bin/sh
# SPDX-License-Identifier: MIT
# Import a built relibc into a redox-crt sysroot.
#   toolchain/import-relibc.sh RELIBC_DIR SYSROOT ARCH...
# RELIBC_DIR is either
#   - per target: RELIBC_DIR/<triple>/lib/libc.a and RELIBC_DIR/<triple>/include/
#     (any number of targets; every ARCH named must be there), or
#   - one target: RELIBC_DIR/lib/libc.a (or RELIBC_DIR/libc.a) and
#     RELIBC_DIR/include/, which is relibc's own `make install` layout; then
#     exactly one ARCH may be named.
# libc.a, libm.a (if present) and the headers are copied; relibc's crt0.o,
# crti.o, crtn.o and the empty libpthread/libdl/librt stay redox-crt's.
# Everything is checked before anything is written.
set -eu
me=import-relibc
die() { echo "$me: $*" >&2; exit 1; }
[ $# -ge 3 ] || die "usage: $0 RELIBC_DIR SYSROOT ARCH..."
src=$1 sysroot=$2; shift 2
READELF=${LLVM_READELF:-llvm-readelf-19}
command -v "$READELF" >/dev/null 2>&1 || die "$READELF not found; fix: apt-get install llvm-19"

[ -d "$src" ] || die "RELIBC=$src is not a directory; fix: make install RELIBC=DIR with DIR holding relibc's lib/libc.a and include/"

per_target=0
for a in x86_64 aarch64; do [ -d "$src/$a-unknown-redox" ] && per_target=1; done

machine_of() {
	case $1 in x86_64) echo "X86-64" ;; aarch64) echo "AArch64" ;; esac
}

plan=
for arch in "$@"; do
	triple=$arch-unknown-redox
	if [ $per_target = 1 ]; then
		d=$src/$triple
		[ -d "$d" ] || die "RELIBC=$src has per-target directories but none for $triple; fix: add $d/{lib,include}, or import with ARCHS set to the targets it has"
		libc=$d/lib/libc.a inc=$d/include libm=$d/lib/libm.a
	else
		[ $# -eq 1 ] || die "RELIBC=$src holds one relibc (lib/libc.a) but ARCHS is '$*'; fix: make install RELIBC=$src ARCHS=<its arch>, or lay it out as $src/<triple>/{lib,include} for each target"
		if [ -f "$src/lib/libc.a" ]; then libc=$src/lib/libc.a libm=$src/lib/libm.a
		else libc=$src/libc.a libm=$src/libm.a; fi
		inc=$src/include
	fi
	[ -f "$libc" ] || die "RELIBC=$src: no libc.a for $triple (looked for $libc); fix: point RELIBC at relibc's install directory (the one with lib/libc.a and include/)"
	for h in stdio.h stdlib.h string.h; do
		[ -f "$inc/$h" ] || die "RELIBC=$src: headers for $triple are not a libc include directory ($inc/$h missing); fix: use relibc's installed include/ (it has stdio.h, stdlib.h, string.h at its top)"
	done
	want=$(machine_of "$arch")
	# Every ELF member must be for this architecture; a mixed or foreign
	# archive would link into nonsense or fail far from the cause.
	machines=$("$READELF" -h "$libc" 2>/dev/null | sed -n 's/^ *Machine: *//p' | sort | uniq -c) ||
		die "RELIBC=$src: $libc is not an archive $READELF can read"
	[ -n "$machines" ] || die "RELIBC=$src: $libc has no ELF object members; fix: rebuild relibc for $triple"
	bad=$(printf '%s\n' "$machines" | grep -v -- "$want" || true)
	if [ -n "$bad" ]; then
		die "RELIBC=$src: $libc is not for $arch: its members are for $(printf '%s' "$bad" | sed 's/^ *[0-9]* //' | tr '\n' ' ' | sed 's/ $//') (wanted $want); fix: import the relibc built for $triple"
	fi
	if [ -f "$libm" ]; then
		mm=$("$READELF" -h "$libm" 2>/dev/null | sed -n 's/^ *Machine: *//p' | sort -u | grep -v -- "$want" || true)
		[ -z "$mm" ] || die "RELIBC=$src: $libm is for $mm, not $arch; fix: import the relibc built for $triple"
	else libm=; fi
	plan="$plan $arch|$libc|$libm|$inc"
done

for p in $plan; do
	old_ifs=$IFS; IFS='|'; set -- $p; IFS=$old_ifs
	arch=$1 libc=$2 libm=$3 inc=$4
	dlib=$sysroot/$arch-unknown-redox/lib dinc=$sysroot/$arch-unknown-redox/include
	mkdir -p "$dlib" "$dinc"
	install -m 644 "$libc" "$dlib/libc.a"
	[ -z "$libm" ] || install -m 644 "$libm" "$dlib/libm.a"
	# Headers merge into ours; relibc has no redox/ directory of the same names
	# as redox-crt's, and if it had, relibc's would describe its own libc.
	(cd "$inc" && tar -cf - .) | (cd "$dinc" && tar -xf -)
	echo "$me: $arch-unknown-redox: libc.a${libm:+, libm.a} and headers from $src into $sysroot"
done

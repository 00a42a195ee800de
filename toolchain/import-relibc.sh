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
# The member of libc.a that defines relibc_start_v1 (linked into every
# relibc program) gets the redox-crt ABI note (docs/abi-note.md) naming
# RELIBC_ABI, so redox-run runs the program with that ABI without --abi:
#   RELIBC_ABI=2026-08  (default) relibc on redox_syscall 0.9, as dadb4375
#   RELIBC_ABI=2026-01  relibc on redox_syscall 0.6
#   RELIBC_ABI=none     no note (redox-run then needs --abi)
# Everything is checked before anything is written.
set -eu
me=import-relibc
die() { echo "$me: $*" >&2; exit 1; }
[ $# -ge 3 ] || die "usage: $0 RELIBC_DIR SYSROOT ARCH..."
src=$1 sysroot=$2; shift 2
READELF=${LLVM_READELF:-llvm-readelf-19}
NM=${LLVM_NM:-llvm-nm-19} AR=${LLVM_AR:-llvm-ar-19} OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-19}
for t in "$READELF" "$NM" "$AR" "$OBJCOPY"; do
	command -v "$t" >/dev/null 2>&1 || die "$t not found; fix: apt-get install llvm-19"
done
abi=${RELIBC_ABI:-2026-08}
case $abi in
none) ;;
20[0-9][0-9]-[01][0-9]) ;;
*) die "RELIBC_ABI=$abi: not an ABI name; fix: RELIBC_ABI=2026-08 (relibc on redox_syscall 0.9), 2026-01 (0.6) or none" ;;
esac

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

# add_abi_note IN OUT ARCH: OUT = IN with the ABI note added to the member
# defining relibc_start_v1 (replaced in place: same position, same name).
add_abi_note() {
	_m=$("$NM" --defined-only "$1" 2>/dev/null | awk '/^[^ ]+:$/ { m = substr($0, 1, length($0) - 1) }
		NF == 3 && $2 == "T" && $3 == "relibc_start_v1" { print m; exit }')
	[ -n "$_m" ] || { echo "$me: $1 defines no relibc_start_v1: not a relibc libc.a (or one built before relibc_start_v1)" >&2; return 1; }
	_t=$(mktemp -d) || return 1
	# 10 "redox-crt\0", 8 bytes of description, type 1; name padded to 12.
	printf '\012\000\000\000\010\000\000\000\001\000\000\000redox-crt\000\000\000%s\000' "$abi" > "$_t/note"
	[ "$(wc -c < "$_t/note")" -eq 32 ] || { rm -rf "$_t"; echo "$me: RELIBC_ABI=$abi is not 7 characters" >&2; return 1; }
	cp "$1" "$_t/libc.a" && (cd "$_t" && "$AR" x libc.a "$_m") &&
		"$OBJCOPY" --add-section ".note.redox-crt.abi=$_t/note" \
			--set-section-flags .note.redox-crt.abi=alloc,readonly \
			--set-section-alignment .note.redox-crt.abi=4 "$_t/$_m" &&
		(cd "$_t" && "$AR" r libc.a "$_m" && "$AR" s libc.a) && cp "$_t/libc.a" "$2"
	_rc=$?
	rm -rf "$_t"
	[ $_rc -eq 0 ] && echo "$me: $3-unknown-redox: libc.a carries the ABI note $abi (RELIBC_ABI; redox-run runs its programs with --abi=$abi)"
	return $_rc
}

for p in $plan; do
	old_ifs=$IFS; IFS='|'; set -- $p; IFS=$old_ifs
	arch=$1 libc=$2 libm=$3 inc=$4
	dlib=$sysroot/$arch-unknown-redox/lib dinc=$sysroot/$arch-unknown-redox/include
	mkdir -p "$dlib" "$dinc"
	if [ "$abi" = none ]; then
		install -m 644 "$libc" "$dlib/libc.a"
	else
		add_abi_note "$libc" "$dlib/.libc.a.tmp" "$arch" && mv -f "$dlib/.libc.a.tmp" "$dlib/libc.a" ||
			{ rm -f "$dlib/.libc.a.tmp"; die "RELIBC=$src: could not add the ABI note to $libc for $arch (see above)"; }
	fi
	[ -z "$libm" ] || install -m 644 "$libm" "$dlib/libm.a"
	# Headers merge into ours; relibc has no redox/ directory of the same names
	# as redox-crt's, and if it had, relibc's would describe its own libc.
	(cd "$inc" && tar -cf - .) | (cd "$dinc" && tar -xf -)
	echo "$me: $arch-unknown-redox: libc.a${libm:+, libm.a} and headers from $src into $sysroot"
done

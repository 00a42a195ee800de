#!/bin/sh
# SPDX-License-Identifier: MIT
# Fetch compiler-rt's builtins and LLVM libunwind sources from Debian's
# llvm-toolchain-19 source package and extract the parts redox-crt builds
# into DEST (one download serves both).
#
#   fetch-source.sh DEST
#
# The download, its cache outside the build tree and the SHA-256 check
# against the .dsc are mk/deb-source.sh's (BUILTINS_CACHE, when set, is its
# cache); the version wanted is the installed clang-19's, whose headers and
# code generation match. DEST gets compiler-rt/..., libunwind/... and
# VERSION; the caller's stamp marks completion.
set -eu

me=builtins/fetch-source.sh
die() { echo "$me: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $me DEST"
dest=$1
pkg=llvm-toolchain-19
here=$(dirname "$0")

want=$(dpkg-query -W -f '${Version}' clang-19 2>/dev/null || true)
[ -z "${BUILTINS_CACHE:-}" ] || { REDOX_CRT_CACHE=$BUILTINS_CACHE; export REDOX_CRT_CACHE; }
got=$(sh "$here/../mk/deb-source.sh" "$pkg" $want) ||
	die "no verified $pkg source, so the builtins and LLVM libunwind cannot be built (see the line above; README, 'compiler-rt builtins', says how to pre-seed the cache)"
dsc=$(printf '%s\n' "$got" | sed -n 1p)
tarball=$(printf '%s\n' "$got" | sed -n 2p)
[ -f "$dsc" ] && [ -f "$tarball" ] || die "mk/deb-source.sh named no .dsc and tarball (got: $got)"
version=$(awk '$1 == "Version:" { print $2; exit }' "$dsc")

# Only the builtins (with crtbegin/crtend), their unit tests, libunwind's
# sources and headers, and the licences.
rm -rf "$dest"
mkdir -p "$dest"
case $tarball in
*.xz) unpack="xz -T2 -dc" ;; *.gz) unpack="gzip -dc" ;; *.bz2) unpack="bzip2 -dc" ;;
*) die "$tarball: unknown compression" ;;
esac
# In LLVM 19 crtbegin.c/crtend.c live in lib/builtins (lib/crt is gone).
$unpack "$tarball" | tar -x -C "$dest" --strip-components=1 \
	--wildcards --no-wildcards-match-slash \
	'*/compiler-rt/lib/builtins' '*/compiler-rt/test/builtins/Unit' \
	'*/compiler-rt/LICENSE.TXT' \
	'*/libunwind/src' '*/libunwind/include' '*/libunwind/LICENSE.TXT'
[ -f "$dest/compiler-rt/lib/builtins/int_lib.h" ] ||
	die "$tarball holds no compiler-rt/lib/builtins; fix: delete $(dirname "$tarball") and fetch again"
[ -f "$dest/libunwind/src/libunwind.cpp" ] ||
	die "$tarball holds no libunwind/src; fix: delete $(dirname "$tarball") and fetch again"
echo "$version" > "$dest/VERSION"

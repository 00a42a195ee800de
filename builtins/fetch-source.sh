#!/bin/sh
# SPDX-License-Identifier: MIT
# Fetch compiler-rt's builtins and LLVM libunwind sources from Debian's
# llvm-toolchain-19 source package and extract the parts redox-crt builds
# into DEST (one download serves both).
#
#   fetch-source.sh DEST
#
# The orig tarball is downloaded once into a cache outside the build tree
# (BUILTINS_CACHE, default $XDG_CACHE_HOME/redox-crt or ~/.cache/redox-crt),
# using a deb-src entry derived from the machine's own apt sources inside a
# private apt state directory: no system file is edited. Its SHA-256 is checked
# against the .dsc before anything is extracted. DEST gets compiler-rt/...,
# libunwind/... and VERSION; the caller's stamp marks completion.
set -eu

me=builtins/fetch-source.sh
die() { echo "$me: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $me DEST"
dest=$1
pkg=llvm-toolchain-19
cache=${BUILTINS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/redox-crt}
srcdir=$cache/$pkg

# The version of the installed clang-19 is the one whose builtins we want: its
# headers and code generation match. Debian epochs are not part of file names.
want=$(dpkg-query -W -f '${Version}' clang-19 2>/dev/null || true)
upstream=${want#*:}
upstream=${upstream%-*}

# find_dsc: newest .dsc in the cache, preferring the installed clang's version.
find_dsc() {
	if [ -n "$upstream" ] && ls "$srcdir"/${pkg}_"$upstream"-*.dsc >/dev/null 2>&1; then
		ls "$srcdir"/${pkg}_"$upstream"-*.dsc | sort | tail -n 1
	else
		ls "$srcdir"/${pkg}_*.dsc 2>/dev/null | sort | tail -n 1 || true
	fi
}

# derive_sources DIR: write deb-src entries for every deb entry apt is
# configured with (one-line and deb822 formats) into DIR.
derive_sources() {
	out=$1
	: > "$out/sources.list"
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n 's/^[[:space:]]*deb\([[:space:]]\)/deb-src\1/p' "$f" >> "$out/sources.list"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# A stanza whose Types lists deb becomes a deb-src stanza; others are dropped.
		awk '
			function flush() { if (keep) printf "%s\n", buf; buf = ""; keep = 0 }
			/^[[:space:]]*$/ { flush(); next }
			/^[Tt]ypes:/ {
				n = split(substr($0, 7), t, /[[:space:]]+/); keep = 0
				for (i = 1; i <= n; i++) if (t[i] == "deb") keep = 1
				buf = buf "Types: deb-src\n"; next }
			{ buf = buf $0 "\n" }
			END { flush() }' "$f" > "$out/parts/$(basename "$f")"
	done
	cat "$out/sources.list" "$out"/parts/*.sources 2>/dev/null | grep -q . ||
		die "no 'deb' entry in /etc/apt/sources.list or /etc/apt/sources.list.d/: cannot derive a deb-src entry; fix: configure a Debian mirror, or pre-seed $srcdir (see README, 'compiler-rt builtins')"
}

download() {
	apt=$cache/apt
	rm -rf "$apt"
	mkdir -p "$apt/parts" "$apt/state/lists/partial" "$apt/cache/archives/partial" "$srcdir"
	derive_sources "$apt"
	set -- -o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts="$apt/parts" \
		-o Dir::State="$apt/state" -o Dir::State::status=/var/lib/dpkg/status \
		-o Dir::Cache="$apt/cache" -o Debug::NoLocking=1
	# apt drops privileges to _apt for downloads; that user cannot write our cache.
	[ "$(id -u)" -eq 0 ] && set -- "$@" -o APT::Sandbox::User=root
	echo "$me: fetching $pkg sources (private apt state in $apt)" >&2
	offline="the package archive is unreachable and $srcdir holds no verified source; fix: restore network access to the apt mirror, or pre-seed the cache with llvm-toolchain-19_*.dsc and llvm-toolchain-19_*.orig.tar.xz (apt-get source --download-only $pkg on a connected machine) in $srcdir"
	# apt-get update exits 0 when mirrors are unreachable; no Sources index
	# afterwards is the sign.
	apt-get "$@" -q update > "$apt/update.log" 2>&1
	if ! ls "$apt/state/lists/" | grep -q '_Sources'; then
		grep -E '^(W|E|Err):' "$apt/update.log" | head -n 3 | sed 's/^/    /' >&2
		die "$offline"
	fi
	spec=$pkg
	if [ -n "$want" ] && apt-get "$@" -q --print-uris source "$pkg=$want" > /dev/null 2>&1; then
		spec="$pkg=$want"
	else
		echo "$me: note: $pkg=${want:-?} (the installed clang-19) is not in the archive; taking the newest available" >&2
	fi
	( cd "$srcdir" && apt-get "$@" -q source --download-only "$spec" ) > "$apt/source.log" 2>&1 || {
		grep -E '^(W|E|Err):' "$apt/source.log" | head -n 3 | sed 's/^/    /' >&2
		die "apt-get source --download-only $spec failed: $offline"
	}
	rm -rf "$apt"
}

# verify DSC: every file the .dsc lists that is present must match its
# Checksums-Sha256 line; the main orig tarball must be present.
verify() {
	dsc=$1 dir=$(dirname "$1")
	sums=$(awk '/^Checksums-Sha256:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF == 3 { print $1 "  " $3 }' "$dsc")
	[ -n "$sums" ] || die "$dsc has no Checksums-Sha256 field; fix: delete it and fetch again"
	orig=$(printf '%s\n' "$sums" | awk '$2 ~ /\.orig\.tar\.[a-z]+$/ { print $2 }')
	[ -n "$orig" ] || die "$dsc lists no .orig tarball"
	[ -f "$dir/$orig" ] || return 1
	printf '%s\n' "$sums" | awk '$2 ~ /\.orig\.tar\./' | (cd "$dir" && sha256sum --quiet -c -) >&2 ||
		die "$dir/$orig does not match the SHA-256 in $(basename "$dsc"); fix: delete both and fetch again"
	echo "$dir/$orig"
}

dsc=$(find_dsc)
tarball=
[ -n "$dsc" ] && tarball=$(verify "$dsc" || true)
if [ -z "$tarball" ]; then
	download
	dsc=$(find_dsc)
	[ -n "$dsc" ] || die "apt-get source left no ${pkg}_*.dsc in $srcdir"
	tarball=$(verify "$dsc") || die "the orig tarball named in $dsc was not downloaded into $srcdir"
fi
version=$(awk '$1 == "Version:" { print $2; exit }' "$dsc")
echo "$me: using $(basename "$tarball") (sha256 verified against $(basename "$dsc"))" >&2

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
	die "$tarball holds no compiler-rt/lib/builtins; fix: delete $srcdir and fetch again"
[ -f "$dest/libunwind/src/libunwind.cpp" ] ||
	die "$tarball holds no libunwind/src; fix: delete $srcdir and fetch again"
echo "$version" > "$dest/VERSION"

#!/bin/sh
# SPDX-License-Identifier: MIT
# Fetch a Debian source package with apt-get source, cached and verified.
#
#   mk/deb-source.sh PKG [VERSION]
#
# Prints two lines: the .dsc and the main .orig tarball, both in
# CACHE/PKG (CACHE: REDOX_CRT_CACHE, default $XDG_CACHE_HOME/redox-crt or
# ~/.cache/redox-crt, outside any build tree). A cached copy whose files
# match the .dsc's Checksums-Sha256 is used without asking apt (offline);
# otherwise the package is downloaded with a deb-src entry derived from the
# machine's own apt sources (REDOX_CRT_APT_ETC, default /etc/apt) inside a
# private apt state directory: no system file is edited and no host name is
# written anywhere. VERSION (a Debian version, epoch allowed) is preferred,
# in the cache and in the archive; without it the newest is taken.
# Exit status: 0 done, 2 the source is unavailable here (no deb entry, the
# archive unreachable, the package not in it), 1 any other error.
set -eu

me=mk/deb-source.sh
die() { echo "$me: $*" >&2; exit 1; }
unavailable() { echo "$me: $*" >&2; exit 2; }

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $me PKG [VERSION]"
pkg=$1 want=${2:-}
case $pkg in ''|*[!a-z0-9.+-]*) die "'$pkg' is not a Debian source package name" ;; esac
cache=${REDOX_CRT_CACHE:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/redox-crt}
etc=${REDOX_CRT_APT_ETC:-/etc/apt}
srcdir=$cache/$pkg
# Debian epochs are not part of file names.
upstream=${want#*:}
upstream=${upstream%-*}

# find_dsc: newest .dsc in the cache, preferring the wanted version.
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
	for f in "$etc/sources.list" "$etc"/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n 's/^[[:space:]]*deb\([[:space:]]\)/deb-src\1/p' "$f" >> "$out/sources.list"
	done
	for f in "$etc"/sources.list.d/*.sources; do
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
		unavailable "no 'deb' entry in $etc/sources.list or $etc/sources.list.d/, so no deb-src entry for $pkg can be derived; fix: configure a Debian mirror in $etc/sources.list.d/, or pre-seed $srcdir with ${pkg}_*.dsc and its files (apt-get source --download-only $pkg on a connected machine)"
}

download() {
	apt=$cache/apt-$pkg
	rm -rf "$apt"
	mkdir -p "$apt/parts" "$apt/state/lists/partial" "$apt/cache/archives/partial" "$srcdir"
	derive_sources "$apt"
	set -- -o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts="$apt/parts" \
		-o Dir::State="$apt/state" -o Dir::State::status=/var/lib/dpkg/status \
		-o Dir::Cache="$apt/cache" -o Debug::NoLocking=1
	# apt drops privileges to _apt for downloads; that user cannot write our cache.
	[ "$(id -u)" -eq 0 ] && set -- "$@" -o APT::Sandbox::User=root
	echo "$me: fetching the $pkg source package (private apt state in $apt)" >&2
	offline="the package archive is unreachable and $srcdir holds no verified $pkg source; fix: restore network access to the apt mirror, or pre-seed $srcdir with ${pkg}_*.dsc and its files (apt-get source --download-only $pkg on a connected machine)"
	# apt-get update exits 0 when mirrors are unreachable; no Sources index
	# afterwards is the sign.
	apt-get "$@" -q update > "$apt/update.log" 2>&1 || true
	if ! ls "$apt/state/lists/" | grep -q '_Sources'; then
		grep -E '^(W|E|Err):' "$apt/update.log" | head -n 3 | sed 's/^/    /' >&2
		rm -rf "$apt"
		unavailable "$offline"
	fi
	spec=$pkg
	if [ -n "$want" ] && apt-get "$@" -q --print-uris source "$pkg=$want" > /dev/null 2>&1; then
		spec="$pkg=$want"
	elif [ -n "$want" ]; then
		echo "$me: note: $pkg=$want is not in the archive; taking the newest available" >&2
	fi
	if ! ( cd "$srcdir" && apt-get "$@" -q source --download-only "$spec" ) > "$apt/source.log" 2>&1; then
		grep -E '^(W|E|Err):' "$apt/source.log" | head -n 3 | sed 's/^/    /' >&2
		rm -rf "$apt"
		unavailable "apt-get source --download-only $spec failed: $offline"
	fi
	rm -rf "$apt"
}

# verify DSC: every file the .dsc lists that is present must match its
# Checksums-Sha256 line; the main orig tarball must be present. Prints it.
verify() {
	dsc=$1 dir=$(dirname "$1")
	sums=$(awk '/^Checksums-Sha256:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF == 3 { print $1 "  " $3 }' "$dsc")
	[ -n "$sums" ] || die "$dsc has no Checksums-Sha256 field; fix: delete it and fetch again"
	orig=$(printf '%s\n' "$sums" | awk '$2 ~ /\.orig\.tar\.[a-z0-9]+$/ { print $2 }')
	[ -n "$orig" ] || die "$dsc lists no .orig tarball"
	[ -f "$dir/$orig" ] || return 3
	present=$(printf '%s\n' "$sums" | while read -r s f; do if [ -f "$dir/$f" ]; then echo "$s  $f"; fi; done)
	printf '%s\n' "$present" | (cd "$dir" && sha256sum --quiet -c - > /dev/null 2>&1) ||
		die "a file in $dir does not match the SHA-256 in $(basename "$dsc") ($(printf '%s\n' "$present" | (cd "$dir" && sha256sum -c - 2>/dev/null) | sed -n 's/: FAILED.*//p' | tr '\n' ' ')); fix: delete $dir and fetch again"
	echo "$dir/$orig"
}

dsc=$(find_dsc)
tarball=
if [ -n "$dsc" ]; then
	rc=0; tarball=$(verify "$dsc") || rc=$?
	[ $rc -eq 0 ] || [ $rc -eq 3 ] || exit $rc
fi
if [ -z "$tarball" ]; then
	download
	dsc=$(find_dsc)
	[ -n "$dsc" ] || die "apt-get source left no ${pkg}_*.dsc in $srcdir"
	rc=0; tarball=$(verify "$dsc") || rc=$?
	[ $rc -ne 3 ] || die "the orig tarball named in $dsc was not downloaded into $srcdir"
	[ $rc -eq 0 ] || exit $rc
fi
echo "$me: using $(basename "$tarball") (sha256 verified against $(basename "$dsc"))" >&2
echo "$dsc"
echo "$tarball"

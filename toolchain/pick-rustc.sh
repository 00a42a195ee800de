#!/bin/sh
# SPDX-License-Identifier: MIT
# pick-rustc.sh: the rustc redox-crt builds and tests with, chosen once by
# make (toolchain/part.mk) and recorded in share/redox-crt/rust/rustc-version.
#
#   sh toolchain/pick-rustc.sh [CANDIDATE...]      print the chosen rustc
#   sh toolchain/pick-rustc.sh --has-src RUSTC     exit 0 if RUSTC has rust-src
#   sh toolchain/pick-rustc.sh --path RUSTC        RUSTC's absolute path, if it runs
#
# The choice is the first of the CANDIDATEs (the Makefile passes Debian's
# /usr/bin/rustc), then of every `rustc` along PATH in order, that runs and
# has rust-src: -Zbuild-std (relibc, the Rust tests, users' cargo builds)
# needs <sysroot>/lib/rustlib/src/rust/library. A rustup toolchain first on
# PATH without the rust-src component is passed over. When no rustc has
# rust-src the first one that runs is chosen (the specs can still be made;
# make says what is missing). Prints an absolute path, or nothing when no
# rustc runs at all.
set -u

has_src() {
	_s=$("$1" --print sysroot 2>/dev/null) || return 1
	[ -n "$_s" ] && [ -d "$_s/lib/rustlib/src/rust/library/core" ]
}
abs() {
	case $1 in
	*/*) _d=$(cd "$(dirname "$1")" 2>/dev/null && pwd -P) || return 1
	     echo "$_d/$(basename "$1")" ;;
	*) command -v "$1" ;;
	esac
}

case ${1-} in --has-src|--path)
	[ $# -eq 2 ] || { echo "usage: $0 $1 RUSTC" >&2; exit 2; }
	if [ "$1" = --has-src ]; then has_src "$2"; exit; fi
	p=$(abs "$2") && [ -x "$p" ] && [ ! -d "$p" ] && echo "$p"
	exit 0 ;;
esac

cands=
for c in "$@"; do cands="$cands
$c"; done
# Every rustc on PATH, in PATH order (command -v only finds the first).
oldifs=$IFS; IFS=:
for d in $PATH; do
	[ -n "$d" ] || d=.
	[ -x "$d/rustc" ] && [ ! -d "$d/rustc" ] && cands="$cands
$d/rustc"
done
IFS=$oldifs

first=
nl='
'
IFS=$nl
for c in $cands; do
	[ -n "$c" ] || continue
	[ -x "$c" ] && [ ! -d "$c" ] || continue
	"$c" -V > /dev/null 2>&1 || continue
	p=$(abs "$c") || continue
	[ -n "$first" ] || first=$p
	if has_src "$c"; then echo "$p"; exit 0; fi
done
[ -z "$first" ] || echo "$first"
exit 0

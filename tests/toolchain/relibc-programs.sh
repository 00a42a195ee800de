#!/bin/sh
# SPDX-License-Identifier: MIT
# check-relibc-programs: a C program using printf, malloc/realloc, fopen/
# fprintf/fclose/fgets on files in the root, getenv, strtol, qsort, time,
# atexit and a constructor, linked against the relibc in the sysroot three
# ways — <triple>-clang with no -nolibc, CMake with the toolchain file, meson
# with the cross file — and run in redox-run --root. Its stdout is compared
# with tests/toolchain/relibc-prog/expected.txt (written by hand; the same
# source built for the host with gcc/glibc prints exactly that, which this
# script checks too), its exit status must be 7 and the file it writes must
# appear under the root with the sorted numbers.
# Env (from tests/relibc/part.mk): ARCHS SYSROOT REDOX_RUN LLVM_READELF.
set -u
. tests/lib/tap.sh
top=$(pwd -P)
T=$(mktemp -d "${TMPDIR:-/tmp}/check-relibc-programs.XXXXXX")
T_TMP=$T
trap 'rm -rf "$T"' EXIT INT TERM
SR=$top/$SYSROOT
P=tests/toolchain/relibc-prog
case $REDOX_RUN in /*) RUN=$REDOX_RUN ;; *) RUN=$top/$REDOX_RUN ;; esac
sorted='-40 -3 0 7 19 1000 '

# run_prog NAME BINARY: run BINARY in a fresh root holding in/numbers.txt and
# an empty out/, and check stdout, exit status and out/sorted.txt.
run_prog() {
	_n=$1 _b=$2 _r=$T/root-$(echo "$1" | tr -c 'a-zA-Z0-9\n' _)
	rm -rf "$_r"; mkdir -p "$_r/in" "$_r/out"; cp "$P/numbers.txt" "$_r/in/"
	if [ ! -f "$_b" ]; then fail "$_n: runs" "$_b was not built"; return; fi
	"$RUN" --abi=2026-08 --root "$_r" --cwd / -E "GREETING=hello relibc" -E "HOST_TIME=$(date +%s)" \
		"$_b" one two > "$T/out" 2> "$T/err" < /dev/null
	_rc=$?
	if [ $_rc -eq 7 ] && cmp -s "$P/expected.txt" "$T/out"; then ok "$_n: runs, prints the expected lines, exit status 7"
	else
		fail "$_n: runs, prints the expected lines, exit status 7" "exit status $_rc"
		diff "$P/expected.txt" "$T/out" | head -10 | sed 's/^/    /'; head -5 "$T/err" | sed 's/^/    /'
	fi
	expect_eq "$_n: out/sorted.txt written under the root" "$sorted" "$(tr '\n' ' ' 2>/dev/null < "$_r/out/sorted.txt")"
}

# The expectation itself, against the host's libc.
if command -v gcc > /dev/null 2>&1; then
	mkdir -p "$T/host/in" "$T/host/out" && cp "$P/numbers.txt" "$T/host/in/"
	gcc -O1 -o "$T/host/prog" "$P/prog.c" 2> "$T/host.log"
	(cd "$T/host" && GREETING="hello relibc" HOST_TIME=$(date +%s) ./prog one two > out.txt 2>&1; echo $? > rc)
	if [ "$(cat "$T/host/rc" 2>/dev/null)" = 7 ] && cmp -s "$P/expected.txt" "$T/host/out.txt"; then
		ok "host oracle: gcc/glibc build of prog.c prints expected.txt and exits 7"
	else fail "host oracle: gcc/glibc build of prog.c prints expected.txt" "see below"; cat "$T/host.log" "$T/host/out.txt" | head | sed 's/^/    /'; fi
fi

for a in $ARCHS; do
	tr=$a-unknown-redox cc=$SR/bin/$tr-clang
	if [ ! -f "$SR/$tr/lib/libc.a" ] && [ -z "${RELIBC_SRC:-}" ]; then
		skip "$a: relibc C programs" "no relibc (RELIBC_SRC is empty and none was imported); fix: make check-relibc-programs RELIBC_SRC=DIR"
		continue
	elif [ ! -f "$SR/$tr/lib/libc.a" ]; then
		fail "$a: relibc in the sysroot" "$SR/$tr/lib/libc.a missing; fix: make relibc (or make import-relibc RELIBC=DIR)"
		continue
	fi
	# 1. The wrapper, compile and link in one line, no -nolibc.
	"$cc" -O2 -Wall -Wextra -Werror "$P/prog.c" -o "$T/cc-$a" > "$T/cc-$a.log" 2>&1 ||
		{ fail "cc $a: $tr-clang prog.c links against relibc" "see below"; sed 's/^/    /' "$T/cc-$a.log" | head -20; }
	if [ -f "$T/cc-$a" ]; then
		$LLVM_READELF -s "$T/cc-$a" > "$T/syms" 2>&1
		expect_grep "cc $a: the start routine is relibc's (relibc_panic linked)" ' relibc_panic$' "$T/syms"
		expect_no_grep "cc $a: not redox-crt's freestanding runtime (no redox_getauxval)" ' redox_getauxval$' "$T/syms"
	fi
	run_prog "cc $a" "$T/cc-$a"

	# 2. CMake with the toolchain file, relibc (the default).
	b=$T/cmake-$a
	if command -v cmake > /dev/null 2>&1; then
		if cmake -S "$P" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$SR/share/redox-crt/cmake/$tr.cmake" \
			-DCMAKE_BUILD_TYPE=Release > "$b.log" 2>&1 && cmake --build "$b" >> "$b.log" 2>&1; then
			ok "cmake $a: configure and build prog.c with the toolchain file"
		else fail "cmake $a: configure and build" "see below"; tail -15 "$b.log" | sed 's/^/    /'; fi
		run_prog "cmake $a" "$b/relibc-prog"
	else fail "cmake $a" "cmake not installed (apt-get install cmake)"; fi

	# 3. meson with the cross file. meson's sanity check runs a program
	# through exe_wrapper; relibc of 2026-08 needs redox-run --abi=2026-08,
	# so a second cross file (later files override) gives that.
	b=$T/meson-$a
	if command -v meson > /dev/null 2>&1 && command -v ninja > /dev/null 2>&1; then
		"$SR/bin/redox-crt-config" --target $a --meson-cross-file > "$T/$tr.ini"
		printf "[binaries]\nexe_wrapper = ['%s', '--abi=2026-08']\n" "$RUN" > "$T/abi.ini"
		if meson setup --cross-file "$T/$tr.ini" --cross-file "$T/abi.ini" "$P" "$b" > "$b.log" 2>&1 &&
		   ninja -C "$b" >> "$b.log" 2>&1; then
			ok "meson $a: setup (sanity check runs through redox-run) and build prog.c with the cross file"
		else fail "meson $a: setup and build" "see below"; tail -15 "$b.log" | sed 's/^/    /'; fi
		run_prog "meson $a" "$b/relibc-prog"
	else fail "meson $a" "meson or ninja not installed (apt-get install meson ninja-build)"; fi
done
summary

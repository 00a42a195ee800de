#!/bin/sh
# End-to-end sandbox check: tests/redox-run/fs/e2e/escape.c, linked against the
# real relibc, tries every libc way out of a fresh --root (.., absolute and
# relative symlinks, /proc, host paths, rename/link/unlink/mkdir/fopen across
# "..") under redox-run; its output is compared with escape.out (written by
# hand) and the host is checked: the canaries outside are unchanged, nothing
# appeared outside, and what the program made is inside. Without relibc in
# RELIBC_SYSROOT each arch's case is counted and printed as skipped.
# usage: e2e.sh REDOX_RUN OUTDIR "ARCHS" CRT_SYSROOT RELIBC_SYSROOT
# env: CLANG, LD_LLD, LLVM_NM (default clang-19, ld.lld-19, llvm-nm-19)
set -u
RR=$1 OUT=$2 ARCHS=$3 CRT=$4 RELIBC=$5
SRC=tests/redox-run/fs/e2e
. tests/lib/tap.sh
. tests/lib/relibc-prog.sh
T_SKIP=0
T_TMP=$OUT/e2e
mkdir -p "$T_TMP" "$OUT/empty-sysroot"
T_TMP=$(cd "$T_TMP" && pwd)

listing() { (cd "$1" && ls -A | tr '\n' ' '); }

for a in $ARCHS; do
	triple=$a-unknown-redox
	if ! relibc_present "$RELIBC" "$triple"; then
		T_SKIP=$((T_SKIP + 1))
		echo "SKIP: $a escape: no relibc in $RELIBC/$triple (make relibc imports it)"
		continue
	fi
	B=$T_TMP/$a
	mkdir -p "$B"
	if ! relibc_prog "$RELIBC" "$triple" "$CRT" "$SRC/escape.c" "$B/escape" "$OUT/empty-sysroot" \
		> "$T_TMP/cc.log" 2>&1; then
		fail "$a build escape" "compile or link failed"; sed 's/^/    /' "$T_TMP/cc.log" | head -20
		continue
	fi
	base=$T_TMP/tree-$a
	rm -rf "$base"
	mkdir -p "$base/root/sub" "$base/outside"
	printf CANARY > "$base/secret"
	printf CANARY > "$base/outside/secret"
	printf inside > "$base/root/inside.txt"
	"$RR" --abi=2026-08 --root "$base/root" --cwd /sub "$B/escape" "$base/outside" \
		> "$T_TMP/out" 2> "$T_TMP/err"
	rc=$?
	expect_eq "$a escape: exit status" 0 "$rc"
	[ -s "$T_TMP/err" ] && sed 's/^/    stderr: /' "$T_TMP/err" | head -5
	if cmp -s "$SRC/escape.out" "$T_TMP/out"; then ok "$a escape: every attempt as expected"; else
		fail "$a escape: output" "differs from $SRC/escape.out"
		diff "$SRC/escape.out" "$T_TMP/out" | head -20 | sed 's/^/    /'
	fi
	expect_eq "$a escape: canary beside the root" CANARY "$(cat "$base/secret")"
	expect_eq "$a escape: canary outside" CANARY "$(cat "$base/outside/secret")"
	expect_eq "$a escape: nothing new beside the root" "outside root secret " "$(listing "$base")"
	expect_eq "$a escape: nothing new outside" "secret " "$(listing "$base/outside")"
	expect_eq "$a escape: the root afterwards" "hard moved newdir out proc-link pw sub " \
		"$(listing "$base/root")"
	expect_eq "$a escape: rename landed inside" inside "$(cat "$base/root/moved" 2>&1)"
	expect_eq "$a escape: link is the same file" \
		"$(stat -c %i "$base/root/moved" 2>&1)" "$(stat -c %i "$base/root/hard" 2>&1)"
	expect_eq "$a escape: symlink text on the host" "$base/outside" "$(readlink "$base/root/out")"
	expect_eq "$a escape: relative symlink on the host" "../../.." "$(readlink "$base/root/sub/up")"
	expect_eq "$a escape: mkdir inside" dir "$([ -d "$base/root/newdir" ] && echo dir)"
done
echo "$T_PASS passed, $T_FAIL failed, $T_SKIP skipped"
[ "$T_FAIL" -eq 0 ]

#!/bin/sh
# SPDX-License-Identifier: MIT
# check-relibc: relibc's own C test suite (RELIBC_SRC/tests), compiled static
# against the sysroot with the <triple>-clang wrapper and run in redox-run,
# for every arch in ARCHS. Writes build/test/relibc/<arch>/results.md and
# prints "N passed, N failed, N known failures, N skipped".
# Env (from tests/relibc/part.mk): ARCHS SYSROOT REDOX_RUN RELIBC_SRC MAKE.
set -u
top=$(pwd -P)
here=tests/relibc
SKIPS=$here/skip.txt NEEDS=$here/skip-needs.txt KNOWN=$here/known-failures.txt
MAKE=${MAKE:-make}

if [ -z "${RELIBC_SRC:-}" ]; then
	echo "check-relibc: skipped: no relibc tree (RELIBC_SRC is empty and ../shared/relibc/src does not exist); fix: make check-relibc RELIBC_SRC=DIR"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi
if [ ! -f "$RELIBC_SRC/tests/Makefile.tests.mk" ] || [ ! -d "$RELIBC_SRC/tests/expected" ]; then
	echo "check-relibc: RELIBC_SRC=$RELIBC_SRC is not a relibc tree (no tests/Makefile.tests.mk and tests/expected/); fix: point RELIBC_SRC at a relibc checkout"
	echo "0 passed, 1 failed"
	exit 1
fi
RELIBC_SRC=$(cd "$RELIBC_SRC" && pwd -P)
case $REDOX_RUN in /*) ;; *) REDOX_RUN=$top/$REDOX_RUN ;; esac
export RELIBC_SRC REDOX_RUN
T=$RELIBC_SRC/tests
rev=$(git -C "$RELIBC_SRC" rev-parse --short HEAD 2>/dev/null || echo "unknown revision")
ours=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo "unknown")

# Without a jobserver from the calling make, use every core.
jobs=
case " ${MAKEFLAGS:-} " in *jobserver*|*" -j"*) ;; *) jobs=-j$(nproc 2>/dev/null || echo 2) ;; esac

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

tot_p=0 tot_f=0 tot_s=0 tot_k=0 bad=
for a in $ARCHS; do
	triple=$a-unknown-redox
	OUT=build/test/relibc/$a
	export OUT
	mkdir -p "$OUT"
	sub="$MAKE --no-print-directory -k -f $here/tests.mk ARCH=$a TRIPLE=$triple RELIBC_SRC=$RELIBC_SRC SYSROOT=$SYSROOT OUT=$OUT REDOX_RUN=$REDOX_RUN SKIPS=$SKIPS"
	if [ ! -f "$SYSROOT/$triple/lib/libc.a" ]; then
		echo "relibc $a: FAIL: $SYSROOT/$triple/lib/libc.a does not exist (relibc is not in the sysroot); fix: make relibc, or make import-relibc RELIBC=DIR"
		tot_f=$((tot_f + 1)); bad="$bad $a"; continue
	fi
	$sub list > "$OUT/list" || { echo "relibc $a: FAIL: cannot read the test lists of $T/Makefile.tests.mk"; tot_f=$((tot_f + 1)); continue; }

	# The skip list: every entry names a test of the suite and a known need,
	# and the test's source shows that need.
	skip_err=0
	: > "$OUT/skips"
	while read -r n need why; do
		case $n in ''|'#'*) continue ;; esac
		re=$(awk -v k="$need" '$1 == k { sub(/^[^[:space:]]+[[:space:]]+/, ""); print; exit }' "$NEEDS")
		src=$T/$n.c; [ -f "$src" ] || src=$T/${n%_cpp}.cpp
		# a flattened symlink (see tests.mk): the file it names
		l=$(head -c 64 "$src" 2>/dev/null)
		case $l in */*|'') ;; *) [ -f "$(dirname "$src")/$l" ] && src=$(dirname "$src")/$l ;; esac
		if ! grep -q "^$n " "$OUT/list"; then
			echo "relibc: FAIL: $SKIPS: '$n' is not a test of $T/Makefile.tests.mk; fix: remove the entry"; skip_err=$((skip_err + 1))
		elif [ -z "$re" ]; then
			echo "relibc: FAIL: $SKIPS: '$n': unknown need '$need' (known: $(awk '!/^#/ { printf "%s ", $1 }' "$NEEDS")); fix: use one of them"; skip_err=$((skip_err + 1))
		elif ! grep -Eq -- "$re" "$src"; then
			echo "relibc: FAIL: $SKIPS: '$n' is skipped as needing $need, but $src has no call matching /$re/; fix: run the test, or give the real reason"; skip_err=$((skip_err + 1))
		else
			printf '%s\t%s\t%s\n' "$n" "$need" "$why" >> "$OUT/skips"
		fi
	done < "$SKIPS"

	# The suite's input files (upstream's support_build list in tests/Makefile,
	# without the runner's own expected/ and Makefiles), copied per test.
	sed -n '/^support_build:/,/^$/p' "$T/Makefile" | tr ' \\\t' '\n\n\n' |
		sed -n 's|^\$(BUILD)/||p' | grep -v -e '^expected$' -e '^Makefile' > "$OUT/support.list"
	rm -rf "$OUT/res" "$OUT/log" "$OUT/root"

	t0=$(now)
	$sub $jobs build > "$OUT/build.log" 2>&1
	t1=$(now)
	$sub $jobs all > "$OUT/run.log" 2>&1
	t2=$(now)

	p=0 f=0 s=0 k=0
	{
		echo "# relibc test suite on $a"
		echo
		echo "relibc $rev from RELIBC_SRC, redox-crt $ours, $(date -u '+%Y-%m-%d %H:%M UTC')."
		echo "Build $(secs "$t0" "$t1") s, run $(secs "$t1" "$t2") s (wall)."
		echo
		echo "| test | upstream check | result | reason |"
		echo "|---|---|---|---|"
	} > "$OUT/results.md.body"
	while read -r n kind; do
		sk=$(awk -F'\t' -v n="$n" '$1 == n { print "needs " $2 ": " $3; exit }' "$OUT/skips")
		if [ -n "$sk" ]; then
			res=skip why=$sk; s=$((s + 1))
		else
			if [ -f "$OUT/res/$n" ]; then v=$(cat "$OUT/res/$n")
			elif [ -f "$OUT/obj/$n.log" ]; then v="fail: compile error: $(grep -m1 -E 'error' "$OUT/obj/$n.log" | sed "s|$T/||" | cut -c1-200)"
			elif [ -f "$OUT/bin/$n.log" ]; then v="fail: link error: $(grep -m1 -E 'error' "$OUT/bin/$n.log" | cut -c1-200)"
			else v="fail: not built and not run (see $OUT/build.log)"
			fi
			case $v in
			pass) res=pass why=; p=$((p + 1)) ;;
			*)
				why=${v#fail: }
				kr=$(awk -v n="$n" -v a="$a" '$1 == n && ($2 == a || $2 == "all") { sub(/^[^[:space:]]+[[:space:]]+[^[:space:]]+[[:space:]]+/, ""); print; exit }' "$KNOWN" 2>/dev/null)
				if [ -n "$kr" ]; then res="known failure" why="$why — known: $kr"; k=$((k + 1))
				else res=FAIL; f=$((f + 1)); echo "relibc $a: FAIL: $n: $why"
				fi ;;
			esac
		fi
		printf '| %s | %s | %s | %s |\n' "$n" "$kind" "$res" "$(printf '%s' "$why" | sed 's/|/\\|/g')" >> "$OUT/results.md.body"
	done < "$OUT/list"
	n_all=$(wc -l < "$OUT/list")
	{
		sed -n '1,4p' "$OUT/results.md.body"
		echo
		echo "**$p passed, $f failed, $s skipped, $k known failures** of $n_all tests ($(awk -v p=$p -v n=$n_all 'BEGIN { printf "%.0f", n ? 100 * p / n : 0 }')% pass)."
		sed -n '5,$p' "$OUT/results.md.body"
	} > "$OUT/results.md"
	rm -f "$OUT/results.md.body"
	# Known failures that pass now: the list is meant to shrink.
	awk -v a="$a" '!/^#/ && NF && ($2 == a || $2 == "all") { print $1 }' "$KNOWN" 2>/dev/null | while read -r n; do
		[ "$(cat "$OUT/res/$n" 2>/dev/null)" = pass ] && echo "relibc $a: note: $n passes now; remove it from $KNOWN"
	done
	f=$((f + skip_err))
	echo "relibc $a: $p passed, $f failed, $s skipped, $k known failures of $n_all; build $(secs "$t0" "$t1") s, run $(secs "$t1" "$t2") s; $OUT/results.md"
	[ "$f" -gt 0 ] && bad="$bad $a"
	tot_p=$((tot_p + p)) tot_f=$((tot_f + f)) tot_s=$((tot_s + s)) tot_k=$((tot_k + k))
done
[ "$tot_k" -gt 0 ] && echo "known failures: $tot_k (tests/relibc/known-failures.txt; each is a gap to close, the list is meant to shrink)"
echo "$tot_p passed, $tot_f failed, $tot_k known failures, $tot_s skipped"
[ -z "$bad" ]

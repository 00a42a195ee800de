#!/bin/sh
# Run each named test suite (make check-<name>), keep its log in
# build/test/<name>.log, and total the summaries each prints: Check's
# "NN%: Checks: C, Failures: F, Errors: E" or our "N passed, N failed"
# (optionally ", N skipped": skips are totalled apart, never as passes).
set -u
mkdir -p build/test
total_pass=0 total_fail=0 total_skip=0 bad_suites=
for s in "$@"; do
	echo "=== suite $s"
	log=build/test/$s.log
	${MAKE:-make} --no-print-directory "check-$s" > "$log" 2>&1
	rc=$?
	cat "$log"
	counts=$(awk '
		/^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+/ {
			gsub(/,/, ""); p += $3 - $5 - $7; f += $5 + $7; n++ }
		/^[0-9]+ passed, [0-9]+ failed/ { p += $1; f += $3; n++
			if ($0 ~ /, [0-9]+ skipped/) { x = $0; sub(/.*, /, "", x); s += x + 0 } }
		END { printf "%d %d %d %d", p, f, n, s }' "$log")
	set -- $counts "$@"
	p=$1 f=$2 n=$3 k=$4; shift 4
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + k))
	if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ] || [ "$n" -eq 0 ]; then
		[ "$n" -eq 0 ] && echo "suite $s printed no summary (exit $rc)"
		[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && total_fail=$((total_fail + 1))
		bad_suites="$bad_suites $s"
		echo "=== suite $s: FAILED ($p passed, $f failed, exit $rc)"
	elif [ "$k" -gt 0 ] && [ "$p" -eq 0 ]; then
		echo "=== suite $s: skipped ($k skipped)"
	elif [ "$k" -gt 0 ]; then
		echo "=== suite $s: ok ($p passed, $k skipped)"
	else
		echo "=== suite $s: ok ($p passed)"
	fi
done
echo
if [ "$total_skip" -gt 0 ]; then
	echo "== make check: $total_pass passed, $total_fail failed, $total_skip skipped"
else
	echo "== make check: $total_pass passed, $total_fail failed"
fi
if [ -n "$bad_suites" ]; then
	echo "== failing suites:$bad_suites (logs in build/test/)"
	exit 1
fi

#!/bin/sh
# Bounded libFuzzer run of the --root file system: fuzz.sh FUZZER OUTDIR SECONDS.
# Prints "N passed, N failed" for the suite summary.
set -u
FUZZER=$1 OUT=$2 T=$3
C=$OUT/fuzz-corpus
mkdir -p "$C" "$OUT/tmp"
TMPDIR=$(cd "$OUT/tmp" && pwd); export TMPDIR  # the trees it builds, kept if it crashes
# Seeds in fuzz_fs.c's format (tree ops, then path ops): a link "lnk" in the
# root to the host path of outside/, to the base directory, to ../../../..,
# to /proc/self/root and to outside/secret itself, each opened through.
rm -f "$C"/seed-*
printf '\001\002\000\004\000\025\000\001\007\210\000' > "$C/seed-abs"
printf '\001\002\000\004\000\024\000\001\007\210\000' > "$C/seed-base"
printf '\001\002\000\004\000\023\000\002\007\211\210\000' > "$C/seed-up"
printf '\001\002\000\004\000\015\000\002\007\024\210\000' > "$C/seed-proc"
printf '\001\002\000\004\001\025\210\000\000\007\000' > "$C/seed-last"
log=$OUT/fuzz.log
if "$FUZZER" -max_total_time="$T" -max_len=512 -print_final_stats=1 \
	-artifact_prefix="$OUT/fuzz-" "$C" > "$log" 2>&1; then
	echo "PASS: fuzz the --root file system for ${T}s ($(sed -n 's/^stat::number_of_executed_units: *//p' "$log") runs)"
	echo "1 passed, 0 failed"
else
	echo "FAIL: fuzz the --root file system: see $log"
	grep -m3 'fuzz_fs:' "$log"
	tail -20 "$log"
	echo "0 passed, 1 failed"
	exit 1
fi

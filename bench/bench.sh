#!/bin/sh
# The benchmark behind `make bench` (issues 10, 17). Instruction counts and
# sizes are exact; times are medians of interleaved runs with min–max, and
# each is also given as a ratio to a reference timed in the same rounds.
# "before" figures come from BENCH_BASE (bench/part.mk), built from git in a
# scratch tree. Nothing here fails on a figure: it measures and reports.
set -u
B=build S=build/sysroot RUN=build/sysroot/bin/redox-run BH=build/bench/host
OUT=$B/bench.md
W=$B/bench/work
mkdir -p "$W"
RUNS=${BENCH_RUNS:-15}
BUILD_RUNS=${BENCH_BUILD_RUNS:-3}
SUITE_RUNS=${BENCH_SUITE_RUNS:-1}
BASE=${BENCH_BASE:-}
: "${LLVM_OBJDUMP:=llvm-objdump-19}" "${LLVM_SIZE:=llvm-size-19}" "${LLVM_NM:=llvm-nm-19}"
TIMEIT=$BH/timeit

say() { printf '%s\n' "$*" >&2; }

# timeit ROUNDS CMD [--- CMD]...: "median min max failures" (µs) per command
timeit() { "$TIMEIT" "$@"; }
# ms "median min max ...": "m ms (min–max)"
ms() { echo "$1" | awk '{printf "%.2f ms (%.2f–%.2f)", $1/1000, $2/1000, $3/1000}'; }
med() { echo "$1" | awk '{print $1}'; }
fmt_s() { awk '{a[NR]=$1} END {printf "%.1f s (%.1f–%.1f, n=%d)", a[int((NR+1)/2)]/1e6, a[1]/1e6, a[NR]/1e6, NR}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "–" || b == "–" || b + 0 == 0) print "–"; else printf "%.2f×", a / b }'; }
count_until() { "$1" --count-until "$3" "$2" 2>&1 >/dev/null | sed -n "s/^redox-run: instructions until $3: //p" | head -n1; }
count_all() { "$1" --count-insns "$2" 2>&1 >/dev/null | sed -n 's/^redox-run: instructions: //p' | head -n1; }
# host instructions of one command (callgrind)
host_insns() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *//p' | head -n1
}
# .text .data .bss (decimal) of one binary
sizes() {
	$LLVM_SIZE -A "$1" | awk '$1==".text"{t=$2} $1==".data"{d=$2} $1==".bss"{b=$2} END {printf "%d %d %d", t, d, b}'
}
# insns NAME FILE: instruction count of one function (static disassembly;
# the int3 padding the linker puts after a function is not counted)
insns() {
	$LLVM_OBJDUMP -d --no-show-raw-insn --disassemble-symbols="$1" "$2" 2>/dev/null |
		grep -E '^ +[0-9a-f]+:[[:space:]]+[a-z]' | grep -Evc '^ +[0-9a-f]+:[[:space:]]+int3$'
}
# callees NAME FILE: functions NAME calls or jumps to
callees() {
	$LLVM_OBJDUMP -d --no-show-raw-insn --disassemble-symbols="$1" "$2" 2>/dev/null |
		grep -E '^ +[0-9a-f]+:' | grep -Eo '(j[a-z]+|call[a-z]*|b|bl)[[:space:]]+[0-9a-fx]+ <[^>+]+>' |
		sed 's/.*<//; s/>//' | grep -vx "$1" | sort -u | tr '\n' ' '
}
# write_insns PROG: instructions of redox_write in a linked program, with
# those of any redox_syscallN it calls
write_insns() {
	_n=$(insns redox_write "$1") _c=$(callees redox_write "$1")
	for _f in $_c; do
		case $_f in redox_syscall[0-6]) _n=$((_n + $(insns "$_f" "$1"))) ;; esac
	done
	echo "$_n${_c:+ (with ${_c% })}"
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
machine="$(uname -m), ${cpu:-unknown CPU}, $(nproc) cores, Linux $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "bench: machine: $machine"

# --- "before": BENCH_BASE built in a scratch tree
base=$W/base bRUN=–
if [ -n "$BASE" ] && git rev-parse -q --verify "$BASE^{commit}" > /dev/null; then
	say "bench: building $BASE (before) in $base"
	rm -rf "$base"; mkdir -p "$base"
	git archive "$BASE" | tar -C "$base" -xf -
	cp bench/yield.c "$base/bench/yield.c"
	t="$base/build/sysroot/bin/redox-run"
	for a in $ARCHS; do t="$t $(for p in empty hello loop yield; do printf '%s ' "$base/build/$a/bench/$p"; done)"; done
	if make -C "$base" -j2 NODEPS=1 BUILTINS=no BENCH_PROGS="empty hello loop yield" \
		$(echo "$t" | sed "s|$base/||g") > "$W/base-build.log" 2>&1; then
		bRUN=$base/build/sysroot/bin/redox-run
	else
		say "bench: building $BASE failed (see $W/base-build.log): no before figures"
	fi
else
	say "bench: BENCH_BASE '${BASE}' is not a commit here: no before figures"
fi
# bprog ARCH NAME: the base tree's program, or – when there is none
bprog() { [ "$bRUN" != – ] && [ -f "$base/build/$1/bench/$2" ] && echo "$base/build/$1/bench/$2" || echo –; }
bfig() { if [ "$1" = – ]; then echo –; else shift; "$@"; fi; }

# --- musl reference (x86_64 host, static)
musl=– musl_total=– musl_text=– musl_data=– musl_bss=–
if command -v musl-gcc > /dev/null 2>&1; then
	musl-gcc -static -O2 -o "$W/musl-empty" bench/empty.c && musl=$W/musl-empty
	musl_total=$(host_insns "$musl")
	set -- $(sizes "$musl"); musl_text=$1 musl_data=$2 musl_bss=$3
else
	say "bench: musl-gcc missing (Debian musl-tools): no musl reference"
fi

{
echo "### Benchmark ($(date -u +%Y-%m-%d), redox-crt $(git describe --always --dirty 2>/dev/null || echo unknown))"
echo
echo "Machine: $machine. Instruction counts (\`redox-run --count-insns\` for guests, callgrind for the"
echo "musl program) and sizes are exact; times are the median of n interleaved runs with min–max,"
echo "and ratios compare with a reference timed in the same rounds. \"before\" is $BASE, built from git"
echo "in a scratch tree (main before issue 17)."
echo
echo "#### Empty program (\`int main(void){return 0;}\`, crt0 + freestanding runtime)"
echo
echo "| figure | arch | before | now | musl static (x86_64 host) | now/musl | goal |"
echo "|---|---|---|---|---|---|---|"
for a in $ARCHS; do
	p=$B/$a/bench/empty bp=$(bprog "$a" empty)
	set -- $(sizes "$p"); text=$1 data=$2 bss=$3
	if [ "$bp" != – ]; then set -- $(sizes "$bp"); else set -- – – –; fi
	btext=$1 bdata=$2 bbss=$3
	total=$(count_all "$RUN" "$p") btotal=$(bfig "$bp" count_all "$bRUN" "$bp")
	echo "| instructions \`_start\` → first instruction of \`main\` | $a | $(bfig "$bp" count_until "$bRUN" "$bp" main) | $(count_until "$RUN" "$p" main) | – | – | |"
	echo "| instructions \`_start\` → Exit syscall (whole run) | $a | $btotal | $total | $musl_total | $(ratio "$total" "$musl_total") | < 0.5× musl |"
	echo "| \`.text\` bytes | $a | $btext | $text | $musl_text | $(ratio "$text" "$musl_text") | ≤ 1024 |"
	echo "| \`.data\` bytes | $a | $bdata | $data | $musl_data | $(ratio "$data" "$musl_data") | |"
	echo "| \`.bss\` bytes | $a | $bbss | $bss | $musl_bss | $(ratio "$bss" "$musl_bss") | |"
done
echo
echo "Where the \`.text\` bytes go now (\`llvm-nm --size-sort\`, largest first):"
echo
for a in $ARCHS; do
	printf -- '- %s: ' "$a"
	$LLVM_NM --size-sort -S --radix=d "$B/$a/bench/empty" | awk '$3 ~ /^[tT]$/ && $2 + 0 > 0 {print $4, $2 + 0}' |
		sort -k2,2nr | awk '{printf "%s%s %d", (NR > 1 ? ", " : ""), $1, $2} END {print ""}'
done
echo
echo "#### Typed wrappers and the syscall path"
echo
echo "| figure | arch | before | now | goal |"
echo "|---|---|---|---|---|"
for a in $ARCHS; do
	p=$B/$a/bench/hello bp=$(bprog "$a" hello)
	echo "| instructions of \`redox_write\` (and what it calls) | $a | $(bfig "$bp" write_insns "$bp") | $(write_insns "$p") | ≤ 5 |"
	echo "| instructions in \`_start\` up to and including the call | $a | $(bfig "$bp" count_until "$bRUN" "$bp" relibc_start_v1) | $(count_until "$RUN" "$p" relibc_start_v1) | |"
done
if [ "${UNWIND:-llvm}" = llvm ]; then
echo
echo "#### Unwinder: LLVM libunwind vs the stubs (bench/unwind_bt.c)"
echo
echo "| figure | arch | LLVM libunwind | stubs | ratio |"
echo "|---|---|---|---|---|"
for a in $ARCHS; do
	l=$S/$a-unknown-redox/lib
	lt=$($LLVM_SIZE -t "$l/libunwind.a" | tail -n1 | awk '{print $1}')
	st=$($LLVM_SIZE -t "$l/libunwind_stubs.a" | tail -n1 | awk '{print $1}')
	echo "| \`.text\` bytes of the whole archive | $a | $lt | $st | $(ratio "$lt" "$st") |"
	set -- $(sizes "$B/$a/bench/unwind_bt-llvm"); lp=$1
	set -- $(sizes "$B/$a/bench/unwind_bt-stubs"); sp=$1
	echo "| \`.text\` bytes of the backtrace program (unwinder + runtime) | $a | $lp | $sp | $(ratio "$lp" "$sp") |"
	# From bench_bt_begin to bench_bt_end: the call, its 6 callbacks, the return.
	li=$(( $(count_until "$RUN" "$B/$a/bench/unwind_bt-llvm" bench_bt_end) - $(count_until "$RUN" "$B/$a/bench/unwind_bt-llvm" bench_bt_begin) ))
	si=$(( $(count_until "$RUN" "$B/$a/bench/unwind_bt-stubs" bench_bt_end) - $(count_until "$RUN" "$B/$a/bench/unwind_bt-stubs" bench_bt_begin) ))
	echo "| instructions of one \`_Unwind_Backtrace\` of 6 frames | $a | $li | $si | $(ratio "$li" "$si") |"
done
fi
echo
echo "#### redox-run start-up"
echo
echo "Time of one whole process from fork to exit. The floor is issue 17's bare-engine program"
echo "(\`bench/floor.c\`: Unicorn from Debian's \`libunicorn.a\`, \`uc_open\`, map, two nops,"
echo "\`uc_close\`) linked the default way (\`cc\`, PIE); \"floor as redox-run links it\" is the same"
echo "program with redox-run's link (non-PIE, x86 and arm64 engines only). Each redox-run row runs"
echo "the empty program; the variants are the steps from before to now, one change each."
echo
for a in $ARCHS; do
	e=$B/$a/bench/empty be=$(bprog "$a" empty)
	# name|command... (the command's words separated by spaces)
	set -- "musl static empty program (x86_64 host, the reference)|$musl" \
		"floor: static Unicorn, PIE, all engines|$BH/floor $a" \
		"floor as redox-run links it|$BH/floor-as-rr $a"
	[ "$be" != – ] && set -- "$@" "redox-run before ($BASE: shared libunicorn, old loader)|$bRUN $be"
	set -- "$@" "redox-run, shared libunicorn (now's code)|$BH/rr-shared $e" \
		"redox-run, static Unicorn, PIE, all 16 engines|$BH/rr-static-pie-all $e" \
		"redox-run, static Unicorn, PIE, x86 + arm64 engines|$BH/rr-static-pie $e" \
		"redox-run, static, non-PIE, x86 + arm64, engine torn down at exit|$BH/rr-teardown $e" \
		"redox-run now (static, non-PIE, x86 + arm64, no teardown)|$RUN $e"
	args= n=0
	for row in "$@"; do
		c=${row#*|}
		[ "$c" = – ] && continue
		args="$args${n:+ ---} $c"; n=$((n + 1))
	done
	# shellcheck disable=SC2086
	timeit "$RUNS" ${args# ---} > "$W/startup-$a.txt"
	echo "| $a | wall time, n=$RUNS | ÷ musl | ÷ floor | CPU time (user+sys) | ÷ floor | page faults |"
	echo "|---|---|---|---|---|---|---|"
	i=0 mref= fref= fcpu=
	for row in "$@"; do
		name=${row%%|*} c=${row#*|}
		[ "$c" = – ] && continue
		i=$((i + 1)); r=$(sed -n "${i}p" "$W/startup-$a.txt")
		set -- $r; wall=$1 fail=$4 cpu=$5 flt=$6
		case $name in musl*) mref=$wall ;; floor:*) fref=$wall fcpu=$cpu ;; esac
		note=
		[ "$fail" != 0 ] && note=" ($fail runs failed)"
		echo "| $name | $(ms "$r")$note | $(ratio "$wall" "${mref:-–}") | $(ratio "$wall" "${fref:-–}") | $(awk -v c="$cpu" 'BEGIN{printf "%.2f ms", c / 1000}') | $(ratio "$cpu" "${fcpu:-–}") | $flt |"
	done
	echo
done
echo "Goal (issue 17): redox-run now ≤ 1.3× the floor. Wall times suffer from whatever else the"
echo "machine runs; CPU time and page faults (the child's rusage, medians) much less."
echo
echo "#### redox-run throughput"
echo
echo "| figure | arch | before | now |"
echo "|---|---|---|---|"
for a in $ARCHS; do
	p=$B/$a/bench/loop n=$(count_all "$RUN" "$p") bp=$(bprog "$a" loop)
	if [ "$bp" != – ]; then
		r=$(timeit 3 "$RUN" "$p" --- "$RUN" --count-insns "$p" --- "$bRUN" "$bp")
	else
		r=$(timeit 3 "$RUN" "$p" --- "$RUN" --count-insns "$p")
	fi
	plain=$(echo "$r" | sed -n 1p | awk '{print $1}') counted=$(echo "$r" | sed -n 2p | awk '{print $1}')
	before=$(echo "$r" | sed -n 3p | awk -v n="$n" '$1 > 0 {printf "%.0f M/s", n / $1}')
	echo "| guest instructions per second, tight loop ($n instructions) | $a | ${before:-–} | $(awk -v n="$n" -v t="$plain" 'BEGIN{printf "%.0f M/s", n / t}') |"
	echo "| same with \`--count-insns\` | $a | – | $(awk -v n="$n" -v t="$counted" 'BEGIN{printf "%.0f M/s", n / t}') ($(ratio "$plain" "$counted") of the plain speed) |"
	# syscalls per second: the yield loop's time beyond an empty run's
	y=$B/$a/bench/yield by=$(bprog "$a" yield) be=$(bprog "$a" empty)
	ny=$(sed -n 's/^#define BENCH_YIELDS //p' bench/yield.c)
	if [ "$by" != – ]; then
		r=$(timeit 5 "$RUN" "$y" --- "$RUN" "$B/$a/bench/empty" --- "$bRUN" "$by" --- "$bRUN" "$be")
	else
		r=$(timeit 5 "$RUN" "$y" --- "$RUN" "$B/$a/bench/empty")
	fi
	rate() { awk -v n="$ny" -v a="$(echo "$r" | sed -n "$1p" | awk '{print $1}')" -v b="$(echo "$r" | sed -n "$2p" | awk '{print $1}')" \
		'BEGIN { if (a == "" || a <= b) print "–"; else printf "%.2f M/s", n / (a - b) }'; }
	echo "| guest syscalls per second (\`redox_yield\` loop of $ny, minus an empty run) | $a | $( [ "$by" != – ] && rate 3 4 || echo –) | $(rate 1 2) |"
	bh=$(bprog "$a" hello)
	if [ "$bh" != – ]; then
		r=$(timeit "$RUNS" "$RUN" "$B/$a/bench/hello" --- "$bRUN" "$bh")
		echo "| wall time of one hello run | $a | $(ms "$(echo "$r" | sed -n 2p)") | $(ms "$(echo "$r" | sed -n 1p)") |"
	else
		echo "| wall time of one hello run | $a | – | $(ms "$(timeit "$RUNS" "$RUN" "$B/$a/bench/hello")") |"
	fi
	# Guest memory (issue 14), measured by the guest (rrtest of tests/redox-run/e2e).
	rt=$B/test/redox-run/$a/rrtest
	if [ -x "$rt" ]; then
		echo "| fmap+funmap pairs per second (one page each) | $a | – | $("$RUN" "$rt" pairs 20000 | sed -n 's/^pairs_per_s //p')/s |"
		"$RUN" "$rt" live 10000 > "$W/live.out" 2>&1
		echo "| 10,000 live page mappings: time per fmap; then fmap+funmap pairs per second | $a | – | $(sed -n 's/^map_ns_per_call //p' "$W/live.out") ns; $(sed -n 's/^pairs_per_s //p' "$W/live.out")/s |"
	fi
done
echo
# relibc: its test suite and a relibc hello's start-up (bench/relibc.sh).
ARCHS="$ARCHS" sh bench/relibc.sh
echo "#### Suites and build"
echo
echo "| figure | value |"
echo "|---|---|"
# BENCH_BUILD_RUNS=0 leaves out the clean builds and the check-redox-run
# figures (they need the scratch tree those builds make).
src=$W/tree
[ "$BUILD_RUNS" -gt 0 ] || echo "| clean builds, check-redox-run | not measured (BENCH_BUILD_RUNS=0) |"
rm -rf "$src"; mkdir -p "$src"
[ "$BUILD_RUNS" -gt 0 ] &&
git ls-files -z | xargs -0 tar -cf - | tar -C "$src" -xf -
for mode in yes no; do
	[ "$BUILD_RUNS" -gt 0 ] || break
	t=$(i=0; while [ $i -lt "$BUILD_RUNS" ]; do
		rm -rf "$src/build"
		s=$(date +%s%N); make -C "$src" -j2 NODEPS=1 BUILTINS=$mode > "$W/build-$mode.log" 2>&1 || say "bench: build failed, see $W/build-$mode.log"
		e=$(date +%s%N); echo $(( (e - s) / 1000 )); i=$((i + 1))
	done | sort -n | fmt_s)
	echo "| clean \`make -j2\`, both arches, BUILTINS=$mode (cached source) | $t |"
done
# Cost per guest run of check-redox-run, in the scratch tree just built: one
# run with redox-run replaced by a counter (timeit --count) for the number of
# guest runs, one plain run for the time. The fuzz step is cut to 1 s.
sr=$src/build/sysroot/bin/redox-run
if [ -x "$sr" ]; then
	cp "$sr" "$sr.real" && rm -f "$W/runs"
	# The counting wrapper costs each run a shell; the timed run is separate.
	printf '#!/bin/sh\necho run >> "%s"\nexec "%s" "$@"\n' "$(pwd)/$W/runs" "$(pwd)/$sr.real" > "$W/rr-wrap"
	install -m 755 "$W/rr-wrap" "$sr"
	make -C "$src" NODEPS=1 RRT_CHECK_FUZZ_TIME=1 check-redox-run > "$W/suite-count.log" 2>&1
	nrun=$(wc -l < "$W/runs" 2>/dev/null || echo 0)
	install -m 755 "$sr.real" "$sr"
	s=$(date +%s%N); make -C "$src" NODEPS=1 RRT_CHECK_FUZZ_TIME=1 check-redox-run > "$W/suite-time.log" 2>&1
	e=$(date +%s%N); us=$(( (e - s) / 1000 ))
	echo "| \`make check-redox-run\` wall time (fuzz step cut to 1 s) | $(awk -v u="$us" 'BEGIN{printf "%.1f s", u / 1e6}') |"
	echo "| guest runs it makes (counted) | $nrun |"
	echo "| cost per guest run | $(awk -v u="$us" -v n="$nrun" 'BEGIN{ if (n > 0) printf "%.1f ms", u / n / 1000; else print "–" }') |"
fi
if [ -n "${E2E_SUITES:-}" ]; then
	echo "| wall time of the end-to-end suites ($E2E_SUITES) | $(i=0; while [ $i -lt "$SUITE_RUNS" ]; do s=$(date +%s%N); sh tests/lib/run-suites.sh $E2E_SUITES > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); i=$((i + 1)); done | sort -n | fmt_s) |"
fi
rm -rf "$src"
# relibc (make relibc): cold = what the build that filled the cache took
# (recorded in its KEY; BENCH_RELIBC_COLD=1 measures one now, in a private
# cache and work dir: minutes per target); cached = a whole second make relibc.
if [ -n "${RELIBC_SRC:-}" ]; then
	for a in $ARCHS; do
		d=$(head -n 1 "$B/relibc/$a.imported" 2>/dev/null)
		c=$(sed -n 's/^seconds //p' "$d/KEY" 2>/dev/null)
		[ -n "$c" ] && echo "| relibc build for $a, cold (cargo, headers, openlibm, symbols; when the cache was filled) | $c s |"
	done
	if [ "${BENCH_RELIBC_COLD:-0}" = 1 ]; then
		rm -rf "$W/relibc-cache" "$W/relibc-work"
		cb=$(ls "${REDOX_CRT_CACHE:-$HOME/.cache/redox-crt}"/cbindgen/*/cbindgen 2>/dev/null | head -n 1)
		t=$(us_runs 1 make --no-print-directory relibc REDOX_CRT_CACHE="$W/relibc-cache" \
			RELIBC_WORK="$W/relibc-work" ${cb:+CBINDGEN="$cb"} RELIBC_STAMP="$W/relibc.stamp" | fmt_s)
		echo "| \`make relibc\` cold, measured now ($ARCHS; cbindgen cached) | $t |"
		rm -rf "$W/relibc-cache" "$W/relibc-work"
	fi
	echo "| \`make relibc\` with the result cached ($ARCHS: hash, find, compare) | $(us_runs "$BUILD_RUNS" make --no-print-directory relibc | fmt_s) |"
fi
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"

# The latest copy goes into README.md between the bench markers.
if grep -q '^<!-- bench:start -->' README.md && grep -q '^<!-- bench:end -->' README.md; then
	awk -v f="$OUT" '
		/^<!-- bench:start -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
		/^<!-- bench:end -->/ { skip = 0 }
		!skip' README.md > README.md.tmp && mv README.md.tmp README.md
	say "bench: README.md updated (between the bench markers)"
fi

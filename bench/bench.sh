#!/bin/sh
# The benchmark behind `make bench` (issue 10). Instruction counts and sizes
# are exact; timings are medians of several runs with min and max. Nothing
# here fails on a figure: it measures and reports.
set -u
B=build S=build/sysroot RUN=build/sysroot/bin/redox-run
OUT=$B/bench.md
W=$B/bench/work
mkdir -p "$W"
RUNS=${BENCH_RUNS:-9}
BUILD_RUNS=${BENCH_BUILD_RUNS:-3}
SUITE_RUNS=${BENCH_SUITE_RUNS:-1}
: "${LLVM_OBJDUMP:=llvm-objdump-19}" "${LLVM_SIZE:=llvm-size-19}"

say() { printf '%s\n' "$*" >&2; }

# us_runs N CMD...: wall time of N runs in microseconds, sorted, one per line
us_runs() {
	_n=$1; shift; _i=0
	while [ $_i -lt "$_n" ]; do
		_s=$(date +%s%N); "$@" > /dev/null 2>&1; _e=$(date +%s%N)
		echo $(( (_e - _s) / 1000 )); _i=$((_i + 1))
	done | sort -n
}
# fmt_ms: "median ms (min–max)" from sorted microsecond lines on stdin
fmt_ms() { awk '{a[NR]=$1} END {printf "%.2f ms (%.2f–%.2f, n=%d)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000, NR}'; }
fmt_s()  { awk '{a[NR]=$1} END {printf "%.1f s (%.1f–%.1f, n=%d)", a[int((NR+1)/2)]/1e6, a[1]/1e6, a[NR]/1e6, NR}'; }
median() { awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "–"; else printf "%.2f×", a / b }'; }
count_until() { "$RUN" --count-until "$2" "$1" 2>&1 >/dev/null | sed -n "s/^redox-run: instructions until $2: //p" | head -n1; }
count_all() { "$RUN" --count-insns "$1" 2>&1 >/dev/null | sed -n 's/^redox-run: instructions: //p' | head -n1; }
# section sizes (decimal) of one binary: prints "text data bss"
sizes() {
	$LLVM_SIZE -A "$1" | awk '$1==".text"{t=$2} $1==".data"{d=$2} $1==".bss"{b=$2} END {printf "%d %d %d", t, d, b}'
}
# insns NAME FILE: instruction count of one function (static disassembly)
insns() {
	$LLVM_OBJDUMP -d --no-show-raw-insn --disassemble-symbols="$1" "$2" 2>/dev/null |
		grep -Ec '^ +[0-9a-f]+:[[:space:]]+[a-z]'
}
branches() {
	$LLVM_OBJDUMP -d --no-show-raw-insn --disassemble-symbols="$1" "$2" 2>/dev/null |
		grep -E '^ +[0-9a-f]+:' | grep -Ev 'syscall|svc|ret' | grep -Eo '(j[a-z]+|b\.[a-z]+|cbn?z|tbn?z|call[a-z]*|bl?)[[:space:]]+[^ ]+ <[^>]+>' | sed 's/.*<//; s/>//' | sort -u | tr '\n' ' '
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
machine="$(uname -m), ${cpu:-unknown CPU}, $(nproc) cores, Linux $(uname -r)"
say "bench: machine: $machine"

# --- musl reference (x86_64 host, static)
musl_total=– musl_text=– musl_data=– musl_bss=–
if command -v musl-gcc > /dev/null 2>&1 && command -v valgrind > /dev/null 2>&1; then
	musl-gcc -static -O2 -o "$W/musl-empty" bench/empty.c
	musl_total=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$W/musl-empty" 2>&1 |
		sed -n 's/.*Collected : *//p' | head -n1)
	set -- $(sizes "$W/musl-empty"); musl_text=$1 musl_data=$2 musl_bss=$3
else
	say "bench: musl-gcc or valgrind missing (Debian musl-tools, valgrind): no musl reference"
fi

{
echo "### Benchmark ($(date -u +%Y-%m-%d), redox-crt $(git describe --always --dirty 2>/dev/null || echo unknown))"
echo
echo "Machine: $machine. Instruction counts (\`redox-run --count-insns\`, callgrind for musl) and"
echo "sizes are exact; times are the median of n runs with min–max."
echo
echo "#### Empty program (\`int main(void){return 0;}\`, crt0 + freestanding runtime)"
echo
echo "| figure | arch | redox-crt | musl static (x86_64 host) | ratio | goal |"
echo "|---|---|---|---|---|---|"
for a in $ARCHS; do
	p=$B/$a/bench/empty
	to_main=$(count_until "$p" main)
	total=$(count_all "$p")
	set -- $(sizes "$p"); text=$1 data=$2 bss=$3
	echo "| instructions \`_start\` → first instruction of \`main\` | $a | $to_main | – | – | |"
	echo "| instructions \`_start\` → Exit syscall (whole run) | $a | $total | $musl_total | $(ratio "$total" "$musl_total") | < 0.5× musl |"
	echo "| \`.text\` bytes | $a | $text | $musl_text | $(ratio "$text" "$musl_text") | < 1024 |"
	echo "| \`.data\` bytes | $a | $data | $musl_data | $(ratio "$data" "$musl_data") | |"
	echo "| \`.bss\` bytes | $a | $bss | $musl_bss | $(ratio "$bss" "$musl_bss") | |"
done
echo
echo "#### \`_start\` itself and the syscall path"
echo
echo "| figure | arch | redox-crt | reference | ratio |"
echo "|---|---|---|---|---|"
for a in $ARCHS; do
	p=$B/$a/bench/empty
	t=$a-unknown-redox
	start_n=$(count_until "$p" relibc_start_v1)
	case $a in
	x86_64) ref="9 + relibc_crt0 wrapper (relibc crt0, redox-abi.md §2)"; refn=9 ;;
	aarch64) ref="3 + relibc_crt0 wrapper (relibc crt0, redox-abi.md §2)"; refn=3 ;;
	esac
	echo "| instructions executed in \`_start\` up to and including the call | $a | $start_n | $ref | $(ratio "$start_n" "$refn") vs the bare _start |"
	lib=$S/$t/lib/libredox_syscall.a
	s3=$(insns redox_syscall3 "$lib")
	echo "| instructions in \`redox_syscall3\` (straight line) | $a | $s3 | 3 (load number, trap, return) | $(ratio "$s3" 3) |"
	w=$(insns redox_write "$lib")
	calls=$(branches redox_write "$lib")
	wtotal=$w note=""
	case " $calls " in *" redox_syscall3 "*) wtotal=$((w + s3)); note=" (+ redox_syscall3)";; esac
	echo "| instructions in the \`redox_write\` wrapper$note | $a | $wtotal | 3 | $(ratio "$wtotal" 3) |"
done
echo
echo "#### redox-run"
echo
echo "| figure | arch | value |"
echo "|---|---|---|"
for a in $ARCHS; do
	p=$B/$a/bench/loop
	n=$(count_all "$p")
	plain=$(us_runs 3 "$RUN" "$p" | median)
	counted=$(us_runs 3 "$RUN" --count-insns "$p" | median)
	echo "| guest instructions per second, tight loop ($n instructions) | $a | $(awk -v n="$n" -v t="$plain" 'BEGIN{printf "%.0f M/s", n / t}') |"
	echo "| same with \`--count-insns\` | $a | $(awk -v n="$n" -v t="$counted" 'BEGIN{printf "%.0f M/s", n / t}') ($(ratio "$plain" "$counted") of the plain speed) |"
	echo "| wall time of one hello run | $a | $(us_runs "$RUNS" "$RUN" "$B/$a/bench/hello" | fmt_ms) |"
done
if [ -n "${E2E_SUITES:-}" ]; then
	echo "| wall time of the end-to-end suites ($E2E_SUITES) | both | $(us_runs "$SUITE_RUNS" sh tests/lib/run-suites.sh $E2E_SUITES | fmt_s) |"
fi
echo
echo "#### Build"
echo
echo "| figure | value |"
echo "|---|---|"
src=$W/tree
rm -rf "$src"; mkdir -p "$src"
git ls-files -z | xargs -0 tar -cf - | tar -C "$src" -xf -
for mode in yes no; do
	t=$(i=0; while [ $i -lt "$BUILD_RUNS" ]; do
		rm -rf "$src/build"
		s=$(date +%s%N); make -C "$src" -j2 NODEPS=1 BUILTINS=$mode > "$W/build-$mode.log" 2>&1 || echo "bench: build failed, see $W/build-$mode.log" >&2
		e=$(date +%s%N); echo $(( (e - s) / 1000 )); i=$((i + 1))
	done | sort -n | fmt_s)
	echo "| clean \`make -j2\`, both arches, BUILTINS=$mode (cached source) | $t |"
done
rm -rf "$src"
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

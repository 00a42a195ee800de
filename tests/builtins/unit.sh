#!/bin/sh
# SPDX-License-Identifier: MIT
# Run compiler-rt's own builtins unit tests (compiler-rt/test/builtins/Unit,
# same source package as the library) for one Redox target in redox-run.
#
#   unit.sh ARCH OUTDIR
#
# Environment (set by tests/builtins/part.mk): BI_UNIT (the Unit directory),
# BI_DIR (compiler-rt/lib/builtins), BI_ARCHIVE, BI_SHIM_OBJ, BI_CFLAGS (compile
# flags for ARCH), BI_LINK (link command; $out and $objs are substituted),
# REDOX_RUN, LLVM_AR, CLANG. Each test is classified from its lit header
# (REQUIRES/UNSUPPORTED/XFAIL) and what it includes or calls; runnable tests
# are built (two at a time) and each run is one PASS/FAIL line. Skips are
# counted by category in OUTDIR/skipped.txt and printed, never as passes.
set -u
export LC_ALL=C
. tests/lib/tap.sh

if [ "${1:-}" = --build-one ]; then
	# xargs worker: --build-one OUTDIR TEST
	out=$2/$3 src=$BI_UNIT/$3.c
	# binary128 tests on x86_64 need __float128 (BI_QUAD_FLAGS, part.mk).
	extra=
	grep -Eq 'CRT_HAS_TF_MODE|CRT_HAS_IEEE_TF|__float128' "$src" && extra=${BI_QUAD_FLAGS:-}
	# LLVM 19's atomic_test loads atomically from a const array; 16-byte
	# loads on ARMv8.0 are LDXP/STXP loops, which store, so the test faults on
	# read-only memory. Upstream fixed the test (llvm/llvm-project#113371,
	# PR #117628) by dropping the const; do the same here.
	if [ "$3" = atomic_test ]; then
		sed 's/^__attribute__((aligned(16))) static const char data\[\]/__attribute__((aligned(16))) static char data[]/' \
			"$src" > "$out.fixed.c"
		grep -q '^__attribute__((aligned(16))) static char data\[\]' "$out.fixed.c" || {
			echo "atomic_test.c changed upstream: re-check the #113371 fix" > "$out.build.log"; rm -f "$out"; exit 0; }
		src=$out.fixed.c
	fi
	cmd="$CLANG $BI_CFLAGS $extra -c $src -o $out.o; $BI_LINK"
	if [ -f "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "$BI_ARCHIVE" ] &&
	   [ "$out" -nt "$BI_SHIM_OBJ" ] && [ "$(cat "$out.cmd" 2>/dev/null)" = "$cmd" ]; then
		exit 0
	fi
	rm -f "$out" "$out.o"
	{ $CLANG $BI_CFLAGS $extra -c "$src" -o "$out.o" &&
	  objs="$out.o $BI_SHIM_OBJ $BI_ARCHIVE" && eval "$BI_LINK"; } > "$out.build.log" 2>&1 ||
		rm -f "$out"
	printf '%s' "$cmd" > "$out.cmd"
	exit 0
fi

arch=$1 dir=$2
triple=$arch-unknown-redox
mkdir -p "$dir"
T_TMP=$dir
skips=$dir/skips.raw
: > "$skips"
: > "$dir/run.list"

# Archive members by source base name: librt_has_<name> in lit terms.
members=" $($LLVM_AR t "$BI_ARCHIVE" | sed 's/\.[cS]\.o$//; s/\.o$//' | tr '\n' ' ') "

# lit_match PATTERN: does a lit "target=..." regex ({{re}} parts) match our triple?
lit_match() {
	re=$(printf '%s' "$1" | sed 's/{{//g; s/}}//g')
	printf '%s\n' "$triple" | grep -Eqx -- "$re"
}

# classify TEST: print a skip category, or nothing if the test can run.
classify() {
	f=$BI_UNIT/$1.c
	for req in $(sed -n 's|^// REQUIRES:||p' "$f" | tr ',&' '  '); do
		case $req in
		int128|c99-complex) ;;
		x86-target-arch) [ "$arch" = x86_64 ] || { echo "for another architecture (REQUIRES: <arch>-target-arch)"; return; } ;;
		*-target-arch) [ "$req" = "$arch-target-arch" ] || { echo "for another architecture (REQUIRES: <arch>-target-arch)"; return; } ;;
		librt_has_*)
			case $members in *" ${req#librt_has_} "*) ;;
			*) echo "tests a builtin this target's library does not have (ARM/PowerPC/x87 on aarch64)"; return ;;
			esac ;;
		# lit sets native-run only when tests run without an emulator.
		native-run) echo "REQUIRES: native-run, unset under an emulator (redox-run)"; return ;;
		*) echo "unknown lit feature '$req'"; return ;;
		esac
	done
	sed -n 's|^// UNSUPPORTED:||p' "$f" | tr ',' '\n' | while read -r u; do
		case $u in
		true) echo "upstream marks it UNSUPPORTED: true" ;;
		target=*) lit_match "${u#target=}" && echo "upstream UNSUPPORTED on this target" ;;
		esac
	done | head -n 1 | grep . && return
	sed -n 's|^// XFAIL:||p' "$f" | tr ',' '\n' | while read -r x; do
		case $x in
		'*') echo "upstream XFAIL: * (expected to fail everywhere)" ;;
		target=*) lit_match "${x#target=}" && echo "upstream XFAIL on this target" ;;
		esac
	done | head -n 1 | grep . && return
	h=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f" |
		grep -vxE 'stdio.h|stdlib.h|string.h|math.h|complex.h|fenv.h|assert.h|stdint.h|stddef.h|stdbool.h|float.h|limits.h|stdarg.h|inttypes.h' | head -n 1)
	[ -n "$h" ] && { echo "needs an OS header (<$h>)"; return; }
	grep -Eq '\b(logb|scalbn|fmax|cabs)[fl]?[[:space:]]*\(' "$f" &&
		{ echo "compares against libm (logb/scalbn/fmax/cabs), which a freestanding program lacks"; return; }
}

total=0
for f in "$BI_UNIT"/*_test.c; do
	t=$(basename "$f" .c)
	total=$((total + 1))
	why=$(classify "$t")
	if [ -n "$why" ]; then
		printf '%s\t%s\n' "$why" "$t" >> "$skips"
	else
		echo "$t" >> "$dir/run.list"
	fi
done

# Build every runnable test, two at a time (each link is independent).
xargs -P "${BI_JOBS:-2}" -n 1 sh tests/builtins/unit.sh --build-one "$dir" < "$dir/run.list"

while read -r t; do
	exe=$dir/$t
	if [ ! -f "$exe" ]; then
		fail "$arch unit $t" "did not build"
		sed 's/^/    /' "$exe.build.log" | head -15
		continue
	fi
	"$REDOX_RUN" "$exe" > "$exe.out" 2>&1
	rc=$?
	# A test whose body is #if'd out for this target prints "skipped" and
	# returns 0: that is a skip, not a pass.
	if [ "$rc" -eq 0 ] && grep -qi '^skipped' "$exe.out"; then
		printf '%s\t%s\n' "test body compiled out for this target (it prints 'skipped')" "$t" >> "$skips"
		echo "SKIP: $arch unit $t (prints 'skipped')"
		continue
	fi
	if [ "$rc" -eq 0 ]; then ok "$arch unit $t"; else
		fail "$arch unit $t" "exit status $rc in redox-run"
		sed 's/^/    /' "$exe.out" | head -15
	fi
done < "$dir/run.list"

nskip=$(wc -l < "$skips")
nrun=$((total - nskip))
{
	echo "# compiler-rt builtins unit tests for $triple: $total upstream tests, $nrun run, $nskip skipped"
	echo "# skipped, by category (count  category):"
	cut -f1 "$skips" | sort | uniq -c | sort -rn | sed 's/^ */  /'
	echo "# skipped tests:"
	sort "$skips" | sed 's/\t/: /; s/^/  /'
} > "$dir/skipped.txt"
echo "== $arch: $total upstream unit tests, $nrun run, $nskip skipped ($dir/skipped.txt):"
cut -f1 "$skips" | sort | uniq -c | sort -rn | sed 's/^ */   /'
summary

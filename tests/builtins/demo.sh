#!/bin/sh
# SPDX-License-Identifier: MIT
# demo.sh ARCH REDOX_EXE HOST_EXE OUTDIR: the demo built for Redox (-lgcc from
# our sysroot) must print, in redox-run, exactly what the host build prints.
set -u
export LC_ALL=C
. tests/lib/tap.sh
arch=$1 exe=$2 host=$3 dir=$4
mkdir -p "$dir"
T_TMP=$dir
"$host" > "$dir/expected.txt" 2>&1
check "$arch demo: host oracle ran" test $? -eq 0
${REDOX_RUN:-build/sysroot/bin/redox-run} "$exe" > "$dir/actual.txt" 2> "$dir/stderr.txt"
expect_eq "$arch demo: exit status 0 in redox-run" 0 $?
if diff -u "$dir/expected.txt" "$dir/actual.txt" > "$dir/diff.txt"; then
	ok "$arch demo: output matches the host's gcc+libgcc ($(wc -l < "$dir/expected.txt") lines)"
else
	fail "$arch demo: output differs from the host's" "see $dir/diff.txt"
	sed 's/^/    /' "$dir/diff.txt" | head -30
fi
expect_eq "$arch demo: the __dso_handle handler ran exactly once" 1 \
	"$(grep -c '^dso handler ran: once$' "$dir/actual.txt")"
# The work really went through our builtins.
$LLVM_NM "$exe" > "$dir/nm.txt"
syms="__udivti3 __divti3 __floatuntidf __fixunsdfti __fixdfti __atomic_compare_exchange_16 __dso_handle"
[ "$arch" = aarch64 ] && syms="${syms% __atomic_compare_exchange_16 __dso_handle} __dso_handle
__multf3 __addtf3 __subtf3 __divtf3 __floatuntitf __fixtfti __trunctfdf2 __extenddftf2 __lttf2
__aarch64_cas16_acq_rel __aarch64_cas4_acq_rel __aarch64_ldadd4_acq_rel __aarch64_swp8_acq
__aarch64_ldclr1_acq_rel __aarch64_ldeor2_rel __aarch64_ldset8_relax __aarch64_have_lse_atomics"
[ "$arch" = x86_64 ] && syms="$syms __floatuntixf __fixunsxfti __fixxfti"
missing=
for s in $syms; do grep -Eq " [TtDdBbRr] $s\$" "$dir/nm.txt" || missing="$missing $s"; done
expect_eq "$arch demo: linked the expected builtins from -lgcc" "" "$missing"
summary

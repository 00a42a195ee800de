#!/bin/sh
# The inspection must catch a _start that skips a duty: each mutant drops one
# line of crt0.S, and inspect.sh has to fail on it with the matching check.
# usage: tests/crt/mutants.sh ARCH LIBDIR WORKDIR
set -u
. tests/lib/tap.sh
arch=$1 lib=$2 work=$3
rm -rf "$work"; mkdir -p "$work"; T_TMP=$work
case $arch in
x86_64)
	triple=x86_64-unknown-redox
	mutants='xor	%ebp, %ebp|frame pointer zeroed
and	$-16, %rsp|sp aligned to 16
ldmxcsr	(%rsp)|ldmxcsr
fldcw	8(%rsp)|fldcw
lea	main(%rip), %rsi|main is argument 1
ud2|trap after the call
.cfi_undefined rip|FDE marks RIP undefined
endbr64|begins with endbr64' ;;
aarch64)
	triple=aarch64-unknown-redox
	mutants='mov	x29, #0|frame pointer x29 zeroed
mov	x30, #0|link register x30 zeroed
and	sp, x0, #~15|sp aligned to 16
msr	fpcr, xzr|FPCR reset to 0
udf	#0|trap after the call
.cfi_undefined x30|FDE marks W30 undefined
bti	c|begins with bti c' ;;
esac
i=0
echo "$mutants" | while IFS='|' read -r line check; do
	i=$((i + 1)); d=$work/m$i; mkdir -p "$d/lib"
	cp "$lib/crti.o" "$lib/crtn.o" "$d/lib/"
	# Drop exactly the first line whose text (tabs kept) is the mutated one.
	awk -v l="$line" '!done { t = $0; sub(/^[ \t]+/, "", t); if (t == l) { done = 1; next } }
		{ print }' crt/$arch/crt0.S > "$d/crt0.S"
	if cmp -s "$d/crt0.S" crt/$arch/crt0.S || [ "$(wc -l < "$d/crt0.S")" -ge "$(wc -l < crt/$arch/crt0.S)" ]; then
		fail "$arch mutant without '$line' was built" "line not found in crt/$arch/crt0.S"; continue
	fi
	$CLANG --target=$triple -Icrt/$arch -c "$d/crt0.S" -o "$d/lib/crt0.o" 2> "$d/as.err" ||
		{ fail "$arch mutant without '$line' assembles"; continue; }
	sh tests/crt/inspect.sh "$arch" "$d/lib" "$d/work" > "$d/out" 2>&1
	if grep -q "^FAIL: $arch: .*$check" "$d/out"; then
		ok "$arch: inspection catches a _start without '$line'"
	else
		fail "$arch: inspection catches a _start without '$line'" "no FAIL for '$check'"
		grep '^FAIL' "$d/out" | head -3 | sed 's/^/    /'
	fi
done > "$work/results"
cat "$work/results"
T_PASS=$(grep -c '^PASS' "$work/results"); T_FAIL=$(grep -c '^FAIL' "$work/results")
summary

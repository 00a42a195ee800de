#!/bin/sh
# Oracle nobody here wrote: nongnu libunwind walks the stack through our
# x86_64 _start, assembled for the Linux host (design.md "Tests", issue 2).
# The walk must end at _start with unw_step() == 0. Removing the
# `.cfi_undefined rip` line makes libunwind read argc as a return address and
# step into a bogus frame (toolchain-notes.md), which the negative case below
# shows on every run.
# usage: tests/crt/oracle.sh WORKDIR
set -u
. tests/lib/tap.sh
work=$1; mkdir -p "$work"; T_TMP=$work
HOSTCC=${HOST_CC:-cc}

check "host: assemble crt/x86_64/crt0.S for x86_64-linux" \
	$CLANG -c -Icrt/x86_64 crt/x86_64/crt0.S -o "$work/crt0-host.o"
check "host: link oracle with libunwind" \
	$HOSTCC -O1 -g -nostartfiles -no-pie -o "$work/oracle" "$work/crt0-host.o" tests/crt/unwind_oracle.c -lunwind
"$work/oracle" > "$work/oracle.out" 2>&1; rc=$?
sed 's/^/    /' "$work/oracle.out"
expect_eq "host: walk exits 0" 0 "$rc"
expect_grep "host: walk passes through main" '^frame [0-9]+: main$' "$work/oracle.out"
expect_grep "host: walk ends at _start with unw_step 0" '^last=_start step=0 ' "$work/oracle.out"

# Negative control: the same _start without the CFI line.
grep -v 'cfi_undefined' crt/x86_64/crt0.S > "$work/crt0-nocfi.S"
if grep -q cfi_undefined "$work/crt0-nocfi.S" || ! grep -q cfi_undefined crt/x86_64/crt0.S; then
	fail "host: negative control built" "could not remove the CFI line"
else
	$CLANG -c -Icrt/x86_64 "$work/crt0-nocfi.S" -o "$work/crt0-nocfi.o" &&
	$HOSTCC -O1 -g -nostartfiles -no-pie -o "$work/oracle-nocfi" "$work/crt0-nocfi.o" tests/crt/unwind_oracle.c -lunwind
	"$work/oracle-nocfi" > "$work/nocfi.out" 2>&1; rc=$?
	sed 's/^/    /' "$work/nocfi.out" | tail -3
	if [ "$rc" -ne 0 ] && ! grep -q '^last=_start step=0 ' "$work/nocfi.out"; then
		ok "host: without .cfi_undefined rip the walk does not end cleanly (exit $rc)"
	else
		fail "host: negative control" "walk still ended cleanly without the CFI line"
	fi
fi
summary

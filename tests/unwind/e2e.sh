# Sourced by tests/unwind/run.sh: backtraces and the stubs run in redox-run
# on each arch. Needs libredox_start.a, libredox_syscall.a and redox-run;
# if they cannot be built, that is a failed check, not a skipped one.
if ${MAKE:-make} --no-print-directory unwind-e2e-progs > "$work/e2e-build.out" 2>&1; then
	ok "e2e: build programs and redox-run"
	e2e_ok=1
else
	fail "e2e: build programs and redox-run" "make unwind-e2e-progs failed"
	sed 's/^/    /' "$work/e2e-build.out" | tail -10
	e2e_ok=0
fi
# Names of the text symbols libredox_start.a defines: the frames between
# main and _start must be the runtime's own.
for a in $ARCHS; do
	[ "$e2e_ok" = 1 ] || break
	prog=$work/$a/e2e_bt
	out=$work/$a/e2e_bt.out
	"$REDOX_RUN" "$prog" > "$out" 2> "$out.err"; rc=$?
	sed 's/^/    /' "$out" "$out.err"
	expect_eq "e2e: $a backtrace program exits 0 (its own CFA/fp checks)" 0 "$rc"
	expect_grep "e2e: $a backtrace ends with END_OF_STACK (5)" '^backtrace rc=5 frames=[0-9]+$' "$out"
	n=$(sed -n 's/^backtrace rc=[0-9]* frames=\([0-9]*\)$/\1/p' "$out")
	# Resolve each return address - 1 (inside the call) to its function.
	grep '^frame ' "$out" | sed 's/.* ip=0x\([0-9a-f]*\) .*/\1/' |
		while read -r ip; do printf '0x%x\n' $((0x$ip - 1)); done > "$work/$a/ips"
	$LLVM_SYMBOLIZER --obj="$prog" --functions=linkage --no-inlines < "$work/$a/ips" |
		awk 'NR % 3 == 1' > "$work/$a/funcs"
	expect_eq "e2e: $a one line per reported frame" "$n" "$(wc -l < "$work/$a/funcs" | tr -d ' ')"
	expect_eq "e2e: $a first six frames are bt_f5..bt_f1, main" "bt_f5 bt_f4 bt_f3 bt_f2 bt_f1 main" \
		"$(head -6 "$work/$a/funcs" | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "e2e: $a last frame is _start" "_start" "$(tail -1 "$work/$a/funcs")"
	# Between main and _start: only the runtime's functions, at least one
	# (relibc_start_v1 calls main; design.md "Freestanding start").
	$LLVM_NM --defined-only "$SYSROOT/$(triple $a)/lib/libredox_start.a" 2>/dev/null |
		awk '$2 ~ /^[Tt]$/ { print $3 }' | sort -u > "$work/$a/start-syms"
	sed -n '7,$p' "$work/$a/funcs" | sed '$d' > "$work/$a/middle"
	if [ -s "$work/$a/middle" ] && ! grep -vxF -f "$work/$a/start-syms" "$work/$a/middle" > /dev/null; then
		ok "e2e: $a frames between main and _start are libredox_start's ($(tr '\n' ' ' < "$work/$a/middle"| sed 's/ $//'))"
	else
		fail "e2e: $a frames between main and _start are libredox_start's" "got: $(tr '\n' ' ' < "$work/$a/middle")"
	fi
	expect_eq "e2e: $a frame count = 6 + runtime frames + _start" \
		"$((6 + $(wc -l < "$work/$a/middle") + 1))" "$n"
	expect_grep "e2e: $a a callback stop gives FATAL_PHASE1_ERROR (3) after 2 frames" \
		"^stopped rc=3 frames=2 of $n\$" "$out"
	expect_grep "e2e: $a raise/forced/rethrow return END_OF_STACK, delete runs cleanup once" \
		'^raise rc=5 forced rc=5 rethrow rc=5 cleanups=1$' "$out"
	expect_grep "e2e: $a getters give 0 outside a backtrace" \
		'^outside ip=0x0{16} cfa=0x0{16}$' "$out"

	prog=$work/$a/e2e_resume
	out=$work/$a/e2e_resume.out
	"$REDOX_RUN" "$prog" > "$out" 2> "$out.err"; rc=$?
	sed 's/^/    /' "$out" "$out.err"
	# __builtin_trap: ud2 (SIGILL, 128+4) on x86_64, brk (SIGTRAP, 128+5) on aarch64.
	case $a in x86_64) want=132 ;; *) want=133 ;; esac
	expect_eq "e2e: $a _Unwind_Resume traps (exit $want)" "$want" "$rc"
	expect_grep "e2e: $a _Unwind_Resume explains itself on stderr" \
		"^redox-crt: _Unwind_Resume called but this program links redox-crt's unwind stubs \\(no exception propagation\\); aborting\$" "$out.err"
	expect_grep "e2e: $a program ran up to the call" '^before resume$' "$out"
	expect_no_grep "e2e: $a _Unwind_Resume did not return" 'resume returned' "$out"
done

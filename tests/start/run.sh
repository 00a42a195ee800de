#!/bin/sh
# Freestanding runtime, end to end in redox-run (issue 5): order of the
# start/exit contract, arguments/environment/auxv, call-ABI and FP state in
# main and in a constructor, exit statuses, and a missing AT_REDOX_PROC_FD.
# Runs each case under both auxv layouts (redox-abi.md §1: relibc R0 =
# --abi=2026-01, RH = --abi=2026-08).
# usage: tests/start/run.sh ARCH BINDIR WORKDIR
set -u
. tests/lib/tap.sh
arch=$1 bin=$2 work=$3
mkdir -p "$work"; T_TMP=$work
RUN=${REDOX_RUN:-build/sysroot/bin/redox-run}

# run NAME ABI PROG ARGS... -> $work/NAME.out, .err, .rc
run() {
	_n=$1 _abi=$2; shift 2
	"$RUN" --abi="$_abi" "$@" > "$work/$_n.out" 2> "$work/$_n.err"
	echo $? > "$work/$_n.rc"
}
rc_of() { cat "$work/$1.rc"; }
same_file() { # NAME EXPECTED ACTUAL
	if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "output differs:"; diff "$2" "$3" | head -20 | sed 's/^/    /'; fi
}

for abi in 2026-01 2026-08; do
	t="$arch $abi"
	# --- order transcript, returning from main, calling exit, calling _Exit
	sed 's/ARGC/1/' tests/start/order.expected > "$work/order1.exp"
	sed 's/ARGC/2/' tests/start/order.expected > "$work/order2.exp"
	sed -n '1,/^main argc/p' "$work/order2.exp" > "$work/order_Exit.exp"
	run order-$abi "$abi" "$bin/order"
	same_file "$t: start/exit order transcript (return from main)" "$work/order1.exp" "$work/order-$abi.out"
	expect_eq "$t: main's return value 7 is the exit status" 7 "$(rc_of order-$abi)"
	run order-exit-$abi "$abi" "$bin/order" exit
	same_file "$t: exit(7) from main gives the same transcript" "$work/order2.exp" "$work/order-exit-$abi.out"
	expect_eq "$t: exit(7) status" 7 "$(rc_of order-exit-$abi)"
	run order-_Exit-$abi "$abi" "$bin/order" _Exit
	same_file "$t: _Exit skips atexit, fini_array, destructors and _fini" "$work/order_Exit.exp" "$work/order-_Exit-$abi.out"
	expect_eq "$t: _Exit(9) status" 9 "$(rc_of order-_Exit-$abi)"

	# --- arguments and environment
	run args-$abi "$abi" "$bin/probe" args
	printf 'argc=2\nargv: %s\nargv: args\nenviron == envp\n' "$bin/probe" > "$work/args.exp"
	same_file "$t: one argument, empty environment" "$work/args.exp" "$work/args-$abi.out"
	set -- args "" "with space" "ünïcode" '$x*'
	i=0; while [ $i -lt 60 ]; do set -- "$@" "arg$i"; i=$((i + 1)); done
	envargs=; i=0
	while [ $i -lt 200 ]; do envargs="$envargs -E VAR$i=value-$i-$(printf '%0100d' $i)"; i=$((i + 1)); done
	run many-$abi "$abi" $envargs "$bin/probe" "$@"
	{ echo "argc=$(($# + 1))"; echo "argv: $bin/probe"; for a in "$@"; do echo "argv: $a"; done
	  i=0; while [ $i -lt 200 ]; do echo "env: VAR$i=value-$i-$(printf '%0100d' $i)"; i=$((i + 1)); done
	  echo "environ == envp"; } > "$work/many.exp"
	same_file "$t: 65 arguments (empty, spaces, UTF-8) and 200 variables in order" "$work/many.exp" "$work/many-$abi.out"

	# --- auxv
	run auxv-$abi "$abi" "$bin/probe" auxv
	printf '%s\n' "auxv 41 PROC_FD found, upper-table fd" "auxv 42 THR_FD found, upper-table fd" \
		"AT_PHDR points at this program's headers" "AT_ENTRY set" > "$work/auxv.exp"
	same_file "$t: auxv keys 41, 42 found; AT_PHDR is the real program headers" "$work/auxv.exp" "$work/auxv-$abi.out"

	# --- call ABI and FP control in a constructor and in main; redox-run
	# starts the program with non-default MXCSR/FCW/FPCR and garbage in fp.
	run abi-$abi "$abi" "$bin/probe" abi
	printf '%s\n' "constructor: sp aligned 16, frame chain ends at 0, fp control default" \
		"main: sp aligned 16, frame chain ends at 0, fp control default" > "$work/abi.exp"
	same_file "$t: sp alignment, frame chain and FP control in constructor and main" "$work/abi.exp" "$work/abi-$abi.out"
	# Both arg counts, so sp starts 8 mod 16 in one of them.
	run abi2-$abi "$abi" "$bin/probe" abi x
	same_file "$t: same with an extra argument (other sp parity)" "$work/abi.exp" "$work/abi2-$abi.out"

	# redox-run's own call-ABI check at main's first instruction.
	run checkabi-$abi "$abi" --check-abi "$bin/probe" return 0
	expect_eq "$t: redox-run --check-abi at main passes" 0 "$(rc_of checkabi-$abi)"

	# --- exit statuses
	for how in return exit _Exit; do
		for st in 0 1 42 255 259; do
			run st-$how-$st-$abi "$abi" "$bin/probe" "$how" "$st"
			expect_eq "$t: $how $st -> status $((st & 255))" $((st & 255)) "$(rc_of st-$how-$st-$abi)"
			if [ "$how" = _Exit ]; then
				expect_no_grep "$t: _Exit $st skips atexit" 'atexit handler ran' "$work/st-$how-$st-$abi.out"
			else
				expect_grep "$t: $how $st runs atexit" '^atexit handler ran$' "$work/st-$how-$st-$abi.out"
			fi
		done
	done

	# --- no AT_REDOX_PROC_FD: a message and a trap, not a hang
	run noproc-$abi "$abi" --drop-auxv 41 --max-insns 1000000 "$bin/probe" return 0
	r=$(rc_of noproc-$abi)
	case $r in 132|133) ok "$t: missing proc fd traps (status $r)" ;;
	*) fail "$t: missing proc fd traps" "status $r"; sed 's/^/    /' "$work/noproc-$abi.err" | head -5 ;; esac
	expect_grep "$t: missing proc fd message on fd 2" 'no AT_REDOX_PROC_FD \(41\)' "$work/noproc-$abi.err"
	expect_eq "$t: nothing on stdout before the trap" "" "$(cat "$work/noproc-$abi.out")"
done

# --- the ABI note libredox_start.a puts in every freestanding program
# (docs/abi-note.md), byte for byte: namesz 10, descsz 8, type 1,
# "redox-crt\0" padded to 12, then the ABI of the syscall table it was built
# with (written by hand: redox_syscall 0.6.0 is 2026-01's, 0.9.x 2026-08's).
case ${SYSCALL_VERSION:-0.6.0} in
0.6.0) want=2026-01 ;;
0.9.*) want=2026-08 ;;
*) want=unknown ;;
esac
OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-19}
rm -f "$work/abi.note"
"$OBJCOPY" --dump-section .note.redox-crt.abi="$work/abi.note" "$bin/order" "$work/order.copy" 2> "$work/abi.note.err"
expect_eq "$arch: the program carries the redox-crt ABI note for SYSCALL_VERSION ${SYSCALL_VERSION:-0.6.0} ($want)" \
	"0a000000 08000000 01000000 7265646f 782d6372 74000000 $(printf '%s' "$want" | od -An -tx1 | tr -d ' \n' | sed 's/\(........\)/\1 /')00" \
	"$(od -An -tx1 "$work/abi.note" 2>/dev/null | tr -d ' \n' | sed 's/\(........\)/\1 /g; s/ $//')"
summary

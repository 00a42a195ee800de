#!/bin/sh
# Guest threads in redox-run (docs/redox-run-threads.md): relibc pthread
# programs (tests/redox-run/threads/threads.c, one mode per case) run in
# redox-run --abi=2026-08 on every arch; stdout is compared with the
# hand-written MODE.out, exit statuses and stderr lines with the values the
# emulator documents (123 deadlock, 139 SIGSEGV naming the thread). Without
# relibc in RELIBC_SYSROOT every case is counted and printed as skipped.
# usage: threads.sh REDOX_RUN OUTDIR "ARCHS" CRT_SYSROOT RELIBC_SYSROOT
# env: CLANG, LD_LLD, LLVM_NM (default clang-19, ld.lld-19, llvm-nm-19)
set -u
RR=$1 OUT=$2 ARCHS=$3 CRT=$4 RELIBC=$5
SRC=tests/redox-run/threads
. tests/lib/tap.sh
. tests/lib/relibc-prog.sh
T_TMP=$OUT/tmp
mkdir -p "$T_TMP" "$OUT/empty-sysroot" "$T_TMP/root"
o=$T_TMP/out e=$T_TMP/err

OUT_MODES="create-join mutex condvar tls exit detached preempt pipe timed main-exit futex limit"

# run NAME STATUS redox-run-args...: stdout in $o, stderr in $e.
run() {
	_n=$1 _want=$2; shift 2
	"$RR" --abi=2026-08 --root "$T_TMP/root" --timeout 120 "$@" > "$o" 2> "$e"
	_rc=$?
	if [ "$_rc" = "$_want" ]; then ok "$_n: exit $_want"; else
		fail "$_n: exit status" "expected $_want, got $_rc"; sed 's/^/    /' "$e" | head -12
	fi
}
same() {  # same NAME EXPECTED-FILE ACTUAL-FILE
	if cmp -s "$2" "$3"; then ok "$1"; else
		fail "$1" "differs from $2"; diff "$2" "$3" | head -20 | sed 's/^/    /'
	fi
}

for a in $ARCHS; do
	triple=$a-unknown-redox
	if ! relibc_present "$RELIBC" "$triple"; then
		skip "$a threads: no relibc in $RELIBC/$triple (make relibc imports it)"
		continue
	fi
	P=$OUT/$a/threads
	mkdir -p "$OUT/$a"
	if ! relibc_prog "$RELIBC" "$triple" "$CRT" "$SRC/threads.c" "$P" "$OUT/empty-sysroot" \
		2> "$T_TMP/cc.log"; then
		fail "$a build threads" "compile or link failed"; sed 's/^/    /' "$T_TMP/cc.log" | head -20
		continue
	fi
	for m in $OUT_MODES; do
		run "$a $m" 0 "$P" $m
		if [ $m = tls ] && [ $a = aarch64 ]; then
			# relibc dadb4375 ld_so static_init gives the TLS master the
			# offset p_memsz rounded up to p_align, which copy_masters uses
			# as-is on aarch64, while the code reads the block at tp+16: every
			# thread (main too) starts with zeroes there, on Redox as here.
			grep -v '^init:' "$SRC/$m.out" > "$T_TMP/want"; grep -v '^init:' "$o" > "$T_TMP/got"
			same "$a $m: stdout (distinct copies)" "$T_TMP/want" "$T_TMP/got"
			skip "$a $m: initial values" "relibc dadb4375 copies the aarch64 TLS image to the wrong offset"
		else
			same "$a $m: stdout" "$SRC/$m.out" "$o"
		fi
		expect_eq "$a $m: stderr empty" "" "$(cat "$e")"
	done

	run "$a exit-process" 7 "$P" exit-process
	same "$a exit-process: stdout" "$SRC/exit-process.out" "$o"

	# Scheduling is deterministic: the same program twice runs the same
	# instructions (the mutex case reads no clock).
	"$RR" --abi=2026-08 --root "$T_TMP/root" --count-insns "$P" mutex > /dev/null 2> "$T_TMP/n1"
	"$RR" --abi=2026-08 --root "$T_TMP/root" --count-insns "$P" mutex > /dev/null 2> "$T_TMP/n2"
	n1=$(grep -o 'instructions: [0-9]*' "$T_TMP/n1") n2=$(grep -o 'instructions: [0-9]*' "$T_TMP/n2")
	if [ -n "$n1" ] && [ "$n1" = "$n2" ]; then ok "$a mutex: deterministic ($n1)"; else
		fail "$a mutex: deterministic" "'$n1' then '$n2'"; fi

	# --strace names the thread a syscall leaves waiting or ends.
	run "$a create-join --strace" 0 --strace "$P" create-join
	expect_grep "$a strace: a thread waits in a futex" '^\[strace\] futex\(.*\) = \? \(thread [0-9]+ waits\)$' "$e"
	expect_grep "$a strace: thread 6 exits" '^\[strace\] write\(.*\) = \? \(thread 6 exits\)$' "$e"

	for d in deadlock-join deadlock-cond; do
		run "$a $d" 123 "$P" $d
		expect_grep "$a $d: says deadlock" "^redox-run: $P: deadlock: all 2 threads wait and none can be woken:\$" "$e"
		expect_grep "$a $d: thread 1 waits" '^redox-run:   thread 1: futex WAIT on 0x[0-9a-f]+ \(value [0-9]+\)$' "$e"
		expect_grep "$a $d: thread 2 waits" '^redox-run:   thread 2: futex WAIT on 0x[0-9a-f]+ \(value [0-9]+\)$' "$e"
		expect_eq "$a $d: nothing on stdout" "" "$(cat "$o")"
	done

	run "$a fault" 139 "$P" fault
	expect_grep "$a fault: names thread 2 and the address" \
		"^redox-run: $P: thread 2: SIGSEGV: read from unmapped memory at 0x10[ ,]" "$e"
	expect_grep "$a fault: in faulter" '<faulter\+0x[0-9a-f]+>$' "$e"
done
summary

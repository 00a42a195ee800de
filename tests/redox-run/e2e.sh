#!/bin/sh
# End-to-end tests of redox-run: rrtest (tests/redox-run/e2e) built for each
# arch, run under redox-run; then bad ELF inputs; then a bounded fuzz run.
# usage: e2e.sh REDOX_RUN OUTDIR "ARCHS" FUZZER FUZZ_SECONDS
set -u
RR=$1 OUT=$2 ARCHS=$3 FUZZER=$4 FUZZ_TIME=$5
NM=${LLVM_NM:-llvm-nm-19}
. tests/lib/tap.sh
T_TMP=$OUT/tmp
mkdir -p "$T_TMP"
o=$T_TMP/out e=$T_TMP/err

# run NAME EXPECTED_STATUS redox-run-args...: stdout in $o, stderr in $e.
run() {
	_n=$1 _want=$2; shift 2
	"$RR" "$@" > "$o" 2> "$e"
	_rc=$?
	if [ "$_rc" = "$_want" ]; then ok "$_n: exit $_want"; else
		fail "$_n: exit status" "expected $_want, got $_rc"; sed 's/^/    /' "$e" | head -8
	fi
}
sym() { "$NM" "$1" | awk -v s="$2" '$3 == s { print $1 }' | sed 's/^0*//'; }

for a in $ARCHS; do
	P=$OUT/$a/rrtest
	run "$a hello" 0 "$P" hello
	expect_eq "$a hello: stdout" "hello, redox" "$(cat "$o")"
	for s in 0 1 42 255; do run "$a exit $s" "$s" "$P" exit "$s"; done
	run "$a exit 263 is status & 0xff" 7 "$P" exit 263
	run "$a argv/env" 0 -E A=1 -E 'B=two words' -E A=3 -u NONE "$P" args 'x y' ''
	printf '%s\n' "$P" args 'x y' '' --env-- 'B=two words' A=3 > "$T_TMP/want"
	check "$a argv/env round trip" cmp "$T_TMP/want" "$o"
	run "$a env empty by default" 0 "$P" args
	expect_eq "$a env empty by default: no variables" "--env--" "$(tail -n 1 "$o")"

	# redox-abi.md §1 auxv order, R0 (default) and RH (--abi=2026-08).
	run "$a auxv R0" 0 --cwd /somewhere "$P" auxv
	expect_eq "$a auxv R0 order" "41 42 40 36 34 33 32 4 5 3 9 0" "$(awk '{printf "%s%s", s, $1; s=" "}' "$o")"
	expect_grep "$a auxv R0 PROC_FD upper-tagged" '^41 0x4000000000000001$' "$o"
	expect_grep "$a auxv CWD_LEN of /somewhere" '^33 0x000000000000000a$' "$o"
	expect_grep "$a auxv R0 AT_PHDR in its own mapping" '^3 0x0000700000000040$' "$o"
	run "$a auxv RH" 0 --abi=2026-08 "$P" auxv
	expect_eq "$a auxv RH order" "45 44 43 41 42 40 36 34 33 32 4 5 3 9 0" "$(awk '{printf "%s%s", s, $1; s=" "}' "$o")"
	phdr=$(awk '$1 == 3 { print $2 }' "$o" | sed 's/^0x0*//')
	ehdr=$("$RR" "$P" ehdr | sed 's/^0x0*//')
	expect_eq "$a auxv RH AT_PHDR is in the image" "$(printf '%x' $((0x$ehdr + 64)))" "$phdr"
	run "$a --drop-auxv" 0 --drop-auxv 40 --drop-auxv=36 "$P" auxv
	expect_eq "$a --drop-auxv order" "41 42 34 33 32 4 5 3 9 0" "$(awk '{printf "%s%s", s, $1; s=" "}' "$o")"

	# Entry registers: garbage everywhere except the §1 facts.
	run "$a entry registers" 0 "$P" regs
	start=$(sym "$P" _start)
	if [ "$a" = x86_64 ]; then
		expect_grep "$a rax = 0" '^rax=0x0{16}$' "$o"
		expect_eq "$a rcx = entry" "$start" "$(sed -n 's/^rcx=0x0*//p' "$o")"
		expect_grep "$a r11 = rflags" '^r11=0x0000000000000202$' "$o"
		expect_grep "$a MXCSR not default" '^mxcsr=0x000000000000ffc0$' "$o"
		expect_grep "$a FCW not default" '^fcw=0x0000000000000272$' "$o"
		garbage=$(grep -Ev '^(rax|rcx|rsp|r11|mxcsr|fcw|tp)=' "$o")
		sp=$(sed -n 's/^rsp=//p' "$o")
	else
		expect_grep "$a x0 = 0" '^x0=0x0{16}$' "$o"
		expect_grep "$a FPCR not default" '^fpcr=0x0000000001c00000$' "$o"
		garbage=$(grep -Ev '^(x0|sp|fpcr|tp)=' "$o")
		sp=$(sed -n 's/^sp=//p' "$o")
	fi
	expect_eq "$a thread pointer 0" "tp=0x0000000000000000" "$(grep '^tp=' "$o")"
	n=$(printf '%s\n' "$garbage" | wc -l)
	distinct=$(printf '%s\n' "$garbage" | cut -d= -f2 | grep -v '^0x0000000000000000$' | sort -u | wc -l)
	expect_eq "$a other registers non-zero and distinct ($n)" "$n" "$distinct"
	# argc 2, envc 0, 12 auxv pairs: 1+3+1+24 = 29 words, odd, so sp = 8 mod 16.
	expect_eq "$a sp parity, odd word count" 8 $((sp % 16))
	run "$a entry registers, even" 0 "$P" regs extra
	sp=$(sed -n 's/^r\{0,1\}sp=//p' "$o")
	expect_eq "$a sp parity, even word count" 0 $((sp % 16))

	run "$a regs/env thread pointer" 0 "$P" tp
	expect_no_grep "$a regs/env checks" '^FAIL' "$o"
	run "$a fmap/funmap/mprotect" 0 "$P" mem
	expect_no_grep "$a memory checks" '^FAIL' "$o"
	run "$a clocks" 0 "$P" clock
	expect_no_grep "$a clock checks" '^FAIL' "$o"
	run "$a syscall clobbers" 0 "$P" clobber
	expect_no_grep "$a clobber checks" '^FAIL' "$o"
	# Host fds 3, 4, 5 and 9 open (files for writing, one for reading):
	# none of them may reach the guest.
	printf 'host data\n' > "$T_TMP/hostfd-in"
	run "$a host fds stay out of the guest" 0 "$P" hostfd 3> "$T_TMP/hostfd-3" 4< "$T_TMP/hostfd-in" \
		5> "$T_TMP/hostfd-5" 9> "$T_TMP/hostfd-9"
	expect_no_grep "$a host fds: every use of guest fds 3..9 is EBADF" '^FAIL' "$o"
	expect_eq "$a host fds: nothing written to host fds 3, 5, 9" "0 0 0" \
		"$(cat "$T_TMP/hostfd-3" | wc -c) $(cat "$T_TMP/hostfd-5" | wc -c) $(cat "$T_TMP/hostfd-9" | wc -c)"
	run "$a getppid" 0 "$P" ppid
	expect_eq "$a getppid value" 1 "$(cat "$o")"
	run "$a unknown syscall" 0 --strace "$P" enosys
	expect_eq "$a unknown syscall returns -ENOSYS" -38 "$(cat "$o")"
	expect_grep "$a --strace shows ENOSYS" '^\[strace\] 0x12345\(0x1, 0x2, 0x3, 0x4, 0x5, 0x[0-9a-f]+\) = -38 ENOSYS$' "$e"
	expect_grep "$a --strace shows write" '^\[strace\] write\(0x1, 0x[0-9a-f]+, 0x3, .*\) = 3$' "$e"
	expect_grep "$a --strace shows exit" '^\[strace\] call\(0x4000000000000001, .*\) = \? \(exit 0\)$' "$e"

	run "$a futex deadlock" 123 "$P" futex
	expect_no_grep "$a futex checks" '^FAIL' "$o"
	expect_grep "$a deadlock message" 'deadlock: futex WAIT on 0x[0-9a-f]+ \(value 5\)' "$e"

	fs=$(sym "$P" fault_store)
	off=0; [ "$a" = aarch64 ] && off=4
	run "$a mprotect then write" 139 --count-insns "$P" protfault
	expect_grep "$a first store allowed" '^first store ok$' "$o"
	expect_grep "$a SIGSEGV with exact pc" "SIGSEGV: write to non-writable memory at 0x[0-9a-f]+, pc 0x$(printf '%x' $((0x$fs + off))) <fault_store\\+0x$off>" "$e"
	run "$a mprotect then write, no hook" 139 "$P" protfault
	expect_grep "$a SIGSEGV symbolized" 'SIGSEGV: .*<fault_store\+0x[0-9a-f]+>' "$e"
	run "$a invalid instruction" 132 "$P" ill
	expect_grep "$a SIGILL pc" "SIGILL: .*pc 0x$(sym "$P" trap_insn) <trap_insn\\+0x0>" "$e"
	run "$a breakpoint" 133 "$P" brk
	expect_grep "$a SIGTRAP pc" "SIGTRAP: .*<brk_insn\\+0x0>" "$e"
	run "$a --max-insns stops a loop" 124 --max-insns 5000 --count-insns "$P" spin
	expect_grep "$a --max-insns message" 'stopped after 5000 instructions .*at pc 0x' "$e"
	expect_grep "$a --count-insns at stop" '^redox-run: instructions: 5000$' "$e"
	run "$a --count-until/--check-abi" 0 --count-insns --count-until main --check-abi "$P" hello
	expect_grep "$a --count-until prints" '^redox-run: instructions until main: [1-9][0-9]*$' "$e"
	expect_grep "$a --check-abi ok" '^redox-run: check-abi: ok: ' "$e"
	until=$(sed -n 's/^redox-run: instructions until main: //p' "$e")
	total=$(sed -n 's/^redox-run: instructions: //p' "$e")
	expect_eq "$a _start->main < _start->Exit" 1 $((until < total))
	run "$a --check-abi violation" 122 --check-abi "$OUT/$a/rrtest-misaligned" hello
	expect_grep "$a --check-abi names sp" 'check-abi: VIOLATION at main: sp 0x[0-9a-f]+ is [0-9]+ mod 16' "$e"
	run "$a --count-until unknown symbol" 125 --count-until no_such_symbol "$P" hello
	expect_grep "$a unknown symbol message" 'no_such_symbol: no such symbol' "$e"

	# The ABI note (docs/abi-note.md): without --abi, redox-run starts the
	# program with the ABI its note names; the auxv order shows which
	# (redox-abi.md §1: R0 for 2026-01, RH with the three new fds for 2026-08).
	r0="41 42 40 36 34 33 32 4 5 3 9 0" rh="45 44 43 41 42 40 36 34 33 32 4 5 3 9 0"
	auxv_order() { awk '{printf "%s%s", s, $1; s=" "}' "$o"; }
	run "$a no note: 2026-01" 0 "$P" auxv
	expect_eq "$a no note: R0 auxv" "$r0" "$(auxv_order)"
	run "$a note 2026-08" 0 "$OUT/$a/rrtest-note-08" auxv
	expect_eq "$a note 2026-08 without --abi: RH auxv" "$rh" "$(auxv_order)"
	run "$a note 2026-08, --abi=2026-01 wins" 0 --abi=2026-01 "$OUT/$a/rrtest-note-08" auxv
	expect_eq "$a --abi=2026-01 overrides the note: R0 auxv" "$r0" "$(auxv_order)"
	run "$a note names an unknown ABI" 125 "$OUT/$a/rrtest-note-unknown" hello
	expect_grep "$a unknown ABI note: message names the ABI and the fix" \
		"rrtest-note-unknown: its redox-crt ABI note names ABI '2031-13', which this redox-run does not emulate; fix: run it with --abi=2026-01 or --abi=2026-08" "$e"
	expect_eq "$a unknown ABI note: nothing ran" "" "$(cat "$o")"
	run "$a unknown ABI note, --abi given" 0 --abi=2026-08 "$OUT/$a/rrtest-note-unknown" hello
	expect_eq "$a unknown ABI note, --abi given: runs" "hello, redox" "$(cat "$o")"
	run "$a malformed note" 126 "$OUT/$a/rrtest-note-nonul" hello
	expect_grep "$a malformed note: message" 'rrtest-note-nonul: its redox-crt ABI note is malformed \(8-byte description' "$e"
	run "$a two notes that disagree" 126 "$OUT/$a/rrtest-note-two" hello
	expect_grep "$a two notes: message names both" "two redox-crt ABI notes that disagree \('2026-01' and '2026-08'\)" "$e"
	run "$a note past its segment is not read" 0 "$OUT/$a/rrtest-note-huge" auxv
	expect_eq "$a note past its segment: default R0 auxv" "$r0" "$(auxv_order)"
	run "$a redox-crt note of another type is not the ABI note" 0 "$OUT/$a/rrtest-note-type2" auxv
	expect_eq "$a note type 2: default R0 auxv" "$r0" "$(auxv_order)"
	expect_eq "$a rrtest-note-align8: its note is in an 8-aligned PT_NOTE" 0x8 \
		"$(${LLVM_READELF:-llvm-readelf-19} -lW "$OUT/$a/rrtest-note-align8" | awk '$1 == "NOTE" { print $NF }' | sort -u | tr '\n' ' ' | sed 's/ $//')"
	run "$a note 2026-08 padded to 8" 0 "$OUT/$a/rrtest-note-align8" auxv
	expect_eq "$a 8-aligned note 2026-08 without --abi: RH auxv" "$rh" "$(auxv_order)"
done

# Bad inputs: each gets one clear line and its exit status (126/127).
P=$OUT/$(echo $ARCHS | cut -d' ' -f1)/rrtest
B=$T_TMP/bad
mkdir -p "$B"
patch() { cp "$P" "$B/$1"; printf "$3" | dd of="$B/$1" bs=1 seek=$2 conv=notrunc 2>/dev/null; }
head -c 40 "$P" > "$B/truncated"
head -c 300 "$P" > "$B/truncated-phdrs"
patch 32bit 4 '\001'
patch etdyn 16 '\003'
patch machine 18 '\050\000'
# turn the last program header (PT_GNU_STACK) into PT_INTERP
phnum=$(od -An -t u2 -j 56 -N 2 "$P" | tr -d ' ')
patch interp $((64 + (phnum - 1) * 56)) '\003\000\000\000'
head -c 4096 /dev/urandom > "$B/garbage"; printf 'XXXX' | dd of="$B/garbage" conv=notrunc 2>/dev/null
for c in "truncated:truncated" "truncated-phdrs:truncated" "32bit:32-bit" "etdyn:ET_DYN" \
	 "machine:machine 0x28 .ARM. is not x86_64 or aarch64" "interp:PT_INTERP" "garbage:not an ELF"; do
	f=${c%%:*} m=${c#*:}
	run "bad ELF $f" 126 "$B/$f"
	expect_grep "bad ELF $f message" "^redox-run: .*/$f: .*$m" "$e"
	expect_eq "bad ELF $f one line" 1 "$(wc -l < "$e")"
done
run "missing file" 127 "$B/does-not-exist"
expect_grep "missing file message" 'does-not-exist: cannot open: No such file' "$e"
run "unknown option" 125 --frobnicate "$P"
run "--help" 0 --help
expect_grep "--help documents exit statuses" '126 not a loadable Redox ELF' "$o"

# Bounded fuzz run over the loader (seeded from the binaries above).
if [ -x "$FUZZER" ]; then
	C=$OUT/fuzz-corpus
	mkdir -p "$C"
	for a in $ARCHS; do cp "$OUT/$a/rrtest" "$C/rrtest-$a"; done
	cp "$B"/* "$C/"
	if "$FUZZER" -max_total_time="$FUZZ_TIME" -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$OUT/fuzz-" "$C" > "$T_TMP/fuzz.log" 2>&1; then
		ok "fuzz the ELF loader for ${FUZZ_TIME}s ($(sed -n 's/^stat::number_of_executed_units: *//p' "$T_TMP/fuzz.log") runs)"
	else
		fail "fuzz the ELF loader" "crash; see $T_TMP/fuzz.log"; tail -20 "$T_TMP/fuzz.log"
	fi
else
	fail "fuzz the ELF loader" "no fuzzer binary $FUZZER"
fi
summary

# Sourced by tests/unwind/run.sh (issue 13): the -fexceptions program
# (eh_main.c, eh_frames.c, eh_personality.c) against LLVM libunwind on each
# arch in redox-run, with the same sources built for the host with gcc and
# libgcc_eh as the oracle, and linked against the stubs for the old
# behaviour. Expected transcripts are written by hand from the Itanium C++
# ABI's unwinding rules (two phases, cleanups innermost first, a stop
# function called for every frame and with _UA_END_OF_STACK at the end).

# sym PROG: return addresses on stdin -> the function of ip-1 in PROG, "??"
# outside it (the host's libc.so frames), "<ip0>" for an address of 0.
sym() {
	_hi=0
	for _e in $($LLVM_READELF -lW "$1" | awk '$1 == "LOAD" { print $3 "+" $6 }'); do
		_e=$((${_e%+*} + ${_e#*+})); [ "$_e" -gt "$_hi" ] && _hi=$_e
	done
	while read -r ip; do
		if [ $((ip)) -eq 0 ]; then echo "<ip0>"
		elif [ $((ip - 1)) -ge "$_hi" ]; then echo "??"
		else
			printf '0x%x\n' $((ip - 1)) |
				$LLVM_SYMBOLIZER --obj="$1" --functions=linkage --no-inlines | awk 'NR == 1'
		fi
	done
}
# norm PROG OUT: the transcript with each ip replaced by its function and
# the CFA values (stack addresses) dropped.
norm() {
	while IFS= read -r line; do
		case $line in
		"frame ip="*|"stop frame ip="*)
			ip=$(printf '%s\n' "$line" | sed 's/.*ip=\(0x[0-9a-f]*\).*/\1/')
			f=$(echo "$ip" | sym "$1")
			printf '%s\n' "$line" | sed "s/ip=0x[0-9a-f]*/$f/; s/ cfa=0x[0-9a-f]*//" ;;
		*) printf '%s\n' "$line" ;;
		esac
	done < "$2"
}
# load0 PROG: the address of the PT_LOAD at file offset 0 (where the ELF
# header is mapped); phdr_want PROG PHDR-BASE: the "phdr" mode's expected
# two lines, from llvm-readelf: e_phnum, and the headers at PHDR-BASE + e_phoff.
load0() { $LLVM_READELF -lW "$1" | awk '$1 == "LOAD" && $2 ~ /^0x0+$/ { print $3; exit }'; }
phdr_want() {
	_n=$($LLVM_READELF -h "$1" | awk '/Number of program headers:/ { print $NF }')
	_o=$($LLVM_READELF -h "$1" | awk '/Start of program headers:/ { print $5 }')
	printf "phdr size=64 phnum=%d phdr=0x%016x bias=0x%016x name='' adds=1\nobjects=1\n" "$_n" $(($2 + _o)) 0
}
# frames FILE PREFIX: the function names of the lines starting with PREFIX.
frames() { sed -n "s/^$2 \\([^ ]*\\).*/\\1/p" "$1" | tr '\n' ' ' | sed 's/ $//'; }

exp_raise='raise rc=5
cleanup f3
cleanup f2
cleanup f1
main: f1 returned 21
cleanup main'
exp_catch='personality: handler in main
cleanup f3
cleanup f2
cleanup f1
personality: installing main'"'"'s landing pad
main: caught REDXCATC, continuing
exception cleanup rc=1
cleanup main'
# Cleanup lines of the forced unwind, in the order the stop calls and
# landing pads interleave (each frame's stop, its cleanup, then the stop for
# the _Unwind_Resume in that frame's landing pad).
exp_resume='cleanup f3
cleanup f2
cleanup f1
cleanup main'
exp_forced_cleanups='cleanup f3 cleanup f2 cleanup f1 cleanup main'
exp_forced_stops='f3 f3 f2 f2 f1 f1 main main'

if [ "${UNWIND:-llvm}" != llvm ]; then
	skip "eh: LLVM libunwind runs of the -fexceptions program" "this sysroot was built with UNWIND=$UNWIND"
elif ! ${MAKE:-make} --no-print-directory unwind-eh-progs > "$work/eh-build.out" 2>&1; then
	fail "eh: build the -fexceptions program (both arches, host oracle)" "make unwind-eh-progs failed"
	sed 's/^/    /' "$work/eh-build.out" | tail -15
else
	ok "eh: build the -fexceptions program (both arches, host oracle)"
	host=$work/host/eh
	for m in bt raise forced catch; do
		"$host" $m > "$work/host/eh-$m.out" 2>&1; echo $? > "$work/host/eh-$m.rc"
		norm "$host" "$work/host/eh-$m.out" > "$work/host/eh-$m.norm"
	done
	for a in $ARCHS; do
		prog=$work/$a/eh
		# No frame pointer in f1..f3: the frame-pointer walk cannot do this.
		$LLVM_OBJDUMP -d --no-show-raw-insn "$prog" > "$work/$a/eh.dis"
		for f in f1 f2 f3; do
			awk -v f="<$f>:" '$2 == f { on = 1; next } on && /^$/ { exit } on' "$work/$a/eh.dis" > "$work/$a/eh-$f.dis"
			if [ ! -s "$work/$a/eh-$f.dis" ]; then fail "eh: $a $f is in the program" "no <$f> in the disassembly"
			elif grep -Eq 'movq?[[:space:]]+%rsp, %rbp|mov[[:space:]]+x29, sp|add[[:space:]]+x29, sp' "$work/$a/eh-$f.dis"; then
				fail "eh: $a $f is built without a frame pointer" "$(grep -E 'rbp|x29, sp' "$work/$a/eh-$f.dis" | head -2)"
			else ok "eh: $a $f is built without a frame pointer"; fi
		done
		for m in bt raise forced catch; do
			"$REDOX_RUN" --max-insns 100000000 "$prog" $m > "$work/$a/eh-$m.out" 2> "$work/$a/eh-$m.err"
			echo $? > "$work/$a/eh-$m.rc"
			norm "$prog" "$work/$a/eh-$m.out" > "$work/$a/eh-$m.norm"
			sed 's/^/    /' "$work/$a/eh-$m.norm" "$work/$a/eh-$m.err"
			expect_eq "eh: $a $m exits 0" 0 "$(cat "$work/$a/eh-$m.rc")"
		done

		# _Unwind_Backtrace from f3 through frames without frame pointers.
		bt=$(frames "$work/$a/eh-bt.norm" frame)
		expect_eq "eh: $a backtrace names f3 f2 f1 main relibc_start_v1 _start" \
			"f3 f2 f1 main relibc_start_v1 _start" "$bt"
		expect_grep "eh: $a backtrace returns END_OF_STACK (5) after 6 frames" '^backtrace rc=5 frames=6$' "$work/$a/eh-bt.norm"
		# Raise with nobody to catch: END_OF_STACK, then normal returns.
		expect_eq "eh: $a RaiseException with __gcc_personality_v0 returns END_OF_STACK, cleanups then run in order" \
			"$exp_raise" "$(cat "$work/$a/eh-raise.norm")"
		# Forced unwind: every cleanup, stop called for every frame.
		expect_eq "eh: $a ForcedUnwind runs every cleanup, innermost first" "$exp_forced_cleanups" \
			"$(grep '^cleanup' "$work/$a/eh-forced.norm" | tr '\n' ' ' | sed 's/ $//')"
		expect_eq "eh: $a ForcedUnwind calls stop for each frame (and each resume) to relibc_start_v1 and _start" \
			"$exp_forced_stops relibc_start_v1 _start" "$(frames "$work/$a/eh-forced.norm" 'stop frame')"
		expect_grep "eh: $a ForcedUnwind ends at the end of the stack (stop sees _UA_END_OF_STACK)" \
			'^stop: end of stack after 10 frames, arg=forced$' "$work/$a/eh-forced.norm"
		expect_no_grep "eh: $a ForcedUnwind never returns to f3" '^forced rc=' "$work/$a/eh-forced.norm"
		expect_eq "eh: $a an exception raised in f3 is caught in main (test personality, SetGR/SetIP)" \
			"$exp_catch" "$(cat "$work/$a/eh-catch.norm")"

		# dl_iterate_phdr (unwind/llvm/phdr.c), from __ehdr_start: the
		# file's program headers as llvm-readelf reads them, at the first
		# PT_LOAD's address + e_phoff, bias 0 (ET_EXEC), one object.
		"$REDOX_RUN" --max-insns 100000000 "$prog" phdr > "$work/$a/eh-phdr.out" 2>&1
		expect_eq "eh: $a dl_iterate_phdr reports the program's headers (count, address, bias 0, one object)" \
			"$(phdr_want "$prog" "$(load0 "$prog")")" "$(head -n 2 "$work/$a/eh-phdr.out")"

		# _Unwind_Resume that reaches the end of the stack: every cleanup,
		# then libunwind's _LIBUNWIND_ABORT (src/config.h, llvm-toolchain-19:
		# "libunwind: %s - %s\n" with __func__ and "_Unwind_Resume() can't
		# return", src/UnwindLevel1.c) through our formatter on fd 2, then
		# abort() (start/abort.c: its message and a trap).
		"$REDOX_RUN" --max-insns 100000000 "$prog" resume > "$work/$a/eh-resume.out" 2> "$work/$a/eh-resume.err"
		rc=$?
		sed 's/^/    /' "$work/$a/eh-resume.out" "$work/$a/eh-resume.err"
		expect_eq "eh: $a Resume past the end of the stack runs every cleanup, innermost first" \
			"$exp_resume" "$(cat "$work/$a/eh-resume.out")"
		expect_eq "eh: $a Resume past the end of the stack: libunwind's fatal message, then abort()'s, on fd 2" \
			"libunwind: _Unwind_Resume - _Unwind_Resume() can't return
redox-crt: abort() called" "$(head -n 2 "$work/$a/eh-resume.err")"
		case $a in x86_64) want=132 ;; *) want=133 ;; esac
		expect_eq "eh: $a Resume past the end of the stack traps (abort: ud2/brk)" "$want" "$rc"

		# The host oracle: same transcripts but for the platform's start
		# frames. glibc enters main from __libc_start_call_main and
		# __libc_start_main in libc.so.6 ("??" here, outside the program),
		# then _start; libgcc also reports _start's caller as a frame with
		# ip 0. Redox: relibc_start_v1 (libredox_start.a), then _start.
		if [ "$a" = x86_64 ] && [ "$HOST_ARCH" = x86_64 ]; then
			"$host" resume > "$work/host/eh-resume.out" 2> "$work/host/eh-resume.err"
			rc=$?
			expect_eq "eh: oracle: host Resume past the end of the stack runs the same cleanups" \
				"$exp_resume" "$(cat "$work/host/eh-resume.out")"
			expect_eq "eh: oracle: host Resume past the end of the stack aborts (libgcc: SIGABRT)" 134 "$rc"
			for m in raise catch; do
				expect_eq "eh: oracle: x86_64 $m transcript = host gcc + libgcc_eh's" \
					"$(cat "$work/host/eh-$m.norm")" "$(cat "$work/$a/eh-$m.norm")"
				expect_eq "eh: oracle: host $m exits 0" 0 "$(cat "$work/host/eh-$m.rc")"
			done
			hbt=$(frames "$work/host/eh-bt.norm" frame)
			expect_eq "eh: oracle: backtrace frames up to main match the host's" \
				"f3 f2 f1 main" "$(echo "$hbt" | cut -d' ' -f1-4)"
			expect_eq "eh: oracle: host start frames are glibc's (named platform difference)" \
				"?? ?? _start <ip0>" "$(echo "$hbt" | cut -d' ' -f5-)"
			expect_grep "eh: oracle: host backtrace returns END_OF_STACK (5) too" '^backtrace rc=5 frames=8$' "$work/host/eh-bt.norm"
			expect_eq "eh: oracle: forced cleanups match the host's" "$exp_forced_cleanups" \
				"$(grep '^cleanup' "$work/host/eh-forced.norm" | tr '\n' ' ' | sed 's/ $//')"
			expect_eq "eh: oracle: forced stop frames up to main match the host's; then glibc's" \
				"$exp_forced_stops ?? ?? _start" "$(frames "$work/host/eh-forced.norm" 'stop frame')"
			expect_grep "eh: oracle: host stop sees the end of the stack after 11 frames" \
				'^stop: end of stack after 11 frames, arg=forced$' "$work/host/eh-forced.norm"
		fi
	done
fi

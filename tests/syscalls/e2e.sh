#!/bin/sh
# End-to-end syscall tests for one arch in redox-run.
# usage: e2e.sh ARCH BINDIR OUTDIR   (REDOX_RUN names the emulator)
set -u
arch=$1 bin=$2 out=$3
: "${REDOX_RUN:?REDOX_RUN must name build/sysroot/bin/redox-run}"
mkdir -p "$out"
T_TMP=$out
. tests/lib/tap.sh

run() { # NAME ARGS... : stdout/stderr/status into $out/NAME.{out,err,rc}
	_n=$1; shift
	"$REDOX_RUN" "$@" > "$out/$_n.out" 2> "$out/$_n.err" < "${STDIN:-/dev/null}"
	echo $? > "$out/$_n.rc"
}

# Every argument of redox_syscallN / _inline in its register (redox-abi.md §3).
run rawargs --strace "$bin/rawargs"
expect_eq "$arch rawargs exit status" 0 "$(cat "$out/rawargs.rc")"
expect_grep "$arch rawargs reports ok" '^rawargs ok$' "$out/rawargs.out"
for flavour in asm:7e57 inline:7e58; do
	base=${flavour#*:} flavour=${flavour%:*}
	for k in 0 1 2 3 4 5 6; do
		re="^\[strace\] 0x$base$k\("
		i=1
		while [ $i -le 6 ]; do
			if [ $i -le "$k" ]; then v=$(printf '0xa1%014x' $((k * 256 + i))); else v='0x[0-9a-f]+'; fi
			re="$re$v"
			[ $i -lt 6 ] && re="$re, "
			i=$((i + 1))
		done
		re="$re\) = -38 ENOSYS$"
		expect_grep "$arch redox_syscall$k ($flavour) passes a1..a$k" "$re" "$out/rawargs.err"
	done
done

# Callee-saved registers and rcx/r11 clobbers.
run regs "$bin/regs"
expect_eq "$arch regs exit status" 0 "$(cat "$out/regs.rc")"
expect_grep "$arch callee-saved registers survive redox_syscall6" '^callee-saved ok$' "$out/regs.out"
expect_grep "$arch inline syscalls under register pressure" '^inline-clobbers ok$' "$out/regs.out"
for k in 0 1 2 3 4 5 6; do
	expect_grep "$arch redox_syscall${k}_inline keeps live values out of clobbered registers" "^inline-clobbers $k ok\$" "$out/regs.out"
done

# Typed wrappers against redox-run's kernel.
printf 'ping\n' > "$out/io.in"
STDIN=$out/io.in run io --strace "$bin/io"
expect_eq "$arch io exit status" 0 "$(cat "$out/io.rc")"
for c in write read fmap fmap-rw mprotect funmap nanosleep clock-monotonic clock-realtime \
	 close-ebadf clock-einval strerror; do
	expect_grep "$arch io: $c" "^$c ok$" "$out/io.out"
done
expect_grep "$arch io: stdout text" '^hello from redox_write$' "$out/io.out"
expect_grep "$arch fmap passes (~0, &map, 32)" '^\[strace\] fmap\(0xffffffffffffffff, 0x[0-9a-f]+, 0x20,' "$out/io.err"
expect_grep "$arch clock_gettime passes CLOCK_MONOTONIC=4" '^\[strace\] clock_gettime\(0x4, ' "$out/io.err"
expect_grep "$arch mprotect passes PROT_READ" '^\[strace\] mprotect\(0x[0-9a-f]+, 0x1000, 0x40000,' "$out/io.err"

# Every typed wrapper (the generated stubs) against the table itself: its
# number and a1..aN, distinct per position, in the trap's registers, and the
# trap's value returned unchanged. Names in --strace are redox-run's for the
# calls it knows, else the number in hex.
: "${SCT_TABLE:?SCT_TABLE must name the syscalls/table-<version>.txt the programs were built from}"
run wrappers --strace "$bin/wrappers"
expect_eq "$arch wrappers exit status" 0 "$(cat "$out/wrappers.rc")"
expect_grep "$arch wrappers ran to the end" '^wrappers done$' "$out/wrappers.out"
grep '^\[strace\] ' "$out/wrappers.err" | sed -n '/^\[strace\] 0x7e5b0(/,/^\[strace\] 0x7e5b1(/p' | sed '1d;$d' |
	grep -v '^\[strace\] 0x7e5b2(' > "$out/wrappers.traps"
awk '!/^[ \t]*(#|%|$)/ && $3 != "-"' "$SCT_TABLE" > "$out/wrappers.table"
expect_eq "$arch one trap per wrapper" "$(wc -l < "$out/wrappers.table")" "$(wc -l < "$out/wrappers.traps")"
k=0
while read -r name num rest; do
	k=$((k + 1))
	set -- $rest
	nargs=$#
	[ "$rest" = "()" ] && nargs=0
	w=$(echo "${name#SYS_}" | tr 'A-Z' 'a-z')
	hex=$(printf '0x%x' "$num")
	re="^\[strace\] ($w|$hex)\("
	i=1
	while [ $i -le 6 ]; do
		if [ $i -le $nargs ]; then v=$(printf '0x%x' $((0x5a00000000000000 | (i << 40) | (0x1111 * i)))); else v='0x[0-9a-f]+'; fi
		re="$re$v"
		[ $i -lt 6 ] && re="$re, "
		i=$((i + 1))
	done
	line=$(sed -n "${k}p" "$out/wrappers.traps")
	if printf '%s\n' "$line" | grep -Eq "$re\) = "; then
		ok "$arch redox_$w traps with $hex and its $nargs argument(s) in order"
	else
		fail "$arch redox_$w traps with $hex and its $nargs argument(s) in order" "trap $k: $line"
	fi
	# The value the emulator printed (-N NAME, decimal below 0x10000, else
	# hex) as the 64-bit pattern the wrapper must have returned.
	v=${line##*) = }
	case $v in
	-*) want=$(printf '0x%x' "${v%% *}") ;;
	0x*) want=$v ;;
	*) want=$(printf '0x%x' "$v") ;;
	esac
	expect_grep "$arch redox_$w returns the trap's value ($want)" "^redox_$w $want\$" "$out/wrappers.out"
done < "$out/wrappers.table"

# Exit through the process manager (redox-abi.md §5): status & 0xff.
for pair in 0:0 1:1 42:42 255:255 259:3; do
	s=${pair%:*} want=${pair#*:}
	run "exit$s" --strace "$bin/exitcode" "$s"
	expect_eq "$arch redox_proc_exit($s) exits with $want" "$want" "$(cat "$out/exit$s.rc")"
	expect_grep "$arch redox_proc_exit($s) sends ProcCall::Exit" \
		'^\[strace\] call\(0x40000000000000[0-9a-f]{2}, 0x0, 0x0, 0x2, 0x[0-9a-f]+, 0x[0-9a-f]+\) = \? \(exit '"$want"'\)$' "$out/exit$s.err"
done

summary

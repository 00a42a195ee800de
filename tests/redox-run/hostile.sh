#!/bin/sh
# Hostile input and interruption (issue 14): redox-run and redox-elfcheck
# given guests that try privileged instructions or exhaust the engine's
# mappings, special and huge files, crafted PT_LOADs, malformed options.
# usage: hostile.sh REDOX_RUN REDOX_ELFCHECK OUTDIR "ARCHS"
# (OUTDIR holds <arch>/rrtest from tests/redox-run/e2e.)
set -u
RR=$1 EC=$2 OUT=$3 ARCHS=$4
NM=${LLVM_NM:-llvm-nm-19}
. tests/lib/tap.sh
T_TMP=$OUT/hostile
rm -rf "$T_TMP"; mkdir -p "$T_TMP"
o=$T_TMP/out e=$T_TMP/err

# run NAME EXPECTED_STATUS redox-run-args...: stdout in $o, stderr in $e.
# A hang would be a failure too: every run has a 120 s backstop.
run() {
	_n=$1 _want=$2; shift 2
	timeout 120 "$RR" "$@" > "$o" 2> "$e"
	_rc=$?
	if [ "$_rc" = "$_want" ]; then ok "$_n: exit $_want"; else
		fail "$_n: exit status" "expected $_want, got $_rc"; sed 's/^/    /' "$e" | head -8
	fi
}
sym() { "$NM" "$1" | awk -v s="$2" '$3 == s { print $1 }' | sed 's/^0*//'; }

for a in $ARCHS; do
	P=$OUT/$a/rrtest
	# Privileged instructions fault where they are, as on Redox (CPL 3 #GP
	# is SIGSEGV on x86_64, EL0 UNDEFINED is SIGILL on aarch64).
	if [ "$a" = x86_64 ]; then
		privs="cli hlt wrmsr movcr3 inb outb lgdt" want=139 sig=SIGSEGV
	else
		privs="currentel sctlr daifset tlbi eret" want=132 sig=SIGILL
	fi
	for p in $privs; do
		run "$a privileged $p" $want "$P" priv $p
		at=$(sym "$P" priv_$p)
		# wrmsr is the last of three instructions in its function.
		[ "$p" = wrmsr ] && at=$(printf '%x' $((0x$at + 9)))
		expect_grep "$a privileged $p: $sig at the instruction" "$sig: .*pc 0x$at <priv_$p\\+0x" "$e"
		expect_no_grep "$a privileged $p: did not return" 'returned from' "$o"
	done
	if [ "$a" = aarch64 ]; then
		# wfi is a hint at EL0 (SCTLR_EL1.nTWI set): the program goes on.
		run "$a wfi at EL0 returns" 0 "$P" priv wfi
		expect_eq "$a wfi: the program went on" "returned from wfi" "$(cat "$o")"
	else
		# rdfsbase ending at a page end, the next page unmapped: it is
		# emulated, then the fetch of the next instruction faults.
		for len in 4 5; do
			run "$a rdfsbase ($len bytes) at a page end" 139 "$P" pageend $len
			next=$(sed 's/^0x0*//' "$o")
			expect_grep "$a rdfsbase ($len bytes): runs, then the next page faults" "SIGSEGV: jump to unmapped memory at 0x$next, pc 0x$next" "$e"
		done
	fi

	# Guest memory: far past the ~1,020 Unicorn regions at which the host
	# used to abort, adjacent mappings work; separate ones end in ENOMEM.
	run "$a 1500 adjacent page mappings" 0 "$P" fmaps 1500
	expect_eq "$a 1500 adjacent: all mapped and kept" "mapped 1500, then 0, contents kept, all unmapped" "$(cat "$o")"
	run "$a 2000 separate page mappings" 0 "$P" gapped 2000
	k=$(sed -n 's/^mapped \([0-9]*\), then -12, contents kept, all unmapped$/\1/p' "$o")
	expect_eq "$a 2000 separate: ENOMEM after the emulator's limit, contents kept" 1 $((${k:-0} >= 400 && ${k:-0} < 2000))
	run "$a alternate mprotect of an 8 MiB map" 0 "$P" alternate
	expect_grep "$a alternate mprotect: ENOMEM, never an abort" '^protected [0-9]+, then -12$' "$o"
	run "$a alternate mprotect: permissions still exact" 139 "$P" alternate 1
	expect_grep "$a alternate mprotect: store to a read-only page faults" "SIGSEGV: write to non-writable memory at 0x[0-9a-f]+000[, ].*<fault_store\\+" "$e"
	run "$a partial unmaps (dlmalloc trims)" 0 "$P" partial
	expect_eq "$a partial unmaps: contents, holes, EFAULT, re-map" "partial unmaps ok" "$(cat "$o")"
	run "$a read from an unmapped middle part" 139 "$P" partial 1
	hole=$(sed -n 2p "$o" | sed 's/^0x0*//')
	expect_grep "$a unmapped middle part faults at its address" "SIGSEGV: read from unmapped memory at 0x$hole" "$e"

	# --timeout (wall clock): in a loop, and inside a long nanosleep.
	run "$a --timeout stops a loop" 124 --timeout 1 "$P" spin
	expect_grep "$a --timeout message names the pc" "stopped by --timeout after 1.000 s at pc 0x$(sym "$P" spin)" "$e"
	run "$a --timeout stops a 1000 s nanosleep" 124 --timeout 0.5 "$P" sleep
	expect_grep "$a --timeout in a syscall" 'stopped by --timeout during a syscall' "$e"
	expect_no_grep "$a --timeout: the sleep did not end" 'woke up' "$o"
done

P=$OUT/$(echo $ARCHS | cut -d' ' -f1)/rrtest
# Malformed numbers are refused, not read as something else.
for v in ' 5' '+5' '5x' '' '-1' '0x'; do
	run "--max-insns '$v' refused" 125 --max-insns "$v" "$P" hello
	expect_grep "--max-insns '$v': says what is wrong" "--max-insns '$(printf '%s' "$v" | sed 's/+/[+]/')': not a number" "$e"
done
for v in 0 -1 ' 1' 1e3 1.5s '' 90000 .; do
	run "--timeout '$v' refused" 125 --timeout "$v" "$P" hello
	expect_grep "--timeout '$v': says what is wrong" "--timeout '$v': give a number of seconds" "$e"
done
run "--timeout 5 on a program that exits" 0 --timeout 5 "$P" hello
run "--max-insns 0x100000 (hex) accepted" 0 --max-insns 0x100000 "$P" hello

# Special and huge files, the same for both tools.
mkfifo "$T_TMP/fifo"
mkdir -p "$T_TMP/dir"
for f in fifo:FIFO dir:directory; do
	n=${f%%:*} k=${f#*:}
	run "redox-run on a $k" 127 "$T_TMP/$n"
	expect_grep "redox-run on a $k: says so" "$n: a $k, not a regular file" "$e"
	timeout 60 "$EC" "$T_TMP/$n" > "$o" 2> "$e"
	expect_eq "redox-elfcheck on a $k: exit 2" 2 $?
	expect_grep "redox-elfcheck on a $k: says so" "$n: error\\[unreadable\\]: a $k, not a regular file" "$e"
done
run "redox-run on a character device" 127 /dev/null
# A 4 GiB sparse file that is not ELF: only its first bytes are read (the
# address-space limit leaves no room to read it whole).
printf 'not an ELF' > "$T_TMP/huge"
truncate -s 4G "$T_TMP/huge"
(ulimit -v 262144; exec "$RR" "$T_TMP/huge") > "$o" 2> "$e"
expect_eq "redox-run on a 4 GiB non-ELF: exit 126" 126 $?
expect_grep "redox-run on a 4 GiB non-ELF: not an ELF" "huge: not an ELF file" "$e"
(ulimit -v 262144; exec "$EC" "$T_TMP/huge") > "$o" 2> "$e"
expect_eq "redox-elfcheck on a 4 GiB non-ELF: exit 2" 2 $?
expect_grep "redox-elfcheck on a 4 GiB non-ELF: not an ELF" "huge: error\\[not-elf\\]: not an ELF file" "$e"
# An executable padded past 4 GiB runs and checks as before: nothing past
# what its headers name is read.
cp "$P" "$T_TMP/padded"
truncate -s 4294967297 "$T_TMP/padded"
run "redox-run on an executable padded to 4 GiB + 1" 0 "$T_TMP/padded" hello
expect_eq "padded executable: output" "hello, redox" "$(cat "$o")"
"$EC" "$P" > "$T_TMP/ec-plain" 2>&1
"$EC" "$T_TMP/padded" > "$T_TMP/ec-padded" 2>&1
expect_eq "redox-elfcheck on the padded copy: same findings" \
	"$(sed 's|^[^:]*:||' "$T_TMP/ec-plain")" "$(sed 's|^[^:]*:||' "$T_TMP/ec-padded")"

# A file that shrinks between the header read and the full read (the
# LD_PRELOAD shim truncates it to 200 bytes just then): both tools say so
# with the byte counts, never "cannot read: Success".
if [ -n "${SHRINK_SO:-}" ] && [ -f "$SHRINK_SO" ]; then
	for t in run:"$RR":127 elfcheck:"$EC":2; do
		n=${t%%:*} tool=${t#*:} want=${tool##*:} tool=${tool%:*}
		cp "$P" "$T_TMP/shrinking"
		RR_SHRINK_PATH=$T_TMP/shrinking RR_SHRINK_TO=200 LD_PRELOAD=$(cd "$(dirname "$SHRINK_SO")" && pwd -P)/shrink.so \
			timeout 60 "$tool" "$T_TMP/shrinking" > "$o" 2> "$e"
		expect_eq "redox-$n on a file that shrinks while read: exit $want" "$want" $?
		expect_eq "redox-$n on a file that shrinks while read: the shim truncated it" 200 "$(wc -c < "$T_TMP/shrinking" | tr -d ' ')"
		expect_grep "redox-$n on a file that shrinks while read: says so, with the counts" \
			"the file shrank while it was read \\(200 of [0-9]+ bytes\\)" "$e"
		expect_no_grep "redox-$n on a file that shrinks while read: no 'Success' error" "Success" "$e"
	done
else
	fail "shrinking file" "SHRINK_SO (tests/redox-run/shrink.so, built by make) is missing"
fi

# One set of PT_LOAD rules: crafted copies go to both tools; redox-run
# refuses each (126) and redox-elfcheck reports the same problem (exit 1).
le64() { v=$1 i=0; while [ $i -lt 8 ]; do printf "\\$(printf '%03o' $((v & 255)))"; v=$((v >> 8)); i=$((i + 1)); done; }
phoff=$(od -An -t u8 -j 32 -N 8 "$P" | tr -d ' ')
phnum=$(od -An -t u2 -j 56 -N 2 "$P" | tr -d ' ')
loads=
i=0
while [ $i -lt "$phnum" ]; do
	[ "$(od -An -t u4 -j $((phoff + i * 56)) -N 4 "$P" | tr -d ' ')" = 1 ] && loads="$loads $i"
	i=$((i + 1))
done
set -- $loads
first=$1 second=$2
field() { od -An -t u8 -j $((phoff + $1 * 56 + $2)) -N 8 "$P" | tr -d ' '; }
# craft NAME PHDR FIELD_OFFSET VALUE
craft() {
	cp "$P" "$T_TMP/$1"
	le64 "$4" | dd of="$T_TMP/$1" bs=1 seek=$((phoff + $2 * 56 + $3)) conv=notrunc 2>/dev/null
}
craft overlap "$second" 16 "$(field "$first" 16)"
craft vaddr0 "$first" 16 0
craft wrap "$first" 16 $((-4096))   # 0xfffffffffffff000
craft tib "$second" 40 $((1 << 40))
for c in "overlap:overlaps PT_LOAD" "vaddr0:is outside" "wrap:is outside" "tib:more than the 1 GiB limit"; do
	f=${c%%:*} m=${c#*:}
	run "load rules $f: redox-run refuses" 126 "$T_TMP/$f" hello
	expect_grep "load rules $f: redox-run says why" "$m" "$e"
	why=$(sed -n "s|^redox-run: $T_TMP/$f: \\(.*\\); [^;]*\$|\\1|p" "$e")
	"$EC" -q "$T_TMP/$f" > "$o" 2>&1
	expect_eq "load rules $f: redox-elfcheck exit 1" 1 $?
	expect_grep "load rules $f: redox-elfcheck reports the same problem" \
		"error\\[load\\]: $(printf '%s' "$why" | sed 's/[][\\.*^$+?(){}|]/\\&/g') \\(redox-run refuses to load it\\)" "$o"
done

# --json keeps file names exact: valid UTF-8 raw, other bytes \udcXX,
# which Python's surrogateescape maps back to the same bytes.
cp "$P" "$T_TMP/$(printf 'caf\303\251')"
cp "$P" "$T_TMP/$(printf 'bad\377name')"
"$EC" --json "$T_TMP/$(printf 'caf\303\251')" "$T_TMP/$(printf 'bad\377name')" > "$o" 2> "$e"
expect_grep "--json: valid UTF-8 name passes through" "$(printf 'caf\303\251')\"" "$o"
expect_grep "--json: a 0xff byte is \\\\udcff" 'bad\\udcffname"' "$o"
check "--json: names map back to the exact bytes" python3 -c '
import json, os, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
got = [os.fsencode(x["file"]) for x in d]
want = [os.fsencode(a) for a in sys.argv[2:]]
assert got == want, (got, want)' "$o" "$T_TMP/$(printf 'caf\303\251')" "$T_TMP/$(printf 'bad\377name')"
summary

#!/bin/sh
# SPDX-License-Identifier: MIT
# End-to-end suite for redox-elfcheck: each deliberately broken link must be
# diagnosed with its id and exit status, and llvm-readelf/llvm-nm/llvm-objdump
# (tools we did not write) must confirm that the defect is really there.
# env: EC_TOOL EC_REDOX_RUN EC_SAN_TOOL EC_OUT EC_ARCHS EC_FUZZER EC_CORPUS EC_FUZZ_TIME
set -u
. tests/lib/tap.sh
T_TMP=$EC_OUT/tmp
rm -rf "$T_TMP" && mkdir -p "$T_TMP"
tool=$EC_TOOL
READELF=${LLVM_READELF:-llvm-readelf-19}
NM=${LLVM_NM:-llvm-nm-19}
OBJDUMP=${LLVM_OBJDUMP:-llvm-objdump-19}

# diag NAME FILE STATUS ID...: exit status and every id must be reported.
diag() {
	_n=$1 _f=$2 _want=$3; shift 3
	_o=$T_TMP/$(echo "$_n" | tr '/ ' '__').out
	"$tool" "$_f" > "$_o" 2>&1
	expect_eq "$_n: exit status" "$_want" "$?"
	for _id; do
		expect_grep "$_n: reports $_id" "^$_f: ((error|warning)\[$_id\]: .+ — fix: .+|info\[$_id\]: .+)" "$_o"
	done
	expect_grep "$_n: summary line" "^$_f: [0-9]+ errors, [0-9]+ warnings$" "$_o"
}
# oracle NAME COMMAND...: an independent tool confirms the defect.
oracle() { _n=$1; shift; check "$_n: confirmed by llvm tools" sh -c "$*"; }
entry() { "$READELF" -h "$1" | awk '/Entry point address/ { print tolower($4) }'; }
symaddr() { "$NM" "$1" | awk -v s="$2" '$3 == s && $2 ~ /[TtWw]/ { print "0x" tolower($1) }' | sed 's/^0x0*/0x/'; }

for arch in $EC_ARCHS; do
	d=$EC_OUT/$arch
	# Clean: the canonical link with --eh-frame-hdr.
	diag "$arch good" "$d/good" 0 linked-crt0 linked-crti linked-crtn linked-start
	expect_no_grep "$arch good: no errors or warnings" '(error|warning)\[' "$T_TMP/${arch}_good.out"
	expect_eq "$arch good: entry is _start (llvm-readelf, llvm-nm)" "$(symaddr "$d/good" _start)" "$(entry "$d/good")"
	oracle "$arch good: .init ends in ret" "$OBJDUMP -d -j .init '$d/good' | grep -v '^\$' | tail -n 1 | grep -Eq '[[:space:]]ret(q|aa|ab)?([[:space:]]|\$)'"
	"$tool" -q "$d/good" > "$T_TMP/q.out" 2>&1
	expect_eq "$arch good -q: exit 0 and silent" "0:" "$?:$(cat "$T_TMP/q.out")"
	diag "$arch good with .init fragment" "$d/good-initfrag" 0 linked-crti linked-crtn
	diag "$arch stubs/builtins" "$d/good-stubs" 0 linked-unwind linked-builtins weak-undef-other
	expect_grep "$arch stubs: names the optional weak symbol" "weak-undef-other\]: .*optional_hook" "$T_TMP/${arch}_stubs_builtins.out"

	diag "$arch stripped" "$d/stripped" 0 no-symtab
	oracle "$arch stripped" "! $READELF -SW '$d/stripped' | grep -q symtab"
	diag "$arch without section headers" "$d/no-sections" 0 no-sections
	oracle "$arch without section headers" "$READELF -hW '$d/no-sections' | grep -Eq 'Number of section headers: +0\$'"
	diag "$arch no crt0" "$d/no-crt0" 1 entry-zero
	oracle "$arch no crt0" "[ \"\$('$READELF' -h '$d/no-crt0' | awk '/Entry point/ {print \$4}')\" = 0x0 ]"
	diag "$arch no crtn" "$d/no-crtn" 1 init-no-return fini-no-return
	oracle "$arch no crtn" "! $OBJDUMP -d -j .init '$d/no-crtn' | grep -v '^\$' | tail -n 1 | grep -Eq '[[:space:]]ret(q|aa|ab)?([[:space:]]|\$)'"
	diag "$arch no crti" "$d/no-crti" 1 init-no-symbol fini-no-symbol
	oracle "$arch no crti" "! $NM --defined-only '$d/no-crti' | grep -q ' _init\$'"
	diag "$arch crtn before crti" "$d/crt-swapped" 1 init-order init-no-return
	diag "$arch .init fragment before crti" "$d/initfrag-first" 1 init-order
	diag "$arch entry is main" "$d/entry-main" 1 entry-not-start
	oracle "$arch entry is main" "[ '$(entry "$d/entry-main")' = '$(symaddr "$d/entry-main" main)' ]"
	diag "$arch no --eh-frame-hdr" "$d/no-eh-frame-hdr" 1 eh-frame-hdr
	oracle "$arch no --eh-frame-hdr" "$READELF -SW '$d/no-eh-frame-hdr' | grep -q ' .eh_frame ' && ! $READELF -SW '$d/no-eh-frame-hdr' | grep -q eh_frame_hdr"
	diag "$arch -z execstack" "$d/execstack" 1 exec-stack
	oracle "$arch -z execstack" "$READELF -lW '$d/execstack' | grep GNU_STACK | grep -q RWE"
	diag "$arch -z nognustack" "$d/no-gnu-stack" 1 no-gnu-stack
	oracle "$arch -z nognustack" "! $READELF -lW '$d/no-gnu-stack' | grep -q GNU_STACK"
	diag "$arch --omagic" "$d/rwx" 1 wx-segment
	oracle "$arch --omagic" "$READELF -lW '$d/rwx' | grep LOAD | grep -q RWE"
	diag "$arch phdrs outside PT_LOAD" "$d/phdrs-outside" 1 phdr-not-loaded
	oracle "$arch phdrs outside PT_LOAD" "! $READELF -lW '$d/phdrs-outside' | awk '\$1 == \"LOAD\" && \$2 == \"0x000000\"' | grep -q ."
	diag "$arch weak relibc_start_v1" "$d/weak-start" 1 weak-undef
	expect_grep "$arch weak relibc_start_v1: names it" "weak-undef\]: relibc_start_v1 " "$T_TMP/${arch}_weak_relibc_start_v1.out"
	oracle "$arch weak relibc_start_v1" "$NM '$d/weak-start' | grep -Eq '^ +w relibc_start_v1\$'"
	# Every critical weak symbol, not only relibc_start_v1.
	diag "$arch weak main+init+fini" "$d/weak-main" 1 weak-undef
	for s in main _init _fini; do
		expect_grep "$arch weak main+init+fini: names $s" "weak-undef\]: $s " "$T_TMP/${arch}_weak_main+init+fini.out"
		oracle "$arch weak $s" "$NM '$d/weak-main' | grep -Eq '^ +w $s\$'"
	done
	diag "$arch static PIE" "$d/static-pie" 1 static-pie
	oracle "$arch static PIE" "$READELF -h '$d/static-pie' | grep -q 'DYN' && ! $READELF -lW '$d/static-pie' | grep -q INTERP"
	diag "$arch PIE with Redox interpreter" "$d/dyn-pie" 1 pie interp
	diag "$arch wrong interpreter" "$d/wrong-interp" 1 interp-path
	oracle "$arch wrong interpreter" "$READELF -lW '$d/wrong-interp' | grep -q 'interpreter: /lib64/ld-linux-x86-64.so.2'"
	diag "$arch no .text" "$d/no-text" 1 no-text
	oracle "$arch no .text" "! $READELF -SW '$d/no-text' | grep -q ' \\.text '"
	diag "$arch relocatable object" "$d/main.o" 1 elf-type
	diag "$arch truncated header" "$d/trunc-ehdr" 2 truncated
	diag "$arch truncated program headers" "$d/trunc-phdrs" 2 truncated
	diag "$arch truncated section headers" "$d/trunc-tail" 2 truncated

	# redox-run (the emulator, not this tool) as the judge of "clean": every
	# binary redox-elfcheck passes starts, runs main and exits with its status;
	# binaries with entry errors really do not start.
	rbad=
	for f in good good-initfrag good-stubs stripped no-sections; do
		"$EC_REDOX_RUN" "$d/$f" > "$T_TMP/run.out" 2>&1 || rbad="$rbad $f:$?"
		"$EC_REDOX_RUN" "$d/$f" arg > "$T_TMP/run.out" 2>&1; [ $? = 3 ] || rbad="$rbad $f+arg"
	done
	expect_eq "$arch clean binaries run in redox-run (exit 0; 3 with an argument)" "" "$rbad"
	"$EC_REDOX_RUN" "$d/no-crt0" > "$T_TMP/run.out" 2>&1
	expect_eq "$arch entry-zero binary does not start in redox-run" 126 $?
	"$EC_REDOX_RUN" "$d/weak-start" > "$T_TMP/run.out" 2>&1
	rc=$?; [ $rc -ne 0 ] && [ $rc -ne 3 ]
	expect_eq "$arch weak-undef relibc_start_v1: main never runs in redox-run (exit $rc)" 0 $?
	"$EC_REDOX_RUN" "$d/entry-main" > "$T_TMP/run.out" 2>&1
	rc=$?; [ $rc -ne 0 ]
	expect_eq "$arch entry-not-start binary fails in redox-run (exit $rc)" 0 $?
	# start.c exits 42 when AT_PHDR is 0: the 2026-08 loader model places
	# AT_PHDR inside the image, the 2026-01 one in a separate copy.
	"$EC_REDOX_RUN" --abi=2026-08 "$d/phdrs-outside" > "$T_TMP/run.out" 2>&1
	expect_eq "$arch phdr-not-loaded: AT_PHDR is 0 with --abi=2026-08" 42 $?
	"$EC_REDOX_RUN" --abi=2026-08 "$d/good" > "$T_TMP/run.out" 2>&1
	expect_eq "$arch good: AT_PHDR is set with --abi=2026-08" 0 $?
	"$EC_REDOX_RUN" --abi=2026-01 "$d/phdrs-outside" > "$T_TMP/run.out" 2>&1
	expect_eq "$arch phdrs outside PT_LOAD still start with --abi=2026-01" 0 $?

	# --json carries the same findings as the text output, and parses.
	jbad=0
	for f in "$d"/*; do
		case $f in *.o|*.lldlog|*/stamp) continue ;; esac
		"$tool" "$f" 2>&1 | sed -n 's/^[^ ]*: [a-z]*\[\([a-z0-9-]*\)\]: .*/\1/p' | sort > "$T_TMP/ids.txt"
		"$tool" --json "$f" > "$T_TMP/j.json" 2>/dev/null
		python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1 and d[0]["file"] == sys.argv[2]
for k in d[0]["findings"]:
    assert set(k) == {"id", "severity", "message", "fix"}
    assert k["severity"] in ("error", "warning", "info")
print("\n".join(sorted(k["id"] for k in d[0]["findings"])))' "$T_TMP/j.json" "$f" > "$T_TMP/jids.txt" 2>"$T_TMP/jerr.txt" \
			&& cmp -s "$T_TMP/ids.txt" "$T_TMP/jids.txt" || { jbad=1; echo "    json mismatch: $f"; cat "$T_TMP/jerr.txt"; }
	done
	expect_eq "$arch --json parses and matches the text findings for every binary" 0 $jbad

	# Same verdicts with ASan+UBSan on every input.
	sbad=0
	for f in "$d"/*; do
		case $f in */stamp) continue ;; esac
		"$tool" --json "$f" > "$T_TMP/a.out" 2>&1; a=$?
		"$EC_SAN_TOOL" --json "$f" > "$T_TMP/b.out" 2>&1; b=$?
		[ $a = $b ] && cmp -s "$T_TMP/a.out" "$T_TMP/b.out" || { sbad=1; echo "    asan differs: $f"; head -5 "$T_TMP/b.out"; }
	done
	expect_eq "$arch ASan+UBSan build agrees on every input" 0 $sbad
done

c=$EC_OUT/common
diag "i686 ELF" "$c/i686" 1 elf-class
oracle "i686 ELF" "$READELF -h '$c/i686' | grep -q 'ELF32'"
diag "riscv64 ELF" "$c/riscv64" 1 elf-machine
oracle "riscv64 ELF" "$READELF -h '$c/riscv64' | grep -q RISC-V"
diag "host Linux program" "$c/host-linux" 1 interp-path
diag "not an ELF file" "$c/not-elf" 2 not-elf
diag "empty file" "$c/empty" 2 not-elf
diag "missing file" "$c/does-not-exist" 2 missing
expect_grep "missing file: message names the problem" "does-not-exist: error\[missing\]: cannot open: No such file" "$T_TMP/missing_file.out"
diag "directory" "$c" 2 unreadable

a=$(echo $EC_ARCHS | cut -d' ' -f1)
"$tool" "$EC_OUT/$a/good" "$EC_OUT/$a/no-crt0" > "$T_TMP/multi.out" 2>&1
expect_eq "two files, one broken: exit 1" 1 $?
expect_eq "two files: one summary line each" 2 "$(grep -c ' errors, [0-9]* warnings$' "$T_TMP/multi.out")"
"$tool" "$EC_OUT/$a/no-crt0" "$c/does-not-exist" > /dev/null 2>&1
expect_eq "broken + missing: exit 2" 2 $?
"$tool" -q "$EC_OUT/$a/no-crtn" > "$T_TMP/q.out" 2>&1
expect_no_grep "-q: no info lines or summary" '(info\[| errors, )' "$T_TMP/q.out"
expect_grep "-q: errors still printed" 'error\[init-no-return\]' "$T_TMP/q.out"
"$tool" --bogus > "$T_TMP/opt.out" 2>&1
expect_eq "unknown option: exit 2" 2 $?
expect_grep "unknown option: named" "unknown option '--bogus'" "$T_TMP/opt.out"
"$tool" > /dev/null 2>&1
expect_eq "no files: exit 2" 2 $?

# JSON string escaping with a hostile file name, several files in one array.
odd=$(printf '%s/we"ird\\na\tme' "$T_TMP")
cp "$EC_OUT/$a/no-crt0" "$odd"
"$tool" --json "$EC_OUT/$a/good" "$odd" "$c/not-elf" > "$T_TMP/multi.json" 2>/dev/null
expect_eq "--json on three files: exit 2" 2 $?
check "--json escapes names; statuses clean/problems/unreadable" python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert [x["status"] for x in d] == ["clean", "problems", "unreadable"], d
assert d[1]["file"] == sys.argv[2], d[1]["file"]
assert "entry-zero" in [k["id"] for k in d[1]["findings"]]
assert d[2]["findings"][0]["id"] == "not-elf"' "$T_TMP/multi.json" "$odd"

# The fuzzer: a crash, leak or sanitizer report fails the run.
if [ -n "${EC_FUZZER:-}" ]; then
	mkdir -p "$EC_OUT/fuzz-work" "$EC_OUT/fuzz-artifacts"
	check "fuzz the reader for ${EC_FUZZ_TIME}s from the test-binary corpus" \
		"$EC_FUZZER" -max_total_time="$EC_FUZZ_TIME" -print_final_stats=1 \
		-artifact_prefix="$EC_OUT/fuzz-artifacts/" "$EC_OUT/fuzz-work" "$EC_CORPUS"
	grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "$T_TMP/tap.out" | sed 's/^/    /'
fi
summary

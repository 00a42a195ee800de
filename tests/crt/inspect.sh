#!/bin/sh
# crt objects, checked by inspecting linked binaries with llvm tools
# (issue 2; contracts from design.md "_start (crt0)" and "_init / _fini",
# entry facts from redox-abi.md §1–§2).
# usage: tests/crt/inspect.sh ARCH LIBDIR WORKDIR
set -u
. tests/lib/tap.sh
arch=$1 lib=$2 work=$3
mkdir -p "$work"; T_TMP=$work
prog=$work/prog

case $arch in
x86_64)  triple=x86_64-unknown-redox flags=-fcf-protection=full ;;
aarch64) triple=aarch64-unknown-redox flags=-mbranch-protection=standard ;;
esac
cc_() { $CLANG --target=$triple --sysroot="$work/empty" -Icrt/$arch -ffreestanding -fno-stack-protector -O2 $flags "$@"; }
mkdir -p "$work/empty"
check "$arch: compile test start routine" cc_ -c tests/crt/fake_start.c -o "$work/fake_start.o"
check "$arch: assemble .init fragment" cc_ -c tests/crt/init_fragment.S -o "$work/frag.o"
check "$arch: link crt0 crti start frag crtn" $LD_LLD -static --no-pie -z noexecstack -o "$prog" \
	"$lib/crt0.o" "$lib/crti.o" "$work/fake_start.o" "$work/frag.o" "$lib/crtn.o"
check "$arch: link without the fragment" $LD_LLD -static --no-pie -z noexecstack -o "$prog.plain" \
	"$lib/crt0.o" "$lib/crti.o" "$work/fake_start.o" "$lib/crtn.o"

# --- ELF header, entry point, sections
$LLVM_READELF -h -S -s -l -n "$prog" > "$work/readelf.txt" 2>&1
expect_grep "$arch: ET_EXEC" 'Type: +EXEC' "$work/readelf.txt"
entry=$($LLVM_READELF -h "$prog" | awk '/Entry point/ {print $4}')
start=$($LLVM_NM "$prog" | awk '$3 == "_start" {print $1}')
main_addr=$($LLVM_NM "$prog" | awk '$3 == "main" {print $1}')
rsv=$($LLVM_NM "$prog" | awk '$3 == "relibc_start_v1" {print $1}')
if [ -n "$start" ] && [ $((entry)) -ne 0 ] && [ $((entry)) -eq $((0x$start)) ]; then
	ok "$arch: entry $entry is _start and non-zero"
else fail "$arch: entry is _start" "entry=$entry _start=$start"; fi
for s in .text .init .fini; do
	expect_grep "$arch: section $s present" " \\$s +PROGBITS" "$work/readelf.txt"
done
expect_grep "$arch: _start is a sized function" 'FUNC +GLOBAL +DEFAULT +[0-9]+ _start$' "$work/readelf.txt"
size=$($LLVM_READELF -s "$prog" | awk '$8 == "_start" {print $3}')
if [ "${size:-0}" -gt 0 ]; then ok "$arch: _start has .size ($size)"; else fail "$arch: _start .size" "size=$size"; fi

# --- disassembly of _start: every duty, by instruction
# Only _start's own bytes (.size), not the linker's padding after it.
$LLVM_OBJDUMP -d --no-show-raw-insn --start-address=0x$start \
	--stop-address=$(printf '0x%x' $((0x$start + size))) "$prog" |
	awk '/^ +[0-9a-f]+:/ { sub(/^ +[0-9a-f]+:[ \t]+/, ""); print }' > "$work/start.s"
d="$work/start.s"
first=$(head -n1 "$d")
last=$(tail -n1 "$d")
call_line=$(grep -nE '^(callq|bl)[[:space:]]' "$d" | head -n1 | cut -d: -f1)
n_lines=$(wc -l < "$d")
case $arch in
x86_64)
	expect_eq "$arch: _start begins with endbr64 (IBT landing pad)" endbr64 "$first"
	expect_grep "$arch: frame pointer zeroed" '^xorl[[:space:]]+%ebp, %ebp' "$d"
	expect_grep "$arch: original sp is argument 0 (rdi)" '^movq[[:space:]]+%rsp, %rdi' "$d"
	expect_grep "$arch: sp aligned to 16" '^andq[[:space:]]+\$-0x10, %rsp' "$d"
	expect_grep "$arch: MXCSR value 0x1f80" '\$0x1f80,' "$d"
	expect_grep "$arch: ldmxcsr" '^ldmxcsr' "$d"
	expect_grep "$arch: x87 control word 0x37f" '\$0x37f,' "$d"
	expect_grep "$arch: fldcw" '^fldcw' "$d"
	if grep -Eq "^leaq[[:space:]].*%rsi.*# 0x0*${main_addr#0*}" "$d" ||
	   grep -Eq "^leaq[[:space:]].*# 0x$(printf %x $((0x$main_addr)))[[:space:]]*<main>" "$d"; then
		ok "$arch: main is argument 1 (rsi)"
	else fail "$arch: main is argument 1 (rsi)" "$(grep rsi "$d")"; fi
	expect_grep "$arch: calls relibc_start_v1" "^callq[[:space:]]+0x0*$(printf %x $((0x$rsv))) <relibc_start_v1>" "$d"
	trap_insn=ud2
	# Stack depth at the call: the pushes/subs after the and must cancel out.
	adj=0 on=0
	while read -r op a b; do
		case $op in andq) on=1; continue ;; callq) break ;; esac
		[ $on = 1 ] || continue
		case "$op $b" in
		"subq %rsp") v=${a#\$}; adj=$((adj + ${v%,})) ;;
		"addq %rsp") v=${a#\$}; adj=$((adj - ${v%,})) ;;
		push*) adj=$((adj + 8)) ;;
		pop*) adj=$((adj - 8)) ;;
		esac
	done < "$d"
	expect_eq "$arch: sp 16-byte aligned at the call (net adjustment after and)" 0 "$((adj % 16))"
	;;
aarch64)
	expect_eq "$arch: _start begins with bti c (BTI landing pad)" "bti	c" "$first"
	expect_grep "$arch: frame pointer x29 zeroed" '^mov[[:space:]]+x29, #0x0' "$d"
	expect_grep "$arch: link register x30 zeroed" '^mov[[:space:]]+x30, #0x0' "$d"
	expect_grep "$arch: original sp is argument 0 (x0)" '^mov[[:space:]]+x0, sp' "$d"
	expect_grep "$arch: sp aligned to 16" '^and[[:space:]]+sp, x0, #0xfffffffffffffff0' "$d"
	expect_grep "$arch: FPCR reset to 0" '^msr[[:space:]]+FPCR, xzr' "$d"
	page=$(printf '0x%x' $((0x$main_addr & ~0xfff)))
	lo=$(printf '0x%x' $((0x$main_addr & 0xfff)))
	# lld may relax adrp+add into nop+adr.
	if { grep -Eq "^adrp[[:space:]]+x1, $page" "$d" && grep -Eq "^add[[:space:]]+x1, x1, #$lo" "$d"; } ||
	   grep -Eq "^adr[[:space:]]+x1, 0x$(printf %x $((0x$main_addr))) <main>" "$d"; then
		ok "$arch: main is argument 1 (x1 = $page + $lo)"
	else fail "$arch: main is argument 1 (x1)" "main=0x$main_addr"; cat "$d"; fi
	expect_grep "$arch: calls relibc_start_v1" "^bl[[:space:]]+0x0*$(printf %x $((0x$rsv))) <relibc_start_v1>" "$d"
	trap_insn=udf
	# No store through sp before it is aligned.
	pre=$(awk '/^and[[:space:]]+sp/ {exit} /\[sp/ {print}' "$d")
	expect_eq "$arch: no sp-relative access before the realignment" "" "$pre"
	;;
esac
if [ -n "$call_line" ] && [ "$call_line" -eq $((n_lines - 1)) ] && case $last in $trap_insn*) true;; *) false;; esac; then
	ok "$arch: traps ($trap_insn) if relibc_start_v1 returns"
else fail "$arch: trap after the call" "call at line $call_line of $n_lines, last: $last"; fi

# --- CFI: return address undefined in _start's FDE
$LLVM_DWARFDUMP --eh-frame "$prog" > "$work/eh.txt" 2>&1
case $arch in x86_64) ra=RIP ;; aarch64) ra=W30 ;; esac
fde_range=
cur=0
while IFS= read -r line; do
	case $line in
	*"FDE cie="*)
		r=${line##*pc=}; lo=$((0x${r%%...*})); hi=$((0x${r##*...}))
		if [ $lo -le $((0x$start)) ] && [ $((0x$start)) -lt $hi ]; then cur=1; else cur=0; fi ;;
	*DW_CFA_undefined*) [ $cur = 1 ] && fde_range="$fde_range $line" ;;
	esac
done < "$work/eh.txt"
case $fde_range in *"$ra"*) ok "$arch: _start's FDE marks $ra undefined" ;;
*) fail "$arch: _start's FDE marks $ra undefined" "$(grep -c FDE "$work/eh.txt") FDEs"; esac

# --- .init/.fini: prologue ... fragment ... epilogue ret
for sec in .init .fini; do
	$LLVM_OBJDUMP -d --no-show-raw-insn -j "$sec" "$prog" |
		awk '/^ +[0-9a-f]+:/ { sub(/^ +[0-9a-f]+:[ \t]+/, ""); print }' > "$work/sec$sec.s"
	f="$work/sec$sec.s"
	got=$(tr '\n' ';' < "$f" | sed 's/[[:space:]]\+/ /g')
	case $arch in
	x86_64) want='^endbr64;pushq %rbp;movq %rsp, %rbp;callq 0x[0-9a-f]+ <(init|fini)_hook>;popq %rbp;retq;$' ;;
	aarch64) want='^bti c;paciasp;stp x29, x30, \[sp, #-0x10\]!;mov x29, sp;bl 0x[0-9a-f]+ <(init|fini)_hook>;ldp x29, x30, \[sp\], #0x10;autiasp;ret;$' ;;
	esac
	if echo "$got" | grep -Eq "$want"; then ok "$arch: $sec = prologue, fragment call, epilogue ret"
	else fail "$arch: $sec layout" "$got"; fi
	$LLVM_OBJDUMP -d --no-show-raw-insn -j "$sec" "$prog.plain" |
		awk '/^ +[0-9a-f]+:/ { sub(/^ +[0-9a-f]+:[ \t]+/, ""); print }' | tail -n1 > "$work/plain$sec"
	case $(cat "$work/plain$sec") in ret*) ok "$arch: $sec without fragments still ends in ret" ;;
	*) fail "$arch: $sec without fragments ends in ret" "$(cat "$work/plain$sec")" ;; esac
done
nm_init=$($LLVM_NM "$prog" | awk '$3 == "_init" || $3 == "_fini" {print $2 $3}' | sort | tr '\n' ' ')
expect_eq "$arch: _init and _fini are global text symbols" "T_fini T_init " "$nm_init"

# --- property notes and stack
case $arch in
x86_64) expect_grep "$arch: IBT and SHSTK property on the linked binary" 'x86 feature: IBT, SHSTK' "$work/readelf.txt" ;;
aarch64) expect_grep "$arch: BTI and PAC property on the linked binary" 'aarch64 feature: BTI, PAC' "$work/readelf.txt" ;;
esac
# The property is an AND over inputs: an input without it must drop it, or
# the check above proves nothing about our objects.
cc_ -c tests/crt/fake_start.c -o "$work/noprop.o" $( [ $arch = x86_64 ] && echo -fcf-protection=none || echo -mbranch-protection=none )
$LD_LLD -static --no-pie -o "$prog.noprop" "$lib/crt0.o" "$lib/crti.o" "$work/noprop.o" "$lib/crtn.o"
$LLVM_READELF -n "$prog.noprop" > "$work/noprop.txt" 2>&1
expect_no_grep "$arch: property dropped when one input lacks it" 'feature: (IBT|BTI)' "$work/noprop.txt"
for o in crt0 crti crtn; do
	$LLVM_READELF -S -n "$lib/$o.o" > "$work/$o.txt"
	expect_grep "$arch: $o.o has .note.GNU-stack" '\.note\.GNU-stack' "$work/$o.txt"
	case $arch in
	x86_64) expect_grep "$arch: $o.o claims IBT" 'x86 feature: IBT' "$work/$o.txt" ;;
	aarch64) expect_grep "$arch: $o.o claims BTI" 'aarch64 feature: BTI' "$work/$o.txt" ;;
	esac
done
stack=$(awk '$1 == "GNU_STACK" {print $NF, $(NF-1)}' "$work/readelf.txt")
case $stack in *E*) fail "$arch: stack not executable" "$stack" ;; "") fail "$arch: PT_GNU_STACK present" ;; *) ok "$arch: PT_GNU_STACK present and not executable ($stack)" ;; esac
# Without -z noexecstack ld.lld decides from the objects' .note.GNU-stack.
$LD_LLD -static --no-pie -o "$prog.ns" "$lib/crt0.o" "$lib/crti.o" "$work/fake_start.o" "$lib/crtn.o"
stack=$($LLVM_READELF -l "$prog.ns" | awk '$1 == "GNU_STACK" {print $NF, $(NF-1)}')
case $stack in *E*) fail "$arch: stack not executable from the notes alone" "$stack" ;; *) ok "$arch: stack not executable from the objects' notes alone" ;; esac

summary

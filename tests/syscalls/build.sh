#!/bin/sh
# Build-level checks of the syscall part: generator input errors, version
# selection and incremental rebuilds (in a private build directory), and the
# installed archives and headers inspected with llvm tools.
# usage: build.sh OUTDIR "ARCHS"
set -u
out=$1 archs=$2
mkdir -p "$out"
T_TMP=$out
. tests/lib/tap.sh
MAKE=${MAKE:-make}
NM=${LLVM_NM:-llvm-nm-19} OBJDUMP=${LLVM_OBJDUMP:-llvm-objdump-19} READELF=${LLVM_READELF:-llvm-readelf-19}
CLANG=${CLANG:-clang-19}

# --- generator: bad input gives one clear line naming file, line and fix
gen_err() { # NAME EXPECTED-REGEX TABLE-LINE
	printf '%s\n' "SYS_WRITE 0x21000004 fd:u buf:cp len:u" "$3" > "$out/bad.txt"
	if awk -v mode=numbers -v version=9.9.9 -f syscalls/gen.awk "$out/bad.txt" > /dev/null 2> "$out/bad.err"; then
		fail "$1" "gen.awk accepted: $3"
	else
		expect_grep "$1" "^$out/bad.txt:2: $2" "$out/bad.err"
	fi
	[ "$(wc -l < "$out/bad.err")" -eq 1 ] || fail "$1: one line" "$(cat "$out/bad.err")"
}
gen_err "gen: unknown type" "unknown argument type 'int'; fix:" "SYS_READ 0x22000003 fd:int"
gen_err "gen: decimal number" "bad number '265' for SYS_X; fix:" "SYS_X 265 a:u"
gen_err "gen: seven arguments" "SYS_X has 7 arguments" "SYS_X 0x1 a:u b:u c:u d:u e:u f:u g:u"
gen_err "gen: duplicate name" "SYS_WRITE listed twice" "SYS_WRITE 0x2 fd:u"
gen_err "gen: duplicate number" "SYS_Y has the same number 0x21000004 as SYS_WRITE" "SYS_Y 0x21000004 -"
gen_err "gen: missing fields" "expected \"NAME NUMBER ARGS\"" "SYS_Z 0x5"

# --- version selection, in a private build tree
b=$out/vbuild
rm -rf "$b"
if $MAKE --no-print-directory BUILD="$b" SYSCALL_VERSION=0.7.7 syscalls > "$out/v-bad.log" 2>&1; then
	fail "unknown SYSCALL_VERSION is refused"
else
	expect_grep "unknown SYSCALL_VERSION is refused" 'SYSCALL_VERSION=0\.7\.7 has no table syscalls/table-0\.7\.7\.txt; fix: make SYSCALL_VERSION=<one of: 0\.6\.0 0\.9\.3>' "$out/v-bad.log"
fi
hdr=$b/sysroot/x86_64-unknown-redox/include/redox/syscall_numbers.h
lib=$b/sysroot/x86_64-unknown-redox/lib/libredox_syscall.a
check "build 0.6.0" $MAKE --no-print-directory BUILD="$b" ARCHS=x86_64 syscalls
expect_grep "0.6.0 headers say 0.6.0" '^#define REDOX_SYSCALL_VERSION "0\.6\.0"$' "$hdr"
$NM "$lib" > "$out/v060.nm" 2>&1
expect_grep "0.6.0 archive has redox_open" ' T redox_open$' "$out/v060.nm"
$MAKE --no-print-directory BUILD="$b" ARCHS=x86_64 syscalls > "$out/v-again.log" 2>&1
expect_no_grep "a second 0.6.0 build does nothing" '(GEN|CC|AR|INSTALL) ' "$out/v-again.log"
$MAKE --no-print-directory BUILD="$b" ARCHS=x86_64 SYSCALL_VERSION=0.9.3 syscalls > "$out/v093.log" 2>&1
expect_grep "switching to 0.9.3 regenerates" 'GEN|CC .*wrappers\.c' "$out/v093.log"
expect_no_grep "switching to 0.9.3 leaves the arch shim alone" 'AS .*syscall\.S' "$out/v093.log"
expect_grep "0.9.3 headers say 0.9.3" '^#define REDOX_SYSCALL_VERSION "0\.9\.3"$' "$hdr"
$NM "$lib" > "$out/v093.nm" 2>&1
expect_no_grep "0.9.3 archive has no redox_open" ' redox_open$' "$out/v093.nm"
expect_grep "0.9.3 archive has redox_openat_into" ' T redox_openat_into$' "$out/v093.nm"
$MAKE --no-print-directory BUILD="$b" ARCHS=x86_64 syscalls > "$out/v-back.log" 2>&1
expect_grep "back to 0.6.0 headers" '^#define REDOX_SYSCALL_VERSION "0\.6\.0"$' "$hdr"
rm -rf "$b"

# --- wrapper parameters against the hand-written kernel argument order
# (tests/syscalls/expected-args.txt), for every table version: the unit
# tests' wrapper cases come from the same table, so a swapped pair of
# same-typed arguments there would pass them.
# protos HEADER: "redox_NAME p1 p2* ..." for each function the header declares.
protos() {
	awk '{ s = s " " $0 } END {
		while ((i = index(s, "/*")) > 0) {
			rest = substr(s, i + 2); j = index(rest, "*/")
			s = substr(s, 1, i - 1) " " (j ? substr(rest, j + 2) : "")
		}
		while (match(s, /redox_[a-z0-9_]+[ \t]*\([^()]*\)/)) {
			d = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
			name = d; sub(/[ \t]*\(.*/, "", name)
			if (name in seen) continue
			seen[name] = 1
			args = d; sub(/^[^(]*\(/, "", args); sub(/\)$/, "", args)
			out = name
			if (args !~ /^[ \t]*(void)?[ \t]*$/) {
				n = split(args, p, ",")
				for (k = 1; k <= n; k++) {
					ptr = p[k] ~ /\*/ ? "*" : ""
					nm = p[k]; sub(/[^A-Za-z0-9_]+$/, "", nm); sub(/.*[^A-Za-z0-9_]/, "", nm)
					out = out " " nm ptr
				}
			}
			print out
		}
	}' "$1"
}
for v in $(ls syscalls/table-*.txt | sed 's|.*/table-||; s|\.txt$||'); do
	h=${BUILD:-build}/gen/syscalls/$v/include/redox/syscall_wrappers.h
	awk -v v="$v" '!/^#/ && NF >= 2 { n = split($1, vs, ","); for (i = 1; i <= n; i++) if (vs[i] == v) {
		$1 = ""; sub(/^ +/, ""); print; break } }' tests/syscalls/expected-args.txt | sort > "$out/args-$v.want"
	if [ ! -s "$out/args-$v.want" ]; then
		fail "$v wrappers: expected-args.txt has expectations for this table" "add $v lines to tests/syscalls/expected-args.txt"
		continue
	fi
	protos "$h" | sort > "$out/args-$v.got"
	cut -d' ' -f1 "$out/args-$v.want" > "$out/args-$v.names"
	awk 'NR == FNR { w[$1]; next } $1 in w' "$out/args-$v.names" "$out/args-$v.got" > "$out/args-$v.cmp"
	if cmp -s "$out/args-$v.want" "$out/args-$v.cmp"; then
		ok "$v wrappers: every parameter in the kernel's order ($(wc -l < "$out/args-$v.want") wrappers)"
	else
		fail "$v wrappers: parameters in the kernel's order" "expected (<) vs $h (>):"
		diff "$out/args-$v.want" "$out/args-$v.cmp" | grep '^[<>]' | head -10 | sed 's/^/    /'
	fi
	extra=$(cut -d' ' -f1 "$out/args-$v.got" | grep -v -F -x -f "$out/args-$v.names" | grep -v -E '^redox_(syscall[0-6]|result|is_error|errno_of)' | tr '\n' ' ')
	expect_eq "$v wrappers: none declared without an expectation" "" "$extra"
done

# --- the installed archives and headers, per arch
for a in $archs; do
	case $a in
	x86_64) insn='syscall$' pad='endbr64' ;;
	aarch64) insn='svc[[:space:]]+#0$' pad='bti[[:space:]]+c$' ;;
	esac
	root=build/sysroot/$a-unknown-redox
	lib=$root/lib/libredox_syscall.a
	$NM --defined-only "$lib" 2>&1 | awk '$2 == "T" { print $3 }' | sort > "$out/$a.defined"
	$NM --undefined-only "$lib" 2>&1 | awk '$1 == "U" { print $2 }' | sort -u > "$out/$a.undef"
	for k in 0 1 2 3 4 5 6; do
		expect_grep "$a archive defines redox_syscall$k" "^redox_syscall$k\$" "$out/$a.defined"
	done
	sed -n 's/^long \(redox_[a-z0-9_]*\)(.*/\1/p' "$root/include/redox/syscall_wrappers.h" | sort > "$out/$a.declared"
	missing=$(comm -23 "$out/$a.declared" "$out/$a.defined" | tr '\n' ' ')
	expect_eq "$a archive defines every declared wrapper" "" "$missing"
	# One member per typed wrapper: a program pulls only what it calls, and
	# relibc's redox_fpath never meets ours unless the program calls it.
	$NM --defined-only "$lib" 2>&1 | awk 'NR == FNR { w[$1]; next }
		/:$/ { m = $0; next } $2 == "T" && $3 in w { n[m]++; names[m] = names[m] " " $3 }
		END { for (m in n) if (n[m] != 1) print m names[m] }' "$out/$a.declared" - > "$out/$a.shared"
	expect_eq "$a archive: every typed wrapper is alone in its member" "" "$(tr '\n' ' ' < "$out/$a.shared")"
	outside=$(comm -23 "$out/$a.undef" "$out/$a.defined" | tr '\n' ' ')
	expect_eq "$a archive needs nothing from outside (no memcpy, no libc)" "" "$outside"
	$OBJDUMP -d --no-show-raw-insn "build/$a/obj/syscalls/$a/syscall.o" > "$out/$a.dis"
	expect_eq "$a shims: 7 syscall instructions" 7 "$(grep -Ec "$insn" "$out/$a.dis")"
	expect_eq "$a shims: 7 landing pads" 7 "$(grep -Ec "$pad" "$out/$a.dis")"
	# Every typed wrapper is one straight line: landing pad, number (and on
	# x86_64 rcx->r10 for a fourth argument), trap, return; 5 at most.
	v=$(sed -n 's/^#define REDOX_SYSCALL_VERSION "\(.*\)"$/\1/p' "$root/include/redox/syscall_numbers.h")
	$OBJDUMP -d --no-show-raw-insn "build/$a/obj/build/gen/syscalls/$v/stubs"/*.o 2>&1 |
		awk -v pad="$pad" -v trap="$insn" '
			/^[0-9a-f]+ <redox_[a-z0-9_]+>:$/ { if (f) done(); f = $2; gsub(/[<>:]/, "", f); n = 0; next }
			f && /^ +[0-9a-f]+:/ { sub(/^ +[0-9a-f]+:[ \t]+/, ""); ins[++n] = $0 }
			function done() {
				ok = n >= 3 && n <= 5 && ins[1] ~ ("^" pad) && ins[n - 1] ~ trap && ins[n] ~ /^ret/
				for (i = 2; i < n - 1; i++) ok = ok && ins[i] ~ /^(mov|movl|movq|movz|movk)[ \t]/
				print f, (ok ? "ok" : "bad"), n
			}
			END { if (f) done() }' > "$out/$a.stubs"
	expect_eq "$a: a stub for every declared wrapper" "$(wc -l < "$out/$a.declared")" "$(wc -l < "$out/$a.stubs")"
	expect_eq "$a: every stub is pad, moves, trap, return in <= 5 instructions" "" "$(awk '$2 != "ok"' "$out/$a.stubs" | tr '\n' ' ')"
	$READELF -n "build/$a/obj/syscalls/$a/syscall.o" > "$out/$a.notes" 2>&1
	expect_grep "$a shims carry the GNU property note" 'feature: (IBT, SHSTK|BTI, PAC)' "$out/$a.notes"
	# Each installed header compiles on its own, as C11 and as C++11.
	for h in "$root"/include/redox/*.h; do
		n=$(basename "$h")
		case $n in start.h|unwind*) continue ;; esac
		printf '#include <redox/%s>\n' "$n" > "$out/inc.c"
		cp "$out/inc.c" "$out/inc.cc"
		check "$a <redox/$n> alone (C)" $CLANG --target=$a-unknown-redox --sysroot=build/empty-sysroot \
			-ffreestanding -std=c11 -Wall -Wextra -Werror -I"$root/include" -fsyntax-only "$out/inc.c"
		check "$a <redox/$n> alone (C++)" $CLANG --target=$a-unknown-redox --sysroot=build/empty-sysroot \
			-ffreestanding -std=c++11 -Wall -Wextra -Werror -Wno-c99-extensions -I"$root/include" -fsyntax-only "$out/inc.cc"
	done
done

summary

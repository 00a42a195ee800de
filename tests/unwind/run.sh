#!/bin/sh
# unwind suite driver (issue 6; contract: design.md "Unwind stubs").
# usage: tests/unwind/run.sh WORKDIR   (env: HOST_CC HOST_ARCH ARCHS SYSROOT
#        REDOX_RUN MAKE CLANG LD_LLD LLVM_NM, as tests/unwind/part.mk sets)
set -u
LLVM_SYMBOLIZER=${LLVM_SYMBOLIZER:-llvm-symbolizer-19}
. tests/lib/tap.sh
work=$1; mkdir -p "$work"; T_TMP=$work
HOST_CC=${HOST_CC:-cc}
srcs="unwind/walk.c unwind/backtrace.c unwind/raise.c unwind/frames.c"
triple() { echo "$1-unknown-redox"; }

# --- host unit tests (Check), plain and under ASan+UBSan ---------------
for t in test_unwind test_unwind-san test_fprintf test_fprintf-san; do
	"$work/$t" > "$work/$t.out" 2>&1; rc=$?
	cat "$work/$t.out"
	expect_eq "host: $t exits 0" 0 "$rc"
done

# --- prototypes against three <unwind.h>s, each compiler, -Werror ------
# Each header is copied into its own directory so that -I picks exactly it.
hdr_nongnu=/usr/include/$($HOST_CC -print-multiarch 2>/dev/null)/unwind.h
[ -f "$hdr_nongnu" ] || hdr_nongnu=/usr/include/unwind.h
hdr_clang=$($CLANG -print-resource-dir)/include/unwind.h
hdr_gcc=$($HOST_CC -print-file-name=include)/unwind.h
for k in nongnu clang gcc; do
	eval "h=\$hdr_$k"
	if [ -f "$h" ] && { [ $k != nongnu ] || grep -q 'libunwind' "$h"; }; then
		mkdir -p "$work/hdr/$k" && cp "$h" "$work/hdr/$k/unwind.h"
	else
		fail "headers: find $k's unwind.h" "not at $h (nongnu's comes from Debian libunwind-dev)"
	fi
done
hcompile() { # compiler header-kind src [extra flags]
	_c=$1 _k=$2 _s=$3; shift 3
	$_c -std=gnu11 -Wall -Wextra -Werror -I"$work/hdr/$_k" -Iunwind \
		-Iunwind/"$HOST_ARCH" "$@" -c "$_s" -o "$work/hdr.o"
}
for cc in "$HOST_CC" "$CLANG"; do
	for k in nongnu clang gcc; do
		[ -f "$work/hdr/$k/unwind.h" ] || continue
		for s in $srcs; do
			check "headers: $s compiles with $k's unwind.h ($cc, host)" hcompile "$cc" $k $s
		done
	done
done
# The same sources built for Redox against nongnu's header (clang's is what
# the sysroot build uses).
for a in $ARCHS; do
	for s in $srcs; do
		check "headers: $s compiles with nongnu's unwind.h ($a)" \
			$CLANG --target=$(triple $a) --sysroot="$work/empty" -ffreestanding \
			-std=c11 -Wall -Wextra -Werror -I"$work/hdr/nongnu" -Iunwind \
			-Iunwind/$a -c $s -o "$work/hdr.o"
	done
done
# Negative control: forcing the other header's types must not compile, so
# the checks above do compare prototypes.
for pair in "clang 3" "nongnu 1"; do
	set -- $pair
	if hcompile "$CLANG" $1 unwind/backtrace.c -DRU_HDR=$2 > "$work/neg.out" 2>&1; then
		fail "headers: $1's unwind.h with the wrong types is rejected" "it compiled"
	elif grep -q 'conflicting types' "$work/neg.out"; then
		ok "headers: $1's unwind.h with the wrong types is rejected (conflicting types)"
	else
		fail "headers: $1's unwind.h with the wrong types is rejected" "failed for another reason"
		sed 's/^/    /' "$work/neg.out" | head -5
	fi
done

# --- symbol parity with libgcc_eh and nongnu libunwind -----------------
defined() { $LLVM_NM -g --defined-only "$@" 2>/dev/null | awk 'NF == 3 && $2 ~ /^[TW]$/ { print $3 }' | sort -u; }
gcc_eh=$($HOST_CC -print-file-name=libgcc_eh.a)
nongnu_a=/usr/lib/$($HOST_CC -print-multiarch 2>/dev/null)/libunwind.a
defined "$gcc_eh" | grep -E '^(_Unwind_|__register_frame|__deregister_frame)' > "$work/want-gcc_eh"
defined "$nongnu_a" | grep -E '^_Unwind_' > "$work/want-libunwind"
for w in gcc_eh libunwind; do
	n=$(wc -l < "$work/want-$w")
	# Too few names means the reference library was not read.
	if [ "$n" -lt 18 ]; then
		fail "symbols: read the reference set from $w" "only $n names; is libunwind-dev / gcc installed?"
	else
		ok "symbols: $n reference names from host $w"
	fi
done
for a in $ARCHS; do
	# The stubs under their three names, and lib/libgcc_eh.a, lib/libunwind.a
	# (LLVM libunwind, or the stubs with UNWIND=stubs).
	for lib in libunwind_stubs unwind-stubs/libgcc_eh unwind-stubs/libunwind libgcc_eh libunwind; do
		f=$SYSROOT/$(triple $a)/lib/$lib.a
		k=$(echo "$lib" | tr / -)
		defined "$f" > "$work/have-$a-$k"
		for w in gcc_eh libunwind; do
			miss=$(comm -23 "$work/want-$w" "$work/have-$a-$k" | tr '\n' ' ')
			if [ -n "$miss" ]; then fail "symbols: $a $lib.a has every symbol of host $w" "missing: $miss"
			else ok "symbols: $a $lib.a has every symbol of host $w"; fi
		done
	done
	for lib in libgcc_eh libunwind; do
		f=$SYSROOT/$(triple $a)/lib/$lib.a
		if [ "$UNWIND" = llvm ]; then
			if cmp -s "$f" "$SYSROOT/$(triple $a)/lib/libunwind_stubs.a"; then
				fail "symbols: $a $lib.a is LLVM libunwind (UNWIND=llvm)" "it is the stubs"
			else
				expect_grep "symbols: $a $lib.a is LLVM libunwind (UNWIND=llvm: defines unw_step)" \
					'^unw_step$' "$work/have-$a-$lib"
			fi
		else
			check "symbols: $a $lib.a is the stubs (UNWIND=$UNWIND)" cmp "$f" "$SYSROOT/$(triple $a)/lib/libunwind_stubs.a"
		fi
		check "symbols: $a unwind-stubs/$lib.a is the stubs" \
			cmp "$SYSROOT/$(triple $a)/lib/unwind-stubs/$lib.a" "$SYSROOT/$(triple $a)/lib/libunwind_stubs.a"
	done
	# What LLVM libunwind needs from outside: exactly the five functions
	# docs/unwind.md lists, which relibc's libc.a and libredox_start.a both
	# define (the link checks below prove the latter).
	if [ "$UNWIND" = llvm ]; then
		f=$SYSROOT/$(triple $a)/lib/libunwind.a
		$LLVM_NM "$f" 2>/dev/null | awk '$1 == "U" { print $2 }' | sort -u > "$work/llvm-und-$a"
		$LLVM_NM "$f" 2>/dev/null | awk 'NF == 3 && $2 != "U" { print $3 }' | sort -u > "$work/llvm-def-$a"
		expect_eq "symbols: $a LLVM libunwind needs only abort free malloc memcpy memset" \
			"abort free malloc memcpy memset" "$(comm -23 "$work/llvm-und-$a" "$work/llvm-def-$a" | tr '\n' ' ' | sed 's/ $//')"
		$LLVM_READELF -s "$f" | awk '$7 != "UND" && $8 ~ /^__redox_unwind_/ { print $8, $6 }' | sort -u > "$work/llvm-internal-$a"
		expect_eq "symbols: $a LLVM libunwind's own helpers are hidden" \
			"__redox_unwind_fprintf HIDDEN __redox_unwind_write2 HIDDEN" "$(tr '\n' ' ' < "$work/llvm-internal-$a" | sed 's/ $//')"
		expect_eq "symbols: $a dl_iterate_phdr is weak (a libc's own would win)" "W" \
			"$($LLVM_NM "$f" 2>/dev/null | awk '$3 == "dl_iterate_phdr" && $2 != "U" { print $2 }')"
	fi
	# Self-contained: nothing undefined that the archive does not define.
	$LLVM_NM "$SYSROOT/$(triple $a)/lib/libunwind_stubs.a" 2>/dev/null |
		awk '$1 == "U" { print $2 }' | sort -u > "$work/und-$a"
	$LLVM_NM "$SYSROOT/$(triple $a)/lib/libunwind_stubs.a" 2>/dev/null |
		awk 'NF == 3 && $2 != "U" { print $3 }' | sort -u > "$work/def-$a"
	expect_eq "symbols: $a archive needs no other library" "" \
		"$(comm -23 "$work/und-$a" "$work/def-$a" | tr '\n' ' ')"
	# Internal names stay internal.
	$LLVM_READELF -s "$SYSROOT/$(triple $a)/lib/libunwind_stubs.a" |
		awk '$7 != "UND" && $8 ~ /^__redox_unwind_/ { print $8, $6 }' | sort > "$work/internal-$a"
	expect_eq "symbols: $a internal helpers defined hidden" \
		"__redox_unwind_walk HIDDEN __redox_unwind_write2 HIDDEN" "$(cat "$work/internal-$a" | tr '\n' ' ' | sed 's/ $//')"
done

# --- the 14 symbols Rust std uses (redox-abi.md §6) resolve from -lgcc_eh
rust14="_Unwind_Backtrace _Unwind_GetIP _Unwind_GetCFA _Unwind_FindEnclosingFunction
_Unwind_GetIPInfo _Unwind_GetLanguageSpecificData _Unwind_GetRegionStart
_Unwind_GetTextRelBase _Unwind_GetDataRelBase _Unwind_SetGR _Unwind_SetIP
_Unwind_Resume _Unwind_RaiseException _Unwind_DeleteException"
expect_eq "rust: the list names 14 symbols" 14 "$(echo $rust14 | wc -w)"
for a in $ARCHS; do
	mkdir -p "$work/empty"
	check "rust: $a compile references" $CLANG --target=$(triple $a) --sysroot="$work/empty" \
		-ffreestanding -O2 -c tests/unwind/rust_refs.c -o "$work/rust_refs-$a.o"
	# The stubs need nothing else; LLVM libunwind also the freestanding
	# runtime (or relibc's libc.a).
	for lib in stubs-gcc_eh stubs-unwind gcc_eh unwind; do
		out=$work/rust-$a-$lib
		l=${lib#stubs-} L=-L"$SYSROOT/$(triple $a)/lib" extra=
		case $lib in stubs-*) L=-L"$SYSROOT/$(triple $a)/lib/unwind-stubs" ;;
		*) [ "$UNWIND" = llvm ] && extra="-lredox_start -lredox_syscall" ;; esac
		check "rust: $a static link with -l$l${extra:+ $extra} ($L)" $LD_LLD -static --no-pie -e rust_refs_entry \
			-o "$out" "$work/rust_refs-$a.o" "$L" -L"$SYSROOT/$(triple $a)/lib" -l$l $extra
		$LLVM_NM "$out" 2>/dev/null | awk '$2 == "T" { print $3 }' | sort -u > "$out.defs"
		# Weak references (the runtime's _init/_fini) may stay undefined.
		$LLVM_NM -u "$out" 2>/dev/null | awk '$1 == "U"' > "$out.undef"
		miss=
		for s in $rust14; do grep -qx "$s" "$out.defs" || miss="$miss $s"; done
		expect_eq "rust: $a -l$lib defines all 14 in the linked program" "" "$miss"
		expect_eq "rust: $a -l$lib link leaves nothing undefined" "" "$(cat "$out.undef")"
	done
done

# --- end to end in redox-run ------------------------------------------
. tests/unwind/e2e.sh
. tests/unwind/eh.sh
. tests/unwind/links.sh
. tests/unwind/rust.sh
summary

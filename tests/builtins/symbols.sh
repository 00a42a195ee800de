#!/bin/sh
# SPDX-License-Identifier: MIT
# Static checks of one target's builtins archive and crtbegin/crtend:
#   symbols.sh ARCH LIBDIR OUTDIR
# LIBDIR is the sysroot's lib directory for ARCH.
set -u
export LC_ALL=C
. tests/lib/tap.sh
arch=$1 lib=$2 dir=$3
mkdir -p "$dir"
T_TMP=$dir
a=$lib/libclang_rt.builtins-$arch.a

# External references the archive may make, and why. Anything else (the
# stack protector's __stack_chk_*, getauxval, a libc call) fails.
allowed="
_Unwind_GetIP _Unwind_GetLanguageSpecificData _Unwind_GetRegionStart
_Unwind_SetGR _Unwind_SetIP
memcpy memcmp"
# gcc_personality_v0: the unwinder (-lgcc_eh / -lunwind, unwind part).
# atomic.c (__atomic_* for sizes without lock-free instructions): libc.
# divxc3.c: x87 long double complex division calls libm's fmaxl/logbl/scalbnl.
[ "$arch" = x86_64 ] && allowed="$allowed fmaxl logbl scalbnl"

# unexpected_refs ARCHIVE PREFIX: external references of ARCHIVE (undefined
# in some member, defined in none) that are not allowed, into PREFIX.unexpected.
unexpected_refs() {
	$LLVM_NM "$1" > "$2.nm" 2>&1 || return 1
	awk '$1 == "U" { print $2 }' "$2.nm" | sort -u > "$2.undef"
	awk 'NF == 3 && $2 ~ /^[TDBRVWCSAtdbrs]$/ { print $3 }' "$2.nm" | sort -u > "$2.def"
	comm -23 "$2.undef" "$2.def" > "$2.external"
	printf '%s\n' $allowed | sort -u > "$2.allowed"
	comm -23 "$2.external" "$2.allowed" > "$2.unexpected"
}
if ! unexpected_refs "$a" "$dir/lib"; then
	fail "$arch nm $a" "llvm-nm failed"
elif [ -s "$dir/lib.unexpected" ]; then
	fail "$arch archive references only the allowed external symbols" \
		"unexpected: $(tr '\n' ' ' < "$dir/lib.unexpected")"
else
	ok "$arch archive references only the allowed external symbols ($(wc -l < "$dir/lib.external") external)"
fi
cp "$dir/lib.nm" "$dir/nm.txt"
cp "$dir/lib.def" "$dir/def.txt"
# Negative control: the same check on a copy with one member that, like
# Debian's Linux builtins, calls the stack protector and getauxval.
printf 'unsigned long getauxval(unsigned long);\nvoid __stack_chk_fail(void);\nunsigned long f(void) { __stack_chk_fail(); return getauxval(16); }\n' > "$dir/bad.c"
$CLANG --target=$arch-unknown-redox -ffreestanding -c "$dir/bad.c" -o "$dir/bad.o" &&
	cp "$a" "$dir/bad.a" && $LLVM_AR rcs "$dir/bad.a" "$dir/bad.o" && unexpected_refs "$dir/bad.a" "$dir/bad"
expect_eq "$arch negative control: a member calling __stack_chk_fail and getauxval is rejected" \
	"__stack_chk_fail getauxval" "$(tr '\n' ' ' < "$dir/bad.unexpected" 2>/dev/null | sed 's/ $//')"
expect_eq "$arch libgcc.a is the builtins archive" "$(cksum < "$a")" "$(cksum < "$lib/libgcc.a")"

# Symbols C and Rust code for Redox call (a sample across the families).
want="__udivti3 __divti3 __umodti3 __multi3 __floattidf __fixdfti __muloti4
__multf3 __addtf3 __divtf3 __extenddftf2 __trunctfdf2 __floattitf
__extendhfsf2 __truncsfhf2 __truncsfbf2 __powidf2 __mulsc3 __divdc3
__popcountdi2 __clzti2 __atomic_load __atomic_compare_exchange"
[ "$arch" = x86_64 ] && want="$want __cpu_model __cpu_indicator_init __floatuntixf __divxc3"
[ "$arch" = aarch64 ] && want="$want __aarch64_cas16_acq_rel __aarch64_ldadd4_relax
__aarch64_swp8_acq __aarch64_ldset1_rel __aarch64_have_lse_atomics __aarch64_cas1_sync"
missing=
for s in $want; do grep -qx -- "$s" "$dir/def.txt" || missing="$missing $s"; done
expect_eq "$arch archive defines the expected builtins" "" "$missing"
# Outline atomics: 5 memory models x (cas 1..16 + 5 ops x 1..8) = 125.
[ "$arch" = aarch64 ] && expect_eq "aarch64 archive has all 125 outline-atomic helpers" 125 \
	"$(grep -cE '^__aarch64_(cas|swp|ldadd|ldclr|ldeor|ldset)(1|2|4|8|16)_(relax|acq|rel|acq_rel|sync)$' "$dir/def.txt")"

# Linking any member must not switch off IBT/SHSTK or BTI/PAC for a program:
# every member carries the GNU property note with the target's features.
case $arch in x86_64) feat='x86 feature: IBT, SHSTK' ;; aarch64) feat='aarch64 feature: BTI, PAC' ;; esac
$LLVM_READELF -n "$a" > "$dir/notes.txt" 2>&1
n_members=$($LLVM_AR t "$a" | wc -l)
n_feat=$(grep -c "$feat" "$dir/notes.txt")
expect_eq "$arch every archive member has '$feat'" "$n_members" "$n_feat"
expect_no_grep "$arch no member was built with the stack protector" '__stack_chk' "$dir/nm.txt"

# crtbegin.o: __dso_handle for C++ (__cxa_atexit's third argument), with
# everything else it refers to weak.
$LLVM_NM "$lib/crtbegin.o" > "$dir/crtbegin.nm" 2>&1
expect_grep "$arch crtbegin.o defines __dso_handle" '^[0-9a-f]+ [DdBb] __dso_handle$' "$dir/crtbegin.nm"
expect_no_grep "$arch crtbegin.o has only weak undefined references" '^ +U ' "$dir/crtbegin.nm"
$LLVM_READELF -S "$lib/crtend.o" > "$dir/crtend.sec" 2>&1
expect_grep "$arch crtend.o ends .eh_frame (zero terminator)" '\.eh_frame ' "$dir/crtend.sec"
for v in crtbeginS crtbeginT; do
	expect_eq "$arch $v.o is crtbegin.o" "$(cksum < "$lib/crtbegin.o")" "$(cksum < "$lib/$v.o")"
done
summary

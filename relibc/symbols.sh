#!/bin/sh
# SPDX-License-Identifier: MIT
# Turn cargo's librelibc.a and openlibm's libopenlibm.a into relibc's libc.a
# so that a Rust program (with its own core, alloc, compiler_builtins,
# allocator shim and panic handler) links against it without -z muldefs.
#
#   symbols.sh LIBRELIBC.a LIBOPENLIBM.a OUT_LIBC.a LISTDIR
#
# 1. Rename, in every member of LIBRELIBC.a (definitions and references
#    alike), each global symbol that is Rust-internal: every v0 (_R...) or
#    legacy (_ZN...17h<hash>E) mangled name, and the unmangled names of Rust's
#    allocator shim and panic runtime, and LLVM's promoted constants
#    (anon.<module hash>.<n>...), to __relibc_<name>. (relibc's
#    renamesyms.sh renames the T symbols of its dependency rlibs, the alloc
#    shim names and the "7___rustc" mangled ones; this covers data symbols too.)
# 2. Make local the weak definitions in LIBRELIBC.a (compiler_builtins' math
#    fallbacks) of names openlibm defines, so a C program's ceil() is
#    openlibm's and not whichever archive member comes first (relibc's
#    stripcore.sh strips a fixed list of 27 for the same reason; here the list
#    is computed). A name both define strongly is an error.
# 3. OUT_LIBC.a = LIBRELIBC.a's members followed by LIBOPENLIBM.a's (relibc's
#    `ar -M` addlib script), with a symbol index.
# LISTDIR gets renamed.txt (old new) and hidden.txt. Facts: docs/relibc-build.md.
set -eu
me=relibc/symbols.sh
die() { echo "$me: $*" >&2; exit 1; }
[ $# -eq 4 ] || die "usage: $me LIBRELIBC.a LIBOPENLIBM.a OUT_LIBC.a LISTDIR"
rl=$1 olm=$2 out=$3 lists=$4
NM=${LLVM_NM:-llvm-nm-19} OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-19} AR=${LLVM_AR:-llvm-ar-19}
mkdir -p "$lists"

# "TYPE NAME" for every global symbol (U for references) of an archive.
globals() { "$NM" -g "$1" 2>/dev/null | awk 'NF == 3 { print $2, $3 } NF == 2 { print $1, $2 }'; }

globals "$rl" > "$lists/relibc-globals.all"
# Unmangled names the Rust runtime defines in every program that has an
# allocator or a panic handler (rustc's allocator shim, std's panic runtime);
# rustc 1.96 mangles the shim names too, older ones do not.
awk '
	$2 ~ /^_R/ || $2 ~ /^_ZN.*17h[0-9a-f]+E$/ || $2 ~ /^anon\.[0-9a-f]+\.[0-9]+/ ||
	$2 ~ /^__rust_(alloc|dealloc|realloc|alloc_zeroed|alloc_error_handler|alloc_error_handler_should_panic|no_alloc_shim_is_unstable|no_alloc_shim_is_unstable_v2|probestack|start_panic|panic_cleanup|drop_panic|foreign_exception)$/ ||
	$2 ~ /^__r[gd]l_/ || $2 == "rust_begin_unwind" || $2 == "rust_panic" { print $2 }
' "$lists/relibc-globals.all" | LC_ALL=C sort -u > "$lists/renamed.names"
awk '{ print $1, "__relibc_" $1 }' "$lists/renamed.names" > "$lists/renamed.txt"
[ -s "$lists/renamed.txt" ] || die "$rl has no Rust-internal global symbols: not a Rust staticlib?"
"$OBJCOPY" --redefine-syms="$lists/renamed.txt" "$rl" ||
	die "llvm-objcopy could not rename the Rust-internal symbols of $rl"

# Weak here and defined in openlibm: hide ours.
globals "$olm" | awk '$1 != "U" { print $2 }' | LC_ALL=C sort -u > "$lists/openlibm.defs"
globals "$rl" > "$lists/relibc-globals.renamed"
awk '$1 == "W" || $1 == "V" { print $2 }' "$lists/relibc-globals.renamed" | LC_ALL=C sort -u > "$lists/relibc.weak"
awk '$1 ~ /^[TDBRC]$/ { print $2 }' "$lists/relibc-globals.renamed" | LC_ALL=C sort -u > "$lists/relibc.strong"
LC_ALL=C comm -12 "$lists/relibc.weak" "$lists/openlibm.defs" > "$lists/hidden.txt"
dup=$(LC_ALL=C comm -12 "$lists/relibc.strong" "$lists/openlibm.defs" | head -n 5 | tr '\n' ' ')
[ -z "$dup" ] || die "relibc and openlibm both define $dup(strong definitions): one libc.a cannot hold both; fix: build relibc with its math_libm feature off, or report it upstream"
if [ -s "$lists/hidden.txt" ]; then
	"$OBJCOPY" --localize-symbols="$lists/hidden.txt" "$rl" ||
		die "llvm-objcopy could not localize compiler_builtins' math symbols in $rl"
fi

# Every renamed reference must still find its renamed definition.
globals "$rl" > "$lists/relibc-globals.final"
awk '$1 != "U" { print $2 }' "$lists/relibc-globals.final" | LC_ALL=C sort -u > "$lists/relibc.defs"
undef=$(awk '$1 == "U" && $2 ~ /^__relibc_/ { print $2 }' "$lists/relibc-globals.final" | LC_ALL=C sort -u |
	LC_ALL=C comm -23 - "$lists/relibc.defs" | head -n 3 | tr '\n' ' ')
[ -z "$undef" ] || die "after renaming, $rl references $undef without defining them"

rm -f "$out"
"$AR" qcL "$out" "$rl" "$olm" && "$AR" s "$out" || die "llvm-ar could not merge $rl and $olm into $out"
printf '  %-7s %-8s %s\n' SYMS "" "renamed $(wc -l < "$lists/renamed.txt") Rust-internal symbols, hid $(wc -l < "$lists/hidden.txt") weak duplicates of openlibm's, merged $(basename "$out")" >&2

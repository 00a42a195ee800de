#!/bin/sh
# SPDX-License-Identifier: MIT
# @TRIPLE@-clang: C compiler driver for Redox built on clang and ld.lld, in the
# spirit of musl-gcc. clang's driver has no Redox linker support (it would
# run the host gcc), so compiling goes to clang and linking to ld.lld
# directly, with the crt objects and libraries in the order Redox's gcc uses.
set -eu
triple=@TRIPLE@
me=$triple-clang
CLANG=${REDOX_CRT_CLANG:-@CLANG@}
LD_LLD=${REDOX_CRT_LD:-@LD_LLD@}
die() { echo "$me: $*" >&2; exit 1; }

self=$(readlink -f "$0") || die "cannot resolve the path of $0"
prefix=$(cd "$(dirname "$self")/.." && pwd -P)
# Through an installed prefix's bin/ link (mk/install.sh): that prefix.
[ -L "$(dirname "$0")/../share/redox-crt/current" ] && prefix=$(cd "$(dirname "$0")/.." && pwd -P)
sysroot=$prefix/$triple
lib=$sysroot/lib
[ -d "$lib" ] || die "no sysroot for $triple at $sysroot (this wrapper looks next to its own bin/); fix: run make, or reinstall redox-crt with ARCHS including ${triple%%-*}"

# shell-quote one word so that it survives eval
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

compile_only=0 verbose=0 nolibc=0 nostartfiles=0 nodefaultlibs=0 unwind= unwind_L=
out= lang=
dep=0 dep_mf= dep_mt=0   # -MD/-MMD, the user's -MF, whether -MT/-MQ was given
cflags=          # quoted words for every compile
inputs=          # quoted link inputs in command-line order (objects, -l, -L)
sources=         # quoted source files, compiled before linking
nsrc=0
# add VAR WORD: append WORD, quoted, to VAR (no fork: the quoting is done in qw)
add() {
	case $2 in
	*"'"*) qw=$(q "$2") ;;
	*) qw="'$2'" ;;
	esac
	eval "$1=\"\${$1} \$qw\""
}

while [ $# -gt 0 ]; do
	a=$1
	case $a in
	-c|-S|-E|-M|-MM|-fsyntax-only) compile_only=1; add cflags "$a" ;;
	-o) [ $# -ge 2 ] || die "-o needs a file name"; out=$2; shift ;;
	-o*) out=${a#-o} ;;
	-v) verbose=1; add cflags "$a" ;;
	-nolibc) nolibc=1 ;;
	--unwind=llvm|--unwind=stubs) unwind=${a#--unwind=} ;;   # what -lunwind is (redox-crt-config --help)
	--unwind=*) die "$a: unknown unwinder; fix: --unwind=llvm (LLVM libunwind) or --unwind=stubs" ;;
	-nostartfiles) nostartfiles=1 ;;
	-nodefaultlibs) nodefaultlibs=1 ;;
	-nostdlib) nostartfiles=1; nodefaultlibs=1 ;;
	-static|-no-pie|-nopie) ;;   # every Redox executable made here is static, non-PIE
	-shared|-pie|-static-pie|-rdynamic)
		die "$a: redox-crt links static, non-PIE executables only (early-2026 Redox maps segments at their link address); fix: drop $a" ;;
	--target=*|-target) die "$a: this wrapper always compiles for $triple; fix: drop $a or use plain clang" ;;
	--sysroot=*|--sysroot) die "$a: this wrapper always uses the sysroot $sysroot; fix: drop $a" ;;
	-l) [ $# -ge 2 ] || die "-l needs a library name"; add inputs "-l$2"; shift ;;
	-l*) add inputs "$a" ;;
	-L) [ $# -ge 2 ] || die "-L needs a directory"; add inputs "-L$2"; shift ;;
	-L*) add inputs "$a" ;;
	-Wl,*)
		rest=${a#-Wl,}
		old_ifs=$IFS; IFS=,; set -f
		for w in $rest; do add inputs "$w"; done
		IFS=$old_ifs; set +f ;;
	-Xlinker) [ $# -ge 2 ] || die "-Xlinker needs a value"; add inputs "$2"; shift ;;
	-x) [ $# -ge 2 ] || die "-x needs a language"; lang=$2; add cflags "-x"; add cflags "$2"; shift ;;
	-MD|-MMD) dep=1; add cflags "$a" ;;
	-MF) [ $# -ge 2 ] || die "-MF needs a file name"; dep_mf=$2; shift ;;
	-MF*) dep_mf=${a#-MF} ;;
	-MT|-MQ) dep_mt=1; [ $# -ge 2 ] || die "$a needs a value"; add cflags "$a"; add cflags "$2"; shift ;;
	-I|-D|-U|-include|-imacros|-isystem|-idirafter|-iquote|-Xclang|-mllvm|-arch)
		[ $# -ge 2 ] || die "$a needs a value"; add cflags "$a"; add cflags "$2"; shift ;;
	-) add sources "$a"; nsrc=$((nsrc + 1)) ;;
	-*) add cflags "$a" ;;
	*.c|*.s|*.S|*.i|*.cc|*.cpp|*.cxx|*.C) add sources "$a"; nsrc=$((nsrc + 1)) ;;
	*)
		if [ -n "$lang" ] && [ "$lang" != none ]; then add sources "$a"; nsrc=$((nsrc + 1))
		else add inputs "$a"; fi ;;
	esac
	shift
done

# clang has no Redox OS target: predefine what Redox's GCC does, and its
# wint_t (docs/toolchain-notes.md), or relibc's headers hide O_CREAT & co.
base="$(q "--target=$triple") $(q "--sysroot=$sysroot") -isystem $(q "$sysroot/include") -D__redox__ -D__unix__"
base="$base -U__WINT_TYPE__ -D__WINT_TYPE__=__UINT32_TYPE__ -D__WINT_UNSIGNED__=1 -U__WINT_MAX__ -D__WINT_MAX__=__UINT32_MAX__ -D__WINT_MIN__=0U"
# -nolibc compiles C freestanding; not C++, where -ffreestanding would make
# main an ordinary (mangled) function and the link would miss main.
is_cxx() {
	case $lang in c++|c++-header|objective-c++) return 0 ;; ?*) return 1 ;; esac
	case $1 in *.cc|*.cpp|*.cxx|*.C|*.c++|*.CPP|*.cp) return 0 ;; esac
	return 1
}
freestanding() { [ $nolibc = 1 ] && ! is_cxx "$1" && printf ' -ffreestanding'; true; }
[ -n "$dep_mf" ] && { [ $dep = 0 ] || [ $compile_only = 1 ]; } && add cflags "-MF" && add cflags "$dep_mf"
run() {
	[ $verbose = 1 ] && { printf '%s\n' "$*" | sed "s/'//g" >&2; }
	eval "$@"
}

if [ $compile_only = 1 ] || { [ -z "$inputs" ] && [ $nsrc = 0 ]; }; then
	[ -n "$out" ] && base="$base -o $(q "$out")"
	ff=
	eval "set -- $sources"
	for s in "$@"; do [ -n "$(freestanding "$s")" ] && ff=" -ffreestanding"; is_cxx "$s" && { ff=; break; }; done
	run "$(q "$CLANG")" "$base$ff" "$cflags" "$sources"
	exit
fi

# Say what is missing before compiling: without libc.a the headers are
# missing too, and clang's "stdio.h not found" would hide the cause.
if [ $nodefaultlibs = 0 ] && [ $nolibc = 0 ] && [ ! -f "$lib/libc.a" ]; then
	die "no libc for $triple: $lib/libc.a does not exist because no relibc was imported; fix: make install RELIBC=DIR (DIR with relibc's lib/libc.a and include/), or pass -nolibc to link redox-crt's freestanding runtime instead"
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/$me.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT INT TERM
objs=
i=0
eval "set -- $sources"
for s in "$@"; do
	i=$((i + 1))
	o=$tmp/$i-$(basename "$s").o
	# -MD/-MMD in a compile-and-link: the dependency file clang itself
	# writes here (clang 19): -MF's file, else OUT.d (-o OUT) or SRC.d,
	# naming OUT (or SRC.o) as the target, never the temporary object.
	depflags=
	if [ $dep = 1 ]; then
		b=$(basename "$s"); b=${b%.*}
		df=${dep_mf:-${out:+$out.d}}; df=${df:-$b.d}
		depflags="-MF $(q "$df")"
		[ $dep_mt = 1 ] || depflags="$depflags -MT $(q "${out:-$b.o}")"
	fi
	run "$(q "$CLANG")" "$base$(freestanding "$s")" "$cflags" "$depflags" -c "$(q "$s")" -o "$(q "$o")" || exit 1
	objs="$objs $(q "$o")"
done

start= end= libs=
if [ $nostartfiles = 0 ]; then
	for f in crt0.o crti.o; do
		[ -f "$lib/$f" ] || die "$lib/$f is missing; fix: rebuild redox-crt (make)"
		start="$start $(q "$lib/$f")"
	done
	[ -f "$lib/crtbegin.o" ] && start="$start $(q "$lib/crtbegin.o")"
	[ -f "$lib/crtend.o" ] && end="$(q "$lib/crtend.o")"
	[ -f "$lib/crtn.o" ] || die "$lib/crtn.o is missing; fix: rebuild redox-crt (make)"
	end="$end $(q "$lib/crtn.o")"
fi
gcc_note=
if [ $nodefaultlibs = 0 ]; then
	if [ $nolibc = 1 ]; then
		for l in redox_start redox_syscall; do
			[ -f "$lib/lib$l.a" ] || die "$lib/lib$l.a is missing; fix: rebuild redox-crt (make)"
		done
		libs="-lredox_start -lredox_syscall"
	else
		libs="-lc"
	fi
	# The unwinder: -lunwind, from lib/unwind-stubs with --unwind=stubs.
	if cmp -s "$lib/libunwind.a" "$lib/libunwind_stubs.a" && [ "$unwind" = llvm ]; then
		die "--unwind=llvm: $lib/libunwind.a is redox-crt's stubs (built with UNWIND=stubs); fix: rebuild redox-crt with make UNWIND=llvm, or use --unwind=stubs"
	fi
	if [ "$unwind" = stubs ]; then unwind_L="$(q "-L$lib/unwind-stubs") "; fi
	if [ -f "$lib/libgcc.a" ]; then libs="$libs -lgcc"
	else gcc_note="note: $lib/libgcc.a is missing (redox-crt was built without builtins, BUILTINS=no), so compiler builtins (__udivti3, __atomic_*, ...) are not linked; fix: rebuild redox-crt with builtins"
	fi
	libs="$libs -lunwind"
fi
[ -n "$out" ] || out=a.out
if ! run "$(q "$LD_LLD")" -static --no-pie -z noexecstack --eh-frame-hdr -o "$(q "$out")" \
	"$start" "$objs" "$inputs" "$unwind_L$(q "-L$lib")" "$libs" "$end"; then
	[ -n "$gcc_note" ] && echo "$me: $gcc_note" >&2
	exit 1
fi

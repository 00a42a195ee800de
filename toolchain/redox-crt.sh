#!/bin/sh
# SPDX-License-Identifier: MIT
# redox-crt: front end for cross-building with this sysroot.
#   redox-crt env [--target ARCH] [--freestanding] [CMD [ARGS...]]
# runs CMD with the cross toolchain in its environment (the convention of
# redoxer's `redoxer env`), or prints that environment for eval. The sysroot
# is found relative to this script, like redox-crt-config, so an installed
# copy (make install PREFIX=...) answers for its own prefix.
set -eu
me=redox-crt
VERSION=@VERSION@
LLVM_SUFFIX=@LLVM_SUFFIX@
# The redox-run ABI of programs linked with this sysroot's freestanding
# runtime: that of the redox_syscall table libredox_syscall.a was built from
# (SYSCALL_VERSION). relibc dadb4375 programs need 2026-08.
FREESTANDING_ABI=@FREESTANDING_ABI@
ARCHS_ACCEPTED="x86_64 aarch64 x86_64-unknown-redox aarch64-unknown-redox"
die() { echo "$me: $*" >&2; exit 1; }

usage() {
	cat <<USAGE
usage: $me COMMAND [ARGS...]
Commands:
  env [--target ARCH] [--freestanding] [CMD [ARGS...]]
                 run CMD with CC, AR, PKG_CONFIG_* ... set for cross-building
                 for Redox with this sysroot; without CMD, print those
                 settings as shell 'export' lines (eval "\$($me env)")
  --version      print redox-crt's version
  --help         this text; '$me env --help' describes the variables
USAGE
}

env_usage() {
	cat <<USAGE
usage: $me env [--target ARCH|TRIPLE] [--freestanding] [--] [CMD [ARGS...]]
Run CMD (or print 'export' lines for eval when there is no CMD) with:
  CC, CXX        <prefix>/bin/<triple>-clang (C++ sources compile; there is
                 no C++ standard library in the sysroot); with --freestanding
                 followed by -nolibc (redox-crt's runtime instead of relibc)
  AR NM RANLIB OBJCOPY OBJDUMP READELF STRIP   the llvm$LLVM_SUFFIX tools
  LD             ld.lld (the wrapper links with it)
  PKG_CONFIG     pkg-config; PKG_CONFIG_LIBDIR = share/redox-crt/pkgconfig/<triple>
                 (redox-crt's own .pc files), <triple>/lib/pkgconfig and
                 <triple>/share/pkgconfig (libraries installed into the sysroot);
                 PKG_CONFIG_SYSROOT_DIR = <prefix> (pkgconf leaves paths that
                 already lie under it alone)
  CONFIG_SITE    share/redox-crt/autoconf/config.site: answers for the checks
                 an autoconf configure cannot run when cross-compiling, from
                 facts about relibc (each cited in the file); a CONFIG_SITE you
                 had set is kept as REDOX_CRT_USER_CONFIG_SITE, read first: its
                 answers win
  CARGO_TARGET_<T>_LINKER, _RUNNER, _RUSTFLAGS   for cargo, T the spec name
                 <ARCH>_UNKNOWN_REDOX_CLIF (cargo --target <prefix>/share/redox-crt/
                 rust/<arch>-unknown-redox-clif.json): ld.lld; 'redox-run
                 --abi=2026-08 --inherit-env --root .' (--abi=$FREESTANDING_ABI with
                 --freestanding); -L native=<prefix>/<triple>/lib (and the
                 runtime's libraries with --freestanding), as
                 redox-crt-config --cargo-config writes them
  TARGET, GNU_TARGET   the triple, <arch>-unknown-redox
  PATH           <prefix>/bin first (the wrappers, redox-run, redox-crt-config)
Targets: $ARCHS_ACCEPTED; default x86_64.
Autotools: $me env ./configure --host=<triple> && $me env make
USAGE
}

self=$(readlink -f "$0") || die "cannot resolve the path of $0"
bindir=$(dirname "$self")
prefix=$(cd "$bindir/.." && pwd -P)
# Called through an installed prefix's bin/ link (mk/install.sh): answer for
# that prefix, not for the slot its `current` link points at today.
[ -L "$(dirname "$0")/../share/redox-crt/current" ] && prefix=$(cd "$(dirname "$0")/.." && pwd -P)
share=$prefix/share/redox-crt

[ $# -gt 0 ] || { usage >&2; exit 2; }
case $1 in
--help|-h) usage; exit 0 ;;
--version) echo "$VERSION"; exit 0 ;;
env) shift ;;
*) die "unknown command '$1'; commands: env (see $me --help)" ;;
esac

target=x86_64 freestanding=0
while [ $# -gt 0 ]; do
	case $1 in
	--target) [ $# -ge 2 ] || die "env: --target needs a value ($ARCHS_ACCEPTED)"; target=$2; shift ;;
	--target=*) target=${1#*=} ;;
	--freestanding|--nolibc) freestanding=1 ;;
	--help|-h) env_usage; exit 0 ;;
	--) shift; break ;;
	-*) die "env: unknown option '$1'; see $me env --help" ;;
	*) break ;;
	esac
	shift
done

case $target in
x86_64|x86_64-unknown-redox) arch=x86_64 ;;
aarch64|aarch64-unknown-redox) arch=aarch64 ;;
*) die "env: unknown target '$target'; accepted: $ARCHS_ACCEPTED" ;;
esac
triple=$arch-unknown-redox
sysroot=$prefix/$triple
lib=$sysroot/lib

# Missing pieces, each named with its fix, before anything runs.
[ -d "$lib" ] || die "env: no sysroot for $triple at $sysroot (looked next to $bindir); fix: make ARCHS=\"... $arch\", or use the redox-crt of an installed prefix"
cc=$prefix/bin/$triple-clang
[ -x "$cc" ] || die "env: the compiler wrapper $cc is missing; fix: rebuild redox-crt (make)"
for f in crt0.o crti.o crtn.o; do
	[ -f "$lib/$f" ] || die "env: $lib/$f is missing; fix: rebuild redox-crt (make)"
done
if [ $freestanding = 1 ]; then
	for l in redox_start redox_syscall; do
		[ -f "$lib/lib$l.a" ] || die "env: $lib/lib$l.a is missing; fix: rebuild redox-crt (make)"
	done
	cc="$cc -nolibc"
elif [ ! -f "$lib/libc.a" ] || [ ! -f "$sysroot/include/stdio.h" ]; then
	die "env: no relibc in $sysroot ($lib/libc.a or include/stdio.h is missing); fix: make relibc (or make install RELIBC=DIR), or use --freestanding for redox-crt's runtime without a libc"
fi
pcdir=$share/pkgconfig/$triple
[ -d "$pcdir" ] || die "env: $pcdir is missing; fix: rebuild redox-crt (make)"
site=$share/autoconf/config.site
[ -f "$site" ] || die "env: $site is missing; fix: rebuild redox-crt (make)"

# tool NAME: the path of NAME$LLVM_SUFFIX (Debian's llvm-19) or plain NAME.
tool() {
	for t in "$1$LLVM_SUFFIX" "$1"; do
		command -v "$t" 2>/dev/null && return 0
	done
	die "env: $1$LLVM_SUFFIX not found on PATH; fix: apt-get install $2"
}
ar=$(tool llvm-ar llvm-19) nm=$(tool llvm-nm llvm-19) ranlib=$(tool llvm-ranlib llvm-19)
objcopy=$(tool llvm-objcopy llvm-19) objdump=$(tool llvm-objdump llvm-19)
readelf=$(tool llvm-readelf llvm-19) strip=$(tool llvm-strip llvm-19)
ld=$(tool ld.lld lld-19)
pkgconfig=$(command -v pkg-config 2>/dev/null) || die "env: pkg-config not found on PATH; fix: apt-get install pkgconf"

# Cargo's name for the target of the spec file <arch>-unknown-redox-clif.json,
# and what redox-crt-config --cargo-config puts under [target.<that name>].
cargo_t=$(printf '%s' "$arch-unknown-redox-clif" | tr 'a-z-' 'A-Z_')
rustflags="-L native=$lib" abi=2026-08
if [ $freestanding = 1 ]; then
	rustflags="$rustflags -C link-arg=-lredox_start -C link-arg=-lredox_syscall" abi=$FREESTANDING_ABI
fi

# The variables, as NAME=VALUE lines (values hold no newline: every path
# here is one our own layout made, or came from PATH).
vars() {
	echo "CC=$cc"
	echo "CXX=$cc"
	echo "AR=$ar"
	echo "NM=$nm"
	echo "RANLIB=$ranlib"
	echo "OBJCOPY=$objcopy"
	echo "OBJDUMP=$objdump"
	echo "READELF=$readelf"
	echo "STRIP=$strip"
	echo "LD=$ld"
	echo "PKG_CONFIG=$pkgconfig"
	echo "PKG_CONFIG_LIBDIR=$pcdir:$sysroot/lib/pkgconfig:$sysroot/share/pkgconfig"
	echo "PKG_CONFIG_SYSROOT_DIR=$prefix"
	echo "CONFIG_SITE=$site"
	echo "CARGO_TARGET_${cargo_t}_LINKER=$ld"
	echo "CARGO_TARGET_${cargo_t}_RUNNER=$prefix/bin/redox-run --abi=$abi --inherit-env --root ."
	echo "CARGO_TARGET_${cargo_t}_RUSTFLAGS=$rustflags"
	echo "TARGET=$triple"
	echo "GNU_TARGET=$triple"
	echo "PATH=$prefix/bin:${PATH:-/usr/bin:/bin}"
}
# A CONFIG_SITE of the user's own survives: our site file reads it first.
user_site=
if [ -n "${CONFIG_SITE:-}" ] && [ "$CONFIG_SITE" != "$site" ]; then user_site=$CONFIG_SITE; fi

case $prefix$PATH in *"
"*) die "env: the prefix or PATH contains a newline; refusing to build an environment from it" ;;
esac

if [ $# -eq 0 ]; then
	# Print for eval: every value single-quoted.
	vars | while IFS= read -r line; do
		v=${line#*=}
		printf "export %s='%s'\n" "${line%%=*}" "$(printf '%s' "$v" | sed "s/'/'\\\\''/g")"
	done
	[ -z "$user_site" ] || printf "export REDOX_CRT_USER_CONFIG_SITE='%s'\n" "$(printf '%s' "$user_site" | sed "s/'/'\\\\''/g")"
	exit 0
fi

tmp=$(vars)
set -f; old_ifs=$IFS; IFS='
'
for line in $tmp; do export "$line"; done
IFS=$old_ifs; set +f
[ -z "$user_site" ] || export REDOX_CRT_USER_CONFIG_SITE="$user_site"
command -v "$1" > /dev/null 2>&1 || { echo "$me: env: $1: command not found" >&2; exit 127; }
exec "$@"

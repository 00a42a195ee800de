#!/bin/sh
# SPDX-License-Identifier: MIT
# redox-crt-config: flags for building Redox programs against this sysroot.
# The sysroot is found relative to this script, so an installed copy
# (make install PREFIX=...) answers for its own prefix.
set -eu
me=redox-crt-config
VERSION=@VERSION@
ARCHS_ACCEPTED="x86_64 aarch64 x86_64-unknown-redox aarch64-unknown-redox"
die() { echo "$me: $*" >&2; exit 1; }

usage() {
	cat <<USAGE
usage: $me [--target ARCH|TRIPLE] [--freestanding] [--kernel] [--unwind=llvm|stubs] QUERY...
       $me [--target ARCH|TRIPLE] [--freestanding] --cargo-config [--offline] [--root DIR]
Queries (one answer per line, in the order given):
  --prefix          the sysroot root (bin/, share/, <triple>/)
  --sysroot         the per-target sysroot, <prefix>/<triple> (clang --sysroot=)
  --cc              the C compiler wrapper, <prefix>/bin/<triple>-clang
  --cflags          clang flags: target, sysroot, include directory, the
                    macros Redox's GCC predefines (__redox__, __unix__,
                    an unsigned wint_t)
  --ldflags         ld.lld flags: static non-PIE, library search path (with
                    --unwind=stubs, lib/unwind-stubs first)
  --startfiles      crt objects that open a link line (crt0.o crti.o [crtbegin.o])
  --endfiles        crt objects that close it ([crtend.o] crtn.o)
  --libs            libraries: -lc -lgcc -lunwind, or with --freestanding
                    -lredox_start -lredox_syscall -lgcc -lunwind
  --rustflags       rustc flags for RUSTFLAGS: crt/library search path, linker,
                    and with --freestanding the runtime and syscall libraries
  --target-spec     path of the shipped Rust target spec <arch>-unknown-redox-clif.json
                    (--unwind=stubs: <arch>-unknown-redox-clif-stubs.json; with
                    --kernel: <arch>-redox-none.json)
  --meson-cross-file  a meson cross file with this prefix filled in (with
                    --freestanding: -nolibc and redox-run's ABI for it)
  --rustc           the rustc the Rust target specs were made for (recorded
                    by make in share/redox-crt/rust/rustc-version); use it
                    as RUSTC for cargo, e.g. RUSTC=\$(redox-crt-config --rustc)
  --cargo           the cargo beside that rustc (Debian's cargo-web with rustc-web)
  --cargo-config    a .cargo/config.toml for this target: [build] target (the
                    spec) and rustc (the one the specs were made for),
                    [target.<spec>] linker, rustflags and runner (redox-run
                    --abi=ABI --inherit-env --root DIR), [unstable] build-std
                    (std,panic_abort; --freestanding: core,alloc) and
                    json-target-spec. Use with RUSTC_BOOTSTRAP=1.
    --offline       also use the rustc's vendored std sources (rust-src's
                    library/vendor) for crates-io, and [net] offline
    --root DIR      the runner's --root (default: ., the directory cargo
                    runs the program in; a relative DIR stays relative)
  --gen-target-spec [ARGS]  run redox-crt-target-spec for the rustc you have
  --version, --help
Targets: $ARCHS_ACCEPTED. --target may be omitted when one target is installed.
--unwind picks what -lunwind and -lgcc_eh (Rust std) resolve to: llvm, LLVM
libunwind (the default when the sysroot has it), or stubs, redox-crt's
_Unwind_* stubs with frame-pointer backtraces (lib/unwind-stubs/).
A raw link: ld.lld \$(cfg --ldflags) \$(cfg --startfiles) OBJS \$(cfg --libs) \$(cfg --endfiles)
USAGE
}

self=$(readlink -f "$0") || die "cannot resolve the path of $0"
bindir=$(dirname "$self")
prefix=$(cd "$bindir/.." && pwd -P)
# Called through an installed prefix's bin/ link (mk/install.sh): answer for
# that prefix, not for the slot its `current` link points at today.
[ -L "$(dirname "$0")/../share/redox-crt/current" ] && prefix=$(cd "$(dirname "$0")/.." && pwd -P)
share=$prefix/share/redox-crt
target= freestanding=0 kernel=0 queries= unwind= offline=0 runroot=
while [ $# -gt 0 ]; do
	case $1 in
	--target) [ $# -ge 2 ] || die "--target needs a value ($ARCHS_ACCEPTED)"; target=$2; shift ;;
	--target=*) target=${1#*=} ;;
	--freestanding|--nolibc) freestanding=1 ;;
	--kernel) kernel=1 ;;
	--unwind) [ $# -ge 2 ] || die "--unwind needs a value (llvm or stubs)"; unwind=$2; shift ;;
	--unwind=*) unwind=${1#*=} ;;
	--offline) offline=1 ;;
	--root) [ $# -ge 2 ] || die "--root needs a directory (the runner's --root)"; runroot=$2; shift ;;
	--root=*) runroot=${1#*=} ;;
	--help|-h) usage; exit 0 ;;
	--version) queries="$queries version" ;;
	--gen-target-spec) shift; exec "$bindir/redox-crt-target-spec" "$@" ;;
	--prefix|--sysroot|--cc|--cflags|--ldflags|--startfiles|--endfiles|--libs|--rustflags|--target-spec|--meson-cross-file|--rustc|--cargo|--cargo-config)
		queries="$queries ${1#--}" ;;
	*) die "unknown option '$1'; see $me --help" ;;
	esac
	shift
done
[ -n "$queries" ] || { usage >&2; exit 2; }
case " $queries " in *" cargo-config "*) ;; *)
	[ $offline = 0 ] || die "--offline only goes with --cargo-config"
	[ -z "$runroot" ] || die "--root only goes with --cargo-config (it is the runner's --root)" ;;
esac
case " $queries " in *" cargo-config "*)
	[ $kernel = 0 ] || die "--cargo-config writes a config for userspace programs run in redox-run, not for the kernel; fix: drop --kernel (kernel builds use --kernel --target-spec and --kernel --rustflags)"
	[ "$queries" = " cargo-config" ] || die "--cargo-config writes a whole file; fix: ask for it alone, not with other queries" ;;
esac
case $unwind in ""|llvm|stubs) ;; *) die "unknown unwinder '$unwind' in --unwind; accepted: llvm (LLVM libunwind), stubs (redox-crt's stubs)" ;; esac

installed=
for a in x86_64 aarch64; do [ -d "$prefix/$a-unknown-redox/lib" ] && installed="$installed $a"; done
[ -n "$installed" ] || die "no Redox sysroot found at $prefix (expected $prefix/<triple>/lib next to $bindir); fix: run make, or use the redox-crt-config of an installed prefix"
installed=${installed# }

arch=
resolve_target() {
	[ -z "$arch" ] || return 0
	if [ -z "$target" ]; then
		case $installed in
		*" "*) die "--target is required: this sysroot has $installed; accepted: $ARCHS_ACCEPTED" ;;
		*) arch=$installed ;;
		esac
	else
		case $target in
		x86_64|x86_64-unknown-redox) arch=x86_64 ;;
		aarch64|aarch64-unknown-redox) arch=aarch64 ;;
		*) die "unknown target '$target'; accepted: $ARCHS_ACCEPTED" ;;
		esac
		case " $installed " in *" $arch "*) ;; *)
			die "target '$target' is not in this sysroot ($prefix has: $installed); fix: make ARCHS=\"$installed $arch\"" ;;
		esac
	fi
	triple=$arch-unknown-redox
	sysroot=$prefix/$triple
	lib=$sysroot/lib
	# lib/libunwind.a is LLVM libunwind unless redox-crt was built with
	# UNWIND=stubs, when it is a copy of libunwind_stubs.a.
	have_llvm=1
	cmp -s "$lib/libunwind.a" "$lib/libunwind_stubs.a" && have_llvm=0
	if [ -z "$unwind" ]; then
		if [ $have_llvm = 1 ]; then unwind=llvm; else unwind=stubs; fi
	elif [ "$unwind" = llvm ] && [ $have_llvm = 0 ]; then
		die "--unwind=llvm: $lib/libunwind.a is redox-crt's stubs (built with UNWIND=stubs or BUILTINS=no); fix: rebuild redox-crt with make UNWIND=llvm, or use --unwind=stubs"
	fi
	# -L for the unwinder: the stubs' directory goes first.
	unwind_L=
	if [ "$unwind" = stubs ]; then unwind_L="-L$lib/unwind-stubs "; fi
}

case $prefix in *" "*|*"	"*)
	echo "$me: warning: the prefix '$prefix' contains white space; flags cannot be used verbatim in CFLAGS/RUSTFLAGS" >&2 ;;
esac

libgcc_check() {
	[ -f "$lib/libgcc.a" ] && return 0
	echo "$me: warning: $lib/libgcc.a is missing (redox-crt built without builtins, BUILTINS=no); $1" >&2
	return 1
}

lld() {
	for l in ld.lld ld.lld-19; do
		command -v "$l" >/dev/null 2>&1 && { command -v "$l"; return; }
	done
	die "ld.lld not found; fix: apt-get install lld-19"
}

# toml_str S: S as a TOML basic string ("..." with \ and " escaped).
toml_ok() {
	case $1 in *[[:cntrl:]]*) die "the path '$1' contains a control character; it cannot be written into a cargo config; fix: use a path without one" ;; esac
}
toml_str() {
	printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
}

cargo_config() {
	n=$arch-unknown-redox-clif
	[ "$unwind" = stubs ] && n=$arch-unknown-redox-clif-stubs
	spec=$share/rust/$n.json
	[ -f "$spec" ] || die "no target spec $spec (rustc was not found when this sysroot was built); fix: install rustc-web and rebuild redox-crt (make)"
	rustc=$("$0" --rustc) || exit 1
	rsys=$("$rustc" --print sysroot 2>/dev/null) || die "$rustc --print sysroot failed"
	src=$rsys/lib/rustlib/src/rust/library
	[ -d "$src/std" ] || die "$rustc has no std sources ($src/std), which -Zbuild-std needs; fix: apt-get install rust-web-src (Debian's rustc-web) or rustup component add rust-src"
	ld=$(lld) || exit 1
	if [ $freestanding = 1 ]; then
		[ -f "$lib/libredox_start.a" ] || die "$lib/libredox_start.a is missing; fix: rebuild redox-crt (make)"
		# The ABI of the syscall table this sysroot was built with.
		abi=@RUN_ABI@
	else
		[ -f "$lib/libc.a" ] || die "$lib/libc.a does not exist (no relibc imported), and std links it; fix: make relibc (or make install RELIBC=DIR), or use --freestanding for no_std crates"
		abi=@RELIBC_RUN_ABI@
	fi
	v=$src/vendor
	if [ $offline = 1 ]; then
		[ -d "$v" ] || die "--offline: $rustc has no vendored std sources ($v); fix: apt-get install rust-web-src (Debian's rust-src does not vendor them), or drop --offline"
	fi
	# Checked here, not inside the \$(toml_str) below, where die would
	# only leave a subshell.
	for x in "$prefix" "$rustc" "$ld" "$v" "${runroot:-.}"; do toml_ok "$x"; done
	libgcc_check "rustc's Redox specs pass -lgcc, so links will fail with 'unable to find library -lgcc'; fix: rebuild redox-crt with builtins" || true
	echo "# .cargo/config.toml for $triple programs (redox-crt $VERSION, $prefix)."
	how="--target $arch"
	[ $freestanding = 1 ] && how="$how --freestanding"
	[ "$unwind" = stubs ] && how="$how --unwind=stubs"
	how="$how --cargo-config"
	[ $offline = 1 ] && how="$how --offline"
	[ -n "$runroot" ] && how="$how --root $runroot"
	echo "# Written by: $me $how"
	echo "# cargo reads [unstable] only with RUSTC_BOOTSTRAP=1 (or a nightly cargo)."
	echo "# RUSTFLAGS in the environment replaces the rustflags below."
	echo
	echo "[build]"
	echo "target = $(toml_str "$spec")"
	echo "rustc = $(toml_str "$rustc")"
	echo
	echo "[target.$n]"
	echo "linker = $(toml_str "$ld")"
	f="$(toml_str "-L"), $(toml_str "native=$lib")"
	[ "$unwind" = stubs ] && f="$(toml_str "-L"), $(toml_str "native=$lib/unwind-stubs"), $f"
	[ $freestanding = 1 ] && f="$f, $(toml_str "-Clink-arg=-lredox_start"), $(toml_str "-Clink-arg=-lredox_syscall")"
	echo "rustflags = [$f]"
	echo "runner = [$(toml_str "$prefix/bin/redox-run"), $(toml_str "--abi=$abi"), $(toml_str "--inherit-env"), $(toml_str "--root"), $(toml_str "${runroot:-.}")]"
	echo
	echo "[unstable]"
	if [ $freestanding = 1 ]; then
		echo 'build-std = ["core", "alloc"]'
		echo 'build-std-features = ["compiler-builtins-mem"]'
	else
		echo 'build-std = ["std", "panic_abort"]'
	fi
	echo "json-target-spec = true"
	if [ $offline = 1 ]; then
		echo
		echo "[net]"
		echo "offline = true"
		echo
		echo "# -Zbuild-std's own dependencies, from the vendored std sources."
		echo "[source.crates-io]"
		echo 'replace-with = "redox-crt-vendored-std"'
		echo
		echo "[source.redox-crt-vendored-std]"
		echo "directory = $(toml_str "$v")"
	fi
}

for qy in $queries; do
	case $qy in
	version) echo "$VERSION" ;;
	prefix) echo "$prefix" ;;
	sysroot) resolve_target; echo "$sysroot" ;;
	cc) resolve_target; echo "$prefix/bin/$triple-clang" ;;
	cflags)
		resolve_target
		f="--target=$triple --sysroot=$sysroot -isystem $sysroot/include -D__redox__ -D__unix__ -U__WINT_TYPE__ -D__WINT_TYPE__=__UINT32_TYPE__ -D__WINT_UNSIGNED__=1 -U__WINT_MAX__ -D__WINT_MAX__=__UINT32_MAX__ -D__WINT_MIN__=0U"
		[ $freestanding = 1 ] && f="$f -ffreestanding"
		echo "$f" ;;
	ldflags) resolve_target; echo "-static --no-pie -z noexecstack --eh-frame-hdr $unwind_L-L$lib" ;;
	startfiles)
		resolve_target
		f="$lib/crt0.o $lib/crti.o"
		[ -f "$lib/crtbegin.o" ] && f="$f $lib/crtbegin.o"
		echo "$f" ;;
	endfiles)
		resolve_target
		f=
		[ -f "$lib/crtend.o" ] && f="$lib/crtend.o "
		echo "$f$lib/crtn.o" ;;
	libs)
		resolve_target
		if [ $freestanding = 1 ]; then f="-lredox_start -lredox_syscall"
		else
			[ -f "$lib/libc.a" ] || echo "$me: warning: $lib/libc.a does not exist (no relibc imported); fix: make install RELIBC=DIR, or use --freestanding" >&2
			f="-lc"
		fi
		libgcc_check "compiler builtins are left out" && f="$f -lgcc"
		echo "$f -lunwind" ;;
	rustflags)
		resolve_target
		if [ $kernel = 1 ]; then
			ld=$(lld) || exit 1
			echo "-C linker=$ld"
		else
			libgcc_check "rustc's Redox specs pass -lgcc, so links will fail with 'unable to find library -lgcc'; fix: rebuild redox-crt with builtins" || true
			ld=$(lld) || exit 1
			f="${unwind_L:+-L native=$lib/unwind-stubs }-L native=$lib -C linker=$ld"
			[ $freestanding = 1 ] && f="$f -C link-arg=-lredox_start -C link-arg=-lredox_syscall"
			echo "$f"
		fi ;;
	cargo-config) resolve_target; cargo_config ;;
	meson-cross-file)
		resolve_target
		f=$share/meson/$triple.ini
		[ -f "$f" ] || die "$f is missing; fix: rebuild redox-crt (make)"
		esc=$(printf '%s' "$prefix" | sed "s/'/\\\\'/g; s/[|&\\]/\\&/g")
		if [ $freestanding = 1 ]; then
			# The freestanding runtime: -nolibc, and redox-run with the
			# ABI of the syscall table this sysroot was built with.
			sed -e "s|^prefix = .*|prefix = '$esc'|" -e "s|'--abi=[0-9-]*'|'--abi=@RUN_ABI@'|" \
				-e "/^\[built-in options\]/a c_args = ['-nolibc']\nc_link_args = ['-nolibc']" "$f"
		else
			sed "s|^prefix = .*|prefix = '$esc'|" "$f"
		fi ;;
	target-spec)
		resolve_target
		kflag=
		if [ $kernel = 1 ]; then n=$arch-redox-none kflag='--kernel '
		elif [ "$unwind" = stubs ]; then n=$arch-unknown-redox-clif-stubs kflag='--unwind=stubs '
		else n=$arch-unknown-redox-clif; fi
		f=$share/rust/$n.json
		[ -f "$f" ] || die "no target spec $f (rustc was not found when this sysroot was built); fix: $me --gen-target-spec $kflag$arch -o $n.json"
		# Compared with RUSTC when it is set, else with the recorded rustc
		# itself (upgraded since?), never with whatever rustc is on PATH.
		if [ -f "$share/rust/rustc-version" ]; then
			built=$(sed -n 1p "$share/rust/rustc-version")
			r=${RUSTC:-$(sed -n 2p "$share/rust/rustc-version")}
			if [ -n "$r" ]; then
				have=$("$r" -V 2>/dev/null || true)
				what="RUSTC is"; [ -n "${RUSTC:-}" ] || what="$r is now"
				if [ -z "$have" ]; then
					echo "$me: warning: $n.json was generated for '$built' by $r, which does not run now; fix: make (in redox-crt) again, or $me --gen-target-spec $kflag$arch -o $n.json" >&2
				elif [ "$have" != "$built" ]; then
					echo "$me: warning: $n.json was generated for '$built' but $what '$have'; if rustc rejects it, run: $me --gen-target-spec $kflag$arch -o $n.json" >&2
				fi
			fi
		fi
		echo "$f" ;;
	rustc)
		v=$share/rust/rustc-version
		[ -f "$v" ] || die "$v is missing: no rustc was found when this sysroot was built; fix: apt-get install rustc-web rust-web-src, then make"
		r=$(sed -n 2p "$v")
		[ -n "$r" ] || die "$v names no rustc path (made by an older redox-crt); fix: make (regenerates it)"
		echo "$r" ;;
	cargo)
		r=$("$0" --rustc) || exit 1
		c=$(dirname "$r")/cargo
		[ -x "$c" ] || die "no cargo beside $r, the rustc this sysroot's specs were made for; fix: apt-get install cargo-web (for Debian's rustc-web)"
		echo "$c" ;;
	esac
done

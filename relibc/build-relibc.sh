#!/bin/sh
# SPDX-License-Identifier: MIT
# Build relibc (libc.a, libm.a, headers) for one Redox target through the
# sysroot's generated <arch>-unknown-redox-clif Rust target spec, into a cache
# keyed by the hash of everything the result depends on. Prints the cache
# directory of the result (DIR/lib/{libc.a,libm.a}, DIR/include) on stdout.
#
#   build-relibc.sh --src DIR --specs DIR --arch ARCH --work DIR --cache DIR
#                   [--vendor DIR] [--cbindgen PATH | --cbindgen-src DIR]
#
#   --src DIR          relibc checkout (read only: it is built in a copy)
#   --vendor DIR       cargo directory source with every crate relibc needs
#                      (default: the one DIR/.cargo/config.toml names)
#   --specs DIR        share/redox-crt/rust of the sysroot: <arch>-unknown-redox-clif.json
#                      and rustc-version (the rustc the specs were made for:
#                      its -V on line 1, its path on line 2)
#   --cbindgen PATH    cbindgen >= 0.29 for the headers; otherwise built once
#                      from --cbindgen-src (a cbindgen tree whose own
#                      .cargo/config.toml finds its vendored crates) into the cache
#   --work DIR         private work directory (the tree copy, cargo's target dir)
#   --cache DIR        result cache: DIR/relibc/<hash>/<arch>, DIR/cbindgen/<hash>
#   --print-key        check the inputs, print the cache key and stop
# Environment: RUSTC, CARGO (default /usr/bin/...), CLANG, LLVM_AR, LLVM_NM,
# LLVM_OBJCOPY. What each step does and why: docs/relibc-build.md.
set -eu
me=relibc
die() { echo "$me: $*" >&2; exit 1; }
# Progress, in the build's "  TAG     ARCH     what" style (errors alone start with "relibc:").
note() { printf '  %-7s %-8s %s\n' "$1" "$2" "$3" >&2; }
here=$(cd "$(dirname "$0")" && pwd -P)
# Part of the cache key: bump it with any change to this script or symbols.sh
# that changes what ends up in the cache (a stale result is served otherwise).
RECIPE=1

src= vendor= specs= arch= work= cache= cbindgen= cbindgen_src= print_key=0
while [ $# -gt 0 ]; do
	[ "$1" = --print-key ] && { print_key=1; shift; continue; }
	[ $# -ge 2 ] || die "option $1 needs a value"
	case $1 in
	--src) src=$2 ;; --vendor) vendor=$2 ;; --specs) specs=$2 ;; --arch) arch=$2 ;;
	--work) work=$2 ;; --cache) cache=$2 ;; --cbindgen) cbindgen=$2 ;;
	--cbindgen-src) cbindgen_src=$2 ;;
	*) die "unknown option '$1'" ;;
	esac
	shift 2
done
[ -n "$arch" ] && [ -n "$specs" ] && [ -n "$work" ] && [ -n "$cache" ] ||
	die "usage: build-relibc.sh --src DIR --specs DIR --arch ARCH --work DIR --cache DIR [--vendor DIR] [--cbindgen PATH | --cbindgen-src DIR]"
case $arch in x86_64|aarch64) ;; *) die "unknown arch '$arch' (x86_64 or aarch64)" ;; esac
triple=$arch-unknown-redox
RUSTC=${RUSTC:-/usr/bin/rustc} CARGO=${CARGO:-/usr/bin/cargo}
CLANG=${CLANG:-clang-19} LLVM_AR=${LLVM_AR:-llvm-ar-19} LLVM_NM=${LLVM_NM:-llvm-nm-19}
LLVM_OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-19}
export LLVM_NM

abspath() { (cd "$1" && pwd -P); }
# rm -rf that also removes copies of a read-only tree.
rmtree() { [ ! -e "$1" ] || chmod -R u+w "$1" 2>/dev/null || true; rm -rf "$1"; }
mkdir -p "$work" "$cache" || die "cannot create the work directory $work or the cache $cache"
work=$(abspath "$work") cache=$(abspath "$cache")

### Inputs, each checked before anything is built
[ -n "$src" ] || die "RELIBC_SRC is not set; fix: make relibc RELIBC_SRC=DIR (a relibc checkout with its submodules)"
[ -d "$src" ] || die "RELIBC_SRC=$src is not a directory; fix: point RELIBC_SRC at a relibc checkout"
[ -f "$src/Cargo.toml" ] && grep -q '^name = "relibc"' "$src/Cargo.toml" && [ -d "$src/src/header" ] ||
	die "RELIBC_SRC=$src is not a relibc tree (no Cargo.toml with name = \"relibc\" and src/header/); fix: point RELIBC_SRC at relibc's top directory"
[ -f "$src/openlibm/Makefile" ] ||
	die "RELIBC_SRC=$src: openlibm/ is empty (submodule not checked out); fix: git -C $src submodule update --init --recursive"
[ -f "$src/dlmalloc-rs/Cargo.toml" ] ||
	die "RELIBC_SRC=$src: dlmalloc-rs/ is empty (submodule not checked out); fix: git -C $src submodule update --init --recursive"
[ -f "$src/cbindgen.globdefs.toml" ] ||
	die "RELIBC_SRC=$src has no cbindgen.globdefs.toml, which relibc's header generation needs; fix: use a complete relibc checkout"
src=$(abspath "$src")

if [ -z "$vendor" ]; then
	# The tree's own .cargo/config.toml: a directory source, relative to the tree.
	cfg=$src/.cargo/config.toml
	[ -f "$cfg" ] && vendor=$(sed -n 's/^[[:space:]]*directory[[:space:]]*=[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' "$cfg" | head -n 1)
	[ -n "$vendor" ] ||
		die "RELIBC_SRC=$src: its .cargo/config.toml names no vendored crate directory (directory = \"...\"), and this build is offline; fix: pass RELIBC_VENDOR=DIR (a 'cargo vendor' directory with relibc's and the std crates)"
	case $vendor in /*) ;; *) vendor=$src/$vendor ;; esac
	what="the vendor directory $vendor named by $cfg"
else
	what="RELIBC_VENDOR=$vendor"
fi
[ -d "$vendor" ] || die "$what is not a directory; fix: pass RELIBC_VENDOR=DIR (a 'cargo vendor' directory)"
vendor=$(abspath "$vendor")

spec=$specs/$triple-clif.json
if [ ! -f "$spec" ]; then
	[ -f "$specs/NO-SPECS" ] && die "the sysroot has no Rust target specs ($(cat "$specs/NO-SPECS")); fix: install jq and rustc-web, then make"
	die "no target spec $spec; fix: make (it generates the sysroot's specs) before make relibc"
fi
spec=$(cd "$(dirname "$spec")" && pwd -P)/$(basename "$spec")
command -v "$RUSTC" >/dev/null 2>&1 || die "RUSTC=$RUSTC not found; fix: apt-get install rustc-web rust-web-src, or pass RUSTC=PATH"
command -v "$CARGO" >/dev/null 2>&1 || die "CARGO=$CARGO not found; fix: apt-get install cargo-web, or pass CARGO=PATH"
have=$("$RUSTC" -V 2>/dev/null) || die "RUSTC=$RUSTC does not run; fix: pass the rustc the sysroot's specs were made for"
made=$(sed -n 1p "$specs/rustc-version" 2>/dev/null) || die "$specs/rustc-version is missing, so the rustc of the specs is unknown; fix: make (regenerates the specs)"
[ "$have" = "$made" ] ||
	die "RUSTC=$RUSTC is '$have' but the target specs in $specs were generated for '$made'; fix: make relibc RUSTC=<that rustc>, or regenerate the specs with this one (make RUSTC=$RUSTC)"

# sha256 of a directory tree's file names, contents and symlinks (not of its
# cargo target/ or .git/, which are outputs and history, not sources).
tree_hash() {
	(cd "$1" && find . \( -name .git -o -path ./target \) -prune -o -type f -print0 |
		LC_ALL=C sort -z | xargs -0 -r sha256sum --
	 find . \( -name .git -o -path ./target \) -prune -o -type l -printf 'link %p %l\n' | LC_ALL=C sort) |
		sha256sum | cut -c1-64
}

### cbindgen >= 0.29 (relibc's configs and Rust 2024 sources need it)
cbindgen_ok() {
	v=$("$1" --version 2>/dev/null | sed -n 's/^cbindgen \([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p')
	[ -n "$v" ] || return 1
	set -- $v
	[ "$1" -gt 0 ] || [ "$2" -ge 29 ]
}
if [ -n "$cbindgen" ]; then
	command -v "$cbindgen" >/dev/null 2>&1 || die "CBINDGEN=$cbindgen not found; fix: pass the path of a cbindgen >= 0.29, or leave CBINDGEN unset to build one from CBINDGEN_SRC"
	cbindgen_ok "$cbindgen" ||
		die "CBINDGEN=$cbindgen is '$("$cbindgen" --version 2>&1 | head -n 1)', but relibc's headers need cbindgen >= 0.29 (0.24 cannot parse them); fix: pass a newer CBINDGEN, or leave it unset to build one from CBINDGEN_SRC"
else
	[ -n "$cbindgen_src" ] ||
		die "no cbindgen: CBINDGEN is not set and there is no cbindgen source (CBINDGEN_SRC); fix: make relibc CBINDGEN=PATH (cbindgen >= 0.29) or CBINDGEN_SRC=DIR (a cbindgen tree with vendored crates)"
	[ -f "$cbindgen_src/Cargo.toml" ] && grep -q '^name = "cbindgen"' "$cbindgen_src/Cargo.toml" ||
		die "CBINDGEN_SRC=$cbindgen_src is not a cbindgen source tree (no Cargo.toml with name = \"cbindgen\"); fix: point CBINDGEN_SRC at one, or pass CBINDGEN=PATH"
	cbindgen_src=$(abspath "$cbindgen_src")
	hv=$(sed -n 's/^[[:space:]]*directory[[:space:]]*=[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' "$cbindgen_src/.cargo/config.toml" 2>/dev/null | head -n 1)
	case $hv in "") ;; /*) ;; *) hv=$cbindgen_src/$hv ;; esac
	[ -n "$hv" ] && [ -d "$hv" ] ||
		die "CBINDGEN_SRC=$cbindgen_src: its .cargo/config.toml names no existing vendored crate directory, and this build is offline; fix: vendor its crates (cargo vendor) or pass CBINDGEN=PATH"
	ckey=$( { echo "redox-crt cbindgen 1"; "$CARGO" -V; "$RUSTC" -V; tree_hash "$cbindgen_src"; tree_hash "$hv"; } | sha256sum | cut -c1-16)
	cdir=$cache/cbindgen/$ckey
	cbindgen=$cdir/cbindgen
	if [ ! -x "$cbindgen" ]; then
		mkdir -p "$cache/cbindgen"
		exec 8> "$cache/cbindgen/$ckey.lock"
		flock 8
		if [ ! -x "$cbindgen" ]; then
			note CARGO host "cbindgen from $cbindgen_src, once (cached in $cdir; a few minutes)"
			ctarget=$work/cbindgen-target
			mkdir -p "$ctarget"
			# In the tree itself: its .cargo/config.toml is what finds the crates.
			if ! (cd "$cbindgen_src" && CARGO_HOME=$work/cargo-home CARGO_TARGET_DIR=$ctarget \
				RUSTC=$RUSTC "$CARGO" build --release --offline --locked -q) > "$work/cbindgen.log" 2>&1; then
				e=$(grep -m1 -E '^error' "$work/cbindgen.log" || tail -n 1 "$work/cbindgen.log")
				die "building cbindgen from CBINDGEN_SRC=$cbindgen_src failed: $e (log: $work/cbindgen.log); fix: pass CBINDGEN=PATH (cbindgen >= 0.29)"
			fi
			rm -rf "$cdir.tmp"; mkdir -p "$cdir.tmp"
			cp "$ctarget/release/cbindgen" "$cdir.tmp/cbindgen"
			rm -rf "$cdir"; mv "$cdir.tmp" "$cdir"
		fi
		exec 8>&-
	fi
	cbindgen_ok "$cbindgen" || die "$cbindgen (built from $cbindgen_src) is not cbindgen >= 0.29; fix: pass CBINDGEN=PATH"
fi

### The cache key: sources, crates, toolchain, spec, recipe
# deps: what cargo's target dir is valid for (cargo trusts a vendored crate's
# version, not its content, so a changed vendor directory needs a clean one).
deps=$( {
	echo "vendor $(tree_hash "$vendor")"
	"$RUSTC" -vV; "$CARGO" -V; "$CLANG" --version | head -n 1
	cat "$spec"
} | sha256sum | cut -c1-64)
key=$( {
	echo "redox-crt relibc recipe $RECIPE $triple"
	echo "src $(tree_hash "$src")"
	echo "deps $deps"
	"$cbindgen" --version
} | sha256sum | cut -c1-16)
[ $print_key = 0 ] || { echo "$key"; exit 0; }
out=$cache/relibc/$key/$arch
if [ -f "$out/KEY" ]; then echo "$out"; exit 0; fi
mkdir -p "$cache/relibc"
exec 9> "$cache/relibc/$key-$arch.lock"
flock 9
if [ -f "$out/KEY" ]; then echo "$out"; exit 0; fi

start=$(date +%s)
note RELIBC "$arch" "building relibc from $src (cache key $key; a few minutes)"

### A private copy of the tree: relibc's build writes next to its sources
W=$work/$arch
# One build at a time in a work directory (another key may want it too).
mkdir -p "$work"
exec 7> "$W.lock"
flock 7
tree=$W/src
rmtree "$tree.tmp"; mkdir -p "$tree.tmp"
# Cargo decides what to rebuild by mtime, and reuses the rest of its target
# dir when that was built with the same crates, toolchain and spec. The copy
# keeps the tree's mtimes, except that a file whose content differs from the
# previous copy's (or is new) gets the time of now: a changed file is always
# rebuilt, even one older than the last build.
[ "$(cat "$W/deps" 2>/dev/null)" = "$deps" ] || { rm -rf "$W/target"; rmtree "$tree"; }
(cd "$src" && tar -cf - --exclude=./target --exclude=./.git .) | (cd "$tree.tmp" && tar -xf -) ||
	die "cannot copy RELIBC_SRC=$src into $tree.tmp"
if [ -d "$tree" ]; then
	(cd "$tree.tmp" && find . -type f) | while IFS= read -r f; do
		cmp -s "$tree.tmp/$f" "$tree/$f" || touch "$tree.tmp/$f"
	done
else
	find "$tree.tmp" -type f -exec touch {} +
fi
rmtree "$tree"
mv "$tree.tmp" "$tree"
chmod -R u+w "$tree"
# Our own cargo config, naming the vendor directory absolutely (the copy is
# elsewhere); the tree's own one is what we read it from.
mkdir -p "$tree/.cargo"
cat > "$tree/.cargo/config.toml" <<EOF
# Written by redox-crt's relibc/build-relibc.sh: offline, every crate from one directory.
[source.crates-io]
replace-with = "redox-crt-vendor"
[source.redox-crt-vendor]
directory = "$vendor"
[net]
offline = true
EOF

### cargo: relibc's staticlib through the -clif spec, with core, alloc and
### compiler_builtins built from rust-src (relibc's Makefile: CARGO_COMMON_FLAGS)
target_name=$(basename "$spec" .json)
tu=$(echo "$target_name" | tr '-' '_')
lib=$W/lib
rm -rf "$lib"; mkdir -p "$lib"
export CARGO_HOME=$W/cargo-home CARGO_TARGET_DIR=$W/target RUSTC RUSTC_BOOTSTRAP=1
# The cc crate compiles relibc's src/c for the -clif target name, which clang
# does not know: give it the real triple.
export "CC_$tu=$CLANG" "CFLAGS_$tu=--target=$triple" "AR_$tu=$LLVM_AR"
mkdir -p "$CARGO_HOME"
echo "$deps" > "$W/deps"
log=$W/cargo.log
if ! (cd "$tree" && "$CARGO" rustc --offline --release -Zjson-target-spec \
		-Zbuild-std=core,alloc,compiler_builtins --target "$spec" \
		-- --emit link="$lib/librelibc.a") > "$log" 2>&1; then
	# cargo's offline resolution errors name the crate; say which input lacks it.
	miss=$(sed -n 's/.*no matching package named `\([^`]*\)` found.*/\1/p' "$log" | head -n 1)
	[ -n "$miss" ] || miss=$(sed -n 's/.*failed to select a version for the requirement `\([^`]*\)`.*/\1/p' "$log" | head -n 1)
	[ -n "$miss" ] || miss=$(sed -n 's/.*failed to load source for dependency `\([^`]*\)`.*/\1/p' "$log" | head -n 1)
	if [ -n "$miss" ]; then
		ver=$(awk -v n="$miss" '$1 == "name" && $3 == "\"" n "\"" { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' "$src/Cargo.lock" 2>/dev/null)
		die "$what lacks the crate '$miss'${ver:+ $ver (named in $src/Cargo.lock)}, and this build is offline; fix: add it to the vendor directory (cargo vendor) or pass RELIBC_VENDOR=DIR with every crate relibc's Cargo.lock names (cargo's log: $log)"
	fi
	e=$(grep -m1 -E '^error' "$log" || tail -n 1 "$log")
	die "$triple: cargo failed to build relibc from RELIBC_SRC=$src: $e (full log: $log)"
fi
raw=$lib/librelibc.a
[ -s "$raw" ] || die "$triple: cargo succeeded but wrote no $raw (see $log)"
cp "$raw" "$lib/librelibc-raw.a"

### headers (relibc's Makefile, target "headers")
inc=$W/include
rm -rf "$inc"; mkdir -p "$inc"
cp -R "$tree/include/." "$inc/"
cp "$tree"/openlibm/include/*.h "$tree"/openlibm/src/*.h "$inc/"
n=0
for d in "$tree"/src/header/*/; do
	h=$(basename "$d")
	case $h in _*|math) continue ;; esac   # private modules; math.h is openlibm's
	[ -f "$d/cbindgen.toml" ] || continue
	o=$inc/$(echo "$h" | tr '_' '/').h
	mkdir -p "$(dirname "$o")"
	if ! (cd "$tree" && cat "src/header/$h/cbindgen.toml" cbindgen.globdefs.toml |
		"$cbindgen" "src/header/$h/mod.rs" --config=/dev/stdin --output "$o") > "$W/cbindgen-$h.log" 2>&1; then
		die "$triple: $cbindgen failed on src/header/$h: $(grep -m1 -iE 'error' "$W/cbindgen-$h.log" || tail -n 1 "$W/cbindgen-$h.log")"
	fi
	n=$((n + 1))
done
[ "$n" -gt 0 ] || die "$triple: RELIBC_SRC=$src has no src/header/*/cbindgen.toml: no headers generated"

### openlibm (relibc's Makefile: libopenlibm.a with relibc's headers)
olm=$W/openlibm
rmtree "$olm"; cp -R "$tree/openlibm" "$olm"
if ! make -s -C "$olm" -j"$(nproc 2>/dev/null || echo 2)" AR="$LLVM_AR" CC="$CLANG --target=$triple" \
	CPPFLAGS="-fno-stack-protector -I$tree/include -I$inc" libopenlibm.a > "$W/openlibm.log" 2>&1; then
	die "$triple: openlibm failed to build: $(grep -m1 -E 'error' "$W/openlibm.log" || tail -n 1 "$W/openlibm.log") (log: $W/openlibm.log)"
fi
cp "$olm/libopenlibm.a" "$lib/libopenlibm.a"

### Symbols: rename Rust-internal names, hide compiler_builtins' weak math
### where openlibm has the real one, then merge (relibc's renamesyms.sh,
### stripcore.sh and the libc.a rule; our implementation in symbols.sh)
sh "$here/symbols.sh" "$lib/librelibc.a" "$lib/libopenlibm.a" "$lib/libc.a" "$W/symbols" >&2 ||
	die "$triple: preparing libc.a failed (see the line above)"

### Check before publishing
defs=$("$LLVM_NM" -g --defined-only "$lib/libc.a" 2>/dev/null | awk 'NF == 3 { print $3 }')
printf '%s\n' "$defs" | grep -qx relibc_start_v1 || die "$triple: the built libc.a does not define relibc_start_v1"
! printf '%s\n' "$defs" | grep -qx _start || die "$triple: the built libc.a defines _start (redox-crt's crt0.o must)"
for h in stdio.h stdlib.h string.h unistd.h math.h; do
	[ -f "$inc/$h" ] || die "$triple: header $h was not generated"
done

rm -rf "$out.tmp"; mkdir -p "$out.tmp/lib"
cp "$lib/libc.a" "$out.tmp/lib/libc.a"
cp "$lib/libopenlibm.a" "$out.tmp/lib/libm.a"
# Unrenamed, for the tests' negative control (what a link needs without renaming).
cp "$lib/librelibc-raw.a" "$out.tmp/lib/librelibc-raw.a"
cp -R "$inc" "$out.tmp/include"
cp "$W/symbols/"*.txt "$out.tmp/" 2>/dev/null || true
{ echo "key $key"; echo "target $triple"; echo "src $src"; echo "vendor $vendor"; echo "spec $spec"
  echo "rustc $have"; echo "cbindgen $("$cbindgen" --version)"; echo "seconds $(( $(date +%s) - start ))"; } > "$out.tmp/KEY"
rm -rf "$out"; mv "$out.tmp" "$out"
note RELIBC "$arch" "built in $(( $(date +%s) - start )) s into $out"
echo "$out"

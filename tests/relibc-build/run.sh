#!/bin/sh
# SPDX-License-Identifier: MIT
# check-relibc-build: `make relibc` from RELIBC_SRC, end to end. The build
# (cached after the first run), the no-op second run, the cache key, every
# bad input's one-line error, the -clif spec's cfgs against rustc's built-in
# target, the imported libc.a/libm.a/headers inspected with llvm tools, and
# a Rust program (own core/alloc/allocator shim/panic handler) linked against
# libc.a without -z muldefs, with the unrenamed archive as negative control.
# Environment comes from tests/relibc-build/part.mk.
set -u
. tests/lib/tap.sh
top=$(pwd -P)
if [ -z "${RELIBC_SRC:-}" ]; then
	echo "skipped: no relibc (set RELIBC_SRC)"
	skip "relibc-build: every check" "no relibc tree (RELIBC_SRC is empty and ../shared/relibc/src does not exist)"
	summary; exit
fi
T=$top/$BUILD/test/relibc-build/tmp
rm -rf "$T"; mkdir -p "$T"
T_TMP=$T
SR=$top/$SYSROOT
M="$MAKE --no-print-directory"
NM=$LLVM_NM

# expect_line NAME PATTERN CMD...: CMD fails, and prints exactly one line of
# ours ("relibc: ...") that matches PATTERN and names a fix.
expect_line() {
	_n=$1 _pat=$2; shift 2
	if "$@" > "$T/el.out" 2>&1; then fail "$_n" "succeeded, expected an error"; sed 's/^/    /' "$T/el.out" | tail -5; return; fi
	_c=$(grep -c '^relibc:' "$T/el.out")
	if [ "$_c" -ne 1 ]; then fail "$_n" "$_c lines of ours, expected 1"; sed 's/^/    /' "$T/el.out" | head -10
	elif ! grep '^relibc:' "$T/el.out" | grep -Eq -- "$_pat"; then fail "$_n" "error does not match /$_pat/"; sed 's/^/    /' "$T/el.out" | head -10
	elif ! grep '^relibc:' "$T/el.out" | grep -q 'fix:'; then fail "$_n" "the error names no fix"; sed 's/^/    /' "$T/el.out" | head -5
	else ok "$_n"; fi
}
mtime() { stat -c %Y "$1" 2>/dev/null || echo none; }

### 1. make relibc (cold the first time: minutes; then cached)
touch "$T/start"
t0=$(date +%s)
if $M relibc > "$T/build.log" 2>&1; then ok "make relibc builds and imports relibc for: $ARCHS"
else fail "make relibc" "see below"; tail -20 "$T/build.log" | sed 's/^/    /'; summary; exit; fi
echo "info: make relibc took $(( $(date +%s) - t0 )) s ($(grep -c 'building relibc' "$T/build.log") target(s) built, the rest cached)"
# The relibc tree may be read-only: nothing in it was written.
expect_eq "make relibc writes nothing into RELIBC_SRC" "" \
	"$(find "$RELIBC_SRC/" -newer "$T/start" -print 2>/dev/null | head -n 3)"

### 2. A second run is a no-op: no cargo, nothing rewritten
mkdir -p "$T/fake"
cat > "$T/fake/cargo" <<EOF
#!/bin/sh
# cargo -V is part of the cache key; anything else would be a rebuild.
[ "\$1" = -V ] && exec "$CARGO" -V
echo "\$*" >> "$T/fake/called"
exit 1
EOF
chmod +x "$T/fake/cargo"
s0=$(mtime "$top/$RELIBC_STAMP")
l0=
for a in $ARCHS; do l0="$l0 $(mtime "$SR/$a-unknown-redox/lib/libc.a")"; done
if $M relibc CARGO="$T/fake/cargo" > "$T/second.log" 2>&1; then ok "second make relibc succeeds"
else fail "second make relibc" "see below"; tail -10 "$T/second.log" | sed 's/^/    /'; fi
expect_eq "second make relibc does not run cargo" "" "$(cat "$T/fake/called" 2>/dev/null)"
for a in $ARCHS; do
	expect_grep "second make relibc: $a is up to date" "^  RELIBC +$a +up to date" "$T/second.log"
done
l1=
for a in $ARCHS; do l1="$l1 $(mtime "$SR/$a-unknown-redox/lib/libc.a")"; done
expect_eq "second make relibc rewrites no libc.a in the sysroot" "$l0" "$l1"
expect_eq "second make relibc leaves RELIBC_STAMP alone (dependents are not remade)" "$s0" "$(mtime "$top/$RELIBC_STAMP")"

### 3. The cache: outside build/, keyed by content
for a in $ARCHS; do
	dir=$(head -n 1 "$top/$BUILD/relibc/$a.imported" 2>/dev/null)
	case $dir in
	"$REDOX_CRT_CACHE"/relibc/*/$a) ok "$a: result cached in the cache directory ($dir)" ;;
	*) fail "$a: result cached in the cache directory" "imported from '$dir', not under $REDOX_CRT_CACHE/relibc/<hash>/$a" ;;
	esac
	case $dir in "$top"/*) fail "$a: cache is outside the build tree" "$dir" ;; *) ok "$a: cache is outside the build tree" ;; esac
done
a=$(echo $ARCHS | cut -d' ' -f1)
cb=${CBINDGEN:-$(ls "$REDOX_CRT_CACHE"/cbindgen/*/cbindgen 2>/dev/null | head -n 1)}
key() { sh relibc/build-relibc.sh --print-key --arch "$a" --specs "$top/$TC_SPECDIR" --work "$T/work" \
	--cache "$T/cache" --cbindgen "$cb" "$@" 2>"$T/key.err"; }
k0=$(key --src "$RELIBC_SRC" ${RELIBC_VENDOR:+--vendor "$RELIBC_VENDOR"})
dir=$(head -n 1 "$top/$BUILD/relibc/$a.imported" 2>/dev/null)
expect_eq "cache key: --print-key gives the key of the cached build" "$(basename "$(dirname "$dir")")" "$k0"
# Same content elsewhere, and only mtimes changed: same key. One byte more: another key.
# The vendor directory: RELIBC_VENDOR, or what the tree's .cargo/config.toml names.
vendor=${RELIBC_VENDOR:-$(sed -n 's/^directory *= *"\(.*\)"$/\1/p' "$RELIBC_SRC/.cargo/config.toml" | head -n 1)}
case $vendor in /*) ;; *) vendor=$RELIBC_SRC/$vendor ;; esac
mkdir -p "$T/copy"
cp -R "$RELIBC_SRC" "$T/copy/src"; chmod -R u+w "$T/copy/src"
find "$T/copy/src" -name '*.rs' -exec touch {} +
expect_eq "cache key: a copy of the tree with new mtimes has the same key" "$k0" "$(key --src "$T/copy/src" --vendor "$vendor")"
echo "// changed" >> "$T/copy/src/src/lib.rs"
k1=$(key --src "$T/copy/src" --vendor "$vendor")
[ -n "$k1" ] && [ "$k1" != "$k0" ] && ok "cache key: one changed relibc source file changes the key" ||
	fail "cache key: one changed relibc source file changes the key" "key '$k1' (was $k0)"
mkdir -p "$T/specs"; cp "$top/$TC_SPECDIR"/*.json "$top/$TC_SPECDIR/rustc-version" "$T/specs/"
sed -i 's/"relro-level": "full"/"relro-level": "off"/' "$T/specs/$a-unknown-redox-clif.json"
k2=$(sh relibc/build-relibc.sh --print-key --arch "$a" --specs "$T/specs" --work "$T/work" --cache "$T/cache" \
	--cbindgen "$cb" --src "$RELIBC_SRC" ${RELIBC_VENDOR:+--vendor "$RELIBC_VENDOR"} 2>/dev/null)
[ -n "$k2" ] && [ "$k2" != "$k0" ] && ok "cache key: a changed target spec changes the key" ||
	fail "cache key: a changed target spec changes the key" "key '$k2' (was $k0)"

### 3b. import.sh and import-relibc.sh into a private sysroot: the cached
### build's files land there unchanged, a second run is a no-op, and a
### sysroot file that no longer matches the cache is imported again.
PS=$T/private-sysroot PST=$T/private-stamp/imported.stamp
mkdir -p "$PS" "$(dirname "$PST")"
imp() { sh relibc/import.sh "$RELIBC_SRC" "${RELIBC_VENDOR:-}" "$cb" "" "$top/$TC_SPECDIR" "$top/$BUILD/relibc/work" \
	"$REDOX_CRT_CACHE" "$PS" "$PST" $ARCHS > "$T/imp.log" 2>&1; }
AR=${LLVM_AR:-llvm-ar-19} OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-19}
# same_as_cache WHAT: every arch's libm.a and stdio.h/pthread.h equal the
# cache's; its libc.a has the cache's members, in order, with the same
# symbols, and the member defining relibc_start_v1 carries the ABI note
# (docs/abi-note.md) for 2026-08 (relibc dadb4375's Cargo.lock pins
# redox_syscall 0.9.1: ../shared/relibc/README.md), byte for byte.
same_as_cache() {
	for a in $ARCHS; do
		c=$(head -n 1 "$top/$BUILD/relibc/$a.imported") p=$PS/$a-unknown-redox
		diffs=
		for f in lib/libm.a include/stdio.h include/pthread.h include/sys/stat.h; do
			cmp -s "$c/$f" "$p/$f" || diffs="$diffs $f"
		done
		"$AR" t "$c/lib/libc.a" > "$T/members.cache"; "$AR" t "$p/lib/libc.a" > "$T/members.sysroot"
		cmp -s "$T/members.cache" "$T/members.sysroot" || diffs="$diffs libc.a-members"
		"$NM" "$c/lib/libc.a" > "$T/nm.cache" 2>&1; "$NM" "$p/lib/libc.a" > "$T/nm.sysroot" 2>&1
		cmp -s "$T/nm.cache" "$T/nm.sysroot" || diffs="$diffs libc.a-symbols"
		expect_eq "$1: $a libm.a, headers, libc.a's members and symbols are the cache's" "" "$diffs"
		m=$("$NM" --defined-only "$p/lib/libc.a" | awk '/^[^ ]+:$/ { m = substr($0, 1, length($0) - 1) } NF == 3 && $3 == "relibc_start_v1" { print m }')
		rm -rf "$T/member"; mkdir -p "$T/member"
		(cd "$T/member" && "$AR" x "$p/lib/libc.a" "$m") && "$OBJCOPY" --dump-section .note.redox-crt.abi="$T/member/note" "$T/member/$m" "$T/member/copy" 2> /dev/null
		expect_eq "$1: $a relibc_start_v1's member carries the ABI note 2026-08" \
			"0a000000 08000000 01000000 7265646f 782d6372 74000000 32303236 2d303800" \
			"$(od -An -tx1 "$T/member/note" 2>/dev/null | tr -d ' \n' | sed 's/\(........\)/\1 /g; s/ $//')"
		expect_eq "$1: $a no other member carries it" 1 \
			"$("$LLVM_READELF" -SW "$p/lib/libc.a" 2>/dev/null | grep -c '\.note\.redox-crt\.abi')"
	done
}
if imp; then ok "import.sh into an empty private sysroot"; else fail "import.sh into an empty private sysroot" "$(tail -n 3 "$T/imp.log" | tr '\n' ' ')"; fi
same_as_cache "first import"
for a in $ARCHS; do
	expect_eq "first import: $a marked with its cache directory" "$(head -n 1 "$top/$BUILD/relibc/$a.imported")" "$(head -n 1 "$(dirname "$PST")/$a.imported" 2>/dev/null)"
done
check "first import: the stamp exists" test -f "$PST"
touch -d '2000-01-01' "$PST"; p0=$(mtime "$PST")
imp
for a in $ARCHS; do expect_grep "second import: $a up to date" "^  RELIBC +$a +up to date" "$T/imp.log"; done
expect_eq "second import: the stamp is left alone" "$p0" "$(mtime "$PST")"
for a in $ARCHS; do echo "not an archive" > "$PS/$a-unknown-redox/lib/libm.a"; done
imp
for a in $ARCHS; do expect_no_grep "libm.a changed: $a not up to date" "^  RELIBC +$a +up to date" "$T/imp.log"; done
same_as_cache "libm.a changed, imported again"
check "libm.a changed: the stamp is touched" test "$(mtime "$PST")" != "$p0"
# The note is part of what "up to date" checks: a libc.a without it (as a
# plain copy of the cache's would be) is imported again.
for a in $ARCHS; do cp "$(head -n 1 "$top/$BUILD/relibc/$a.imported")/lib/libc.a" "$PS/$a-unknown-redox/lib/libc.a"; done
imp
for a in $ARCHS; do expect_no_grep "libc.a without the note: $a not up to date" "^  RELIBC +$a +up to date" "$T/imp.log"; done
same_as_cache "libc.a without the note, imported again"
# RELIBC_ABI: none leaves libc.a as built; a bad value is refused before anything is written.
a1=$(echo $ARCHS | cut -d' ' -f1) c1=$(head -n 1 "$top/$BUILD/relibc/$a1.imported")
rm -rf "$T/abi-sr"; mkdir -p "$T/abi-sr"
RELIBC_ABI=none sh toolchain/import-relibc.sh "$c1" "$T/abi-sr" "$a1" > "$T/abi.log" 2>&1
check "RELIBC_ABI=none: $a1 libc.a is the cache's, unchanged" cmp "$c1/lib/libc.a" "$T/abi-sr/$a1-unknown-redox/lib/libc.a"
rm -rf "$T/abi-sr"; mkdir -p "$T/abi-sr"
RELIBC_ABI=2026-8 sh toolchain/import-relibc.sh "$c1" "$T/abi-sr" "$a1" > "$T/abi.log" 2>&1
expect_eq "RELIBC_ABI=2026-8: refused (exit 1)" 1 $?
expect_grep "RELIBC_ABI=2026-8: the message names the value and the fix" \
	'^import-relibc: RELIBC_ABI=2026-8: not an ABI name; fix: RELIBC_ABI=2026-08' "$T/abi.log"
expect_eq "RELIBC_ABI=2026-8: nothing written" "" "$(ls -A "$T/abi-sr")"
rm -rf "$T/abi-sr"
rm -rf "$PS" "$(dirname "$PST")"

### 4. Bad input: one line naming input, problem and fix
B="$M relibc RELIBC_WORK=$T/work REDOX_CRT_CACHE=$T/cache CBINDGEN=$cb"
mkdir -p "$T/other"; printf '[package]\nname = "other"\nversion = "0.1.0"\n' > "$T/other/Cargo.toml"
expect_line "bad input: RELIBC_SRC not a relibc tree" "RELIBC_SRC=$T/other is not a relibc tree" $B RELIBC_SRC="$T/other"
expect_line "bad input: RELIBC_SRC missing" "RELIBC_SRC=$T/none is not a directory" $B RELIBC_SRC="$T/none"
expect_line "bad input: RELIBC_SRC empty" "RELIBC_SRC is not set" $B RELIBC_SRC=
# A tree whose openlibm submodule was not checked out.
src_abs=$(cd "$RELIBC_SRC" && pwd -P)
vendor=$(cd "$vendor" && pwd -P)
mkdir -p "$T/nolibm/openlibm"
for f in "$src_abs"/* "$src_abs"/.cargo; do [ "$(basename "$f")" = openlibm ] || ln -s "$f" "$T/nolibm/"; done
expect_line "bad input: openlibm submodule empty" "openlibm/ is empty.*submodule update" $B RELIBC_SRC="$T/nolibm"
# A vendor directory without one crate relibc's Cargo.lock names.
mkdir -p "$T/vendor-short"
for c in "$vendor"/*; do case $(basename "$c") in cbitset-*) ;; *) ln -s "$c" "$T/vendor-short/" ;; esac; done
expect_line "bad input: a vendored crate missing" "RELIBC_VENDOR=$T/vendor-short lacks the crate 'cbitset'.*offline" \
	$B RELIBC_SRC="$RELIBC_SRC" RELIBC_VENDOR="$T/vendor-short"
expect_line "bad input: RELIBC_VENDOR not a directory" "RELIBC_VENDOR=$T/none is not a directory" \
	$B RELIBC_SRC="$RELIBC_SRC" RELIBC_VENDOR="$T/none"
# Specs made for another rustc than the one that would build.
echo "rustc 0.0.1 (000000000 2020-01-01)" > "$T/specs/rustc-version"
expect_line "bad input: specs generated for another rustc" \
	"RUSTC=.* is 'rustc [0-9].*' but the target specs in $T/specs were generated for 'rustc 0.0.1" \
	sh relibc/build-relibc.sh --arch "$a" --specs "$T/specs" --work "$T/work" --cache "$T/cache" \
		--cbindgen "$cb" --src "$RELIBC_SRC"
# (Directly: through make, RUSTC also regenerates the sysroot's specs.)
expect_line "bad input: RUSTC not found" "RUSTC=$T/none/rustc not found" env RUSTC="$T/none/rustc" \
	sh relibc/build-relibc.sh --arch "$a" --specs "$top/$TC_SPECDIR" --work "$T/work" --cache "$T/cache" \
		--cbindgen "$cb" --src "$RELIBC_SRC"
printf '#!/bin/sh\necho "cbindgen 0.24.3"\n' > "$T/fake/cbindgen"; chmod +x "$T/fake/cbindgen"
expect_line "bad input: cbindgen too old" "CBINDGEN=$T/fake/cbindgen is 'cbindgen 0.24.3'.*>= 0.29" \
	$B RELIBC_SRC="$RELIBC_SRC" CBINDGEN="$T/fake/cbindgen"
expect_line "bad input: cbindgen source missing" "CBINDGEN_SRC=$T/none is not a cbindgen source tree" \
	$B RELIBC_SRC="$RELIBC_SRC" CBINDGEN= CBINDGEN_SRC="$T/none"
expect_line "bad input: neither CBINDGEN nor a cbindgen source" "no cbindgen: CBINDGEN is not set" \
	$B RELIBC_SRC="$RELIBC_SRC" CBINDGEN= CBINDGEN_SRC=

### 5. The -clif spec keeps the cfgs relibc's code tests
for a in $ARCHS; do
	RUSTC_BOOTSTRAP=1 "$RUSTC" --print cfg --target "$a-unknown-redox" 2>/dev/null | LC_ALL=C sort > "$T/cfg-builtin"
	RUSTC_BOOTSTRAP=1 "$RUSTC" -Z unstable-options --print cfg --target "$top/$TC_SPECDIR/$a-unknown-redox-clif.json" 2>/dev/null |
		LC_ALL=C sort > "$T/cfg-clif"
	for c in 'target_os="redox"' 'target_env="relibc"' "target_arch=\"$a\"" 'target_family="unix"' 'target_pointer_width="64"'; do
		grep -qx "$c" "$T/cfg-clif" || fail "cfg $a: -clif spec has $c" "missing"
	done
	expect_eq "cfg $a: -clif spec has target_os, env, arch, family, width of the built-in target" \
		"$(grep -E '^target_(os|env|arch|family|pointer_width)=' "$T/cfg-builtin")" \
		"$(grep -E '^target_(os|env|arch|family|pointer_width)=' "$T/cfg-clif")"
	# What differs: static relocation (non-PIE ET_EXEC), 64-bit max atomics
	# (Cranelift); relibc and its crates must not test those.
	LC_ALL=C comm -3 "$T/cfg-builtin" "$T/cfg-clif" | tr -d '\t' > "$T/cfg-diff"
	other=$(grep -v -E '^(relocation_model="(pic|static)"|target_has_atomic(_load_store|_equal_alignment)?="128")$' "$T/cfg-diff" | tr '\n' ' ')
	expect_eq "cfg $a: -clif differs from $a-unknown-redox only in relocation_model and 128-bit atomics" "" "$other"
	pats=$(sed -e 's/=.*//' "$T/cfg-diff" | LC_ALL=C sort -u | sed 's/^/-e /' | tr '\n' ' ')
	used=
	if [ -n "$pats" ]; then
		# relocation_model at all; target_has_atomic* only with "128".
		used=$(grep -rn --include='*.rs' -E 'relocation_model|target_has_atomic[a-z_]* *= *"128"' \
			"$RELIBC_SRC/src" "$RELIBC_SRC/redox-rt" "$RELIBC_SRC/ld_so" "$RELIBC_SRC/generic-rt" \
			"$RELIBC_SRC/redox-ioctl" "$RELIBC_SRC/dlmalloc-rs" "$vendor" 2>/dev/null | head -n 3)
	fi
	expect_eq "cfg $a: relibc's sources and vendored crates test none of the cfgs the -clif spec changes" "" "$used"
done

### 6. The imported result, inspected; symbols.sh run afresh
# The stripcore.sh list of relibc dadb4375 (math names compiler_builtins
# defines weakly and openlibm for real).
STRIPCORE="cbrtf ceilf copysignf fabsf fdimf floorf fmaf fmaxf fminf fmodf rintf roundf sqrtf truncf
cbrt ceil copysign fabs fdim floor fmax fmin fmod rint round sqrt trunc"
# archive_checks A LIBDIR WHAT: LIBDIR/libc.a and LIBDIR/libm.a of arch A
# (WHAT names them in the check names) against the facts above.
archive_checks() {
	a=$1 lib=$2 what_=$3
	"$NM" -A -g --defined-only "$lib/libc.a" 2>/dev/null | awk 'NF == 4 { print $3, $4, $1 }' > "$T/defs-$a"
	"$NM" -g "$lib/libc.a" 2>/dev/null | awk 'NF == 2 && $1 == "U" { print $2 }' | LC_ALL=C sort -u > "$T/undef-$a"
	awk '{ print $2 }' "$T/defs-$a" | LC_ALL=C sort -u > "$T/defnames-$a"
	d() { awk -v n="$1" '$2 == n { print $1 }' "$T/defs-$a" | tr '\n' ' ' | sed 's/ $//'; }
	expect_eq "$a $what_ libc.a: relibc_start_v1 defined (T)" "T" "$(d relibc_start_v1)"
	expect_eq "$a $what_ libc.a: no _start (crt0.o's)" "" "$(d _start)"
	expect_eq "$a $what_ libc.a: no _init/_fini/__dso_handle" "" "$(d _init)$(d _fini)$(d __dso_handle)"
	for s in printf malloc free fopen memcpy strlen; do
		expect_eq "$a $what_ libc.a: $s defined once, strong" "T" "$(d $s)"
	done
	expect_eq "$a $what_ libc.a: no Rust-mangled global symbol left unrenamed" "" \
		"$(grep -E '^(_R|_ZN|anon\.)' "$T/defnames-$a" | head -n 3)"
	expect_eq "$a $what_ libc.a: no global allocator shim or panic runtime symbol" "" \
		"$(grep -E '^(__rust_(alloc|dealloc|realloc|alloc_zeroed|alloc_error_handler|probestack)|rust_begin_unwind|rust_panic)$' "$T/defnames-$a")"
	expect_eq "$a $what_ libc.a: relibc's allocator shim kept, renamed" "T" \
		"$(awk '$2 ~ /^__relibc__R.*7___rustc12___rust_alloc$/ { print $1 }' "$T/defs-$a" | head -n 1)"
	expect_eq "$a $what_ libc.a: rust_eh_personality only weak (a program's strong one wins)" "" \
		"$(awk '$2 == "rust_eh_personality" && $1 != "W" { print $1 }' "$T/defs-$a")"
	bad=
	for s in $STRIPCORE; do
		w=$(awk -v n="$s" '$2 == n { print $1 ":" $3 }' "$T/defs-$a" | tr '\n' ' ')
		case $w in "T:"*libc.a:s_*|"T:"*libc.a:e_*) [ "$(echo $w | wc -w)" -eq 1 ] || bad="$bad $s=[$w]" ;; *) bad="$bad $s=[$w]" ;; esac
	done
	expect_eq "$a $what_ libc.a: the 27 stripcore.sh math names defined once, by openlibm" "" "$bad"
	# Undefined after the archive resolves itself: linker-provided bounds and
	# libgcc's complex multiplication (relibc PROVENANCE, symbol facts).
	left=$(LC_ALL=C comm -23 "$T/undef-$a" "$T/defnames-$a" |
		grep -v -E '^(__ehdr_start|__(preinit|init|fini)_array_(start|end)|__mul[sdxt]c3)$' | head -n 5 | tr '\n' ' ')
	expect_eq "$a $what_ libc.a: undefined only linker-provided bounds and libgcc's __mul?c3" "" "$left"
	expect_eq "$a $what_ libc.a: no __relibc_ reference without a definition" "" \
		"$(grep '^__relibc_' "$T/undef-$a" | LC_ALL=C comm -23 - "$T/defnames-$a" | head -n 3)"
	check "$a $what_ libm.a: openlibm (sin, cbrtf, lgamma defined)" sh -c \
		"$NM -g --defined-only '$lib/libm.a' | grep -q ' T sin\$' && $NM -g --defined-only '$lib/libm.a' | grep -q ' T cbrtf\$' && $NM -g --defined-only '$lib/libm.a' | grep -q ' T lgamma\$'"
	expect_eq "$a $what_ libm.a: no relibc in libm.a" "" "$("$NM" -g --defined-only "$lib/libm.a" 2>/dev/null | grep ' relibc_start_v1$')"
}
for a in $ARCHS; do
	tr=$a-unknown-redox lib=$SR/$tr/lib inc=$SR/$tr/include
	archive_checks "$a" "$lib" imported
	# symbols.sh itself, on the unrenamed archive the cache keeps: the cached
	# libc.a was made by the symbols.sh of its day (RECIPE bumps are by hand),
	# so a change to it is only tested here. Same facts, fresh output.
	cache=$(head -n 1 "$top/$BUILD/relibc/$a.imported" 2>/dev/null)
	fr=$T/symbols-$a
	rm -rf "$fr"; mkdir -p "$fr/lib"
	cp "$cache/lib/librelibc-raw.a" "$fr/rl.a" 2>/dev/null && cp "$cache/lib/libm.a" "$fr/lib/libm.a"
	if LLVM_NM=$NM sh relibc/symbols.sh "$fr/rl.a" "$fr/lib/libm.a" \
		"$fr/lib/libc.a" "$fr/lists" > "$fr/log" 2>&1; then
		ok "$a symbols.sh: renames, hides and merges the cached unrenamed archive"
		archive_checks "$a" "$fr/lib" "fresh symbols.sh"
	else fail "$a symbols.sh on the cached unrenamed archive" "$(tail -n 3 "$fr/log" | tr '\n' ' ')"; fi
	miss=
	for h in stdio.h stdlib.h string.h unistd.h math.h fcntl.h pthread.h signal.h time.h sys/stat.h sys/types.h; do
		[ -f "$inc/$h" ] || miss="$miss $h"
	done
	expect_eq "$a headers: stdio.h stdlib.h string.h unistd.h math.h fcntl.h pthread.h … installed" "" "$miss"
	printf '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <math.h>\n#include <fcntl.h>\n#include <pthread.h>\n#include <signal.h>\n#include <time.h>\n#include <sys/stat.h>\nint main(void){printf("%%s %%d %%.1f\\n", strerror(0), (int)getpid(), sqrt(2.0)); return 0;}\n' > "$T/h.c"
	check "$a headers: a C file including them compiles with relibc's headers only" \
		"$CLANG" --target=$tr -nostdinc -isystem "$inc" -isystem "$($CLANG -print-resource-dir)/include" -fsyntax-only -Wall -Werror "$T/h.c"
done

### 7. A Rust program with its own core/alloc/shim/panic handler links without -z muldefs
std_vendor=$("$RUSTC" --print sysroot)/lib/rustlib/src/rust/library/vendor
if [ ! -d "$std_vendor" ]; then
	fail "rust: rust-src's vendored std crates" "$std_vendor missing; apt-get install rust-web-src"
else
	for a in $ARCHS; do
		tr=$a-unknown-redox lib=$SR/$tr/lib
		spec=$top/$TC_SPECDIR/$tr-clif.json
		tgt=$top/$BUILD/test/relibc-build/rust-target
		linker=$(command -v "$LD_LLD")
		# rust_link DIR LOG: link the program with -L native=DIR (core and alloc
		# stay built in tgt; only the program itself is relinked).
		rust_link() {
			RUSTC_BOOTSTRAP=1 RUSTC="$RUSTC" RUSTFLAGS="-C linker=$linker" \
			"$CARGO" rustc --offline --release --manifest-path tests/relibc-build/rust/Cargo.toml \
				-Zbuild-std=core,alloc -Zjson-target-spec --target "$spec" --target-dir "$tgt" \
				--config 'source.crates-io.replace-with="vendored-std"' \
				--config "source.vendored-std.directory=\"$std_vendor\"" -- -L "native=$1" > "$2" 2>&1
		}
		exe=$tgt/$tr-clif/release/relibc-rust
		rm -f "$exe"
		if rust_link "$lib" "$T/rust-$a.log"; then ok "rust $a: program with its own core/alloc/shim/panic handler links against libc.a (no -z muldefs)"
		else fail "rust $a: link against libc.a" "see below"; grep -E 'error|duplicate' "$T/rust-$a.log" | head -10 | sed 's/^/    /'; continue; fi
		expect_no_grep "rust $a: no duplicate-symbol diagnostics" 'duplicate symbol' "$T/rust-$a.log"
		"$LLVM_READELF" -h "$exe" > "$T/rh-$a" 2>&1
		expect_grep "rust $a: a static ET_EXEC" 'Type: *EXEC' "$T/rh-$a"
		"$NM" "$exe" > "$T/rn-$a" 2>&1
		expect_eq "rust $a: no undefined symbol in the program" "" "$("$NM" -u "$exe" 2>/dev/null | awk '$1 == "U"' | head -n 3)"
		expect_grep "rust $a: relibc's renamed __rust_alloc is linked in" ' __relibc__R[^ ]*7___rustc12___rust_alloc$' "$T/rn-$a"
		for s in 17rust_begin_unwind 26___rust_alloc_error_handler; do
			if grep -Eq " _R[^ ]*7___rustc$s\$" "$T/rn-$a" && grep -Eq " __relibc__R[^ ]*7___rustc$s\$" "$T/rn-$a"; then
				ok "rust $a: the program's ${s#[0-9][0-9]} and relibc's renamed one are both linked"
			else fail "rust $a: the program's ${s#[0-9][0-9]} and relibc's renamed one are both linked" "$(grep -E "7___rustc$s\$" "$T/rn-$a" | tr '\n' ' ')"; fi
		done
		expect_grep "rust $a: relibc_start_v1 from libc.a" ' T relibc_start_v1$' "$T/rn-$a"
		# Negative control: the same program against the unrenamed archive.
		cache=$(head -n 1 "$top/$BUILD/relibc/$a.imported")
		rm -rf "$T/raw-$a"; mkdir -p "$T/raw-$a"
		# Everything the spec's link line may name (crt objects, libgcc, libunwind …), but libc.a.
		for f in "$lib"/*; do [ "$(basename "$f")" = libc.a ] || ln -s "$f" "$T/raw-$a/"; done
		"$LLVM_AR" qcL "$T/raw-$a/libc.a" "$cache/lib/librelibc-raw.a" "$cache/lib/libm.a" && "$LLVM_AR" s "$T/raw-$a/libc.a"
		if rust_link "$T/raw-$a" "$T/rust-raw-$a.log"; then
			fail "rust $a: negative control: the unrenamed archive makes the link fail" "it linked"
		else
			expect_grep "rust $a: negative control: the unrenamed archive gives duplicate __rust_alloc" \
				'duplicate symbol: .*__rust_alloc' "$T/rust-raw-$a.log"
		fi
	done
fi

summary

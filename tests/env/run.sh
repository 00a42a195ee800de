#!/bin/sh
# SPDX-License-Identifier: MIT
# check-env: `redox-crt env` (toolchain/redox-crt.sh). Its options and
# errors; the variables it sets, compared with the sysroot layout written by
# hand; the eval form, also for a prefix with a quote and a space in it; CC,
# the cargo runner and pkg-config used for real (programs run in redox-run);
# the relibc facts behind its autoconf site file (tests/env/site-facts.c run
# in redox-run); and a small autoconf package (tests/env/probe/) configured
# with --host=<triple>, built and run. Environment from tests/env/part.mk.
set -u
. tests/lib/tap.sh
top=$(pwd -P)
T=$(mktemp -d "${TMPDIR:-/tmp}/check-env.XXXXXX")
T_TMP=$T
trap 'rm -rf "$T"' EXIT INT TERM
SR=$top/$SYSROOT
RC=$SR/bin/redox-crt
case $REDOX_RUN in /*) RUN=$REDOX_RUN ;; *) RUN=$top/$REDOX_RUN ;; esac

# expect_fail NAME STATUS PATTERN CMD...: CMD exits STATUS and says PATTERN.
expect_fail() {
	_n=$1 _st=$2 _pat=$3; shift 3
	"$@" > "$T/ef.out" 2>&1
	_rc=$?
	if [ "$_rc" -ne "$_st" ]; then fail "$_n" "exit status $_rc, expected $_st"; sed 's/^/    /' "$T/ef.out" | head -10
	elif grep -Eq -- "$_pat" "$T/ef.out"; then ok "$_n"
	else fail "$_n" "output does not match /$_pat/"; sed 's/^/    /' "$T/ef.out" | head -10; fi
}
# run_expect NAME STATUS EXPECTED-STDOUT-FILE CMD...: exit status and exact output.
run_expect() {
	_n=$1 _st=$2 _exp=$3; shift 3
	"$@" > "$T/run.out" 2> "$T/run.err"
	_rc=$?
	if [ "$_rc" -ne "$_st" ]; then
		fail "$_n" "exit status $_rc, expected $_st"; sed 's/^/    /' "$T/run.out" "$T/run.err" | head -20
	elif ! cmp -s "$_exp" "$T/run.out"; then
		fail "$_n" "output differs"; diff "$_exp" "$T/run.out" | head -20 | sed 's/^/    /'
	else ok "$_n"; fi
}
machine() { case $1 in x86_64) echo X86-64 ;; aarch64) echo AArch64 ;; esac; }
# static_exec NAME FILE ARCH: a static ET_EXEC for ARCH whose entry is _start.
static_exec() {
	"$LLVM_READELF" -h -l -s "$2" > "$T/re.out" 2>&1
	_e=$(awk '/Entry point address:/ { print $4 }' "$T/re.out")
	_s=$(awk '$NF == "_start" && $4 == "FUNC" { print $2 }' "$T/re.out" | head -n 1)
	if grep -q 'Type: *EXEC' "$T/re.out" && grep -q "Machine:.* $(machine "$3")\$" "$T/re.out" &&
	   ! grep -q INTERP "$T/re.out" && [ -n "$_s" ] && [ "$((_e))" -eq "$((0x$_s))" ]; then ok "$1"
	else fail "$1" "not a static ET_EXEC for $3 entered at _start (entry $_e, _start ${_s:-none})"
		grep -E 'Type|Machine|INTERP' "$T/re.out" | sed 's/^/    /'; fi
}

have_relibc() { [ -f "$SR/$1-unknown-redox/lib/libc.a" ]; }

### options and errors (need no relibc)
"$RC" --help > "$T/help" 2>&1; rc=$?
expect_eq "redox-crt --help exits 0" 0 $rc
expect_grep "redox-crt --help lists the env command" '^  env \[--target ARCH\]' "$T/help"
"$RC" env --help > "$T/ehelp" 2>&1; rc=$?
expect_eq "redox-crt env --help exits 0" 0 $rc
missing=
for v in CC CXX AR NM RANLIB OBJCOPY STRIP LD PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR CONFIG_SITE \
	CARGO_TARGET_ TARGET GNU_TARGET PATH; do
	grep -q "$v" "$T/ehelp" || missing="$missing $v"
done
expect_eq "redox-crt env --help describes every variable it sets" "" "$missing"
expect_eq "redox-crt --version is the build's VERSION" "$VERSION" "$("$RC" --version)"
expect_fail "no command: usage, exit 2" 2 '^usage: redox-crt COMMAND' "$RC"
expect_fail "unknown command is named" 1 "unknown command 'frob'; commands: env" "$RC" frob
expect_fail "unknown target names the value and the accepted ones" 1 \
	"unknown target 'riscv64'; accepted: x86_64 aarch64" "$RC" env --target riscv64 true
expect_fail "--target without a value" 1 "--target needs a value" "$RC" env --target
expect_fail "unknown env option is named" 1 "unknown option '--frob'" "$RC" env --frob true

# A prefix holding only bin/redox-crt: no sysroot.
mkdir -p "$T/lonely/bin" && cp "$RC" "$T/lonely/bin/"
expect_fail "missing sysroot: named, with the fix" 1 \
	"no sysroot for x86_64-unknown-redox at $T/lonely/x86_64-unknown-redox.*fix: make" \
	"$T/lonely/bin/redox-crt" env true
# A prefix with the crt objects and the wrapper but no libc.a: relibc not imported.
fk=$T/fake tr=x86_64-unknown-redox
mkdir -p "$fk/bin" "$fk/$tr/lib" "$fk/$tr/include" "$fk/share/redox-crt/autoconf"
cp "$RC" "$fk/bin/"
ln -s "$SR/bin/$tr-clang" "$fk/bin/$tr-clang"
for f in crt0.o crti.o crtn.o libredox_start.a libredox_syscall.a; do ln -s "$SR/$tr/lib/$f" "$fk/$tr/lib/$f"; done
expect_fail "no relibc: the error names 'make relibc'" 1 \
	"no relibc in $fk/$tr .*fix: make relibc" "$fk/bin/redox-crt" env true
# --freestanding needs no relibc, but the pkg-config directory.
expect_fail "missing pkg-config directory: named" 1 \
	"share/redox-crt/pkgconfig/$tr is missing; fix: rebuild" "$fk/bin/redox-crt" env --freestanding true
ln -s "$SR/share/redox-crt/pkgconfig" "$fk/share/redox-crt/pkgconfig"
expect_fail "missing site file: named" 1 \
	"share/redox-crt/autoconf/config.site is missing" "$fk/bin/redox-crt" env --freestanding true
cp "$SR/share/redox-crt/autoconf/config.site" "$fk/share/redox-crt/autoconf/"
rm "$fk/$tr/lib/crt0.o"
expect_fail "missing crt0.o: named" 1 "$tr/lib/crt0.o is missing" "$fk/bin/redox-crt" env --freestanding true
ln -s "$SR/$tr/lib/crt0.o" "$fk/$tr/lib/crt0.o"
expect_fail "a command that does not exist: exit 127" 127 "env: no-such-command-xyz: command not found" \
	"$fk/bin/redox-crt" env --freestanding no-such-command-xyz

### the variables (--freestanding, so these need no relibc)
# redox_syscall 0.6.0 is redox-run's 2026-01 ABI, 0.9.x its 2026-08 (redox-run --help).
case $SYSCALL_VERSION in 0.6.0) FS_ABI=2026-01 ;; *) FS_ABI=2026-08 ;; esac
llvm() { command -v "$1$LLVM_SUFFIX"; }
for a in $ARCHS; do
	tr=$a-unknown-redox
	T_UP=$(echo "$a" | tr a-z A-Z)_UNKNOWN_REDOX_CLIF
	# By hand from the layout in README "Sysroot layout".
	cat > "$T/want.$a" <<EOF
CC=$SR/bin/$tr-clang -nolibc
CXX=$SR/bin/$tr-clang -nolibc
AR=$(llvm llvm-ar)
NM=$(llvm llvm-nm)
RANLIB=$(llvm llvm-ranlib)
OBJCOPY=$(llvm llvm-objcopy)
OBJDUMP=$(llvm llvm-objdump)
READELF=$(llvm llvm-readelf)
STRIP=$(llvm llvm-strip)
LD=$(llvm ld.lld)
PKG_CONFIG=$(command -v pkg-config)
PKG_CONFIG_LIBDIR=$SR/share/redox-crt/pkgconfig/$tr:$SR/$tr/lib/pkgconfig:$SR/$tr/share/pkgconfig
PKG_CONFIG_SYSROOT_DIR=$SR
CONFIG_SITE=$SR/share/redox-crt/autoconf/config.site
CARGO_TARGET_${T_UP}_LINKER=$(llvm ld.lld)
CARGO_TARGET_${T_UP}_RUNNER=$SR/bin/redox-run --abi=$FS_ABI --inherit-env --root .
CARGO_TARGET_${T_UP}_RUSTFLAGS=-L native=$SR/$tr/lib -C link-arg=-lredox_start -C link-arg=-lredox_syscall
TARGET=$tr
GNU_TARGET=$tr
PATH=$SR/bin:$PATH
EOF
	show='for v in CC CXX AR NM RANLIB OBJCOPY OBJDUMP READELF STRIP LD PKG_CONFIG PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR CONFIG_SITE CARGO_TARGET_'$T_UP'_LINKER CARGO_TARGET_'$T_UP'_RUNNER CARGO_TARGET_'$T_UP'_RUSTFLAGS TARGET GNU_TARGET PATH; do eval "printf \"%s=%s\\n\" $v \"\$$v\""; done'
	run_expect "env $a --freestanding: CMD sees every variable, as the layout says" 0 "$T/want.$a" \
		"$RC" env --target "$a" --freestanding sh -c "$show"
	# The eval form gives the same values.
	run_expect "env $a --freestanding: eval \"\$(redox-crt env)\" sets the same" 0 "$T/want.$a" \
		sh -c 'eval "$("$1" env --target "$2" --freestanding)" && eval "$3"' sh "$RC" "$tr" "$show"
	# With relibc: no -nolibc, relibc's ABI for the runner, no runtime libraries.
	if have_relibc $a; then
		sed -e 's/ -nolibc$//' -e "s/--abi=$FS_ABI /--abi=2026-08 /" -e 's/ -C link-arg=-lredox_start -C link-arg=-lredox_syscall$//' \
			"$T/want.$a" > "$T/want-libc.$a"
		run_expect "env $a: with relibc, CC without -nolibc, runner --abi=2026-08" 0 "$T/want-libc.$a" \
			"$RC" env --target "$a" sh -c "$show"
	else skip "env $a: with relibc" "no relibc in $SR/$tr (fix: make relibc)"; fi
done
# Default target x86_64, and a CONFIG_SITE of the user's is kept.
CONFIG_SITE=/my/site "$RC" env --freestanding sh -c 'echo "$TARGET $REDOX_CRT_USER_CONFIG_SITE"' > "$T/def.out" 2>&1
expect_eq "env: default target x86_64; the user's CONFIG_SITE kept" "x86_64-unknown-redox /my/site" "$(cat "$T/def.out")"
# A prefix with a quote and spaces survives the eval form.
odd="$T/o'dd  pre\$fix"
mkdir -p "$odd/bin" && cp "$RC" "$odd/bin/"
for f in x86_64-unknown-redox aarch64-unknown-redox share; do [ -e "$SR/$f" ] && ln -s "$SR/$f" "$odd/$f"; done
ln -s "$SR/bin/x86_64-unknown-redox-clang" "$odd/bin/"
got=$(sh -c 'eval "$("$1" env --freestanding)" && printf "%s|%s" "$CC" "$PKG_CONFIG_SYSROOT_DIR"' sh "$odd/bin/redox-crt")
expect_eq "env: eval form quotes a prefix with a quote, spaces and \$" \
	"$odd/bin/x86_64-unknown-redox-clang -nolibc|$odd" "$got"

# An installed prefix (mk/install.sh, what make install runs): bin/redox-crt
# is a link through share/redox-crt/current and answers for that prefix.
inst=$T/inst
if sh mk/install.sh install "$SR" "$inst" "$inst" > "$T/inst.log" 2>&1; then
	got=$("$inst/bin/redox-crt" env --freestanding sh -c 'printf "%s|%s" "$CC" "$CONFIG_SITE"' 2>&1)
	expect_eq "env: an installed prefix's bin/redox-crt answers for that prefix" \
		"$inst/bin/x86_64-unknown-redox-clang -nolibc|$inst/share/redox-crt/autoconf/config.site" "$got"
else fail "env: install into $inst" "$(tail -3 "$T/inst.log")"; fi

### CC, the cargo runner and pkg-config, used
cat > "$T/fs.c" <<'EOF'
#include <redox/syscall.h>
int main(void) { redox_write(1, "freestanding via redox-crt env\n", 31); return 5; }
EOF
for a in $ARCHS; do
	T_UP=$(echo "$a" | tr a-z A-Z)_UNKNOWN_REDOX_CLIF
	printf 'freestanding via redox-crt env\n' > "$T/fs.want"
	if "$RC" env --target $a --freestanding sh -c '$CC -O2 -o "$1" "$2"' sh "$T/fs.$a" "$T/fs.c" > "$T/cc.log" 2>&1; then
		static_exec "env $a: \$CC --freestanding links a static $a ET_EXEC entered at _start" "$T/fs.$a" $a
		run_expect "env $a: the cargo RUNNER runs it (exit 5, its output)" 5 "$T/fs.want" \
			"$RC" env --target $a --freestanding sh -c 'cd "$3" && eval "$1 \"\$2\""' sh "\$CARGO_TARGET_${T_UP}_RUNNER" "fs.$a" "$T"
	else fail "env $a: \$CC --freestanding links" "$(head -5 "$T/cc.log")"; fi
	# pkg-config: our .pc file, its directories real ones in this sysroot.
	flags=$("$RC" env --target $a --freestanding sh -c '$PKG_CONFIG --cflags --libs redox-syscall' 2>&1)
	inc=$(printf '%s\n' $flags | sed -n 's/^-I//p') libd=$(printf '%s\n' $flags | sed -n 's/^-L//p')
	if [ -n "$inc" ] && [ "$(cd "$inc" 2>/dev/null && pwd -P)" = "$SR/$a-unknown-redox/include" ] &&
	   [ "$(cd "$libd" 2>/dev/null && pwd -P)" = "$SR/$a-unknown-redox/lib" ] &&
	   printf '%s\n' $flags | grep -qx -- -lredox_syscall; then
		ok "env $a: pkg-config finds redox-syscall; -I/-L are this sysroot's (no doubled sysroot)"
	else fail "env $a: pkg-config redox-syscall" "got: $flags"; fi
done

### the facts behind config.site, checked in relibc (redox-run)
for a in $ARCHS; do
	if ! have_relibc $a; then skip "site facts $a" "no relibc in $SR/$a-unknown-redox (fix: make relibc)"; continue; fi
	if ! "$RC" env --target $a sh -c '$CC -O1 -o "$1" "$2"' sh "$T/facts.$a" tests/env/site-facts.c > "$T/facts.log" 2>&1; then
		fail "site facts $a: build" "$(head -5 "$T/facts.log")"; continue
	fi
	"$RUN" --abi=2026-08 "$T/facts.$a" > "$T/facts.out" 2>&1
	# Every answer in the site file, `: "${VAR=VALUE}"`, has its check.
	sed -n 's/^[[:space:]]*: "\${\([A-Za-z_0-9]*\)=\([^}]*\)}"$/\1 \2/p' toolchain/autoconf/config.site > "$T/site.answers"
	[ -s "$T/site.answers" ] || fail "site facts $a: no answers found in toolchain/autoconf/config.site"
	while IFS=' ' read -r var want; do
		line=$(grep "^$var " "$T/facts.out")
		expect_eq "site facts $a: relibc behaves as config.site's $var=$want says" "$var $want" "$line"
	done < "$T/site.answers"
done

### an autoconf package: configure --host, make, run
if ! command -v autoconf > /dev/null 2>&1; then
	skip "autotools probe" "autoconf is not installed (fix: apt-get install autoconf)"
elif [ ! -f /usr/share/misc/config.sub ]; then
	skip "autotools probe" "/usr/share/misc/config.sub is missing (fix: apt-get install autotools-dev)"
else
	src=$T/probe-src
	mkdir -p "$src/build-aux"
	cp tests/env/probe/* "$src/"
	cp /usr/share/misc/config.sub /usr/share/misc/config.guess "$src/build-aux/"
	# pkg.m4 (PKG_CHECK_MODULES) comes with pkgconf in /usr/share/aclocal.
	if ! (cd "$src" && aclocal_dir=/usr/share/aclocal && cat "$aclocal_dir/pkg.m4" > aclocal.m4 && autoheader && autoconf) > "$T/autoconf.log" 2>&1; then
		fail "autotools probe: autoconf" "$(head -5 "$T/autoconf.log")"
	else
		for a in $ARCHS; do
			tr=$a-unknown-redox
			if ! have_relibc $a; then skip "autotools probe $a" "no relibc in $SR/$tr (fix: make relibc)"; continue; fi
			b=$T/probe-$a
			mkdir -p "$b"
			if ! (cd "$b" && "$RC" env --target $a "$src/configure" --host=$tr) > "$T/conf.$a.log" 2>&1; then
				fail "probe $a: configure --host=$tr" "$(tail -5 "$T/conf.$a.log")"; sed -n '/error/p' "$b/config.log" | tail -5; continue
			fi
			ok "probe $a: configure --host=$tr under redox-crt env"
			expect_grep "probe $a: configure loaded redox-crt's site file" \
				"loading site script $SR/share/redox-crt/autoconf/config.site" "$T/conf.$a.log"
			if ! (cd "$b" && "$RC" env --target $a make) > "$T/make.$a.log" 2>&1; then
				fail "probe $a: make" "$(tail -5 "$T/make.$a.log")"; continue
			fi
			ok "probe $a: make"
			cat > "$T/facts.want" <<EOF
CC=$SR/bin/$tr-clang
AR=$(llvm llvm-ar)
RANLIB=$(llvm llvm-ranlib)
SYSCALL_CFLAGS=-I$SR/share/redox-crt/pkgconfig/$tr/../../../../$tr/include
SYSCALL_LIBS=-L$SR/share/redox-crt/pkgconfig/$tr/../../../../$tr/lib -lredox_syscall
host=$tr
MBSRTOWCS_WORKS=no
EOF
			# pkg-config's output ends in a space; configure keeps it.
			sed 's/ *$//' "$b/facts.txt" > "$T/facts.got"
			if cmp -s "$T/facts.want" "$T/facts.got"; then
				ok "probe $a: configure took CC, AR, RANLIB, pkg-config's flags and the site answer"
			else fail "probe $a: configure's values" "differ:"; diff "$T/facts.want" "$T/facts.got" | sed 's/^/    /'; fi
			if "$LLVM_NM" --print-armap "$b/libgreet.a" 2>&1 | grep -q '^greet in greet.o'; then
				ok "probe $a: the archive has RANLIB's symbol index"
			else fail "probe $a: no 'greet in greet.o' in libgreet.a's index"; fi
			"$LLVM_READELF" -h "$b/greet.o" > "$T/o.out" 2>&1
			if grep -q "Machine:.* $(machine $a)\$" "$T/o.out"; then ok "probe $a: greet.o is $a code"
			else fail "probe $a: greet.o is not $a code"; fi
			static_exec "probe $a: probe is a static $a ET_EXEC entered at _start" "$b/probe" $a
			printf 'probe: hello, redox\nprobe: wchar.h and mbsrtowcs found\nprobe: SYS_OPENAT=%d\n' 0x10100007 > "$T/probe.want"
			run_expect "probe $a: runs in redox-run (output, exit 7)" 7 "$T/probe.want" \
				"$RUN" --abi=2026-08 "$b/probe" redox
		done
	fi
fi

summary

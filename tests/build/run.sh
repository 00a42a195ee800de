#!/bin/sh
# The build system's promises (issue 2): bad input gives one clear line,
# install/uninstall round trip through a manifest, staging leaves nothing
# behind, and a second make is a no-op.
# usage: tests/build/run.sh WORKDIR
set -u
. tests/lib/tap.sh
work=$1; rm -rf "$work"; mkdir -p "$work"; T_TMP=$work
MAKE="${MAKE:-make} --no-print-directory"

# expect_error NAME PATTERN MAKE-ARGS...: make fails and says PATTERN
expect_error() {
	_n=$1 _p=$2; shift 2
	if $MAKE "$@" > "$work/err.out" 2>&1; then fail "$_n" "make $* succeeded"; return; fi
	expect_grep "$_n" "$_p" "$work/err.out"
}
expect_error "unknown ARCHS names the value and the fix" \
	"unknown target 'riscv64'.*fix: make ARCHS=" ARCHS=riscv64
expect_error "unknown ARCH (synonym) too" "unknown target 'i586'" ARCH=i586
expect_error "missing compiler names it and the package" \
	'clang-99 not found.*fix: apt-get install' LLVM_SUFFIX=-99 NODEPS=1
expect_error "relative PREFIX is refused with the fix" \
	"PREFIX 'relative/dir' is not an absolute path; fix:" install PREFIX=relative/dir
expect_error "unwritable PREFIX names the problem and the fix" \
	'cannot (write to|create) /proc/redox-crt-test.*(fix|choose)' install PREFIX=/proc/redox-crt-test
expect_error "uninstall without a manifest says so" \
	'no manifest at .*fix: pass the PREFIX/DESTDIR' uninstall DESTDIR="$work/none" PREFIX=/opt/x
expect_error "unknown syscall table version" \
	'SYSCALL_VERSION=9.9 has no table' SYSCALL_VERSION=9.9

# A missing package for a user who cannot install: the exact apt-get line.
if [ "$(id -u)" = 0 ] && command -v su > /dev/null; then
	su nobody -s /bin/sh -c "sh mk/deps.sh 'build redox-crt' make redox-crt-no-such-pkg" > "$work/deps.out" 2>&1
	expect_eq "non-root missing package: make fails" 1 "$?"
	expect_grep "non-root missing package: prints the apt-get line" \
		'^redox-crt: fix: sudo apt-get install redox-crt-no-such-pkg$' "$work/deps.out"
else
	sh mk/deps.sh 'build redox-crt' make redox-crt-no-such-pkg > "$work/deps.out" 2>&1
	expect_grep "missing package: names it" 'redox-crt-no-such-pkg' "$work/deps.out"
fi

# A second make has nothing to do.
$MAKE > "$work/remake.out" 2>&1
expect_eq "second make is a no-op" "" "$(grep -v '^make' "$work/remake.out" | grep -v 'Nothing to be done')"

# install into a DESTDIR, with an unrelated file already there
dest=$work/dest prefix=/opt/redox-crt
mkdir -p "$dest$prefix/bin"; echo keep > "$dest$prefix/bin/unrelated"
check "make install DESTDIR PREFIX" $MAKE install DESTDIR="$dest" PREFIX=$prefix
m=$dest$prefix/share/redox-crt/install-manifest
expect_grep "manifest written" 'x86_64-unknown-redox/lib/crt0.o' "$m"
n_src=$(cd build/sysroot && find . -type f | wc -l)
n_dst=$(grep -vc install-manifest "$m")
expect_eq "manifest lists every sysroot file" "$n_src" "$n_dst"
missing=0
while read -r f; do [ -e "$dest$prefix/$f" ] || missing=$((missing + 1)); done < "$m"
expect_eq "every manifest entry exists" 0 "$missing"
if cmp -s build/sysroot/aarch64-unknown-redox/lib/crt0.o "$dest$prefix/aarch64-unknown-redox/lib/crt0.o"; then
	ok "installed files are the built ones"; else fail "installed files are the built ones"; fi
[ -x "$dest$prefix/bin/redox-run" ] && ok "tools stay executable" || fail "tools stay executable"
expect_eq "no staging directory left" "" "$(ls -a "$dest$prefix" | grep redox-crt-stage)"
check "install again over itself" $MAKE install DESTDIR="$dest" PREFIX=$prefix
# uninstall
check "make uninstall" $MAKE uninstall DESTDIR="$dest" PREFIX=$prefix
left=$(cd "$dest$prefix" && find . -type f | sort | tr '\n' ' ')
expect_eq "uninstall removes exactly what was installed" "./bin/unrelated " "$left"
[ -d "$dest$prefix/x86_64-unknown-redox" ] && fail "empty directories removed" || ok "empty directories removed"

# An interrupted install: the staging copy dies before any rename, the old
# tree stays intact and no stage is left.
mkdir -p "$work/ro"
check "install for the interruption test" $MAKE install DESTDIR="$work/ro" PREFIX=$prefix
old=$(cat "$work/ro$prefix/share/redox-crt/install-manifest" | wc -l)
(sh mk/install.sh install build/sysroot "$work/ro$prefix" > /dev/null 2>&1 & p=$!; kill -TERM $p 2>/dev/null; wait $p) 2>/dev/null
expect_eq "interrupted install keeps the manifest" "$old" "$(wc -l < "$work/ro$prefix/share/redox-crt/install-manifest")"
expect_eq "interrupted install leaves no stage" "" "$(ls -a "$work/ro$prefix" | grep redox-crt-stage)"
summary

#!/bin/sh
# The build system's promises (issue 2): bad input gives one clear line,
# install/uninstall round trip through a manifest, staging leaves nothing
# behind, and a second make is a no-op.
# usage: tests/build/run.sh WORKDIR
set -u
. tests/lib/tap.sh
work=$1; rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd); T_TMP=$work
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
# As root, run it as nobody; where nobody cannot run a shell here (a root
# directory of mode 700, as on some sandboxes), put an `id` that answers a
# non-root uid first on PATH: deps.sh decides by `id -u` alone.
if [ "$(id -u)" = 0 ] && command -v su > /dev/null && su nobody -s /bin/sh -c true 2>/dev/null; then
	su nobody -s /bin/sh -c "sh mk/deps.sh 'build redox-crt' make redox-crt-no-such-pkg" > "$work/deps.out" 2>&1
	expect_eq "non-root missing package (as nobody): make fails" 1 "$?"
else
	mkdir -p "$work/fake-id"
	printf '#!/bin/sh\n[ "$1" = -u ] && { echo 65534; exit 0; }\nexec /usr/bin/id "$@"\n' > "$work/fake-id/id"
	chmod +x "$work/fake-id/id"
	PATH="$work/fake-id:$PATH" sh mk/deps.sh 'build redox-crt' make redox-crt-no-such-pkg > "$work/deps.out" 2>&1
	expect_eq "non-root missing package (uid 65534 by a fake id): make fails" 1 "$?"
fi
expect_grep "non-root missing package: prints the apt-get line" \
	'^redox-crt: fix: sudo apt-get install redox-crt-no-such-pkg$' "$work/deps.out"

# A second make has nothing to do.
$MAKE > "$work/remake.out" 2>&1
expect_eq "second make is a no-op" "" "$(grep -v '^make' "$work/remake.out" | grep -v 'Nothing to be done')"

# install into a DESTDIR, with an unrelated file already there
dest=$work/dest prefix=/opt/redox-crt
mkdir -p "$dest$prefix/bin"; echo keep > "$dest$prefix/bin/unrelated"
check "make install DESTDIR PREFIX" $MAKE install DESTDIR="$dest" PREFIX=$prefix
m=$dest$prefix/share/redox-crt/install-manifest
expect_grep "manifest written, with checksums" '^F [0-9a-f]{64} x86_64-unknown-redox/lib/crt0.o$' "$m"
n_src=$(cd build/sysroot && find . \( -type f -o -type l \) | wc -l)
n_dst=$(grep -c '^F ' "$m")
expect_eq "manifest lists every sysroot file" "$n_src" "$n_dst"
missing=0
sed -n 's/^F [^ ]* //p' "$m" > "$work/files"
while read -r f; do [ -e "$dest$prefix/$f" ] || missing=$((missing + 1)); done < "$work/files"
expect_eq "every manifest entry exists" 0 "$missing"
if cmp -s build/sysroot/aarch64-unknown-redox/lib/crt0.o "$dest$prefix/aarch64-unknown-redox/lib/crt0.o"; then
	ok "installed files are the built ones"; else fail "installed files are the built ones"; fi
[ -x "$dest$prefix/bin/redox-run" ] && ok "tools stay executable" || fail "tools stay executable"
expect_eq "installed redox-crt-config answers for its prefix" "$dest$prefix" "$("$dest$prefix/bin/redox-crt-config" --prefix)"
expect_eq "no staging directory left" "" "$(find "$dest$prefix" -name '.redox-crt-stage.*')"
check "install again over itself" $MAKE install DESTDIR="$dest" PREFIX=$prefix
# uninstall
check "make uninstall" $MAKE uninstall DESTDIR="$dest" PREFIX=$prefix
left=$(cd "$dest$prefix" && find . \( -type f -o -type l \) | sort | tr '\n' ' ')
expect_eq "uninstall removes exactly what was installed" "./bin/unrelated " "$left"
[ -e "$dest$prefix/x86_64-unknown-redox" ] && fail "empty directories removed" || ok "empty directories removed"

# PREFIX and DESTDIR are data, never shell code (issue 14).
check "a PREFIX with quotes and ';' installs literally" $MAKE install DESTDIR="$work/inj" "PREFIX=/y';touch $work/INJECTED;'"
[ -e "$work/INJECTED" ] && fail "PREFIX ran no shell code" "$work/INJECTED exists" || ok "PREFIX ran no shell code"
[ -x "$work/inj/y';touch $work/INJECTED;'/bin/redox-run" ] && ok "quoted PREFIX: installed at the literal path" || fail "quoted PREFIX: installed at the literal path"
check "a PREFIX with a space installs" $MAKE install DESTDIR="$work/sp" "PREFIX=/opt/with space"
expect_eq "PREFIX with a space: redox-crt-config names it" "$work/sp/opt/with space" "$("$work/sp/opt/with space/bin/redox-crt-config" --prefix 2>/dev/null)"
check "a PREFIX with a space uninstalls" $MAKE uninstall DESTDIR="$work/sp" "PREFIX=/opt/with space"
expect_eq "PREFIX with a space: nothing left" "" "$(find "$work/sp/opt/with space" \( -type f -o -type l \))"
: > "$work/plainfile"
expect_error "PREFIX naming a regular file says so" \
	"plainfile is a regular file, not a directory; fix:" install PREFIX="$work/plainfile"

# A file redox-crt did not put there is not replaced without FORCE=1.
fdest=$work/foreign
mkdir -p "$fdest/bin"; echo mine > "$fdest/bin/redox-run"
expect_error "install refuses to replace a foreign file" \
	"already has files redox-crt did not install: bin/redox-run; fix: .*FORCE=1" install PREFIX="$fdest"
expect_eq "the foreign file is untouched" mine "$(cat "$fdest/bin/redox-run")"
check "FORCE=1 replaces it" $MAKE install PREFIX="$fdest" FORCE=1
[ -x "$fdest/bin/redox-run" ] && [ "$(head -c 4 "$fdest/bin/redox-run")" = "$(printf '\177ELF')" ] && ok "FORCE=1: the built tool is there" || fail "FORCE=1: the built tool is there"
# A file edited after install survives uninstall, which says so.
echo '# edited' >> "$fdest/share/redox-crt/cmake/Platform/Redox.cmake"
$MAKE uninstall PREFIX="$fdest" > "$work/un.out" 2>&1
expect_grep "uninstall names the changed file" "share/redox-crt/cmake/Platform/Redox.cmake was changed after install; left in place" "$work/un.out"
expect_grep "the changed file is still there, edited" '^# edited$' "$fdest/share/redox-crt/cmake/Platform/Redox.cmake"
[ -e "$fdest/bin/redox-run" ] && fail "uninstall removed the unchanged files" || ok "uninstall removed the unchanged files"

# kill -9 at many points of an upgrade: the prefix always shows the old
# sysroot or the new one, whole; the next install cleans up and finishes.
A=$work/sysA B=$work/sysB kdest=$work/kill
cp -a build/sysroot "$A"; cp -a build/sysroot "$B"
echo 'new version' >> "$B/share/redox-crt/cmake/Platform/Redox.cmake"
echo extra > "$B/x86_64-unknown-redox/lib/extra-in-b.txt"
view() { # what a user sees through the prefix's public paths
	(cd "$1" && find -L . \( -name '.redox-crt-*' -o -name 'slot-?' -o -name current -o -name install-manifest \) -prune \
		-o -type f -print0 2>/dev/null | xargs -0 -r sha256sum | LC_ALL=C sort -k2)
}
view "$A" > "$work/view.A"; view "$B" > "$work/view.B"
sh mk/install.sh install "$A" "$kdest" > /dev/null
# Kill points by progress, not time: the install runs under sh -x and is
# killed after the K-th traced command, for K spread over a whole run.
sh mk/install.sh install "$A" "$work/count" > /dev/null
total=$(sh -x mk/install.sh install "$B" "$work/count" 2>&1 >/dev/null | wc -l)
nA=0 nB=0 bad=0 k=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do
	K=$((total * i / 20))
	sh -x -c 'echo $$ > "$0"; exec sh -x mk/install.sh install "$1" "$2"' "$work/pid" "$B" "$kdest" 2>&1 >/dev/null |
		{ n=0; while IFS= read -r l; do n=$((n + 1)); [ $n -ge $K ] && { kill -9 "$(cat "$work/pid")"; break; }; done; cat > /dev/null; }
	view "$kdest" > "$work/view.now"
	if cmp -s "$work/view.now" "$work/view.A"; then nA=$((nA + 1))
	elif cmp -s "$work/view.now" "$work/view.B"; then nB=$((nB + 1))
	else bad=$((bad + 1)); diff "$work/view.A" "$work/view.now" | head -5 | sed 's/^/    /'; fi
	sh mk/install.sh install "$A" "$kdest" > /dev/null 2>&1
	k=$((k + 1))
done
expect_eq "kill -9 at $k points of $total steps: always the old ($nA) or the new ($nB) sysroot, never a mix" 0 "$bad"
expect_eq "kill -9 points fell both before and after the switch" 1 $((nA > 0 && nB > 0))
check "install after the kills" sh mk/install.sh install "$B" "$kdest"
view "$kdest" > "$work/view.now"
check "the prefix then shows the new sysroot" cmp "$work/view.B" "$work/view.now"
expect_eq "no stage left after a later install" "" "$(find "$kdest" -name '.redox-crt-stage.*')"
mkdir -p "$kdest/share/redox-crt/.redox-crt-stage.left"
check "uninstall after the kills" sh mk/install.sh uninstall "$kdest"
expect_eq "uninstall removes a leftover stage and everything else" "" "$(find "$kdest" -mindepth 1 \( -type f -o -type l -o -name '.redox-crt-*' \))"
summary

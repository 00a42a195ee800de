#!/bin/sh
# SPDX-License-Identifier: MIT
# check-ports (GNU hello): Debian's `hello` source package, fetched with
# apt-get source (mk/deb-source.sh: cached outside build/, checked against
# the .dsc, offline once cached), configured out of tree with
#   redox-crt env --target ARCH ./configure --host=ARCH-unknown-redox
# built with make, inspected with llvm-readelf and run in redox-run. The
# oracle is the same source built natively with gcc: every run compares
# stdout, stderr and the exit status with the host build's. The only change
# to the unpacked tree is Debian's own: config.sub/config.guess from
# autotools-dev (docs/autoconf-site.md). Environment from tests/ports/part.mk.
set -u
. tests/lib/tap.sh
top=$(pwd -P)
SR=$top/$SYSROOT
RC=$SR/bin/redox-crt
case $REDOX_RUN in /*) RUN=$REDOX_RUN ;; *) RUN=$top/$REDOX_RUN ;; esac
W=$top/$BUILD/test/ports/hello
T_TMP=$W
rm -rf "$W"
mkdir -p "$W"
now() { date +%s; }
machine() { case $1 in x86_64) echo X86-64 ;; aarch64) echo AArch64 ;; esac; }
ncases=9   # run cases per arch (below), counted as skips when nothing can run

skip_all() {
	for a in $ARCHS; do skip "hello $a: configure, make, inspect and $ncases runs" "$1"; done
	summary; exit
}

# Without relibc for an arch there is nothing to build for it.
archs=
for a in $ARCHS; do
	if [ -f "$SR/$a-unknown-redox/lib/libc.a" ]; then archs="$archs $a"
	else skip "hello $a: configure, make, inspect and $ncases runs" "no relibc in $SR/$a-unknown-redox (fix: make relibc)"; fi
done
ARCHS=$archs
[ -n "$ARCHS" ] || { summary; exit; }

### the source
t0=$(now)
got=$(sh mk/deb-source.sh hello 2> "$W/fetch.log"); rc=$?
t1=$(now)
if [ $rc -eq 2 ]; then skip_all "the hello source is unavailable here: $(tail -n 1 "$W/fetch.log")"
elif [ $rc -ne 0 ]; then fail "fetch hello" "$(tail -n 2 "$W/fetch.log")"; skip_all "no verified hello source"
fi
dsc=$(printf '%s\n' "$got" | sed -n 1p) tarball=$(printf '%s\n' "$got" | sed -n 2p)
ok "fetch hello: $(basename "$dsc") and $(basename "$tarball") verified ($((t1 - t0)) s)"
# The fetcher's other paths, on copies: offline once cached (no apt source
# at all), a damaged file refused, nothing cached and no deb entry.
# (an apt etc directory with no sources at all; no "sources.list.d" under
# build/, where make reads every *.d as a dependency file)
mkdir -p "$W/etc" "$W/c-ok/hello" "$W/c-bad/hello"
cp "$dsc" "$tarball" "$W/c-ok/hello/" && cp "$dsc" "$tarball" "$W/c-bad/hello/"
got2=$(REDOX_CRT_CACHE=$W/c-ok REDOX_CRT_APT_ETC=$W/etc sh mk/deb-source.sh hello 2> "$W/f2.log")
expect_eq "fetch: a verified cache is used with no apt source configured (offline)" \
	"$W/c-ok/hello/$(basename "$tarball")" "$(printf '%s\n' "$got2" | sed -n 2p)"
printf 'x' >> "$W/c-bad/hello/$(basename "$tarball")"
REDOX_CRT_CACHE=$W/c-bad REDOX_CRT_APT_ETC=$W/etc sh mk/deb-source.sh hello > /dev/null 2> "$W/f3.log"; rc=$?
if [ $rc -eq 1 ] && grep -q "$(basename "$tarball")\b.*fix: delete" "$W/f3.log"; then
	ok "fetch: a tarball that does not match the .dsc is refused, named, exit 1"
else fail "fetch: damaged tarball" "exit $rc: $(cat "$W/f3.log")"; fi
REDOX_CRT_CACHE=$W/c-none REDOX_CRT_APT_ETC=$W/etc sh mk/deb-source.sh hello > /dev/null 2> "$W/f4.log"; rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l < "$W/f4.log")" -eq 1 ] && grep -q "no 'deb' entry in $W/etc.*; fix: configure a Debian mirror" "$W/f4.log"; then
	ok "fetch: no deb entry and no cache: one line with the fix, exit 2 (a skip for the suites)"
else fail "fetch: no deb entry" "exit $rc: $(cat "$W/f4.log")"; fi

[ -f /usr/share/misc/config.sub ] && [ -f /usr/share/misc/config.guess ] ||
	skip_all "/usr/share/misc/config.sub is missing (fix: apt-get install autotools-dev)"
src=$W/src
mkdir -p "$src"
tar -xzf "$tarball" -C "$src" --strip-components=1 || { fail "unpack $tarball"; summary; exit; }
[ -x "$src/configure" ] || { fail "unpack: $tarball has no configure script"; summary; exit; }
cp /usr/share/misc/config.sub /usr/share/misc/config.guess "$src/build-aux/"
echo "hello: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KiB, fetch+verify $((t1 - t0)) s"

### the builds, in two lanes (two jobs at a time, as make -j2): the host
### oracle then aarch64 in one, x86_64 in the other. Each writes DIR/status:
### "ok CONFIGURE-SECONDS MAKE-SECONDS" or "configure|make SECONDS".
# build DIR CONFIGURE-PREFIX...: configure out of tree in DIR, then make.
build() {
	_b=$1; shift
	mkdir -p "$_b"
	_t0=$(now)
	if ! (cd "$_b" && "$@" "$src/configure" ${HOST_TRIPLE:+--host=$HOST_TRIPLE}) > "$_b/configure.log" 2>&1; then
		echo "configure $(($(now) - _t0))" > "$_b/status"; return
	fi
	_t1=$(now)
	if ! (cd "$_b" && "$@" make) > "$_b/make.log" 2>&1; then
		echo "make $(($(now) - _t1))" > "$_b/status"; return
	fi
	echo "ok $((_t1 - _t0)) $(($(now) - _t1))" > "$_b/status"
}
build_arch() { HOST_TRIPLE=$1-unknown-redox build "$W/$1" "$RC" env --target $1; }
lane_a= lane_b=
for a in $ARCHS; do
	case $a in x86_64) lane_a="$lane_a $a" ;; *) lane_b="$lane_b $a" ;; esac
done
( HOST_TRIPLE= build "$W/host" env CC=gcc; for a in $lane_b; do build_arch $a; done ) &
lane_pid=$!
for a in $lane_a; do build_arch $a; done
wait $lane_pid
read -r st c m < "$W/host/status" || st=lost
if [ "$st" != ok ]; then
	fail "hello host build (the oracle): $st failed" "$(tail -n 3 "$W/host/$st.log" 2>/dev/null)"
	host_ok=no
else
	echo "hello: host (gcc) configure $c s, make $m s"
	host_ok=yes
fi
# Each run: NAME|ARGS (one argument per '|'-separated field after the
# name)|host environment. The Redox runs get an empty environment; relibc's
# mbrtowc decodes UTF-8 in every locale (src/header/wchar/utf8.rs), which the
# host's C.UTF-8 locale matches.
cat > "$W/cases" <<'EOF'
plain||LC_ALL=C
greeting|--greeting=Bonjour, le monde|LC_ALL=C
short greeting|-g|Hi there|LC_ALL=C
traditional|-t|LC_ALL=C
help|--help|LC_ALL=C
version|--version|LC_ALL=C
utf-8 greeting|--greeting=Grüß Gott, καλημέρα ☺|LC_ALL=C.UTF-8
unknown option|--frobnicate|LC_ALL=C
extra operand|world|LC_ALL=C
EOF
[ "$(grep -c . "$W/cases")" -eq $ncases ] || fail "the case list has $ncases lines"

# run_case DIR RUNNER...: run every case with ./hello in DIR, one output
# directory per case (out.N, err.N, rc.N).
run_cases() {
	_d=$1 _env=$2; shift 2
	_i=0
	while IFS= read -r line; do
		_i=$((_i + 1))
		set -f; old=$IFS; IFS='|'; set -- $line; IFS=$old; set +f
		_name=$1; shift
		eval "_hostenv=\${$#}"
		_n=$(($# - 1)) _args=
		# the arguments are fields 2..N-1
		_j=0
		for _f in "$@"; do
			_j=$((_j + 1)); [ $_j -le $_n ] || break
			[ -n "$_f" ] || continue
			_args="$_args '$(printf '%s' "$_f" | sed "s/'/'\\\\''/g")'"
		done
		if [ "$_env" = host ]; then
			(cd "$_d" && eval "env -i $_hostenv ./hello $_args") < /dev/null > "$_d/out.$_i" 2> "$_d/err.$_i"
		else
			(cd "$_d" && eval "\"\$RUN\" --abi=2026-08 --root . --timeout 60 ./hello $_args") < /dev/null > "$_d/out.$_i" 2> "$_d/err.$_i"
		fi
		echo $? > "$_d/rc.$_i"
		echo "$_name" > "$_d/name.$_i"
	done < "$W/cases"
}

[ $host_ok = yes ] && mkdir -p "$W/oracle" && cp "$W/host/hello" "$W/oracle/" && run_cases "$W/oracle" host
for a in $ARCHS; do
	tr=$a-unknown-redox
	b=$W/$a
	read -r st c m < "$b/status" || st=lost
	if [ "$st" = configure ] || [ "$st" = lost ]; then
		fail "hello $a: redox-crt env ./configure --host=$tr" "$(tail -n 3 "$b/configure.log")"
		for i in $(seq $ncases); do skip "hello $a: run $i" "configure failed"; done; continue
	fi
	ok "hello $a: redox-crt env ./configure --host=$tr"
	expect_grep "hello $a: configure read redox-crt's site file" \
		"loading site script $SR/share/redox-crt/autoconf/config.site" "$b/configure.log"
	if [ "$st" != ok ]; then
		fail "hello $a: make" "$(tail -n 3 "$b/make.log")"
		for i in $(seq $ncases); do skip "hello $a: run $i" "make failed"; done; continue
	fi
	ok "hello $a: make"
	echo "hello $a: configure $c s, make $m s, binary $(wc -c < "$b/hello") bytes"

	# Inspection: a static ET_EXEC for the arch, entered at _start, and
	# gnulib's mbsrtowcs in place of relibc's (the site file's answer).
	"$LLVM_READELF" -h -l -s "$b/hello" > "$b/readelf.out" 2>&1
	e=$(awk '/Entry point address:/ { print $4 }' "$b/readelf.out")
	s=$(awk '$NF == "_start" && $4 == "FUNC" { print $2 }' "$b/readelf.out" | head -n 1)
	if grep -q 'Type: *EXEC' "$b/readelf.out" && grep -q "Machine:.* $(machine $a)\$" "$b/readelf.out" &&
	   ! grep -q INTERP "$b/readelf.out" && [ -n "$s" ] && [ "$((e))" -eq "$((0x$s))" ]; then
		ok "hello $a: llvm-readelf: static ET_EXEC, $(machine $a), entry $e = _start"
	else fail "hello $a: llvm-readelf" "not a static $a ET_EXEC entered at _start (entry $e, _start ${s:-none})"
		grep -E 'Type|Machine|INTERP' "$b/readelf.out" | sed 's/^/    /'; fi
	if awk '$NF == "rpl_mbsrtowcs" && $4 == "FUNC" { f = 1 } END { exit !f }' "$b/readelf.out"; then
		ok "hello $a: gnulib's rpl_mbsrtowcs is linked (config.site's gl_cv_func_mbsrtowcs_works=no reached the build)"
	else fail "hello $a: no rpl_mbsrtowcs in hello (relibc's mbsrtowcs would blank the greeting)"; fi

	# The runs, each against the host's.
	mkdir -p "$b/run" && cp "$b/hello" "$b/run/"
	run_cases "$b/run" redox
	if [ $host_ok != yes ]; then
		for i in $(seq $ncases); do skip "hello $a: run $i" "no host oracle to compare with"; done; continue
	fi
	for i in $(seq $ncases); do
		name=$(cat "$W/oracle/name.$i")
		why=
		[ "$(cat "$b/run/rc.$i")" = "$(cat "$W/oracle/rc.$i")" ] ||
			why="exit status $(cat "$b/run/rc.$i"), the host's $(cat "$W/oracle/rc.$i")"
		case $name in help|version) [ "$(cat "$b/run/rc.$i")" = 0 ] || why="$why${why:+; }--$name must exit 0" ;; esac
		cmp -s "$b/run/out.$i" "$W/oracle/out.$i" || why="$why${why:+; }stdout differs"
		cmp -s "$b/run/err.$i" "$W/oracle/err.$i" || why="$why${why:+; }stderr differs"
		if [ -z "$why" ]; then ok "hello $a: $name: stdout, stderr and exit status $(cat "$b/run/rc.$i") as the host build's"
		else
			fail "hello $a: $name" "$why"
			for f in out err; do diff "$W/oracle/$f.$i" "$b/run/$f.$i" | head -n 8 | sed "s/^/    $f: /"; done
		fi
	done
done

summary

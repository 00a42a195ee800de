#!/bin/sh
# check-rust-std (issue 16 items 1-2): Rust std programs and cargo.
# For every arch, tests/rust-std/stdprog is copied into a scratch crate whose
# .cargo/config.toml is what `redox-crt-config --target ARCH --cargo-config
# --offline` writes, and built there with plain `cargo build` (dev profile:
# panic=unwind through LLVM libunwind) and (unless RUST_STD_ABORT=no)
# `cargo build --release` (panic=abort: std built again with panic=abort). Each binary is
# inspected (static ET_EXEC, entry _start, no PT_INTERP) and run in redox-run
# mode by mode; stdout, stderr and the exit status are compared with the
# same program built for the host by the same cargo (the oracle). Then
# `cargo run` and `cargo test` go through the config's runner, and a planted
# failing unit test must make `cargo test` fail.
# All cargo runs happen with a stand-in `rustc`/`cargo`/`rustdoc` first on
# PATH that fails if run (a rustup toolchain without rust-src, as on many
# machines) and an empty CARGO_HOME, so only the config's choices count.
# Environment (tests/rust-std/part.mk): ARCHS SYSROOT BUILD REDOX_RUN RUSTC
# CARGO UNWIND RELIBC_SRC LLVM_READELF LLVM_NM LLVM_SYMBOLIZER.
set -u
. tests/lib/tap.sh
top=$(pwd)
work=$top/$BUILD/test/rust-std
# cargo's output, kept between runs (a link into the cache: part.mk).
case ${RUST_STD_TARGET:=$BUILD/rust-std/target} in /*) tgt=$RUST_STD_TARGET ;; *) tgt=$top/$RUST_STD_TARGET ;; esac
case $REDOX_RUN in /*) RUN=$REDOX_RUN ;; *) RUN=$top/$REDOX_RUN ;; esac
case $SYSROOT in /*) ;; *) SYSROOT=$top/$SYSROOT ;; esac
CFG=$SYSROOT/bin/redox-crt-config
mkdir -p "$work"; T_TMP=$work
LLVM_SYMBOLIZER=${LLVM_SYMBOLIZER:-llvm-symbolizer-19}

# Every check below, so a missing prerequisite skips each one by name.
CHECKS="config build-dev inspect-dev run-dev backtrace build-release inspect-release run-release cargo-run cargo-test cargo-test-fails test-threads freestanding"
skip_all() { # REASON
	for a in $ARCHS; do for c in $CHECKS; do skip "rust-std $a: $c" "$1"; done; done
	summary; exit $?
}

# --- prerequisites: the rustc the specs were made for, with rust-src and
# its vendored crates, cargo, and relibc in the sysroot.
command -v "$CARGO" > /dev/null 2>&1 || skip_all "cargo '$CARGO' not found (apt-get install cargo-web)"
command -v "$RUSTC" > /dev/null 2>&1 || skip_all "rustc '$RUSTC' not found (apt-get install rustc-web rust-web-src)"
rsys=$("$RUSTC" --print sysroot 2>/dev/null)
[ -d "$rsys/lib/rustlib/src/rust/library/vendor" ] ||
	skip_all "$RUSTC has no vendored std sources in $rsys/lib/rustlib/src/rust/library/vendor (apt-get install rust-web-src)"
for a in $ARCHS; do
	[ -f "$SYSROOT/$a-unknown-redox/lib/libc.a" ] ||
		skip_all "no relibc in the sysroot ($SYSROOT/$a-unknown-redox/lib/libc.a; make relibc${RELIBC_SRC:+ RELIBC_SRC=$RELIBC_SRC})"
done
if [ "${UNWIND:-llvm}" != llvm ]; then
	skip_all "this sysroot was built with UNWIND=$UNWIND: panic=unwind and cargo test need LLVM libunwind"
fi

# The stand-ins for a rustup toolchain first on PATH.
fake=$work/fakebin
mkdir -p "$fake" "$work/cargo-home"
for t in rustc cargo rustdoc; do
	printf '#!/bin/sh\necho "fake %s on PATH was run ($*): the cargo config must name its rustc" >&2\nexit 1\n' "$t" > "$fake/$t"
	chmod +x "$fake/$t"
done
# cargo_in DIR ARGS...: $CARGO in DIR, with only DIR's .cargo/config.toml.
cargo_in() {
	_d=$1; shift
	(cd "$_d" && env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS -u RUSTC -u RUSTC_WRAPPER \
		-u RUSTDOC -u RUSTDOCFLAGS -u CARGO_BUILD_TARGET -u CARGO_BUILD_RUSTFLAGS \
		-u CARGO_BUILD_RUSTC -u RUST_BACKTRACE -u RUST_TEST_THREADS -u RUST_MIN_STACK \
		PATH="$fake:$PATH" CARGO_HOME="$work/cargo-home" CARGO_TARGET_DIR="$tgt" \
		RUSTC_BOOTSTRAP=1 "$CARGO" "$@")
}
# copy_crate DEST: tests/rust-std/stdprog as DEST (times kept, so cargo
# rebuilds only what changed).
copy_crate() {
	mkdir -p "$1"
	cp -pR tests/rust-std/stdprog/Cargo.toml tests/rust-std/stdprog/Cargo.lock tests/rust-std/stdprog/src "$1"/
}
# norm FILE: what differs between two correct runs removed: the thread id
# in panic messages, libtest's timing.
norm() {
	sed -E "s/^thread '([^']*)' \\([0-9]+\\) panicked/thread '\\1' (N) panicked/;
		s/; finished in [0-9.]+s$/; finished in Ts/" "$1"
}
# same NAME HOSTBASE GUESTBASE: .out, .err, .rc of two runs agree.
same() {
	_bad=
	for s in out err rc; do
		norm "$2.$s" > "$2.$s.n"; norm "$3.$s" > "$3.$s.n"
		cmp -s "$2.$s.n" "$3.$s.n" || _bad="$_bad $s"
	done
	if [ -z "$_bad" ]; then ok "$1"; else
		fail "$1" "differs from the host build in:$_bad"
		for s in $_bad; do diff "$2.$s.n" "$3.$s.n" | head -12 | sed "s/^/    $s: /"; done
	fi
}
# host_run BASE DIR [VAR=VAL...] -- ARGS: the host oracle, empty environment.
host_run() {
	_b=$1 _d=$2; shift 2
	_e=
	while [ "$1" != -- ]; do _e="$_e $1"; shift; done; shift
	# shellcheck disable=SC2086
	# The outer subshell takes the shell's "Aborted" for a panic=abort run.
	( (cd "$_d" && exec env -i $_e "$HOST_BIN" "$@") > "$_b.out" 2> "$_b.err"
	  echo $? > "$_b.rc" ) 2> /dev/null
}
# guest_run BASE ROOT [VAR=VAL...] -- ARGS: the Redox build in redox-run.
guest_run() {
	_b=$1 _r=$2; shift 2
	_e=
	while [ "$1" != -- ]; do _e="$_e -E $1"; shift; done; shift
	# shellcheck disable=SC2086
	"$RUN" --abi=2026-08 --timeout 60 --root "$_r" $_e "$GUEST_BIN" "$@" > "$_b.out" 2> "$_b.err"
	echo $? > "$_b.rc"
}
# resolve PROG < addresses: function names (return address - 1) per line.
resolve() {
	while read -r _ip; do printf '0x%x\n' $((_ip - 1)); done |
		"$LLVM_SYMBOLIZER" --obj="$1" --functions=linkage --no-inlines | awk 'NR % 3 == 1' | tr '\n' ' ' | sed 's/ $//'
}
# inspect NAME PROG: a static Redox executable entered at _start.
inspect() {
	_h=$("$LLVM_READELF" -h "$2" 2>&1) _l=$("$LLVM_READELF" -lW "$2" 2>&1)
	_entry=$(printf '%s\n' "$_h" | sed -n 's/^ *Entry point address: *0x0*\([0-9a-fA-F]*\)$/\1/p' | tr 'A-F' 'a-f')
	_start=$("$LLVM_NM" "$2" 2>/dev/null | awk '$3 == "_start" { sub(/^0+/, "", $1); print $1 }')
	_why=
	printf '%s\n' "$_h" | grep -q 'Type: *EXEC' || _why="$_why not ET_EXEC;"
	printf '%s\n' "$_l" | grep -q 'INTERP' && _why="$_why has PT_INTERP;"
	printf '%s\n' "$_l" | grep -q 'DYNAMIC' && _why="$_why has PT_DYNAMIC;"
	[ -n "$_start" ] && [ "$_entry" = "$_start" ] || _why="$_why entry 0x$_entry is not _start (0x$_start);"
	printf '%s\n' "$_h" | grep -q "Machine:.*$3" || _why="$_why machine is not $3;"
	if [ -z "$_why" ]; then ok "$1 (static ET_EXEC, entry = _start, no PT_INTERP, $(wc -c < "$2") bytes)"
	else fail "$1" "$_why"; fi
}
# modes BASE ROOTDIR PROFILE: every stdprog mode, host against guest.
HOST_TOP=$work/host
modes() {
	_t=$1 _w=$2 _p=$3
	for m in hello args env cwd time collections thread \
		"exit 0" "exit 3" "exit 255" "exit 256" "exit -1" "panic boom" fs; do
		set -- $m
		_n=$(echo "$m" | tr -c 'a-z0-9\n' '_' | cut -c1-20)
		_hb=$HOST_TOP/$_p-$_n _gb=$_w/$_p-$_n
		_hr=$HOST_TOP/root-$_p-$_n _gr=$_w/root-$_p-$_n
		rm -rf "$_hr" "$_gr"; mkdir -p "$_hr" "$_gr"
		case $1 in
		args)
			host_run "$_hb" "$_hr" -- args "a" "--b" 'c\d' "" "spaced arg" "ünï"
			guest_run "$_gb" "$_gr" -- args "a" "--b" 'c\d' "" "spaced arg" "ünï" ;;
		env)
			host_run "$_hb" "$_hr" STDPROG_A=1 "STDPROG_B=two_words=x" -- env
			guest_run "$_gb" "$_gr" STDPROG_A=1 "STDPROG_B=two_words=x" -- env ;;
		cwd)
			# Hand-written: the guest's cwd is --cwd, relative paths resolve there.
			mkdir -p "$_gr/d"; echo "in d" > "$_gr/d/here.txt"
			"$RUN" --abi=2026-08 --timeout 60 --root "$_gr" --cwd /d "$GUEST_BIN" cwd > "$_gb.out" 2>&1
			printf 'cwd=/d\nhere.txt: in d\n' > "$_gb.exp"
			if cmp -s "$_gb.exp" "$_gb.out"; then ok "$_t: cwd is --cwd /d, here.txt read there"
			else fail "$_t: cwd is --cwd /d" "got: $(tr '\n' '|' < "$_gb.out")"; fi
			continue ;;
		thread)
			host_run "$_hb" "$_hr" -- thread
			guest_run "$_gb" "$_gr" -- thread
			if [ -z "$THREADS" ]; then
				# Without guest threads std::thread::spawn must fail cleanly:
				# relibc dadb4375 src/pthread/mod.rs turns the failed
				# rlct_clone into EAGAIN, which std reports as WouldBlock.
				expect_eq "$_t: thread::spawn fails with WouldBlock (no guest threads)" \
					"spawn failed: WouldBlock|3" "$(cat "$_gb.out")|$(cat "$_gb.rc")"
				skip "$_t: thread, mpsc and join like the host" "$THREADS_WHY"
				continue
			fi ;;
		panic)
			host_run "$_hb" "$_hr" -- "$@"
			guest_run "$_gb" "$_gr" -- "$@"
			if [ $_p = release ]; then
				# panic=abort: the message, then relibc's abort(). relibc
				# dadb4375 src/header/stdlib/mod.rs abort() logs "Abort" and
				# runs intrinsics::abort(), a trap instruction (x86_64 ud2:
				# SIGILL, aarch64 brk: SIGTRAP), where the host's raises
				# SIGABRT (134); so the status is hand-written.
				norm "$_hb.err" > "$_hb.err.n"; norm "$_gb.err" > "$_gb.err.n"
				_k=$(wc -l < "$_hb.err.n")
				if cmp -s "$_hb.out" "$_gb.out" && [ "$(cat "$_hb.rc")" = 134 ] &&
				   head -n "$_k" "$_gb.err.n" | cmp -s "$_hb.err.n" - &&
				   grep -q '^\[ERROR [^]]*\] Abort$' "$_gb.err" && [ "$(cat "$_gb.rc")" = "$ABORT_RC" ]; then
					ok "$_t: $m prints the host's message, then aborts (status $ABORT_RC)"
				else fail "$_t: $m prints the host's message, then aborts (status $ABORT_RC)" \
					"status $(cat "$_gb.rc"), stderr: $(head -5 "$_gb.err" | tr '\n' '|')"; fi
				continue
			fi ;;
		*)
			host_run "$_hb" "$_hr" -- "$@"
			guest_run "$_gb" "$_gr" -- "$@" ;;
		esac
		same "$_t: $m" "$_hb" "$_gb"
		if [ "$1" = fs ]; then
			# What it left behind, seen from the host: inside the root only.
			(cd "$_hr" && find . | sort) > "$_hb.tree"
			(cd "$_gr" && find . | sort) > "$_gb.tree"
			if cmp -s "$_hb.tree" "$_gb.tree" && [ "$(cat "$_gr/kept.txt" 2>/dev/null)" = "written by stdprog" ]; then
				ok "$_t: fs left $(tr '\n' ' ' < "$_gb.tree")in --root, like the host"
			else fail "$_t: fs left the same tree in --root as on the host" "host: $(tr '\n' ' ' < "$_hb.tree"); guest: $(tr '\n' ' ' < "$_gb.tree")"; fi
		fi
	done
}

# --- guest threads: redox-run says in --help whether it emulates them.
THREADS=1 THREADS_WHY=
if "$RUN" --help 2>&1 | tr '\n' ' ' | grep -q 'Not emulated[^.]*threads'; then
	THREADS= THREADS_WHY="redox-run does not emulate guest threads yet (--help: not emulated), so std::thread::spawn fails"
fi

# --- the host oracle: the same crate, the same cargo and rustc, for the host.
copy_crate "$HOST_TOP/stdprog"
log=$HOST_TOP/build.log
if cargo_in "$HOST_TOP/stdprog" build --offline --config "build.rustc=\"$RUSTC\"" > "$log" 2>&1 &&
   { [ "${RUST_STD_ABORT:-}" != yes ] ||
     cargo_in "$HOST_TOP/stdprog" build --release --offline --config "build.rustc=\"$RUSTC\"" >> "$log" 2>&1; }; then
	ok "host oracle: stdprog built for the host"
else
	fail "host oracle: stdprog built for the host" "see below"; tail -15 "$log" | sed 's/^/    /'
	skip_all "no host oracle"
fi
HOST_DEV=$tgt/debug/stdprog HOST_REL=$tgt/release/stdprog

for a in $ARCHS; do
	t="rust-std $a"
	w=$work/$a
	crate=$w/stdprog
	rm -rf "$w/root-"*; mkdir -p "$crate/.cargo"
	copy_crate "$crate"
	case $a in x86_64) machine=X86-64 ABORT_RC=132 ;; aarch64) machine=AArch64 ABORT_RC=133 ;; esac
	spec=$SYSROOT/share/redox-crt/rust/$a-unknown-redox-clif.json
	out=$tgt/$a-unknown-redox-clif

	# --- the config fragment
	if "$CFG" --target $a --cargo-config --offline > "$crate/.cargo/config.toml" 2> "$w/config.err"; then
		c=$crate/.cargo/config.toml
		why=
		grep -qxF "target = \"$spec\"" "$c" || why="$why no [build] target = the spec;"
		grep -qxF "runner = [\"$SYSROOT/bin/redox-run\", \"--abi=2026-08\", \"--inherit-env\", \"--root\", \".\"]" "$c" || why="$why no redox-run runner;"
		grep -qxF 'build-std = ["std", "panic_abort"]' "$c" || why="$why no build-std;"
		grep -qxF "directory = \"$rsys/lib/rustlib/src/rust/library/vendor\"" "$c" || why="$why no vendored std source;"
		grep -Eq 'link-arg|muldefs' "$c" && why="$why passes link-args;"
		if [ -z "$why" ]; then ok "$t: redox-crt-config --cargo-config --offline"
		else fail "$t: redox-crt-config --cargo-config --offline" "$why"; sed 's/^/    /' "$c"; fi
	else
		fail "$t: redox-crt-config --cargo-config --offline" "$(cat "$w/config.err")"
		for c in $CHECKS; do [ $c = config ] || skip "$t: $c" "no cargo config"; done
		continue
	fi

	for prof in dev release; do
		if [ $prof = release ] && [ "${RUST_STD_ABORT:-}" != yes ]; then
			for c in build-release inspect-release run-release; do
				skip "$t: $c (panic=abort profile)" "left out with RUST_STD_ABORT=no"
			done
			continue
		fi
		if [ $prof = dev ]; then pflag= bin=$out/debug/stdprog HOST_BIN=$HOST_DEV
		else pflag=--release bin=$out/release/stdprog HOST_BIN=$HOST_REL; fi
		log=$w/build-$prof.log
		# Compiled and linked every run, so the rustc line below exists
		# (std stays cached).
		touch "$crate/src/main.rs"
		s0=$(date +%s)
		if cargo_in "$crate" build $pflag -v > "$log" 2>&1; then
			s1=$(date +%s)
			# The program's own link: through the spec, no link-args.
			line=$(grep -F -- '--crate-name stdprog' "$log" | grep -F -- "--target $spec" | tail -1)
			if [ -z "$line" ]; then fail "$t: build-$prof with plain cargo build $pflag" "no rustc line for stdprog with --target $spec in $log"
			elif printf '%s\n' "$line" | grep -Eq 'link-arg|muldefs'; then fail "$t: build-$prof" "stdprog linked with link args: $line"
			else ok "$t: build-$prof: plain cargo build $pflag, -Zbuild-std=std,panic_abort through the spec, no link args ($((s1 - s0)) s)"; fi
		else
			fail "$t: build-$prof" "cargo build $pflag failed:"; tail -20 "$log" | sed 's/^/    /'
			skip "$t: inspect-$prof" "not built"; skip "$t: run-$prof" "not built"
			[ $prof = dev ] && for c in backtrace cargo-run cargo-test cargo-test-fails test-threads; do skip "$t: $c" "not built"; done
			[ $prof = dev ] && continue 2
			continue
		fi
		inspect "$t: inspect-$prof" "$bin" "$machine"
		GUEST_BIN=$bin
		modes "$t $prof" "$w" $prof
	done

	# --- panic=unwind backtrace through LLVM libunwind. Redox's std has no
	# symbolizer (backtrace's gimli lists no native libraries for
	# target_os=redox), so RUST_BACKTRACE=full prints addresses, resolved
	# here; RUST_BACKTRACE=1 can only print the header (short backtraces
	# are cut by symbol names).
	GUEST_BIN=$out/debug/stdprog HOST_BIN=$HOST_DEV
	guest_run "$w/bt" "$w" RUST_BACKTRACE=full -- backtrace
	host_run "$w/bt-host" "$w" RUST_BACKTRACE=1 -- backtrace
	awk '/^ *[0-9]+: +0x[0-9a-f]+ - /{print $2}' "$w/bt.err" > "$w/bt.ips"
	gf=$(resolve "$GUEST_BIN" < "$w/bt.ips")
	hp=$(sed -n 's/^ *[0-9]*: \(stdprog::[a-z0-9_]*\)$/\1/p' "$w/bt-host.err" | tr '\n' ' ' | sed 's/ $//')
	gp=$(printf '%s\n' $gf | grep '^stdprog::' | tr '\n' ' ' | sed 's/ $//')
	case "$(cat "$w/bt.rc") $gf " in
	"101 "*" $hp "*" main relibc_start_v1 _start ")
		[ -n "$hp" ] && [ "$gp" = "$hp" ] && ok "$t: RUST_BACKTRACE=full walks $hp ... main relibc_start_v1 _start (host: $hp), exit 101" ||
			fail "$t: backtrace frames" "host: '$hp', guest: '$gp'" ;;
	*) fail "$t: RUST_BACKTRACE=full frames $hp ... main relibc_start_v1 _start, exit 101" "exit $(cat "$w/bt.rc"), frames: $gf"
	   sed 's/^/    /' "$w/bt.err" | head -12 ;;
	esac

	guest_run "$w/bt1" "$w" RUST_BACKTRACE=1 -- backtrace
	if [ "$(cat "$w/bt1.rc")" = 101 ] && grep -qxF 'backtrace test: n=3' "$w/bt1.err" && grep -qxF 'stack backtrace:' "$w/bt1.err"; then
		ok "$t: RUST_BACKTRACE=1 from the environment: message, 'stack backtrace:', exit 101"
	else fail "$t: RUST_BACKTRACE=1: message, 'stack backtrace:', exit 101" "exit $(cat "$w/bt1.rc"): $(head -4 "$w/bt1.err" | tr '\n' '|')"; fi

	# --- cargo run: the runner, arguments and the exit status.
	cargo_in "$crate" run -q -- args x "y z" > "$w/run.out" 2> "$w/run.err"; r1=$?
	cargo_in "$crate" run -q -- exit 7 > "$w/run7.out" 2> "$w/run7.err"; r7=$?
	if [ $r1 = 0 ] && [ $r7 = 7 ] && [ "$(cat "$w/run.out")" = "$(printf 'argc=4\narg[1]="args" len=4\narg[2]="x" len=1\narg[3]="y z" len=3')" ]; then
		ok "$t: cargo run -- args x 'y z' / exit 7 through the runner (status 0 / 7)"
	else fail "$t: cargo run through the runner" "status $r1 / $r7, output: $(tr '\n' '|' < "$w/run.out") $(tail -3 "$w/run7.err" | tr '\n' '|')"; fi

	# --- cargo test: unit tests in redox-run, results like the host's.
	HOST_BIN=
	for x in host guest; do
		if [ $x = host ]; then d=$HOST_TOP/stdprog extra="--config build.rustc=\"$RUSTC\""
		else d=$crate extra=; fi
		# shellcheck disable=SC2086
		STDPROG_TEST_VAR="from cargo test" cargo_in "$d" test -v $extra -- --test-threads=1 > "$w/test-$x.out" 2> "$w/test-$x.err"
		echo $? > "$w/test-$x.rc"
		# shellcheck disable=SC2086
		STDPROG_TEST_VAR="from cargo test" cargo_in "$d" test $extra -- --include-ignored --test-threads=1 > "$w/testf-$x.out" 2> "$w/testf-$x.err"
		echo $? > "$w/testf-$x.rc"
	done
	exp_sum="test result: ok. 5 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in Ts"
	norm "$w/test-guest.out" > "$w/test-guest.n"; norm "$w/test-host.out" > "$w/test-host.n"
	if [ "$(cat "$w/test-guest.rc")" = 0 ] && grep -qxF "$exp_sum" "$w/test-guest.n" &&
	   grep -qF "Running \`$SYSROOT/bin/redox-run --abi=2026-08 --inherit-env --root . $out/debug/deps/stdprog-" "$w/test-guest.err" &&
	   cmp -s "$w/test-host.n" "$w/test-guest.n"; then
		ok "$t: cargo test runs the unit tests in redox-run: 5 passed, 1 ignored, like the host"
	else fail "$t: cargo test through the runner" "status $(cat "$w/test-guest.rc")"
		diff "$w/test-host.n" "$w/test-guest.n" | head -12 | sed 's/^/    /'; tail -5 "$w/test-guest.err" | sed 's/^/    /'; fi
	if [ "$(cat "$w/testf-guest.rc")" != 0 ] && grep -qxF "test tests::planted_failure ... FAILED" "$w/testf-guest.out" &&
	   grep -q "test result: FAILED. 5 passed; 1 failed; 0 ignored" "$w/testf-guest.out" &&
	   [ "$(cat "$w/testf-host.rc")" = "$(cat "$w/testf-guest.rc")" ]; then
		ok "$t: a failing unit test makes cargo test fail (status $(cat "$w/testf-guest.rc"), like the host)"
	else fail "$t: a failing unit test makes cargo test fail" "status $(cat "$w/testf-guest.rc") (host $(cat "$w/testf-host.rc"))"
		tail -8 "$w/testf-guest.out" | sed 's/^/    /'; fi
	# libtest runs each test on a thread named after it; without guest
	# threads it falls back to running it on the main thread.
	STDPROG_TEST_VAR="from cargo test" cargo_in "$crate" test -q reports_its_thread -- --nocapture > "$w/testt.out" 2> "$w/testt.err"
	tn=$(sed -n 's/^test thread: //p' "$w/testt.out")
	if [ -z "$THREADS" ]; then
		expect_eq "$t: without guest threads libtest runs the test on the main thread" 'Some("main")' "$tn"
		skip "$t: test-threads: each test on its own thread" "$THREADS_WHY"
	else
		expect_eq "$t: test-threads: each test on its own thread" 'Some("tests::reports_its_thread")' "$tn"
	fi

	# --- --freestanding: a no_std crate (tests/rust/hello-syscall, C-ABI
	# main on redox-crt's runtime) with `cargo run` through that config.
	fs=$w/freestanding
	mkdir -p "$fs/.cargo"
	cp -pR tests/rust/hello-syscall/src "$fs"/
	{ cat tests/rust/hello-syscall/Cargo.toml; printf '\n[workspace]\n\n[profile.dev]\npanic = "abort"\n'; } > "$fs/Cargo.toml.new"
	cmp -s "$fs/Cargo.toml.new" "$fs/Cargo.toml" || mv -f "$fs/Cargo.toml.new" "$fs/Cargo.toml"
	if "$CFG" --target $a --freestanding --cargo-config --offline > "$fs/.cargo/config.toml" 2> "$w/fconfig.err"; then
		cargo_in "$fs" run -- one two > "$w/free.out" 2> "$w/free.err"; r=$?
		if [ $r = 42 ] && [ "$(cat "$w/free.out")" = "hello from rust via redox_syscall3, argc=3" ]; then
			inspect "$t: freestanding: no_std crate, cargo run through --freestanding --cargo-config (status 42)" \
				"$out/debug/hello-syscall" "$machine"
		else fail "$t: freestanding: cargo run of a no_std crate" "status $r, output $(cat "$w/free.out")"
			tail -10 "$w/free.err" | sed 's/^/    /'; fi
	else fail "$t: freestanding: redox-crt-config --freestanding --cargo-config" "$(cat "$w/fconfig.err")"; fi
done
summary

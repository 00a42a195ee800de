#!/bin/sh
# SPDX-License-Identifier: MIT
# check-toolchain: redox-crt-config, the Rust target specs with a real rustc
# (Debian rustc-web, -Zbuild-std=core,alloc offline), the <triple>-clang
# wrappers, CMake and pkg-config glue, and the relibc import, each proven by
# running what it builds in redox-run. Environment comes from toolchain/part.mk.
set -u
. tests/lib/tap.sh
top=$(pwd -P)
T=$(mktemp -d "${TMPDIR:-/tmp}/check-toolchain.XXXXXX")
T_TMP=$T
trap 'rm -rf "$T"' EXIT INT TERM
SR=$top/$SYSROOT
CFG=$SR/bin/redox-crt-config
case $REDOX_RUN in /*) RUN=$REDOX_RUN ;; *) RUN=$top/$REDOX_RUN ;; esac

# run_expect NAME STATUS PATTERN PROGRAM [ARGS]: run in redox-run, compare
# the exit status and look for PATTERN in its standard output.
run_expect() {
	_n=$1 _st=$2 _pat=$3; shift 3
	"$RUN" "$@" > "$T/run.out" 2> "$T/run.err"
	_rc=$?
	if [ "$_rc" -ne "$_st" ]; then
		fail "$_n" "exit status $_rc, expected $_st"; sed 's/^/    /' "$T/run.out" "$T/run.err" | head -20
	elif ! grep -Eq -- "$_pat" "$T/run.out"; then
		fail "$_n" "stdout lacks /$_pat/"; sed 's/^/    /' "$T/run.out" "$T/run.err" | head -20
	else ok "$_n"; fi
}
# expect_fail NAME PATTERN CMD...: CMD must fail and say PATTERN on stderr.
expect_fail() {
	_n=$1 _pat=$2; shift 2
	if "$@" > "$T/ef.out" 2>&1; then fail "$_n" "succeeded, expected an error"
	elif grep -Eq -- "$_pat" "$T/ef.out"; then ok "$_n"
	else fail "$_n" "error does not match /$_pat/"; sed 's/^/    /' "$T/ef.out" | head -10; fi
}
# static_exec NAME FILE MACHINE: an ET_EXEC for MACHINE without PT_INTERP.
static_exec() {
	$LLVM_READELF -h -l "$2" > "$T/re.out" 2>&1
	if grep -q 'Type: *EXEC' "$T/re.out" && grep -q "Machine:.* $3\$" "$T/re.out" &&
	   ! grep -q INTERP "$T/re.out"; then ok "$1"
	else fail "$1" "not a static ET_EXEC for $3"; grep -E 'Type|Machine|INTERP' "$T/re.out" | sed 's/^/    /'; fi
}
machine() { case $1 in x86_64) echo X86-64 ;; aarch64) echo AArch64 ;; esac; }

### redox-crt-config
expect_eq "config: --version is the build's VERSION" "$VERSION" "$("$CFG" --version)"
expect_eq "config: --prefix is the sysroot it sits in" "$SR" "$("$CFG" --prefix)"
expect_fail "config: unknown target names the value and the accepted ones" \
	"unknown target 'riscv64'.*x86_64 aarch64" "$CFG" --target riscv64 --cflags
if [ "$(echo $ARCHS | wc -w)" -gt 1 ]; then
	expect_fail "config: --target required with two targets" "--target is required" "$CFG" --cflags
fi
expect_fail "config: unknown option" "unknown option '--frobnicate'" "$CFG" --frobnicate
mkdir -p "$T/lonely/bin" && cp "$CFG" "$T/lonely/bin/"
expect_fail "config: missing sysroot is a clear error" "no Redox sysroot found at $T/lonely" \
	"$T/lonely/bin/redox-crt-config" --cflags
for a in $ARCHS; do
	tr=$a-unknown-redox lib=$SR/$tr/lib
	expect_eq "config $a: --sysroot" "$SR/$tr" "$("$CFG" --target $tr --sysroot)"
	expect_eq "config $a: --cflags" "--target=$tr --sysroot=$SR/$tr -isystem $SR/$tr/include -D__redox__ -D__unix__ -U__WINT_TYPE__ -D__WINT_TYPE__=__UINT32_TYPE__ -D__WINT_UNSIGNED__=1 -U__WINT_MAX__ -D__WINT_MAX__=__UINT32_MAX__ -D__WINT_MIN__=0U" \
		"$("$CFG" --target $a --cflags)"
	# Exact answers, written by hand: a query that drops an object still
	# links a program that runs (crtbegin.o's __dso_handle is only needed
	# by C++), so "it runs" below cannot catch it.
	for f in crt0.o crti.o crtn.o crtbegin.o crtend.o libgcc.a; do
		check "config $a: this sysroot has $f" test -f "$lib/$f"
	done
	expect_eq "config $a: --startfiles" "$lib/crt0.o $lib/crti.o $lib/crtbegin.o" "$("$CFG" --target $a --startfiles)"
	expect_eq "config $a: --endfiles" "$lib/crtend.o $lib/crtn.o" "$("$CFG" --target $a --endfiles)"
	expect_eq "config $a: --ldflags" "-static --no-pie -z noexecstack --eh-frame-hdr -L$lib" "$("$CFG" --target $a --ldflags)"
	expect_eq "config $a: --libs --freestanding, exactly" "-lredox_start -lredox_syscall -lgcc -lunwind" "$("$CFG" --target $a --freestanding --libs)"
	expect_eq "config $a: --libs (relibc), exactly" "-lc -lgcc -lunwind" "$("$CFG" --target $a --libs 2> /dev/null)"
	gcc=; [ -f "$lib/libgcc.a" ] && gcc=" -lgcc"
	expect_eq "config $a: --libs --freestanding" "-lredox_start -lredox_syscall$gcc -lunwind" \
		"$("$CFG" --target $a --freestanding --libs)"
	rf=$("$CFG" --target $a --freestanding --rustflags)
	case $rf in "-L native=$lib -C linker="*"ld.lld"*" -C link-arg=-lredox_start -C link-arg=-lredox_syscall")
		ok "config $a: --rustflags --freestanding" ;;
	*) fail "config $a: --rustflags --freestanding" "got '$rf'" ;; esac
	# The raw ld.lld recipe of --help, fed verbatim, must give a program that runs.
	"$CLANG" $("$CFG" --target $a --cflags --freestanding) -O2 -c tests/toolchain/c/hello.c -o "$T/h-$a.o" &&
	"$CLANG" $("$CFG" --target $a --cflags --freestanding) -O2 -c tests/toolchain/c/greet.c -o "$T/g-$a.o" &&
	ld.lld $("$CFG" --target $a --ldflags) $("$CFG" --target $a --startfiles) "$T/h-$a.o" "$T/g-$a.o" \
		$("$CFG" --target $a --freestanding --libs) $("$CFG" --target $a --endfiles) -o "$T/raw-$a" 2> "$T/raw.err" ||
		{ sed 's/^/    /' "$T/raw.err"; }
	run_expect "config $a: cflags/ldflags/startfiles/libs/endfiles link a program that runs" 3 \
		"hello from C, the wrapper" "$T/raw-$a"
done

### Rust target specs
if [ -z "$(command -v "$RUSTC" 2>/dev/null)" ]; then
	fail "rust: rustc '$RUSTC' not found" "apt-get install rustc-web rust-web-src"
else
	rv=$("$RUSTC" -V)
	# The warning about a changed rustc compares the rustc the specs were
	# recorded for (or RUSTC), never whatever rustc is first on PATH.
	mkdir -p "$T/pathrustc"
	printf '#!/bin/sh\necho "rustc 0.0.1 (000000000 2020-01-01)"\n' > "$T/pathrustc/rustc"
	chmod +x "$T/pathrustc/rustc"
	a1=$(echo $ARCHS | cut -d' ' -f1)
	env -u RUSTC PATH="$T/pathrustc:$PATH" "$CFG" --target $a1 --target-spec > /dev/null 2> "$T/spec.err"
	expect_eq "spec: another rustc first on PATH draws no warning (the recorded one is compared)" "" "$(cat "$T/spec.err")"
	RUSTC="$T/pathrustc/rustc" "$CFG" --target $a1 --target-spec > /dev/null 2> "$T/spec.err"
	expect_grep "spec: RUSTC of another version draws the warning naming it" \
		"warning: $a1-unknown-redox-clif\.json was generated for '.*' but RUSTC is 'rustc 0\.0\.1 " "$T/spec.err"
	for a in $ARCHS; do
		for kind in clif none; do
			if [ $kind = clif ]; then name=$a-unknown-redox-clif k=; else name=$a-redox-none k=--kernel; fi
			spec=$("$CFG" --target $a $k --target-spec 2>/dev/null)
			expect_eq "spec $name: shipped where --target-spec says" "$SR/share/redox-crt/rust/$name.json" "$spec"
			RUSTC_BOOTSTRAP=1 "$RUSTC" -Z unstable-options --target "$spec" --print cfg > "$T/cfg" 2>&1
			if [ $kind = clif ]; then
				expect_grep "spec $name: $rv accepts it, target_os=redox" '^target_os="redox"' "$T/cfg"
				expect_grep "spec $name: static relocation model" '^relocation_model="static"' "$T/cfg"
				expect_no_grep "spec $name: no 128-bit atomics (Cranelift)" '^target_has_atomic="128"' "$T/cfg"
				got=$(jq -c '[.["max-atomic-width"], .["position-independent-executables"],
					.["static-position-independent-executables"], .["crt-static-default"],
					.linker, .["linker-flavor"], .env, .os, has("metadata"),
					.["pre-link-objects"]["static-nopic-exe"], .["post-link-objects"]["static-nopic-exe"],
					.["late-link-args"]]' "$spec")
				expect_eq "spec $name: fields" \
					'[64,false,false,true,"ld.lld","gnu-lld","relibc","redox",false,["crt0.o","crti.o"],["crtn.o"],{"gnu-lld":["-lgcc","-lunwind"]}]' "$got"
			else
				expect_grep "spec $name: $rv accepts it, target_os=none" '^target_os="none"' "$T/cfg"
				got=$(jq -c '[.["max-atomic-width"], .["relocation-model"], .["disable-redzone"],
					.["linker-flavor"], has("pre-link-objects"), has("metadata"), .["panic-strategy"]]' "$spec")
				expect_eq "spec $name: fields" '[64,"static",true,"gnu-lld",false,false,"abort"]' "$got"
				if [ $a = x86_64 ]; then
					expect_no_grep "spec $name: soft-float, no SSE in cfg" '^target_feature="sse"' "$T/cfg"
				fi
			fi
			"$SR/bin/redox-crt-target-spec" --rustc "$RUSTC" $k $a -o "$T/$name.json" &&
				cmp -s "$T/$name.json" "$spec"
			expect_eq "spec $name: the generator reproduces the shipped copy" 0 $?
		done
	done
	# Negative control for the atomics check: rustc's own aarch64 Redox spec
	# does advertise 128-bit atomics, so the check above can fail.
	RUSTC_BOOTSTRAP=1 "$RUSTC" --target aarch64-unknown-redox --print cfg > "$T/cfg" 2>&1
	expect_grep "spec: control: built-in aarch64-unknown-redox has 128-bit atomics" '^target_has_atomic="128"' "$T/cfg"
	expect_fail "spec generator: unknown target" "unknown target 'mips'" "$SR/bin/redox-crt-target-spec" mips
	expect_fail "spec generator: missing rustc" "rustc '/nonexistent/rustc' not found" \
		"$SR/bin/redox-crt-target-spec" --rustc /nonexistent/rustc x86_64

	### One rustc, chosen once and recorded (a rustup stand-in first on PATH)
	. tests/toolchain/rustc-choice.sh

	### A real rustc building no_std programs through the specs
	vendor=$("$RUSTC" --print sysroot)/lib/rustlib/src/rust/library/vendor
	if ! command -v "$CARGO" > /dev/null 2>&1; then
		fail "rust: cargo '$CARGO' not found" "apt-get install cargo-web (rustc-web's cargo), or CARGO=..."
	elif [ ! -d "$vendor" ]; then
		fail "rust: vendored std crates" "$vendor missing; apt-get install rust-web-src"
	else
		for a in $ARCHS; do
			spec=$("$CFG" --target $a --target-spec 2>/dev/null)
			log=$T/cargo-$a.log
			# The target dir under build/rust keeps core/alloc between runs.
			if RUSTC_BOOTSTRAP=1 RUSTC="$RUSTC" \
			   RUSTFLAGS="$("$CFG" --target $a --freestanding --rustflags)" \
			   "$CARGO" build --offline --release --manifest-path tests/rust/Cargo.toml \
				-Zbuild-std=core,alloc -Zbuild-std-features=compiler-builtins-mem -Zjson-target-spec \
				--target "$spec" --target-dir "$top/$BUILD/rust/target" \
				--config 'source.crates-io.replace-with="vendored-std"' \
				--config "source.vendored-std.directory=\"$vendor\"" > "$log" 2>&1; then
				ok "rust $a: cargo -Zbuild-std builds both programs with the -clif spec"
			else
				fail "rust $a: cargo build" "see below"; tail -25 "$log" | sed 's/^/    /'
			fi
			out=$top/$BUILD/rust/target/$a-unknown-redox-clif/release
			static_exec "rust $a: hello-syscall is a static ET_EXEC" "$out/hello-syscall" "$(machine $a)"
			# pre-link-objects put crt0.o first: the entry is its _start, and
			# crti/crtn gave _init.
			entry=$($LLVM_READELF -h "$out/hello-syscall" 2>/dev/null | sed -n 's/^ *Entry point address: *0x0*//p' | tr A-F a-f)
			start=$($LLVM_NM "$out/hello-syscall" 2>/dev/null | awk '$3 == "_start" { sub(/^0+/, "", $1); print $1 }')
			expect_eq "rust $a: entry point is crt0's _start" "$start" "$entry"
			check "rust $a: _init from crti.o/crtn.o is linked" sh -c "$LLVM_NM '$out/hello-syscall' | grep -q ' T _init\$'"
			run_expect "rust $a: hello-syscall (extern \"C\" redox_syscall3, C-ABI main) runs" 42 \
				'^hello from rust via redox_syscall3, argc=3$' "$out/hello-syscall" one two
			run_expect "rust $a: alloc-fmap (alloc over a bump allocator on fmap) runs" 7 \
				'^alloc-fmap: sum=500500 boxed=1001000 len=1000$' "$out/alloc-fmap"
		done
	fi
fi

### C wrapper
for a in $ARCHS; do
	tr=$a-unknown-redox cc=$SR/bin/$tr-clang
	d=$T/c-$a; mkdir -p "$d"
	# -c, then a static library, then a link with -L/-l/-Wl,/-static/-v.
	"$cc" -O2 -c tests/toolchain/c/greet.c -o "$d/greet.o" && $LLVM_AR rcs "$d/libgreet.a" "$d/greet.o"
	expect_eq "cc $a: -c gives an object for $a" "$(machine $a)" \
		"$($LLVM_READELF -h "$d/greet.o" 2>/dev/null | sed -n 's/^ *Machine: *//p' | sed 's/Advanced Micro Devices //')"
	"$cc" -nolibc -static -v -O2 tests/toolchain/c/hello.c -L"$d" -lgreet -Wl,-Map,"$d/hello.map" \
		-o "$d/hello" > "$d/link.log" 2>&1 || sed 's/^/    /' "$d/link.log"
	expect_grep "cc $a: -v shows the ld.lld line, crt0 first and crtn last" \
		"ld\.lld.* $SR/$tr/lib/crt0\.o $SR/$tr/lib/crti\.o .*-lgreet .*-lredox_start -lredox_syscall.* $SR/$tr/lib/crtn\.o" "$d/link.log"
	check "cc $a: -Wl,-Map,FILE reached the linker" test -s "$d/hello.map"
	# The whole link line, objects in place: crt0 crti crtbegin, inputs,
	# -L, the runtime, -lgcc, crtend crtn (README "Toolchain glue").
	L=$SR/$tr/lib
	got=$(grep -m 1 'ld\.lld' "$d/link.log" | tr -s ' ' | cut -d' ' -f2- | sed "s| [^ ]*/[0-9]*-hello\.c\.o| HELLO.o|")
	expect_eq "cc $a: -v link line, exactly" \
		"-static --no-pie -z noexecstack --eh-frame-hdr -o $d/hello $L/crt0.o $L/crti.o $L/crtbegin.o HELLO.o -L$d -lgreet -Map $d/hello.map -L$L -lredox_start -lredox_syscall -lgcc -lunwind $L/crtend.o $L/crtn.o" "$got"
	$LLVM_NM "$d/hello" > "$d/hello.nm" 2>&1
	expect_grep "cc $a: crtbegin.o is linked (__dso_handle defined)" ' [dDbBrR] __dso_handle$' "$d/hello.nm"
	static_exec "cc $a: the program is a static ET_EXEC" "$d/hello" "$(machine $a)"
	run_expect "cc $a: -nolibc program runs (greet, atexit, exit status)" 3 \
		'^hello from C, the wrapper$' "$d/hello"
	expect_grep "cc $a: atexit handler ran at exit" '^atexit ran$' "$T/run.out"
	# C++ with -nolibc (issue 14): main is not mangled, the global's
	# constructor and destructor (__cxa_atexit) run around main.
	"$cc" -nolibc -O2 -fno-exceptions -fno-rtti tests/toolchain/c/cxx.cpp -o "$d/cxx" > "$d/cxx.log" 2>&1 ||
		sed 's/^/    /' "$d/cxx.log"
	run_expect "cc $a: a C++ program links with -nolibc and runs" 7 '^main sees the constructed global$' "$d/cxx"
	expect_eq "cc $a: C++ constructor, main, atexit, destructor in order" \
		"constructor main sees the constructed global atexit handler destructor" "$(tr '\n' ' ' < "$T/run.out" | sed 's/ $//')"
	# -MD/-MMD in a compile-and-link write what host clang writes for the
	# same command line (the oracle), never a temporary object's name.
	md=$d/md; rm -rf "$md"; mkdir -p "$md/host" "$md/ours"
	printf '#include "dep.h"\nint main(void) { return DEP; }\n' > "$md/m.c"; echo '#define DEP 0' > "$md/dep.h"
	for c in "-MD -o prog:prog.d" "-MMD -o prog:prog.d" "-MD -MF deps.txt -o prog:deps.txt" \
		 "-MMD -MFdeps.txt -o prog:deps.txt" "-MD -MT custom -o prog:prog.d" "-MD:m.d"; do
		args=${c%:*} df=${c##*:}
		for w in host ours; do
			cp "$md/m.c" "$md/dep.h" "$md/$w/"
			if [ $w = host ]; then (cd "$md/$w" && $CLANG -nostdlib -fuse-ld=lld -Wl,-e,main $args m.c > /dev/null 2>&1)
			else (cd "$md/$w" && "$cc" -nolibc $args m.c > ../ours.log 2>&1) || sed 's/^/    /' "$md/ours.log"; fi
		done
		check "cc $a: '$args m.c' writes $df as clang does" cmp "$md/host/$df" "$md/ours/$df"
		expect_no_grep "cc $a: '$args m.c': no temporary object named" "$a-unknown-redox-clang\\." "$md/ours/$df"
		rm -rf "$md/host"/* "$md/ours"/*
	done
	"$cc" -dM -E -x c /dev/null > "$d/macros" 2>&1
	expect_grep "cc $a: predefines __redox__ like Redox's GCC" '^#define __redox__ 1$' "$d/macros"
	expect_grep "cc $a: predefines __unix__ like Redox's GCC" '^#define __unix__ 1$' "$d/macros"
	expect_grep "cc $a: wint_t is unsigned, as relibc's u32" '^#define __WINT_TYPE__ __UINT32_TYPE__$' "$d/macros"
	"$cc" -E -nolibc tests/toolchain/c/greet.c > "$d/greet.i" 2>&1
	expect_grep "cc $a: -E preprocesses with the sysroot's redox headers" 'redox_write' "$d/greet.i"
	expect_fail "cc $a: -shared is refused with the reason" "static, non-PIE" "$cc" -shared tests/toolchain/c/greet.c -o "$d/x.so"
	# pkg-config files, relative to their own place, fed into a real build.
	pcf=$(PKG_CONFIG_LIBDIR=$SR/share/redox-crt/pkgconfig/$tr pkg-config --cflags --libs --static redox-start)
	case " $pcf " in *" -lredox_start "*"-lredox_syscall "*) ok "pkg-config $a: redox-start brings redox-syscall" ;;
	*) fail "pkg-config $a: redox-start" "got '$pcf'" ;; esac
	"$cc" -nostdlib -O2 $pcf "$SR/$tr/lib/crt0.o" "$SR/$tr/lib/crti.o" tests/toolchain/c/hello.c "$d/greet.o" \
		$pcf "$SR/$tr/lib/crtn.o" -o "$d/hello-pc" > "$d/pc.log" 2>&1 || sed 's/^/    /' "$d/pc.log"
	run_expect "pkg-config $a: flags link a program that runs" 3 '^hello from C' "$d/hello-pc"
done

### CMake
if command -v cmake > /dev/null 2>&1; then
	for a in $ARCHS; do
		tr=$a-unknown-redox b=$T/cmake-$a
		if cmake -S tests/toolchain/cmake -B "$b" -DCMAKE_TOOLCHAIN_FILE="$SR/share/redox-crt/cmake/$tr.cmake" \
			-DREDOX_CRT_FREESTANDING=ON -DCMAKE_BUILD_TYPE=Release > "$b.log" 2>&1 &&
		   cmake --build "$b" >> "$b.log" 2>&1; then
			ok "cmake $a: configure and build with the toolchain file"
		else
			fail "cmake $a: configure and build" "see below"; tail -20 "$b.log" | sed 's/^/    /'
		fi
		static_exec "cmake $a: cmake-hello is a static ET_EXEC" "$b/cmake-hello" "$(machine $a)"
		run_expect "cmake $a: cmake-hello runs" 5 '^hello from C, CMake$' "$b/cmake-hello"
		if (cd "$b" && ctest --output-on-failure) > "$b.ctest" 2>&1; then ok "cmake $a: ctest runs cmake-hello (through the toolchain's emulator)"
		else fail "cmake $a: ctest runs cmake-hello" "see below"; tail -15 "$b.ctest" | sed 's/^/    /'; fi
		expect_grep "cmake $a: ctest's command is redox-run --abi=..." '"[^"]*/bin/redox-run" "--abi=20[0-9][0-9]-[0-9][0-9]" "[^"]*/cmake-hello"' "$b/CTestTestfile.cmake"
	done
else
	fail "cmake" "cmake not installed (apt-get install cmake)"
fi

### meson (Debian packages meson, ninja-build)
if command -v meson > /dev/null 2>&1 && command -v ninja > /dev/null 2>&1; then
	for a in $ARCHS; do
		tr=$a-unknown-redox b=$T/meson-$a
		"$CFG" --target $a --freestanding --meson-cross-file > "$T/$tr.ini"
		expect_grep "meson $a: --meson-cross-file fills in the prefix" "^prefix = '$SR'\$" "$T/$tr.ini"
		# meson's own sanity check already links and runs a program through
		# the exe_wrapper (redox-run); `meson test` runs hello-meson there.
		if meson setup --cross-file "$T/$tr.ini" \
			tests/toolchain/meson "$b" > "$b.log" 2>&1 && ninja -C "$b" >> "$b.log" 2>&1 &&
		   meson test -C "$b" >> "$b.log" 2>&1; then
			ok "meson $a: setup, build and test (through redox-run) with the cross file"
		else
			fail "meson $a: setup/build/test" "see below"; tail -20 "$b.log" | sed 's/^/    /'
		fi
		static_exec "meson $a: hello-meson is a static ET_EXEC" "$b/hello-meson" "$(machine $a)"
		run_expect "meson $a: hello-meson runs" 0 '^hello from C, meson$' "$b/hello-meson"
	done
else
	echo "SKIP (not counted): meson tests; meson or ninja not installed (apt-get install meson ninja-build)"
fi

### relibc import, against a stand-in relibc built here
# Work on a copy of the sysroot: tests never write into build/sysroot.
cp -a "$SR" "$T/sysroot"
rm -f "$T"/sysroot/*/lib/libc.a
S2=$T/sysroot
for a in $ARCHS; do
	tr=$a-unknown-redox
	expect_fail "cc $a: without relibc the wrapper says how to get a libc" \
		"no libc for $tr.*make install RELIBC=DIR.*-nolibc" "$S2/bin/$tr-clang" tests/toolchain/c/libc-hello.c -o "$T/nolibc"
	d=$T/relibc/$tr; mkdir -p "$d/lib"
	cp -R tests/toolchain/relibc/include "$d/include"
	"$CLANG" --target=$tr --sysroot="$T/empty" -ffreestanding -fno-pic -fno-stack-protector -O2 \
		-isystem tests/toolchain/relibc/include -Isyscalls/$a/include -c tests/toolchain/relibc/libc.c -o "$d/libc.o" &&
	$LLVM_AR rcs "$d/lib/libc.a" "$d/libc.o" && $LLVM_AR rcs "$d/lib/libm.a" "$d/libc.o"
done
# A sysroot built with BUILTINS=no: links still work, and both tools say
# what is missing.
cp -a "$SR" "$T/nogcc"; rm -f "$T"/nogcc/*/lib/libgcc.a
for a in $ARCHS; do
	tr=$a-unknown-redox
	"$T/nogcc/bin/redox-crt-config" --target $a --freestanding --libs > "$T/ng.out" 2> "$T/ng.err"
	expect_eq "no libgcc $a: --libs leaves -lgcc out" "-lredox_start -lredox_syscall -lunwind" "$(cat "$T/ng.out")"
	expect_grep "no libgcc $a: --libs warns what is missing" "libgcc.a is missing .*BUILTINS=no" "$T/ng.err"
	"$T/nogcc/bin/redox-crt-config" --target $a --freestanding --rustflags > /dev/null 2> "$T/ng.err"
	expect_grep "no libgcc $a: --rustflags warns that rustc's -lgcc will fail" "unable to find library -lgcc" "$T/ng.err"
	"$T/nogcc/bin/$tr-clang" -nolibc -O2 tests/toolchain/c/hello.c tests/toolchain/c/greet.c -o "$T/ng-$a" > "$T/ng.log" 2>&1 ||
		sed 's/^/    /' "$T/ng.log"
	run_expect "no libgcc $a: the wrapper still links a program that runs" 3 '^hello from C' "$T/ng-$a"
done

first=$(echo $ARCHS | cut -d' ' -f1) ; other=
for a in $ARCHS; do [ $a = $first ] || other=$a; done
# Each error, before anything is written.
mkdir -p "$T/bad/nolibc/include" "$T/bad/hdr/lib" "$T/bad/hdr/include/relibc"
cp tests/toolchain/relibc/include/*.h "$T/bad/nolibc/include/"
cp "$T/relibc/$first-unknown-redox/lib/libc.a" "$T/bad/hdr/lib/"
cp tests/toolchain/relibc/include/*.h "$T/bad/hdr/include/relibc/"
imp() { "$MAKE" --no-print-directory import-relibc SYSROOT="$S2" ARCHS="$1" RELIBC="$2"; }
expect_fail "import: RELIBC unset" "RELIBC is not set" "$MAKE" --no-print-directory import-relibc SYSROOT="$S2" RELIBC=
expect_fail "import: missing directory" "RELIBC=$T/nope is not a directory" imp "$first" "$T/nope"
expect_fail "import: no libc.a" "no libc.a for $first-unknown-redox" imp "$first" "$T/bad/nolibc"
expect_fail "import: headers of the wrong layout" "not a libc include directory.*stdio.h missing" imp "$first" "$T/bad/hdr"
if [ -n "$other" ]; then
	mkdir -p "$T/bad/arch/lib"
	cp -R tests/toolchain/relibc/include "$T/bad/arch/include"
	cp "$T/relibc/$other-unknown-redox/lib/libc.a" "$T/bad/arch/lib/"
	expect_fail "import: architecture mismatch (ELF e_machine)" \
		"libc.a is not for $first: its members are for $(machine $other)" imp "$first" "$T/bad/arch"
	expect_fail "import: single-arch DIR with two ARCHS" "holds one relibc.*ARCHS is '$ARCHS'" \
		imp "$ARCHS" "$T/bad/arch"
	mkdir -p "$T/bad/multi" && cp -R "$T/relibc/$first-unknown-redox" "$T/bad/multi/"
	expect_fail "import: per-target DIR missing a target" "none for $other-unknown-redox" \
		imp "$ARCHS" "$T/bad/multi"
fi
n=$(ls "$S2"/*/lib/libc.a 2>/dev/null | wc -l)
expect_eq "import: failed imports wrote nothing" 0 "$n"

# make install RELIBC=DIR into a DESTDIR, from the sysroot copy.
if "$MAKE" --no-print-directory install SYSROOT="$S2" ARCHS="$ARCHS" RELIBC="$T/relibc" \
	PREFIX=/opt/redox-crt DESTDIR="$T/dest" > "$T/install.log" 2>&1; then
	ok "import: make install RELIBC=DIR (per-target layout) into a DESTDIR"
else
	fail "import: make install RELIBC=DIR" "see below"; tail -20 "$T/install.log" | sed 's/^/    /'
fi
P=$T/dest/opt/redox-crt
for a in $ARCHS; do
	tr=$a-unknown-redox
	check "import $a: libc.a, libm.a and stdio.h installed" test -f "$P/$tr/lib/libc.a" -a -f "$P/$tr/lib/libm.a" -a -f "$P/$tr/include/stdio.h"
	check "import $a: redox-crt's crt0.o kept" cmp -s "$P/$tr/lib/crt0.o" "$SR/$tr/lib/crt0.o"
	"$P/bin/$tr-clang" -O2 tests/toolchain/c/libc-hello.c -o "$T/libc-hello-$a" > "$T/lh.log" 2>&1 || sed 's/^/    /' "$T/lh.log"
	run_expect "import $a: installed wrapper links the imported libc without -nolibc; it runs" 14 \
		'^hello through the imported libc$' "$T/libc-hello-$a"
	expect_eq "import $a: installed redox-crt-config answers for its own prefix" "$P/$tr" \
		"$("$P/bin/redox-crt-config" --target $a --sysroot)"
done
# Single-arch layout (relibc's own make install: lib/libc.a + include/).
cp -a "$SR" "$T/sysroot1"; rm -f "$T"/sysroot1/*/lib/libc.a
if "$MAKE" --no-print-directory import-relibc SYSROOT="$T/sysroot1" ARCHS="$first" \
	RELIBC="$T/relibc/$first-unknown-redox" > "$T/imp1.log" 2>&1; then
	ok "import: single-arch DIR with ARCHS=$first"
else fail "import: single-arch DIR" "see below"; sed 's/^/    /' "$T/imp1.log" | tail -10; fi
"$T/sysroot1/bin/$first-unknown-redox-clang" tests/toolchain/c/libc-hello.c -o "$T/lh1" > "$T/lh1.log" 2>&1 || sed 's/^/    /' "$T/lh1.log"
run_expect "import: single-arch import links and runs" 14 '^hello through the imported libc$' "$T/lh1"

summary

# Sourced by tests/unwind/run.sh (issue 13): every documented link line
# resolves with LLVM libunwind (no undefined symbol, no duplicate: ld.lld
# fails on either) and runs the -fexceptions program in redox-run; the
# --unwind=stubs variants give the stubs' old behaviour. Lines, from
# README: the raw freestanding line built from redox-crt-config, the
# <triple>-clang wrapper (-nolibc, and against a relibc stand-in), pkg-config,
# CMake and the Rust -clif spec (tests/unwind/rust.sh).
CFG=$SYSROOT/bin/redox-crt-config
RELIBC_SRC=${RELIBC_SRC:-../shared/relibc/src}
# The catch run's transcript and status (eh.sh has exp_catch).
run_catch() { # NAME PROG [REDOX-RUN OPTION, e.g. --abi=2026-08 for relibc programs]
	"$REDOX_RUN" ${3:-} --max-insns 100000000 "$2" catch > "$2.catch" 2>&1; _rc=$?
	expect_eq "$1: the exception raised in f3 is caught in main (exit 0)" 0 "$_rc"
	expect_eq "$1: catch transcript" "$exp_catch" "$(cat "$2.catch")"
}
# The stubs' behaviour: raise returns END_OF_STACK, so no cleanup runs
# during unwinding and main is not reached by a landing pad (exit 1).
run_catch_stubs() { # NAME PROG
	"$REDOX_RUN" --max-insns 100000000 "$2" catch > "$2.catch" 2>&1; _rc=$?
	expect_eq "$1: with the stubs the exception is not caught (exit 1)" 1 "$_rc"
	expect_eq "$1: stubs transcript: raise returns 5, frames return normally" "raise rc=5
cleanup f3
cleanup f2
cleanup f1
main: f1 returned although the exception was to be caught
cleanup main" "$(cat "$2.catch")"
}
undefined() { $LLVM_NM -u "$1" 2>/dev/null | awk '$1 == "U" { print $2 }' | tr '\n' ' ' | sed 's/ $//'; }

if [ "${UNWIND:-llvm}" != llvm ]; then
	skip "links: documented link lines with LLVM libunwind" "this sysroot was built with UNWIND=$UNWIND"
elif [ ! -f "$work/x86_64/eh_main.o" ] && [ ! -f "$work/aarch64/eh_main.o" ]; then
	fail "links: the -fexceptions objects" "not built (see the eh: build check)"
else
	for a in $ARCHS; do
		tr=$(triple $a) lib=$(cd "$SYSROOT/$(triple $a)/lib" && pwd -P)
		objs="$work/$a/eh_main.o $BUILD/$a/obj/tests/unwind/eh_frames.o $BUILD/$a/obj/tests/unwind/eh_personality.o"
		d=$work/$a/links; mkdir -p "$d"

		# redox-crt-config
		expect_eq "config $a: --libs --freestanding ends with the unwinder" \
			"-lredox_start -lredox_syscall -lgcc -lunwind" "$("$CFG" --target $a --freestanding --libs)"
		expect_eq "config $a: --ldflags (LLVM libunwind by default)" \
			"-static --no-pie -z noexecstack --eh-frame-hdr -L$lib" "$("$CFG" --target $a --ldflags)"
		expect_eq "config $a: --unwind=stubs --ldflags puts lib/unwind-stubs first" \
			"-static --no-pie -z noexecstack --eh-frame-hdr -L$lib/unwind-stubs -L$lib" "$("$CFG" --target $a --unwind=stubs --ldflags)"
		expect_eq "config $a: --unwind=stubs --target-spec names the -stubs spec" \
			"$(cd "$SYSROOT" && pwd -P)/share/redox-crt/rust/$a-unknown-redox-clif-stubs.json" \
			"$("$CFG" --target $a --unwind=stubs --target-spec 2>/dev/null)"
		sp=$("$CFG" --target $a --target-spec 2>/dev/null) sps=$("$CFG" --target $a --unwind=stubs --target-spec 2>/dev/null)
		expect_eq "spec $a: the default spec asks for unwind tables (LLVM libunwind walks panic=abort code)" \
			'true null ["-lgcc","-lunwind"]' "$(jq -c '.["default-uwtable"], .["frame-pointer"], .["late-link-args"]["gnu-lld"]' "$sp" | tr '\n' ' ' | sed 's/ $//')"
		expect_eq "spec $a: the -stubs spec keeps frame pointers (the stubs walk them)" \
			'null "always" ["-lgcc","-lunwind"]' "$(jq -c '.["default-uwtable"], .["frame-pointer"], .["late-link-args"]["gnu-lld"]' "$sps" | tr '\n' ' ' | sed 's/ $//')"
		"$CFG" --target $a --unwind=bogus --libs > /dev/null 2> "$d/bogus.err"
		expect_grep "config $a: an unknown --unwind value is refused with the choices" \
			"unknown unwinder 'bogus' in --unwind; accepted: llvm" "$d/bogus.err"

		# The raw freestanding line, from redox-crt-config.
		for u in llvm stubs; do
			p=$d/raw-$u
			if $LD_LLD $("$CFG" --target $a --unwind=$u --ldflags) $("$CFG" --target $a --startfiles) $objs \
				$("$CFG" --target $a --freestanding --libs) $("$CFG" --target $a --endfiles) -o "$p" > "$p.log" 2>&1; then
				ok "links $a: raw freestanding line (--unwind=$u) links"
			else fail "links $a: raw freestanding line (--unwind=$u) links" "$(head -3 "$p.log")"; fi
			expect_eq "links $a: raw line (--unwind=$u) leaves nothing undefined" "" "$(undefined "$p")"
		done
		run_catch "links $a: raw line" "$d/raw-llvm"
		run_catch_stubs "links $a: raw line --unwind=stubs" "$d/raw-stubs"
		check "links $a: raw line links LLVM libunwind (__unw_init_local in the program)" sh -c "$LLVM_NM '$d/raw-llvm' | grep -q ' [Tt] __unw_init_local\$'"
		# dl_iterate_phdr's second source: with __ehdr_start at 0 (as when a
		# linker script leaves the ELF header out of every PT_LOAD) the program
		# headers come from AT_PHDR/AT_PHNUM (redox_getauxval); without AT_PHDR
		# (key 3) there is nothing to find an FDE in, so the walk reports none.
		p=$d/raw-noehdr
		if $LD_LLD $("$CFG" --target $a --ldflags) $("$CFG" --target $a --startfiles) $objs \
			$("$CFG" --target $a --freestanding --libs) $("$CFG" --target $a --endfiles) --defsym=__ehdr_start=0 -o "$p" > "$p.log" 2>&1; then
			ok "links $a: raw line with __ehdr_start=0 links"
		else fail "links $a: raw line with __ehdr_start=0 links" "$(head -3 "$p.log")"; fi
		expect_eq "links $a: __ehdr_start is 0 in that program" "0000000000000000" "$($LLVM_NM "$p" | awk '$3 == "__ehdr_start" { print $1 }')"
		"$REDOX_RUN" --max-insns 100000000 "$p" bt > "$p.bt" 2>&1
		expect_eq "links $a: without __ehdr_start, AT_PHDR: LLVM libunwind walks f3 f2 f1 main relibc_start_v1 _start" \
			"f3 f2 f1 main relibc_start_v1 _start" "$(norm "$p" "$p.bt" > "$p.norm"; frames "$p.norm" frame)"
		# AT_PHDR and AT_PHNUM as redox-run gives them (redox-abi.md §1: 2026-01's
		# AT_PHDR is a copy of the headers at 0x700000000040), bias 0.
		"$REDOX_RUN" --max-insns 100000000 "$p" phdr > "$p.phdr" 2>&1
		expect_eq "links $a: without __ehdr_start, dl_iterate_phdr reports AT_PHDR/AT_PHNUM (the file's header count)" \
			"$(phdr_want "$p" 0x700000000000)" "$(head -n 2 "$p.phdr")"
		"$REDOX_RUN" --max-insns 100000000 --drop-auxv 3 "$p" bt > "$p.bt0" 2>&1
		expect_grep "links $a: without __ehdr_start and AT_PHDR: no frame found" '^backtrace rc=[0-9]+ frames=0$' "$p.bt0"

		# The wrapper, freestanding.
		for u in llvm stubs; do
			p=$d/cc-$u
			if "$SYSROOT/bin/$tr-clang" -nolibc --unwind=$u $objs -o "$p" > "$p.log" 2>&1; then
				ok "links $a: $tr-clang -nolibc --unwind=$u links"
			else fail "links $a: $tr-clang -nolibc --unwind=$u links" "$(head -3 "$p.log")"; fi
		done
		run_catch "links $a: wrapper" "$d/cc-llvm"
		run_catch_stubs "links $a: wrapper --unwind=stubs" "$d/cc-stubs"
		"$SYSROOT/bin/$tr-clang" -nolibc --unwind=longjmp $objs -o "$d/bad" > /dev/null 2> "$d/bad.err"
		expect_grep "links $a: the wrapper refuses an unknown --unwind" "unknown unwinder; fix: --unwind=llvm" "$d/bad.err"

		# pkg-config
		pc=$SYSROOT/share/redox-crt/pkgconfig/$tr
		# pkg-config prints the prefix as ${pcfiledir}/../../../.. resolves.
		pcl=$(cd "$pc/../../../.." && pwd -P)/$tr/lib
		expect_eq "pkg-config $a: redox-unwind" "-L$pcl -lunwind" \
			"$(PKG_CONFIG_LIBDIR=$(cd "$pc" && pwd -P) pkg-config --libs redox-unwind 2>&1 | sed 's| *$||; s|/share/redox-crt/pkgconfig/[^/ ]*/\.\./\.\./\.\./\.\.||g')"
		expect_eq "pkg-config $a: redox-unwind-stubs" "-L$pcl/unwind-stubs -L$pcl -lunwind" \
			"$(PKG_CONFIG_LIBDIR=$(cd "$pc" && pwd -P) pkg-config --libs redox-unwind-stubs 2>&1 | sed 's| *$||; s|/share/redox-crt/pkgconfig/[^/ ]*/\.\./\.\./\.\./\.\.||g')"

		# A relibc stand-in: a libc.a defining the five functions LLVM
		# libunwind needs under relibc's names, and neither dl_iterate_phdr
		# nor a working getauxval (relibc has neither). Linked with the
		# wrapper's libc line (crt0 crti crtbegin … -lc -lunwind -lgcc crtend crtn).
		sr=$d/sysroot; rm -rf "$sr"; mkdir -p "$sr"
		cp -a "$SYSROOT/bin" "$SYSROOT/$tr" "$sr/"
		# Built from the freestanding runtime, without its redox_getauxval
		# (relibc has none), plus tests/unwind/libc_standin.c.
		(mkdir -p "$d/ar" && cd "$d/ar" && rm -f ./*.o && $LLVM_AR x "$lib/libredox_start.a" && $LLVM_AR x "$lib/libredox_syscall.a")
		for o in "$d/ar"/*.o; do
			$LLVM_OBJCOPY --redefine-sym redox_getauxval=standin_no_getauxval "$o"
		done
		$CLANG --target=$tr --sysroot="$work/empty" -ffreestanding -O2 -c tests/unwind/libc_standin.c -o "$d/ar/zz-getauxval.o"
		# The copied sysroot may hold an imported relibc: replace it, never add to it.
		rm -f "$sr/$tr/lib/libc.a" "$sr/$tr/lib/libm.a"
		$LLVM_AR rcs "$sr/$tr/lib/libc.a" "$d/ar"/*.o
		if "$sr/bin/$tr-clang" $objs -o "$d/cc-libc" > "$d/cc-libc.log" 2>&1; then
			ok "links $a: $tr-clang (libc line, relibc stand-in) links"
		else fail "links $a: $tr-clang (libc line, relibc stand-in) links" "$(head -3 "$d/cc-libc.log")"; fi
		expect_eq "links $a: libc line leaves nothing undefined" "" "$(undefined "$d/cc-libc")"
		run_catch "links $a: libc line (stand-in, getauxval = 0)" "$d/cc-libc"

		# An imported relibc (make relibc): the wrapper's libc line with the
		# real libc.a. The program prints through redox_write, so it also
		# names -lredox_syscall; each wrapper is its own archive member, so
		# this pulls redox_write but not our redox_fpath, which relibc's
		# libc.a exports too (a duplicate would fail the link).
		if [ -f "$lib/libc.a" ] && [ -d "$lib/../include/sys" ]; then
			p=$d/cc-relibc
			if "$SYSROOT/bin/$tr-clang" $objs -lredox_syscall -o "$p" > "$p.log" 2>&1; then
				ok "links $a: $tr-clang with the imported relibc (and -lredox_syscall) links"
			else fail "links $a: $tr-clang with the imported relibc (and -lredox_syscall) links" "$(head -3 "$p.log")"; fi
			expect_eq "links $a: relibc line leaves nothing undefined" "" "$(undefined "$p")"
			check "links $a: relibc line is linked with relibc (its renamed Rust internals are in the program)" \
				sh -c "$LLVM_NM '$p' | grep -q ' __relibc_'"
			run_catch "links $a: relibc line" "$p" --abi=2026-08
		else
			skip "links $a: with an imported relibc" "no relibc in this sysroot (make relibc)"
		fi

		# CMake, freestanding, both unwinders; the backtrace run shows which.
		if command -v cmake > /dev/null 2>&1; then
			for u in llvm stubs; do
				b=$d/cmake-$u; rm -rf "$b"
				if cmake -S tests/unwind/cmake -B "$b" -DCMAKE_TOOLCHAIN_FILE="$(cd "$SYSROOT" && pwd -P)/share/redox-crt/cmake/$tr.cmake" \
					-DREDOX_CRT_FREESTANDING=ON -DREDOX_CRT_UNWIND=$u > "$b.log" 2>&1 && cmake --build "$b" >> "$b.log" 2>&1; then
					ok "cmake $a: REDOX_CRT_UNWIND=$u configures and builds"
				else fail "cmake $a: REDOX_CRT_UNWIND=$u builds" "$(tail -5 "$b.log")"; fi
				"$REDOX_RUN" --max-insns 100000000 "$b/eh" bt > "$b/bt.out" 2>&1
			done
			expect_eq "cmake $a: LLVM libunwind walks f3 f2 f1 main relibc_start_v1 _start" \
				"f3 f2 f1 main relibc_start_v1 _start" "$(norm "$d/cmake-llvm/eh" "$d/cmake-llvm/bt.out" > "$d/cmake-llvm/bt.norm"; frames "$d/cmake-llvm/bt.norm" frame)"
			# The stubs follow frame pointers, which f1..f3 do not keep.
			expect_no_grep "cmake $a: REDOX_CRT_UNWIND=stubs links the stubs (no END_OF_STACK walk through f1..f3)" \
				'^backtrace rc=5 frames=6$' "$d/cmake-stubs/bt.out"
		else
			fail "cmake $a" "cmake not installed (apt-get install cmake)"
		fi
	done

	# Names LLVM libunwind defines that relibc's source defines too: only
	# _Unwind_Resume, weak in relibc (docs/unwind.md), so no clash.
	if [ -d "$RELIBC_SRC/src" ]; then
		for f in abort free malloc memcpy memset; do
			if grep -rqE "fn $f\\(" "$RELIBC_SRC/src"; then ok "relibc: defines $f (LLVM libunwind needs it)"
			else fail "relibc: defines $f" "no 'fn $f(' under $RELIBC_SRC/src"; fi
		done
		expect_eq "relibc: has no dl_iterate_phdr (so ours is needed)" "" \
			"$(grep -rl 'dl_iterate_phdr' "$RELIBC_SRC/src" | head -1)"
		a=$(echo $ARCHS | cut -d' ' -f1)
		$LLVM_NM -g --defined-only "$SYSROOT/$(triple $a)/lib/libunwind.a" 2>/dev/null |
			awk 'NF == 3 { print $3 }' | grep -v '^_Z' | sort -u > "$work/llvm-globals"
		both=
		while read -r s; do
			grep -rqE "fn $s\\b" "$RELIBC_SRC/src" && both="$both $s"
		done < "$work/llvm-globals"
		expect_eq "relibc: of libunwind.a's $(wc -l < "$work/llvm-globals") global names only _Unwind_Resume is relibc's too" \
			" _Unwind_Resume" "$both"
		expect_grep "relibc: its _Unwind_Resume is weak" 'linkage = "weak"' \
			"$(grep -rlE 'fn _Unwind_Resume\b' "$RELIBC_SRC/src" | head -1)"
	else
		skip "relibc: names checked against relibc's source" "RELIBC_SRC=$RELIBC_SRC does not exist"
	fi
fi

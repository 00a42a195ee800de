#!/bin/sh
# SPDX-License-Identifier: MIT
# The relibc part of `make bench` (issue 15), called by bench/bench.sh, prints
# a markdown section on stdout: relibc's test suite per arch (wall time with
# the binaries cached, pass/fail/skip counts from check-relibc), and the
# instructions from _start to main of a relibc hello, with redox-crt's crt0.o
# and with relibc's own crt0 (src/crt0 of the same tree, built here with
# cargo when RELIBC_SRC and Debian's rustc are there). Measures only.
# Env: ARCHS; RELIBC_SRC (default ../shared/relibc/src when it exists).
set -u
B=build S=build/sysroot RUN=build/sysroot/bin/redox-run
W=$B/bench/relibc
mkdir -p "$W"
say() { printf '%s\n' "$*" >&2; }
: "${RELIBC_SRC:=$( [ -f ../shared/relibc/src/tests/Makefile.tests.mk ] && echo ../shared/relibc/src)}"
RUSTC=${RUSTC:-/usr/bin/rustc} CARGO=${CARGO:-/usr/bin/cargo}

echo "#### relibc"
echo
if [ -z "$RELIBC_SRC" ]; then
	echo "No relibc tree (RELIBC_SRC unset, ../shared/relibc/src missing): relibc figures skipped."
	exit 0
fi
src=$(cd "$RELIBC_SRC" && pwd -P)
echo "| figure | arch | value |"
echo "|---|---|---|"
for a in $ARCHS; do
	tr=$a-unknown-redox lib=$S/$tr/lib
	if [ ! -f "$lib/libc.a" ]; then
		echo "| relibc | $a | not in the sysroot (make relibc) |"; continue
	fi
	# The suite; run.sh times its build (cached objects/binaries: only what
	# changed) and its run phase separately.
	make --no-print-directory check-relibc ARCHS=$a RELIBC_SRC="$src" > "$W/suite-$a.log" 2>&1
	line=$(sed -n "s/^relibc $a: //p" "$W/suite-$a.log" | tail -n1)
	counts=$(printf '%s' "$line" | sed -n 's/^\([0-9]* passed, [0-9]* failed, [0-9]* skipped, [0-9]* known failures of [0-9]*\).*/\1/p')
	bt=$(printf '%s' "$line" | sed -n 's/.*; build \([0-9.]*\) s, run \([0-9.]*\) s;.*/\1/p')
	rt=$(printf '%s' "$line" | sed -n 's/.*; build \([0-9.]*\) s, run \([0-9.]*\) s;.*/\2/p')
	echo "| relibc test suite (check-relibc): run wall time | $a | ${rt:-?} s (build step ${bt:-?} s, only what changed) |"
	echo "| relibc test suite: results | $a | ${counts:-no result (see $W/suite-$a.log)} |"

	# _start -> main of a relibc hello, with our crt0 and with relibc's own.
	printf '#include <stdio.h>\nint main(void) { printf("hello %%d\\n", 42); return 0; }\n' > "$W/hello.c"
	"$S/bin/$tr-clang" -O2 -c "$W/hello.c" -o "$W/hello-$a.o" 2> "$W/cc-$a.log" &&
	"$S/bin/$tr-clang" "$W/hello-$a.o" -o "$W/hello-ours-$a" 2>> "$W/cc-$a.log" || say "bench: relibc hello $a did not link, see $W/cc-$a.log"
	ours=$("$RUN" --abi=2026-08 --root "$W" --count-until main "$W/hello-ours-$a" 2>&1 >/dev/null |
		sed -n 's/^redox-run: instructions until main: //p' | head -n1)
	theirs=– note="relibc src/crt0 not built"
	crt0=$W/relibc-crt0-$a.o
	if [ ! -f "$crt0" ] && [ -x "$RUSTC" ] && [ -f "$src/src/crt0/Cargo.toml" ]; then
		(cd "$src" && RUSTC=$RUSTC RUSTC_BOOTSTRAP=1 CARGO_HOME="$OLDPWD/$W/cargo-home" \
			CARGO_TARGET_DIR="$OLDPWD/$W/crt0-target" "$CARGO" rustc --offline --release \
			--manifest-path src/crt0/Cargo.toml -Z build-std=core --target "$tr" -- \
			--emit obj="$OLDPWD/$crt0" -C panic=abort) > "$W/crt0-$a.log" 2>&1 ||
			{ rm -f "$crt0"; say "bench: relibc's crt0 for $a did not build, see $W/crt0-$a.log"; }
	fi
	if [ -f "$crt0" ]; then
		ld.lld-19 -static --no-pie -z noexecstack --eh-frame-hdr -o "$W/hello-relibc-$a" "$crt0" "$lib/crti.o" \
			"$W/hello-$a.o" -L"$lib" -lc -lgcc "$lib/crtn.o" 2>> "$W/cc-$a.log"
		theirs=$("$RUN" --abi=2026-08 --root "$W" --count-until main "$W/hello-relibc-$a" 2>&1 >/dev/null |
			sed -n 's/^redox-run: instructions until main: //p' | head -n1)
		note="relibc's own crt0 (src/crt0, same tree): ${theirs:-did not reach main}"
	fi
	ratio=$(awk -v a="${ours:-0}" -v b="${theirs:-0}" 'BEGIN { if (a + 0 == 0 || b + 0 == 0) print "–"; else printf "%.3f×", a / b }')
	echo "| instructions \`_start\` → \`main\`, relibc hello (\`printf\`) | $a | redox-crt crt0.o: ${ours:-did not reach main}; $note; ratio $ratio |"
done
echo

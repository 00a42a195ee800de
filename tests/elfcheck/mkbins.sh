#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the good and the deliberately broken binaries for one arch.
# usage: mkbins.sh OUTDIR ARCH SYSROOT_LIBDIR  (env: CLANG, LD_LLD,
#        LLVM_OBJCOPY, EC_CFLAGS = the arch's cross_cflags, HOST_CC)
# ARCH "common" builds the inputs that are not Redox binaries at all.
set -eu
out=$1 arch=$2 lib=${3:-}
src=$(dirname "$0")
mkdir -p "$out"
if [ "$arch" = common ]; then
	for t in i686-unknown-none-elf riscv64-unknown-elf; do
		$CLANG --target=$t -ffreestanding -O2 -c "$src/tiny.c" -o "$out/$t.o"
		$LD_LLD -static -o "$out/${t%%-*}" "$out/$t.o"
	done
	printf 'int main(void) { return 0; }\n' > "$out/hello.c"
	${HOST_CC:-cc} -o "$out/host-linux" "$out/hello.c"
	printf 'not an ELF file\n' > "$out/not-elf"
	: > "$out/empty"
	exit 0
fi
cc() { $CLANG $EC_CFLAGS "$@"; }
for f in start main weakstart weakmain stubs initfrag; do
	cc -c "$src/$f.c" -o "$out/$f.o"
	cc -fPIE -c "$src/$f.c" -o "$out/$f.pie.o"
done
crt0=$lib/crt0.o crti=$lib/crti.o crtn=$lib/crtn.o
# The canonical line (mk/config.mk cross_ldflags) plus --eh-frame-hdr.
ld() { $LD_LLD -static --no-pie -z noexecstack "$@"; }
prog="$out/main.o $out/start.o"

ld --eh-frame-hdr -o "$out/good" $crt0 $crti $prog $crtn
ld --eh-frame-hdr -o "$out/good-stubs" $crt0 $crti $prog $out/stubs.o $crtn
ld --eh-frame-hdr -o "$out/good-initfrag" $crt0 $crti $prog $out/initfrag.o $crtn
# No crt0: lld warns that it cannot find _start and leaves the entry at 0.
ld --eh-frame-hdr -o "$out/no-crt0" $crti $prog $crtn 2>"$out/no-crt0.lldlog"
ld --eh-frame-hdr -o "$out/no-crtn" $crt0 $crti $prog
ld --eh-frame-hdr -o "$out/no-crti" $crt0 $prog $crtn
ld --eh-frame-hdr -o "$out/crt-swapped" $crt0 $crtn $prog $crti
ld --eh-frame-hdr -o "$out/initfrag-first" $crt0 $out/initfrag.o $crti $prog $crtn
ld --eh-frame-hdr -o "$out/entry-main" -e main $crt0 $crti $prog $crtn
ld -o "$out/no-eh-frame-hdr" $crt0 $crti $prog $crtn
ld --eh-frame-hdr -z execstack -o "$out/execstack" $crt0 $crti $prog $crtn
$LD_LLD -static --no-pie --eh-frame-hdr -o "$out/no-gnu-stack" -z nognustack \
	$crt0 $crti $prog $crtn
ld --eh-frame-hdr --omagic -o "$out/rwx" $crt0 $crti $prog $crtn
ld --eh-frame-hdr -T "$src/phdrs-outside.ld" -o "$out/phdrs-outside" $crt0 $crti $prog $crtn
ld --eh-frame-hdr -o "$out/weak-start" $crti $out/main.o $out/weakstart.o $crtn
ld --eh-frame-hdr -o "$out/weak-main" $out/weakmain.o
pie="$out/main.pie.o $out/start.pie.o"
$LD_LLD -static -pie -z noexecstack --eh-frame-hdr -o "$out/static-pie" $crt0 $crti $pie $crtn
case $arch in
x86_64) interp=/lib/ld64.so.1 ;;
*) interp=/lib/ld.so.1 ;;
esac
$LD_LLD -pie -z noexecstack --eh-frame-hdr --dynamic-linker=$interp \
	-o "$out/dyn-pie" $crt0 $crti $pie $crtn
$LD_LLD -pie -z noexecstack --eh-frame-hdr --dynamic-linker=/lib64/ld-linux-x86-64.so.2 \
	-o "$out/wrong-interp" $crt0 $crti $pie $crtn
# Code under another section name: the linked program has no .text.
for o in crt0 crti main start crtn; do
	f=$lib/$o.o
	[ -e "$f" ] || f=$out/$o.o
	ren=$($LLVM_READELF -SW "$f" | sed -n 's/.*] \(\.text[^ ]*\) .*/--rename-section \1=.code\1/p' | grep -v '=.code.rela')
	$LLVM_OBJCOPY $ren "$f" "$out/$o.code.o"
done
ld --eh-frame-hdr -o "$out/no-text" $out/crt0.code.o $out/crti.code.o \
	$out/main.code.o $out/start.code.o $out/crtn.code.o
# Truncated copies of the good binary.
head -c 40 "$out/good" > "$out/trunc-ehdr"
size=$(wc -c < "$out/good")
head -c $((size - 16)) "$out/good" > "$out/trunc-tail"
head -c 120 "$out/good" > "$out/trunc-phdrs"
# Stripped copies: checks that need symbols or sections must be skipped, not fail.
$LLVM_OBJCOPY --strip-all "$out/good" "$out/stripped"
$LLVM_OBJCOPY --strip-sections "$out/good" "$out/no-sections"

# Shell helpers for test drivers that build C programs against the real relibc
# in a sysroot (`make relibc` imports libc.a and headers into SYSROOT/TRIPLE/).
# env: CLANG, LD_LLD, LLVM_NM (default clang-19, ld.lld-19, llvm-nm-19)

# relibc_present SYSROOT TRIPLE: relibc's libc.a (with relibc_start_v1) and headers are there.
relibc_present() {
	[ -f "$1/$2/lib/libc.a" ] && [ -f "$1/$2/include/stdio.h" ] &&
		"${LLVM_NM:-llvm-nm-19}" -g --defined-only "$1/$2/lib/libc.a" 2>/dev/null |
		grep -q ' T relibc_start_v1$'
}

# relibc_prog SYSROOT TRIPLE CRT_SYSROOT SRC OUT EMPTY_SYSROOT: a static program
# from SRC with our crt0/crti/crtn and libgcc; the compiler's errors on stderr.
# clang-19 has no Redox OS: __redox__ is defined as a Redox GCC would (relibc's
# headers test it).
relibc_prog() {
	"${CLANG:-clang-19}" --target="$2" --sysroot="$6" -nostdinc -isystem "$1/$2/include" \
		-D__redox__ -O1 -Wall -Werror -c "$4" -o "$5.o" &&
	"${LD_LLD:-ld.lld-19}" -static --no-pie --eh-frame-hdr -o "$5" "$3/$2/lib/crt0.o" \
		"$3/$2/lib/crti.o" "$5.o" "$1/$2/lib/libc.a" -L"$3/$2/lib" -lgcc "$3/$2/lib/crtn.o"
}

for a in x86_64:X86-64 aarch64:AArch64; do
	elf_is "hello-libc-${a%%:*} is a static ${a%%:*} executable" "hello-libc-${a%%:*}" "${a#*:}"
	"$LLVM_READELF" -s "hello-libc-${a%%:*}" > .syms 2>&1
	expect_grep "$LBL: hello-libc-${a%%:*} starts in relibc (relibc_panic linked)" ' relibc_panic$' .syms
done
runs_in_redox "without an argument it prints 'nobody' and exits 1" 1 "hello from relibc, nobody" --abi=2026-08 ./hello-libc-aarch64

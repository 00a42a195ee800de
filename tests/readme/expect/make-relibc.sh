# Run in the tree: the sysroot it imported into now has relibc for every arch.
for a in $ARCHS; do
	"${LLVM_NM:-llvm-nm-19}" -g "$SR/$a-unknown-redox/lib/libc.a" 2> /dev/null > .nm
	expect_grep "$LBL: $a libc.a defines relibc_start_v1" ' T relibc_start_v1$' .nm
done

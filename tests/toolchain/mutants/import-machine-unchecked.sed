# file: toolchain/import-relibc.sh
# why: aarch64's ELF machine given as X86-64, so an x86_64 libc.a imports as aarch64 and aarch64's is refused
/^	case $1 in x86_64) echo "X86-64" ;; aarch64) echo "AArch64" ;; esac$/s/echo "AArch64"/echo "X86-64"/

# file: toolchain/redox-clang.sh
# why: the C wrapper leaves crtbegin.o out of the link
/^	\[ -f "$lib\/crtbegin.o" \] && start="$start $(q "$lib\/crtbegin.o")"$/d

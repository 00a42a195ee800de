# file: toolchain/redox-clang.sh
# why: the C wrapper leaves -lgcc out although libgcc.a exists
/^	if \[ -f "$lib\/libgcc.a" \]; then libs="$libs -lgcc"$/s/libs="$libs -lgcc"/libs="$libs"/

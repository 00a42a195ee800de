# file: toolchain/redox-clang.sh
# why: the C wrapper puts crtn.o before crtend.o
/^	end="$end $(q "$lib\/crtn.o")"$/s/end="$end $(q "$lib\/crtn.o")"/end="$(q "$lib\/crtn.o") $end"/

# file: relibc/symbols.sh
# why: LLVM's promoted anon.<hash>.<n> constants are left global and unrenamed
/^	\$2 ~ \/\^_R\/ || /s/ || \$2 ~ \/\^anon\\\.\[0-9a-f\]+\\\.\[0-9\]+\/ / /

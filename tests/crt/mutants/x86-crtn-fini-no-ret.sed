# file: crt/x86_64/crtn.S
# why: crtn.o's .fini epilogue lacks its ret, so _fini falls through
/^	\.section \.fini, "ax", @progbits$/,${/^	ret$/d;}

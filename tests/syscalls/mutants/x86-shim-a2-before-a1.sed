# file: syscalls/x86_64/syscall.S
# why: a2 moved into rsi before a1 is taken out of it (reversed moves)
/^	\.if \\nargs >= 1$/{N;N;N;N;N;s/^\(\t\.if \\nargs >= 1\n\tmov\t%rsi, %rdi\n\t\.endif\)\n\(\t\.if \\nargs >= 2\n\tmov\t%rdx, %rsi\n\t\.endif\)$/\2\n\1/;}

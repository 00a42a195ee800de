expect_grep "$LBL: the second run says why on stderr" '^greeting.txt: No such file or directory' .stderr
elf_is "greeting is a static x86_64 executable" greeting X86-64

elf_is "build-x86_64/hello-libc is a static x86_64 executable" build-x86_64/hello-libc X86-64
runs_in_redox "build-x86_64/hello-libc runs" 0 "hello from relibc, Redox" --abi=2026-08 build-x86_64/hello-libc Redox
expect_grep "$LBL: ctest ran the test through redox-run and it passed" '100% tests passed, 0 tests failed out of 1' .stdout

elf_is "build-x86_64/hello-libc is a static x86_64 executable" build-x86_64/hello-libc X86-64
runs_in_redox "build-x86_64/hello-libc runs" 0 "hello from relibc, Redox" --abi=2026-08 build-x86_64/hello-libc Redox
expect_grep "$LBL: meson test ran the test through redox-run and it passed" '^Ok: *1' .stdout
expect_grep "$LBL: ... and none failed" '^Fail: *0' .stdout

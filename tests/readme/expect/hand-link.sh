# The block leaves hello (aarch64, linked last) and hello.o.
elf_is "hello is a static aarch64 executable with an entry point" hello AArch64
runs_in_redox "the aarch64 hello prints its line and exits 0" 0 "hello from Redox" ./hello
runs_in_redox "with two arguments main returns argc - 1 = 2" 2 "hello from Redox" ./hello a b

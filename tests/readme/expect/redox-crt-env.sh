# README "redox-crt env": CC from `redox-crt env CMD` and from the eval'ed exports.
elf_is "hi-aarch64 is a static aarch64 ET_EXEC" hi-aarch64 AArch64
elf_is "hi is a static x86_64 ET_EXEC" hi X86-64
